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
	strict := fs.Bool("strict", false, "")
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
		ps := check.CheckSet([]datafile.Loaded{t}, pool)
		if printProblems(e.stderr, ps) {
			fmt.Fprintf(e.stderr, "%s: 有错误，未生成报告。请改正后重试（nianbao check %s）\n", t.Path, t.Path)
			failed++
			continue
		}
		if *strict && ps.Count(report.Warning) > 0 {
			fmt.Fprintf(e.stderr, "%s: 有 %d 个警告，按 --strict 未生成报告。请改正后重试（nianbao check --strict %s）\n", t.Path, ps.Count(report.Warning), t.Path)
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
		sub := site.Subdir(paths, t.Path)
		key := filepath.Join(*out, sub, base)
		if other, dup := taken[key]; dup {
			fmt.Fprintf(e.stderr, "%s: 输出文件 %s.* 与 %s 的输出重名，未生成。请分两次运行 build，用不同的 -o 目录\n", t.Path, key, other)
			failed++
			continue
		}
		taken[key] = t.Path
		var outputs []publishedFile
		refused := false
		for _, f := range use {
			rendered, warnings, err := renderers[f.name](renderInput{Doc: doc, Report: t.Report, History: history, NoCharts: *charts == "none", Templates: tmpl.FS, TemplatesDir: tmpl.Dir, Site: tmpl.Site,
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
			if *strict && len(warnings) > 0 {
				fmt.Fprintf(e.stderr, "%s: 生成 %s 时有 %d 个警告，按 --strict 未生成报告\n", t.Path, strings.ToUpper(f.name), len(warnings))
				refused = true
				break
			}
			for _, nf := range rendered {
				name := strings.ReplaceAll(nf.Name, "{base}", base)
				path, err := publish.Join(*out, filepath.Join(sub, filepath.FromSlash(name)))
				if err != nil {
					return err
				}
				outputs = append(outputs, publishedFile{path, nf.Data})
			}
		}
		if refused {
			failed++
			continue
		}
		// Written only once every format rendered, so that --strict never
		// leaves some formats of a refused report behind.
		for _, o := range outputs {
			if _, err := publish.WriteFile(o.path, o.data); err != nil {
				return err
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

// publishedFile is one rendered output waiting to be written.
type publishedFile struct {
	path string
	data []byte
}
