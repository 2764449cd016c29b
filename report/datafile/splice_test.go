package datafile

import (
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
