package main

import (
	"errors"
	"flag"
	"fmt"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"path"
	"path/filepath"
	"strings"

	"nianbao/report"
	"nianbao/report/publish"
	"nianbao/report/site"
)

var buildCmd = &command{
	name:    "build",
	summary: "生成年度报告（PDF、HTML 等），有错误的文件不生成",
	run:     runBuild,
}

func runBuild(e *env, args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	out := fs.String("o", "", "")
	charts := fs.String("charts", "auto", "")
	tmplDir := fs.String("templates", "", "")
	selected := map[string]*bool{}
	renderers := map[string]renderFunc{}
	for _, f := range outputFormats {
		selected[f.name] = fs.Bool(f.name, false, "")
		renderers[f.name] = f.flags(fs)
	}
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("请给出数据文件或目录，例如 nianbao build data/ -o out/")
	}
	if *out == "" {
		return usagef("请用 -o 给出输出目录，例如 -o out/")
	}
	if *charts != "auto" && *charts != "none" {
		return usagef("--charts 只能是 auto 或 none，实际为“%s”", *charts)
	}
	var use []*outputFormat
	for _, f := range outputFormats {
		if *selected[f.name] {
			use = append(use, f)
		}
	}
	if len(use) == 0 {
		use = outputFormats
	}
	if len(use) == 0 {
		return fmt.Errorf("这个版本的 nianbao 没有可用的输出格式")
	}
	files, err := findFiles(paths)
	if err != nil {
		return err
	}
	tmpl, err := loadTemplates(*tmplDir)
	if err != nil {
		return err
	}
	targets := datafile.LoadFiles(files)
	pool := append(append([]datafile.Loaded{}, targets...), datafile.Siblings(files)...)
	failed, built := 0, 0
	taken := map[string]string{} // output dir + base name → data file
	for _, t := range targets {
		if printProblems(e.stderr, check.CheckSet([]datafile.Loaded{t}, pool)) {
			fmt.Fprintf(e.stderr, "%s: 有错误，未生成报告。请改正后重试（nianbao check %s）\n", t.Path, t.Path)
			failed++
			continue
		}
		history := datafile.History(t, pool)
		doc, err := report.BuildDoc(t.Report, history)
		if err != nil {
			fmt.Fprintf(e.stderr, "%v\n%s: 未生成报告\n", err, t.Path)
			failed++
			continue
		}
		base := strings.TrimSuffix(filepath.Base(t.Path), filepath.Ext(t.Path))
		dir := filepath.Join(*out, site.Subdir(paths, t.Path))
		key := filepath.Join(dir, base)
		if other, dup := taken[key]; dup {
			fmt.Fprintf(e.stderr, "%s: 输出文件 %s.* 与 %s 的输出重名，未生成。请分两次运行 build，用不同的 -o 目录\n", t.Path, key, other)
			failed++
			continue
		}
		taken[key] = t.Path
		for _, f := range use {
			rendered, warnings, err := renderers[f.name](renderInput{Doc: doc, Report: t.Report, History: history, NoCharts: *charts == "none", Templates: tmpl.FS, Site: tmpl.Site,
				Page: path.Join(filepath.ToSlash(site.Subdir(paths, t.Path)), base)})
			var setup setupError
			if errors.As(err, &setup) {
				// An option (a font file) is unusable: no report can be built.
				fmt.Fprintf(e.stderr, "%v\n未生成任何 %s 文件，请改正选项后重试。\n", setup.error, strings.ToUpper(f.name))
				return exitCode(1)
			}
			if err != nil {
				fmt.Fprintf(e.stderr, "%s: 生成 %s 失败：%v\n", t.Path, strings.ToUpper(f.name), err)
				failed++
				continue
			}
			for _, w := range warnings {
				fmt.Fprintln(e.stderr, w)
			}
			for _, nf := range rendered {
				name := strings.ReplaceAll(nf.Name, "{base}", base)
				if _, err := publish.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), nf.Data); err != nil {
					return err
				}
			}
		}
		built++
	}
	fmt.Fprintf(e.stderr, "生成了 %d 份报告，%d 个文件未生成。输出目录：%s\n", built, failed, *out)
	if failed > 0 {
		return exitCode(1)
	}
	return nil
}
