package main

import (
	"flag"
	"fmt"
	"io"
	"nianbao/report/output"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

var siteCmd = &command{
	name:    "site",
	summary: "生成静态网站：首页、各年度报告网页、历年对比页和下载文件",
	run:     runSite,
}

func runSite(e *env, args []string) error {
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	out := fs.String("o", "", "")
	noPDF := fs.Bool("no-pdf", false, "")
	noXLSX := fs.Bool("no-xlsx", false, "")
	noDOCX := fs.Bool("no-docx", false, "")
	jobs := fs.Int("j", runtime.NumCPU(), "")
	tmplDir := fs.String("templates", "", "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("请给出数据目录，例如 nianbao site data/ -o public/")
	}
	if *out == "" {
		return usagef("请用 -o 给出网站输出目录，例如 -o public/")
	}
	if *jobs < 1 {
		return usagef("-j 至少为 1，实际为 %d", *jobs)
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
	bar := newProgress(e.tty)
	res, err := output.Site(output.SiteOptions{
		Out: *out, Files: files, Jobs: *jobs, PDF: !*noPDF, DOCX: !*noDOCX, XLSX: !*noXLSX, Templates: tmpl,
		Renderer: output.NewRenderer(tmpl, output.Options{}), Progress: bar.set,
		Hasher:     output.NewHasher(output.ToolID(), "site", flagSettings(fs), nil, *tmplDir),
		InputFiles: output.FolderFiles(*tmplDir),
	}, e.stderr)
	bar.done()
	if err != nil {
		return err
	}
	if res.Setup {
		return exitCode(1)
	}
	if len(res.Stale) > 0 {
		// Files of an earlier run this one did not write: no page links
		// them any more; the user decides whether to delete them.
		names := res.Stale
		more := ""
		if len(names) > 5 {
			names, more = names[:5], fmt.Sprintf(" 等 %d 个文件", len(res.Stale))
		}
		defer fmt.Fprintf(e.stderr, "提示：输出目录中有上次生成、本次未生成的 %s%s，已过时，网页不再链接它们；如不再需要请删除后再发布\n", strings.Join(names, "、"), more)
	}
	if res.Fresh {
		// The manifest in the output tree says the inputs did not change
		// and its files are all there: this cost the load and the hashing.
		fmt.Fprintf(e.stderr, "网站的输入（数据文件、模板、本工具）与上次生成时相同：写入 0 个文件（其余 %d 个文件内容未变）。首页：%s\n",
			len(res.Previous.Files), filepath.Join(*out, "index.html"))
		return nil
	}
	for _, n := range res.Notes {
		fmt.Fprintln(e.stderr, n)
	}
	for _, err := range res.Errors {
		fmt.Fprintln(e.stderr, err)
	}
	fmt.Fprintf(e.stderr, "网站已生成：%d 个机关，%d 份报告，写入 %d 个文件（其余 %d 个文件内容未变）；%d 项未生成。首页：%s\n",
		res.Organs, res.Reports, res.Changed, res.Unchanged, res.Failed, filepath.Join(*out, "index.html"))
	if res.Failed > 0 {
		return exitCode(1)
	}
	return nil
}

// progress draws a one-line progress bar on stderr when it is a terminal;
// otherwise it prints nothing.
type progress struct {
	w     io.Writer
	on    bool
	label string // what is in progress; 生成网站 when ""
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

// set shows that done of total jobs are done; calls must not overlap.
func (p *progress) set(done, total int) {
	if !p.on {
		return
	}
	const width = 30
	filled := done * width / max(total, 1)
	label := p.label
	if label == "" {
		label = "生成网站"
	}
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d", label, strings.Repeat("#", filled), strings.Repeat("-", width-filled), done, total)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
