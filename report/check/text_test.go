package check

import (
	. "nianbao/report"

	"testing"
)

func TestFindFigures(t *testing.T) {
	tests := []struct {
		text string
		want map[string]int64 // figure name → value; absent = not found
	}{
		{"本年新收政府信息公开申请70件，其中自然人申请64件。", map[string]int64{"本年新收申请": 70}},
		{"全年共收到政府信息公开申请1,234件。", map[string]int64{"本年新收申请": 1234}},
		{"上年结转3件，办结70件，结转下年度继续办理2件。", map[string]int64{"上年结转申请": 3, "办结申请": 70, "结转下年度申请": 2}},
		{"全年受理749件。", map[string]int64{}},
		{"发生行政复议和行政诉讼相关案件74件。", map[string]int64{}},
		{"办结的申请中同意公开答复9件。", map[string]int64{}},
		{"收到行政复议申请2件。", map[string]int64{"行政复议": 2}},
		{"行政复议3件、行政诉讼1件。", map[string]int64{"行政复议": 3, "行政诉讼": 1}},
		{"本年新收申请同比增长20%，达到88件。", map[string]int64{}},
		{"2022年收到各类来信。", map[string]int64{}},
	}
	for _, tc := range tests {
		got := map[string]int64{}
		for _, m := range findFigures(tc.text) {
			got[quotedFigures[m.fig].name] = m.value
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.text, got, tc.want)
			continue
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("%s: %s = %d, want %d", tc.text, k, got[k], v)
			}
		}
	}
}

func TestSimilarity(t *testing.T) {
	a := "2022年，我办坚持以公开为常态，全面推进决策、执行、管理、服务、结果公开，主动公开政府信息1520条。"
	b := "2023年，我办坚持以公开为常态，全面推进决策、执行、管理、服务、结果公开，主动公开政府信息1733条。"
	c := "围绕优化营商环境，集中发布惠企政策清单，开设政策问答专栏，组织解读会三场，回应企业关切问题四十余个。"
	if s := Similarity(a, b); s != 1000 {
		t.Errorf("a copy with only figures changed: %s, want 100.0%%", Permille(s))
	}
	if s := Similarity(a, c); s >= similarityThreshold {
		t.Errorf("different texts: %s", Permille(s))
	}
	if s := Similarity("", ""); s != 0 {
		t.Errorf("empty: %d", s)
	}
	if Permille(873) != "87.3%" || Permille(1000) != "100.0%" {
		t.Error("Permille")
	}
}
