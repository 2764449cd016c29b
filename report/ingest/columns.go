package ingest

import (
	"fmt"
	"math"
	"nianbao/report"
	"sort"
	"strings"
)

// Finding a table's value columns from its header and placing the cells
// of its rows under them: for grids (HTML, DOCX) by their columns, for
// PDF words by their positions, placing a figure only where the page
// leaves no doubt (placeRows).

// cellAt returns the cell of row that lies in the column whose centre is
// x and extent [x0, x1]: the cell covering x, else the nearest cell whose
// centre is within the column's extent widened by tol. nil when none.
func cellAt(row []*tcell, x0, x1, tol float64) *tcell {
	x := (x0 + x1) / 2
	for _, c := range row {
		if c.x0 <= x && x < c.x1 {
			return c
		}
	}
	var best *tcell
	bd := math.Inf(1)
	for _, c := range row {
		cx := c.centre()
		if cx >= x0-tol && cx <= x1+tol {
			if d := math.Abs(cx - x); d < bd {
				best, bd = c, d
			}
		}
	}
	return best
}

// column is a value column found from the header: its extent.
type column struct {
	x0, x1 float64
	ok     bool
}

// headerClusters groups the header cells (rows before the first data
// row) into columns by their centres and returns each cluster's text,
// top to bottom, with its extent. For a grid each header cell is its own
// cluster. In a PDF a group label above several columns (申请人情况,
// 行政复议) can be centred over one of them and joins its cluster; the
// cluster's extent is then that of its own labels only: the pieces that
// overlap no piece of another cluster in their own header row or a row
// below (all pieces when every one does). A piece overlapped only from
// above is a column's label under a group label (法律服务机构 under
// 法人或其他组织, 结果纠正 under 行政复议) and keeps its extent; the
// group label above it, or two pieces of one row that overlap, do not
// count.
type hcluster struct {
	text   string
	x0, x1 float64
	pieces []*tcell
}

func headerClusters(rows [][]*tcell, tol float64, pdf bool) []hcluster {
	var cl []hcluster
	rowOf := map[*tcell]int{} // a piece's first header row
	for r, row := range rows {
		for _, c := range row {
			if _, seen := rowOf[c]; seen {
				continue
			}
			rowOf[c] = r
			joined := false
			for i := range cl {
				same := cl[i].x0 == c.x0 && cl[i].x1 == c.x1
				if pdf {
					same = math.Abs((cl[i].x0+cl[i].x1)/2-c.centre()) <= tol
				}
				if same {
					cl[i].text += norm(c.text)
					cl[i].x0, cl[i].x1 = min(cl[i].x0, c.x0), max(cl[i].x1, c.x1)
					cl[i].pieces = append(cl[i].pieces, c)
					joined = true
					break
				}
			}
			if !joined {
				cl = append(cl, hcluster{norm(c.text), c.x0, c.x1, []*tcell{c}})
			}
		}
	}
	if pdf {
		own := make([][2]float64, len(cl))
		for i := range cl {
			x0, x1 := math.Inf(1), math.Inf(-1)
			for _, p := range cl[i].pieces {
				shared := false
				for j := range cl {
					for _, q := range cl[j].pieces {
						if j != i && p.x0 < q.x1 && q.x0 < p.x1 && rowOf[q] >= rowOf[p] {
							shared = true
						}
					}
				}
				if !shared {
					x0, x1 = min(x0, p.x0), max(x1, p.x1)
				}
			}
			if x0 > x1 {
				x0, x1 = cl[i].x0, cl[i].x1
			}
			own[i] = [2]float64{x0, x1}
		}
		for i := range cl {
			cl[i].x0, cl[i].x1 = own[i][0], own[i][1]
		}
	}
	sort.SliceStable(cl, func(i, j int) bool { return cl[i].x0 < cl[j].x0 })
	return cl
}

// slot is what one value column of a PDF row holds: the text of the
// tokens placed in it, or why they cannot be placed (why != "").
type slot struct {
	text string
	why  string
}

// placeRows places the tokens of the rows of a PDF table under one header
// into its value columns by their x extents (points), one []slot per row,
// one slot per column. cols are the table's value columns in their
// order across the page (表三's statutory order, say); a column whose
// header was not found (not ok: pdftotext drops a header cut off at the
// page's edge, as LibreOffice sets a page too wide for its paper) still
// holds its place in that order, so that its figures are not given to a
// neighbour. Such a column's slot gets the figures the rules below place
// in it, which callers may ignore.
//
// A PDF has no cells, only words where the table's author put them: a
// figure may be left-aligned under a centred header, a space away from
// its row's label, or in the gap between two headers. So a token is
// placed only where the page leaves no doubt:
//
//   - overlapping the header of exactly one column: that column;
//   - left of the first found header (and a figure: words there are the
//     row's label) or right of the last one: that column, unless a
//     column not found lies on that side;
//   - a row with exactly one token per column (found or not), in order,
//     agreeing with the placements above (a token in a gap agrees with
//     the columns on either side of it, and a column not found with a
//     token between its found neighbours standing well clear of the
//     tokens beside it: see apart): each token its column;
//   - in the gap between two headers: the column of the tokens of other
//     rows aligned with it (same left edge, right edge or centre, within
//     half a point) placed by the rules above, when they all agree (and,
//     for a column not found, the token stands clear of its neighbours).
//
// Otherwise — a token across two headers, or between two with no such
// evidence — the found columns it could be in are unreadable, never
// guessed. A column given two figures is unreadable too; a figure and a
// word (81356204.35 元) are joined. When the found headers are not in the
// columns' order and some are missing, no token is placed by order or by
// alignment (where the missing ones are is not known).
func placeRows(rows [][]*tcell, cols []column) [][]slot {
	var ok []int // indexes of the ok columns, left to right
	for i, c := range cols {
		if c.ok {
			ok = append(ok, i)
		}
	}
	sort.SliceStable(ok, func(a, b int) bool { return cols[ok[a]].x0 < cols[ok[b]].x0 })
	out := make([][]slot, len(rows))
	if len(ok) == 0 {
		for r := range rows {
			out[r] = make([]slot, len(cols))
		}
		return out
	}
	// ordered: the found headers run across the page in the columns'
	// order, so a missing column lies between its found neighbours.
	missing := len(ok) < len(cols)
	ordered := true
	for i := 1; i < len(ok); i++ {
		ordered = ordered && ok[i-1] < ok[i]
	}
	// byOrder: tokens may be placed by order and alignment.
	byOrder := ordered || !missing
	// lacks reports whether a column not found lies strictly between
	// columns lo and hi (-1: the table's edge) in the columns' order; any
	// missing column counts when the order is unknown.
	lacks := func(lo, hi int) bool {
		if !ordered {
			return missing
		}
		if hi < 0 {
			hi = len(cols)
		}
		for k := lo + 1; k < hi; k++ {
			if !cols[k].ok {
				return true
			}
		}
		return false
	}
	// prevOK and nextOK: the found columns on either side of column k in
	// the columns' order (-1 for none).
	prevOK := func(k int) int {
		for k--; k >= 0 && !cols[k].ok; k-- {
		}
		return k
	}
	nextOK := func(k int) int {
		for k++; k < len(cols) && !cols[k].ok; k++ {
		}
		if k == len(cols) {
			return -1
		}
		return k
	}
	first, last := cols[ok[0]], cols[ok[len(ok)-1]]
	const (
		gap    = -1 // between two headers, or beyond the outer ones: decided by order or alignment
		across = -2 // over two headers: unreadable
	)
	type placed struct {
		t   *tcell
		col int // column index, gap or across
		lo  int // for gap and across: the found columns it could be in (-1: the table's edge)
		hi  int
	}
	// apart reports whether token k of a row stands well clear of its
	// neighbours: more than 1.5 em (as wide as the wider token's font
	// makes it, see runeWeight) from each. Only such a token is given to a
	// column whose header is missing: the digit groups of one number
	// (12345 678, with a space or even an ideographic one) sit closer,
	// and a column's figure that ran past its header must not lend its
	// tail to the next column.
	apart := func(ps []placed, k int) bool {
		em := func(t *tcell) float64 {
			if w := runeWeight(t.text); w > 0 {
				return (t.x1 - t.x0) / w
			}
			return 0
		}
		t := ps[k].t
		for _, j := range []int{k - 1, k + 1} {
			if j < 0 || j >= len(ps) {
				continue
			}
			u := ps[j].t
			d := max(u.x0-t.x1, t.x0-u.x1)
			if d <= 1.5*max(em(t), em(u)) {
				return false
			}
		}
		return true
	}
	rowToks := make([][]placed, len(rows))
	var sure []placed
	for r, row := range rows {
		var ps []placed
		seen := map[*tcell]bool{}
		for _, t := range row {
			if seen[t] || strings.TrimSpace(t.text) == "" || t.x1 <= first.x0 && !isFigure(t.text) {
				continue
			}
			seen[t] = true
			p := placed{t: t, col: across, lo: -1, hi: -1}
			var over []int
			for _, i := range ok {
				if t.x0 < cols[i].x1 && cols[i].x0 < t.x1 {
					over = append(over, i)
				}
			}
			switch {
			case len(over) == 1:
				p.col = over[0]
			case len(over) > 1:
				p.lo, p.hi = over[0], over[len(over)-1]
			default:
				// The nearest found column on each side.
				p.col = gap
				for _, i := range ok {
					if cols[i].x1 <= t.x0 && (p.lo < 0 || cols[i].x1 > cols[p.lo].x1) {
						p.lo = i
					}
					if cols[i].x0 >= t.x1 && (p.hi < 0 || cols[i].x0 < cols[p.hi].x0) {
						p.hi = i
					}
				}
				switch {
				case t.x1 <= first.x0 && !lacks(-1, ok[0]):
					p.col = ok[0]
				case t.x0 >= last.x1 && !lacks(ok[len(ok)-1], -1):
					p.col = ok[len(ok)-1]
				}
			}
			ps = append(ps, p)
		}
		// One token per column, in order: each its column, if that
		// agrees with every placement made above.
		if byOrder && len(ps) == len(cols) {
			agree := true
			for k, p := range ps {
				switch {
				case !cols[k].ok:
					agree = agree && p.col == gap && p.lo == prevOK(k) && p.hi == nextOK(k) && apart(ps, k)
				case p.col >= 0:
					agree = agree && p.col == k
				case p.col == gap:
					agree = agree && (p.lo == k || p.hi == k)
				default:
					agree = false
				}
				if k > 0 && ps[k-1].t.x1 > p.t.x0 {
					agree = false
				}
			}
			if agree {
				for k := range ps {
					ps[k].col = k
				}
			}
		}
		for _, p := range ps {
			if p.col >= 0 {
				sure = append(sure, p)
			}
		}
		rowToks[r] = ps
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 0.5 }
	// could reports whether a token in the gap between found columns lo
	// and hi may be column c's: lo, hi, or a column not found between them.
	could := func(c, lo, hi int) bool {
		if c == lo || c == hi {
			return c >= 0
		}
		return !cols[c].ok && (lo < 0 || lo < c) && (hi < 0 || c < hi)
	}
	for r := range rows {
		slots := make([]slot, len(cols))
		got := make([][]*tcell, len(cols))
		for k, p := range rowToks[r] {
			if p.col == gap && byOrder {
				evid := map[int]bool{}
				for _, q := range sure {
					if could(q.col, p.lo, p.hi) && (near(q.t.x0, p.t.x0) || near(q.t.x1, p.t.x1) || near(q.t.centre(), p.t.centre())) {
						evid[q.col] = true
					}
				}
				if len(evid) == 1 {
					for c := range evid {
						if cols[c].ok || apart(rowToks[r], k) {
							p.col = c
						}
					}
				}
			}
			if p.col >= 0 {
				got[p.col] = append(got[p.col], p.t)
				continue
			}
			why := "跨越几列"
			switch {
			case p.col == gap && (p.lo < 0 || p.hi < 0):
				why = "位于表头所列各列之外"
			case p.col == gap:
				why = "位于两列之间"
			}
			for _, i := range []int{p.lo, p.hi} {
				if i >= 0 && slots[i].why == "" {
					slots[i].why = fmt.Sprintf("“%s”%s，不能确定属于哪一列", report.Clip(p.t.text, 20), why)
				}
			}
		}
		for i, ts := range got {
			if slots[i].why != "" {
				continue
			}
			figs := 0
			var texts []string
			for _, t := range ts {
				if strings.ContainsAny(t.text, "0123456789０１２３４５６７８９") {
					figs++
				}
				texts = append(texts, t.text)
			}
			if figs > 1 {
				slots[i].why = fmt.Sprintf("这一格里有几个数（%s），不能确定哪个属于这一列", report.Clip(strings.Join(texts, " "), 30))
				continue
			}
			slots[i].text = strings.Join(texts, " ")
		}
		out[r] = slots
	}
	return out
}

// isFigure reports whether a cell reads as a figure or a blank mark.
func isFigure(s string) bool {
	s = strings.Join(strings.Fields(s), "")
	if s == "" {
		return false
	}
	k, _ := report.NumberText(s, false)
	return k == report.TextPlain || k == report.TextTyped || (k == report.TextBlank && s != "")
}

// splitHeader splits a table's rows at the first row isData accepts:
// header rows, then data rows.
func splitHeader(t *table, isData func([]*tcell) bool) (head, body [][]*tcell) {
	for i, row := range t.rows {
		if isData(row) {
			return t.rows[:i], t.rows[i:]
		}
	}
	return t.rows, nil
}

// withFigures accepts a row with at least n figures: the first data row of
// a table whose header holds none.
func withFigures(n int) func([]*tcell) bool {
	return func(row []*tcell) bool {
		k := 0
		for _, c := range row {
			if isFigure(c.text) {
				k++
			}
		}
		return k >= n
	}
}
