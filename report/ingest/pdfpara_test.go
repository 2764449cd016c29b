package ingest

import (
	"bytes"
	"fmt"
	"html"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"nianbao/report"
	"nianbao/report/internal/golden"
)

// Fixture paragraphs are fictional text in the shapes offices' Word
// documents take. The page is narrow so that a line holds exactly
// perLine characters of 16 points, and short so that paragraphs cross
// pages.
const (
	perLine   = 25
	fontTwips = 320 // 16 points
)

// fixtureText is n characters of fictional Chinese text ending in 。, with
// a comma now and then but never where a line of a paragraph indented
// indent characters begins (punctuation there would be pushed to the line
// before or hang into the margin, and the shape be lost).
func fixtureText(seed, n, indent int) string {
	const pool = "示例县政务公开办公室围绕基层政务公开标准化规范化推进目录编制平台建设与解读回应工作持续提升公开质量服务群众办事创业"
	han := []rune(pool)
	out := make([]rune, n)
	for i := range n {
		out[i] = han[(seed*7+i*3)%len(han)]
		col := (i + indent) % perLine
		if i%9 == 8 && col != 0 && i < n-2 {
			out[i] = '，'
		}
	}
	out[n-1] = '。'
	return string(out)
}

// fixturePara is one paragraph of the fixture: its text as typed and its
// Word paragraph properties.
type fixturePara struct {
	text, ppr string
}

// Word paragraph properties of the shapes.
const (
	justified = `<w:jc w:val="both"/>`
	indented  = `<w:ind w:firstLineChars="200" w:firstLine="640"/>` + justified
	hanging   = `<w:ind w:left="640" w:hanging="640"/>` + justified
	spaced    = `<w:spacing w:after="240"/>` + justified
)

// fixtureDocx is a Word document with a title, the six statutory headings
// and, in the text sections, the given paragraphs.
func fixtureDocx(t *testing.T, title string, sections [4][]fixturePara) []byte {
	var b strings.Builder
	p := func(ppr, text string) {
		b.WriteString(`<w:p><w:pPr>` + ppr + `</w:pPr>`)
		for i, part := range strings.Split(text, "\t") {
			if i > 0 {
				b.WriteString(`<w:r><w:tab/></w:r>`)
			}
			fmt.Fprintf(&b, `<w:r><w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, fontTwips/10, fontTwips/10, html.EscapeString(part))
		}
		b.WriteString(`</w:p>`)
	}
	p(`<w:jc w:val="center"/>`, title)
	for i := range 7 {
		var ps []fixturePara
		switch i {
		case 0:
			ps = sections[0]
		case 1, 5, 6:
			ps = sections[map[int]int{1: 1, 5: 2, 6: 3}[i]]
		}
		for _, x := range ps {
			p(x.ppr, x.text)
		}
		if i < 6 {
			p(indented, report.SectionHeadings[i])
		}
	}
	// Text 400.5 points wide (25 characters and a little), 360 high.
	b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="9000"/><w:pgMar w:top="1440" w:right="2096" w:bottom="360" w:left="1800" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>`)
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + b.String() + `</w:body></w:document>`,
	})
}

// TestPDFParagraphShapes: Word documents in the shapes offices produce,
// exported as PDF by LibreOffice, give back each text paragraph exactly:
// justified paragraphs whose last line fills the width exactly, followed
// by an indented one; sub-headings （一） on lines of their own at the
// margin and a heading （三） at the margin after a full line ending a
// sentence; numbered lists typed with a first-line indent and set with a
// hanging indent (1. then a tab); an indent typed as ideographic spaces
// (　　, as WPS users do); paragraphs without indent set apart by space
// after them; and, the page being short, paragraphs split across pages.
// The test checks that the PDF has the shapes it names (a last line at
// the right edge, a paragraph across a page break).
func TestPDFParagraphShapes(t *testing.T) {
	golden.NeedTool(t, "pdftotext")
	full := func(seed, lines int) string { return fixtureText(seed, lines*perLine-2, 2) } // indented, last line full
	short := func(seed, n int) string { return fixtureText(seed, n, 2) }
	preface := []fixturePara{
		{full(1, 3), indented},
		{full(2, 2), indented},
		{short(3, 40), indented},
	}
	overview := []fixturePara{
		{"（一）主动公开情况", justified},
		{full(4, 2), indented},
		{"（二）依申请公开情况", justified},
		{short(5, 60), indented},
		// A paragraph at the margin whose last line is full and ends a
		// sentence, then a heading at the margin: the heading's number
		// starts the paragraph.
		{fixtureText(6, 2*perLine, 0), justified},
		{"（三）政府信息管理。" + fixtureText(7, 40, 10), justified},
		{short(8, 130), indented}, // long: crosses a page
	}
	problems := []fixturePara{
		{"1．" + fixtureText(9, 2*perLine-4, 4), indented},
		{"2．" + fixtureText(10, 30, 4), indented},
		{"1.\t" + fixtureText(11, perLine-2+10, 2), hanging},
		{"2.\t" + fixtureText(12, perLine-2+perLine-2, 2), hanging}, // both lines full
		{"（1）\t" + fixtureText(13, 30, 2), hanging},
	}
	other := []fixturePara{
		{"　　" + fixtureText(14, 2*perLine-2, 2), justified}, // full last line
		{"　　" + fixtureText(15, 31, 2), justified},
		{fixtureText(16, 33, 0), spaced},
		{fixtureText(17, 40, 0), spaced},
		{fixtureText(18, 12, 0), spaced},
	}
	sections := [4][]fixturePara{preface, overview, problems, other}
	pdfs := golden.Soffice(t, map[string][]byte{"shapes": fixtureDocx(t, "示例县虚构局2024年政府信息公开工作年度报告", sections)}, "docx", "pdf")
	data := pdfs["shapes"]

	// The shapes are there.
	lines := fixtureLines(t, data)
	var right float64
	for _, l := range lines {
		right = max(right, l.x1)
	}
	for _, want := range []string{full(1, 3), full(2, 2), full(4, 2), fixtureText(6, 2*perLine, 0), "　　" + fixtureText(14, 2*perLine-2, 2)} {
		last := lastLine(lines, want)
		if last == nil || last.x1 < right-1 {
			t.Errorf("fixture: the last line of %q does not fill the width (%+v, right edge %.1f)", want, last, right)
		}
	}
	crosses := false
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		if a.page != b.page && a.x1 >= right-1 && b.x0 < lines[i-2].x0+4 {
			crosses = true // a full line at the foot of a page, an unindented one at the top of the next
		}
	}
	if !crosses {
		t.Error("fixture: no paragraph crosses a page")
	}

	r, _, ps := PDF("shapes.pdf", data)
	if r == nil {
		t.Fatalf("not read: %v", ps)
	}
	for i, sec := range sections {
		var want []string
		for _, p := range sec {
			want = append(want, cleanText(strings.ReplaceAll(p.text, "\t", "")))
		}
		got := strings.Split(r.Text[i].Body, "\n")
		if j, w, g, ok := firstDiff(want, got); !ok {
			t.Errorf("text.%s: paragraph %d of %d (read %d):\nwant %q\n got %q", report.TextSections[i].Key, j+1, len(want), len(got), w, g)
		}
	}
}

// fixtureLines is the lines of a PDF as pdfBlocks sees them.
func fixtureLines(t *testing.T, data []byte) []pline {
	cmd := exec.Command("pdftotext", "-bbox-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	pages, _, err := parseBBox(out)
	if err != nil {
		t.Fatal(err)
	}
	var ls []pline
	for i, ws := range pages {
		ls = append(ls, linesOf(i+1, ws)...)
	}
	return ls
}

// lastLine is the line holding the end of paragraph p.
func lastLine(ls []pline, p string) *pline {
	p = norm(p)
	for i := range ls {
		if n := norm(ls[i].text); utf8.RuneCountInString(n) >= 5 && strings.HasSuffix(p, n) {
			return &ls[i]
		}
	}
	return nil
}

// TestNewPara: where a paragraph starts, from the geometry of two lines
// (a, then b) in a column 90–490 points of 16-point characters, 23
// points from line to line. cont is where a's paragraph continues (90
// unless said).
func TestNewPara(t *testing.T) {
	col := textColumn{left: 90, right: 490, h: 20.8, pitch: 23}
	line := func(page int, x0, x1, y1 float64, text string) *pline {
		return &pline{page: page, x0: x0, x1: x1, y0: y1 - 20.8, y1: y1, h: 20.8, em: 16, text: text,
			words: []word{{x0: x0, y0: y1 - 20.8, x1: x1, y1: y1, text: text}}}
	}
	words := func(l *pline, ws ...word) *pline { l.words = ws; return l }
	for _, c := range []struct {
		name  string
		a, b  *pline
		first bool
		cont  float64
		want  bool
	}{
		{"a full line, then one at the margin", line(1, 90, 490, 100, "本年度示例县"), line(1, 90, 300, 123, "继续推进"), false, 0, false},
		{"a full line, then an indented one", line(1, 90, 490, 100, "本年度示例县。"), line(1, 122, 490, 123, "全年"), false, 0, true},
		{"a short last line, then one at the margin", line(1, 90, 300, 100, "完成。"), line(1, 90, 490, 123, "全年"), false, 0, true},
		{"ragged: one character short, next unit two wide (开”)", line(1, 90, 474, 100, "由政务公"), line(1, 90, 490, 123, "开”“依申请"), false, 0, false},
		{"ragged: two characters short before a number", line(1, 90, 458, 100, "对照国务院令第"), line(1, 90, 490, 123, "711号逐条"), false, 0, false},
		{"ragged: four em short before a long number after a hyphen", line(1, 90, 426, 100, "电话0000-"), line(1, 90, 300, 123, "12345678联系"), false, 0, false},
		{"ragged: short enough for the next character and an em", line(1, 90, 450, 100, "工作。"), line(1, 90, 490, 123, "全年"), false, 0, true},
		{"the ambiguous shape: a full line ending a sentence, then one at the margin", line(1, 90, 490, 100, "已全部完成。"), line(1, 90, 490, 123, "全年共收到"), false, 0, false},
		{"a full line ending a sentence, then a heading at the margin", line(1, 90, 490, 100, "已全部完成。"), line(1, 90, 490, 123, "（二）依申请公开"), false, 0, true},
		{"a full line mid-sentence, then （一） at the margin", line(1, 90, 490, 100, "依据第二十条第"), line(1, 90, 490, 123, "（一）项的规定"), false, 0, false},
		{"a decimal is no number: 3.5万 after a full line", line(1, 90, 490, 100, "全年服务人次达到："), line(1, 90, 490, 123, "3.5万人次"), false, 0, false},
		{"a list number after a sentence", line(1, 90, 490, 100, "主要做法如下："), line(1, 90, 490, 123, "1.建立制度"), false, 0, true},
		{"a gap between paragraphs", line(1, 90, 490, 100, "全年"), line(1, 90, 490, 135, "全年"), false, 0, true},
		{"the pitch, a point more", line(1, 90, 490, 100, "全年"), line(1, 90, 490, 124, "全年"), false, 0, false},
		{"a page break after a full line, no indent", line(1, 90, 490, 400, "全年"), line(2, 90, 490, 96, "共收到"), false, 0, false},
		{"a page break after a full line, an indent", line(1, 90, 490, 400, "全年。"), line(2, 122, 490, 96, "本年度"), false, 0, true},
		{"a page break after a short line", line(1, 90, 200, 400, "全年。"), line(2, 90, 490, 96, "本年度"), false, 0, true},
		{"a title over the text", &pline{page: 1, x0: 114, x1: 466, y1: 96, h: 31, em: 24, text: "示例县2024年报告"}, line(1, 122, 490, 130, "本年度"), false, 0, true},
		{"hanging: the text after 1. and a tab", words(line(1, 90, 490, 100, "1.建立制度"), word{x0: 90, x1: 98, text: "1."}, word{x0: 122, x1: 490, text: "建立制度"}), line(1, 122, 490, 123, "全年"), true, 0, false},
		{"hanging: a marker wider than the indent", words(line(1, 90, 490, 100, "（1）建立制度"), word{x0: 90, x1: 130, text: "（1）"}, word{x0: 161, x1: 490, text: "建立制度"}), line(1, 122, 490, 123, "全年"), true, 0, false},
		{"no tab after （一）: an indented line is a new paragraph", line(1, 90, 490, 100, "（一）主动公开。全年"), line(1, 122, 490, 123, "全年"), true, 0, true},
		{"under a hanging paragraph's text", line(1, 122, 490, 100, "全年"), line(1, 122, 490, 123, "共收到"), false, 122, false},
		{"left of a hanging paragraph's text", line(1, 122, 490, 100, "全年"), line(1, 90, 490, 123, "2.共收到"), false, 122, true},
	} {
		cont := c.cont
		if cont == 0 {
			cont = col.left
		}
		if got := col.newPara(c.a, c.b, cont, c.first); got != c.want {
			t.Errorf("%s: new paragraph %v, want %v", c.name, got, c.want)
		}
	}
}

// TestLineJoin: what joins two lines of a paragraph.
func TestLineJoin(t *testing.T) {
	for _, c := range []struct{ prev, next, want string }{
		{"政府信息", "公开", "政府信息公开"},
		{"统计期限自2024", "年1月1日", "统计期限自2024年1月1日"},
		{"提供网页、PDF", "和长辈版", "提供网页、PDF和长辈版"},
		{"共计1", "702件", "共计1 702件"}, // two figures are never one
		{"see the annual", "report", "see the annual report"},
		{"电话0000-", "12345678", "电话0000-12345678"},
		{"https://www.shili.example/", "gk/index.html", "https://www.shili.example/gk/index.html"},
		{"Hello,", "world", "Hello, world"},
		{"满意率91.5", "%。", "满意率91.5%。"},
	} {
		if got := c.prev + lineJoin(c.prev, c.next) + c.next; got != c.want {
			t.Errorf("%q + %q: %q, want %q", c.prev, c.next, got, c.want)
		}
	}
}

// TestFirstUnit: the first piece of a line a line break cannot split.
func TestFirstUnit(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"开”“依申请", "开”"},
		{"“一图看懂”", "“一"},
		{"711号", "711"},
		{"12345678联系", "12345678"},
		{"，由此", "，"},
		{"公开。", "公"},
		{"（一）", "（一）"},
	} {
		if got := firstUnit(c.s); got != c.want {
			t.Errorf("firstUnit(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

// TestTrimWord: an indent typed as ideographic spaces inside a word moves
// the word's start to its text.
func TestTrimWord(t *testing.T) {
	w := trimWord(word{x0: 90, x1: 154, text: "　　全年"})
	if w.text != "全年" || w.x0 != 122 || w.x1 != 154 {
		t.Errorf("got %+v", w)
	}
}
