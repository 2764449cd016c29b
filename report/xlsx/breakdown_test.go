package xlsx

import (
	"bytes"
	goldenpkg "nianbao/report/internal/golden"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestBreakdownWorkbook(t *testing.T) {
	a, err := BreakdownWorkbook(goldenpkg.BreakdownSample())
	if err != nil {
		t.Fatal(err)
	}
	b, err := BreakdownWorkbook(goldenpkg.BreakdownSample())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same breakdown differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, want := range map[string]string{
		"A1": "测试市人民政府2024年政府信息公开工作年度报告汇总单位明细",
		"C3": "本年新收", "C4": "件数", "D4": "占比",
		"A5": "甲局<script>alert(1)</script>", "C5": "3", "D5": "100.0%", "G5": "units/a&b.yaml",
		"A6": "乙局", "B6": "未报送", "C6": "—",
		"A7": "合计（测试市人民政府）", "C7": "3",
	} {
		got, err := f.GetCellValue(breakdownSheet, ref)
		if err != nil || got != want {
			t.Errorf("%s = %q (%v), want %q", ref, got, err, want)
		}
	}
	typ, _ := f.GetCellType(breakdownSheet, "C5")
	if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("C5 should be a number, is %v", typ)
	}
	for ref, want := range map[string]string{
		"A1": "表四 政府信息公开行政复议、行政诉讼情况（件）",
		"A2": "项目", "B2": "甲局<script>alert(1)</script>", "C2": "合计",
		"A3": "行政复议：结果维持", "B3": "2", "C3": "2",
		"A4": "　实际收取的总金额（元）", "B4": "12.50",
	} {
		got, err := f.GetCellValue(breakdownLinesSheet, ref)
		if err != nil || got != want {
			t.Errorf("%s!%s = %q (%v), want %q", breakdownLinesSheet, ref, got, err, want)
		}
	}
	if typ, _ := f.GetCellType(breakdownLinesSheet, "B3"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("B3 should be a number, is %v", typ)
	}
	// The published copy has no data file column.
	pub, err := BreakdownWorkbook(goldenpkg.BreakdownSample().Public())
	if err != nil {
		t.Fatal(err)
	}
	pf, err := excelize.OpenReader(bytes.NewReader(pub))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	rows, _ := pf.GetRows(breakdownSheet)
	for _, row := range rows {
		for _, c := range row {
			if c == "数据文件" || strings.Contains(c, "units/") {
				t.Errorf("public workbook contains %q", c)
			}
		}
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != "2025-03-20T00:00:00Z" || props.Title != goldenpkg.BreakdownSample().Title {
		t.Errorf("doc props %+v (%v)", props, err)
	}
}
