package main

import (
	"bytes"
	"flag"
	"fmt"
	"nianbao/report/datafile"
	"strings"

	"nianbao/report"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
)

var exportCmd = &command{
	name:    "export",
	summary: "把数据文件导出为 Excel 工作簿（可继续填写，再用 import 导回）",
	run:     runExport,
}

func runExport(e *env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
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
	if err := publish.CheckOutput(*out, paths, *force); err != nil {
		return err
	}
	r, ps := datafile.LoadFile(paths[0])
	for _, p := range ps {
		if p.Severity == report.Error {
			fmt.Fprintln(e.stderr, p)
		}
	}
	if r == nil || !complete(r) || ps.HasErrors() {
		fmt.Fprintf(e.stderr, "%s: 有读不出的值，未导出。请先改正上面的错误（nianbao check %s）\n", paths[0], report.ShellArg(paths[0]))
		return exitCode(1)
	}
	doc, err := report.BuildDoc(r, nil)
	if err != nil {
		fmt.Fprintf(e.stderr, "%v\n%s: 未导出\n", err, paths[0])
		return exitCode(1)
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, doc, xlsx.Options{Report: r}); err != nil {
		return err
	}
	if err := writeOutput(*out, buf.Bytes(), paths, *force); err != nil {
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
