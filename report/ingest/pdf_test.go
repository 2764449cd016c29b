package ingest

import (
	"os/exec"
	"strings"
	"testing"

	"nianbao/report"
)

// TestPlaceRows: figures of a PDF table row are placed in a column only
// where the page leaves no doubt; otherwise the column is unreadable
// (a why), never given a neighbour's figure. Columns are header extents
// in points; each case is one or more rows of tokens (x0, x1, text).
func TestPlaceRows(t *testing.T) {
	// Three headers centred in their cells, 60 points apart; the label
	// column ends at 100.
	three := []column{{110, 150, true}, {200, 230, true}, {280, 320, true}}
	tok := func(x0, x1 float64, s string) *tcell { return &tcell{text: s, x0: x0, x1: x1} }
	for _, c := range []struct {
		name string
		cols []column
		rows [][]*tcell
		want []string // per row, the slots joined by |; ! marks unreadable
	}{
		{"under each header", three,
			[][]*tcell{{tok(10, 90, "规章"), tok(120, 126, "1"), tok(205, 211, "0"), tok(290, 302, "40")}},
			[]string{"1|0|40"}},
		{"label a space from the figure, left of the first header", three,
			[][]*tcell{{tok(10, 96, "确认或重新出具"), tok(100, 106, "1"), tok(205, 211, "0"), tok(290, 302, "2")}},
			[]string{"1|0|2"}},
		{"a blank cell stays blank", three,
			[][]*tcell{{tok(10, 90, "规章"), tok(120, 126, "1"), tok(290, 302, "40")}},
			[]string{"1||40"}},
		{"one token per column, in order, places one in a gap", three,
			[][]*tcell{{tok(10, 90, "行政许可"), tok(120, 126, "7"), tok(160, 166, "4"), tok(290, 302, "40")}},
			[]string{"7|4|40"}},
		{"in a gap with a blank in the row: both columns unreadable", three,
			[][]*tcell{{tok(10, 90, "行政许可"), tok(160, 166, "4"), tok(290, 302, "40")}},
			[]string{"!|!|40"}},
		{"in a gap, aligned with a figure placed in another row", three,
			[][]*tcell{
				{tok(10, 90, "行政许可"), tok(120, 126, "7"), tok(160, 172, "14"), tok(290, 302, "40")},
				{tok(10, 90, "行政处罚"), tok(160, 166, "4"), tok(290, 302, "9")},
			},
			[]string{"7|14|40", "|4|9"}},
		{"across two headers: both unreadable", three,
			[][]*tcell{{tok(10, 90, "规章"), tok(140, 210, "1 0"), tok(290, 302, "40")}},
			[]string{"!|!|40"}},
		{"two figures in one column", three,
			[][]*tcell{{tok(10, 90, "规章"), tok(112, 118, "1"), tok(130, 148, "702"), tok(205, 211, "0"), tok(290, 302, "40")}},
			[]string{"!|0|40"}},
		{"a figure and its unit", []column{{110, 150, true}, {200, 260, true}},
			[][]*tcell{{tok(10, 90, "政府集中采购"), tok(112, 130, "162"), tok(190, 240, "81356204.35"), tok(242, 254, "元")}},
			[]string{"162|81356204.35 元"}},
		{"right of the last header", []column{{110, 150, true}, {200, 230, true}},
			[][]*tcell{{tok(10, 90, "规章"), tok(112, 118, "1"), tok(250, 256, "3")}},
			[]string{"1|3"}},
		{"a column not found in the header gets nothing", []column{{110, 150, true}, {}, {280, 320, true}},
			[][]*tcell{{tok(10, 90, "规章"), tok(112, 118, "1"), tok(290, 296, "3")}},
			[]string{"1||3"}},
		// A header cut off at the page's edge: the column keeps its place.
		{"a column not found right of the last header: its figure by order", []column{{110, 150, true}, {200, 230, true}, {}},
			[][]*tcell{{tok(10, 90, "规章"), tok(112, 118, "1"), tok(200, 206, "2"), tok(260, 266, "3")}},
			[]string{"1|2|3"}},
		{"a column not found right of the last header, a blank in the row: not given to the last", []column{{110, 150, true}, {200, 230, true}, {}},
			[][]*tcell{{tok(10, 90, "规章"), tok(200, 206, "2"), tok(260, 266, "3")}},
			[]string{"|!|"}},
		{"a column not found right of the last header, a blank in the row: by alignment", []column{{110, 150, true}, {200, 230, true}, {}},
			[][]*tcell{
				{tok(10, 90, "规章"), tok(112, 118, "1"), tok(200, 206, "2"), tok(260, 266, "3")},
				{tok(10, 90, "规章"), tok(200, 206, "2"), tok(260, 272, "13")},
			},
			[]string{"1|2|3", "|2|13"}},
		{"a figure in digit groups past the last header, a column not found beyond: unreadable", []column{{110, 150, true}, {200, 230, true}, {}},
			[][]*tcell{{tok(10, 90, "规章"), tok(112, 118, "1"), tok(200, 230, "12345"), tok(233, 251, "678")}},
			[]string{"1|!|"}},
		{"left of the first header, a column not found before it: not given to the first", []column{{}, {110, 150, true}, {200, 230, true}},
			[][]*tcell{{tok(10, 90, "规章"), tok(96, 102, "1"), tok(205, 211, "2")}},
			[]string{"|!|2"}},
		{"a column not found between two, a blank in the row: the figure in the gap is neither's", []column{{110, 150, true}, {}, {280, 320, true}},
			[][]*tcell{{tok(10, 90, "规章"), tok(112, 118, "1"), tok(200, 206, "5")}},
			[]string{"!||!"}},
		{"a column not found between two, one figure per column", []column{{110, 150, true}, {}, {280, 320, true}},
			[][]*tcell{{tok(10, 90, "规章"), tok(112, 118, "1"), tok(200, 206, "5"), tok(290, 296, "3")}},
			[]string{"1|5|3"}},
		{"headers out of the columns' order, one missing: nothing by order", []column{{200, 230, true}, {110, 150, true}, {}},
			[][]*tcell{{tok(10, 90, "规章"), tok(112, 118, "1"), tok(160, 166, "4"), tok(205, 211, "2"), tok(260, 266, "3")}},
			[]string{"!|!|"}},
	} {
		got := placeRows(c.rows, c.cols)
		for r, ss := range got {
			var parts []string
			for _, s := range ss {
				if s.why != "" {
					parts = append(parts, "!")
				} else {
					parts = append(parts, s.text)
				}
			}
			if g := strings.Join(parts, "|"); g != c.want[r] {
				t.Errorf("%s: row %d: got %s, want %s (%+v)", c.name, r, g, c.want[r], ss)
			}
		}
	}
}

// TestTableTokens: the words of a PDF line become a table row's tokens;
// a figure never joins a label, two Chinese words a space apart are two
// cells, and words of one Latin phrase join.
func TestTableTokens(t *testing.T) {
	w := func(x0, x1 float64, s string) word { return word{x0: x0, y0: 100, x1: x1, y1: 115.6, text: s} }
	for _, c := range []struct {
		name  string
		words []word
		want  string
	}{
		{"label and figure a space apart", []word{w(139.1, 223.1, "确认或重新出具"), w(227.1, 233.1, "1")}, "确认或重新出具|1"},
		{"header words of four cells", []word{w(59.8, 83.8, "结果"), w(89.5, 113.5, "结果"), w(118.8, 142.8, "其他"), w(148.1, 172.1, "尚未")}, "结果|结果|其他|尚未"},
		{"figures of two cells", []word{w(100, 106, "0"), w(109, 115, "0")}, "0|0"},
		{"a Latin phrase", []word{w(100, 130, "Word"), w(133, 140, "A")}, "Word A"},
		{"far apart", []word{w(100, 130, "规章"), w(200, 206, "1")}, "规章|1"},
	} {
		ls := linesOf(1, c.words)
		if len(ls) != 1 {
			t.Errorf("%s: %d lines", c.name, len(ls))
			continue
		}
		var got []string
		for _, tk := range ls[0].cells {
			got = append(got, tk.text)
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%s: got %s, want %s", c.name, g, c.want)
		}
	}
}

// TestDamagedFiles: a damaged or hostile file is refused with a Chinese
// message saying what is wrong and what to do, no library's English
// (XML syntax error, html: open stack…, poppler's Syntax Error).
func TestDamagedFiles(t *testing.T) {
	rs, err := renderOnce()
	if err != nil {
		t.Fatal(err)
	}
	whole := rs[0].pdf
	cases := []struct {
		name string
		read func(string, []byte) (*report.Report, *report.Source, report.Problems)
		data []byte
		want string
	}{
		{"laughs.docx", DOCX, docxWith(t, `<w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>`), docxDamaged},
		{"deep.html", HTML, []byte(strings.Repeat("<div>", 600)), pageDamaged},
		{"empty.html", HTML, nil, "文件为空"},
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		cases = append(cases, struct {
			name string
			read func(string, []byte) (*report.Report, *report.Source, report.Problems)
			data []byte
			want string
		}{"cut.pdf", PDF, whole[:len(whole)/3], "PDF 文件已损坏（可能下载不完整）"})
	}
	for _, c := range cases {
		r, _, ps := c.read(c.name, c.data)
		if r != nil || len(ps) != 1 || !strings.HasPrefix(ps[0].Msg, c.want) {
			t.Errorf("%s: report %v, problems %v; want one starting %q", c.name, r != nil, ps, c.want)
			continue
		}
		for _, english := range []string{"XML", "syntax", "Syntax", "html:", "stack", "exit status", "trailer"} {
			if strings.Contains(ps[0].Msg, english) {
				t.Errorf("%s: %q shows %q", c.name, ps[0].Msg, english)
			}
		}
	}
}

// TestPDFFailure: pdftotext's failures in Chinese.
func TestPDFFailure(t *testing.T) {
	for _, c := range []struct {
		timedOut bool
		stderr   string
		want     string
	}{
		{false, "Syntax Error: Couldn't find trailer dictionary\nSyntax Error: Couldn't read xref table", "PDF 文件已损坏"},
		{false, "Command Line Error: Incorrect password", "PDF 设置了打开密码"},
		{false, "Error: Encrypted document", "PDF 设置了打开密码"},
		{true, "", "读取 PDF 超过 60 秒"},
		{false, "", "PDF 文件已损坏"},
	} {
		if got := pdfFailure(c.timedOut, c.stderr); !strings.HasPrefix(got, c.want) {
			t.Errorf("%v %q: %q, want it to start %q", c.timedOut, c.stderr, got, c.want)
		}
	}
}
