package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/docx"
	"nianbao/report/html"
	"nianbao/report/pdf"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
	"nianbao/report/zipguard"
	"nianbao/templates"
)

// Formats are the output formats, in the order of build's help: html
// (the web page, plus assets/), pdf (the official document), docx (the
// editable Word document) and xlsx (the statistics workbook). Each name is
// also the extension of its main file.
var Formats = []string{"html", "pdf", "docx", "xlsx"}

// Options are the choices of a run that shape the outputs.
type Options struct {
	// NoCharts leaves the charts out (--charts none); the Doc stays as
	// Build made it.
	NoCharts bool
	// SelfContained (html): one file with CSS and ECharts inlined.
	// Fragment (html): {base}.fragment.html for a CMS, no <html>/<head>.
	SelfContained, Fragment bool
	// FontBody, FontTitle and FontBold (pdf) are font files (.ttf, .otf,
	// .ttc) that replace the fonts layout.yaml names for their role.
	FontBody, FontTitle, FontBold string
	// DocxTemplate (docx) is the office's letterhead (.docx); "" takes
	// letterhead.docx of the templates folder, if it has one.
	DocxTemplate string
}

// Input is one report to render: its Doc (report.BuildDoc), the report and
// its earlier years (oldest first), and Page, the report page's path
// under the output tree, slash-separated, without extension
// (shili-office/2024; "" unknown), for the page's <meta name="Url"> and
// the relative link to the shared assets.
type Input struct {
	Doc     *report.Doc
	Report  *report.Report
	History []*report.Report
	Page    string
}

// File is one rendered file. Name is relative to the report's folder
// with {base} standing for the data file's base name ("{base}.pdf"); a
// Root file (assets/…) is shared by every page of the output tree: its
// Name is relative to the tree and it is written once.
type File struct {
	Name string
	Data []byte
	Root bool
}

// SetupError is a render error caused by the run's options (an unusable
// font file or Word template), not by one report: a batch stops at once
// instead of repeating it for every file.
type SetupError struct{ Err error }

func (e SetupError) Error() string { return e.Err.Error() }
func (e SetupError) Unwrap() error { return e.Err }

// Renderer renders reports in every format with one run's templates and
// options. Fonts, the PDF layout and the Word template are read once, on
// first use, and shared by every report; Render may be called from many
// goroutines.
type Renderer struct {
	tmpl Templates
	opts Options

	pdfOnce     sync.Once
	pdfOpts     pdf.Options
	pdfWarnings report.Problems // the layout's, given with the first PDF
	pdfErr      error
	pdfWarned   sync.Once

	docxOnce   sync.Once
	docxData   []byte
	docxName   string
	docxErr    error
	docxMarker bool // the Word template has a {{正文}} paragraph
}

// NewRenderer returns a renderer for templates t (from LoadTemplates) and
// options o.
func NewRenderer(t Templates, o Options) *Renderer {
	if t.FS == nil {
		t.FS = templates.FS
	}
	return &Renderer{tmpl: t, opts: o}
}

// Render renders one report in format (one of Formats). It returns the
// files, the renderer's warnings (characters a font lacks: PDF-1; fonts
// layout.yaml names that cannot be found, with the first PDF), or an
// error; a SetupError when the options themselves are unusable.
func (r *Renderer) Render(format string, in Input) ([]File, report.Problems, error) {
	switch format {
	case "html":
		return r.html(in)
	case "pdf":
		return r.pdf(in)
	case "docx":
		return r.docx(in)
	case "xlsx":
		var b bytes.Buffer
		if err := xlsx.Write(&b, in.Doc, xlsx.Options{Report: in.Report}); err != nil {
			return nil, nil, err
		}
		return []File{{Name: "{base}.xlsx", Data: b.Bytes()}}, nil, nil
	}
	return nil, nil, fmt.Errorf("没有“%s”这种输出格式", format)
}

// html renders the web page: {base}.html plus assets/ (the CSS and the
// chart script, shared by the tree); SelfContained: {base}.html alone;
// Fragment: {base}.fragment.html, plus assets/ for the chart script
// unless SelfContained too.
func (r *Renderer) html(in Input) ([]File, report.Problems, error) {
	o := r.opts
	opts := html.Options{NoCharts: o.NoCharts, Templates: r.tmpl.FS, Site: r.tmpl.Site}
	if in.Page != "" && !o.Fragment {
		opts.URL = in.Page + ".html"
	}
	// One assets/ folder at the top of the output tree, linked relatively
	// from pages in subfolders.
	opts.AssetsDir = strings.Repeat("../", strings.Count(in.Page, "/")) + "assets/"
	name := "{base}.html"
	switch {
	case o.Fragment:
		opts.Mode = html.ModeFragment
		opts.InlineJS = o.SelfContained
		name = "{base}.fragment.html"
	case o.SelfContained:
		opts.Mode = html.ModeSelfContained
	}
	var b bytes.Buffer
	if err := html.Write(&b, in.Doc, opts); err != nil {
		return nil, nil, err
	}
	files := []File{{Name: name, Data: b.Bytes()}}
	if opts.Mode == html.ModePage || (o.Fragment && !o.SelfContained && len(in.Doc.Charts) > 0 && !o.NoCharts) {
		assets, err := html.Assets(opts)
		if err != nil {
			return nil, nil, err
		}
		for _, a := range assets {
			files = append(files, File{Name: a.Name, Data: a.Data, Root: true})
		}
	}
	return files, nil, nil
}

func (r *Renderer) pdf(in Input) ([]File, report.Problems, error) {
	opts, layoutWarnings, err := r.PDFOptions()
	if err != nil {
		return nil, nil, SetupError{err}
	}
	var b bytes.Buffer
	warnings, err := pdf.Write(&b, in.Doc, opts)
	r.pdfWarned.Do(func() { warnings = append(slices.Clip(layoutWarnings), warnings...) })
	var unfit *pdf.UnsuitableFontError
	if errors.As(err, &unfit) {
		return nil, warnings, SetupError{err}
	}
	if err != nil {
		return nil, warnings, err
	}
	return []File{{Name: "{base}.pdf", Data: b.Bytes()}}, warnings, nil
}

// PDFOptions reads, once, the PDF layout (layout.yaml of the templates)
// and the fonts it names (first in the templates folder's fonts/, then on
// the machine; one not found is a warning), and the font files of the
// options, which override the layout's. It returns the PDF options (with
// NoCharts), the layout's warnings, or an error in Chinese naming the
// option or file at fault.
func (r *Renderer) PDFOptions() (pdf.Options, report.Problems, error) {
	r.pdfOnce.Do(func() {
		tmpl := r.tmpl
		l, err := pdf.LoadLayout(tmpl.FS)
		if err != nil {
			r.pdfErr = r.layoutError(err)
			return
		}
		ff := pdf.FontFinder{}
		if tmpl.Dir != "" {
			l.File = filepath.Join(tmpl.Dir, pdf.LayoutFile)
			ff.Dirs = []string{filepath.Join(tmpl.Dir, "fonts")}
		}
		o := pdf.Options{Layout: l, NoCharts: r.opts.NoCharts}
		o.Fonts, r.pdfWarnings = l.FontsFor(ff)
		for _, f := range []struct {
			flag, path string
			dst        **pdf.Font
		}{{"--font-body", r.opts.FontBody, &o.Body}, {"--font-title", r.opts.FontTitle, &o.Title}, {"--font-bold", r.opts.FontBold, &o.Bold}} {
			if f.path == "" {
				continue
			}
			font, err := pdf.LoadFontFile(f.path)
			if err != nil {
				r.pdfErr = fmt.Errorf("%s：%v", f.flag, err)
				return
			}
			*f.dst = font
		}
		r.pdfOpts = o
	})
	return r.pdfOpts, r.pdfWarnings, r.pdfErr
}

// layoutError names the templates folder in an error of its layout.yaml
// (lay/layout.yaml:37:15) and explains a YAML syntax error in Chinese
// (datafile.YAMLSyntax), as for data files. The result is a TemplateError.
func (r *Renderer) layoutError(err error) error {
	var le *pdf.LayoutError
	if errors.As(err, &le) {
		e := *le
		if e.YAML != nil {
			if data, rerr := fs.ReadFile(r.tmpl.FS, pdf.LayoutFile); rerr == nil {
				pos, msg := datafile.YAMLSyntax(data, e.YAML)
				e.Line, e.Col, e.Key, e.Msg = pos.Line, pos.Col, "", msg
			}
		}
		e.File = dirPrefix(r.tmpl.Dir) + e.File
		return TemplateError{&e}
	}
	if r.tmpl.Dir != "" {
		return TemplateError{fmt.Errorf("%s%v", dirPrefix(r.tmpl.Dir), err)}
	}
	return err
}

// TemplateError is a mistake in a file of the templates folder (an
// HTML template, site.yaml, layout.yaml, letterhead.docx): the message
// names the file with its folder, line and column.
type TemplateError struct{ Err error }

func (e TemplateError) Error() string { return e.Err.Error() }
func (e TemplateError) Unwrap() error { return e.Err }

// Prepare loads, once, what rendering formats needs from the options and
// the templates folder: the PDF layout and its fonts and the font files of
// the options (pdf), the Word template (docx). Call it before writing
// anything: its error (a TemplateError when a file of the templates folder
// is at fault, else one naming the option) means no report can be
// rendered. The notes (提示) say what of the options will not be used: a
// Word template without a {{正文}} paragraph.
func (r *Renderer) Prepare(formats []string) (notes []string, err error) {
	for _, f := range formats {
		switch f {
		case "pdf":
			if _, _, err := r.PDFOptions(); err != nil {
				return nil, err
			}
		case "docx":
			r.docxOnce.Do(r.loadLetterhead)
			if r.docxErr != nil {
				return nil, r.docxErr
			}
			if r.docxData != nil && !r.docxMarker {
				notes = append(notes, fmt.Sprintf("提示：Word 模板 %s 中没有写有 {{正文}} 的段落，报告正文接在模板原有内容之后。要放在指定位置，请在模板中该处单独写一段 {{正文}}", report.Printable(r.docxName)))
			}
		}
	}
	return notes, nil
}

// prepare runs Prepare for formats and writes its notes, or its error
// with SetupAdvice, to w; it reports whether the run may go on.
func (r *Renderer) prepare(formats []string, w io.Writer) bool {
	notes, err := r.Prepare(formats)
	if err != nil {
		fmt.Fprintln(w, err)
		fmt.Fprintln(w, SetupAdvice(err))
		return false
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	return true
}

// docx renders the Word document, on the letterhead of the options or
// of the templates folder when there is one.
func (r *Renderer) docx(in Input) ([]File, report.Problems, error) {
	r.docxOnce.Do(r.loadLetterhead)
	if r.docxErr != nil {
		return nil, nil, SetupError{r.docxErr}
	}
	var b bytes.Buffer
	if err := docx.Write(&b, in.Doc, docx.Options{Template: r.docxData, TemplateName: r.docxName, NoCharts: r.opts.NoCharts, Fonts: r.fontNames()}); err != nil {
		return nil, nil, err
	}
	return []File{{Name: "{base}.docx", Data: b.Bytes()}}, nil, nil
}

// loadLetterhead reads the Word template: DocxTemplate, else
// letterhead.docx of the templates folder, else none.
func (r *Renderer) loadLetterhead() {
	tmpl := r.opts.DocxTemplate
	switch {
	case tmpl != "":
		r.docxName = tmpl
		data, err := publish.ReadFile(tmpl, zipguard.Default.MaxFileSize, "Word 模板")
		if err != nil {
			r.docxErr = fmt.Errorf("--docx-template：%v", err)
			return
		}
		r.docxData = data
	case r.tmpl.Dir != "":
		r.docxName = filepath.Join(r.tmpl.Dir, LetterheadFile)
		if _, err := os.Lstat(r.docxName); errors.Is(err, fs.ErrNotExist) {
			return // no letterhead in the folder
		}
		data, err := publish.ReadFile(r.docxName, zipguard.Default.MaxFileSize, "Word 模板")
		if err != nil {
			r.docxErr = TemplateError{err}
			return
		}
		r.docxData = data
	default:
		return
	}
	if r.docxData == nil {
		r.docxData = []byte{}
	}
	marker, err := docx.CheckTemplate(r.docxName, r.docxData)
	r.docxMarker = marker
	if err != nil {
		r.docxErr = TemplateError{err}
		if tmpl != "" {
			r.docxErr = fmt.Errorf("--docx-template：%v", err)
		}
	}
}

// fontNames are the fonts layout.yaml names per role, for the Word
// document's styles; a layout that cannot be read names none (the PDF
// reports its errors).
func (r *Renderer) fontNames() (names [5]string) {
	if r.tmpl.FS == nil {
		return names
	}
	l, err := pdf.LoadLayout(r.tmpl.FS)
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
