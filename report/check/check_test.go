package check

import (
	"fmt"
	. "nianbao/report"
	. "nianbao/report/datafile"
	"nianbao/report/internal/golden"
	"path/filepath"
	"strings"
	"testing"
)

// Each case is one edit of a valid fixture, with the rule it must trigger
// (want) or "" for a passing case, which must have no error and no warning.
// The full output is compared with a golden file.
var ruleCases = []struct {
	name      string
	base      string
	edits     []golden.Edit
	prev      string // previous year's file, or ""
	prevEdits []golden.Edit
	want      string // rule that must fire; "" = no errors or warnings
	severity  Severity
}{
	// Table 三.
	{name: "T3-1-pass", base: "valid2021.yaml", want: ""},
	{name: "T3-1-fail", base: "valid2021.yaml", edits: []golden.Edit{
		{"carried_forward: [2, 0, 0, 0, 0, 0, 2]", "carried_forward: [3, 0, 0, 0, 0, 0, 3]"},
		{"结转下年度继续办理2件", "结转下年度继续办理3件"}}, want: "T3-1", severity: Error},
	{name: "T3-1-fail-no-total-row", base: "valid2021.yaml", edits: []golden.Edit{
		{"  total: [9, 1, 0, 0, 0, 1, 11]\n", ""},
		{"received: [10, 1, 0, 0, 0, 1, 12]", "received: [10, 1, 0, 0, 0, 2, 13]"},
		{"本年新收政府信息公开申请12件", "本年新收政府信息公开申请13件"}}, want: "T3-1", severity: Error},
	{name: "T3-3-fail", base: "valid2021.yaml", edits: []golden.Edit{
		{"total: [9, 1, 0, 0, 0, 1, 11]", "total: [10, 1, 0, 0, 0, 1, 12]"},
		{"carried_forward: [2, 0, 0, 0, 0, 0, 2]", "carried_forward: [1, 0, 0, 0, 0, 0, 1]"},
		{"办结11件，结转下年度继续办理2件", "办结12件，结转下年度继续办理1件"}}, want: "T3-3", severity: Error},
	{name: "T3-4-fail", base: "valid2021.yaml", edits: []golden.Edit{
		{"received: [10, 1, 0, 0, 0, 1, 12]", "received: [10, 1, 0, 0, 0, 1, 13]"}}, want: "T3-4", severity: Error},
	{name: "T3-6-fail-negative", base: "valid2021.yaml", edits: []golden.Edit{
		{"granted: [4, 1, 0, 0, 0, 0, 5]", "granted: [-4, 1, 0, 0, 0, 0, 5]"}}, want: "T3-6", severity: Error},
	{name: "T3-6-fail-fraction", base: "valid2021.yaml", edits: []golden.Edit{
		{"granted: [4, 1, 0, 0, 0, 0, 5]", "granted: [4.5, 1, 0, 0, 0, 0, 5]"}}, want: "T3-6", severity: Error},
	// Table 四.
	{name: "T4-1-fail", base: "valid2021.yaml", edits: []golden.Edit{
		{"review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}", "review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 2}"}}, want: "T4-1", severity: Error},
	{name: "T4-1-pass-without-total", base: "valid2021.yaml", edits: []golden.Edit{
		{"review: {upheld: 1, corrected: 0, other: 0, pending: 0, total: 1}", "review: {upheld: 1, corrected: 0, other: 0, pending: 0}"}}, want: ""},
	{name: "T4-2-fail", base: "valid2021.yaml", edits: []golden.Edit{
		{"litigation_after_review: {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}", "litigation_after_review: {upheld: 0, corrected: -1, other: 0, pending: 0, total: 0}"}}, want: "T4-2", severity: Error},
	// Table 二.
	{name: "T2-1-fail-count", base: "valid2021.yaml", edits: []golden.Edit{
		{"licensing: {decisions: 310}", "licensing: {decisions: -310}"}}, want: "T2-1", severity: Error},
	{name: "T2-1-fail-amount", base: "valid2021.yaml", edits: []golden.Edit{
		{"fees: {amount: 3.5200}", "fees: {amount: -3.5200}"}}, want: "T2-1", severity: Error},
	{name: "T2-2-pass-negative-change", base: "valid2019.yaml", want: ""},
	{name: "T2-2-fail-previous", base: "valid2019.yaml", edits: []golden.Edit{
		{"licensing: {previous: 120, change: -3, decisions: 280}", "licensing: {previous: -120, change: -3, decisions: 280}"}}, want: "T2-2", severity: Error},
	{name: "T2-2-fail-unit", base: "valid2019.yaml", edits: []golden.Edit{
		{"unit: 元", "unit: 美元"}}, want: "T2-2", severity: Error},
	// Cross-year.
	{name: "X-0-no-previous", base: "valid2021.yaml", want: "X-0", severity: Info},
	{name: "X-1-pass", base: "valid2021.yaml", prev: "prev2021.yaml", want: ""},
	{name: "X-1-fail", base: "valid2021.yaml", prev: "prev2021.yaml", edits: []golden.Edit{
		{"received: [10, 1, 0, 0, 0, 1, 12]", "received: [11, 0, 0, 0, 0, 1, 12]"},
		{"carried_over: [1, 0, 0, 0, 0, 0, 1]", "carried_over: [0, 1, 0, 0, 0, 0, 1]"}}, want: "X-1", severity: Error},
	{name: "X-1-note", base: "valid2021.yaml", prev: "prev2021.yaml", edits: []golden.Edit{
		{"received: [10, 1, 0, 0, 0, 1, 12]", "received: [11, 0, 0, 0, 0, 1, 12]"},
		{"carried_over: [1, 0, 0, 0, 0, 0, 1]", "carried_over: [0, 1, 0, 0, 0, 0, 1]"},
		{"scope: organ\n", "scope: organ\ncarry_over_note: 2021年度报告中1件企业申请误计为自然人申请，已于2022年3月更正。\n"}}, want: "X-1", severity: Warning},
	{name: "X-1-prev-broken", base: "valid2021.yaml", prev: "prev2021.yaml", prevEdits: []golden.Edit{
		{"received: [7, 0, 0, 0, 0, 1, 8]", "received: [7, 0, 0, 0, 0, 1, 八]"}}, want: "X-0", severity: Info},
	{name: "X-2-pass", base: "valid2021.yaml", prev: "prev2021.yaml", want: ""},
	{name: "X-2-fail", base: "valid2021.yaml", prev: "prev2021.yaml", edits: []golden.Edit{
		{"normative_documents: {issued: 5, repealed: 1, in_force: 30}", "normative_documents: {issued: 5, repealed: 1, in_force: 31}"}}, want: "X-2", severity: Warning},
	{name: "X-3-pass", base: "valid2019.yaml", prev: "prev2019.yaml", want: ""},
	{name: "X-3-fail", base: "valid2019.yaml", prev: "prev2019.yaml", edits: []golden.Edit{
		{"licensing: {previous: 120, change: -3, decisions: 280}", "licensing: {previous: 121, change: -3, decisions: 280}"}}, want: "X-3", severity: Warning},
	{name: "X-0-edition-change", base: "valid2021.yaml", prev: "valid2019.yaml", edits: []golden.Edit{
		{"year: 2022", "year: 2021"}, {"date: 2023-01-20", "date: 2022-01-20"}, {"自2022年1月1日起至2022年12月31日止", "自2021年1月1日起至2021年12月31日止"}}, want: "X-0", severity: Info},
	{name: "X-5-fail", base: "valid2019.yaml", edits: []golden.Edit{
		{"year: 2020", "year: 2021\nformat: \"2019\""}, {"date: 2021-01-25", "date: 2022-01-25"}}, want: "X-5", severity: Error},
	{name: "X-5-override", base: "valid2019.yaml", edits: []golden.Edit{
		{"year: 2020", "year: 2021\nformat: \"2019\"\nformat_override_reason: 按上级要求沿用试行格式"}, {"date: 2021-01-25", "date: 2022-01-25"}}, want: "X-5", severity: Warning},
	{name: "X-5-pass-explicit", base: "valid2019.yaml", edits: []golden.Edit{
		{"year: 2020", "year: 2020\nformat: \"2019\""}}, want: ""},
	// Fees.
	{name: "F-1-fail", base: "valid2021.yaml", edits: []golden.Edit{
		{"processing_fees:\n  notices: 0\n  notified_amount: 0\n  collected: 0\n", ""}}, want: "F-1", severity: Warning},
	{name: "TX-2-fail-collected", base: "valid2021.yaml", edits: []golden.Edit{
		{"notices: 0\n  notified_amount: 0\n  collected: 0", "notices: 2\n  notified_amount: 300\n  collected: 500.00"}}, want: "TX-2", severity: Warning},
	{name: "TX-2-fail-unpaid-text", base: "valid2021.yaml", edits: []golden.Edit{
		{"fee_unpaid: [0, 0, 0, 0, 0, 0]", "fee_unpaid: [1, 0, 0, 0, 0, 0]"},
		{"not_held: [3, 0, 0, 0, 0, 1]", "not_held: [2, 0, 0, 0, 0, 1]"},
		{"本年度未收取信息处理费。", "本年度无其他事项。"}}, want: "TX-2", severity: Warning},
	{name: "TX-2-fail-notices-without-amount", base: "valid2021.yaml", edits: []golden.Edit{
		{"notices: 0\n  notified_amount: 0\n  collected: 0", "notices: 6\n  notified_amount: 0\n  collected: 0"},
		{"本年度未收取信息处理费。", "本年度发出收费通知6件，未收取信息处理费。"}}, want: "TX-2", severity: Warning},
	{name: "TX-2-fail-fewer-notices", base: "valid2021.yaml", edits: []golden.Edit{
		{"fee_unpaid: [0, 0, 0, 0, 0, 0]", "fee_unpaid: [2, 0, 0, 0, 0, 0]"},
		{"not_held: [3, 0, 0, 0, 0, 1]", "not_held: [1, 0, 0, 0, 0, 1]"},
		{"notices: 0\n  notified_amount: 0\n  collected: 0", "notices: 1\n  notified_amount: 380\n  collected: 380"},
		{"本年度未收取信息处理费。", "本年度发出收费通知1件，收取信息处理费380元。"}}, want: "TX-2", severity: Warning},
	{name: "TX-1-fail-fee-collected", base: "valid2021.yaml", edits: []golden.Edit{
		{"本年度未收取信息处理费。", "本年度收取信息处理费3940元。"}}, want: "TX-1", severity: Warning},
	{name: "TX-1-fail-table2", base: "valid2021.yaml", edits: []golden.Edit{
		{"（一）主动公开。全年通过政府网站主动公开政府信息一千余条", "（一）主动公开。全年制发行政规范性文件28件，公开行政许可处理决定9999个"}}, want: "TX-1", severity: Warning},
	{name: "TX-1-fail-applicant", base: "valid2021.yaml", edits: []golden.Edit{
		{"本年新收政府信息公开申请12件", "本年新收政府信息公开申请12件，其中自然人申请99件"}}, want: "TX-1", severity: Warning},
	{name: "TX-1-fail-chinese-numerals", base: "valid2021.yaml", edits: []golden.Edit{
		{"本年新收政府信息公开申请12件", "本年新收政府信息公开申请一百二十件"},
		{"行政诉讼1件", "行政诉讼案件9起"}}, want: "TX-1", severity: Warning},
	{name: "TX-2-pass", base: "valid2021.yaml", edits: []golden.Edit{
		{"fee_unpaid: [0, 0, 0, 0, 0, 0]", "fee_unpaid: [1, 0, 0, 0, 0, 0]"},
		{"not_held: [3, 0, 0, 0, 0, 1]", "not_held: [2, 0, 0, 0, 0, 1]"},
		{"notices: 0\n  notified_amount: 0\n  collected: 0", "notices: 2\n  notified_amount: 600\n  collected: 400"},
		{"本年度未收取信息处理费。", "本年度发出收费通知2件，金额600元，实际收取信息处理费400元。"}}, want: ""},
	// Text.
	{name: "TX-1-fail", base: "valid2021.yaml", edits: []golden.Edit{
		{"本年新收政府信息公开申请12件", "本年新收政府信息公开申请21件"},
		{"行政复议1件", "行政复议3件"}}, want: "TX-1", severity: Warning},
	// 本局 is the organ itself; 各部门 is a region report's own aggregate.
	{name: "TX-1-fail-self-reference", base: "valid2021.yaml", edits: []golden.Edit{
		{"organ: 测试县人民政府办公室", "organ: 测试县教育局"},
		{"本年新收政府信息公开申请12件", "本局本年新收政府信息公开申请21件"}}, want: "TX-1", severity: Warning},
	{name: "TX-1-fail-region-aggregate", base: "valid2021.yaml", edits: []golden.Edit{
		{"scope: organ", "scope: region"},
		{"本年新收政府信息公开申请12件", "全县各部门本年新收政府信息公开申请21件"}}, want: "TX-1", severity: Warning},
	{name: "TX-1-pass-other-organ", base: "valid2021.yaml", edits: []golden.Edit{
		{"scope: organ", "scope: region"},
		{"本年新收政府信息公开申请12件，", "本年新收政府信息公开申请12件，其中县公安局新收申请5件，"}}, want: ""},
	{name: "TX-1-pass-breakdown", base: "valid2021.yaml", edits: []golden.Edit{
		{"本年新收政府信息公开申请12件", "本年新收政府信息公开申请12件，其中自然人申请10件、商业企业申请1件"}}, want: ""},
	{name: "TX-4-fail", base: "valid2021.yaml", edits: []golden.Edit{
		{"（五）监督保障。全年发生行政复议1件、行政诉讼1件，纳入年度考核和社会评议，未发生责任追究情况。", "（五）其他。全年发生行政复议1件、行政诉讼1件。"}}, want: "TX-4", severity: Warning},
	{name: "TX-4-fail-government", base: "valid2021.yaml", edits: []golden.Edit{
		{"organ: 测试县人民政府办公室", "organ: 测试县人民政府"},
		{"纳入年度考核和社会评议，未发生责任追究情况", "工作有序开展"}}, want: "TX-4", severity: Warning},
	{name: "TX-5-fail", base: "valid2021.yaml", prev: "prev2021.yaml", prevEdits: []golden.Edit{
		{"主要问题：依申请公开答复文书不够规范，个别部门更新不及时。改进情况：制定答复文书范本，建立季度通报制度，督促各部门按时更新栏目内容。",
			"一是政策解读形式较为单一；二是基层公开标准化水平有待提高。下一步将丰富解读形式，推进基层标准化建设，提升公开质量和实效。"}}, want: "TX-5", severity: Warning},
	{name: "TX-8-warn-bidi-control", base: "valid2021.yaml", edits: []golden.Edit{
		{"全年通过政府网站主动公开政府信息一千余条", "全年通过政府网站主动公开政府信息\u202e一千余条"}}, want: "TX-8", severity: Warning},
	{name: "TX-7-fail-unknown", base: "valid2021.yaml", edits: []golden.Edit{
		{"全年通过政府网站主动公开政府信息一千余条", "全年通过政府网站主动公开政府信息{{主动公开条数}}条，新收申请{{本年新收申清}}件"}}, want: "TX-7", severity: Error},
	{name: "TX-7-warn-no-previous", base: "valid2021.yaml", edits: []golden.Edit{
		{"本年新收政府信息公开申请12件", "本年新收政府信息公开申请{{本年新收申请}}件，{{本年新收申请.同比}}"}}, want: "TX-7", severity: Warning},
	{name: "TX-7-pass", base: "valid2021.yaml", prev: "prev2021.yaml", edits: []golden.Edit{
		{"本年新收政府信息公开申请12件", "本年新收政府信息公开申请{{本年新收申请}}件，{{本年新收申请.同比}}，模板写法{{ }}和{{.Organ}}照原样印出"}}, want: ""},
	// Work plan (工作要点落实情况).
	{name: "WP-1-pass", base: "valid2021.yaml", edits: []golden.Edit{{"  collected: 0\n", "  collected: 0\n" + wpTasks(
		wpTask{"加强政策解读", "2022年6月底", "已完成"}, wpTask{"规范依申请公开", "长期坚持", "推进中"},
		wpTask{"完善政府网站", "2023年6月底", "推进中"}, wpTask{"更新公开指南", "", "未完成"})}}, want: ""},
	{name: "WP-1-fail-due", base: "valid2021.yaml", edits: []golden.Edit{{"  collected: 0\n", "  collected: 0\n" + wpTasks(
		wpTask{"加强政策解读", "2022年6月底", "推进中"}, wpTask{"完善政府网站", "2022年第三季度", "未完成"}, wpTask{"更新公开指南", "年底前", "推进中"})}},
		want: "WP-1", severity: Warning},
	{name: "WP-1-fail-overdue", base: "valid2021.yaml", edits: []golden.Edit{{"  collected: 0\n", "  collected: 0\n" + wpTasks(
		wpTask{"加强政策解读", "2021年12月底", "未完成"})}}, want: "WP-1", severity: Warning},
	{name: "WP-2-fail", base: "valid2021.yaml", edits: []golden.Edit{{"  collected: 0\n", "  collected: 0\n" + wpTasks(
		wpTask{"加强政策解读", "尽快", "推进中"}, wpTask{"完善政府网站", "按上级要求", "推进中"},
		wpTask{"规范依申请公开", "2022年6月左右", "已完成"})}}, want: "WP-2", severity: Warning},
	// A date among other words counts; standing-task words only without a date.
	{name: "WP-1-fail-mixed", base: "valid2021.yaml", edits: []golden.Edit{{"  collected: 0\n", "  collected: 0\n" + wpTasks(
		wpTask{"加强政策解读", "持续推进，2022年6月底前完成", "推进中"}, wpTask{"完善政府网站", "每季度；2022年12月", "推进中"},
		wpTask{"更新公开指南", "及时发布，6月底前完成", "未完成"})}},
		want: "WP-1", severity: Warning},
	{name: "WP-1-pass-mixed", base: "valid2021.yaml", edits: []golden.Edit{{"  collected: 0\n", "  collected: 0\n" + wpTasks(
		wpTask{"加强政策解读", "长期坚持，持续推进", "推进中"}, wpTask{"完善政府网站", "2022年6月底前完成试点，2023年底前全面推开", "推进中"},
		wpTask{"更新公开指南", "每季度", "推进中"})}}, want: ""},
	{name: "TX-10-pass", base: "valid2021.yaml", want: ""},
	{name: "TX-10-fail", base: "valid2021.yaml", edits: []golden.Edit{
		{"统计期限自2022年1月1日起至2022年12月31日止", "统计期限自2021年1月1日起至2021年12月31日止"}}, want: "TX-10", severity: Warning},
	{name: "TX-10-fail-end-year", base: "valid2021.yaml", edits: []golden.Edit{
		{"统计期限自2022年1月1日起至2022年12月31日止", "统计期限为2022年1月1日至2023年12月31日"}}, want: "TX-10", severity: Warning},
	// Publication deadline (条例第四十九条): 1月31日 for an organ, 3月31日 for a region.
	{name: "TX-11-pass-deadline-day", base: "valid2021.yaml", edits: []golden.Edit{
		{"date: 2023-01-20", "date: 2023-01-31"}}, want: ""},
	{name: "TX-11-fail-late", base: "valid2021.yaml", edits: []golden.Edit{
		{"date: 2023-01-20", "date: 2023-02-10"}}, want: "TX-11", severity: Warning},
	{name: "TX-11-fail-published", base: "valid2021.yaml", edits: []golden.Edit{
		{"date: 2023-01-20\n", "date: 2023-01-20\npublished: 2023-02-25\n"}}, want: "TX-11", severity: Warning},
	{name: "TX-11-fail-published-before-date", base: "valid2021.yaml", edits: []golden.Edit{
		{"date: 2023-01-20\n", "date: 2023-03-15\npublished: 2023-01-22\n"}}, want: "TX-11", severity: Warning},
	{name: "TX-11-fail-before-year-end", base: "valid2021.yaml", edits: []golden.Edit{
		{"date: 2023-01-20\n", "date: 2023-01-20\npublished: 2022-12-15\n"}}, want: "TX-11", severity: Warning},
	{name: "TX-11-pass-region", base: "valid2021.yaml", edits: []golden.Edit{
		{"scope: organ", "scope: region"}, {"date: 2023-01-20", "date: 2023-03-31"}}, want: ""},
	{name: "TX-11-fail-region", base: "valid2021.yaml", edits: []golden.Edit{
		{"scope: organ", "scope: region"}, {"date: 2023-01-20", "date: 2023-04-15"}}, want: "TX-11", severity: Warning},
	{name: "TX-11-pass-township", base: "valid2021.yaml", edits: []golden.Edit{
		{"organ: 测试县人民政府办公室", "organ: 测试县示例镇人民政府"}, {"date: 2023-01-20", "date: 2023-02-20"}}, want: ""},
	// 索引号: one published document's number, not last year's.
	{name: "X-6-fail", base: "valid2021.yaml", prev: "prev2021.yaml", edits: []golden.Edit{
		{"date: 2023-01-20\n", "date: 2023-01-20\nindex_number: 000000001/2022-00007\n"}}, prevEdits: []golden.Edit{
		{"date: 2022-01-21\n", "date: 2022-01-21\nindex_number: 000000001/2022-00007\n"}}, want: "X-6", severity: Warning},
	{name: "X-6-pass", base: "valid2021.yaml", prev: "prev2021.yaml", edits: []golden.Edit{
		{"date: 2023-01-20\n", "date: 2023-01-20\nindex_number: 000000001/2023-00004\n"}}, prevEdits: []golden.Edit{
		{"date: 2022-01-21\n", "date: 2022-01-21\nindex_number: 000000001/2022-00007\n"}}, want: ""},
	{name: "TX-9-fail", base: "valid2021.yaml", edits: []golden.Edit{
		{"date: 2023-01-20\n", ""}}, want: "TX-9", severity: Warning},
	{name: "TX-6-fail-empty", base: "valid2021.yaml", edits: []golden.Edit{
		{"  other: |\n    本年度未收取信息处理费。人大代表建议和政协提案办理结果已按规定公开。\n", "  other: \"\"\n"}}, want: "TX-6", severity: Error},
	{name: "TX-6-fail-missing", base: "valid2021.yaml", edits: []golden.Edit{
		{"  problems: |\n    一是政策解读形式较为单一；二是基层公开标准化水平有待提高。下一步将丰富解读形式，推进基层标准化建设，提升公开质量和实效。\n", ""}}, want: "TX-6", severity: Error},
}

func TestRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			cur := LoadBytes("本年.yaml", golden.Apply(t, golden.Read(t, "../testdata/"+tc.base), tc.edits...))
			var pool []Loaded
			if tc.prev != "" {
				pool = append(pool, LoadBytes("上年.yaml", golden.Apply(t, golden.Read(t, "../testdata/"+tc.prev), tc.prevEdits...)))
			}
			ps := CheckSet([]Loaded{cur}, pool)
			if tc.want == "" {
				for _, p := range ps {
					if p.Severity != Info {
						t.Errorf("passing case has a problem: %s", p)
					}
				}
			} else {
				found := false
				for _, p := range ps {
					if p.Rule == tc.want && p.Severity == tc.severity {
						found = true
						if p.Pos.Line == 0 && tc.severity != Info && tc.want != "F-1" {
							t.Errorf("problem has no line: %s", p)
						}
					}
				}
				if !found {
					t.Errorf("want a %s problem of rule %s, got:\n%s", tc.severity, tc.want, golden.Format(ps))
				}
			}
			golden.Problems(t, filepath.Join("testdata", "rules", tc.name+".golden"), ps)
		})
	}
}

// Every rule in Rules has at least one failing case above (or is exercised
// by the bad-input corpus for the structural S-rules).
func TestEveryRuleTested(t *testing.T) {
	tested := map[string]bool{}
	for _, tc := range ruleCases {
		tested[tc.want] = true
	}
	for _, r := range Rules {
		if strings.HasPrefix(r.ID, "S-") && r.ID != "S-8" {
			continue // covered by TestBadInputs
		}
		if strings.HasPrefix(r.ID, "M-") {
			continue // merge rules: covered by cmd/nianbao/testdata/script/merge.txtar
		}
		if r.ID == "PDF-1" || r.ID == "PDF-2" || r.ID == "PDF-3" {
			continue // the PDF renderer's: covered by report/pdf's font and layout tests (TestFontNotFound), build_pdf.txtar and check.txtar
		}
		if strings.HasPrefix(r.ID, "IN-") {
			continue // the ingest readers': covered by report/ingest (TestPortalCells, TestImageTables, TestRuleIDs) and ingest.txtar
		}
		if !tested[r.ID] && r.ID != "S-8" {
			t.Errorf("rule %s has no failing case in ruleCases", r.ID)
		}
	}
}

// TestDuplicateOrganYear: two files of one organ and year in a directory
// are an S-8 error of the one with the larger path, however the files were
// given: both as targets, one as a target and the other beside it, or
// through an Index (build and site).
func TestDuplicateOrganYear(t *testing.T) {
	src := golden.Read(t, "../testdata/valid2021.yaml")
	a, b := LoadBytes("a.yaml", src), LoadBytes("b.yaml", src)
	other := LoadBytes("c/a.yaml", src) // another directory: not a duplicate
	for _, tc := range []struct {
		name          string
		targets, pool []Loaded
		want          string // the file with the S-8 error, "" none
	}{
		{"both targets", []Loaded{a, b}, nil, "b.yaml"},
		{"both targets, reversed", []Loaded{b, a}, nil, "b.yaml"},
		{"later one alone", []Loaded{b}, []Loaded{a}, "b.yaml"},
		{"earlier one alone", []Loaded{a}, []Loaded{b}, ""},
		{"same file twice", []Loaded{a}, []Loaded{a}, ""},
		{"other directory", []Loaded{a}, []Loaded{other}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check := func(ps Problems) {
				t.Helper()
				var got []string
				for _, p := range ps {
					if p.Rule == "S-8" {
						got = append(got, p.File)
						if !strings.Contains(p.Msg, "a.yaml") || !strings.Contains(p.Msg, "b.yaml") {
							t.Errorf("S-8 message should name both files: %s", p)
						}
					}
				}
				want := []string{}
				if tc.want != "" {
					want = []string{tc.want}
				}
				if strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("S-8 on %q, want %q:\n%s", got, want, golden.Format(ps))
				}
			}
			check(CheckSet(tc.targets, tc.pool))
			ix := NewIndex(append(append([]Loaded{}, tc.targets...), tc.pool...))
			var ps Problems
			for _, tg := range tc.targets {
				ps = append(ps, ix.Check(tg)...)
			}
			check(ps)
		})
	}
}

type wpTask struct{ item, deadline, status string }

// wpTasks writes a work_plan section with one task per wpTask.
func wpTasks(ts ...wpTask) string {
	var b strings.Builder
	b.WriteString("work_plan:\n  title: 测试县2022年政务公开工作要点\n  tasks:\n")
	for _, t := range ts {
		fmt.Fprintf(&b, "    - item: %s\n      task: %s的具体任务。\n", t.item, t.item)
		if t.deadline != "" {
			fmt.Fprintf(&b, "      deadline: %s\n", t.deadline)
		}
		fmt.Fprintf(&b, "      status: %s\n", t.status)
	}
	return b.String()
}
