package main

import (
	"flag"
	"fmt"

	"nianbao/report"
)

var placeholdersCmd = &command{
	name:    "placeholders",
	summary: "列出正文中可用的占位符：数字取自表格，文字与表格不会矛盾",
	usage: `用法：nianbao placeholders

在 text 的各部分中写 {{名称}}，生成报告时替换为表格中的数字，例如：
  本年新收政府信息公开申请{{本年新收申请}}件，{{本年新收申请.同比}}。
生成后为：本年新收政府信息公开申请158件，同比增长41.1%。

每个数字类名称还有两种形式（需要同一目录中的上一年度报告文件，缺少时印为“—”）：
  {{名称.上年}}   上一年度的数字
  {{名称.同比}}   与上年相比：同比增长12.5% / 同比下降3.0% / 与上年持平
名称写错时 nianbao check 报错（TX-7）并提示最接近的名称。
{{ }}、{{.Organ}} 这类不以汉字开头的写法不是占位符，照原样印出。

示例：
  nianbao placeholders
`,
	run: runPlaceholders,
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
