package ingest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
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
// are grouped into lines by their boxes; lines into paragraphs by their
// indent; the lines of sections 二 to 四 are the tables, their cells
// placed by their x coordinates (points) under the header's columns
// (placeRows): a figure whose column the page does not make certain is
// reported unreadable (IN-1), never given to a neighbouring column.
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
			if w.text = strings.TrimSpace(w.text); w.text != "" && len(pages) > 0 && len(pages[len(pages)-1]) < 200000 {
				pages[len(pages)-1] = append(pages[len(pages)-1], w)
			}
		}
	}
	return pages, title, nil
}

// pline is one visual line of a page: its tokens (words close together
// joined), left and right edge and height. cells are the tokens as a
// table row takes them (see cellJoin): toks are for paragraphs, where
// joining words of neighbouring cells does no harm.
type pline struct {
	page   int
	toks   []*tcell
	cells  []*tcell
	x0, x1 float64
	h      float64
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
		l := pline{page: page, x0: cur[0].x0}
		var h float64
		for _, w := range cur {
			h = max(h, w.y1-w.y0)
		}
		l.h = h
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
		cur = nil
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

// pdfBlocks turns the pages' lines into paragraphs and, for sections 二
// to 四, one table each.
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
	// The body's left and right edges: the most common line start and
	// the largest line end.
	starts := map[int]int{}
	right := 0.0
	for _, l := range lines {
		starts[int(l.x0+0.5)]++
		right = max(right, l.x1)
	}
	left, best := 0, -1
	for x, n := range starts {
		if n > best || n == best && x < left {
			left, best = x, n
		}
	}
	var blocks []block
	var para strings.Builder
	var paraWhere string
	var lastEnd float64
	flush := func() {
		if t := cleanText(para.String()); t != "" {
			blocks = append(blocks, block{kind: bPara, text: t, where: paraWhere})
		}
		para.Reset()
	}
	section := -1
	var tab *table
	for _, l := range lines {
		if h := headingIndex(l.text); h > section {
			flush()
			section = h
			blocks = append(blocks, block{kind: bPara, text: cleanText(l.text), where: fmt.Sprintf("第%d页", l.page)})
			tab = nil
			if h >= 1 && h <= 3 {
				tab = &table{where: fmt.Sprintf("第%d页", l.page), pdf: true, tol: l.h * 0.5}
				blocks = append(blocks, block{kind: bTable, where: tab.where, tab: tab})
			}
			lastEnd = 0
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
		indented := l.x0 > float64(left)+l.h*0.6
		short := lastEnd > 0 && lastEnd < right-l.h*1.5
		if indented || short || para.Len() == 0 || len(l.toks) > 1 && section >= 5 {
			flush()
			paraWhere = fmt.Sprintf("第%d页", l.page)
		}
		if para.Len() > 0 {
			p := para.String()
			if p[len(p)-1] < 0x80 && l.text[0] < 0x80 {
				para.WriteByte(' ')
			}
		}
		para.WriteString(l.text)
		lastEnd = l.x1
		if len(blocks) > maxBlocks {
			break
		}
	}
	flush()
	return blocks
}
