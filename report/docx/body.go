package docx

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/report"
)

// Page geometry in twentieths of a point (twips) and EMU, GB/T 9704-2012
// §5.2.1/§5.2.2: A4, top margin 37 mm, bottom 35 mm, left 28 mm, right
// 26 mm; text block 156 mm × 225 mm with 22 lines of 28 characters of 3号
// type, so a line pitch of 225/22 mm ≈ 28.95 pt.
const (
	pageWTw  = 11906 // 210 mm
	pageHTw  = 16838 // 297 mm
	topTw    = 2098  // 37 mm
	bottomTw = 1984  // 35 mm
	leftTw   = 1587  // 28 mm
	rightTw  = 1474  // 26 mm
	textWTw  = pageWTw - leftTw - rightTw
	footerTw = 1304 // 23 mm from the page edge to the foot of the page number
	pitchTw  = 579  // 28.95 pt line pitch

	bodyHalfPt  = 32 // 3号, 16 pt
	titleHalfPt = 44 // 2号, 22 pt
	tableHalfPt = 21 // 5号, 10.5 pt
	pageNoHalf  = 28 // 4号, 14 pt
	emTw        = bodyHalfPt * 10

	emuPerTw = 635  // EMU per twip
	chartHTw = 4535 // 80 mm
)

// The East Asian fonts GB/T 9704 names, as Word and WPS know them.
const (
	fontBody    = "仿宋_GB2312"
	fontTitle   = "方正小标宋简体"
	fontHeading = "黑体"
	fontSub     = "楷体_GB2312"
	fontPageNo  = "宋体"
	fontLatin   = "Times New Roman"
)

// styles are the style IDs the body uses, resolved against the base
// document's styles (a template may call Heading 1 "1", as Chinese Word
// does).
type styles struct {
	title, h1, h2, body, table, chart string
}

// bodyWriter builds the WordprocessingML of the report body: the block
// content of <w:body> (no sectPr).
type bodyWriter struct {
	b  strings.Builder
	st styles
	// chartRels are the relationship IDs of the chart parts, one per
	// chart of the Doc, in order.
	chartRels []string
	docPr     int
}

// esc appends s as XML character data: markup characters escaped, and
// characters XML 1.0 cannot hold (controls, U+FFFE/U+FFFF, invalid UTF-8)
// dropped; tabs and line breaks become spaces.
func esc(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n <= 1:
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
		default:
			b.WriteRune(r)
		}
	}
}

func escString(s string) string {
	var b strings.Builder
	esc(&b, s)
	return b.String()
}

// run appends one run of text.
func (w *bodyWriter) run(text string) {
	if text == "" {
		return
	}
	w.b.WriteString(`<w:r><w:t xml:space="preserve">`)
	esc(&w.b, text)
	w.b.WriteString(`</w:t></w:r>`)
}

// para appends a paragraph of style style with extra paragraph properties
// ppr (already in schema order after pStyle) and text.
func (w *bodyWriter) para(style, ppr, text string) {
	w.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="`)
	esc(&w.b, style)
	w.b.WriteString(`"/>`)
	w.b.WriteString(ppr)
	w.b.WriteString(`</w:pPr>`)
	w.run(text)
	w.b.WriteString(`</w:p>`)
}

// indent2 is the statutory first-line indent of two characters, set on
// every body paragraph as well as in its style so that a template's own
// body style cannot lose it.
// It also keeps punctuation inside the text block (w:overflowPunct off):
// LibreOffice does not draw the 。 that Word's default lets hang into the
// right margin.
const indent2 = `<w:overflowPunct w:val="0"/><w:ind w:firstLineChars="200" w:firstLine="640"/>`

func (w *bodyWriter) text(p string) { w.para(w.st.body, indent2, p) }

// document writes the whole body of d in printed order: title, preface,
// the six sections, the 落款, the appendices and, unless noCharts, 附：图解.
func (w *bodyWriter) document(d *report.Doc, noCharts bool) {
	w.para(w.st.title, "", d.Title)
	for _, p := range d.Preface {
		w.text(p.Text)
	}
	for _, s := range d.Sections {
		w.section(s, 0, false)
	}
	w.signature(d.Organ, d.DateCN)
	for _, a := range d.Appendices {
		w.section(a, 0, true)
	}
	if !noCharts && len(d.Charts) > 0 {
		w.chartAppendix(d.Charts)
	}
}

// section writes a heading (Heading 1 for the six sections and the
// appendices, Heading 2 below), the paragraphs, the table, the notes and
// the subsections. An appendix starts a page and its heading sits at the
// left margin, as in the PDF.
func (w *bodyWriter) section(s report.Section, level int, appendix bool) {
	if s.Heading != "" {
		style := w.st.h1
		if level > 0 {
			style = w.st.h2
		}
		ppr := ""
		if appendix {
			ppr = `<w:pageBreakBefore/><w:ind w:firstLineChars="0" w:firstLine="0"/>`
		}
		w.para(style, ppr, s.Heading)
	}
	for _, p := range s.Paras {
		w.text(p.Text)
	}
	if s.Table != nil {
		w.table(s.Table)
	}
	for _, p := range s.Notes {
		w.text(p.Text)
	}
	for _, sub := range s.Subsections {
		w.section(sub, level+1, false)
	}
}

// signature writes the 落款: the organ and the date right-aligned, the
// date four characters from the right margin and the organ centred over
// it (two characters from the margin when there is no date), as the PDF
// prints it. Widths are counted in characters: CJK full, ASCII half.
func (w *bodyWriter) signature(organ, date string) {
	w.para(w.st.body, `<w:ind w:firstLine="0"/>`, "")
	organRight := 2 * emTw
	if date != "" {
		dw, ow := halfWidths(date), halfWidths(organ)
		// Right edge of the organ: date centre plus half the organ's width.
		organRight = max(4*emTw+(dw-ow)*emTw/4, 0)
	}
	w.para(w.st.body, `<w:overflowPunct w:val="0"/><w:ind w:right="`+strconv.Itoa(organRight)+`" w:firstLine="0"/><w:jc w:val="right"/>`, organ)
	if date != "" {
		w.para(w.st.body, `<w:overflowPunct w:val="0"/><w:ind w:right="`+strconv.Itoa(4*emTw)+`" w:firstLine="0"/><w:jc w:val="right"/>`, date)
	}
}

// halfWidths is the width of s in half characters: ASCII 1, others 2.
func halfWidths(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x80 {
			n++
		} else {
			n += 2
		}
	}
	return n
}

// slot is one grid position of a table: the cell that starts there, or
// the cell above whose row span covers it.
type slot struct {
	cell   *report.GridCell
	origin bool
}

// table writes a Grid as a Word table: one row per grid row, the header
// rows repeated on every page (w:tblHeader), no row split across pages
// (w:cantSplit), column spans as w:gridSpan and row spans as w:vMerge,
// column widths in the Grid's proportions of the text block, every rule
// drawn. Cells are placed from GridCell.Row/Col as report.Build set them.
func (w *bodyWriter) table(g *report.Grid) {
	nRows := len(g.Head) + len(g.Body)
	cols := max(g.Cols, 1)
	slots := make([][]slot, nRows)
	for r := range slots {
		slots[r] = make([]slot, cols)
	}
	for _, rows := range [][][]report.GridCell{g.Head, g.Body} {
		for i := range rows {
			for j := range rows[i] {
				c := &rows[i][j]
				if c.Row < 0 || c.Row >= nRows || c.Col < 0 || c.Col >= cols {
					continue
				}
				for dr := range max(c.RowSpan, 1) {
					r := c.Row + dr
					if r >= nRows || slots[r][c.Col].cell != nil {
						break
					}
					slots[r][c.Col] = slot{cell: c, origin: dr == 0}
				}
			}
		}
	}
	widths := columnWidths(g.Widths, cols)
	b := &w.b
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="`)
	b.WriteString(strconv.Itoa(textWTw))
	b.WriteString(`" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	if g.Caption != "" {
		b.WriteString(`<w:tblCaption w:val="`)
		esc(b, g.Caption)
		b.WriteString(`"/>`)
	}
	b.WriteString(`</w:tblPr><w:tblGrid>`)
	for _, wd := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(wd) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for r := range nRows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if r < len(g.Head) {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for c := 0; c < cols; {
			s := slots[r][c]
			span := 1
			if s.cell != nil {
				span = min(max(s.cell.ColSpan, 1), cols-c)
			}
			wd := 0
			for k := c; k < c+span; k++ {
				wd += widths[k]
			}
			w.tableCell(s, span, wd, r < len(g.Head)+2)
			c += span
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	// A paragraph after every table keeps two tables apart and gives the
	// space the PDF leaves below a table.
	w.para(w.st.table, "", "")
}

// tableCell writes one cell. keep (the header rows and the first two body
// rows) keeps its paragraph with the next: a table never starts at the
// foot of a page with its header alone or one row under it. This also
// keeps LibreOffice 7.4 from dropping every row after the first when a
// table whose rows are kept whole (w:cantSplit) under repeated header
// rows (w:tblHeader) breaks right after its first row: the rows were
// neither drawn nor in the PDF's text (TestLibreOffice, office2021).
func (w *bodyWriter) tableCell(s slot, span, width int, keep bool) {
	b := &w.b
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/>`)
	if span > 1 {
		b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(span) + `"/>`)
	}
	if s.cell != nil && s.cell.RowSpan > 1 {
		if s.origin {
			b.WriteString(`<w:vMerge w:val="restart"/>`)
		} else {
			b.WriteString(`<w:vMerge/>`)
		}
	}
	b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	text, jc := "", "left"
	if s.cell != nil && s.origin {
		text = s.cell.Text
		// As the PDF: headings, figures and labels spanning rows centred.
		if k := s.cell.Kind; k == report.CellHead || k == report.CellNumber || (k == report.CellLabel && s.cell.RowSpan > 1) {
			jc = "center"
		}
	}
	ppr := `<w:jc w:val="` + jc + `"/>`
	if keep {
		ppr = `<w:keepNext/>` + ppr
	}
	w.para(w.st.table, ppr, text)
	b.WriteString(`</w:tc>`)
}

// columnWidths shares the text block among n columns in the proportions
// of rel (equal shares when rel does not give every column a positive
// weight); the last column takes the rounding remainder, so the widths
// add up to the text block exactly.
func columnWidths(rel []int, n int) []int {
	total := 0
	ok := len(rel) >= n
	for i := range n {
		if i < len(rel) {
			if rel[i] <= 0 {
				ok = false
			}
			total += rel[i]
		}
	}
	out := make([]int, n)
	acc := 0
	for i := range n {
		if i == n-1 {
			out[i] = textWTw - acc
			break
		}
		if ok {
			out[i] = textWTw * rel[i] / total
		} else {
			out[i] = textWTw / n
		}
		acc += out[i]
	}
	return out
}
