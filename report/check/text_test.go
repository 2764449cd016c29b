package check

import (
	"fmt"
	. "nianbao/report"
	"slices"
	"strings"

	"testing"
)

// describe names what a figure reads, for tests: "T3 received total=97".
func describe(f figure) string {
	d := map[domain]string{dT3: "T3", dT4: "T4", dT2: "T2", dFee: "Fee"}[f.dom]
	cols := strings.Join(f.cols, "+")
	if cols == "" {
		cols = "all"
	}
	return fmt.Sprintf("%s %s/%s=%s", d, strings.Join(f.rows, "+"), cols, f.qty.value)
}

func TestReadFigures(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"本年新收政府信息公开申请70件，其中自然人申请64件。", []string{"T3 received/all=70", "T3 received/0=64"}},
		{"全年共收到政府信息公开申请1,234件。", []string{"T3 received/all=1234"}},
		{"上年结转3件，办结70件，结转下年度继续办理2件。", []string{"T3 carried_over/all=3", "T3 total/all=70", "T3 carried_forward/all=2"}},
		{"全年受理749件。", []string{"T3 受理/all=749"}},
		{"发生行政复议和行政诉讼相关案件74件。", []string{"T4 review+litigation/all=74"}},
		{"办结的申请中同意公开答复9件。", []string{"T3 granted/all=9"}},
		{"收到行政复议申请2件。", []string{"T4 review/all=2"}},
		{"行政复议3件、行政诉讼1件。", []string{"T4 review/all=3", "T4 litigation/all=1"}},
		{"本年新收申请同比增长20%，达到88件。", nil},
		{"2022年收到各类来信。", nil},
		{"共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）",
			[]string{"T3 受理/all=3119", "T3 total/all=3050", "T3 carried_over/all=34", "T3 carried_forward/all=103"}},
		{"被申请行政复议3件（其中结果维持2件，尚未审结1件），被提起行政诉讼3件（其中结果维持2件，结果纠正1件）",
			[]string{"T4 review/all=3", "T4 review/0=2", "T4 review/3=1", "T4 litigation/all=3", "T4 litigation/0=2", "T4 litigation/1=1"}},
		{"行政诉讼案件九起。", []string{"T4 litigation/all=9"}},
		{"本年新收申请一百二十件。", []string{"T3 received/all=120"}},
		{"全年制发市政府规章1件、废止1件；制发行政规范性文件18件、废止6件。", []string{"T2 rules/issue=1", "T2 rules/repealed=1", "T2 normative_documents/issue=18", "T2 normative_documents/repealed=6"}},
		{"截至年底，现行有效规章40件、行政规范性文件174件。", []string{"T2 rules/in_force=40", "T2 normative_documents/in_force=174"}},
		{"公开行政许可处理决定1702个、行政处罚决定10个、行政强制决定1个，行政事业性收费金额8.0635万元。",
			[]string{"T2 licensing/decisions=1702", "T2 penalty/decisions=10", "T2 coercion/decisions=1", "T2 fees/amount=80635"}},
		{"因本机关不掌握等原因无法提供265件，属信访、重复申请等不予处理80件。", []string{"T3 unavailable/all=265", "T3 not_processed/all=80"}},
		{"予以公开及部分公开258件。", []string{"T3 granted+partially_granted/all=258"}},
		{"本年度发出收费通知2件，金额600元，实际收取信息处理费400元。", []string{"Fee notices/all=2", "Fee notified_amount/all=600", "Fee collected/all=400"}},
		{"收取信息处理费3940元。", []string{"Fee collected/all=3940"}},
		{"办理时限压缩至10个工作日，咨询电话0000-12345678，示政办发〔2024〕3号。", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range (reader{year: 2024, organ: "示例市人民政府办公室"}).readFigures(tc.text) {
			got = append(got, describe(f))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got  %q\n want %q", tc.text, got, tc.want)
		}
	}
}

func TestParseCNNumber(t *testing.T) {
	for s, want := range map[string]int64{"一百二十": 120, "十": 10, "十二": 12, "两千零五": 2005, "三万": 30000, "一万二千": 12000, "零": 0, "九": 9, "二十一": 21} {
		if got, ok := parseCNNumber(s); !ok || got != want {
			t.Errorf("parseCNNumber(%s) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"千", "万", "百"} {
		if _, ok := parseCNNumber(s); ok {
			t.Errorf("parseCNNumber(%s) accepted", s)
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
