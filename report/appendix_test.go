package report_test

import (
	"fmt"
	. "nianbao/report"
	. "nianbao/report/datafile"
	"nianbao/report/internal/golden"
	"strings"
	"testing"
)

// appendixRow finds the body row of the appendix grid whose label is label.
func appendixRow(g *Grid, label string) []GridCell {
	for _, row := range g.Body {
		if len(row) > 0 && row[0].Text == label {
			return row
		}
	}
	return nil
}

func TestCompareAppendix(t *testing.T) {
	type want struct {
		label string
		cells []string // 上年, 本年, 增减, 增减率 (or 不可比), [说明]
	}
	tests := []struct {
		name                string
		cur, prev           string
		curEdits, prevEdits []golden.Edit
		appendix            bool
		cols                int
		rows                []want
		note                string // a note that must be present
	}{
		{name: "no previous year", cur: "valid2021.yaml", appendix: false},
		{name: "previous year of another organ", cur: "valid2021.yaml", prev: "prev2021.yaml",
			prevEdits: []golden.Edit{{"organ: 测试县人民政府办公室", "organ: 测试县财政局"}}, appendix: false},
		{name: "with previous year", cur: "valid2021.yaml", prev: "prev2021.yaml", appendix: true, cols: 5, rows: []want{
			{"一、本年新收政府信息公开申请数量", []string{"8", "12", "+4", "+50.0%"}},
			{"二、上年结转政府信息公开申请数量", []string{"1", "1", "0", "0.0%"}},
			{"（七）总计", []string{"8", "11", "+3", "+37.5%"}},
			{"四、结转下年度继续办理", []string{"1", "2", "+1", "+100.0%"}},
			{"行政规范性文件：现行有效件数", []string{"26", "30", "+4", "+15.4%"}},
			{"行政复议：总计", []string{"0", "1", "+1", "—"}},
		}},
		{name: "base 0", cur: "valid2021.yaml", prev: "prev2021.yaml",
			prevEdits: []golden.Edit{
				{"received: [7, 0, 0, 0, 0, 1, 8]", "received: [0, 0, 0, 0, 0, 0, 0]"},
			},
			appendix: true, cols: 5, rows: []want{
				{"一、本年新收政府信息公开申请数量", []string{"0", "12", "+12", "—"}},
				{"规章：本年制发件数", []string{"0", "0", "0", "—"}},
			}},
		{name: "decrease", cur: "valid2021.yaml", prev: "prev2021.yaml",
			prevEdits: []golden.Edit{{"received: [7, 0, 0, 0, 0, 1, 8]", "received: [15, 0, 0, 0, 0, 1, 16]"}},
			appendix:  true, cols: 5, rows: []want{
				{"一、本年新收政府信息公开申请数量", []string{"16", "12", "-4", "-25.0%"}},
			}},
		{name: "2019 edition both years", cur: "valid2019.yaml", prev: "prev2019.yaml", appendix: true, cols: 5, rows: []want{
			{"规章：本年新制作数量", nil},
			{"（六）其他处理", nil},
		}},
		{name: "across the edition change", cur: "valid2021.yaml", prev: "valid2019.yaml",
			curEdits: []golden.Edit{{"year: 2022", "year: 2021"}, {"date: 2023-01-20", "date: 2022-01-20"}},
			appendix: true, cols: 6, rows: []want{
				{"规章：本年制发件数", []string{"", "", "不可比"}},
				{"行政许可：本年处理决定数量", []string{"", "", "", "", "2019版为“处理决定数量”，2021版为“本年处理决定数量”，口径相同，可以比较"}},
				{"（六）其他处理", []string{"", "", "", "", "2021版分为三项，2019版为一行，按合计比较"}},
				{"一、本年新收政府信息公开申请数量", []string{"8", "12", "+4", "+50.0%", ""}},
			}, note: "2020年度报告使用 2019版格式"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cur := LoadBytes("本年.yaml", golden.Apply(t, golden.Read(t, "testdata/"+tc.cur), tc.curEdits...))
			if cur.Report == nil || cur.Problems.HasErrors() {
				t.Fatalf("current year: %v", cur.Problems)
			}
			var history []*Report
			if tc.prev != "" {
				p := LoadBytes("上年.yaml", golden.Apply(t, golden.Read(t, "testdata/"+tc.prev), tc.prevEdits...))
				if p.Report == nil || p.Problems.HasErrors() {
					t.Fatalf("previous year: %v", p.Problems)
				}
				history = append(history, p.Report)
			}
			d := Build(cur.Report, history)
			if !tc.appendix {
				if len(d.Appendices) != 0 {
					t.Fatalf("want no appendix, got %+v", d.Appendices)
				}
				return
			}
			if len(d.Appendices) != 1 {
				t.Fatalf("want one appendix, got %d", len(d.Appendices))
			}
			a := d.Appendices[0]
			if a.Heading != "附：主要数据同比情况" || a.Table == nil {
				t.Fatalf("appendix: %+v", a)
			}
			g := a.Table
			if g.Cols != tc.cols || len(g.Widths) != tc.cols {
				t.Errorf("cols = %d (widths %v), want %d", g.Cols, g.Widths, tc.cols)
			}
			if n := len(g.Body); n < 15 || n > 40 {
				t.Errorf("appendix has %d rows: want the main figures only", n)
			}
			for _, row := range append(g.Head, g.Body...) {
				w := 0
				for _, c := range row {
					w += c.ColSpan
					if strings.ContainsRune(c.Text, '\u2212') {
						t.Errorf("cell %q has U+2212: the PDF font lacks it", c.Text)
					}
				}
				if w != g.Cols {
					t.Errorf("row %v spans %d columns, want %d", row, w, g.Cols)
				}
			}
			for _, w := range tc.rows {
				row := appendixRow(g, w.label)
				if row == nil {
					t.Errorf("no row %q", w.label)
					continue
				}
				for i, c := range w.cells {
					if c == "" {
						continue
					}
					if i+1 >= len(row) || row[i+1].Text != c {
						t.Errorf("row %q cell %d: got %v, want %q", w.label, i+1, row, c)
					}
				}
			}
			if tc.note != "" {
				found := false
				for _, n := range a.Notes {
					found = found || strings.Contains(n.Text, tc.note)
				}
				if !found {
					t.Errorf("no note containing %q: %+v", tc.note, a.Notes)
				}
			}
		})
	}
}

// A region report's merged_units is printed as 附：汇总单位情况: every unit
// with its status and whether it is in the totals, no file paths; units
// not filed are named in a note.
func TestMergedAppendix(t *testing.T) {
	src := golden.Apply(t, golden.Read(t, "testdata/valid2021.yaml"),
		golden.Edit{"scope: organ", "scope: region"})
	src += (`merged_units:
  - {organ: 测试县教育局, status: 已报送, file: units/jyj/2022.yaml}
  - {organ: 测试县档案馆, status: 零报告, file: units/dag/2022.yaml}
  - {organ: 测试县公安局, status: 未报送, file: units/gaj/2022.yaml}
  - {organ: 测试县财政局, status: 未报送}
`)
	r := LoadBytes("region.yaml", src)
	if r.Report == nil || r.Problems.HasErrors() {
		t.Fatalf("load: %v", r.Problems)
	}
	d := Build(r.Report, nil)
	if len(d.Appendices) != 1 || d.Appendices[0].Heading != "附：汇总单位情况" {
		t.Fatalf("appendices %+v", d.Appendices)
	}
	a := d.Appendices[0]
	var got []string
	for _, row := range a.Table.Body {
		var cells []string
		for _, c := range row {
			cells = append(cells, c.Text)
		}
		got = append(got, strings.Join(cells, " "))
	}
	want := []string{"1 测试县教育局 已报送 是", "2 测试县档案馆 零报告 是", "3 测试县公安局 未报送 否", "4 测试县财政局 未报送 否"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	all := a.Paras[0].Text + a.Notes[0].Text
	for _, w := range []string{"共 4 个单位：已报送 1 个，零报告 1 个，未报送 2 个，有错误 0 个", "测试县公安局、测试县财政局未报送年度报告数据，汇总数不含其数字。"} {
		if !strings.Contains(all, w) {
			t.Errorf("appendix text %q lacks %q", all, w)
		}
	}
	if strings.Contains(fmtDoc(d), "units/") {
		t.Error("the report prints a data file path")
	}
	// merged_units belongs to region reports only.
	r = LoadBytes("organ.yaml", golden.Read(t, "testdata/valid2021.yaml")+"merged_units:\n  - {organ: 测试县教育局, status: 已报送}\n")
	if !strings.Contains(fmt.Sprint(r.Problems), "merged_units（汇总单位情况）只用于本级政府汇总报告") {
		t.Errorf("organ report with merged_units: %v", r.Problems)
	}
	r = LoadBytes("bad.yaml", golden.Apply(t, golden.Read(t, "testdata/valid2021.yaml"), golden.Edit{"scope: organ", "scope: region"})+
		"merged_units:\n  - {organ: 测试县教育局, status: 已上报}\n  - {organ: 测试县教育局, status: 已报送}\n  - {status: 已报送}\n")
	for _, w := range []string{"的报送情况应为“已报送”“零报告”“未报送”“有错误”“未能读取”之一，实际为“已上报”", "汇总单位“测试县教育局”重复", "缺少 organ"} {
		if !strings.Contains(fmt.Sprint(r.Problems), w) {
			t.Errorf("problems %v lack %q", r.Problems, w)
		}
	}
}

func fmtDoc(d *Doc) string { return fmt.Sprintf("%+v", *d) }
