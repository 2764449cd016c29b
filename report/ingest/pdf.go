package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"nianbao/report"
)

// PDFTimeout bounds one pdftotext run.
const PDFTimeout = 60 * time.Second

// maxPDFText bounds pdftotext's output (the words with their boxes).
const maxPDFText = 64 << 20

// PDF reads a published report PDF with a text layer through poppler's
// pdftotext -bbox-layout (see the package documentation for why). Words
// are grouped into lines by their boxes; lines into paragraphs by the
// page's geometry (newPara: indent, short line, gap, heading); the lines
// of sections 二 to 四 are the tables, their cells placed by their x
// coordinates (points) under the header's columns (placeRows): a figure
// whose column the page does not make certain is reported unreadable
// (IN-1), never given to a neighbouring column.
func PDF(name string, data []byte) (*report.Report, *report.Source, report.Problems) {
	res := &result{name: name, blank: map[string]bool{}, src: newSource(name, "pdf", data)}
	fail := func(format string, args ...any) (*report.Report, *report.Source, report.Problems) {
		res.add(report.Error, "IN-3", "", format, args...)
		return nil, res.src, res.ps
	}
	if !bytes.HasPrefix(data, []byte("%PDF")) {
		return fail("这不是 PDF 文件（文件开头不是 %%PDF）")
	}
	if len(data) > MaxFileSize {
		return fail("文件超过 %d MiB，不像年度报告", MaxFileSize>>20)
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return fail("读取 PDF 需要 poppler 的 pdftotext，本机没有找到。请安装：Debian/Ubuntu 执行 sudo apt-get install poppler-utils，CentOS/麒麟/统信执行 sudo yum install poppler-utils，Windows 下载 poppler 并把其 bin 文件夹加入 PATH")
	}
	f, err := os.CreateTemp("", "nianbao-ingest-*.pdf")
	if err != nil {
		return fail("无法创建临时文件：%v", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fail("无法写入临时文件：%v", err)
	}
	f.Close()
	ctx, cancel := context.WithTimeout(context.Background(), PDFTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-bbox-layout", "-enc", "UTF-8", f.Name(), "-")
	var out limitedBuffer
	out.limit = maxPDFText
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return fail("%s", pdfFailure(ctx.Err() != nil, stderr.String()))
	}
	if out.over {
		return fail("PDF 的文字超过 %d MiB，不像年度报告", maxPDFText>>20)
	}
	pages, title, err := parseBBox(out.Bytes())
	if err != nil {
		return fail("PDF 的文字无法取出（pdftotext 的输出不完整）：文件可能已损坏。请重新下载，或向发布单位索取完好的文件")
	}
	nwords := 0
	for _, p := range pages {
		nwords += len(p)
	}
	if nwords == 0 {
		return fail("PDF 中没有文字层（可能是扫描件，全部是图片）：无法读取。请向发布单位索取带文字的 PDF、Word 文档或网页版")
	}
	blocks := pdfBlocks(pages)
	assemble(res, blocks, title)
	return finish(res)
}

// pdfFailure says in Chinese why pdftotext could not read a PDF, from
// whether it ran out of time and its messages (poppler's English, which
// is not shown): a PDF with an open password, or a damaged one (a
// download cut short has no trailer or cross-reference table).
func pdfFailure(timedOut bool, stderr string) string {
	low := strings.ToLower(stderr)
	switch {
	case timedOut:
		return fmt.Sprintf("读取 PDF 超过 %d 秒仍未完成：文件可能已损坏或异常复杂。请向发布单位索取 Word 文档或网页版", int(PDFTimeout.Seconds()))
	case strings.Contains(low, "password") || strings.Contains(low, "encrypt"):
		return "PDF 设置了打开密码，无法读取。请向发布单位索取未加密的文件，或在 PDF 阅读器中输入密码后另存一份不加密的"
	}
	return "PDF 文件已损坏（可能下载不完整），无法读取其中的文字。请重新下载，或向发布单位索取完好的文件"
}

// limitedBuffer keeps at most limit bytes and notes when more came.
type limitedBuffer struct {
	bytes.Buffer
	limit int
	over  bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.limit {
		b.over = true
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

// word is one word of pdftotext's output with its box (points).
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

// parseBBox reads pdftotext -bbox-layout XHTML: the words of each page.
func parseBBox(data []byte) (pages [][]word, title string, err error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return pages, title, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "title":
			var s string
			if err := dec.DecodeElement(&s, &se); err == nil {
				title = s
			}
		case "page":
			pages = append(pages, nil)
		case "word":
			var w word
			for _, a := range se.Attr {
				v, _ := strconv.ParseFloat(a.Value, 64)
				switch a.Name.Local {
				case "xMin":
					w.x0 = v
				case "yMin":
					w.y0 = v
				case "xMax":
					w.x1 = v
				case "yMax":
					w.y1 = v
				}
			}
			if err := dec.DecodeElement(&w.text, &se); err != nil {
				return pages, title, err
			}
			if w = trimWord(w); w.text != "" && len(pages) > 0 && len(pages[len(pages)-1]) < 200000 {
				pages[len(pages)-1] = append(pages[len(pages)-1], w)
			}
		}
	}
	return pages, title, nil
}

// trimWord removes the spaces around a word's text and moves its box
// edges past them in proportion to their width (an indent typed as
// ideographic spaces, 　　, that pdftotext keeps in the word begins where
// the text begins, not at the margin).
func trimWord(w word) word {
	t := strings.TrimSpace(w.text)
	if t == w.text || t == "" {
		w.text = t
		return w
	}
	lead, _, _ := strings.Cut(w.text, t)
	trail := w.text[len(lead)+len(t):]
	if all := runeWeight(w.text); all > 0 {
		per := (w.x1 - w.x0) / all
		w.x0 += per * runeWeight(lead)
		w.x1 -= per * runeWeight(trail)
	}
	w.text = t
	return w
}

// pline is one visual line of a page: its words (left to right), tokens
// (words close together joined), left and right edge, top and bottom
// (points from the page's top), height and em (the width of one
// full-width character, points: see lineEm). cells are the tokens as a
// table row takes them (see cellJoin): toks are for paragraphs, where
// joining words of neighbouring cells does no harm.
type pline struct {
	page   int
	words  []word
	toks   []*tcell
	cells  []*tcell
	x0, x1 float64
	y0, y1 float64
	h, em  float64
	text   string
}

// cellJoin reports whether word w, gap points right of token t on a table
// row, is more of the same cell. Cells of a LibreOffice table sit as
// close as a space (a fifth of the font size), so closeness alone does
// not decide: a figure never joins a label (确认或重新出具 1), two Chinese
// words never join (the header 结果 结果 其他 尚未 is four cells: Chinese
// has no spaces, so a gap between Chinese words is a cell border), and
// two figures never join (0 0 of two cells; a number typed in digit
// groups, 1 702, is two figures in one column, which the table reader
// reports unreadable rather than guess).
func cellJoin(t *tcell, w word, gap, h float64) bool {
	if gap >= h*0.35 {
		return false
	}
	if isFigure(t.text) || isFigure(w.text) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t.text)
	first, _ := utf8.DecodeRuneInString(w.text)
	return !(unicode.Is(unicode.Han, last) && unicode.Is(unicode.Han, first))
}

// linesOf groups a page's words into lines by their vertical centres and
// joins words less than a third of the line height apart into tokens.
func linesOf(page int, ws []word) []pline {
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].y0+ws[i].y1 < ws[j].y0+ws[j].y1 })
	var lines []pline
	var cur []word
	flush := func() {
		if len(cur) == 0 {
			return
		}
		sort.SliceStable(cur, func(i, j int) bool { return cur[i].x0 < cur[j].x0 })
		l := pline{page: page, x0: cur[0].x0, words: cur, y0: cur[0].y0, y1: cur[0].y1}
		var h float64
		for _, w := range cur {
			h = max(h, w.y1-w.y0)
			l.y0, l.y1 = min(l.y0, w.y0), max(l.y1, w.y1)
		}
		l.h = h
		l.em = lineEm(cur, h)
		for _, w := range cur {
			if n := len(l.cells); n > 0 && cellJoin(l.cells[n-1], w, w.x0-l.cells[n-1].x1, h) {
				t := l.cells[n-1]
				t.text += " " + w.text
				t.x1 = w.x1
			} else {
				l.cells = append(l.cells, &tcell{text: w.text, x0: w.x0, x1: w.x1})
			}
			if n := len(l.toks); n > 0 && w.x0-l.toks[n-1].x1 < h*0.35 {
				t := l.toks[n-1]
				if w.x0-t.x1 > h*0.15 && t.text[len(t.text)-1] < 0x80 && w.text[0] < 0x80 {
					t.text += " "
				}
				t.text += w.text
				t.x1 = w.x1
				continue
			}
			l.toks = append(l.toks, &tcell{text: w.text, x0: w.x0, x1: w.x1})
		}
		l.x1 = l.toks[len(l.toks)-1].x1
		var b strings.Builder
		for _, t := range l.toks {
			b.WriteString(t.text)
		}
		l.text = b.String()
		lines = append(lines, l)
		cur = nil // l.words keeps the slice
	}
	var cy, ch float64
	for _, w := range ws {
		y := (w.y0 + w.y1) / 2
		if len(cur) > 0 && (y-cy > ch*0.4) {
			flush()
		}
		if len(cur) == 0 {
			cy, ch = y, w.y1-w.y0
		}
		cur = append(cur, w)
	}
	flush()
	return lines
}

// captionRE is the caption of a statutory table.
var captionRE = regexp.MustCompile(`^表[二三四]`)

// pdfBlocks turns the pages' lines into paragraphs (see newPara) and,
// for sections 二 to 四, one table each.
func pdfBlocks(pages [][]word) []block {
	var lines []pline
	for i, ws := range pages {
		for _, l := range linesOf(i+1, ws) {
			if pageRE.MatchString(norm(l.text)) {
				continue // page number
			}
			lines = append(lines, l)
		}
	}
	// The statutory headings, and the column measured from the lines of
	// text (not of the tables).
	heading := make([]bool, len(lines))
	var text []*pline
	section := -1
	for i := range lines {
		if h := headingIndex(lines[i].text); h > section {
			section, heading[i] = h, true
		} else if section < 1 || section > 3 {
			text = append(text, &lines[i])
		}
	}
	col := measureColumn(text)
	var blocks []block
	var para strings.Builder
	var paraWhere string
	var prev *pline // the paragraph's last line
	var cont float64
	var nlines int
	flush := func() {
		if t := cleanText(para.String()); t != "" {
			blocks = append(blocks, block{kind: bPara, text: t, where: paraWhere})
		}
		para.Reset()
		prev, nlines = nil, 0
	}
	section = -1
	var tab *table
	for i := range lines {
		l := &lines[i]
		if heading[i] {
			flush()
			section = headingIndex(l.text)
			blocks = append(blocks, block{kind: bPara, text: cleanText(l.text), where: fmt.Sprintf("第%d页", l.page)})
			tab = nil
			if section >= 1 && section <= 3 {
				tab = &table{where: fmt.Sprintf("第%d页", l.page), pdf: true, tol: l.h * 0.5}
				blocks = append(blocks, block{kind: bTable, where: tab.where, tab: tab})
			}
			continue
		}
		if tab != nil {
			// The table's caption (表三 收到和处理……) above its first row
			// is not a header: centred over the table, it would join the
			// header of the column under its middle.
			if n := norm(l.text); strings.HasPrefix(n, "说明：") || len(tab.rows) == 0 && captionRE.MatchString(n) {
				blocks = append(blocks, block{kind: bPara, text: cleanText(l.text), where: fmt.Sprintf("第%d页", l.page)})
				continue
			}
			tab.rows = append(tab.rows, l.cells)
			continue
		}
		// In section 六 a line of several cells (the ledger of the work
		// plan) is a paragraph of its own.
		if prev == nil || len(l.toks) > 1 && section >= 5 || col.newPara(prev, l, cont, nlines == 1) {
			flush()
			paraWhere = fmt.Sprintf("第%d页", l.page)
			cont = col.left
		} else {
			if nlines == 1 {
				cont = l.x0 // the paragraph's continuation lines start here
			}
			para.WriteString(lineJoin(para.String(), l.text))
		}
		para.WriteString(l.text)
		prev = l
		nlines++
		if len(blocks) > maxBlocks {
			break
		}
	}
	flush()
	return blocks
}

// textColumn is the measure a document's text is set to: the left edge of its
// lines (their most common start), the right edge (the most common end of
// the long lines: where a justified line ends, or where a ragged line of
// full-width characters stops), the body's line height and line pitch
// (each the most common, a line counting by its characters)
// (baseline to baseline, on one page), all in points; 0 when there are
// not enough lines to tell.
type textColumn struct {
	left, right float64
	h, pitch    float64
}

// measureColumn measures the column from the lines of text (the title,
// the text sections and the 落款; not the tables).
func measureColumn(ls []*pline) textColumn {
	var c textColumn
	if len(ls) == 0 {
		return c
	}
	// Each line counts by its characters, so that the lines of running
	// text outweigh the short ones of a table (the work-plan ledger in
	// section 六), of headings and of the 落款.
	starts, hs := map[int]int{}, map[int]int{}
	maxEnd := ls[0].x1
	for _, l := range ls {
		n := utf8.RuneCountInString(l.text)
		starts[bin(l.x0, 1)] += n
		hs[bin(l.h, 10)] += n
		maxEnd = max(maxEnd, l.x1)
	}
	left, _ := mode(starts, false)
	c.left = float64(left)
	h, _ := mode(hs, false)
	c.h = float64(h) / 10
	// The right edge: the most common end among lines reaching past the
	// middle of the column (the paragraphs' last lines and short headings
	// left out), rounded to a point; the largest such end when no two
	// lines share one.
	ends := map[int]int{}
	mid := (c.left + maxEnd) / 2
	counted := 0
	for _, l := range ls {
		if l.x1 > mid {
			ends[bin(l.x1, 1)] += utf8.RuneCountInString(l.text)
			counted++
		}
	}
	if right, _ := mode(ends, true); counted >= 2 && countIn(ls, right) >= 2 {
		c.right = float64(right)
	} else {
		c.right = maxEnd
	}
	// The pitch: the most common distance between the bottoms of two
	// consecutive lines of the body's height on one page.
	pitches := map[int]int{}
	for i := 1; i < len(ls); i++ {
		a, b := ls[i-1], ls[i]
		if a.page == b.page && near(a.h, c.h, 0.1) && near(b.h, c.h, 0.1) && b.y1-a.y1 > c.h*0.5 {
			pitches[bin(b.y1-a.y1, 2)] += min(utf8.RuneCountInString(a.text), utf8.RuneCountInString(b.text))
		}
	}
	if p, n := mode(pitches, false); n > 0 {
		c.pitch = float64(p) / 2
	}
	return c
}

// countIn counts the lines ending at x (rounded to a point).
func countIn(ls []*pline, x int) int {
	n := 0
	for _, l := range ls {
		if bin(l.x1, 1) == x {
			n++
		}
	}
	return n
}

// bin rounds x·scale to an integer (a histogram bin); values no integer
// holds (NaN, ±Inf, beyond ±1e9) fall in bin 0.
func bin(x, scale float64) int {
	x *= scale
	if !(x > -1e9 && x < 1e9) {
		return 0
	}
	return int(math.Round(x))
}

// mode returns the most common key of a histogram and its count; ties go
// to the smaller key, or to the larger with high set.
func mode(hist map[int]int, high bool) (key, n int) {
	first := true
	for k, c := range hist {
		if first || c > n || c == n && (k < key) != high {
			key, n, first = k, c, false
		}
	}
	return key, n
}

// near reports whether x is within frac of ref.
func near(x, ref, frac float64) bool { return math.Abs(x-ref) <= ref*frac }

// newPara reports whether line b, which follows line a in a text section,
// begins a new paragraph. cont is where the continuation lines of a's
// paragraph start (the column's left edge until the paragraph has a
// second line); first says a is its paragraph's first line. The signals,
// any of which starts a paragraph:
//
//   - a change of size: one line's height more than 1.25 times the
//     other's (a title above the text);
//   - a gap: on one page, b's bottom more than the body's pitch (scaled
//     to a's height) below a's, by a fifth of it and 3 points at least
//     (the space between paragraphs of offices that set one);
//   - an indent: b starting more than 0.6 em right of cont (the 2-character
//     first-line indent of Chinese official documents), or more than
//     0.6 em left of it; except the second line of a hanging paragraph
//     (a starts with a list marker, 1. or （一）, fills the width, and b
//     starts under the text after the marker);
//   - a short line: a ends so far short of the right edge that the first
//     unbreakable piece of b (a character with the punctuation that may
//     not begin a line, or a Latin word or number) and another em would
//     have fit after it: line breaking is greedy, so a paragraph that
//     went on would have put it there;
//   - a heading: b starts with a heading's number (一、 （一） 1. 1、 （1）
//     ①) and a ends a sentence (。！？；： or …, a closing quote or
//     bracket after it).
//
// Nothing else starts a paragraph: a full line followed by an unindented
// line that is not a heading continues (see the package documentation).
// A page break is neither a gap nor an indent: the same signals apply
// across it, the gap aside.
func (c textColumn) newPara(a, b *pline, cont float64, first bool) bool {
	if b.h > a.h*1.25 || a.h > b.h*1.25 {
		return true
	}
	if a.page == b.page && c.pitch > 0 && c.h > 0 {
		want := c.pitch * a.h / c.h
		if got := b.y1 - a.y1; got > want*1.2 && got > want+3 {
			return true
		}
	}
	short := c.right-a.x1 >= unitWidth(b)+a.em
	if b.x0 > cont+0.6*b.em && !(first && !short && hangs(a, b)) || b.x0 < cont-0.6*b.em {
		return true
	}
	if short {
		return true
	}
	return listMarker(b.text) != "" && sentenceEnd(a.text)
}

// headingRE is the number a heading or list item starts with: 一、 （一）
// 1. 1、 （1） ① 第一， (see listMarker for 3.5万).
var headingRE = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|[0-9]{1,2}[.．、]|[（(][0-9]{1,2}[)）]|[①-⑳]|第[一二三四五六七八九十]+[，,、是])`)

// listMarker is the heading or list number s starts with (headingRE), ""
// when none: a digit after 1. makes it a decimal, 3.5万, not a number.
func listMarker(s string) string {
	m := headingRE.FindString(s)
	if rest := s[len(m):]; m != "" && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return ""
	}
	return m
}

// sentenceEnd reports whether s ends a sentence: 。！？；：… or their
// half-width forms, perhaps followed by closing quotes and brackets.
func sentenceEnd(s string) bool {
	s = strings.TrimRight(s, "”’」』）)》〉】〕\"' ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？；：…!?;:", r)
}

// noStart is the punctuation a line may not begin with (line breaking
// keeps it with the character before); noEnd what a line may not end
// with (kept with the character after).
const (
	noStart = "，。、；：！？）》」』】〕〉”’…—·%‰,.;:!?)]}"
	noEnd   = "（《「『【〔〈“‘([{"
)

// firstUnit is the first piece of s a line break cannot split: opening
// punctuation with what follows it, then one full-width character or a
// run of Latin letters and digits, then the punctuation that may not
// begin a line.
func firstUnit(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(noEnd, r) {
			break
		}
		i += n
	}
	if i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			for i < len(s) && s[i] < 0x80 && s[i] != ' ' && !strings.ContainsRune(noEnd, rune(s[i])) {
				i++
			}
		}
	}
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(noStart, r) {
			break
		}
		i += n
	}
	return s[:i]
}

// unitWidth is the width (points) of line b's first unbreakable piece.
func unitWidth(b *pline) float64 { return runeWeight(firstUnit(b.text)) * b.em }

// hangs reports whether b starts under the text of a after its list
// marker (a hanging indent: 1. or （一） out in the margin, the lines
// under the text). When a tab follows the marker (the marker a word of
// its own, the text more than half an em after it), b may start anywhere
// from just right of the marker to the text (a marker wider than the
// hanging indent pushes the text to the next tab stop); otherwise b must
// start where the marker's width puts the text.
func hangs(a, b *pline) bool {
	m := listMarker(a.text)
	if m == "" || b.x0 <= a.x0+0.3*a.em {
		return false
	}
	if len(a.words) > 1 && a.words[0].text == m && a.words[1].x0-a.words[0].x1 > 0.5*a.em {
		return b.x0 <= a.words[1].x0+0.3*a.em
	}
	return math.Abs(b.x0-(a.x0+runeWeight(m)*a.em)) < 0.3*a.em
}

// lineJoin is what goes between a paragraph's text so far and its next
// line: nothing for Chinese (a line break in Chinese is no space), a
// space between Latin words or figures (never two figures glued into
// one), nothing after a hyphen or slash (0000-12345678 broken after the
// hyphen, which is kept).
func lineJoin(prev, next string) string {
	a, _ := utf8.DecodeLastRuneInString(prev)
	b, _ := utf8.DecodeRuneInString(next)
	if a >= 0x80 || b >= 0x80 || a == '-' || a == '/' || unicode.IsSpace(a) || unicode.IsSpace(b) {
		return ""
	}
	if unicode.IsLetter(b) || unicode.IsDigit(b) || b == '(' || b == '"' || b == '\'' {
		return " "
	}
	return ""
}

// runeWeight is the width of s in em: 1 for a full-width character
// (Chinese, its punctuation, the curly quotes and dashes Chinese fonts
// set full width), 0.5 for the rest.
func runeWeight(s string) float64 {
	var n float64
	for _, r := range s {
		if r >= 0x2E80 || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' {
			n++
		} else {
			n += 0.5
		}
	}
	return n
}

// lineEm is the em of a line (points): its words' width over their
// weight in em (runeWeight); three quarters of the line's height when
// the words give none.
func lineEm(ws []word, h float64) float64 {
	var width, weight float64
	for _, w := range ws {
		width += w.x1 - w.x0
		weight += runeWeight(w.text)
	}
	if em := width / weight; weight > 0 && em > 0 && em < h*2 {
		return em
	}
	return h * 0.75
}
