package main

import (
	"bytes"
	"flag"
	"fmt"

	"nianbao/report"
	"nianbao/report/xlsx"
)

var xlsxCmd = &command{
	name:    "xlsx",
	summary: "Excel 填报工作簿：xlsx template 生成空白填报表",
	run:     runXlsx,
}

func runXlsx(e *env, args []string) error {
	if err := subcommand(args, "template", "nianbao xlsx template --year 2024 --organ 示例市人民政府办公室"); err != nil {
		return err
	}
	return runXlsxTemplate(e, args[1:])
}

func runXlsxTemplate(e *env, args []string) error {
	fs := flag.NewFlagSet("xlsx template", flag.ContinueOnError)
	yo := newScaffoldFlags(fs)
	year, name, err := yo.parse(fs, args)
	if err != nil {
		return err
	}
	out, force := yo.out, yo.force
	path := *out
	if path == "" {
		path = fmt.Sprintf("%d.xlsx", year)
	}
	var buf bytes.Buffer
	blank := xlsx.Template(year, name)
	if err := xlsx.Write(&buf, report.Build(blank, nil), xlsx.Options{Report: blank, Blank: true}); err != nil {
		return err
	}
	if err := writeOutput(path, buf.Bytes(), nil, *force); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已生成 %s（%d 年度，%s 版格式）。填写黄色单元格后运行：nianbao import %s -o %d.yaml\n",
		path, year, report.EditionForYear(year), path, year)
	return nil
}
