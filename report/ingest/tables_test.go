package ingest

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/report"
)

// TestHeaderClusters: the header of a PDF table grouped into columns; a
// column's extent (points) is that of its own label, a group label above
// it (centred over it or not) left out, and the column's label kept
// although the group label overlaps it. The boxes are those pdftotext
// gives for LibreOffice's PDF of a web page (the header words of
// neighbouring cells a space apart, labels wrapped in narrow cells).
func TestHeaderClusters(t *testing.T) {
	tok := func(x0, x1 float64, s string) *tcell { return &tcell{text: s, x0: x0, x1: x1} }
	for _, c := range []struct {
		name string
		rows [][]*tcell
		tol  float64
		want map[string][2]float64 // cluster text → extent
	}{
		{"表三: 法律服务机构 under 法人或其他组织, 申请人情况 centred over 社会公益组织", [][]*tcell{
			{tok(440.2, 500.2, "申请人情况")},
			{tok(433.0, 517.0, "法人或其他组织")},
			{tok(319.2, 355.2, "自然人")},
			{tok(412.8, 448.8, "科研机"), tok(457.0, 493.0, "社会公"), tok(501.2, 561.2, "法律服务机")},
			{tok(360.5, 408.5, "商业企业"), tok(565.5, 589.5, "其他")},
			{tok(424.8, 436.8, "构"), tok(457.0, 493.0, "益组织"), tok(525.2, 537.2, "构")},
		}, 11.7, map[string][2]float64{
			"自然人":  {319.2, 355.2},
			"商业企业": {360.5, 408.5},
			"科研机构": {412.8, 448.8},
			"申请人情况法人或其他组织社会公益组织": {457.0, 493.0},
			"法律服务机构": {501.2, 561.2},
			"其他":     {565.5, 589.5},
		}},
		{"表四: 结果纠正 and 其他结果 under 行政复议", [][]*tcell{
			{tok(127.1, 175.1, "行政复议")},
			{tok(59.0, 95.0, "结果维"), tok(99.1, 135.1, "结果纠"), tok(138.7, 174.7, "其他结"), tok(178.3, 214.3, "尚未审")},
			{tok(71.0, 83.0, "持"), tok(111.1, 123.1, "正"), tok(150.7, 162.7, "果"), tok(190.3, 202.3, "结")},
		}, 11.7, map[string][2]float64{
			"结果维持":     {59.0, 95.0},
			"结果纠正":     {99.1, 135.1},
			"行政复议其他结果": {138.7, 174.7},
			"尚未审结":     {178.3, 214.3},
		}},
		{"two labels of one row overlapping: neither is a column's extent", [][]*tcell{
			{tok(100, 150, "甲"), tok(140, 190, "乙")},
			{tok(110, 130, "丙")},
		}, 5, map[string][2]float64{
			"甲丙": {110, 130},
			"乙":  {140, 190}, // no piece of its own: all its pieces
		}},
	} {
		got := map[string][2]float64{}
		for _, cl := range headerClusters(c.rows, c.tol, true) {
			got[cl.text] = [2]float64{cl.x0, cl.x1}
		}
		for text, ext := range c.want {
			if g, ok := got[text]; !ok || g != ext {
				t.Errorf("%s: %s: got %v (found %v), want %v; all %v", c.name, text, g, ok, ext, got)
			}
		}
	}
}

// Word boxes (x0 y0 x1 y1 text, points) of 表三 and 表四 as pdftotext
// gives them for LibreOffice's PDF of a 2019-edition web page whose
// tables are wider than the paper: the last column's header (总计) is
// cut off at the page's edge and missing from the text, while its
// figures, starting on the page, are there. Figures sit left-aligned in
// their cells, a header's words centred.
const (
	pdfTitle = `100 50 400 65 示例市2019年政府信息公开工作年度报告
56 80 200 95 一、总体情况
56 100 500 115 本年度……
56 120 300 138 三、收到和处理政府信息公开申请情况
`
	t3Header = `440.2 150 500.2 162 申请人情况
433.0 170 517.0 182 法人或其他组织
319.2 190 355.2 202 自然人
412.8 210 448.8 222 科研机
457.0 210 493.0 222 社会公
501.2 210 561.2 222 法律服务机
360.5 225 408.5 237 商业企业
565.5 225 589.5 237 其他
424.8 240 436.8 252 构
457.0 240 493.0 252 益组织
525.2 240 537.2 252 构
`
	t4Header = `56 400 300 418 四、政府信息公开行政复议、行政诉讼情况
127.1 430 175.1 442 行政复议
410.6 430 458.6 442 行政诉讼
291.4 450 387.4 462 未经复议直接起诉
498.6 450 558.6 462 复议后起诉
59.0 470 95.0 482 结果维
99.1 470 135.1 482 结果纠
138.7 470 174.7 482 其他结
178.3 470 214.3 482 尚未审
218.8 485 242.8 497 总计
71.0 500 83.0 512 持
111.1 500 123.1 512 正
150.7 500 162.7 512 果
190.3 500 202.3 512 结
247.3 500 283.3 512 结果维
286.9 500 322.9 512 结果纠
326.6 500 362.6 512 其他结
366.3 500 402.3 512 尚未审
435.2 500 471.2 512 结果维
474.8 500 510.8 512 结果纠
514.5 500 550.5 512 其他结
554.1 500 590.1 512 尚未审
406.7 515 430.7 527 总计
259.3 530 271.3 542 持
298.9 530 310.9 542 正
338.6 530 350.6 542 果
378.3 530 390.3 542 结
447.2 530 459.2 542 持
486.8 530 498.8 542 正
526.5 530 538.5 542 果
566.1 530 578.1 542 结
`
	pdfEnd = `56 600 300 618 五、存在的主要问题及改进情况
`
)

// figureRow is a table row of word boxes at y: its label from x0 to x1,
// then its figures, each "x0:text" (a digit 6 points wide).
func figureRow(y, x0, x1 float64, label string, figs ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%.1f %.0f %.1f %.0f %s\n", x0, y, x1, y+12, label)
	for _, f := range figs {
		at, text, _ := strings.Cut(f, ":")
		var x float64
		fmt.Sscan(at, &x)
		fmt.Fprintf(&b, "%.1f %.0f %.1f %.0f %s\n", x, y, x+6*float64(len(text)), y+12, text)
	}
	return b.String()
}

// TestPDFTableShapes: figures of 表三 and 表四 placed from word boxes in
// the shapes LibreOffice's PDFs take. want maps a cell's path to its
// figure, "" for a blank cell, or ! for a cell reported unreadable
// (IN-1): never a neighbour's figure.
func TestPDFTableShapes(t *testing.T) {
	t4Data := func(figs ...string) string {
		xs := []string{"58.2", "98.6", "138.3", "177.9", "217.6", "246.8", "286.5", "326.1", "365.8", "405.5", "434.8", "474.4", "514.0", "553.7", "593.3"}
		var fs []string
		for i, f := range figs {
			if f != "" {
				fs = append(fs, xs[i]+":"+f)
			}
		}
		// The row has no label: its first figure starts it.
		return figureRow(560, 0, 0, "", fs...)
	}
	for _, c := range []struct {
		name  string
		words string
		want  map[string]string
	}{
		{"表三: the 总计 header cut off, every figure of the row there", pdfTitle + t3Header +
			figureRow(270, 90.7, 282.7, "一、本年新收政府信息公开申请数量", "318.0:78", "359.3:5", "412.5:0", "451.8:0", "501.0:1", "564.3:2", "593.6:86") + pdfEnd,
			map[string]string{"requests.received[0]": "78", "requests.received[1]": "5", "requests.received[2]": "0",
				"requests.received[3]": "0", "requests.received[4]": "1", "requests.received[5]": "2"}},
		{"表三: the 总计 header cut off, a blank cell in the row: the total by its alignment, the figure under 法律服务机 (not 构) by its header", pdfTitle + t3Header +
			figureRow(270, 90.7, 282.7, "一、本年新收政府信息公开申请数量", "318.0:78", "359.3:5", "412.5:0", "451.8:0", "501.0:1", "564.3:2", "593.6:86") +
			figureRow(290, 90.7, 282.7, "二、上年结转政府信息公开申请数量", "318.0:3", "359.3:0", "451.8:0", "505.0:4", "564.3:0", "593.6:7") + pdfEnd,
			map[string]string{"requests.carried_over[0]": "3", "requests.carried_over[2]": "", "requests.carried_over[3]": "0",
				"requests.carried_over[4]": "4", "requests.carried_over[5]": "0"}},
		{"表三: the 总计 header cut off, nothing aligned with the figure right of 其他: 其他 unreadable", pdfTitle + t3Header +
			figureRow(290, 90.7, 282.7, "二、上年结转政府信息公开申请数量", "318.0:3", "359.3:0", "451.8:0", "505.0:4", "564.3:0", "593.6:7") + pdfEnd,
			map[string]string{"requests.carried_over[0]": "3", "requests.carried_over[4]": "4", "requests.carried_over[5]": "!"}},
		{"表三: the 总计 header cut off and blank, 其他 in digit groups past its header: 其他 unreadable", pdfTitle + t3Header +
			figureRow(270, 90.7, 282.7, "一、本年新收政府信息公开申请数量", "318.0:78", "359.3:5", "412.5:0", "451.8:0", "501.0:1", "564.3:2", "593.6:86") +
			figureRow(310, 180.6, 264.6, "（一）予以公开", "318.0:31", "359.3:2", "412.5:0", "451.8:0", "501.0:1", "564.3:12345", "597.3:678") + pdfEnd,
			map[string]string{"requests.granted[0]": "31", "requests.granted[4]": "1", "requests.granted[5]": "!"}},
		{"表四: 复议后起诉's 总计 header cut off", pdfTitle + t4Header +
			t4Data("2", "0", "1", "1", "4", "1", "0", "0", "1", "2", "0", "0", "0", "3", "3") + pdfEnd,
			map[string]string{"appeals.review.upheld": "2", "appeals.review.corrected": "0", "appeals.review.other": "1", "appeals.review.pending": "1",
				"appeals.litigation_direct.upheld": "1", "appeals.litigation_direct.pending": "1",
				"appeals.litigation_after_review.upheld": "0", "appeals.litigation_after_review.pending": "3"}},
		{"表四: 复议后起诉's 总计 header cut off and blank, 尚未审结 in digit groups past its header: unreadable", pdfTitle + t4Header +
			t4Data("2", "0", "1", "1", "4", "1", "0", "0", "1", "2", "0", "0", "0", "", "") +
			figureRow(560, 0, 0, "", "553.7:123456", "592.7:78") + pdfEnd,
			map[string]string{"appeals.review.upheld": "2", "appeals.litigation_after_review.other": "0", "appeals.litigation_after_review.pending": "!"}},
	} {
		r, _, ps := readWords(c.words)
		if r == nil {
			t.Errorf("%s: not read: %v", c.name, ps)
			continue
		}
		unread := map[string]bool{}
		for _, p := range ps {
			if p.Rule == "IN-1" {
				unread[p.Path] = true
			}
		}
		for path, want := range c.want {
			got := cellValue(t, r, path)
			switch {
			case unread[path]:
				got = "!"
			case got == "0" && want == "":
				got = "" // a blank cell holds 0
			}
			if got != want {
				t.Errorf("%s: %s: got %q, want %q", c.name, path, got, want)
			}
		}
	}
}

// cellValue is the figure at path (requests.ID[k], appeals.GROUP.COL).
func cellValue(t *testing.T, r *report.Report, path string) string {
	t.Helper()
	if rest, ok := strings.CutPrefix(path, "requests."); ok {
		id, k, _ := strings.Cut(strings.TrimSuffix(rest, "]"), "[")
		var i int
		fmt.Sscan(k, &i)
		return fmt.Sprint(r.Requests[r.Edition.T3Index(id)].Cells[i])
	}
	rest, _ := strings.CutPrefix(path, "appeals.")
	g, col, _ := strings.Cut(rest, ".")
	for gi, grp := range report.Table4Rows {
		for o, c := range report.Table4Cols[:4] {
			if grp.Key == g && c.Key == col {
				return fmt.Sprint(r.Appeals[gi].Vals[o])
			}
		}
	}
	t.Fatalf("no cell %s", path)
	return ""
}
