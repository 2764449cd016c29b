package main

import (
	"flag"
	"fmt"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"nianbao/report/publish"
	"slices"
	"strings"

	"nianbao/report"
	"nianbao/report/xlsx"
)

var importCmd = &command{
	name:    "import",
	summary: "把填好的 Excel 工作簿导入为数据文件，并做全部检查",
	run:     runImport,
}

func runImport(e *env, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		if len(paths) == 0 {
			return usagef("请给出要导入的工作簿，例如 nianbao import 2024.xlsx -o 2024.yaml")
		}
		return usagef("一次只能导入一个工作簿，实际给出了 %d 个：%s", len(paths), strings.Join(paths, " "))
	}
	if *out == "" {
		return usagef("请用 -o 给出输出的数据文件，例如 -o 2024.yaml")
	}
	if !datafile.IsDataFile(*out) {
		return usagef("输出文件应以 .yaml 结尾，实际为 %s", *out)
	}
	in := paths[0]
	if err := publish.CheckOutput(*out, paths, *force); err != nil {
		return err
	}
	data, err := publish.ReadFile(in, xlsx.MaxFileSize, "工作簿")
	if err != nil {
		return err
	}
	r, ps := xlsx.Read(in, data)
	for _, p := range ps {
		fmt.Fprintln(e.stderr, p)
	}
	if r == nil {
		if slices.ContainsFunc(ps, func(p report.Problem) bool { return p.Rule == "S-1" }) {
			fmt.Fprintf(e.stderr, "%s: 无法读取，未导入\n", in) // not a workbook: nothing to correct in it
		} else if blank := ps.CountRule(report.Error, "S-5"); blank == ps.Count(report.Error) && blank >= 50 {
			// Every error is a blank input: the workbook was never filled in.
			fmt.Fprintf(e.stderr, "%s: 有 %d 个单元格未填写，工作簿似乎还没有填写。请填写各表的黄色单元格（没有的填 0）后再导入\n", in, blank)
		} else {
			fmt.Fprintf(e.stderr, "%s: 有 %d 个错误，未导入。请在工作簿中改正后重试\n", in, ps.Count(report.Error))
		}
		return exitCode(1)
	}
	yaml := datafile.Marshal(r)
	if err := writeOutput(*out, yaml, paths, *force); err != nil {
		return err
	}
	// Check the file as written: problems point at its lines, and the
	// previous year's file is looked up beside it.
	checks := check.Written(*out, yaml)
	for _, p := range checks {
		fmt.Fprintln(e.stdout, inWorkbook(p, r.Edition))
	}
	// The workbook's own warnings (a total typed over) count too.
	nerr, nwarn := checks.Count(report.Error), checks.Count(report.Warning)+ps.Count(report.Warning)
	fmt.Fprintf(e.stderr, "已导入 %s → %s。检查：%d 个错误，%d 个警告\n", in, *out, nerr, nwarn)
	if nerr > 0 {
		return exitCode(1)
	}
	return nil
}

// inWorkbook points a problem of the data file written by import at the
// workbook it came from, for someone who has only the workbook: the lines
// of the data file a rule read are named as the workbook's cells
// (（工作簿 表三!D6:D26、D28）, another file's lines kept), and the cell of
// the problem's own path is added unless named already. The file:line
// prefix still names the data file, which exists.
func inWorkbook(p report.Problem, ed report.Edition) report.Problem {
	// The data file's keys a message names are, in the workbook, rows of
	// 基本信息.
	if cell := xlsx.CellFor(ed, "carry_over_note"); cell != "" {
		zh := "工作簿的“上年结转说明”（" + cell + "）"
		p.Msg = strings.ReplaceAll(strings.ReplaceAll(p.Msg, " carry_over_note ", zh), "carry_over_note", zh)
	}
	if p.Lines != nil {
		read := p.Lines.Paths
		if cells := xlsx.CellsFor(ed, read); cells != "" {
			p = p.ReplaceLines("工作簿 " + cells)
			if slices.Contains(read, p.Path) {
				return p
			}
		}
	}
	if cell := xlsx.CellFor(ed, p.Path); cell != "" {
		p.Msg += "（工作簿 " + cell + "）"
	}
	return p
}
