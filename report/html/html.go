// Package html renders nianbao's web output: the report page of one
// report.Doc (a page beside an assets/ folder, one self-contained file, or
// a body-only fragment for a CMS article), and the pages of the static
// site (home, per-organ trend).
//
// Layout only: every figure comes formatted from package report. Templates
// and stylesheets live in templates/html (embedded); charts are built with
// go-echarts (RenderSnippet) from report.Chart and drawn by the vendored
// ECharts in templates/assets. Every chart is followed by its text summary
// and its data table, so nothing is lost without JavaScript. No page
// references anything outside the folder it is written to: no CDN, no
// external font, no absolute URL.
//
// All text goes through html/template. Strings given to charts are escaped
// for the <script> element they end up in (go-echarts writes its option JSON
// with HTML escaping off).
package html

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"reflect"
	"strings"
	"sync"

	"nianbao/report"
	"nianbao/templates"
)

// Mode is how a report page is packaged.
type Mode int

const (
	// ModePage writes a full page that links its stylesheet and ECharts
	// from a sibling assets/ folder (see Assets).
	ModePage Mode = iota
	// ModeSelfContained writes one full page with the stylesheet and
	// ECharts inlined: a single file to upload anywhere.
	ModeSelfContained
	// ModeFragment writes only the report body inside <div class="nianbao">
	// with a scoped stylesheet (every selector under .nianbao), to paste
	// into a CMS article. ECharts is referenced from assets/ unless
	// Options.InlineJS is set.
	ModeFragment
)

// Link is a hyperlink the page shows (breadcrumb, download).
type Link struct {
	Label string
	Href  string // relative URL; "" for the current page in a breadcrumb
	Type  string // MIME type of a download, optional
	Note  string // shown after the link, optional
	// Download marks a file to save rather than open.
	Download bool
}

// Options controls how a page is written.
type Options struct {
	Mode Mode
	// InlineJS inlines ECharts into a fragment (ModeSelfContained always does).
	InlineJS bool
	// AssetsDir is the relative URL of the assets folder, with a trailing
	// slash; "" means "assets/". The site uses "../assets/".
	AssetsDir string
	// Breadcrumb is the site navigation shown above the page, current page last.
	Breadcrumb []Link
	// Downloads are shown under the report title (site: PDF, XLSX, JSON, CSV).
	Downloads []Link
	// NoCharts leaves out the charts of a report or trend page (and their
	// script), as `nianbao build --charts none` asks.
	NoCharts bool
	// Site is the portal the page is published on (site.yaml of the
	// templates folder): its name, domain, identification code and column
	// go into the page's <meta> tags and the masthead.
	Site report.Site
	// URL is the page's path relative to the site folder, slash-separated
	// (shili-office/2024.html); with Site.BaseURL or Site.Domain it gives
	// the <meta name="Url"> tag. "" leaves the tag out.
	URL string
	// Templates holds the page templates and stylesheets (html/*.tmpl,
	// html/page.css, html/nianbao.css) and the chart script with its
	// licence files (assets/echarts.min.js, assets/ECHARTS-*.txt); nil
	// means the built-in ones, templates.FS. Each file system is read once
	// per process when its value is comparable (embed.FS, os.DirFS).
	Templates fs.FS
}

func (o Options) assets() string {
	if o.AssetsDir == "" {
		return "assets/"
	}
	return o.AssetsDir
}

// File is one file of the output, named relative to the page.
type File struct {
	Name string
	Data []byte
}

// CSSFile and ScriptFile are the names, inside the assets folder, of the
// stylesheet and ECharts.
const (
	CSSFile    = "nianbao.css"
	ScriptFile = "echarts.min.js"
)

var assetNames = []string{ScriptFile, "ECHARTS-LICENSE.txt", "ECHARTS-NOTICE.txt", "ECHARTS-LICENSE-d3.txt"}

type loaded struct {
	tmpl     *template.Template
	pageCSS  string // page.css + nianbao.css: full pages
	scopedCS string // nianbao.css: fragments
	echarts  string
	assets   []File
}

// loads caches the parsed templates of each file system (fs.FS →
// func() (*loaded, error)).
var loads sync.Map

// load returns the parsed templates and assets of fsys (nil: the
// built-in templates.FS).
func load(fsys fs.FS) (*loaded, error) {
	if fsys == nil {
		fsys = templates.FS
	}
	if !reflect.ValueOf(fsys).Comparable() {
		return parse(fsys)
	}
	f, ok := loads.Load(fsys)
	if !ok {
		f, _ = loads.LoadOrStore(fsys, sync.OnceValues(func() (*loaded, error) { return parse(fsys) }))
	}
	return f.(func() (*loaded, error))()
}

func parse(fsys fs.FS) (*loaded, error) {
	l := &loaded{}
	t, err := template.New("nianbao").ParseFS(fsys, "html/*.tmpl")
	if err != nil {
		return nil, err
	}
	l.tmpl = t
	scoped, err := fs.ReadFile(fsys, "html/nianbao.css")
	if err != nil {
		return nil, err
	}
	page, err := fs.ReadFile(fsys, "html/page.css")
	if err != nil {
		return nil, err
	}
	l.scopedCS = string(scoped)
	l.pageCSS = string(page) + "\n" + string(scoped)
	// html/office.css (optional, not built in): the office's own rules,
	// after the built-in ones, so a templates folder adds its colours and
	// portal styles without copying page.css or nianbao.css.
	if office, err := fs.ReadFile(fsys, "html/office.css"); err == nil {
		l.pageCSS += "\n" + string(office)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	l.assets = append(l.assets, File{Name: "assets/" + CSSFile, Data: []byte(l.pageCSS)})
	for _, n := range assetNames {
		data, err := fs.ReadFile(fsys, "assets/"+n)
		if err != nil {
			if n == "ECHARTS-LICENSE-d3.txt" {
				continue // optional
			}
			return nil, fmt.Errorf("ECharts 文件 assets/%s 缺失：%w", n, err)
		}
		if n == ScriptFile {
			l.echarts = string(data)
		}
		l.assets = append(l.assets, File{Name: "assets/" + n, Data: data})
	}
	if hasScriptEnd(l.echarts) {
		return nil, fmt.Errorf("ECharts 文件 assets/%s 含有 </script，不能内嵌", ScriptFile)
	}
	return l, nil
}

// hasScriptEnd reports whether s holds "</script" in any case, without
// lower-casing a copy of the whole (1 MB) ECharts script.
func hasScriptEnd(s string) bool {
	for {
		i := strings.Index(s, "</")
		if i < 0 {
			return false
		}
		s = s[i+2:]
		if len(s) >= 6 && strings.EqualFold(s[:6], "script") {
			return true
		}
	}
}

// Assets returns the files a page written in ModePage (or a fragment
// without InlineJS) needs beside it: assets/nianbao.css, assets/echarts.min.js
// and the ECharts licence files, from o.Templates.
func Assets(o Options) ([]File, error) {
	l, err := load(o.Templates)
	if err != nil {
		return nil, err
	}
	return append([]File(nil), l.assets...), nil
}

// Meta is one <meta name content> tag of a page's head.
type Meta struct{ Name, Content string }

// pageView is what every page template gets (documented field by field for
// template authors in templates/README.md).
type pageView struct {
	Title       string
	Description string
	// Site is the portal (site.yaml); Meta the page's <meta> tags of the
	// national guideline for government websites, in its order, empty
	// values left out.
	Site       report.Site
	Meta       []Meta
	Fragment   bool
	InlineCSS  template.CSS
	CSSHref    string
	InlineJS   template.JS
	EChartsSrc string
	Breadcrumb []Link
	Charts     []chartView
	FooterNote string
}

// sectionView is a statutory section, an appendix or a subsection: its
// heading (h2, or h3 for a subsection), text, table and notes.
type sectionView struct {
	ID          string
	Heading     string
	Level       int // heading level: 2 for a section or an appendix, 3, 4 … for subsections (at most 6)
	Paras       []report.Para
	Table       *tableView
	Notes       []report.Para
	Subsections []sectionView
}

// viewSection turns a report.Section into its view; id is the heading's id
// and the prefix of its subsections' and table's ids.
func viewSection(s report.Section, id string, level int) sectionView {
	sv := sectionView{ID: id, Heading: s.Heading, Level: min(level, 6), Paras: s.Paras, Notes: s.Notes}
	if s.Table != nil {
		g := s.Table
		if g.ID == "" {
			c := *g
			c.ID = id + "-table"
			g = &c
		}
		tv := viewGrid(g)
		sv.Table = &tv
	}
	for i, ss := range s.Subsections {
		sv.Subsections = append(sv.Subsections, viewSection(ss, fmt.Sprintf("%s-%d", id, i+1), level+1))
	}
	return sv
}

type reportView struct {
	pageView
	Doc        *report.Doc
	Sections   []sectionView
	Appendices []sectionView
	Downloads  []Link
}

// meta lists the guideline's <meta> tags of a page: the site's (every
// page), then the article's when d is not nil (report pages), then the
// description, keywords and URL.
func meta(o Options, description, keywords string, d *report.Doc) []Meta {
	var out []Meta
	add := func(name, content string) {
		if content != "" {
			out = append(out, Meta{name, content})
		}
	}
	add("SiteName", o.Site.Name)
	add("SiteDomain", o.Site.Domain)
	add("SiteIDCode", o.Site.IDCode)
	add("ColumnName", o.Site.Column)
	if d != nil {
		add("ArticleTitle", d.Title)
		add("PubDate", d.Published)
		add("ContentSource", d.Publisher)
	}
	add("Keywords", keywords)
	if d != nil {
		add("Author", d.Publisher)
	}
	add("Description", description)
	add("Url", o.Site.PageURL(o.URL))
	return out
}

// siteKeywords are the Keywords of the site's pages other than reports.
const siteKeywords = "政府信息公开,年度报告"

func newPage(l *loaded, o Options, title string, charts []report.Chart) pageView {
	p := pageView{Title: title, Breadcrumb: o.Breadcrumb, Site: o.Site}
	switch o.Mode {
	case ModeSelfContained:
		p.InlineCSS = template.CSS(l.pageCSS)
		p.InlineJS = template.JS(l.echarts)
	case ModeFragment:
		p.Fragment = true
		p.InlineCSS = template.CSS(l.scopedCS)
		if o.InlineJS {
			p.InlineJS = template.JS(l.echarts)
		}
	}
	p.CSSHref = o.assets() + CSSFile
	p.EChartsSrc = o.assets() + ScriptFile
	if o.NoCharts {
		charts = nil
	}
	for _, c := range charts {
		p.Charts = append(p.Charts, viewChart(c, o.assets()))
	}
	return p
}

// Write writes the report page of d.
func Write(w io.Writer, d *report.Doc, o Options) error {
	l, err := load(o.Templates)
	if err != nil {
		return err
	}
	v := reportView{pageView: newPage(l, o, d.Title, d.Charts), Doc: d, Downloads: o.Downloads}
	v.Description = d.Subject
	v.Meta = meta(o, d.Subject, d.Keywords, d)
	v.FooterNote = "格式依据：" + d.Notice + "。"
	for i, s := range d.Sections {
		v.Sections = append(v.Sections, viewSection(s, fmt.Sprintf("section-%d", i+1), 2))
	}
	for i, s := range d.Appendices {
		v.Appendices = append(v.Appendices, viewSection(s, fmt.Sprintf("appendix-%d", i+1), 2))
	}
	name := "report-page"
	if o.Mode == ModeFragment {
		name = "report-fragment"
		// A CMS editor may strip the <style> block: the tables carry
		// their rules and the few styles that matter in style attributes.
		inlineSections(v.Sections)
		inlineSections(v.Appendices)
		for i := range v.Charts {
			v.Charts[i].Table.inline()
		}
	}
	return execute(w, l, name, v)
}

func inlineSections(ss []sectionView) {
	for i := range ss {
		if ss[i].Table != nil {
			ss[i].Table.inline()
		}
		inlineSections(ss[i].Subsections)
	}
}

func execute(w io.Writer, l *loaded, name string, data any) error {
	var b bytes.Buffer
	b.Grow(64 << 10)
	if err := l.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}
