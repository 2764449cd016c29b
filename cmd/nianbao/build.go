package main

import (
	"flag"
	"fmt"
	"runtime"
	"slices"

	"nianbao/report/output"
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
	nJobs := fs.Int("j", runtime.NumCPU(), "")
	selected := map[string]*bool{}
	for _, f := range output.Formats {
		selected[f] = fs.Bool(f, false, "")
	}
	self := fs.Bool("self-contained", false, "")
	frag := fs.Bool("fragment", false, "")
	fonts := addFontFlags(fs)
	docxTmpl := fs.String("docx-template", "", "")
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
	if *nJobs < 1 {
		return usagef("-j 至少为 1，实际为 %d", *nJobs)
	}
	if *charts != "auto" && *charts != "none" {
		return usagef("--charts 只能是 auto 或 none，实际为“%s”", *charts)
	}
	var use []string
	for _, f := range output.Formats {
		if *selected[f] {
			use = append(use, f)
		}
	}
	if len(use) == 0 {
		use = output.Formats
	}
	go output.ToolID() // hashes the executable when it has no VCS revision: overlap it with loading
	files, err := findFiles(paths)
	if err != nil {
		return err
	}
	if err := checkOutDir(*out, files); err != nil {
		return err
	}
	tmpl, err := output.LoadTemplates(*tmplDir)
	if err != nil {
		return err
	}
	opts := fonts.options()
	opts.NoCharts, opts.SelfContained, opts.Fragment, opts.DocxTemplate = *charts == "none", *self, *frag, *docxTmpl
	inputFiles := fonts.files()
	if *docxTmpl != "" {
		inputFiles = append(inputFiles, *docxTmpl)
	}
	for _, n := range ignoredOptions(use, *self, *frag, *docxTmpl, fonts) {
		fmt.Fprintln(e.stderr, n)
	}
	res, err := output.Build(output.BuildOptions{
		Out: *out, Args: paths, Files: files, Formats: use, Strict: *strict, Jobs: *nJobs,
		Hasher:     output.NewHasher(output.ToolID(), "build", flagSettings(fs), inputFiles, *tmplDir),
		Renderer:   output.NewRenderer(tmpl, opts),
		InputFiles: append(inputFiles, output.FolderFiles(*tmplDir)...),
	}, e.stderr)
	if err != nil {
		return err
	}
	if res.Setup {
		return exitCode(1)
	}
	if res.Kept > 0 {
		fmt.Fprintf(e.stderr, "生成了 %d 份报告，%d 份输入未变（沿用上次生成的文件），%d 个文件未生成。输出目录：%s\n", res.Built, res.Kept, res.Failed, *out)
	} else {
		fmt.Fprintf(e.stderr, "生成了 %d 份报告，%d 个文件未生成。输出目录：%s\n", res.Built, res.Failed, *out)
	}
	if res.Failed > 0 {
		return exitCode(1)
	}
	return nil
}

// ignoredOptions are the 提示 for options that do nothing with the formats
// chosen (--self-contained and --fragment without HTML, --docx-template
// without Word, the font files without PDF).
func ignoredOptions(formats []string, self, frag bool, docxTmpl string, fonts fontFlags) []string {
	var notes []string
	on := func(f string) bool { return slices.Contains(formats, f) }
	for _, o := range []struct {
		set    bool
		flag   string
		format string
		label  string
		name   string
	}{
		{self, "--self-contained", "html", "网页（--html）", "网页"},
		{frag, "--fragment", "html", "网页（--html）", "网页"},
		{docxTmpl != "", "--docx-template", "docx", "Word 文档（--docx）", "Word 文档"},
		{len(fonts.files()) > 0, "--font-body、--font-title、--font-bold", "pdf", "PDF（--pdf）", "PDF"},
	} {
		if o.set && !on(o.format) {
			notes = append(notes, fmt.Sprintf("提示：%s 只用于%s，本次不生成%s，此选项不起作用", o.flag, o.label, o.name))
		}
	}
	return notes
}
