package ingest

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"nianbao/report/zipguard"
)

// Grid is one table of a Word document or a web page as a grid of cell
// texts, for tables that are not a report's statutory tables (a 任务分解表,
// read by package tasktable).
type Grid struct {
	// Name is 表格2 for the document's second table (tables inside a
	// table's cells are part of that cell, not tables of their own).
	Name string
	// Rows are the cells' texts, Rows[r][c] 0-based by grid column: a
	// cell's paragraphs and line breaks are lines joined by "\n". A cell
	// spanning rows or columns (vMerge, gridSpan, rowspan, colspan) has
	// its text in its top-left slot only and is listed in Merges; the
	// other slots it covers are "". Rows end at their last cell.
	Rows   [][]string
	Merges []Merge
	// Above are the paragraphs between the previous table (or the start)
	// and this one, the nearest last, at most maxAbove: where a Word
	// document or a page puts the table's title (示例县2024年政务公开工作要点
	// 任务分解表).
	Above []string
	// Cut is true when the table reached the readers' bound
	// (MaxTableCells slots): the rows after the last one here were not read.
	Cut bool
}

// maxAbove is how many paragraphs above a table Grid.Above keeps.
const maxAbove = 3

// above collects the paragraphs seen since the last table.
type above []string

func (a *above) add(s string) {
	if s = strings.TrimSpace(s); s != "" && len(s) <= 1000 {
		*a = append(*a, s)
		if len(*a) > maxAbove {
			*a = (*a)[1:]
		}
	}
}

// take returns the paragraphs collected and starts again.
func (a *above) take() []string {
	out := *a
	*a = nil
	return out
}

// Merge is a cell spanning more than one slot, 0-based and inclusive.
type Merge struct{ Row1, Col1, Row2, Col2 int }

// MaxTableCells bounds the slots of a table that DOCXTables and
// HTMLTables read (Grid.Cut says a table reached it).
const MaxTableCells = maxCells

// maxGridCols bounds a grid's width (w:gridBefore can push a cell far
// right; real task tables have under 20 columns).
const maxGridCols = 200

// DOCXTables reads every table of a .docx, in document order; name is the
// file's name for messages. The file passes report/zipguard first, and
// word/document.xml is read by the same reader as DOCX (w:gridSpan,
// w:gridBefore, w:vMerge). The error, in Chinese and starting with name,
// says why the file cannot be read. A document without tables gives no
// grid and no error.
func DOCXTables(name string, data []byte) ([]Grid, error) {
	part, msg := docxPart(name, data)
	if part == nil {
		return nil, &zipguard.Error{File: name, Msg: msg}
	}
	defer part.Close()
	blocks, err := docxBlocks(io.LimitReader(part, zipguard.Default.MaxEntry), true)
	if err != nil {
		return nil, fmt.Errorf("%s：%s", name, docxDamaged)
	}
	var out []Grid
	var paras above
	for _, b := range blocks {
		switch b.kind {
		case bTable:
			g := gridFrom(b.tab, b.where)
			g.Above = paras.take()
			out = append(out, g)
		case bPara:
			paras.add(b.text)
		}
	}
	return out, nil
}

// HTMLTables reads every table of a web page, in document order; name is
// the file's name for messages, data the page in its own encoding (meta
// charset or BOM; GBK and GB18030 included; none: UTF-8 or GB18030, see
// decodePage). A layout table (one holding
// tables) is not a grid: the tables inside it are. A cell's text is what
// a browser shows: runs of white space as one space (a no-break space as
// a space), <br> and the ends of <p>, <div> and the like as line breaks,
// so Word-pasted HTML (<p class=MsoNormal> in every cell, lines wrapped in
// the source) reads as it looks. Scripts, styles and navigation are
// skipped. A page without tables gives no grid and no error.
func HTMLTables(name string, data []byte) ([]Grid, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s：文件超过 %d MiB，不像任务分解表网页", name, MaxFileSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s：文件为空", name)
	}
	text, err := decodePage(data, maxText*4)
	if err != nil {
		return nil, fmt.Errorf("%s：%v", name, err)
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("%s：%s", name, pageDamaged)
	}
	var out []Grid
	var paras above
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if depth > 400 || len(out) >= maxBlocks {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (skip[c.DataAtom] && c.DataAtom != atom.Head) {
				continue
			}
			switch {
			case c.DataAtom == atom.Table && !hasDescendant(c, atom.Table):
				g := gridFrom(gridOf(c, cellLines), fmt.Sprintf("表格%d", len(out)+1))
				g.Above = paras.take()
				out = append(out, g)
			case blockAtoms[c.DataAtom] && !hasDescendant(c, atom.Table):
				paras.add(cellLines(c)) // a paragraph or heading, as shown
			default:
				visit(c, depth+1)
			}
		}
	}
	visit(doc, 0)
	return out, nil
}

// cellLines is a cell's text as a browser shows it, line by line: text
// runs joined as they stand, then each line's white space collapsed.
func cellLines(td *html.Node) string {
	var lines []string
	var cur strings.Builder
	end := func() {
		l := strings.Join(strings.FieldsFunc(spacerun(cur.String()), isHTMLSpace), " ")
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " ")); l != "" {
			lines = append(lines, l)
		}
		cur.Reset()
	}
	size := 0
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch {
		case size > 4096:
			return
		case n.Type == html.TextNode:
			cur.WriteString(n.Data)
			size += len(n.Data)
			return
		case n.Type == html.ElementNode && skip[n.DataAtom]:
			return
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			end()
			return
		case n.Type == html.ElementNode && isSpacerun(n):
			cur.WriteRune(spacerunMark)
			return
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		if block {
			end()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
		if block {
			end()
		}
	}
	visit(td)
	end()
	return strings.Join(lines, "\n")
}

// spacerunMark stands, in a cell's text being collected, for the spaces
// of a Word spacerun (see isSpacerun); spacerun resolves it.
const spacerunMark = '\ue000'

// isSpacerun reports whether n is Word's <span style='mso-spacerun:yes'>
// holding only spaces (no-break or not): how Word's “save as web page”
// and a paste into a portal's editor keep two or more spaces typed in a
// row.
func isSpacerun(n *html.Node) bool {
	style := ""
	for _, a := range n.Attr {
		if a.Key == "style" {
			style = strings.ToLower(a.Val)
		}
	}
	if !strings.Contains(strings.ReplaceAll(style, " ", ""), "mso-spacerun:yes") {
		return false
	}
	only := true
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil && only; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				only = strings.TrimFunc(c.Data, func(r rune) bool { return isHTMLSpace(r) || r == '\u00a0' || r == '\u3000' }) == ""
			case html.ElementNode:
				visit(c)
			}
		}
	}
	visit(n)
	return only
}

// spacerun resolves the spacerun marks of s with the white space around
// them: between two Chinese characters (Han, or Chinese punctuation and
// full-width forms) the spaces go — Chinese is written without them, and
// two spaces typed there are spacing for the eye (深化  财政信息公开 is
// 深化财政信息公开); anywhere else they are one space, as between two
// Latin words or digits.
func spacerun(s string) string {
	if !strings.ContainsRune(s, spacerunMark) {
		return s
	}
	blank := func(r rune) bool { return r == spacerunMark || isHTMLSpace(r) || r == '\u00a0' || r == '\u3000' }
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); {
		if !blank(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j, mark := i, false
		for j < len(rs) && blank(rs[j]) {
			mark = mark || rs[j] == spacerunMark
			j++
		}
		switch {
		case !mark:
			b.WriteString(string(rs[i:j]))
		case i > 0 && j < len(rs) && isCJK(rs[i-1]) && isCJK(rs[j]):
		default:
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}

// isCJK reports whether r is written without spaces around it: a Han
// character, Chinese punctuation (U+3000–U+303F) or a full-width form.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3001 && r <= 0x303f || r >= 0xff01 && r <= 0xff60
}

// isHTMLSpace reports whether r is HTML white space (not a no-break space).
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// gridFrom lays a table (rows listing each cell once per row it covers,
// x0 and x1 its grid columns) out as a grid: each cell's text at its
// top-left slot, a merged range for each cell spanning more than one.
func gridFrom(t *table, name string) Grid {
	g := Grid{Name: name}
	if t == nil {
		return g
	}
	type place struct{ row, col1, col2, last int }
	seen := map[*tcell]*place{}
	var order []*tcell
	slots := 0
	for r, row := range t.rows {
		var line []string
		for _, c := range row {
			slots += max(int(c.x1)-int(c.x0), 1)
			c1, c2 := int(c.x0), int(c.x1)-1
			if c1 < 0 || c1 >= maxGridCols {
				continue
			}
			c2 = min(max(c2, c1), maxGridCols-1)
			if p, ok := seen[c]; ok {
				p.last = r
			} else {
				seen[c] = &place{row: r, col1: c1, col2: c2, last: r}
				order = append(order, c)
			}
			for len(line) <= c2 {
				line = append(line, "")
			}
			if seen[c].row == r {
				line[c1] = c.text
			}
		}
		g.Rows = append(g.Rows, line)
	}
	// The readers stop a table at maxCells slots (or rows); a table
	// within a row's width of that was most likely stopped.
	g.Cut = slots+maxGridCols > maxCells || len(t.rows) >= maxCells
	for _, c := range order {
		if p := seen[c]; p.last > p.row || p.col2 > p.col1 {
			g.Merges = append(g.Merges, Merge{Row1: p.row, Col1: p.col1, Row2: p.last, Col2: p.col2})
		}
	}
	return g
}
