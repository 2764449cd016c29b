package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/report"
)

// HTML reads a published report page. name is shown in messages and
// recorded (base name) in the source block; data is the page as served,
// in its own encoding (meta charset or BOM; GBK and GB18030 included; a
// page declaring none is read as UTF-8 or GB18030, see decodePage).
// The returned report is nil only when the page cannot be parsed at all.
func HTML(name string, data []byte) (*report.Report, *report.Source, report.Problems) {
	res := &result{name: name, blank: map[string]bool{}, src: newSource(name, "html", data)}
	if len(data) > MaxFileSize {
		res.add(report.Error, "IN-3", "", "文件超过 %d MiB，不像年度报告网页", MaxFileSize>>20)
		return nil, res.src, res.ps
	}
	if len(bytes.TrimSpace(data)) == 0 {
		res.add(report.Error, "IN-3", "", "文件为空")
		return nil, res.src, res.ps
	}
	text, err := decodePage(data, maxText*4)
	if err != nil {
		res.add(report.Error, "IN-3", "", "%v", err)
		return nil, res.src, res.ps
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		res.add(report.Error, "IN-3", "", "%s", pageDamaged)
		return nil, res.src, res.ps
	}
	h := &htmlReader{}
	h.walkAll(doc)
	body := h.body()
	var blocks []block
	if body != nil {
		h.blocks = nil
		h.cur = nil
		h.walk(body, pathOf(body))
		h.flush()
		blocks = h.blocks
	}
	assemble(res, blocks, h.title)
	setMeta(res.r, pageMeta(doc))
	return finish(res)
}

// finish sets the blank list and the source block on the report; the
// report is nil when assemble found none (res.none).
func finish(res *result) (*report.Report, *report.Source, report.Problems) {
	if res.none {
		return nil, res.src, res.ps
	}
	for p := range res.blank {
		res.src.Blank = append(res.src.Blank, p)
	}
	sortStrings(res.src.Blank)
	res.r.Source = res.src
	return res.r, res.src, res.ps
}

type htmlReader struct {
	title  string
	blocks []block
	cur    *strings.Builder
	where  string
	// headings found by walkAll: the paragraph elements that read as
	// statutory headings.
	heads []*html.Node
}

// blockAtoms are the elements that end a paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Main: true, atom.Nav: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Center: true,
	atom.Caption: true, atom.Figure: true, atom.Figcaption: true, atom.Pre: true, atom.Hr: true, atom.Form: true, atom.Address: true,
}

// skip are elements whose content is not text of the report.
var skip = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Nav: true, atom.Select: true, atom.Button: true, atom.Input: true, atom.Iframe: true, atom.Object: true, atom.Svg: true}

// walkAll finds the page title and the elements holding the statutory
// headings.
func (h *htmlReader) walkAll(n *html.Node) {
	var visit func(n *html.Node, depth int)
	count := 0
	visit = func(n *html.Node, depth int) {
		count++
		if count > 1_000_000 || depth > 400 {
			return
		}
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Title && h.title == "" {
				h.title = textContent(n, 1000)
			}
			if skip[n.DataAtom] && n.DataAtom != atom.Head {
				return
			}
			if blockAtoms[n.DataAtom] || n.DataAtom == atom.Td || n.DataAtom == atom.Th {
				if t := textContent(n, 200); len(t) < 200 && headingIndex(t) >= 0 {
					h.heads = append(h.heads, n)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1)
		}
	}
	visit(n, 0)
}

// body is the article body: the lowest common ancestor of the elements
// holding the statutory headings, or the <body> when there are fewer than
// two.
func (h *htmlReader) body() *html.Node {
	if len(h.heads) < 2 {
		return nil
	}
	anc := ancestors(h.heads[0])
	for _, n := range h.heads[1:] {
		other := ancestors(n)
		i := 0
		for i < len(anc) && i < len(other) && anc[i] == other[i] {
			i++
		}
		anc = anc[:i]
	}
	if len(anc) == 0 {
		return nil
	}
	b := anc[len(anc)-1]
	// The title is often just above the body: go up while the parent
	// holds little more (the title, an info table).
	for p := b.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body && p.DataAtom != atom.Html; p = p.Parent {
		if strings.Contains(textContent(p, 1<<20), "年度报告") && !strings.Contains(textContent(b, 1<<20), "年度报告") {
			b = p
			break
		}
		break
	}
	return b
}

func ancestors(n *html.Node) []*html.Node {
	var out []*html.Node
	for ; n != nil; n = n.Parent {
		out = append(out, n)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// pathOf is an element path such as html/body/div[2]/div for messages.
func pathOf(n *html.Node) string {
	var parts []string
	for ; n != nil && n.Type == html.ElementNode; n = n.Parent {
		i, same := 1, 0
		for s := n.Parent.FirstChild; n.Parent != nil && s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode && s.Data == n.Data {
				same++
				if s == n {
					i = same
				}
			}
		}
		p := n.Data
		if id := attr(n, "id"); id != "" {
			p += "#" + id
		} else if same > 1 {
			p += "[" + strconv.Itoa(i) + "]"
		}
		parts = append([]string{p}, parts...)
		if n.Parent == nil {
			break
		}
	}
	return strings.Join(parts, "/")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textContent is the text of n, at most limit bytes, with <br> as a
// newline.
func textContent(n *html.Node, limit int) string {
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if b.Len() > limit {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if skip[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteByte('\n')
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

// flush ends the current paragraph.
func (h *htmlReader) flush() {
	if h.cur == nil {
		return
	}
	for _, line := range strings.Split(h.cur.String(), "\n") {
		if t := cleanText(line); t != "" && len(h.blocks) < maxBlocks {
			h.blocks = append(h.blocks, block{kind: bPara, text: t, where: h.where})
		}
	}
	h.cur = nil
}

// cleanText collapses the whitespace of Word-pasted text: no-break spaces
// and runs of spaces and newlines become one space between Latin words
// and nothing next to Chinese text.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	fields := strings.Fields(s)
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			prev := fields[i-1]
			if prev[len(prev)-1] < 0x80 && f[0] < 0x80 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return strings.TrimSpace(strings.Trim(b.String(), "\u3000"))
}

func (h *htmlReader) walk(n *html.Node, where string) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.node(c, where)
	}
}

func (h *htmlReader) node(n *html.Node, where string) {
	switch n.Type {
	case html.TextNode:
		if h.cur == nil {
			h.cur = &strings.Builder{}
			h.where = where
		}
		if h.cur.Len() < maxText {
			h.cur.WriteString(n.Data)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if skip[n.DataAtom] {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		if h.cur != nil {
			h.cur.WriteByte('\n')
		}
		return
	case atom.Img:
		h.flush()
		if len(h.blocks) < maxBlocks {
			h.blocks = append(h.blocks, block{kind: bImage, where: pathOf(n)})
		}
		return
	case atom.Table:
		h.flush()
		if hasDescendant(n, atom.Table) {
			// A layout table: walk its cells as containers.
			h.walkContainer(n)
			return
		}
		if t := gridOf(n, reportCellText); t != nil && len(h.blocks) < maxBlocks {
			t.where = pathOf(n)
			h.blocks = append(h.blocks, block{kind: bTable, where: t.where, tab: t})
			// An image inside a table (a table pasted as a picture
			// into a frame) still counts.
			for _, img := range findAll(n, atom.Img, 4) {
				h.blocks = append(h.blocks, block{kind: bImage, where: pathOf(img)})
			}
		}
		return
	}
	if blockAtoms[n.DataAtom] {
		h.flush()
		h.walk(n, pathOf(n))
		h.flush()
		return
	}
	h.walk(n, where)
}

func (h *htmlReader) walkContainer(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			h.flush()
			h.walk(c, pathOf(c))
			h.flush()
			continue
		}
		if c.Type == html.ElementNode {
			h.walkContainer(c)
		}
	}
}

func hasDescendant(n *html.Node, a atom.Atom) bool {
	return len(findAll(n, a, 1)) > 0
}

// findAll returns up to limit descendants of n with atom a (not n itself).
func findAll(n *html.Node, a atom.Atom, limit int) []*html.Node {
	var out []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil && len(out) < limit; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == a {
				out = append(out, c)
				continue
			}
			visit(c)
		}
	}
	visit(n)
	return out
}

// reportCellText is a cell's text as the report reader reads statutory
// tables: its text content, <br> as a newline, trimmed.
func reportCellText(td *html.Node) string { return strings.TrimSpace(textContent(td, 4096)) }

// gridOf lays a <table> out as the HTML table algorithm does: each cell
// takes the first free slot of its row; rowspan and colspan cover slots.
// Spans are capped (a hostile colspan=100000 must not allocate), and so
// are the rows read (maxCells). text gives a cell's text.
func gridOf(tn *html.Node, text func(td *html.Node) string) *table {
	t := &table{tol: 0.5}
	covered := map[[2]int]*tcell{}
	r := 0
	cells := 0
	var rows []*html.Node
	var collect func(n *html.Node)
	collect = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				collect(c)
			}
		}
	}
	collect(tn)
	if len(rows) > maxCells {
		rows = rows[:maxCells]
	}
	for _, tr := range rows {
		var row []*tcell
		c := 0
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || (td.DataAtom != atom.Td && td.DataAtom != atom.Th) {
				continue
			}
			for covered[[2]int{r, c}] != nil {
				row = append(row, covered[[2]int{r, c}])
				c++
			}
			cs := spanOf(td, "colspan", 64)
			rs := spanOf(td, "rowspan", 200)
			cell := &tcell{text: text(td), x0: float64(c), x1: float64(c + cs)}
			cells += cs * rs
			if cells > maxCells {
				return t
			}
			row = append(row, cell)
			for dr := 1; dr < rs; dr++ {
				for dc := range cs {
					covered[[2]int{r + dr, c + dc}] = cell
				}
			}
			c += cs
		}
		for covered[[2]int{r, c}] != nil {
			row = append(row, covered[[2]int{r, c}])
			c++
		}
		// Dedupe a row-spanning cell listed once per covered column.
		row = dedupe(row)
		t.rows = append(t.rows, row)
		r++
	}
	return t
}

func dedupe(row []*tcell) []*tcell {
	out := row[:0]
	seen := map[*tcell]bool{}
	for _, c := range row {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

func spanOf(n *html.Node, key string, limit int) int {
	v, err := strconv.Atoi(strings.TrimSpace(attr(n, key)))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, limit)
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

var _ = fmt.Sprint

// pageDamaged is what the readers say of a page golang.org/x/net/html
// refuses: the only refusal of a page in memory is elements nested more
// than 512 deep, which no editor or portal writes.
const pageDamaged = "网页的结构无法解析（标签嵌套超过 512 层，不像正常的网页）：文件可能已损坏，或不是网页。请在浏览器中打开，确认显示正常后另存为网页再试"

// errUnknownEncoding is what decodePage says of bytes it cannot read in
// any encoding it knows.
var errUnknownEncoding = errors.New("网页编码无法识别，可能是 GBK：请用浏览器打开该网页，确认文字显示正常后另存为“网页，仅 HTML”（UTF-8 编码）再读入")

// decodePage gives a web page's text as UTF-8. The encoding is the one
// the page declares (byte order mark, <meta charset>, http-equiv); a page
// declaring none is UTF-8 when its bytes are valid UTF-8 and otherwise
// GB18030, the superset of GBK and GB2312 in which Chinese offices' pages
// without a declaration are written (HTML's own default, windows-1252,
// would turn every Chinese character into two Latin letters). When even
// GB18030 leaves more than one byte sequence in a hundred undecodable
// (at least four), the page is not text in any of them: errUnknownEncoding.
// At most limit bytes of text are returned.
func decodePage(data []byte, limit int64) ([]byte, error) {
	enc, name, certain := charset.DetermineEncoding(data, "text/html")
	if !certain && name == "windows-1252" && !utf8.Valid(data) {
		enc = simplifiedchinese.GB18030
	}
	out, err := io.ReadAll(io.LimitReader(enc.NewDecoder().Reader(bytes.NewReader(data)), limit))
	if err != nil {
		return nil, errUnknownEncoding
	}
	if enc == simplifiedchinese.GB18030 {
		bad, n := 0, 0
		for _, r := range string(out) {
			n++
			if r == utf8.RuneError {
				bad++
			}
		}
		if bad > 3 && bad*100 > n {
			return nil, errUnknownEncoding
		}
	}
	return out, nil
}
