package main

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"nianbao/report"
	"nianbao/report/html"
	"nianbao/report/publish"
	"nianbao/templates"
)

var siteCmd = &command{
	name:    "site",
	summary: "生成静态网站：首页、各年度报告网页、历年对比页和下载文件",
	order:   40,
	usage: `用法：nianbao site [选项] 数据目录... -o 网站目录

把数据目录中所有机关、所有年度的报告生成一个静态网站：
  index.html                 首页：按机关列出各年度报告（新的在前）
  {机关}/index.html          该机关的历年数据对比页（图表和逐年增减表）
  {机关}/{年度}.html         年度报告网页
  {机关}/{年度}.pdf、.xlsx   PDF 版和 Excel 统计表（本版本支持时生成）
  {机关}/{年度}.json、.csv   开放数据（格式说明见网站中的 opendata.html）
  opendata.html              开放数据格式说明
  assets/                    样式表和图表脚本（ECharts）
{机关} 取自数据文件所在的子目录名。所有链接都是相对链接，整个网站目录可以
复制到任何网站服务器或直接用浏览器打开，页面不访问任何外部网址。
先按 nianbao check 的全部规则检查：有“错误”的文件不生成，改为列出错误，
其余照常生成（退出码 1）。文件先写临时文件再改名；内容不变的文件不改写，
所以数据不变时重新生成不会改动网站中的任何文件。

选项：
  -o 目录     网站输出目录（必填）
  --no-pdf    不生成 PDF（生成更快）
  --no-xlsx   不生成 Excel 统计表
  -j 数量     同时生成的份数（默认为 CPU 核数）

示例：
  nianbao site data/ -o public/
  nianbao site data/ -o public/ --no-pdf
`,
	run: runSite,
}

func init() { registerCommand(siteCmd) }

// siteReport is one report of the site.
type siteReport struct {
	loaded  report.Loaded
	history []*report.Report
	organ   *siteOrgan
}

// siteOrgan is one organ (one data directory and organ name).
type siteOrgan struct {
	name    string
	slug    string
	reports []*siteReport // oldest first
}

// siteDownload is a file offered next to each report page.
type siteDownload struct {
	label, mime string
	ext         string // file extension, also the key of the format
	render      func(sr *siteReport, doc *report.Doc) ([]namedFile, error)
}

func runSite(e *env, args []string) error {
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	out := fs.String("o", "", "")
	noPDF := fs.Bool("no-pdf", false, "")
	noXLSX := fs.Bool("no-xlsx", false, "")
	jobs := fs.Int("j", runtime.NumCPU(), "")
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
	files, err := report.FindDataFiles(paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("在 %s 中没有找到 .yaml 数据文件", strings.Join(paths, "、"))
	}

	loaded := loadParallel(files, *jobs)
	siblings := report.Siblings(files)
	pool := append(append([]report.Loaded{}, loaded...), siblings...)
	problems := make([]report.Problems, len(loaded))
	parallel(len(loaded), *jobs, func(i int) {
		// The pool of file i is every other file (CheckSet reports a file
		// that is both a target and in the pool as a duplicate).
		others := make([]report.Loaded, 0, len(pool)-1)
		others = append(append(others, loaded[:i]...), loaded[i+1:]...)
		others = append(others, siblings...)
		problems[i] = report.CheckSet([]report.Loaded{loaded[i]}, others)
	})
	failed := 0
	var good []*siteReport
	for i, t := range loaded {
		for _, p := range problems[i] {
			if p.Severity != report.Info {
				fmt.Fprintln(e.stderr, p)
			}
		}
		if problems[i].HasErrors() {
			fmt.Fprintf(e.stderr, "%s: 有错误，未生成报告。请改正后重试（nianbao check %s）\n", t.Path, t.Path)
			failed++
			continue
		}
		good = append(good, &siteReport{loaded: t, history: report.History(t, pool)})
	}
	organs := groupOrgans(paths, good)

	downloads := siteDownloads(!*noPDF, !*noXLSX)
	// Every page and file is one job; the home page and the assets are written first.
	type job func() error
	var work []job
	w := &siteWriter{root: *out}
	work = append(work, func() error { return w.assets() }, func() error { return w.home(organs, downloads) })
	for _, o := range organs {
		work = append(work, func() error { return w.trend(o) })
		for _, sr := range o.reports {
			work = append(work, func() error { return w.report(sr, downloads) })
		}
	}
	bar := newProgress(e.stderr, len(work))
	errs := make([]error, len(work))
	parallel(len(work), *jobs, func(i int) {
		errs[i] = work[i]()
		bar.add()
	})
	bar.done()
	for _, err := range errs {
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			failed++
		}
	}
	reports := 0
	for _, o := range organs {
		reports += len(o.reports)
	}
	fmt.Fprintf(e.stderr, "网站已生成：%d 个机关，%d 份报告，写入 %d 个文件（其余 %d 个文件内容未变）；%d 项未生成。首页：%s\n",
		len(organs), reports, w.changed.Load(), w.unchanged.Load(), failed, filepath.Join(*out, "index.html"))
	if failed > 0 {
		return exitCode(1)
	}
	return nil
}

// loadParallel loads files on n goroutines, keeping their order.
func loadParallel(files []string, n int) []report.Loaded {
	out := make([]report.Loaded, len(files))
	parallel(len(files), n, func(i int) {
		r, ps := report.LoadFile(files[i])
		out[i] = report.Loaded{Path: files[i], Report: r, Problems: ps}
	})
	return out
}

// parallel runs fn(0) … fn(n-1) on at most workers goroutines.
func parallel(n, workers int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// groupOrgans groups reports by data directory and organ name and gives
// each organ a folder name (slug) from its data directory: ASCII letters,
// digits, '-', '_' and '.'; a directory holding several organs, or a name
// with nothing usable, gets a numbered slug. Organs are sorted by name.
func groupOrgans(args []string, reports []*siteReport) []*siteOrgan {
	type key struct{ dir, organ string }
	byKey := map[key]*siteOrgan{}
	dirOf := map[*siteOrgan]string{}
	var organs []*siteOrgan
	for _, sr := range reports {
		r := sr.loaded.Report
		k := key{filepath.Clean(filepath.Dir(sr.loaded.Path)), r.Organ}
		o := byKey[k]
		if o == nil {
			o = &siteOrgan{name: r.Organ}
			byKey[k] = o
			dirOf[o] = outSubdir(args, sr.loaded.Path)
			if dirOf[o] == "" {
				// One organ directory given as the only argument: name its
				// pages after that directory.
				dirOf[o] = filepath.Base(filepath.Dir(filepath.Clean(sr.loaded.Path)))
			}
			organs = append(organs, o)
		}
		o.reports = append(o.reports, sr)
		sr.organ = o
	}
	slices.SortFunc(organs, func(a, b *siteOrgan) int {
		return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(dirOf[a], dirOf[b]))
	})
	used := map[string]bool{"assets": true, "index.html": true, "opendata.html": true}
	for i, o := range organs {
		slug := slugOf(dirOf[o])
		if slug == "" {
			slug = fmt.Sprintf("organ-%d", i+1)
		}
		base := slug
		for n := 2; used[slug]; n++ {
			slug = fmt.Sprintf("%s-%d", base, n)
		}
		used[slug] = true
		o.slug = slug
		slices.SortFunc(o.reports, func(a, b *siteReport) int {
			return cmp.Compare(a.loaded.Report.Year, b.loaded.Report.Year)
		})
		// Same organ and year twice in one directory is an S-8 error, so
		// it cannot reach here; keep the first if it does.
		o.reports = slices.CompactFunc(o.reports, func(a, b *siteReport) bool {
			return a.loaded.Report.Year == b.loaded.Report.Year
		})
	}
	return organs
}

func slugOf(dir string) string {
	var b strings.Builder
	for _, r := range filepath.ToSlash(dir) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r == '/':
			b.WriteRune('-')
		}
	}
	return strings.Trim(b.String(), ".-")
}

// siteDownloads lists the files offered beside each report: PDF and XLSX
// when those formats are registered (and wanted), JSON and CSV always.
func siteDownloads(pdf, xlsx bool) []siteDownload {
	var out []siteDownload
	for _, f := range outputFormats {
		want := (f.name == "pdf" && pdf) || (f.name == "xlsx" && xlsx)
		if !want {
			continue
		}
		// Each format with its default options, on a flag set of its own.
		render := f.flags(flag.NewFlagSet(f.name, flag.ContinueOnError))
		label, mime := "PDF 版", "application/pdf"
		if f.name == "xlsx" {
			label, mime = "Excel 统计表", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		}
		out = append(out, siteDownload{label: label, mime: mime, ext: f.name,
			render: func(sr *siteReport, doc *report.Doc) ([]namedFile, error) {
				res, err := render(renderInput{Doc: doc, Report: sr.loaded.Report, History: sr.history})
				if err != nil {
					return nil, err
				}
				for _, w := range res.Warnings {
					_ = w // warnings of the renderer were reported by check; keep the site quiet
				}
				return res.Files, nil
			}})
	}
	out = append(out,
		siteDownload{label: "JSON 数据", mime: "application/json", ext: "json",
			render: func(sr *siteReport, _ *report.Doc) ([]namedFile, error) {
				data, err := report.OpenDataJSON(sr.loaded.Report)
				return []namedFile{{Name: "{base}.json", Data: data}}, err
			}},
		siteDownload{label: "CSV 数据", mime: "text/csv", ext: "csv",
			render: func(sr *siteReport, _ *report.Doc) ([]namedFile, error) {
				data, err := report.OpenDataCSV(sr.loaded.Report)
				return []namedFile{{Name: "{base}.csv", Data: data}}, err
			}},
	)
	return out
}

// siteWriter writes the site's files through publish (atomic, unchanged
// files untouched) and counts what changed.
type siteWriter struct {
	root               string
	changed, unchanged atomic.Int64
}

func (w *siteWriter) write(name string, data []byte) error {
	changed, err := publish.WriteFile(filepath.Join(w.root, filepath.FromSlash(name)), data)
	if err != nil {
		return err
	}
	if changed {
		w.changed.Add(1)
	} else {
		w.unchanged.Add(1)
	}
	return nil
}

func (w *siteWriter) assets() error {
	files, err := html.Assets(html.Options{})
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := w.write(f.Name, f.Data); err != nil {
			return err
		}
	}
	return nil
}

func yearBase(sr *siteReport) string { return strconv.Itoa(sr.loaded.Report.Year) }

func (w *siteWriter) home(organs []*siteOrgan, downloads []siteDownload) error {
	h := &html.Home{Title: "政府信息公开工作年度报告"}
	total := 0
	for i, o := range organs {
		ho := html.HomeOrgan{ID: fmt.Sprintf("organ-%d", i+1), Name: o.name, TrendHref: o.slug + "/index.html",
			Span: yearSpan(o)}
		for j := len(o.reports) - 1; j >= 0; j-- {
			sr := o.reports[j]
			r := sr.loaded.Report
			base := o.slug + "/" + yearBase(sr)
			hy := html.HomeYear{Label: fmt.Sprintf("%d年度报告", r.Year), Href: base + ".html",
				Note: fmt.Sprintf("（%s年版格式）", r.Edition)}
			for _, d := range downloads {
				hy.Downloads = append(hy.Downloads, html.HomeDownload{Label: strings.Fields(d.label)[0],
					AriaLabel: fmt.Sprintf("%s%d年度报告%s", o.name, r.Year, d.label), Href: base + "." + d.ext, Type: d.mime})
			}
			ho.Years = append(ho.Years, hy)
			total++
		}
		h.Organs = append(h.Organs, ho)
	}
	h.Intro = fmt.Sprintf("本站收录%d个机关的%d份政府信息公开工作年度报告，按机关列出，每个机关的报告按年度从新到旧排列。", len(organs), total)
	h.DataNote = []string{
		"每份报告都提供 JSON 和 CSV 两种开放数据文件，内容相同：报告的每一个统计数（表二、表三、表四和信息处理费）各占一条，" +
			"包括机关名称、年度、格式版本、数据路径（key）、所在表格、分组、行、列、数值、单位，以及该数是否由本工具计算得出（如“总计”）。",
		"JSON 文件还包含报告正文各部分的文字。CSV 文件为 UTF-8 编码（带 BOM，可直接用电子表格软件打开）。字段逐项说明见《开放数据格式说明》（格式名称 " + report.OpenDataSchema + "）。",
	}
	h.DataDoc = html.Link{Label: "开放数据格式说明", Href: "opendata.html"}
	if err := w.openDataDoc(); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := html.WriteHome(&b, h, html.Options{AssetsDir: "assets/"}); err != nil {
		return fmt.Errorf("生成首页失败：%w", err)
	}
	return w.write("index.html", b.Bytes())
}

// openDataDoc writes opendata.html: the open data format document
// (templates/opendata/README.md) as a page of the site, so the downloads
// are documented wherever the folder is copied.
func (w *siteWriter) openDataDoc() error {
	text, err := fs.ReadFile(templates.FS, "opendata/README.md")
	if err != nil {
		return fmt.Errorf("读取开放数据格式说明失败：%w", err)
	}
	var b bytes.Buffer
	opts := html.Options{AssetsDir: "assets/", Breadcrumb: []html.Link{{Label: "首页", Href: "index.html"}, {Label: "开放数据格式说明"}}}
	if err := html.WriteTextPage(&b, "开放数据格式说明（"+report.OpenDataSchema+"）", string(text), opts); err != nil {
		return fmt.Errorf("生成开放数据格式说明页失败：%w", err)
	}
	return w.write("opendata.html", b.Bytes())
}

func yearSpan(o *siteOrgan) string {
	first, last := o.reports[0].loaded.Report.Year, o.reports[len(o.reports)-1].loaded.Report.Year
	if first == last {
		return fmt.Sprintf("%d年", first)
	}
	return fmt.Sprintf("%d—%d年", first, last)
}

func (w *siteWriter) trend(o *siteOrgan) error {
	var rs []*report.Report
	var links []html.Link
	for j := len(o.reports) - 1; j >= 0; j-- {
		sr := o.reports[j]
		rs = append(rs, sr.loaded.Report)
		links = append(links, html.Link{Label: fmt.Sprintf("%d年度报告", sr.loaded.Report.Year), Href: yearBase(sr) + ".html"})
	}
	t := report.BuildTrend(rs)
	opts := html.Options{AssetsDir: "../assets/", Breadcrumb: []html.Link{{Label: "首页", Href: "../index.html"}, {Label: o.name + " 历年数据"}}}
	var b bytes.Buffer
	if err := html.WriteTrend(&b, t, links, opts); err != nil {
		return fmt.Errorf("%s: 生成历年对比页失败：%w", o.name, err)
	}
	return w.write(o.slug+"/index.html", b.Bytes())
}

func (w *siteWriter) report(sr *siteReport, downloads []siteDownload) error {
	r := sr.loaded.Report
	doc := report.Build(r, sr.history)
	base := yearBase(sr)
	dir := sr.organ.slug + "/"
	var links []html.Link
	var errs []string
	for _, d := range downloads {
		files, err := d.render(sr, doc)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: 生成 %s 失败：%v", sr.loaded.Path, strings.ToUpper(d.ext), err))
			continue
		}
		for _, f := range files {
			if err := w.write(dir+strings.ReplaceAll(f.Name, "{base}", base), f.Data); err != nil {
				return err
			}
		}
		links = append(links, html.Link{Label: d.label, Href: base + "." + d.ext, Type: d.mime, Download: true})
	}
	opts := html.Options{
		AssetsDir: "../assets/",
		Breadcrumb: []html.Link{
			{Label: "首页", Href: "../index.html"},
			{Label: sr.organ.name, Href: "index.html"},
			{Label: fmt.Sprintf("%d年度报告", r.Year)},
		},
		Downloads: links,
	}
	var b bytes.Buffer
	if err := html.Write(&b, doc, opts); err != nil {
		return fmt.Errorf("%s: 生成网页失败：%w", sr.loaded.Path, err)
	}
	if err := w.write(dir+base+".html", b.Bytes()); err != nil {
		return err
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// progress draws a one-line progress bar on stderr when it is a terminal;
// otherwise it prints nothing.
type progress struct {
	w     io.Writer
	total int
	mu    sync.Mutex
	n     int
	on    bool
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) add() {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	const width = 30
	filled := p.n * width / max(p.total, 1)
	fmt.Fprintf(p.w, "\r生成网站 [%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat("-", width-filled), p.n, p.total)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
