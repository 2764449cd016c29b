package main

import (
	"flag"
	"fmt"
	"io"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"nianbao/report/plain"
	"os"

	"nianbao/report"
	"nianbao/report/site"
)

var compareCmd = &command{
	name:    "compare",
	summary: "比较两个年度的报告：每个数字的增减和增减率",
	run:     runCompare,
}

func runCompare(e *env, args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	all := fs.Bool("all", false, "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	var pairs [][2]datafile.Loaded
	var notes []string
	switch len(paths) {
	case 0:
		return usagef("请给出两个年度的数据文件，或一个机关的目录，例如 nianbao compare 2023.yaml 2024.yaml")
	case 1:
		st, err := os.Stat(paths[0])
		if err != nil {
			return fmt.Errorf("%s: 找不到此文件或目录", paths[0])
		}
		if !st.IsDir() {
			return usagef("只给出了一个文件：请再给出要比较的另一个年度的文件，或给出目录")
		}
		files, err := findFiles(paths)
		if err != nil {
			return err
		}
		loaded, err := loadForCompare(e.stderr, files)
		if err != nil {
			return err
		}
		pairs, notes = site.Pairs(loaded)
	case 2:
		if a, errA := os.Stat(paths[0]); errA == nil {
			if b, errB := os.Stat(paths[1]); errB == nil && os.SameFile(a, b) {
				return usagef("两次给出的是同一个文件 %s：请给出两个年度的文件，例如 nianbao compare 2023.yaml 2024.yaml", paths[0])
			}
		}
		loaded, err := loadForCompare(e.stderr, paths)
		if err != nil {
			return err
		}
		a, b := loaded[0], loaded[1]
		if a.Report.Year > b.Report.Year {
			a, b = b, a
		}
		pairs = [][2]datafile.Loaded{{a, b}}
	default:
		return usagef("最多给出两个文件；比较多个年度请给出目录")
	}
	for i, p := range pairs {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		plain.Comparison(e.stdout, report.Compare(p[0].Report, p[1].Report), *all)
	}
	for _, n := range notes {
		fmt.Fprintln(e.stderr, n)
	}
	return nil
}

// loadForCompare loads and checks files. Load errors stop the comparison;
// check errors are reported as a caution on stderr.
func loadForCompare(stderr io.Writer, files []string) ([]datafile.Loaded, error) {
	loaded := datafile.LoadFiles(files)
	bad := 0
	for _, l := range loaded {
		if l.Report == nil || l.Problems.HasErrors() {
			for _, p := range l.Problems {
				if p.Severity == report.Error {
					fmt.Fprintln(stderr, p)
				}
			}
			bad++
		}
	}
	if bad > 0 {
		return nil, fmt.Errorf("%d 个文件有错误，无法比较。请先改正（nianbao check）", bad)
	}
	ps := check.CheckSet(loaded, datafile.Siblings(files))
	for _, l := range loaded {
		n := 0
		for _, p := range ps {
			if p.File == l.Path && p.Severity == report.Error {
				n++
			}
		}
		if n > 0 {
			fmt.Fprintf(stderr, "%s: 有 %d 个检查错误，比较结果仅供参考（nianbao check %s）\n", l.Path, n, report.ShellArg(l.Path))
		}
	}
	return loaded, nil
}
