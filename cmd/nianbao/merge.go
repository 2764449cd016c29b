package main

import (
	"flag"
	"fmt"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"nianbao/report/merge"
	"nianbao/report/output"
	"nianbao/report/plain"
	"path/filepath"
	"strings"

	"nianbao/report"
	"nianbao/report/html"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
)

var mergeCmd = &command{
	name:    "merge",
	summary: "汇总各单位的报告数据，生成本级政府年度报告数据文件",
	run:     runMerge,
}

func runMerge(e *env, args []string) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	manifest := fs.String("manifest", "", "")
	out := fs.String("o", "", "")
	allowErrors := fs.Bool("allow-errors", false, "")
	allowMissing := fs.Bool("allow-missing", false, "")
	force := fs.Bool("force", false, "")
	tmplDir := fs.String("templates", "", "")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("多余的参数：%s。汇总清单请用 --manifest 给出", strings.Join(rest, " "))
	}
	if *manifest == "" {
		return usagef("请用 --manifest 给出汇总清单，例如 --manifest data/shili-region/2024.manifest")
	}
	if *out == "" {
		return usagef("请用 -o 给出输出的数据文件，例如 -o out/2024.yaml")
	}
	if !datafile.IsDataFile(*out) {
		return usagef("输出文件应以 .yaml 结尾，实际为 %s", *out)
	}
	tmpl, err := output.LoadTemplates(*tmplDir)
	if err != nil {
		return err
	}
	m, ps := datafile.LoadManifest(*manifest)
	for _, p := range ps {
		fmt.Fprintln(e.stderr, p)
	}
	if m == nil {
		return fmt.Errorf("汇总清单 %s 有错误，未汇总", *manifest)
	}
	// The outputs may replace neither the manifest, nor its text file, nor
	// any unit's data file; other existing files only with --force.
	inputs := []string{*manifest, m.TextFile}
	for _, u := range m.Units {
		inputs = append(inputs, u.File)
	}
	base := strings.TrimSuffix(*out, filepath.Ext(*out))
	outputs := []string{*out, base + "-breakdown.html", base + "-breakdown.xlsx"}
	for _, o := range outputs {
		if err := publish.CheckOutput(o, inputs, *force); err != nil {
			return err
		}
	}
	res := merge.Merge(m, merge.MergeOptions{AllowErrors: *allowErrors, AllowMissing: *allowMissing})
	plain.Units(e.stdout, res.Units)
	for _, u := range res.Units {
		for _, p := range u.Problems {
			fmt.Fprintln(e.stderr, p)
		}
	}
	for _, p := range res.Problems {
		fmt.Fprintln(e.stderr, p)
	}
	if res.Region == nil {
		return fmt.Errorf("未生成汇总报告")
	}

	bd := report.NewBreakdown(res.Region, res.Units)
	page, err := html.BreakdownPage(bd, html.Options{Templates: tmpl.FS, Site: tmpl.Site})
	if err != nil {
		return fmt.Errorf("生成汇总单位明细（HTML）失败：%v", err)
	}
	book, err := xlsx.BreakdownWorkbook(bd)
	if err != nil {
		return fmt.Errorf("生成汇总单位明细（XLSX）失败：%v", err)
	}
	files := []struct {
		path string
		data []byte
	}{{outputs[0], datafile.Marshal(res.Region)}, {outputs[1], page}, {outputs[2], book}}
	var names []string
	for _, f := range files {
		if _, err := publish.WriteFile(f.path, f.data); err != nil {
			return err
		}
		names = append(names, f.path)
	}

	// The merged file must pass check like any data file, against last
	// year's region file when it is beside it.
	written := check.Written(*out, files[0].data)
	bad := printProblems(e.stderr, written)
	included := 0
	for _, u := range res.Units {
		if u.Included {
			included++
		}
	}
	fmt.Fprintf(e.stderr, "汇总了 %d 个单位（%s）。已写入 %s\n", included, bd.Summary, strings.Join(names, "、"))
	if bad {
		fmt.Fprintln(e.stderr, merge.WrittenAdvice(*out, written, res.Units))
		return exitCode(1)
	}
	return nil
}
