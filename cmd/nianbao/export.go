package main

import (
	"bytes"
	"flag"
	"fmt"
	"strings"

	"nianbao/report"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
)

var exportCmd = &command{
	name:    "export",
	summary: "把数据文件导出为 Excel 工作簿（可继续填写，再用 import 导回）",
	usage: `用法：nianbao export 文件.yaml -o 文件.xlsx

把一个年度报告数据文件（.yaml）导出为 Excel 工作簿：表格与法定表格完全一致，
数字在黄色单元格中，总计为公式，另有随填写自动计算的“校验”表。可在 Excel、WPS
或 LibreOffice 中继续修改，再用 nianbao import 导回数据文件。

数据文件中有读不出的值（格式错误、空白等）时不导出，先列出这些错误；表格
勾稽关系等检查不影响导出（可在工作簿的“校验”表中对照改正）。相同的数据文件
总是生成完全相同的工作簿。

选项：
  -o 文件      输出的 .xlsx 文件（必填）；先写临时文件再改名

示例：
  nianbao export data/shili-office/2024.yaml -o 2024.xlsx
  nianbao import 2024.xlsx -o data/shili-office/2024.yaml
`,
	run: runExport,
}

func runExport(e *env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	out := fs.String("o", "", "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		if len(paths) == 0 {
			return usagef("请给出要导出的数据文件，例如 nianbao export 2024.yaml -o 2024.xlsx")
		}
		return usagef("一次只能导出一个数据文件，实际给出了 %d 个：%s", len(paths), strings.Join(paths, " "))
	}
	if *out == "" {
		return usagef("请用 -o 给出输出的 .xlsx 文件，例如 -o 2024.xlsx")
	}
	r, ps := report.LoadFile(paths[0])
	for _, p := range ps {
		if p.Severity == report.Error {
			fmt.Fprintln(e.stderr, p)
		}
	}
	if r == nil || !complete(r) || ps.HasErrors() {
		fmt.Fprintf(e.stderr, "%s: 有读不出的值，未导出。请先改正上面的错误（nianbao check %s）\n", paths[0], paths[0])
		return exitCode(1)
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, report.Build(r, nil), xlsx.Options{Report: r}); err != nil {
		return err
	}
	if _, err := publish.WriteFile(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已导出 %s\n", *out)
	return nil
}

// complete reports whether a loaded report has every table aligned with its
// edition, so it can be laid out.
func complete(r *report.Report) bool {
	return r.Edition.Valid() && len(r.Active) == len(r.Edition.Table2Cells()) && len(r.Requests) == len(r.Edition.Table3())
}

func init() {
	exportCmd.order = 51
	registerCommand(exportCmd)
}
