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
	usage: `用法：nianbao rules [--json]

列出 nianbao check 执行的全部规则。规则编号是稳定的，可用于在其他系统中引用。
严重程度：错误（必须改正，阻止生成报告）、警告（请核实）、提示（说明信息）。

选项：
  --json   以 JSON 输出

示例：
  nianbao rules
  nianbao rules --json
`,
	run: runRules,
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
