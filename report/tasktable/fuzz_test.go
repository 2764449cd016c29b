package tasktable

import (
	"reflect"
	"strings"
	"testing"

	"nianbao/report"
)

// FuzzParse feeds Parse tables written as text (rows by newline, cells by
// tab; a leading line "merge r1 c1 r2 c2 …" gives merged ranges), as a
// worksheet and as a document's table. It must never panic, every task it
// returns must have a 主要任务, and both kinds must read the same tasks.
func FuzzParse(f *testing.F) {
	f.Add("事项名称\t主要任务\t牵头部门\t责任单位\t完成时限\n1. 政策解读\t同步解读。\t办公室\t各部门\t2024年6月底\n\t开展培训。\t司法局\t\t")
	f.Add("merge 1 0 2 0 0 0 0 4\n标题\n事项名称\t主要任务\t牵头单位\t责任单位\t完成时限\n一、公开\n\t\t\t\t")
	f.Add("事项\t工作任务\t牵头\t状态\t完成情况\n甲\t乙\t丙\t已完成\t丁\n甲\t乙\t丙\t进行中\t")
	f.Add("序号\t重点任务\t责任单位\t完成时限\t牵头单位\n1\t解读。\t各区\t年底前\t办公室\n2\t公开。\t各部门\t每季度\t营商局")
	f.Add("merge 1 0 2 0\n工作任务\t序号\t具体要求\t责任科室\t时限要求\n解读\t1\t同步解读。\t办公室\t下半年\n\t2\t进社区。\t综合科\t及时")
	f.Add("merge 1 0 1 4 4 0 4 4\n序号\t工作内容\t牵头单位\t责任部门\t备注\n一、以公开助力发展\n1\t公开政策。\t发改委\t各部门\t无\n\t更新。\t\t\t\n（一）规范执法\n2\t公示。\t司法局\t\t")
	f.Add("merge 0 0 1 0 0 1 1 1 0 2 0 3 0 4 1 4\n序号\t主要任务\t责任单位\t\t完成时限\n\t\t牵头单位\t配合单位\t\n1\t公开。\t办公室\t各部门\t持续推进，2024年6月底前完成")
	f.Add("序号\t主要任务\t责任单位\t\t完成时限\n\t\t牵头\t协办\t\n1\t公开。\t办公室\t各部门\t每季度；2024年12月")
	f.Fuzz(func(t *testing.T, src string) {
		var merges []MergedRange
		lines := strings.Split(src, "\n")
		if len(lines) > 0 && strings.HasPrefix(lines[0], "merge ") {
			var nums []int
			for _, w := range strings.Fields(lines[0])[1:] {
				n := 0
				for _, ch := range w {
					if ch >= '0' && ch <= '9' && n < 1000 {
						n = n*10 + int(ch-'0')
					}
				}
				nums = append(nums, n)
			}
			for i := 0; i+3 < len(nums); i += 4 {
				merges = append(merges, MergedRange{nums[i], nums[i+1], nums[i+2], nums[i+3]})
			}
			lines = lines[1:]
		}
		var rows [][]string
		for _, l := range lines {
			rows = append(rows, strings.Split(l, "\t"))
		}
		res, err := Parse(Grid{Name: "Sheet1", Rows: rows, Merges: merges}, report.StatusInProgress)
		doc, docErr := Parse(Grid{Name: "表格1", Kind: DocTable, Rows: rows, Merges: merges}, report.StatusInProgress)
		if (err == nil) != (docErr == nil) {
			t.Fatalf("as a sheet: %v; as a document's table: %v", err, docErr)
		}
		if err != nil {
			return
		}
		if !reflect.DeepEqual(res.Plan, doc.Plan) {
			t.Errorf("a sheet and a document's table read differently:\n%+v\n%+v", res.Plan, doc.Plan)
		}
		for _, tk := range res.Plan.Tasks {
			if tk.Task == "" {
				t.Errorf("task without 主要任务: %+v", tk)
			}
		}
	})
}
