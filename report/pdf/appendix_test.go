package pdf

import (
	"bytes"
	"fmt"
	"nianbao/report/datafile"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"nianbao/report"
)

func textCell(s string, kind report.CellKind) report.GridCell {
	return report.GridCell{Text: s, ColSpan: 1, RowSpan: 1, Kind: kind}
}

// ledgerTask is the text of task i of the hand-built ledger: long enough
// to wrap over several lines of its cell.
func ledgerTask(i int) string {
	return fmt.Sprintf("第%d项：围绕“政策文件好不好找”开展专项评估，完善政策文件库分类检索功能，"+
		"推进规范性文件集中统一公开（含历史文件清理、解读材料关联和失效标注），并按季度通报进展%d次。", i, i%7+1)
}

// withAppendix returns the office 2024 Doc with a hand-built appendix (a
// year-over-year table with a merged header) and, in section 六, a
// subsection holding a task ledger of n rows with long text cells; when
// huge is set, one ledger cell holds more text than a page.
func withAppendix(t testing.TB, n int, huge bool) *report.Doc {
	d := loadDoc(t, fixtures[0].Path)
	yoy := &report.Grid{ID: "yoy", Caption: "主要数据同比情况", Cols: 5, Widths: []int{40, 15, 15, 15, 15},
		Head: [][]report.GridCell{
			{{Text: "项目", ColSpan: 1, RowSpan: 2, Kind: report.CellHead}, {Text: "数量（件）", ColSpan: 2, RowSpan: 1, Kind: report.CellHead},
				{Text: "增减", ColSpan: 2, RowSpan: 1, Kind: report.CellHead}},
			{textCell("2024年", report.CellHead), textCell("2023年", report.CellHead), textCell("数量", report.CellHead), textCell("比例", report.CellHead)},
		},
	}
	for i, row := range [][]string{
		{"本年新收政府信息公开申请数量", "97", "131", "-34", "-26.0%"},
		{"本年度办理结果总计", "101", "128", "-27", "-21.1%"},
		{"行政复议", "3", "2", "1", "50.0%"},
		{"行政诉讼", "2", "0", "2", "—"},
	} {
		cells := []report.GridCell{textCell(row[0], report.CellLabel)}
		for j, v := range row[1:] {
			c := textCell(v, report.CellNumber)
			c.Key = fmt.Sprintf("yoy[%d][%d]", i, j)
			cells = append(cells, c)
		}
		yoy.Body = append(yoy.Body, cells)
	}
	yoy.Place()
	d.Appendices = []report.Section{{
		Heading: "附：主要数据同比情况",
		Paras:   []report.Para{{Text: "下表列出本年度主要数据与上年度的比较，增减比例按上年度数据计算，保留一位小数。", Line: 0}},
		Table:   yoy,
		Notes:   []report.Para{{Text: "注：上年度数据为零时不计算比例，以“—”表示。"}},
	}}
	ledger := &report.Grid{ID: "ledger", Caption: "本年度政务公开工作要点落实情况", Cols: 4, Widths: []int{8, 52, 20, 20},
		Head: [][]report.GridCell{{textCell("序号", report.CellHead), textCell("工作任务", report.CellHead),
			textCell("责任单位", report.CellHead), textCell("落实情况", report.CellHead)}},
	}
	for i := 1; i <= n; i++ {
		task := ledgerTask(i)
		if huge && i == 3 {
			task = strings.Repeat(task, 12)
		}
		ledger.Body = append(ledger.Body, []report.GridCell{
			textCell(strconv.Itoa(i), report.CellNumber), textCell(task, report.CellLabel),
			textCell("市政府办公室政务公开科", report.CellLabel), textCell("已完成", report.CellLabel),
		})
	}
	ledger.Place() // as report.Build does
	d.Sections[5].Subsections = []report.Section{{
		Heading: "（四）本年度政务公开工作要点落实情况",
		Paras:   []report.Para{{Text: fmt.Sprintf("本年度政务公开工作要点共%d项任务，均已落实。", n), Line: 0}},
		Table:   ledger,
		Notes:   []report.Para{{Text: "以上任务落实情况已在门户网站公开。"}},
	}}
	return d
}

var outlineEntry = regexp.MustCompile(`(?s)<</Title \(((?:\\.|[^\\)])*)\)\n/Parent (\d+) 0 R`)

type bookmark struct {
	title string
	top   bool // level 0
}

// bookmarks reads the outline entries of a PDF written by fpdf (titles in
// UTF-16BE with a byte-order mark, escaped as PDF literal strings).
func bookmarks(t *testing.T, data []byte) []bookmark {
	t.Helper()
	var out []bookmark
	root := ""
	for _, m := range outlineEntry.FindAllSubmatch(data, -1) {
		var raw []byte
		s := m[1]
		for i := 0; i < len(s); i++ {
			if s[i] != '\\' || i+1 == len(s) {
				raw = append(raw, s[i])
				continue
			}
			i++
			switch c := s[i]; c {
			case 'n':
				raw = append(raw, '\n')
			case 'r':
				raw = append(raw, '\r')
			case 't':
				raw = append(raw, '\t')
			default:
				if c >= '0' && c <= '7' {
					v := 0
					for k := 0; k < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7'; k++ {
						v = v*8 + int(s[i]-'0')
						i++
					}
					i--
					raw = append(raw, byte(v))
				} else {
					raw = append(raw, c)
				}
			}
		}
		if !bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) || len(raw)%2 != 0 {
			t.Fatalf("bookmark title not UTF-16BE: %q", raw)
		}
		u := make([]uint16, 0, len(raw)/2)
		for i := 2; i < len(raw); i += 2 {
			u = append(u, uint16(raw[i])<<8|uint16(raw[i+1]))
		}
		if root == "" {
			root = string(m[2])
		}
		out = append(out, bookmark{title: string(utf16.Decode(u)), top: string(m[2]) == root})
	}
	return out
}

// TestAppendixAndSubsection renders a Doc with an appendix and a
// subsection whose ledger table runs over several pages: every text is
// printed in order (each ledger row whole, its cells in order), no row is
// split, the header is repeated on every page of the table, and both get
// bookmarks one level apart.
func TestAppendixAndSubsection(t *testing.T) {
	d := withAppendix(t, 40, false)
	data, ps := writePDF(t, d, Options{})
	if len(ps) > 0 {
		t.Fatalf("warnings: %v", ps)
	}
	if *outDir != "" {
		_ = os.WriteFile(filepath.Join(*outDir, "appendix.pdf"), data, 0o644)
	}
	text := pdfText(t, data)
	pos := 0
	for _, want := range expected(d) {
		i := strings.Index(text[pos:], want)
		if i < 0 {
			t.Fatalf("not found after offset %d: %q", pos, want)
		}
		pos += i + len(want)
	}

	// The ledger's pages: each begins with the repeated header, and no
	// task is cut (its whole text lies on one page).
	pages := strings.Split(runTool(t, data, "pdftotext", "-raw", "-enc", "UTF-8"), "\f")
	header := "序号工作任务责任单位落实情况"
	var ledgerPages int
	for _, pg := range pages {
		pg = squeeze(pg)
		if !strings.Contains(pg, header) {
			continue
		}
		ledgerPages++
		after := pg[strings.Index(pg, header)+len(header):]
		if !regexp.MustCompile(`^\d+第\d+项：`).MatchString(after) {
			t.Errorf("a ledger page does not start with a whole row after its header: %.60q", after)
		}
	}
	if ledgerPages < 2 {
		t.Fatalf("ledger on %d pages, want it to run over several (header repeated)", ledgerPages)
	}
	for i := 1; i <= 40; i++ {
		row := squeeze(strconv.Itoa(i) + ledgerTask(i) + "市政府办公室政务公开科已完成")
		n := 0
		for _, pg := range pages {
			if strings.Contains(squeeze(pg), row) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("ledger row %d whole on %d pages, want 1", i, n)
		}
	}

	var got []string
	for _, b := range bookmarks(t, data) {
		lvl := "1 "
		if b.top {
			lvl = "0 "
		}
		got = append(got, lvl+b.title)
	}
	want := []string{"0 " + d.Title}
	for _, s := range d.Sections {
		want = append(want, "0 "+s.Heading)
		for _, sub := range s.Subsections {
			want = append(want, "1 "+sub.Heading)
		}
	}
	want = append(want, "0 附：主要数据同比情况", "0 "+appendixHeading)
	for i, c := range d.Charts {
		want = append(want, "1 "+chartTitle(i, c.Title))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("bookmarks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTallRow: a cell with more text than a page continues on the next
// page instead of running off the bottom, and nothing is lost.
func TestTallRow(t *testing.T) {
	d := withAppendix(t, 5, true)
	data, ps := writePDF(t, d, Options{})
	if len(ps) > 0 {
		t.Fatalf("warnings: %v", ps)
	}
	header := "序号工作任务责任单位落实情况"
	// The other cells of the row are drawn with its first piece.
	text := pdfText(t, data)
	for _, s := range []string{header, "市政府办公室政务公开科已完成"} {
		text = strings.ReplaceAll(text, s, "")
	}
	want := squeeze("3" + strings.Repeat(ledgerTask(3), 12) + "4" + ledgerTask(4))
	if !strings.Contains(text, want) {
		t.Errorf("the tall cell's text is not printed whole")
	}
	// Every text line of every page lies inside the text block.
	bbox := runTool(t, data, "pdftotext", "-bbox")
	for _, m := range regexp.MustCompile(`yMax="([\d.]+)"`).FindAllStringSubmatch(bbox, -1) {
		y, _ := strconv.ParseFloat(m[1], 64)
		if y > (bottomY+7+12)/ptMM {
			t.Fatalf("text below the page number line at %v pt", y)
		}
	}
	for _, m := range regexp.MustCompile(`<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`).FindAllStringSubmatch(bbox, -1) {
		y, _ := strconv.ParseFloat(m[1], 64)
		if y > bottomY/ptMM+1 && !strings.Contains(m[2], "—") && !regexp.MustCompile(`^\d+$`).MatchString(m[2]) {
			t.Errorf("%q ends at %.1f pt, below the text block (%.1f pt)", m[2], y, bottomY/ptMM)
		}
	}
}

// TestWorkPlanLedger goes through Load and Build: a report with an
// 18-task work plan gets section 六's ledger subsection, printed whole and
// in order over several pages.
func TestWorkPlanLedger(t *testing.T) {
	src, err := os.ReadFile(fixtures[3].Path)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.Write(src)
	b.WriteString("work_plan:\n  title: 《测试县2022年政务公开工作要点》\n  tasks:\n")
	for i := 1; i <= 18; i++ {
		fmt.Fprintf(&b, "    - item: 第%d项重点工作（政策文件库建设）\n      task: %s\n      lead: 县政府办公室\n"+
			"      units: 县司法局、县数据局\n      deadline: 2022年%d月底\n      status: 已完成\n      result: 关联解读材料%d篇，标注失效文件%d件。\n",
			i, ledgerTask(i), i%12+1, 30+i, i)
	}
	r, ps := datafile.Parse("2022.yaml", []byte(b.String()))
	if r == nil || ps.HasErrors() {
		t.Fatalf("load: %v", ps)
	}
	d := report.Build(r, nil)
	if len(d.Sections[5].Subsections) == 0 || d.Sections[5].Subsections[0].Table == nil {
		t.Fatal("Build made no work-plan subsection with a table")
	}
	data, warns := writePDF(t, d, Options{})
	if len(warns) > 0 {
		t.Fatalf("warnings: %v", warns)
	}
	text := pdfText(t, data)
	pos := 0
	for _, want := range expected(d) {
		i := strings.Index(text[pos:], want)
		if i < 0 {
			t.Fatalf("not found after offset %d: %q", pos, want)
		}
		pos += i + len(want)
	}
	if n := len(bookmarks(t, data)); n != 1+6+1+len(d.Appendices)+1+len(d.Charts) {
		t.Errorf("%d bookmarks", n)
	}
}
