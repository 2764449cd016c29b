package main

import (
	"bytes"
	"flag"
	"fmt"

	"nianbao/report"
	"nianbao/report/datafile"
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
	from := fs.String("from", "", "")
	var year int
	var blank *report.Report
	opts := xlsx.Options{Blank: true}
	if hasFrom(args) {
		// Last year's file rolled forward (as init --from), then laid out
		// as a blank workbook keeping 上年结转, the identity and the draft text.
		var data []byte
		var err error
		if year, data, err = rollForward(fs, yo, from, args); err != nil {
			return err
		}
		if blank, _ = datafile.Parse(fmt.Sprintf("%d.yaml", year), data); blank == nil {
			return fmt.Errorf("内部错误：%s 滚动到 %d 年度的数据无法读取", *from, year)
		}
		opts.Keep = []string{"requests.carried_over", "text"}
	} else {
		var name string
		var err error
		if year, name, err = yo.parse(fs, args); err != nil {
			return err
		}
		blank = xlsx.Template(year, name)
	}
	out, force := yo.out, yo.force
	path := *out
	if path == "" {
		path = fmt.Sprintf("%d.xlsx", year)
	}
	var buf bytes.Buffer
	opts.Report = blank
	if err := xlsx.Write(&buf, report.Build(blank, nil), opts); err != nil {
		return err
	}
	var inputs []string
	if *from != "" {
		inputs = []string{*from}
	}
	if err := writeOutput(path, buf.Bytes(), inputs, *force); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已生成 %s（%d 年度，%s 版格式）。填写黄色单元格后运行：nianbao import %s -o %d.yaml\n",
		path, year, report.EditionForYear(year), report.ShellArg(path), year)
	return nil
}
