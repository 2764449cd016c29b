package pdf

import (
	"cmp"
	"math"
	"slices"

	"nianbao/report"
)

// Table geometry in millimetres.
const (
	tablePt    = 10.5 // 5号, the default size of table text
	minTablePt = 6.0  // the smallest size a table is reduced to so its numbers fit
	padX       = 1.0
	padY       = 1.1
	ruleW      = 0.2 // about 0.5 pt
)

// lineHeight is the height of one line of table text at pt points.
func lineHeight(pt float64) float64 { return pt * ptMM * 1.3 }

// tcell is a grid cell in its slot, with its text broken into lines.
type tcell struct {
	gc         report.GridCell
	row, col   int
	rows, cols int
	lines      []line
	need       float64 // height needed by its text, padding included
}

// tableLayout is a grid ready to draw: cell positions, column edges and
// row heights, separately for the header rows (repeated on every page)
// and the body rows.
type tableLayout struct {
	pt, line    float64 // text size (points) and line height (mm)
	colX        []float64
	head, body  []*tcell
	headH       []float64
	bodyH       []float64
	keepWithNxt []bool // body rows that must not end a page (block captions)
}

// cellsOf lists the cells of rows in their slots, which report.Build set
// (GridCell.Row counts the header rows then the body rows; first is the
// grid row of rows[0], so that row numbers here start at 0).
func cellsOf(rows [][]report.GridCell, first int) []*tcell {
	var out []*tcell
	for _, row := range rows {
		for _, gc := range row {
			out = append(out, &tcell{gc: gc, row: gc.Row - first, col: gc.Col, rows: max(gc.RowSpan, 1), cols: max(gc.ColSpan, 1)})
		}
	}
	return out
}

func (w *writer) layoutTable(g *report.Grid) *tableLayout {
	tl := &tableLayout{pt: w.tablePt}
	w.setFont(w.table, tl.pt)
	total := 0
	for _, x := range g.Widths {
		total += x
	}
	tl.colX = make([]float64, g.Cols+1)
	acc := 0
	for i := range g.Cols {
		if i < len(g.Widths) && total > 0 {
			acc += g.Widths[i]
			tl.colX[i+1] = mLeft + textW*float64(acc)/float64(total)
		} else {
			tl.colX[i+1] = mLeft + textW*float64(i+1)/float64(g.Cols)
		}
	}
	tl.colX[0] = mLeft
	tl.head, tl.body = cellsOf(g.Head, 0), cellsOf(g.Body, len(g.Head))
	if !statutory[g.ID] {
		w.fitColumns(tl.colX, append(slices.Clone(tl.head), tl.body...), tl.pt)
	}
	// A number is never broken: columns too narrow for their numbers are
	// widened at the expense of columns without numbers, and when that is
	// not enough the whole table is set smaller (never below minTablePt).
	if shrink := w.widenForNumbers(tl.colX, tl.body); shrink < 1 {
		tl.pt = max(minTablePt, math.Floor(tl.pt*shrink*4)/4)
	}
	tl.line = lineHeight(tl.pt)
	if tl.pt != w.tablePt {
		w.setFont(w.table, tl.pt)
	}
	for _, cs := range [][]*tcell{tl.head, tl.body} {
		for _, c := range cs {
			wd := tl.colX[min(c.col+c.cols, g.Cols)] - tl.colX[min(c.col, g.Cols)] - 2*padX
			c.lines = breakCell(c.gc.Text, wd, w.measure)
			c.need = float64(max(len(c.lines), 1))*tl.line + 2*padY
		}
	}
	tl.headH = rowHeights(tl.head, len(g.Head), tl.line)
	nBody := len(g.Body)
	tl.bodyH = rowHeights(tl.body, nBody, tl.line)
	if maxRow := bottomY - mTop - sum(tl.headH); maxRow > 2*tl.line+2*padY {
		tl.body, nBody = splitTallRows(tl.body, tl.bodyH, maxRow, tl.line)
		tl.bodyH = rowHeights(tl.body, nBody, tl.line)
	}
	// A body row made only of header cells (表二's block captions and
	// column headings) must not end a page: it belongs to the rows below.
	tl.keepWithNxt = make([]bool, nBody)
	for r := range nBody {
		tl.keepWithNxt[r] = true
	}
	for _, c := range tl.body {
		if c.gc.Kind != report.CellHead {
			for r := c.row; r < c.row+c.rows && r < nBody; r++ {
				tl.keepWithNxt[r] = false
			}
		}
	}
	return tl
}

// splitTallRows cuts every body row taller than maxH (a page below the
// repeated header) into pieces that fit, each cell's lines continuing in
// the same column of the next piece, so that even a very long cell text
// is printed whole. Rows crossed by a spanning cell are left as they are.
// It returns the new cells and row count.
func splitTallRows(cells []*tcell, heights []float64, maxH, lineH float64) ([]*tcell, int) {
	per := int((maxH - 2*padY) / lineH) // lines per piece
	split := make([]bool, len(heights))
	tall := false
	for r, h := range heights {
		split[r] = h > maxH+eps
		tall = tall || split[r]
	}
	if !tall || per < 1 {
		return cells, len(heights)
	}
	for _, c := range cells {
		if c.rows > 1 {
			for r := c.row; r < c.row+c.rows && r < len(split); r++ {
				split[r] = false
			}
		}
	}
	pieces := make([]int, len(heights))
	for r := range pieces {
		pieces[r] = 1
	}
	for _, c := range cells {
		if c.row < len(split) && split[c.row] {
			pieces[c.row] = max(pieces[c.row], (len(c.lines)+per-1)/per)
		}
	}
	first := make([]int, len(heights)+1) // new index of each old row
	for r := range heights {
		first[r+1] = first[r] + pieces[r]
	}
	var out []*tcell
	for _, c := range cells {
		if c.row >= len(pieces) || pieces[c.row] == 1 {
			nc := *c
			nc.row = first[min(c.row, len(heights))]
			if c.row+c.rows <= len(heights) {
				nc.rows = first[c.row+c.rows] - nc.row
			}
			out = append(out, &nc)
			continue
		}
		for i := range pieces[c.row] {
			nc := *c
			nc.row, nc.rows = first[c.row]+i, 1
			lo, hi := min(i*per, len(c.lines)), min((i+1)*per, len(c.lines))
			nc.lines = c.lines[lo:hi]
			nc.need = float64(max(len(nc.lines), 1))*lineH + 2*padY
			out = append(out, &nc)
		}
	}
	return out, first[len(heights)]
}

// statutory are the tables whose column widths follow the official
// format: fitColumns leaves them alone.
var statutory = map[string]bool{"table2": true, "table3": true, "table4": true}

// fitMax is the longest text, in characters, that fitColumns keeps on
// one line (序号, 已完成, 2022年12月底); columns with longer texts give
// room down to that width.
const fitMax = 7

// fitColumns widens the columns too narrow for their short texts at the
// expense of the columns with room to spare (in proportion to that room).
// It leaves the edges as they are when there is not enough room.
func (w *writer) fitColumns(colX []float64, cells []*tcell, pt float64) {
	n := len(colX) - 1
	limit := fitMax*pt*ptMM + 2*padX + 0.2
	need := make([]float64, n)
	for _, c := range cells {
		if c.cols == 1 && c.col < n {
			need[c.col] = max(need[c.col], w.measure(c.gc.Text)+2*padX+0.2)
		}
	}
	width := make([]float64, n)
	var short, slack float64
	for i := range n {
		width[i] = colX[i+1] - colX[i]
		switch {
		case need[i] > limit: // long texts: may give room down to limit
			need[i] = min(width[i], limit)
			slack += width[i] - need[i]
		case width[i] < need[i]:
			short += need[i] - width[i]
		default:
			slack += width[i] - need[i]
		}
	}
	if short == 0 || short > slack {
		return
	}
	for i := range n {
		if width[i] < need[i] {
			width[i] = need[i]
		} else {
			width[i] -= (width[i] - need[i]) * short / slack
		}
		colX[i+1] = colX[i] + width[i]
	}
}

// widenForNumbers widens the columns whose numbers (single-column number
// cells, measured in the current font) do not fit, taking the room from
// the columns without numbers down to three characters or 40 % of their
// width. It returns the factor the type must be scaled by for the numbers
// that still do not fit: 1 when all fit.
func (w *writer) widenForNumbers(colX []float64, cells []*tcell) float64 {
	n := len(colX) - 1
	need := make([]float64, n)
	hasNum := make([]bool, n)
	var em float64 = w.measure("国")
	for _, c := range cells {
		if c.gc.Kind == report.CellNumber && c.col < n {
			hasNum[c.col] = true
			if c.cols == 1 {
				need[c.col] = max(need[c.col], w.measure(c.gc.Text)+2*padX+0.1)
			}
		}
	}
	var short, room float64
	for i := range n {
		wd := colX[i+1] - colX[i]
		if hasNum[i] {
			short += max(0, need[i]-wd)
		} else {
			room += max(0, wd-max(3*em+2*padX, 0.4*wd))
		}
	}
	if short <= eps {
		return 1
	}
	give := min(short, room)
	width := make([]float64, n)
	for i := range n {
		wd := colX[i+1] - colX[i]
		switch {
		case hasNum[i] && need[i] > wd:
			width[i] = wd + (need[i]-wd)*give/short
		case !hasNum[i] && room > 0:
			width[i] = wd - max(0, wd-max(3*em+2*padX, 0.4*wd))*give/room
		default:
			width[i] = wd
		}
	}
	for i := range n {
		colX[i+1] = colX[i] + width[i]
	}
	scale := 1.0
	for _, c := range cells {
		if c.gc.Kind == report.CellNumber && c.cols == 1 && c.col < n {
			if nw := w.measure(c.gc.Text); nw > 0 {
				scale = min(scale, (width[c.col]-2*padX-0.1)/nw)
			}
		}
	}
	return scale
}

// rowHeights gives every row the height of its tallest single-row cell,
// then grows the rows under a spanning cell evenly until its text fits.
func rowHeights(cells []*tcell, n int, lineH float64) []float64 {
	h := make([]float64, n)
	for i := range h {
		h[i] = lineH + 2*padY
	}
	var spans []*tcell
	for _, c := range cells {
		if c.row >= n {
			continue
		}
		if c.rows == 1 {
			h[c.row] = max(h[c.row], c.need)
		} else {
			spans = append(spans, c)
		}
	}
	slices.SortStableFunc(spans, func(a, b *tcell) int { return cmp.Compare(a.rows, b.rows) })
	for _, c := range spans {
		end := min(c.row+c.rows, n)
		sum := 0.0
		for r := c.row; r < end; r++ {
			sum += h[r]
		}
		if sum < c.need {
			add := (c.need - sum) / float64(end-c.row)
			for r := c.row; r < end; r++ {
				h[r] += add
			}
		}
	}
	return h
}

func sum(h []float64) float64 {
	s := 0.0
	for _, x := range h {
		s += x
	}
	return s
}

// minStart is the height the table needs at the foot of a page to start
// there: its header and body rows up to the first one that may end a page.
func (tl *tableLayout) minStart() float64 {
	h := sum(tl.headH)
	for r := range tl.bodyH {
		h += tl.bodyH[r]
		if tl.breakOK(0, r+1) {
			break
		}
	}
	return h
}

// breakOK reports whether a page may end before body row b when the page
// began with row from: not after a block caption, and every spanning cell
// cut there keeps room for its whole text on both sides.
func (tl *tableLayout) breakOK(from, b int) bool {
	if b >= len(tl.bodyH) {
		return true
	}
	if b <= from || tl.keepWithNxt[b-1] {
		return false
	}
	for _, c := range tl.body {
		if c.rows < 2 || c.row >= b || c.row+c.rows <= b {
			continue
		}
		before := sum(tl.bodyH[max(c.row, from):b])
		after := sum(tl.bodyH[b:min(c.row+c.rows, len(tl.bodyH))])
		if before < c.need-eps || after < c.need-eps {
			return false
		}
	}
	return true
}

// drawTable draws a laid-out grid from w.y, continuing on new pages with
// the header rows repeated; no row is split, and a spanning cell cut by a
// page break is drawn on each page with its text. Each body row is a
// numbered line for keeping the 落款 with the text (writer.textLine); the
// first is glued to the heading above when glued is set.
func (w *writer) drawTable(tl *tableLayout, glued bool) {
	w.setFont(w.table, tl.pt)
	w.p.SetLineWidth(ruleW)
	headH := sum(tl.headH)
	n := len(tl.bodyH)
	first := w.lineNo + 1 // the number of body row 0
	w.lineNo += n
	for i := 0; i < n; {
		avail := bottomY - w.y - headH
		j, acc := i, 0.0
		for j < n && acc+tl.bodyH[j] <= avail+eps {
			acc += tl.bodyH[j]
			j++
		}
		// The 落款 asked for a page break before row k.
		if k := w.breakAt - first; k > i && k < j && tl.breakOK(i, k) {
			j = k
		}
		b := j
		if j < n {
			for b = j; b > i && !tl.breakOK(i, b); b-- {
			}
			if b == i {
				if w.y > mTop+eps {
					w.newPage()
					w.setFont(w.table, tl.pt)
					continue
				}
				b = max(j, i+1) // a fresh page and still no good break: cut anyway
			}
		}
		for r := i; r < b; r++ {
			w.marks = append(w.marks, mark{page: w.p.PageNo(), glued: r == 0 && glued || r > 0 && !tl.breakOK(0, r)})
		}
		w.drawRows(tl, tl.head, tl.headH, 0, len(tl.headH), w.y)
		w.drawRows(tl, tl.body, tl.bodyH, i, b, w.y+headH)
		w.y += headH + sum(tl.bodyH[i:b])
		i = b
		if i < n {
			w.newPage()
			w.setFont(w.table, tl.pt)
		}
	}
}

// drawRows draws the part of every cell that lies in rows [from, to),
// starting at y.
func (w *writer) drawRows(tl *tableLayout, cells []*tcell, heights []float64, from, to int, y float64) {
	em := tl.pt * ptMM
	for _, c := range cells {
		r0, r1 := max(c.row, from), min(c.row+c.rows, to)
		if r0 >= r1 {
			continue
		}
		top := y + sum(heights[from:r0])
		h := sum(heights[r0:r1])
		x0 := tl.colX[c.col]
		x1 := tl.colX[min(c.col+c.cols, len(tl.colX)-1)]
		w.p.Rect(x0, top, x1-x0, h, "D")
		textH := float64(len(c.lines)) * tl.line
		ty := top + (h-textH)/2
		centre := c.gc.Kind == report.CellHead || c.gc.Kind == report.CellNumber ||
			(c.gc.Kind == report.CellLabel && c.rows > 1) // CellText: left, as a label
		for _, l := range c.lines {
			n := l.content()
			lw := l.width
			x := x0 + padX
			if centre {
				x = x0 + (x1-x0-lw)/2
			}
			var s string
			for _, u := range l.units[:n] {
				s += u.text
			}
			w.p.Text(x, ty+tl.line/2+0.37*em, s)
			ty += tl.line
		}
	}
}
