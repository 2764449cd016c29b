package datafile

import (
	"os"
	"slices"
	"strings"
	"testing"

	"nianbao/report"
)

const frag = "work_plan:\n  title: 新\n"

func TestSpliceWorkPlan(t *testing.T) {
	for _, tc := range []struct {
		name, src, want, err string
	}{
		{name: "append", src: "year: 2024\norgan: 甲\n", want: "year: 2024\norgan: 甲\n\n" + frag},
		{name: "append without final newline", src: "year: 2024", want: "year: 2024\n\n" + frag},
		{name: "replace last", src: "year: 2024\n# 工作要点\nwork_plan:\n  title: 旧\n  tasks: []\n",
			want: "year: 2024\n" + frag},
		{name: "replace middle keeps the next key's comments",
			src:  "year: 2024\nwork_plan:\n  title: 旧\n\n# 正文\ntext: []\n",
			want: "year: 2024\n" + frag + "\n\n# 正文\ntext: []\n"},
		{name: "not yaml", src: "a: [", err: "不是有效的 YAML"},
		{name: "not a mapping", src: "- 1\n", err: "不是“键: 值”映射"},
		{name: "flow", src: "{year: 2024}\n", err: "{ } 形式"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := SpliceWorkPlan([]byte(tc.src), []byte(frag))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestCarryOver(t *testing.T) {
	old := &report.WorkPlan{Tasks: []report.Task{
		{Item: "甲", Task: "一", Status: report.StatusDone, Result: "已办"},
		{Item: "乙", Task: "二"},
	}}
	plan := &report.WorkPlan{Tasks: []report.Task{
		{Item: "甲", Task: "一", Status: report.StatusInProgress},
		{Item: "乙", Task: "二", Status: report.StatusInProgress},
		{Item: "丙", Task: "三", Status: report.StatusInProgress},
	}}
	if n := CarryOver(old, plan); n != 1 {
		t.Errorf("CarryOver = %d, want 1", n)
	}
	if got := plan.Tasks[0]; got.Status != report.StatusDone || got.Result != "已办" {
		t.Errorf("task 0 = %+v", got)
	}
	if plan.Tasks[1].Status != report.StatusInProgress {
		t.Errorf("a task without an old status must keep the new one: %+v", plan.Tasks[1])
	}
}

func TestImportWorkPlanDropped(t *testing.T) {
	base, err := os.ReadFile("../testdata/valid2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	old := string(base) + `work_plan:
  title: 旧
  tasks:
    - item: 甲
      task: 一
      status: 已完成
    - item: 乙
      task: 二
      status: 推进中
    - item: 丙
      task: 三
      status: 推进中
      result: 已起草。
    - item: 丁
      task: 四
      status: 未完成
    - item: 戊
      task: 五
      status: 推进中
`
	tests := []struct {
		name    string
		src     string
		plan    []report.Task
		dropped []int
		kept    int
	}{
		{"no plan before", string(base), []report.Task{{Item: "甲", Task: "一", Status: report.StatusInProgress}}, nil, 0},
		{"all kept", old, []report.Task{{Item: "甲", Task: "一"}, {Item: "丙", Task: "三"}, {Item: "丁", Task: "四"}}, nil, 3},
		// 乙 and 戊 are as imported (推进中, no result): dropping them loses nothing.
		{"filled dropped", old, []report.Task{{Item: "甲", Task: "一"}, {Item: "乙", Task: "二"}}, []int{3, 4}, 2},
		{"task text changed", old, []report.Task{{Item: "甲", Task: "一（修订）"}}, []int{1, 3, 4}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := &report.WorkPlan{Title: "新", Tasks: tc.plan}
			for i := range plan.Tasks {
				if plan.Tasks[i].Status == "" {
					plan.Tasks[i].Status = report.StatusInProgress
				}
			}
			res, _, err := ImportWorkPlan("本年.yaml", []byte(tc.src), plan)
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, d := range res.Dropped {
				got = append(got, d.N)
			}
			if !slices.Equal(got, tc.dropped) || res.Kept != tc.kept {
				t.Errorf("dropped %v, kept %d; want %v, %d", got, res.Kept, tc.dropped, tc.kept)
			}
		})
	}
}
