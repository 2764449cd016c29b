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
	"cmp"
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

// Options selects the fonts, the layout and whether charts are drawn. A
// nil font means the layout's font for the role, else the embedded
// NianbaoSerif SC: Regular for the body and tables, Bold for the title and
// headings.
type Options struct {
	Body  *Font // body text and tables (--font-body; e.g. 仿宋_GB2312)
	Title *Font // the document title (--font-title; e.g. 方正小标宋)
	Bold  *Font // headings (--font-bold; e.g. 黑体)
	// Fonts are layout.yaml's fonts per role (Layout.FontsFor); Body,
	// Title and Bold override them.
	Fonts [NumRoles]*Font
	// Layout is layout.yaml: sizes, page numbers, 版头, 印章 area, 版记.
	Layout Layout
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

// red is the colour of the 版头 (发文机关标志 and separator line).
var red = [3]int{220, 0, 0}

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
			err = fmt.Errorf("PDF 生成出错（%v）：如果用 --font-body/--font-title/--font-bold 或 layout.yaml 指定了字体，请换用其他 .ttf 字体后重试", r)
		}
	}()
	_, p, z, err := build(d, opts)
	if err != nil {
		return z.problems, err
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return z.problems, fmt.Errorf("PDF 输出出错：%v", err)
	}
	_, err = w.Write(buf.Bytes())
	return z.problems, err
}

// build lays d out: the writer after layout, the PDF ready for output and
// the sanitizer holding the warnings.
func build(d *report.Doc, opts Options) (*writer, *fpdf.Fpdf, *sanitizer, error) {
	wr, doc, z, order, err := setup(d, opts)
	if err != nil {
		return nil, nil, &sanitizer{}, err
	}
	subsets := make([][]byte, len(order))
	for i, fc := range order {
		runes := make([]rune, 0, len(fc.runes))
		for r := range fc.runes {
			runes = append(runes, r)
		}
		slices.Sort(runes)
		if subsets[i], err = fc.font.Subset(runes); err != nil {
			return wr, nil, z, err
		}
	}
	p, err := wr.run(doc, order, subsets)
	if err == nil && wr.retry > 0 {
		// The 落款 would have stood alone on a page: lay the document out
		// again, starting a page earlier so that text goes with it.
		wr.breakAt, wr.retry = wr.retry, 0
		p, err = wr.run(doc, order, subsets)
	}
	return wr, p, z, err
}

// run lays doc out once in a new PDF with the fonts' subsets.
func (wr *writer) run(doc *report.Doc, order []*face, subsets [][]byte) (*fpdf.Fpdf, error) {
	p := fpdf.New("P", "mm", "A4", "")
	wr.p = p
	wr.lineNo, wr.marks = 0, wr.marks[:0]
	p.SetCatalogSort(true)
	date, err := time.Parse("2006-01-02", doc.MetaDate)
	if err != nil {
		date = time.Date(doc.Year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.SetTitle(doc.Title, true)
	p.SetAuthor(doc.Organ, true)
	p.SetSubject(doc.Subject, true)
	p.SetKeywords(doc.Keywords, true)
	p.SetCreator("nianbao", true)
	p.SetLang("zh-CN")
	p.SetMargins(mLeft, mTop, mRight)
	p.SetAutoPageBreak(false, mBottom)
	p.SetDrawColor(0, 0, 0)
	p.SetTextColor(0, 0, 0)
	for i, fc := range order {
		p.AddUTF8FontSubsetFromBytes(fc.family, "", subsets[i])
		if p.Err() {
			return nil, fmt.Errorf("字体 %s 无法载入 PDF：%v", fc.font.Name, p.Error())
		}
		if p.GetFontDesc(fc.family, "").Ascent == 0 {
			return nil, fmt.Errorf("字体 %s 无法载入 PDF：请提供 .ttf（TrueType 轮廓）字体", fc.font.Name)
		}
	}
	p.SetFooterFunc(wr.footer)
	wr.render(doc)
	if p.Err() {
		return nil, fmt.Errorf("PDF 排版出错：%v", p.Error())
	}
	return p, nil
}

// writer is the layout state of one document.
type writer struct {
	p                           *fpdf.Fpdf
	title, body, h1, h2, table  *face
	titlePt, bodyPt, h1Pt, h2Pt float64
	tablePt                     float64
	layout                      Layout
	y                           float64 // top of the next line
	dash                        string  // the page-number dash
	appendix                    string  // 附：图解
	unitPrefix                  string  // 单位：

	// Keeping the 落款 with the text: every line of text and every table
	// row printed before it is numbered (lineNo) and marked with its page.
	// When the 落款 would stand alone on a page, retry is the line to
	// start a new page at, and the next run breaks there (breakAt).
	lineNo, breakAt, retry int
	marks                  []mark
	// sigPage is the page of the 落款 and sigWith the number of lines of
	// text and table rows printed before it on that page (tests).
	sigPage, sigWith int
}

// mark is where a numbered line was printed.
type mark struct {
	page  int
	glued bool // a heading's first line of text: never starts a page without it
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

// textLine numbers a line of text about to be printed (its top at w.y),
// starting a new page first when the 落款 asked for it.
func (w *writer) textLine(glued bool) {
	w.lineNo++
	if w.lineNo == w.breakAt && w.y > mTop+eps {
		w.newPage()
	}
	w.marks = append(w.marks, mark{page: w.p.PageNo(), glued: glued})
}

func (w *writer) footer() {
	w.setFont(w.body, pageNoPt)
	s := w.dash + " " + strconv.Itoa(w.p.PageNo()) + " " + w.dash
	em := pageNoPt * ptMM
	x := mLeft + (textW-w.measure(s))/2
	if w.layout.OuterPageNumbers {
		// GB/T 9704: odd pages right, even pages left, one character in.
		if w.p.PageNo()%2 == 1 {
			x = mLeft + textW - em - w.measure(s)
		} else {
			x = mLeft + em
		}
	}
	// GB/T 9704: the page number's dash line sits 7 mm below the text block.
	w.p.Text(x, bottomY+7+0.88*em, s)
}

func (w *writer) render(d *report.Doc) {
	w.newPage()
	w.header()
	w.titleBlock(d.Title, d.Organ)
	for _, p := range d.Preface {
		w.para(w.body, p.Text, false)
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
	w.record()
}

// header prints the optional 版头 (GB/T 9704 7.2): the 发文机关标志 in red,
// centred; two lines below it the 发文字号; 4 mm below that a red line the
// width of the type area; the title two lines below.
func (w *writer) header() {
	h := w.layout.Header
	if h.Organ == "" && h.Number == "" {
		return
	}
	if h.Organ != "" {
		pt := 36.0
		w.setFont(w.title, pt)
		if wd := w.measure(h.Organ); wd > textW {
			pt = max(titlePt*0.6, pt*textW/wd)
			w.setFont(w.title, pt)
		}
		em := pt * ptMM
		w.p.SetTextColor(red[0], red[1], red[2])
		w.p.Text(mLeft+(textW-w.measure(h.Organ))/2, w.y+em*0.88, h.Organ)
		w.p.SetTextColor(0, 0, 0)
		w.y += em*1.2 + 2*pitch
	}
	if h.Number != "" {
		w.setFont(w.body, w.bodyPt)
		em := w.bodyPt * ptMM
		w.p.Text(mLeft+(textW-w.measure(h.Number))/2, w.y+pitch/2+0.37*em, h.Number)
		w.y += pitch
	}
	w.y += 4
	w.p.SetDrawColor(red[0], red[1], red[2])
	w.p.SetLineWidth(0.5)
	w.p.Line(mLeft, w.y, mLeft+textW, w.y)
	w.p.SetDrawColor(0, 0, 0)
	w.p.SetLineWidth(ruleW)
	w.y += 2 * pitch
}

// headingFace is the face and size of a heading at level.
func (w *writer) headingFace(level int) (*face, float64) {
	if level == 0 {
		return w.h1, w.h1Pt
	}
	return w.h2, w.h2Pt
}

// section prints a heading with a bookmark at level, the paragraphs, the
// table, the notes and then the subsections one level down. An appendix
// heading (附：…) sits at the left margin, other headings are indented
// two characters like the body.
func (w *writer) section(s report.Section, level int, appendix bool) {
	hf, hpt := w.headingFace(level)
	w.setFont(hf, hpt)
	em := hpt * ptMM
	indent := 2 * w.bodyPt * ptMM
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
		w.setFont(hf, hpt)
		w.p.Bookmark(s.Heading, level, w.y)
		for i, l := range heading {
			w.textLine(false)
			x, avail := mLeft, textW
			if i == 0 {
				x, avail = mLeft+indent, textW-indent
			}
			w.drawLine(l, x, w.y+pitch/2+0.37*em, avail, em)
			w.y += pitch
		}
	}
	glued := len(heading) > 0
	for _, p := range s.Paras {
		w.para(w.body, p.Text, glued)
		glued = false
	}
	if s.Table != nil {
		if tl == nil {
			tl = w.layoutTable(s.Table)
		}
		w.drawTable(tl, glued)
		w.y += pitch / 3
	}
	for _, p := range s.Notes {
		w.para(w.body, p.Text, false)
	}
	for _, sub := range s.Subsections {
		w.section(sub, level+1, false)
	}
}

// titleBlock prints the title centred, on one line if it fits, else
// broken after the organ's name (示例市人民政府办公室 / 2024年政府信息公开
// 工作年度报告), the organ's name itself broken at natural points when it
// is longer than a line (平潭综合实验区管委会 / （汇总全区各有关单位）).
func (w *writer) titleBlock(t, organ string) {
	w.setFont(w.title, w.titlePt)
	em := w.titlePt * ptMM
	lines := w.titleLines(t, organ)
	lh := em * 1.6
	w.p.Bookmark(t, 0, w.y)
	for _, l := range lines {
		w.p.Text(mLeft+(textW-w.measure(l))/2, w.y+lh/2+0.37*em, l)
		w.y += lh
	}
	w.y += pitch
}

// titleLines breaks the title t of organ for titleBlock (the title font
// set).
func (w *writer) titleLines(t, organ string) []string {
	var lines []string
	rest := strings.TrimPrefix(t, organ)
	switch {
	case w.measure(t) <= textW:
		lines = []string{t}
	case organ != "" && rest != t:
		lines = breakOrgan(organ, textW, w.measure)
		for _, l := range breakLines(rest, textW, 0, w.measure) {
			lines = append(lines, strings.TrimSpace(l.Text()))
		}
	default:
		for _, l := range breakLines(t, textW, 0, w.measure) {
			lines = append(lines, strings.TrimSpace(l.Text()))
		}
	}
	return lines
}

// para prints a paragraph of body-size text: first line indented two
// characters, lines justified except the last. glued marks the first line
// as belonging to the heading above it.
func (w *writer) para(fc *face, text string, glued bool) {
	w.setFont(fc, w.bodyPt)
	em := w.bodyPt * ptMM
	for i, l := range avoidOrphan(breakLines(text, textW, 2*em, w.measure), textW) {
		w.ensure(pitch)
		w.textLine(glued && i == 0)
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

// signature prints the 落款 one line below the text: the organ and under
// it the date four characters from the right margin, the organ centred
// over the date (GB/T 9704 7.3.5.1). An organ too long for that is broken
// at natural points and set as a block two characters from the right
// margin. With a seal (layout seal: true) two more lines are left for it.
// The 落款 never stands alone on a page: when it does not fit, the last
// two lines of text go to the next page with it.
func (w *writer) signature(organ, date string) {
	w.setFont(w.body, w.bodyPt)
	em := w.bodyPt * ptMM
	right := mLeft + textW
	lines := w.organLines(organ)
	gap := 1.0
	if w.layout.Seal {
		gap = 3
	}
	n := float64(len(lines))
	if date != "" {
		n++
	}
	moves := w.y+(gap+n)*pitch > bottomY+eps && w.y > mTop+eps
	page := w.p.PageNo()
	if moves {
		page++
	}
	with := 0
	for _, m := range w.marks {
		if m.page == page {
			with++
		}
	}
	if with < 2 && w.breakAt == 0 && w.lineNo >= 2 {
		// Too few lines of text on the 落款's page: break before the
		// second-to-last line, or earlier when that line is a heading's
		// first line of text.
		c := w.lineNo - 1
		for c > 1 && w.marks[c-1].glued {
			c--
		}
		w.retry = c
	}
	if moves {
		w.newPage()
	} else {
		w.y += gap * pitch
	}
	w.sigPage, w.sigWith = w.p.PageNo(), 0
	for _, m := range w.marks {
		if m.page == w.sigPage {
			w.sigWith++
		}
	}
	var dx, dw float64
	if date != "" {
		dw = w.measure(date)
		dx = right - 4*em - dw
	}
	if len(lines) == 1 {
		ow := w.measure(organ)
		ox := right - 2*em - ow
		if date != "" {
			ox = min(dx+dw/2-ow/2, right-ow)
		}
		w.p.Text(max(ox, mLeft), w.y+pitch/2+0.37*em, organ)
		w.y += pitch
	} else {
		bw := 0.0
		for _, l := range lines {
			bw = max(bw, w.measure(l))
		}
		x := max(mLeft, right-2*em-bw)
		for _, l := range lines {
			w.p.Text(x, w.y+pitch/2+0.37*em, l)
			w.y += pitch
		}
	}
	if date != "" {
		w.p.Text(dx, w.y+pitch/2+0.37*em, date)
		w.y += pitch
	}
}

// organLines breaks the organ's name for the 落款 (the body font set): one
// line when it fits two characters from the right margin, else lines of
// at most 22 characters broken at natural points.
func (w *writer) organLines(organ string) []string {
	em := w.bodyPt * ptMM
	if w.measure(organ) <= textW-2*em {
		return []string{organ}
	}
	return breakOrgan(organ, textW-6*em, w.measure)
}

// record prints the optional 版记 (GB/T 9704 7.4) at the foot of the last
// page: 抄送 between a thick and a thin rule, then 印发机关 and 印发日期,
// closed by a thick rule; in 4号 type, one character in from each side.
func (w *writer) record() {
	r := w.layout.Record
	if r.CC == "" && r.Issuer == "" && r.Date == "" {
		return
	}
	const pt = 14.0
	em := pt * ptMM
	lh := pitch * 0.9
	w.setFont(w.body, pt)
	var cc []line
	if r.CC != "" {
		cc = breakLines("抄送："+r.CC, textW-2*em, 0, w.measure)
	}
	h := lh * float64(len(cc)+1)
	w.ensure(h + pitch)
	y := bottomY - h
	thick := func(y float64) {
		w.p.SetLineWidth(0.35)
		w.p.Line(mLeft, y, mLeft+textW, y)
	}
	thick(y)
	for _, l := range cc {
		w.p.Text(mLeft+em, y+lh/2+0.37*em, l.Text())
		y += lh
	}
	if len(cc) > 0 {
		w.p.SetLineWidth(0.25)
		w.p.Line(mLeft, y, mLeft+textW, y)
	}
	if r.Issuer != "" {
		w.p.Text(mLeft+em, y+lh/2+0.37*em, r.Issuer)
	}
	if r.Date != "" {
		s := r.Date + "印发"
		w.p.Text(mLeft+textW-em-w.measure(s), y+lh/2+0.37*em, s)
	}
	thick(y + lh)
	w.p.SetLineWidth(ruleW)
	w.y = bottomY
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

// setup resolves the fonts (Options' Body, Title and Bold, else the
// layout's font for the role, else the embedded ones), refuses unsuitable
// fonts, and returns the writer with its faces, the sanitized copy of d to
// lay out, the sanitizer holding the PDF-1 warnings, and the faces in the
// order they are embedded.
func setup(d *report.Doc, opts Options) (*writer, *report.Doc, *sanitizer, []*face, error) {
	reg, bold, err := DefaultFonts()
	if err != nil {
		return nil, nil, nil, nil, err
	}
	pick := func(flag *Font, role Role, def *Font) *Font {
		return cmp.Or(flag, opts.Fonts[role], def)
	}
	fonts := [NumRoles]*Font{
		RoleTitle:    pick(opts.Title, RoleTitle, bold),
		RoleBody:     pick(opts.Body, RoleBody, reg),
		RoleHeading1: pick(opts.Bold, RoleHeading1, bold),
		RoleHeading2: pick(opts.Bold, RoleHeading2, bold),
		RoleTable:    pick(opts.Body, RoleTable, reg),
	}
	if ps := unsuitable(d, fonts[:]...); len(ps) > 0 {
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
	// Faces are made in the order of today's document (body, bold, title),
	// so that the default document embeds its fonts as before.
	wr := &writer{body: faceOf(fonts[RoleBody]), h1: faceOf(fonts[RoleHeading1]), title: faceOf(fonts[RoleTitle]),
		h2: faceOf(fonts[RoleHeading2]), table: faceOf(fonts[RoleTable]), layout: opts.Layout}
	size := func(r Role, def float64) float64 { return cmp.Or(opts.Layout.Fonts[r].Size, def) }
	wr.titlePt, wr.bodyPt = size(RoleTitle, titlePt), size(RoleBody, bodyPt)
	wr.h1Pt, wr.h2Pt = size(RoleHeading1, wr.bodyPt), size(RoleHeading2, wr.bodyPt)
	wr.tablePt = size(RoleTable, tablePt)
	z := &sanitizer{file: d.Source, seen: map[string]bool{}}
	charts := d.Charts
	if opts.NoCharts {
		charts = nil
	}
	doc := prepare(d, charts, z, wr)
	doc.Subject, doc.Keywords = z.fixed(wr.body, d.Subject), z.fixed(wr.body, d.Keywords)
	wr.dash = z.fixed(wr.body, "—")
	if wr.dash == "□" || wr.dash == "?" || wr.dash == "" {
		wr.dash = "-"
	}
	z.fixed(wr.body, fixedBody)
	wr.appendix = z.fixed(wr.h1, appendixHeading)
	wr.unitPrefix = z.fixed(wr.body, "单位：")
	l := &wr.layout
	l.Header.Organ = z.clean(wr.title, l.Header.Organ, "header.organ", 0)
	l.Header.Number = z.clean(wr.body, l.Header.Number, "header.number", 0)
	l.Record.CC = z.clean(wr.body, l.Record.CC, "record.cc", 0)
	l.Record.Issuer = z.clean(wr.body, l.Record.Issuer, "record.issuer", 0)
	l.Record.Date = z.clean(wr.body, l.Record.Date, "record.date", 0)
	if l.Record != (Layout{}).Record {
		z.fixed(wr.body, "抄送：印发")
	}
	return wr, doc, z, order, nil
}
