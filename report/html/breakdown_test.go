package html

import (
	"strings"
	"testing"

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

func TestBreakdownPage(t *testing.T) {
	page, err := BreakdownPage(breakdownSample())
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		`<html lang="zh-CN">`,
		"甲局&lt;script&gt;alert(1)&lt;/script&gt;",
		"units/a&amp;b.yaml",
		`<tr class="missing"><th scope="row">乙局</th><td>未报送</td><td class="num">—</td><td class="share">—</td>`,
		`<td class="num">3</td><td class="share">100.0%</td>`,
		"共 2 个单位：已报送 1 个，未报送 1 个，有错误 0 个",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page does not contain %q", want)
		}
	}
	for _, bad := range []string{"<script>", "http://", "https://", "src="} {
		if strings.Contains(s, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}
