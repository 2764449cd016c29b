package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/report"
)

func breakdownSample() *report.Breakdown {
	return &report.Breakdown{
		Region: "测试市人民政府", Year: 2024, Title: "测试市人民政府2024年政府信息公开工作年度报告汇总单位明细",
		Subject: "汇总", MetaDate: "2025-03-20", Summary: "共 2 个单位：已报送 1 个，未报送 1 个，有错误 0 个",
		Columns: []string{"本年新收", "上年结转"},
		Units: []report.BreakdownRow{
			{Organ: "甲局<script>alert(1)</script>", Status: "已报送", File: "units/a&b.yaml", Included: true,
				Counts: []int64{3, 1}, Values: []string{"3", "1"}, Shares: []string{"100.0%", "100.0%"}},
			{Organ: "乙局", Status: "未报送", Counts: []int64{0, 0}, Values: []string{"—", "—"}, Shares: []string{"—", "—"}},
		},
		Total: report.BreakdownRow{Organ: "合计（测试市人民政府）", Included: true, Counts: []int64{3, 1},
			Values: []string{"3", "1"}, Shares: []string{"100.0%", "100.0%"}},
	}
}

func TestBreakdownWorkbook(t *testing.T) {
	a, err := BreakdownWorkbook(breakdownSample())
	if err != nil {
		t.Fatal(err)
	}
	b, err := BreakdownWorkbook(breakdownSample())
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
	props, err := f.GetDocProps()
	if err != nil || props.Created != "2025-03-20T00:00:00Z" || props.Title != breakdownSample().Title {
		t.Errorf("doc props %+v (%v)", props, err)
	}
}
