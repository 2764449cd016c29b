package xlsx

import (
	"os"
	"strings"
	"testing"

	"nianbao/report"
)

// FuzzParseTaskTable feeds ParseTaskTable tables written as text (rows by newline, cells by
// tab; a leading line "merge r1 c1 r2 c2 …" gives merged ranges). It must
// never panic, and every task it returns must have a 主要任务.
func FuzzParseTaskTable(f *testing.F) {
	f.Add("事项名称\t主要任务\t牵头部门\t责任单位\t完成时限\n1. 政策解读\t同步解读。\t办公室\t各部门\t2024年6月底\n\t开展培训。\t司法局\t\t")
	f.Add("merge 1 0 2 0 0 0 0 4\n标题\n事项名称\t主要任务\t牵头单位\t责任单位\t完成时限\n一、公开\n\t\t\t\t")
	f.Add("事项\t工作任务\t牵头\t状态\t完成情况\n甲\t乙\t丙\t已完成\t丁\n甲\t乙\t丙\t进行中\t")
	f.Add("序号\t重点任务\t责任单位\t完成时限\t牵头单位\n1\t解读。\t各区\t年底前\t办公室\n2\t公开。\t各部门\t每季度\t营商局")
	f.Add("merge 1 0 2 0\n工作任务\t序号\t具体要求\t责任科室\t时限要求\n解读\t1\t同步解读。\t办公室\t下半年\n\t2\t进社区。\t综合科\t及时")
	f.Add("merge 1 0 1 4 4 0 4 4\n序号\t工作内容\t牵头单位\t责任部门\t备注\n一、以公开助力发展\n1\t公开政策。\t发改委\t各部门\t无\n\t更新。\t\t\t\n（一）规范执法\n2\t公示。\t司法局\t\t")
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
		res, err := ParseTaskTable("Sheet1", rows, merges, report.StatusInProgress)
		if err != nil {
			return
		}
		for _, tk := range res.Plan.Tasks {
			if tk.Task == "" {
				t.Errorf("task without 主要任务: %+v", tk)
			}
		}
	})
}

// FuzzImportTaskTable feeds ImportTaskTable arbitrary bytes, seeded with the fixture workbook.
func FuzzImportTaskTable(f *testing.F) {
	if data, err := os.ReadFile("testdata/shenyang-2022.xlsx"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("事项名称,主要任务"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := ImportTaskTable("fuzz.xlsx", data, report.StatusInProgress)
		if err == nil && (res == nil || res.Plan == nil || len(res.Plan.Tasks) == 0) {
			t.Errorf("no error and no tasks")
		}
	})
}
