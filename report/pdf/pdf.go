// Package pdf writes a report's render model (report.Doc) as an official
// document in PDF: A4 with GB/T 9704-style margins, a Song title and body,
// the three statutory tables as ruled grids with merged cells (continued
// across pages with their header repeated), subsections such as the
// work-plan ledger, a signature block, appendices (附：主要数据同比情况),
// page numbers in the official "— 1 —" style, bookmarks per section,
// subsection and appendix and, in the last appendix (附：图解), vector
// charts.
//
// The package only lays out: every figure comes formatted from
// report.Build. Lines are broken by our own CJK line breaker (linebreak.go)
// because fpdf's loses characters. Fonts are cut to the characters of each
// document before fpdf sees them (fonts.go), which keeps a report to a few
// milliseconds and about 100–300 KB.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"nianbao/report"
)

// Options selects the fonts and whether charts are drawn. A nil font means
// the embedded NianbaoSerif SC: Regular for the body, Bold for the title
// and headings.
type Options struct {
	Body  *Font // body text, tables, page numbers, charts (e.g. 仿宋_GB2312)
	Title *Font // the document title (e.g. 方正小标宋)
	Bold  *Font // section headings and chart titles (e.g. 黑体)
	// NoCharts leaves out the Doc's charts (the 附：图解 appendix), as
	// `nianbao build --charts none` asks.
	NoCharts bool
}

// Page geometry in millimetres (GB/T 9704-2012: A4, text block 156 × 225
// mm, 22 lines of 28 characters in 3号 type).
const (
	pageW, pageH = 210.0, 297.0
	mTop         = 37.0
	mBottom      = 35.0
	mLeft        = 28.0
	mRight       = 26.0
	textW        = pageW - mLeft - mRight // 156
	bottomY      = pageH - mBottom        // 262
	ptMM         = 25.4 / 72

	titlePt  = 22    // 2号
	bodyPt   = 15.75 // 3号: 28 full-width characters fill the 156 mm line
	pageNoPt = 14    // 4号
	pitch    = (pageH - mTop - mBottom) / 22
	eps      = 1e-6
)

// Write renders d as PDF to w. It returns warnings (rule PDF-1: characters
// the fonts cannot print, replaced by a visible mark) and an error only if
// the PDF could not be made: a font that lacks characters every report
// needs gives an *UnsuitableFontError (rule PDF-2) before anything is laid
// out.
func Write(w io.Writer, d *report.Doc, opts Options) (problems []report.Problem, err error) {
	// fpdf panics on some inputs (e.g. a damaged glyph in a user's font);
	// a build must report that, not crash.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("PDF 生成出错（%v）：如果用 --font-body/--font-title/--font-bold 指定了字体，请换用其他 .ttf 字体后重试", r)
		}
	}()
	wr, doc, z, order, err := setup(d, opts)
	if err != nil {
		return nil, err
	}

	p := fpdf.New("P", "mm", "A4", "")
	wr.p = p
	p.SetCatalogSort(true)
	date, err := time.Parse("2006-01-02", doc.MetaDate)
	if err != nil {
		date = time.Date(doc.Year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.SetTitle(doc.Title, true)
	p.SetAuthor(doc.Organ, true)
	p.SetSubject(z.fixed(wr.body, d.Subject), true)
	p.SetKeywords(z.fixed(wr.body, d.Keywords), true)
	p.SetCreator("nianbao", true)
	p.SetLang("zh-CN")
	p.SetMargins(mLeft, mTop, mRight)
	p.SetAutoPageBreak(false, mBottom)
	p.SetDrawColor(0, 0, 0)
	p.SetTextColor(0, 0, 0)

	for _, fc := range order {
		runes := make([]rune, 0, len(fc.runes))
		for r := range fc.runes {
			runes = append(runes, r)
		}
		slices.Sort(runes)
		data, err := fc.font.Subset(runes)
		if err != nil {
			return z.problems, err
		}
		p.AddUTF8FontFromBytes(fc.family, "", data)
		if p.Err() {
			return z.problems, fmt.Errorf("字体 %s 无法载入 PDF：%v", fc.font.Name, p.Error())
		}
		if p.GetFontDesc(fc.family, "").Ascent == 0 {
			return z.problems, fmt.Errorf("字体 %s 无法载入 PDF：请提供 .ttf（TrueType 轮廓）字体", fc.font.Name)
		}
	}
	p.SetFooterFunc(wr.footer)
	wr.render(doc)
	if p.Err() {
		return z.problems, fmt.Errorf("PDF 排版出错：%v", p.Error())
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return z.problems, fmt.Errorf("PDF 输出出错：%v", err)
	}
	_, err = w.Write(buf.Bytes())
	return z.problems, err
}

// writer is the layout state of one document.
type writer struct {
	p                 *fpdf.Fpdf
	body, bold, title *face
	y                 float64 // top of the next line
	dash              string  // the page-number dash
	appendix          string  // 附：图解
	unitPrefix        string  // 单位：
}

func (w *writer) setFont(fc *face, pt float64) { w.p.SetFont(fc.family, "", pt) }

func (w *writer) measure(s string) float64 { return w.p.GetStringWidth(s) }

func (w *writer) newPage() {
	w.p.AddPage()
	w.y = mTop
}

// ensure starts a new page unless h more millimetres fit on this one.
func (w *writer) ensure(h float64) {
	if w.y+h > bottomY+eps && w.y > mTop+eps {
		w.newPage()
	}
}

func (w *writer) footer() {
	w.setFont(w.body, pageNoPt)
	s := w.dash + " " + strconv.Itoa(w.p.PageNo()) + " " + w.dash
	em := pageNoPt * ptMM
	// GB/T 9704: the page number's dash line sits 7 mm below the text block.
	w.p.Text(mLeft+(textW-w.measure(s))/2, bottomY+7+0.88*em, s)
}

func (w *writer) render(d *report.Doc) {
	w.newPage()
	w.titleBlock(d.Title, d.Organ)
	for _, p := range d.Preface {
		w.para(w.body, p.Text)
	}
	for _, s := range d.Sections {
		w.section(s, 0, false)
	}
	w.signature(d.Organ, d.DateCN)
	for _, a := range d.Appendices {
		// Each appendix is an attachment of its own: it starts a page.
		w.newPage()
		w.section(a, 0, true)
	}
	if len(d.Charts) > 0 {
		w.charts(d.Charts)
	}
}

// section prints a heading with a bookmark at level, the paragraphs, the
// table, the notes and then the subsections one level down. An appendix
// heading (附：…) sits at the left margin, other headings are indented
// two characters like the body.
func (w *writer) section(s report.Section, level int, appendix bool) {
	w.setFont(w.bold, bodyPt)
	em := bodyPt * ptMM
	indent := 2 * em
	if appendix {
		indent = 0
	}
	var heading []line
	if s.Heading != "" {
		heading = breakLines(s.Heading, textW, indent, w.measure)
	}
	// Keep the heading with what follows: two lines of text or the
	// table's header and first rows.
	need := pitch * float64(len(heading)+2)
	var tl *tableLayout
	if s.Table != nil && len(s.Paras) == 0 {
		tl = w.layoutTable(s.Table)
		need = pitch*float64(len(heading)) + tl.minStart()
	}
	w.ensure(need)
	if len(heading) > 0 {
		w.setFont(w.bold, bodyPt)
		w.p.Bookmark(s.Heading, level, w.y)
		for i, l := range heading {
			x, avail := mLeft, textW
			if i == 0 {
				x, avail = mLeft+indent, textW-indent
			}
			w.drawLine(l, x, w.y+pitch/2+0.37*em, avail, em)
			w.y += pitch
		}
	}
	for _, p := range s.Paras {
		w.para(w.body, p.Text)
	}
	if s.Table != nil {
		if tl == nil {
			tl = w.layoutTable(s.Table)
		}
		w.table(tl)
		w.y += pitch / 3
	}
	for _, p := range s.Notes {
		w.para(w.body, p.Text)
	}
	for _, sub := range s.Subsections {
		w.section(sub, level+1, false)
	}
}

// titleBlock prints the title centred, on one line if it fits, else
// broken after the organ's name (示例市人民政府办公室 / 2024年政府信息公开
// 工作年度报告), else wherever the line breaker puts it.
func (w *writer) titleBlock(t, organ string) {
	w.setFont(w.title, titlePt)
	em := titlePt * ptMM
	var lines []string
	rest := strings.TrimPrefix(t, organ)
	switch {
	case w.measure(t) <= textW:
		lines = []string{t}
	case organ != "" && rest != t && w.measure(organ) <= textW && w.measure(rest) <= textW:
		lines = []string{organ, rest}
	default:
		for _, l := range breakLines(t, textW, 0, w.measure) {
			lines = append(lines, strings.TrimSpace(l.Text()))
		}
	}
	lh := em * 1.6
	w.p.Bookmark(t, 0, w.y)
	for _, l := range lines {
		w.p.Text(mLeft+(textW-w.measure(l))/2, w.y+lh/2+0.37*em, l)
		w.y += lh
	}
	w.y += pitch
}

// para prints a paragraph of body-size text: first line indented two
// characters, lines justified except the last.
func (w *writer) para(fc *face, text string) {
	w.setFont(fc, bodyPt)
	em := bodyPt * ptMM
	for i, l := range avoidOrphan(breakLines(text, textW, 2*em, w.measure), textW) {
		w.ensure(pitch)
		x, avail := mLeft, textW
		if i == 0 {
			x, avail = mLeft+2*em, textW-2*em
		}
		w.drawLine(l, x, w.y+pitch/2+0.37*em, avail, em)
		w.y += pitch
	}
}

// drawLine prints a line with its baseline at base, justified to avail
// when line.gap allows: the extra room is spread evenly between all
// characters with the PDF character-spacing operator (Tc), so the line is
// one text object (small, fast, and copied as one string by readers).
func (w *writer) drawLine(l line, x, base, avail, em float64) {
	n := l.content()
	var b strings.Builder
	for _, u := range l.units[:n] {
		b.WriteString(u.text)
	}
	s := b.String()
	glyphs := utf8.RuneCountInString(s)
	if l.gap(avail, em) == 0 || glyphs < 2 {
		w.p.Text(x, base, s)
		return
	}
	tc := (avail - l.width) / float64(glyphs-1) * w.p.GetConversionRatio()
	w.p.RawWriteStr(strconv.FormatFloat(tc, 'f', 4, 64) + " Tc")
	w.p.Text(x, base, s)
	w.p.RawWriteStr("0 Tc")
}

// signature prints the organ and the date at the end of the report: the
// date four characters from the right margin, the organ centred over it.
func (w *writer) signature(organ, date string) {
	w.setFont(w.body, bodyPt)
	em := bodyPt * ptMM
	n := 1.0
	if date != "" {
		n = 2
	}
	w.y += pitch
	w.ensure(n * pitch)
	right := mLeft + textW
	ow := w.measure(organ)
	ox := right - 2*em - ow
	if date != "" {
		dw := w.measure(date)
		dx := right - 4*em - dw
		ox = min(dx+dw/2-ow/2, right-ow)
		defer func() {
			w.p.Text(dx, w.y+pitch/2+0.37*em, date)
			w.y += pitch
		}()
	}
	w.p.Text(max(ox, mLeft), w.y+pitch/2+0.37*em, organ)
	w.y += pitch
}

// UnsuitableFontError is Write's error for fonts that lack digits, ASCII
// letters or characters of the statutory labels (rule PDF-2): no report can
// be printed with them. Problems has one PDF-2 error per such font.
type UnsuitableFontError struct{ Problems report.Problems }

func (e *UnsuitableFontError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.String()
	}
	return strings.Join(msgs, "\n")
}

// Check reports what Write would find in d with opts, without laying
// anything out: PDF-1 warnings for characters the fonts cannot print (with
// their lines) and PDF-2 errors for unsuitable fonts. The error is only
// for embedded fonts that cannot be read.
func Check(d *report.Doc, opts Options) (report.Problems, error) {
	_, _, z, _, err := setup(d, opts)
	var unfit *UnsuitableFontError
	if errors.As(err, &unfit) {
		return unfit.Problems, nil
	}
	if err != nil {
		return nil, err
	}
	return z.problems, nil
}

// setup resolves the fonts (nil: the embedded ones), refuses unsuitable
// fonts, and returns the writer with its faces, the sanitized copy of d to
// lay out, the sanitizer holding the PDF-1 warnings, and the faces in the
// order they are embedded.
func setup(d *report.Doc, opts Options) (*writer, *report.Doc, *sanitizer, []*face, error) {
	if opts.Body == nil || opts.Title == nil || opts.Bold == nil {
		reg, bold, err := DefaultFonts()
		if err != nil {
			return nil, nil, nil, nil, err
		}
		if opts.Body == nil {
			opts.Body = reg
		}
		if opts.Title == nil {
			opts.Title = bold
		}
		if opts.Bold == nil {
			opts.Bold = bold
		}
	}
	if ps := unsuitable(d, opts.Body, opts.Title, opts.Bold); len(ps) > 0 {
		return nil, nil, nil, nil, &UnsuitableFontError{ps}
	}
	faces := map[*Font]*face{}
	var order []*face
	faceOf := func(f *Font) *face {
		if fc, ok := faces[f]; ok {
			return fc
		}
		name := f.pdfName()
		for i := 2; slices.ContainsFunc(order, func(o *face) bool { return strings.EqualFold(o.family, name) }); i++ {
			name = fmt.Sprintf("%s-%d", f.pdfName(), i)
		}
		fc := newFace(f, name)
		faces[f] = fc
		order = append(order, fc)
		return fc
	}
	wr := &writer{body: faceOf(opts.Body), bold: faceOf(opts.Bold), title: faceOf(opts.Title)}
	z := &sanitizer{file: d.Source, seen: map[string]bool{}}
	charts := d.Charts
	if opts.NoCharts {
		charts = nil
	}
	doc := prepare(d, charts, z, wr.body, wr.bold, wr.title)
	wr.dash = z.fixed(wr.body, "—")
	if wr.dash == "□" || wr.dash == "?" || wr.dash == "" {
		wr.dash = "-"
	}
	z.fixed(wr.body, fixedBody)
	wr.appendix = z.fixed(wr.bold, appendixHeading)
	wr.unitPrefix = z.fixed(wr.body, "单位：")
	return wr, doc, z, order, nil
}
