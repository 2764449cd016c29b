package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	iofs "io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"os"

	"nianbao/report"
	"nianbao/report/docx"
	"nianbao/report/html"
	"nianbao/report/pdf"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
	"nianbao/report/zipguard"
	"nianbao/templates"
)

// outputFormat is one output of `nianbao build` (and a download of `nianbao site`).
type outputFormat struct {
	name    string // flag name and default extension: pdf, html, xlsx
	summary string // Chinese, for --help
	// flags registers the format's own options and returns a function that
	// renders one report with them. It is called once per build.
	flags func(fs *flag.FlagSet) renderFunc
}

// renderFunc renders one report. history holds the organ's earlier reports
// (oldest first). It returns named files (relative names such as
// "{base}.pdf" or "assets/echarts.min.js") and warnings for the user.
type renderFunc func(in renderInput) ([]namedFile, []report.Problem, error)

// renderInput is one report to render: its Doc, the report and its earlier
// years, --charts none (renderers leave the charts out; the Doc stays
// as Build made it), and the templates of --templates (Templates: the
// office's folder laid over the built-in one, see templatesFS; never nil
// from build and site) with the site settings of its site.yaml.
type renderInput struct {
	Doc       *report.Doc
	Report    *report.Report
	History   []*report.Report
	NoCharts  bool
	Templates fs.FS
	// TemplatesDir is the --templates folder ("" for none), where the PDF
	// layout's fonts/ folder is looked up.
	TemplatesDir string
	Site         report.Site
	// Page is the report page's path under -o, slash-separated, without
	// extension (shili-office/2024), for the page's <meta name="Url">; "" unknown.
	Page string
}

type namedFile struct {
	Name string
	Data []byte
	// Root marks a file shared by every page of the output tree (assets/):
	// Name is relative to the tree, not to the page's folder, and the file
	// is written once.
	Root bool
}

// outputFormats are the formats of `nianbao build`, in the order of its help.
var outputFormats = []*outputFormat{htmlFormat, pdfFormat, docxFormat, xlsxFormat}

// The "html" output: the report as a web page. Plain: {base}.html plus
// assets/. --self-contained: {base}.html with CSS and ECharts inlined,
// nothing else. --fragment: {base}.fragment.html (no <html>/<head>, no
// title; scoped CSS), plus assets/ for the chart script unless
// --self-contained is also given.
var htmlFormat = &outputFormat{
	name:    "html",
	summary: "网页：{文件名}.html 及 assets/（样式和图表脚本）；--self-contained 生成单个文件，--fragment 生成可粘贴到网站内容管理系统的片段",
	flags: func(fs *flag.FlagSet) renderFunc {
		self := fs.Bool("self-contained", false, "")
		frag := fs.Bool("fragment", false, "")
		return func(in renderInput) ([]namedFile, []report.Problem, error) {
			doc := in.Doc
			opts := html.Options{NoCharts: in.NoCharts, Templates: in.Templates, Site: in.Site}
			if in.Page != "" && !*frag {
				opts.URL = in.Page + ".html"
			}
			// One assets/ folder at the top of the output tree, linked
			// relatively from pages in subfolders.
			opts.AssetsDir = strings.Repeat("../", strings.Count(in.Page, "/")) + "assets/"
			name := "{base}.html"
			switch {
			case *frag:
				opts.Mode = html.ModeFragment
				opts.InlineJS = *self
				name = "{base}.fragment.html"
			case *self:
				opts.Mode = html.ModeSelfContained
			}
			var b bytes.Buffer
			if err := html.Write(&b, doc, opts); err != nil {
				return nil, nil, err
			}
			files := []namedFile{{Name: name, Data: b.Bytes()}}
			if opts.Mode == html.ModePage || (*frag && !*self && len(doc.Charts) > 0 && !in.NoCharts) {
				assets, err := html.Assets(opts)
				if err != nil {
					return nil, nil, err
				}
				for _, a := range assets {
					files = append(files, namedFile{Name: a.Name, Data: a.Data, Root: true})
				}
			}
			return files, nil, nil
		}
	},
}

// The "pdf" output: the report as an official document.
var pdfFormat = &outputFormat{
	name:    "pdf",
	summary: "PDF 公文版：{文件名}.pdf（A4，宋体，法定表格，页码，书签，附图解）；--font-body、--font-title、--font-bold 指定本单位的 .ttf 字体（如仿宋_GB2312、方正小标宋、黑体）",
	flags: func(fs *flag.FlagSet) renderFunc {
		load := fontFlags(fs)
		var once sync.Once
		return func(in renderInput) ([]namedFile, []report.Problem, error) {
			opts, layoutWarnings, err := load(in.Templates, in.TemplatesDir)
			if err != nil {
				return nil, nil, setupError{err}
			}
			opts.NoCharts = in.NoCharts
			var b bytes.Buffer
			warnings, err := pdf.Write(&b, in.Doc, opts)
			once.Do(func() { warnings = append(slices.Clip(layoutWarnings), warnings...) })
			var unfit *pdf.UnsuitableFontError
			if errors.As(err, &unfit) {
				return nil, warnings, setupError{err}
			}
			if err != nil {
				return nil, warnings, err
			}
			return []namedFile{{Name: "{base}.pdf", Data: b.Bytes()}}, warnings, nil
		}
	},
}

// The "docx" output: the report as an editable Word document, optionally
// on the office's own letterhead (--docx-template).
var docxFormat = &outputFormat{
	name:    "docx",
	summary: "Word 文档：{文件名}.docx（可在 Word/WPS 中修改；公文版式，法定表格，页码，附图解）；--docx-template 文件 用本单位的红头模板（.docx），报告正文放在模板中写有 {{正文}} 的段落处，没有该段落时放在末尾",
	flags: func(fs *flag.FlagSet) renderFunc {
		tmpl := fs.String("docx-template", "", "")
		// The template: --docx-template, else letterhead.docx of the
		// --templates folder, else none. A run has one set of templates.
		var once sync.Once
		var data []byte
		var name string
		var err error
		load := func(in renderInput) {
			switch {
			case *tmpl != "":
				name = *tmpl
				if data, err = publish.ReadFile(name, zipguard.Default.MaxFileSize, "Word 模板"); err != nil {
					err = fmt.Errorf("--docx-template：%v", err)
					return
				}
			case in.TemplatesDir != "":
				name = filepath.Join(in.TemplatesDir, letterheadFile)
				if _, serr := os.Lstat(name); errors.Is(serr, iofs.ErrNotExist) {
					return // no letterhead in the folder
				}
				if data, err = publish.ReadFile(name, zipguard.Default.MaxFileSize, "Word 模板"); err != nil {
					return
				}
			default:
				return
			}
			if data == nil {
				data = []byte{}
			}
			if cerr := docx.CheckTemplate(name, data); cerr != nil {
				err = cerr
				if *tmpl != "" {
					err = fmt.Errorf("--docx-template：%v", cerr)
				}
			}
		}
		return func(in renderInput) ([]namedFile, []report.Problem, error) {
			once.Do(func() { load(in) })
			if err != nil {
				return nil, nil, setupError{err}
			}
			var b bytes.Buffer
			if err := docx.Write(&b, in.Doc, docx.Options{Template: data, TemplateName: name, NoCharts: in.NoCharts, Fonts: fontNames(in.Templates)}); err != nil {
				return nil, nil, err
			}
			return []namedFile{{Name: "{base}.docx", Data: b.Bytes()}}, nil, nil
		}
	},
}

// The "xlsx" output: the report's statistics as the same workbook
// `nianbao export` writes.
var xlsxFormat = &outputFormat{
	name:    "xlsx",
	summary: "Excel 工作簿（表二至表四、信息处理费、文字部分，带校验表；与 nianbao export 相同）",
	flags: func(fs *flag.FlagSet) renderFunc {
		return func(in renderInput) ([]namedFile, []report.Problem, error) {
			var buf bytes.Buffer
			if err := xlsx.Write(&buf, in.Doc, xlsx.Options{Report: in.Report}); err != nil {
				return nil, nil, err
			}
			return []namedFile{{Name: "{base}.xlsx", Data: buf.Bytes()}}, nil, nil
		}
	},
}

// fontFlags registers --font-body, --font-title and --font-bold on fs (for
// build and check alike) and returns a function that, once, on first use,
// reads the PDF layout (layout.yaml, pdfLayout) and the given fonts
// through pdf.LoadFontFile; the flags override the layout's fonts, and a
// nil font in the options means the layout's or the embedded one. The
// warnings are the layout's (fonts it names that cannot be found).
//
// The layout comes from the templates the first call gives (tmpl nil:
// the built-in ones; dir: the --templates folder, for its fonts/): a run
// has one set of templates.
func fontFlags(fs *flag.FlagSet) func(tmpl iofs.FS, dir string) (pdf.Options, report.Problems, error) {
	body := fs.String("font-body", "", "")
	title := fs.String("font-title", "", "")
	bold := fs.String("font-bold", "", "")
	type result struct {
		opts     pdf.Options
		warnings report.Problems
	}
	var once sync.Once
	var r result
	var err error
	return func(tmpl iofs.FS, dir string) (pdf.Options, report.Problems, error) {
		once.Do(func() {
			if tmpl == nil {
				tmpl = templates.FS
			}
			r.opts, r.warnings, err = loadFonts(tmpl, dir, *body, *title, *bold)
		})
		return r.opts, r.warnings, err
	}
}

// loadFonts reads the layout and the fonts the flags give (fontFlags).
func loadFonts(tmpl iofs.FS, dir, body, title, bold string) (pdf.Options, report.Problems, error) {
	var o pdf.Options
	layout, warnings, err := pdfLayout(tmpl, dir)
	if err != nil {
		return o, nil, err
	}
	o.Layout = layout.Layout
	o.Fonts = layout.Fonts
	for _, f := range []struct {
		flag, path string
		dst        **pdf.Font
	}{{"--font-body", body, &o.Body}, {"--font-title", title, &o.Title}, {"--font-bold", bold, &o.Bold}} {
		if f.path == "" {
			continue
		}
		font, err := pdf.LoadFontFile(f.path)
		if err != nil {
			return o, warnings, fmt.Errorf("%s：%v", f.flag, err)
		}
		*f.dst = font
	}
	return o, warnings, nil
}

// resolvedLayout is layout.yaml with the fonts it names.
type resolvedLayout struct {
	pdf.Layout
	Fonts [pdf.NumRoles]*pdf.Font
}

// pdfLayout reads layout.yaml from fsys (the built-in templates, or a
// templates folder laid over them) and finds the fonts it names: first in
// dir/fonts when dir (the templates folder on disk) is given, then on the
// machine. A font that cannot be found is a warning.
func pdfLayout(fsys iofs.FS, dir string) (resolvedLayout, report.Problems, error) {
	l, err := pdf.LoadLayout(fsys)
	if err != nil {
		return resolvedLayout{}, nil, err
	}
	ff := pdf.FontFinder{}
	if dir != "" {
		l.File = filepath.Join(dir, pdf.LayoutFile)
		ff.Dirs = []string{filepath.Join(dir, "fonts")}
	}
	fonts, warnings := l.FontsFor(ff)
	return resolvedLayout{Layout: l, Fonts: fonts}, warnings, nil
}

// setupError is a render error caused by the command's options (an unusable
// font file), not by one report: build stops at once instead of repeating
// it for every file.
type setupError struct{ error }

func (e setupError) Unwrap() error { return e.error }

// fontNames are the fonts layout.yaml (in tmpl) names per role, for the
// Word document's styles; a layout that cannot be read names none (the
// PDF reports its errors).
func fontNames(tmpl iofs.FS) (names [5]string) {
	if tmpl == nil {
		return names
	}
	l, err := pdf.LoadLayout(tmpl)
	if err != nil {
		return names
	}
	for i := range min(len(names), len(l.Fonts)) {
		// A font file of the templates' fonts/ folder names no font Word knows.
		if f := l.Fonts[i].Font; !slices.Contains([]string{".ttf", ".ttc", ".otf"}, strings.ToLower(filepath.Ext(f))) {
			names[i] = f
		}
	}
	return names
}
