package main

import (
	"flag"
	"fmt"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"nianbao/report/output"
	"slices"

	"nianbao/report"
	"nianbao/report/pdf"
)

var checkCmd = &command{
	name:    "check",
	summary: "检查数据文件：表格勾稽关系、跨年度衔接、文字与表格一致等全部规则",
	run:     runCheck,
}

func runCheck(e *env, args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	strict := fs.Bool("strict", false, "")
	asJSON := fs.Bool("json", false, "")
	fonts := addFontFlags(fs)
	tmplDir := fs.String("templates", "", "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("请给出要检查的文件或目录，例如 nianbao check data/")
	}
	files, err := findFiles(paths)
	if err != nil {
		return err
	}
	tmpl, err := output.LoadTemplates(*tmplDir)
	if err != nil {
		return err
	}
	opts, layoutWarnings, err := output.NewRenderer(tmpl, fonts.options()).PDFOptions()
	if err != nil {
		return err
	}
	targets, siblings := datafile.LoadSet(files)
	ps := check.CheckSet(targets, siblings)
	pdfPs, err := checkPDF(targets, append(append([]datafile.Loaded{}, targets...), siblings...), ps, opts)
	if err != nil {
		return err
	}
	ps = append(ps, pdfPs...)
	ps = append(ps, layoutWarnings...)
	ps.Sort()
	if *strict {
		for i := range ps {
			if ps[i].Severity == report.Warning {
				ps[i].Severity = report.Error
			}
		}
	}
	nerr, nwarn, ninfo := ps.Count(report.Error), ps.Count(report.Warning), ps.Count(report.Info)
	if *asJSON {
		if _, err := e.stdout.Write(ps.JSON(len(files))); err != nil {
			return err
		}
	} else {
		for _, p := range ps {
			fmt.Fprintln(e.stdout, p)
		}
		verdict := "通过"
		if nerr > 0 {
			verdict = "未通过"
		}
		fmt.Fprintf(e.stdout, "检查了 %d 个文件：%d 个错误，%d 个警告，%d 条提示。%s\n", len(files), nerr, nwarn, ninfo, verdict)
	}
	if nerr > 0 {
		return exitCode(1)
	}
	return nil
}

// checkPDF finds what `build` would find when it prints each target
// without errors as PDF with opts: characters the fonts lack and text that
// cannot be printed (PDF-1, with their lines), and fonts unsuitable for
// any report (PDF-2, once per font and edition). Targets with errors are
// not built, so they are not checked.
func checkPDF(targets, pool []datafile.Loaded, ps report.Problems, opts pdf.Options) (report.Problems, error) {
	var out report.Problems
	seen := map[string]bool{}
	for _, t := range targets {
		if t.Report == nil || slices.ContainsFunc(ps, func(p report.Problem) bool {
			return p.Severity == report.Error && p.File == t.Path
		}) {
			continue
		}
		doc, err := report.BuildDoc(t.Report, datafile.History(t, pool))
		if err != nil {
			continue // reported by check (S-11)
		}
		found, err := pdf.Check(doc, opts)
		if err != nil {
			return nil, err
		}
		for _, p := range found {
			if p.Rule == "PDF-2" {
				if seen[p.String()] {
					continue
				}
				seen[p.String()] = true
			}
			out = append(out, p)
		}
	}
	return out, nil
}
