package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"nianbao/report/datafile"
	"nianbao/report/publish"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"nianbao/report"
	"nianbao/report/site"
	"nianbao/report/xlsx"
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
	go toolID() // hashes the executable when it has no VCS revision: overlap it with loading
	files, err := findFiles(paths)
	if err != nil {
		return err
	}
	tmpl, err := loadTemplates(*tmplDir)
	if err != nil {
		return err
	}
	loaded := site.LoadFiles(files, *jobs)
	siblings := datafile.Siblings(files)
	// A site whose inputs did not change since the last run (the
	// manifest in the output tree says so, and its files are all there)
	// is not rebuilt: this costs the load and the hashing only.
	var all []string
	for _, set := range [][]datafile.Loaded{loaded, siblings} {
		for _, l := range set {
			all = append(all, l.Path)
		}
	}
	inputs := siteInputs(newInputHasher("site", fs, nil, *tmplDir), all)
	old := publish.ReadManifest(*out)
	if prev, ok := old.Reports[siteKey]; ok && inputs != "" && prev.Fresh(*out, inputs) {
		fmt.Fprintf(e.stderr, "网站的输入（数据文件、模板、本工具）与上次生成时相同：写入 0 个文件（其余 %d 个文件内容未变）。首页：%s\n",
			len(prev.Files), filepath.Join(*out, "index.html"))
		if prev.Warnings > 0 {
			fmt.Fprintf(e.stderr, "上次生成时有 %d 个文件有错误未生成，用 nianbao check 查看\n", prev.Warnings)
			return exitCode(1)
		}
		return nil
	}
	problems := site.Check(loaded, siblings, *jobs)
	failed := 0
	var good []datafile.Loaded
	for i, t := range loaded {
		if printProblems(e.stderr, problems[i]) {
			fmt.Fprintf(e.stderr, "%s: 有错误，未生成报告。请改正后重试（nianbao check %s）\n", t.Path, t.Path)
			failed++
			continue
		}
		good = append(good, t)
	}
	bar := newProgress(e.tty)
	res := site.Build(good, append(append([]datafile.Loaded{}, loaded...), siblings...), site.Options{
		Dir: *out, Downloads: siteDownloads(!*noPDF, !*noDOCX, !*noXLSX, tmpl), Jobs: *jobs, Progress: bar.set,
		Templates: tmpl.FS, Site: tmpl.Site, BreakdownXLSX: breakdownXLSX(!*noXLSX),
	})
	bar.done()
	for _, n := range res.Notes {
		fmt.Fprintln(e.stderr, n)
	}
	for _, err := range res.Errors {
		fmt.Fprintln(e.stderr, err)
	}
	failed += len(res.Errors)
	if inputs != "" && len(res.Files) > 0 {
		m := &publish.Manifest{Version: 1, Reports: map[string]publish.ManifestEntry{siteKey: {Inputs: inputs, Warnings: failed, Files: res.Files}}}
		if err := m.Write(*out); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stderr, "网站已生成：%d 个机关，%d 份报告，写入 %d 个文件（其余 %d 个文件内容未变）；%d 项未生成。首页：%s\n",
		res.Organs, res.Reports, res.Changed, res.Unchanged, failed, filepath.Join(*out, "index.html"))
	if failed > 0 {
		return exitCode(1)
	}
	return nil
}

// siteDownloads are the build formats offered beside each page of the
// site, with their default options: PDF, Word and Excel, when wanted.
func siteDownloads(pdf, docx, xlsx bool, tmpl templateSet) []site.Download {
	var out []site.Download
	for _, f := range outputFormats {
		if !(f.name == "pdf" && pdf || f.name == "docx" && docx || f.name == "xlsx" && xlsx) {
			continue
		}
		render := f.flags(flag.NewFlagSet(f.name, flag.ContinueOnError))
		d := site.Download{Label: "PDF 版", MIME: "application/pdf", Ext: f.name}
		switch f.name {
		case "docx":
			d.Label, d.MIME = "Word 版", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
		case "xlsx":
			d.Label, d.MIME = "Excel 统计表", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		}
		d.Render = func(doc *report.Doc, r *report.Report, history []*report.Report) ([]byte, error) {
			// Warnings of the renderer were reported by check: the site stays quiet.
			files, _, err := render(renderInput{Doc: doc, Report: r, History: history, Templates: tmpl.FS, TemplatesDir: tmpl.Dir, Site: tmpl.Site})
			if err != nil {
				return nil, err
			}
			return files[0].Data, nil
		}
		out = append(out, d)
	}
	return out
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

// breakdownXLSX renders a region report's published breakdown as a
// workbook, unless Excel downloads are off.
func breakdownXLSX(on bool) func(*report.Breakdown) ([]byte, error) {
	if !on {
		return nil
	}
	return xlsx.BreakdownWorkbook
}

// siteKey is the manifest entry of the whole site.
const siteKey = "."

// siteInputs hashes the inputs of a whole site: the shared inputs of ih
// and every data file with its path (hashed, so that no input path is in
// the manifest). "" means unknown.
func siteInputs(ih *inputHasher, paths []string) string {
	if ih == nil {
		return ""
	}
	h := sha256.New()
	io.WriteString(h, ih.common+"\x00")
	sorted := slices.Clone(paths)
	slices.Sort(sorted)
	for _, p := range sorted {
		sum := ih.file(p)
		if sum == "" {
			return ""
		}
		io.WriteString(h, filepath.ToSlash(p)+"\x00"+sum+"\x00")
	}
	return hex.EncodeToString(h.Sum(nil))
}
