package html

import (
	"fmt"
	stdhtml "html"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"nianbao/report"
)

// tableView is a statutory (or trend, or chart data) table ready for the
// template: every cell knows whether it is a th or a td, its scope, its id
// and, for data cells, the ids of every header that applies to it, so that
// screen readers announce merged headers correctly.
type tableView struct {
	ID        string
	CaptionID string
	Caption   string
	Class     string
	Cols      []string // column widths such as "12.5%", nil when unknown
	Head      [][]cellView
	Body      [][]cellView
	// HeadHTML and BodyHTML are the <tr> rows of Head and Body, written by
	// rowsHTML with every text and attribute escaped. Writing the few
	// hundred cells of a table in Go instead of a template keeps a report
	// page well inside its 5 ms budget (html/template spends most of its
	// time in reflection on per-cell fields).
	HeadHTML, BodyHTML template.HTML
	// Inline is set for a fragment: the table, its caption and every cell
	// carry their rules and alignment in style attributes (see inline).
	Inline bool
	// WrapStyle, TableStyle and CaptionStyle are the style attributes of
	// the scrolling box, the table and its caption when Inline.
	WrapStyle, TableStyle, CaptionStyle template.CSS
}

// Inline styles of a fragment's tables, for a CMS whose editor strips
// <style> blocks: the rules, the header shading, alignment and indents
// that carry meaning. The values repeat nianbao.css.
const (
	inlineTable   = "width:100%;border-collapse:collapse;border:1.5px solid #333;line-height:1.5"
	inlineCaption = "font-weight:bold;text-align:center;padding:0 0 0.375em"
	inlineWrap    = "max-width:100%;overflow-x:auto;margin:0.75em 0 1em"
	inlineCell    = "border:1px solid #8c8c8c;padding:0.3em 0.4em;vertical-align:middle;font-weight:normal"
)

var inlineClass = map[string]string{
	"nb-head":  "font-weight:bold;text-align:center;background:#f2f2f2",
	"nb-label": "text-align:left",
	"nb-num":   "text-align:center;white-space:nowrap",
	"nb-note":  "text-align:left;font-size:0.875em",
	"nb-group": "font-weight:bold;background:#fafafa",
	"nb-i1":    "padding-left:1.2em",
	"nb-i2":    "padding-left:2.2em",
	"nb-i3":    "padding-left:3.2em",
}

// inlineStyle is the style attribute of a cell with the given classes.
func inlineStyle(class string) string {
	s := inlineCell
	for _, c := range strings.Fields(class) {
		if v, ok := inlineClass[c]; ok {
			s += ";" + v
		}
	}
	return s
}

// inline rewrites the table's rows with style attributes (fragments).
func (tv *tableView) inline() {
	tv.Inline = true
	tv.WrapStyle, tv.TableStyle, tv.CaptionStyle = inlineWrap, inlineTable, inlineCaption
	tv.HeadHTML = rowsHTML(tv.Head, true)
	tv.BodyHTML = rowsHTML(tv.Body, true)
}

// rowsHTML writes table rows; every value goes through html.EscapeString.
// With inline, every cell also carries its style (inlineStyle).
func rowsHTML(rows [][]cellView, inline bool) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 512)
	attr := func(name, val string) {
		b.WriteByte(' ')
		b.WriteString(name)
		b.WriteString(`="`)
		b.WriteString(stdhtml.EscapeString(val))
		b.WriteByte('"')
	}
	for _, row := range rows {
		b.WriteString("<tr>")
		for _, c := range row {
			tag := "td"
			if c.Header {
				tag = "th"
			}
			b.WriteByte('<')
			b.WriteString(tag)
			if c.Header {
				attr("id", c.ID)
				attr("scope", c.Scope)
			} else if c.Headers != "" {
				attr("headers", c.Headers)
			}
			if c.ColSpan > 1 {
				attr("colspan", strconv.Itoa(c.ColSpan))
			}
			if c.RowSpan > 1 {
				attr("rowspan", strconv.Itoa(c.RowSpan))
			}
			if c.Class != "" {
				attr("class", c.Class)
			}
			if inline {
				attr("style", inlineStyle(c.Class))
			}
			b.WriteByte('>')
			b.WriteString(stdhtml.EscapeString(c.Text))
			b.WriteString("</")
			b.WriteString(tag)
			b.WriteString(">")
		}
		b.WriteString("</tr>\n")
	}
	return template.HTML(b.String())
}

type cellView struct {
	Header  bool   // th
	Text    string // plain text; the template escapes it
	ID      string // th only
	Scope   string // th only: col, colgroup, row, rowgroup
	Headers string // td only: space-separated th ids
	ColSpan int    // > 1 only
	RowSpan int    // > 1 only
	Class   string
}

// placed is a cell of the layout matrix.
type placed struct {
	cell       report.GridCell
	row, col   int // top-left slot
	rows, cols int
	head       bool // in thead
	id         string
	group      bool // a full-width label row that groups the rows below it
}

// layout lists the grid's cells row by row in their slots, which
// report.Build set (Grid.Place); cells covered by a span are not listed.
func layout(g *report.Grid) [][]*placed {
	out := make([][]*placed, len(g.Head)+len(g.Body))
	for r, row := range slices.Concat(g.Head, g.Body) {
		for _, gc := range row {
			out[r] = append(out[r], &placed{cell: gc, row: gc.Row, col: gc.Col, rows: max(gc.RowSpan, 1), cols: max(gc.ColSpan, 1), head: r < len(g.Head)})
		}
	}
	return out
}

// isHeaderCell reports whether a grid cell is drawn as a th.
func isHeaderCell(p *placed) bool {
	return p.cell.Kind == report.CellHead || p.cell.Kind == report.CellLabel
}

// viewGrid turns a report.Grid into its table view.
func viewGrid(g *report.Grid) tableView {
	tv := tableView{ID: g.ID, CaptionID: g.ID + "-caption", Caption: g.Caption}
	total := 0
	for _, w := range g.Widths {
		total += w
	}
	if total > 0 && len(g.Widths) == g.Cols {
		for _, w := range g.Widths {
			pm := w * 1000 / total // tenths of a percent
			tv.Cols = append(tv.Cols, fmt.Sprintf("%d.%d%%", pm/10, pm%10))
		}
	}
	rows := layout(g)
	nHead := len(g.Head)
	for r, row := range rows {
		for _, p := range row {
			if isHeaderCell(p) {
				p.id = fmt.Sprintf("%s-r%dc%d", g.ID, r, p.col)
			}
			if !p.head && p.cell.Kind == report.CellLabel && p.col == 0 && p.cols == g.Cols && len(row) == 1 {
				p.group = true
			}
		}
	}
	// Column header band: the thead rows, or, in the body, the latest run
	// of rows made only of CellHead cells (表二 repeats its column headers
	// for every block). A body row that is one CellHead cell across the
	// whole table titles the block of rows below it (表二's 第二十条第（一）项,
	// an appendix's 表三 …): it heads those rows, not a column.
	var band []*placed
	inBand := false
	var block *placed    // the current block title row
	var groups []*placed // open group rows, outermost first
	for r, row := range rows {
		allHead := len(row) > 0
		for _, p := range row {
			if p.cell.Kind != report.CellHead {
				allHead = false
			}
		}
		blockRow := r >= nHead && len(row) == 1 && row[0].cell.Kind == report.CellHead && row[0].cols == g.Cols
		switch {
		case blockRow:
			block, groups, inBand = row[0], nil, false
		case r < nHead || allHead:
			if !inBand {
				band = nil
				inBand = true
			}
			band = append(band, row...)
		default:
			inBand = false
		}
		if len(row) == 1 && row[0].group {
			for len(groups) > 0 && groups[len(groups)-1].cell.Indent >= row[0].cell.Indent {
				groups = groups[:len(groups)-1]
			}
			groups = append(groups, row[0])
		} else if r >= nHead && len(row) > 0 && !allHead {
			// A data row at a shallower level closes deeper groups.
			first := row[0]
			if first.col == 0 && first.cell.Kind == report.CellLabel {
				for len(groups) > 0 && groups[len(groups)-1].cell.Indent >= first.cell.Indent {
					groups = groups[:len(groups)-1]
				}
			}
		}
		var line []cellView
		for _, p := range row {
			cv := cellView{Text: p.cell.Text}
			if p.cols > 1 {
				cv.ColSpan = p.cols
			}
			if p.rows > 1 {
				cv.RowSpan = p.rows
			}
			var classes []string
			switch p.cell.Kind {
			case report.CellNumber:
				classes = append(classes, "nb-num")
			case report.CellNote:
				classes = append(classes, "nb-note")
			case report.CellText:
				classes = append(classes, "nb-label") // set like a label, but a <td>
			case report.CellLabel:
				classes = append(classes, "nb-label")
				// Indent marks the level of a label in the first column; a label
				// in a column of its own (表三's 1.属于国家秘密) is set off already.
				if p.cell.Indent > 0 && p.col == 0 {
					classes = append(classes, fmt.Sprintf("nb-i%d", min(p.cell.Indent, 3)))
				}
				if p.group {
					classes = append(classes, "nb-group")
				}
			case report.CellHead:
				classes = append(classes, "nb-head")
			}
			cv.Class = strings.Join(classes, " ")
			if isHeaderCell(p) {
				cv.Header = true
				cv.ID = p.id
				switch {
				case blockRow, p.group || (p.cell.Kind == report.CellLabel && p.rows > 1):
					cv.Scope = "rowgroup"
				case p.cell.Kind == report.CellHead && p.cols > 1:
					cv.Scope = "colgroup"
				case p.cell.Kind == report.CellHead:
					cv.Scope = "col"
				default:
					cv.Scope = "row"
				}
			} else {
				cv.Headers = strings.Join(headersOf(p, block, band, rows, groups), " ")
			}
			line = append(line, cv)
		}
		if r < nHead {
			tv.Head = append(tv.Head, line)
		} else {
			tv.Body = append(tv.Body, line)
		}
	}
	tv.HeadHTML = rowsHTML(tv.Head, false)
	tv.BodyHTML = rowsHTML(tv.Body, false)
	return tv
}

// headersOf lists the ids of the header cells that apply to data cell p:
// the title of its block, the column headers of the current band above it,
// the group rows it sits in, then the row headers to its left.
func headersOf(p *placed, block *placed, band []*placed, rows [][]*placed, groups []*placed) []string {
	var ids []string
	if block != nil {
		ids = append(ids, block.id)
	}
	overlapsCols := func(h *placed) bool { return h.col < p.col+p.cols && p.col < h.col+h.cols }
	for _, h := range band {
		if h.id != "" && h.row < p.row && overlapsCols(h) {
			ids = append(ids, h.id)
		}
	}
	for _, g := range groups {
		ids = append(ids, g.id)
	}
	for r := 0; r <= p.row; r++ {
		for _, h := range rows[r] {
			if h.id == "" || h.head || h.group || h.cell.Kind != report.CellLabel {
				continue
			}
			if h.row <= p.row && p.row < h.row+h.rows && h.col+h.cols <= p.col {
				ids = append(ids, h.id)
			}
		}
	}
	return ids
}

// chartTable is the data table printed beside a chart: one row per
// category, one column per series. Its cells are built in their slots.
func chartTable(c report.Chart) tableView {
	g := &report.Grid{ID: c.ID + "-data", Caption: c.Title + "（数据表，单位：" + c.Unit + "）", Cols: 1 + len(c.Series)}
	cell := func(text string, kind report.CellKind, row, col int) report.GridCell {
		return report.GridCell{Text: text, ColSpan: 1, RowSpan: 1, Kind: kind, Row: row, Col: col}
	}
	head := []report.GridCell{cell("项目", report.CellHead, 0, 0)}
	for j, s := range c.Series {
		head = append(head, cell(s.Name, report.CellHead, 0, 1+j))
	}
	g.Head = [][]report.GridCell{head}
	for i, cat := range c.Categories {
		line := []report.GridCell{cell(cat, report.CellLabel, 1+i, 0)}
		for j, s := range c.Series {
			v := ""
			if i < len(s.Values) {
				v = fmt.Sprint(s.Values[i])
			}
			line = append(line, cell(v, report.CellNumber, 1+i, 1+j))
		}
		g.Body = append(g.Body, line)
	}
	tv := viewGrid(g)
	tv.Class = "nb-chart-data"
	return tv
}
