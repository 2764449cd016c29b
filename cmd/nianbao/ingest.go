package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"nianbao/report"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"nianbao/report/ingest"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
)

var ingestCmd = &command{
	name:    "ingest",
	summary: "把已发布的年度报告（网页、Word、PDF）读成数据文件，并做全部检查",
	run:     runIngest,
}

func runIngest(e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	table := fs.String("report", "", "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("请给出已发布的报告文件（.html、.docx、.pdf）或目录，例如 nianbao ingest 2024年报.html -o 2024.yaml")
	}
	inputs, err := ingest.Find(paths)
	var ae *ingest.ArgError
	if errors.As(err, &ae) {
		return usagef("%s", ae)
	}
	if err != nil {
		return err
	}
	if *table != "" {
		return ingestReport(e, inputs, *table, *force)
	}
	if *out == "" {
		return usagef("请用 -o 给出输出：一个文件时为数据文件（-o 2024.yaml），多个文件时为目录（-o 数据目录）")
	}
	single := len(inputs) == 1 && len(paths) == 1
	if single && !datafile.IsDataFile(*out) {
		return usagef("输出文件应以 .yaml 结尾，实际为 %s；读入多个文件时 -o 给出目录", *out)
	}
	if !single {
		if st, err := os.Stat(*out); err == nil && !st.IsDir() {
			return usagef("读入多个文件时 -o 应为目录，%s 是文件", *out)
		}
	}
	bar := newProgress(e.tty)
	bar.label = "读入报告"
	results := make([]ingest.Result, len(inputs))
	for i, in := range inputs {
		results[i] = ingest.ReadFile(in)
		bar.set(i+1, len(inputs))
	}
	bar.done()
	// Output names; then write, and check every written file.
	used := map[string]bool{}
	failed := 0
	type written struct {
		ingest.Result
		out string
	}
	var ws []written
	for _, g := range results {
		if g.Note != "" {
			fmt.Fprintf(e.stderr, "%s: 提示: %s\n", g.Path, g.Note)
		}
		if g.Report == nil {
			failed++
			fmt.Fprintf(e.stderr, "%s: 无法读取：%s\n", g.Path, g.Unreadable)
			continue
		}
		w := written{Result: g, out: *out}
		if !single {
			w.out = filepath.Join(*out, ingest.DataFileName(g.Report, used))
		}
		if err := publish.CheckOutput(w.out, paths, *force); err != nil {
			fmt.Fprintln(e.stderr, err)
			failed++
			continue
		}
		if !single {
			if err := os.MkdirAll(*out, 0o755); err != nil {
				return err
			}
		}
		if _, err := publish.WriteFile(w.out, g.YAML); err != nil {
			return err
		}
		ws = append(ws, w)
	}
	nerrTotal := 0
	for _, g := range ws {
		for _, p := range g.Problems {
			fmt.Fprintln(e.stderr, p)
		}
		checks := check.Written(g.out, g.YAML)
		for _, p := range checks {
			fmt.Fprintln(e.stdout, p)
		}
		// The reading's own problems (IN-*) count with check's.
		nerr := checks.Count(report.Error) + g.Problems.Count(report.Error)
		nwarn := checks.Count(report.Warning) + g.Problems.Count(report.Warning)
		nerrTotal += nerr
		read, unreadable := ingest.Cells(g.Report)
		fmt.Fprintf(e.stderr, "已读入 %s → %s（%d 年度，%s 版格式；读出 %d 个单元格，无法读取 %d 个）。读取和检查：%d 个错误，%d 个警告\n",
			g.Path, g.out, g.Report.Year, g.Report.Edition, read, unreadable, nerr, nwarn)
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "%d 个文件未能读入（原因见上）\n", failed)
	}
	if nerrTotal > 0 || failed > 0 {
		return exitCode(1)
	}
	return nil
}

// ingestReport reads every input and writes the table of
// ingest.Summary, one row per report read, as .xlsx or CSV.
func ingestReport(e *env, inputs []string, out string, force bool) error {
	ext := strings.ToLower(filepath.Ext(out))
	if ext != ".xlsx" && ext != ".csv" {
		return usagef("--report 的文件应以 .xlsx 或 .csv 结尾，实际为 %s", out)
	}
	if err := publish.CheckOutput(out, inputs, force); err != nil {
		return err
	}
	bar := newProgress(e.tty)
	bar.label = "读入报告"
	var good []ingest.Result
	failed := 0
	for i, in := range inputs {
		g := ingest.ReadFile(in)
		bar.set(i+1, len(inputs))
		if g.Note != "" {
			bar.done()
			fmt.Fprintf(e.stderr, "%s: 提示: %s\n", in, g.Note)
		}
		if g.Report == nil {
			bar.done()
			fmt.Fprintf(e.stderr, "%s: 无法读取：%s\n", in, g.Unreadable)
			failed++
			continue
		}
		good = append(good, g)
	}
	bar.done()
	header, rows := ingest.Summary(good)
	var data []byte
	if ext == ".csv" {
		data = ingest.CSV(header, rows)
	} else {
		var err error
		if data, err = xlsx.Table("年报检查", header, rows); err != nil {
			return err
		}
	}
	if _, err := publish.WriteFile(out, data); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已读入 %d 个报告，写入 %s", len(good), out)
	if failed > 0 {
		fmt.Fprintf(e.stderr, "；%d 个文件未能读入（原因见上）", failed)
	}
	fmt.Fprintln(e.stderr)
	if failed > 0 {
		return exitCode(1)
	}
	return nil
}
