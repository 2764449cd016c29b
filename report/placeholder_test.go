package report_test

import (
	. "nianbao/report"
	. "nianbao/report/datafile"
	"nianbao/report/internal/golden"
	"strings"
	"testing"
)

func TestChangePermille(t *testing.T) {
	tests := []struct {
		base, cur, want int64
		ok              bool
	}{
		{100, 125, 250, true}, {8, 9, 125, true}, {3, 2, -333, true}, {3, 1, -667, true},
		{7, 8, 143, true}, {1000, 1000, 0, true}, {0, 5, 0, false}, {2000, 2001, 1, true}, {2000, 1999, -1, true},
	}
	for _, tc := range tests {
		got, ok := ChangePermille(tc.base, tc.cur)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ChangePermille(%d, %d) = %d, %v; want %d, %v", tc.base, tc.cur, got, ok, tc.want, tc.ok)
		}
	}
	if YoYPhrase(8, 9) != "同比增长12.5%" || YoYPhrase(3, 2) != "同比下降33.3%" || YoYPhrase(5, 5) != "与上年持平" || YoYPhrase(0, 4) != "上年为0，本年为4" {
		t.Error("YoYPhrase")
	}
}

// Every name of the vocabulary expands, in all three forms, to the figure
// the tables hold.
func TestEveryPlaceholderExpands(t *testing.T) {
	cur := LoadBytes("本年.yaml", golden.Read(t, "testdata/valid2021.yaml")).Report
	prev := LoadBytes("上年.yaml", golden.Read(t, "testdata/prev2021.yaml")).Report
	want := map[string]string{
		"机关": "测试县人民政府办公室", "年度": "2022", "上一年度": "2021",
		"本年新收申请": "12", "自然人申请": "10", "法人或其他组织申请": "2", "上年结转申请": "1", "办结申请": "11",
		"予以公开": "5", "部分公开": "1", "不予公开": "1", "无法提供": "4", "不予处理": "0", "其他处理": "0",
		"结转下年度申请": "2", "行政复议": "1", "行政复议纠正": "0", "行政诉讼": "1", "行政诉讼纠正": "0",
		"规章制发": "0", "规章现行有效": "2", "规范性文件制发": "5", "规范性文件现行有效": "30",
		"行政许可决定": "310", "行政处罚决定": "12", "行政强制决定": "0",
		"收费通知件数": "0", "收费通知金额": "0", "实际收费金额": "0",
	}
	if len(want) != len(Placeholders) {
		t.Fatalf("test covers %d names, vocabulary has %d", len(want), len(Placeholders))
	}
	for _, p := range Placeholders {
		got := ExpandPlaceholders("{{"+p.Name+"}}", cur, prev)
		if got != want[p.Name] {
			t.Errorf("{{%s}} = %q, want %q", p.Name, got, want[p.Name])
		}
		if p.Count != nil {
			if got := ExpandPlaceholders("{{"+p.Name+".同比}}", cur, prev); strings.Contains(got, "{{") || got == "" {
				t.Errorf("{{%s.同比}} = %q", p.Name, got)
			}
			if got := ExpandPlaceholders("{{"+p.Name+".上年}}", cur, nil); got != "—" {
				t.Errorf("{{%s.上年}} without a previous year = %q, want —", p.Name, got)
			}
		}
	}
	if got := ExpandPlaceholders("新收{{本年新收申请}}件，{{本年新收申请.同比}}（上年{{本年新收申请.上年}}件）。", cur, prev); got != "新收12件，同比增长50.0%（上年8件）。" {
		t.Errorf("sentence: %q", got)
	}
	// Not placeholders: printed as typed.
	for _, s := range []string{"{{ }}", "{{.Organ}}", "{{template \"x\"}}", "{{<script>}}", "{{", "}}{{"} {
		if got := ExpandPlaceholders(s, cur, prev); got != s {
			t.Errorf("%q changed to %q", s, got)
		}
	}
}

// Build expands placeholders in every text section.
func TestBuildExpandsPlaceholders(t *testing.T) {
	src := golden.Apply(t, golden.Read(t, "testdata/valid2021.yaml"), []golden.Edit{
		{"本年新收政府信息公开申请12件", "本年新收政府信息公开申请{{本年新收申请}}件"},
		{"一是政策解读形式较为单一", "{{年度}}年一是政策解读形式较为单一"},
	}...)
	d := Build(LoadBytes("a.yaml", src).Report, nil)
	all := ""
	for _, s := range d.Sections {
		for _, p := range s.Paras {
			all += p.Text
		}
	}
	if !strings.Contains(all, "本年新收政府信息公开申请12件") || !strings.Contains(all, "2022年一是") || strings.Contains(all, "{{") {
		t.Errorf("placeholders not expanded: %s", all)
	}
}
