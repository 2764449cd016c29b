package main

import (
	"encoding/json"
	"flag"
	"fmt"

	"nianbao/report"
)

var rulesCmd = &command{
	name:    "rules",
	summary: "列出全部检查规则：编号、严重程度、检查内容、依据",
	run:     runRules,
}

func runRules(e *env, args []string) error {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *asJSON {
		type jr struct {
			ID       string `json:"id"`
			Severity string `json:"severity"`
			Title    string `json:"title"`
			Basis    string `json:"basis"`
		}
		var out []jr
		for _, r := range report.Rules {
			out = append(out, jr{r.ID, r.Severity.Key(), r.Title, r.Basis})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, r := range report.Rules {
		fmt.Fprintf(e.stdout, "%-5s %s  %s\n      依据：%s\n", r.ID, r.Severity, r.Title, r.Basis)
	}
	fmt.Fprintf(e.stdout, "共 %d 条规则。\n", len(report.Rules))
	return nil
}
