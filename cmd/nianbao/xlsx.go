package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"nianbao/report"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
)

var xlsxCmd = &command{
	name:    "xlsx",
	summary: "Excel 填报工作簿：xlsx template 生成空白填报表",
	usage: `用法：nianbao xlsx template --year 年度 --organ 机关全称 [-o 文件]

生成一份空白的 Excel 填报工作簿（.xlsx），表格与该年度适用格式的法定表格完全一致
（2019—2020 年度为国办公开办函〔2019〕60号格式，2021 年度起为国办公开办函〔2021〕30号
格式）：基本信息、表二、表三、表四、信息处理费（2021 年度起）、文字部分，以及随填写
自动计算的“校验”表。

只需填写黄色单元格，每个数都要填写，没有的填 0（空白不等于 0）；总计由公式自动计算。
表格已设保护（无密码），防止误改标签和公式。填好后用 nianbao import 导入为数据文件。

选项：
  --year 年度     报告年度，例如 2024（必填）
  --organ 名称    报告主体（机关全称），例如 示例市人民政府办公室（必填）
  -o 文件         写入文件（默认为“年度.xlsx”）；文件已存在时不覆盖，除非加 --force
  --force         覆盖已存在的文件

示例：
  nianbao xlsx template --year 2024 --organ 示例市人民政府办公室 -o 2024.xlsx
  nianbao import 2024.xlsx -o 2024.yaml
`,
	run: runXlsx,
}

func runXlsx(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("请给出子命令，例如 nianbao xlsx template --year 2024 --organ 示例市人民政府办公室")
	}
	switch args[0] {
	case "template":
		return runXlsxTemplate(e, args[1:])
	case "-h", "--help", "-help", "help":
		return flag.ErrHelp
	}
	return usagef("没有“%s”这个子命令；可用的子命令：template", args[0])
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
	if _, err := os.Stat(path); err == nil && !*force {
		return fmt.Errorf("%s 已存在，未覆盖。确需覆盖请加 --force", path)
	}
	var buf bytes.Buffer
	blank := xlsx.Template(year, name)
	if err := xlsx.Write(&buf, report.Build(blank, nil), xlsx.Options{Report: blank, Blank: true}); err != nil {
		return err
	}
	if _, err := publish.WriteFile(path, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已生成 %s（%d 年度，%s 版格式）。填写黄色单元格后运行：nianbao import %s -o %d.yaml\n",
		path, year, report.EditionForYear(year), path, year)
	return nil
}

func init() {
	xlsxCmd.order = 50
	registerCommand(xlsxCmd)
}
