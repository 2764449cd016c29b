// Package site builds the static site of many organs' reports: a home page,
// one page per report with its downloads (open data as JSON and CSV always,
// PDF and Excel as the caller renders them), one trend page per organ, the
// open data format document and the shared assets.
//
// Layout of the site folder:
//
//	index.html              home: every organ, its years newest first
//	opendata.html           the open data format document
//	assets/                 style sheet and chart script
//	{organ}/index.html      the organ's trend page
//	{organ}/{year}.html     a report page
//	{organ}/{year}.{ext}    its downloads: json, csv and each Download
//	{organ}/{year}-breakdown.html, .xlsx
//	                        a region report's 汇总单位明细 (every unit, every
//	                        row of every table; no data file paths), when the
//	                        units' data files are among the site's inputs
//
// {organ} is named after the organ's data directory (OrganSlugs), never
// after the command line, so a page keeps its URL however the site is
// built. Every page carries the <meta> tags of Options.Site.
// Every link is relative, so the folder can be copied anywhere. Files are
// written through report/publish: a file whose content did not change is
// not rewritten.
package site

import (
	"bytes"
	"cmp"
	"fmt"
	"hash/fnv"
	"io/fs"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"path/filepath"
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

// Download is a file offered beside each report page besides the open data,
// rendered by the caller (the site knows no PDF or Excel writer).
type Download struct {
	Label string // link text, e.g. "PDF 版"; its first word labels the home page link
	MIME  string // media type of the link
	Ext   string // file extension: the file is {organ}/{year}.{Ext}
	// Render returns the file for one report. history holds the organ's
	// earlier reports, oldest first.
	Render func(doc *report.Doc, r *report.Report, history []*report.Report) ([]byte, error)
}

// Options control Build.
type Options struct {
	Dir string // the site folder
	// Downloads are offered before the JSON and CSV open data, in order.
	Downloads []Download
	Jobs      int // pages and files built at once; at least 1
	// BreakdownXLSX, if not nil, renders a region report's breakdown as a
	// workbook, published beside its page.
	BreakdownXLSX func(b *report.Breakdown) ([]byte, error)
	// Progress, if not nil, is called after each page or report is done,
	// from any goroutine, one call at a time.
	Progress func(done, total int)
	// Templates are the page templates and assets (html.Options.Templates;
	// nil: the built-in ones), also the source of opendata/README.md.
	Templates fs.FS
	// Site is the portal (site.yaml): the pages' <meta> tags and Url.
	Site report.Site
	// Inputs are the run's input files: no file of the site replaces one
	// (nil: none).
	Inputs *publish.Inputs
}

// Result is what Build did.
type Result struct {
	Organs, Reports int
	// Changed and Unchanged count the files written and the files left
	// as they were because their content did not change.
	Changed, Unchanged int
	// Files are the files of the site (changed or not), relative to
	// opts.Dir, slash-separated, with their sizes.
	Files map[string]int64
	// Errors are the pages and downloads that could not be built or
	// written, in a stable order, as messages for the user.
	Errors []error
	// Notes are findings that did not stop the site (a region report
	// whose breakdown could not be published), for the user.
	Notes []string
}

// Build writes the site of reports (loaded data files without errors) into
// opts.Dir. pool holds every loaded file, including reports, and the
// organs' other years beside them; it supplies each report's history.
func Build(reports, pool []datafile.Loaded, opts Options) Result {
	var srs []*siteReport
	var notes []string
	for _, l := range reports {
		sr := &siteReport{loaded: l, history: datafile.History(l, pool)}
		if r := l.Report; r.Scope == report.ScopeRegion && len(r.MergedUnits) > 0 {
			var note string
			sr.breakdown, note = breakdownOf(l, pool)
			if note != "" {
				notes = append(notes, note)
			}
		}
		srs = append(srs, sr)
	}
	organs := groupOrgans(srs)
	downloads := append(append([]Download{}, opts.Downloads...), openData...)

	// Every page and file is one job; the assets come first. The home
	// page comes last: it links only the downloads that were written.
	w := &writer{root: opts.Dir, breakdownXLSX: opts.BreakdownXLSX, templates: opts.Templates, site: opts.Site, inputs: opts.Inputs}
	work := []func() error{w.assets}
	for _, o := range organs {
		work = append(work, func() error { return w.trend(o) })
		for _, sr := range o.reports {
			work = append(work, func() error { return w.report(sr, downloads) })
		}
	}
	errs := make([]error, len(work)+1)
	var mu sync.Mutex
	done := 0
	progress := func() {
		if opts.Progress != nil {
			mu.Lock()
			done++
			opts.Progress(done, len(work)+1)
			mu.Unlock()
		}
	}
	Parallel(len(work), opts.Jobs, func(i int) {
		errs[i] = work[i]()
		progress()
	})
	errs[len(work)] = w.home(organs, downloads)
	progress()
	res := Result{Organs: len(organs), Changed: int(w.changed.Load()), Unchanged: int(w.unchanged.Load()), Notes: notes, Files: w.files}
	for _, o := range organs {
		res.Reports += len(o.reports)
	}
	for _, err := range errs {
		if err != nil {
			res.Errors = append(res.Errors, err)
		}
	}
	return res
}

// openData are the downloads every report has.
var openData = []Download{
	{Label: "JSON 数据", MIME: "application/json", Ext: "json",
		Render: func(_ *report.Doc, r *report.Report, _ []*report.Report) ([]byte, error) {
			return report.OpenDataJSON(r)
		}},
	{Label: "CSV 数据", MIME: "text/csv", Ext: "csv",
		Render: func(_ *report.Doc, r *report.Report, _ []*report.Report) ([]byte, error) {
			return report.OpenDataCSV(r)
		}},
}

// Check checks each loaded file on jobs goroutines against the others and
// siblings (the organs' other years beside them), as check.CheckSet does
// for one file, and returns each file's problems.
func Check(loaded, siblings []datafile.Loaded, jobs int) []report.Problems {
	problems := make([]report.Problems, len(loaded))
	// One index of every file, built once: a file never looks itself up
	// (it needs year−1 and year−2 of its organ), so this gives what
	// CheckSet gives against the pool of every other file.
	ix := check.NewIndex(append(append([]datafile.Loaded{}, loaded...), siblings...))
	Parallel(len(loaded), jobs, func(i int) {
		problems[i] = ix.Check(loaded[i])
	})
	return problems
}

// Parallel runs fn(0) … fn(n-1) on at most workers goroutines.
func Parallel(n, workers int, fn func(i int)) {
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

// siteReport is one report of the site.
type siteReport struct {
	loaded    datafile.Loaded
	history   []*report.Report
	organ     *organ
	breakdown *report.Breakdown // a region report's published breakdown, or nil
	// missing are the extensions of the downloads that could not be
	// built or written (set by its report job, read by the home page).
	missing map[string]bool
}

// breakdownOf finds the units of region report l among the loaded files
// (same organ and year, an organ's own report) and makes the published
// breakdown. It returns nil and a note when a summed unit is not among
// them, or when the units' figures no longer add up to the region's.
func breakdownOf(l datafile.Loaded, pool []datafile.Loaded) (*report.Breakdown, string) {
	r := l.Report
	byOrgan := map[string]*report.Report{}
	for _, p := range pool {
		if u := p.Report; u != nil && u.Year == r.Year && u.Scope == report.ScopeOrgan && !p.Problems.HasErrors() {
			if _, dup := byOrgan[u.Organ]; !dup {
				byOrgan[u.Organ] = u
			}
		}
	}
	var units []report.UnitStatus
	var absent []string
	for _, m := range r.MergedUnits {
		st := report.UnitStatus{Organ: m.Organ}
		st.State, _ = report.UnitStateOf(m.Status)
		if report.MergedCounted(m.Status) {
			u, ok := byOrgan[m.Organ]
			if !ok {
				absent = append(absent, m.Organ)
				continue
			}
			st.Report, st.Included = u, true
		}
		units = append(units, st)
	}
	if len(absent) > 0 {
		return nil, fmt.Sprintf("%s: 提示：未发布汇总单位明细：没有找到%s %d 年度的数据文件。把各单位数据所在的目录一并交给 nianbao site 即可发布", l.Path, strings.Join(absent, "、"), r.Year)
	}
	b := report.NewBreakdown(r, units)
	if !b.Consistent() {
		return nil, fmt.Sprintf("%s: 提示：未发布汇总单位明细：各单位数据文件的数字之和与汇总报告不一致（汇总后单位数据有改动？）。请重新汇总（nianbao merge）", l.Path)
	}
	return b.Public(), ""
}

// organ is one organ (one data directory and organ name).
type organ struct {
	name    string
	slug    string
	reports []*siteReport // oldest first
}

// groupOrgans groups reports by data directory and organ name and gives
// each organ its folder name (slug) with OrganSlugs, so that its URLs stay
// the same however `site` is called. Organs are sorted by name.
func groupOrgans(reports []*siteReport) []*organ {
	type key struct{ dir, organ string }
	byKey := map[key]*organ{}
	keyOf := map[*organ]key{}
	var organs []*organ
	for _, sr := range reports {
		r := sr.loaded.Report
		k := key{organDir(sr.loaded.Path), r.Organ}
		o := byKey[k]
		if o == nil {
			o = &organ{name: r.Organ}
			byKey[k] = o
			keyOf[o] = k
			organs = append(organs, o)
		}
		o.reports = append(o.reports, sr)
		sr.organ = o
	}
	var ids []OrganID
	for _, o := range organs {
		ids = append(ids, OrganID{Dir: keyOf[o].dir, Organ: o.name})
	}
	slugs := OrganSlugs(ids)
	for i, o := range organs {
		o.slug = slugs[i]
	}
	slices.SortFunc(organs, func(a, b *organ) int {
		return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.slug, b.slug))
	})
	for _, o := range organs {
		slices.SortFunc(o.reports, func(a, b *siteReport) int {
			return cmp.Compare(a.loaded.Report.Year, b.loaded.Report.Year)
		})
		// Same organ and year twice in one directory is an S-8 error of
		// all but one of the files (check.Index), so it cannot reach
		// here; keep the first if it does.
		o.reports = slices.CompactFunc(o.reports, func(a, b *siteReport) bool {
			return a.loaded.Report.Year == b.loaded.Report.Year
		})
	}
	return organs
}

// organDir is the absolute, clean directory of a data file (the relative
// one when the working directory is unknown).
func organDir(file string) string {
	dir := filepath.Dir(filepath.Clean(file))
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// OrganID is an organ of the site: its data directory (absolute, clean)
// and its name.
type OrganID struct{ Dir, Organ string }

// reserved are the names of the site folder that an organ folder may not take.
var reserved = map[string]bool{"assets": true, "index.html": true, "opendata.html": true}

// OrganSlugs gives each organ its folder name in the site, aligned with
// ids. The name comes from the organ's data directory alone, never from
// how the command was called: the directory's own name, as ASCII (see
// slugPart), or, when another organ's directory has the same name, that
// name preceded by the shortest run of parent directory names that tells
// them apart, joined with "-" (data/units/fgw and other/fgw give units-fgw
// and other-fgw). Several organs in one directory get a suffix derived
// from the organ's name. The result is one path element: never "", ".",
// ".." or absolute. Any clash left (a slug also taken by another, or a
// reserved name) is broken by -2, -3 … in the order of (slug, dir, organ),
// so the result depends only on the set of organs.
func OrganSlugs(ids []OrganID) []string {
	parts := make([][]string, len(ids))
	for i, id := range ids {
		for _, c := range strings.Split(filepath.ToSlash(id.Dir), "/") {
			if c != "" && c != "." && c != ".." && !strings.HasSuffix(c, ":") {
				parts[i] = append(parts[i], c)
			}
		}
	}
	suffix := func(i, k int) string {
		p := parts[i]
		return strings.Join(p[max(len(p)-k, 0):], "/")
	}
	// Directories, each once, with the shortest suffix no other has.
	dirSlug := map[string]string{}
	var dirs []int
	for i, id := range ids {
		if _, ok := dirSlug[id.Dir]; !ok {
			dirSlug[id.Dir] = ""
			dirs = append(dirs, i)
		}
	}
	for _, i := range dirs {
		k := 1
		for ; k < len(parts[i]); k++ {
			unique := true
			for _, j := range dirs {
				if j != i && suffix(j, k) == suffix(i, k) {
					unique = false
					break
				}
			}
			if unique && !reserved[slugOf(suffix(i, k))] {
				break
			}
		}
		var ss []string
		for _, c := range parts[i][max(len(parts[i])-k, 0):] {
			ss = append(ss, slugPart(c))
		}
		dirSlug[ids[i].Dir] = strings.Join(ss, "-")
	}
	perDir := map[string]int{}
	for _, id := range ids {
		perDir[id.Dir]++
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		s := dirSlug[id.Dir]
		if s == "" {
			s = "organ"
		}
		if perDir[id.Dir] > 1 {
			s += "-" + shortHash(id.Organ)
		}
		out[i] = s
	}
	// Break what clashes remain, deterministically.
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(out[a], out[b]), cmp.Compare(ids[a].Dir, ids[b].Dir), cmp.Compare(ids[a].Organ, ids[b].Organ))
	})
	used := map[string]bool{}
	for k := range reserved {
		used[k] = true
	}
	for _, i := range order {
		base := out[i]
		for n := 2; used[out[i]]; n++ {
			out[i] = fmt.Sprintf("%s-%d", base, n)
		}
		used[out[i]] = true
	}
	return out
}

// slugPart is one directory name as a URL path element: lower-case ASCII
// letters, digits, '-', '_' and '.' kept, anything else dropped, no
// leading or trailing '.' or '-'. A name with nothing usable (所属单位)
// becomes "d" and a hash of the name, the same wherever it is.
func slugPart(name string) string {
	if s := slugOf(name); s != "" {
		return s
	}
	return "d" + shortHash(name)
}

// shortHash is 8 hex digits of the FNV-1a hash of s: stable names for
// non-ASCII directory names and several organs in one directory.
func shortHash(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("%08x", h.Sum32())
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

// writer writes the site's files through publish (atomic, unchanged
// files untouched) and counts what changed.
type writer struct {
	root               string
	breakdownXLSX      func(b *report.Breakdown) ([]byte, error)
	templates          fs.FS
	site               report.Site
	inputs             *publish.Inputs
	changed, unchanged atomic.Int64
	mu                 sync.Mutex
	files              map[string]int64
}

func (w *writer) write(name string, data []byte) error {
	p, err := publish.Join(w.root, name)
	if err != nil {
		return err
	}
	if err := w.inputs.Check(p); err != nil {
		return err
	}
	changed, err := publish.WriteFile(p, data)
	if err != nil {
		return err
	}
	w.mu.Lock()
	if w.files == nil {
		w.files = map[string]int64{}
	}
	w.files[filepath.ToSlash(name)] = int64(len(data))
	w.mu.Unlock()
	if changed {
		w.changed.Add(1)
	} else {
		w.unchanged.Add(1)
	}
	return nil
}

func (w *writer) assets() error {
	files, err := html.Assets(w.options(""))
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

// options are the HTML options of the page at rel (slash-separated, in
// the site folder): the templates, the site settings and the page's URL.
func (w *writer) options(rel string) html.Options {
	return html.Options{Templates: w.templates, Site: w.site, URL: rel}
}

func yearBase(sr *siteReport) string { return strconv.Itoa(sr.loaded.Report.Year) }

func (w *writer) home(organs []*organ, downloads []Download) error {
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
				if sr.missing[d.Ext] {
					continue
				}
				hy.Downloads = append(hy.Downloads, html.HomeDownload{Label: strings.Fields(d.Label)[0],
					AriaLabel: fmt.Sprintf("%s%d年度报告%s", o.name, r.Year, d.Label), Href: base + "." + d.Ext, Type: d.MIME})
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
	opts := w.options("index.html")
	opts.AssetsDir = "assets/"
	if err := html.WriteHome(&b, h, opts); err != nil {
		return fmt.Errorf("生成首页失败：%w", err)
	}
	return w.write("index.html", b.Bytes())
}

// openDataDoc writes opendata.html: the open data format document
// (templates/opendata/README.md) as a page of the site, so the downloads
// are documented wherever the folder is copied.
func (w *writer) openDataDoc() error {
	fsys := w.templates
	if fsys == nil {
		fsys = templates.FS
	}
	text, err := fs.ReadFile(fsys, "opendata/README.md")
	if err != nil {
		return fmt.Errorf("读取开放数据格式说明失败：%w", err)
	}
	var b bytes.Buffer
	opts := w.options("opendata.html")
	opts.AssetsDir, opts.Breadcrumb = "assets/", []html.Link{{Label: "首页", Href: "index.html"}, {Label: "开放数据格式说明"}}
	if err := html.WriteTextPage(&b, "开放数据格式说明（"+report.OpenDataSchema+"）", string(text), opts); err != nil {
		return fmt.Errorf("生成开放数据格式说明页失败：%w", err)
	}
	return w.write("opendata.html", b.Bytes())
}

func yearSpan(o *organ) string {
	first, last := o.reports[0].loaded.Report.Year, o.reports[len(o.reports)-1].loaded.Report.Year
	if first == last {
		return fmt.Sprintf("%d年", first)
	}
	return fmt.Sprintf("%d—%d年", first, last)
}

func (w *writer) trend(o *organ) error {
	var rs []*report.Report
	var links []html.Link
	for j := len(o.reports) - 1; j >= 0; j-- {
		sr := o.reports[j]
		rs = append(rs, sr.loaded.Report)
		links = append(links, html.Link{Label: fmt.Sprintf("%d年度报告", sr.loaded.Report.Year), Href: yearBase(sr) + ".html"})
	}
	t := report.BuildTrend(rs)
	opts := w.options(o.slug + "/index.html")
	opts.AssetsDir, opts.Breadcrumb = "../assets/", []html.Link{{Label: "首页", Href: "../index.html"}, {Label: o.name + " 历年数据"}}
	var b bytes.Buffer
	if err := html.WriteTrend(&b, t, links, opts); err != nil {
		return fmt.Errorf("%s: 生成历年对比页失败：%w", o.name, err)
	}
	return w.write(o.slug+"/index.html", b.Bytes())
}

func (w *writer) report(sr *siteReport, downloads []Download) error {
	r := sr.loaded.Report
	doc, err := report.BuildDoc(r, sr.history)
	if err != nil {
		return fmt.Errorf("%s: 未生成：%w", sr.loaded.Path, err)
	}
	base := yearBase(sr)
	dir := sr.organ.slug + "/"
	var links []html.Link
	var errs []string
	for _, d := range downloads {
		data, err := d.Render(doc, r, sr.history)
		if err == nil {
			err = w.write(dir+base+"."+d.Ext, data)
		}
		if err != nil {
			if sr.missing == nil {
				sr.missing = map[string]bool{}
			}
			sr.missing[d.Ext] = true
			errs = append(errs, fmt.Sprintf("%s: 生成 %s 失败：%v", sr.loaded.Path, strings.ToUpper(d.Ext), err))
			continue
		}
		links = append(links, html.Link{Label: d.Label, Href: base + "." + d.Ext, Type: d.MIME, Download: true})
	}
	if b := sr.breakdown; b != nil {
		page, err := html.BreakdownPage(b, w.options(dir+base+"-breakdown.html"))
		if err != nil {
			return fmt.Errorf("%s: 生成汇总单位明细失败：%w", sr.loaded.Path, err)
		}
		if err := w.write(dir+base+"-breakdown.html", page); err != nil {
			return err
		}
		links = append(links, html.Link{Label: "汇总单位明细", Href: base + "-breakdown.html", Type: "text/html"})
		if w.breakdownXLSX != nil {
			book, err := w.breakdownXLSX(b)
			if err != nil {
				return fmt.Errorf("%s: 生成汇总单位明细（XLSX）失败：%w", sr.loaded.Path, err)
			}
			if err := w.write(dir+base+"-breakdown.xlsx", book); err != nil {
				return err
			}
			links = append(links, html.Link{Label: "汇总单位明细（Excel）", Href: base + "-breakdown.xlsx",
				Type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Download: true})
		}
	}
	opts := w.options(dir + base + ".html")
	opts.AssetsDir = "../assets/"
	opts.Breadcrumb = []html.Link{
		{Label: "首页", Href: "../index.html"},
		{Label: sr.organ.name, Href: "index.html"},
		{Label: fmt.Sprintf("%d年度报告", r.Year)},
	}
	opts.Downloads = links
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
