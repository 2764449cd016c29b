package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/report"
	"nianbao/report/publish"
)

// outputFormat is one output of `nianbao build`. Each renderer registers
// its own in an init function (build_pdf.go, build_html.go, build_xlsx.go),
// so build.go knows none of them.
type outputFormat struct {
	name    string // flag name and default extension: pdf, html, xlsx
	summary string // Chinese, for --help
	// flags registers the format's own options and returns a function that
	// renders one report with them. It is called once per build.
	flags func(fs *flag.FlagSet) renderFunc
}

// renderInput is everything a renderer may use for one report.
type renderInput struct {
	Doc    *report.Doc
	Report *report.Report
	// History holds the organ's earlier reports (oldest first), for renderers
	// that show more than the Doc (e.g. a year-over-year appendix).
	History []*report.Report
	// NoCharts: --charts none; renderers leave out the Doc's charts.
	NoCharts bool
}

// renderOutput is what a renderer produced for one report: named files
// (relative names such as "2024.pdf" or "assets/echarts.min.js") and
// warnings, already formatted for the user.
type renderOutput struct {
	Files    []namedFile
	Warnings []report.Problem
}

type namedFile struct {
	Name string
	Data []byte
}

type renderFunc func(in renderInput) (renderOutput, error)

var outputFormats []*outputFormat

func registerFormat(f *outputFormat) { outputFormats = append(outputFormats, f) }

var buildCmd = &command{
	name:    "build",
	summary: "生成年度报告（PDF、HTML 等），有错误的文件不生成",
	run:     runBuild,
}

func init() {
	buildCmd.usageFn = buildUsage
	buildCmd.order = 30
	registerCommand(buildCmd)
}

func buildUsage() string {
	var fl strings.Builder
	for _, f := range outputFormats {
		fmt.Fprintf(&fl, "  --%-6s  %s\n", f.name, f.summary)
	}
	return `用法：nianbao build [选项] 文件或目录... -o 输出目录

为每个数据文件生成年度报告。先按 nianbao check 的全部规则检查：有“错误”的
文件不生成，改为列出错误（退出码 1）；“警告”照常列出，不影响生成。
给出目录时处理其中所有 .yaml 文件，输出目录中保留相同的子目录结构。
同一目录中同一机关的往年文件用于上年衔接检查和历年趋势图。

选项：
  -o 目录      输出目录（必填）；文件先写临时文件再改名，内容不变的文件不改写
` + fl.String() + `  （不指定格式时生成全部格式）
  --charts 方式  auto（默认，附“图解”）或 none（不附图表）

示例：
  nianbao build data/shili-office/2024.yaml -o out/
  nianbao build data/ -o out/ --pdf
  nianbao build data/ -o out/ --charts none
`
}

func runBuild(e *env, args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	out := fs.String("o", "", "")
	charts := fs.String("charts", "auto", "")
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
	files, err := report.FindDataFiles(paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("在 %s 中没有找到 .yaml 数据文件", strings.Join(paths, "、"))
	}
	targets := report.LoadFiles(files)
	pool := append(append([]report.Loaded{}, targets...), report.Siblings(files)...)
	failed, built := 0, 0
	taken := map[string]string{} // output dir + base name → data file
	for _, t := range targets {
		ps := report.CheckSet([]report.Loaded{t}, pool)
		for _, p := range ps {
			if p.Severity != report.Info {
				fmt.Fprintln(e.stderr, p)
			}
		}
		if ps.HasErrors() {
			fmt.Fprintf(e.stderr, "%s: 有错误，未生成报告。请改正后重试（nianbao check %s）\n", t.Path, t.Path)
			failed++
			continue
		}
		history := report.History(t, pool)
		doc := report.Build(t.Report, history)
		base := strings.TrimSuffix(filepath.Base(t.Path), filepath.Ext(t.Path))
		dir := filepath.Join(*out, outSubdir(paths, t.Path))
		key := filepath.Join(dir, base)
		if other, dup := taken[key]; dup {
			fmt.Fprintf(e.stderr, "%s: 输出文件 %s.* 与 %s 的输出重名，未生成。请分两次运行 build，用不同的 -o 目录\n", t.Path, key, other)
			failed++
			continue
		}
		taken[key] = t.Path
		for _, f := range use {
			res, err := renderers[f.name](renderInput{Doc: doc, Report: t.Report, History: history, NoCharts: *charts == "none"})
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
			for _, w := range res.Warnings {
				fmt.Fprintln(e.stderr, w)
			}
			for _, nf := range res.Files {
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

// setupError is a render error caused by the command's options (an unusable
// font file), not by one report: build stops at once instead of repeating
// it for every file.
type setupError struct{ error }

func (e setupError) Unwrap() error { return e.error }

// outSubdir is where the outputs of file go under -o. With one argument: its
// directory structure below that argument (nothing for a single file). With
// several: first the name of the argument's directory (or, for a file, of
// the directory holding it), so data/a/2024.yaml and out/b/2024.yaml do not
// collide.
func outSubdir(args []string, file string) string {
	file = filepath.Clean(file)
	for _, a := range args {
		a = filepath.Clean(a)
		var sub, top string
		switch {
		case a == file:
			top = filepath.Base(filepath.Dir(file))
		default:
			rel, err := filepath.Rel(a, file)
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				continue
			}
			if d := filepath.Dir(rel); d != "." {
				sub = d
			}
			top = filepath.Base(a)
		}
		if len(args) == 1 || top == "." || top == string(filepath.Separator) {
			return sub
		}
		return filepath.Join(top, sub)
	}
	return ""
}
