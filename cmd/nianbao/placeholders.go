package main

import (
	"flag"
	"fmt"

	"nianbao/report"
)

var placeholdersCmd = &command{
	name:    "placeholders",
	summary: "列出正文中可用的占位符：数字取自表格，文字与表格不会矛盾",
	run:     runPlaceholders,
}

func runPlaceholders(e *env, args []string) error {
	fs := flag.NewFlagSet("placeholders", flag.ContinueOnError)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	for _, p := range report.Placeholders {
		forms := ""
		if p.Count != nil {
			forms = "（另有 .上年、.同比）"
		}
		fmt.Fprintf(e.stdout, "{{%s}}%s\n    %s\n", p.Name, forms, p.Desc)
	}
	return nil
}
