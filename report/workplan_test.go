package report_test

import (
	. "nianbao/report"
	. "nianbao/report/datafile"
	"nianbao/report/internal/golden"
	"strings"
	"testing"
)

// sameWorkPlan compares two ledgers ignoring positions.

const workPlanYAML = `work_plan:
  title: 《测试县2022年政务公开工作要点》
  tasks:
    - item: 加强政策解读
      task: 重要政策文件同步发布解读材料。
      lead: 县政府办公室
      units: 县政府各部门
      deadline: 2022年12月底
      status: 已完成
      result: 全年发布解读材料36篇，其中图解12篇。
    - item: 规范依申请公开
      task: |-
        修订依申请公开办理规程。
        编制答复文书范本。
      lead: 县政府办公室 县司法局
      deadline: 长期坚持
      status: 推进中
      result: ""
    - task: 更新政府信息公开指南。
      status: 未完成
`

func TestWorkPlanLoadAndMarshal(t *testing.T) {
	src := golden.Read(t, "testdata/valid2021.yaml") + workPlanYAML
	r, ps := Parse("本年.yaml", []byte(src))
	if ps.HasErrors() {
		t.Fatalf("load: %v", ps)
	}
	w := r.WorkPlan
	if w == nil || len(w.Tasks) != 3 {
		t.Fatalf("work plan not loaded: %+v", w)
	}
	if w.Title != "测试县2022年政务公开工作要点" {
		t.Errorf("title marks not trimmed: %q", w.Title)
	}
	tests := []struct {
		got, want string
	}{
		{w.Tasks[0].Item, "加强政策解读"},
		{w.Tasks[0].Units, "县政府各部门"},
		{w.Tasks[0].Deadline, "2022年12月底"},
		{w.Tasks[1].Task, "修订依申请公开办理规程。\n编制答复文书范本。"},
		{w.Tasks[1].Status, StatusInProgress},
		{w.Tasks[2].Item, ""},
		{w.Tasks[2].Status, StatusNotDone},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("field %d: got %q, want %q", i, tc.got, tc.want)
		}
	}
	if w.Tasks[0].StatusPos.Line == 0 || w.Tasks[0].DeadlinePos.Line == 0 || w.Tasks[0].Pos.Line == 0 {
		t.Errorf("positions missing: %+v", w.Tasks[0])
	}
	done, doing, notDone := w.Counts()
	if done != 1 || doing != 1 || notDone != 1 {
		t.Errorf("Counts = %d %d %d", done, doing, notDone)
	}
	out := Marshal(r)
	back, ps := Parse("本年.yaml", out)
	if len(ps) != 0 {
		t.Fatalf("reloading Marshal output: %v\n%s", ps, out)
	}
	if !w.Equal(back.WorkPlan) {
		t.Errorf("work plan changed in round trip:\n%s", out)
	}
	if !strings.Contains(string(out), "work_plan:") {
		t.Errorf("no work_plan in output")
	}
}

func TestWorkPlanAbsent(t *testing.T) {
	r, ps := Parse("本年.yaml", []byte(golden.Read(t, "testdata/valid2021.yaml")))
	if ps.HasErrors() || r.WorkPlan != nil {
		t.Fatalf("want no work plan and no errors: %v", ps)
	}
	if strings.Contains(string(Marshal(r)), "work_plan") {
		t.Errorf("Marshal wrote an absent work plan")
	}
}

func TestWorkPlanSummary(t *testing.T) {
	tasks := func(statuses ...string) []Task {
		var out []Task
		for _, s := range statuses {
			out = append(out, Task{Task: "任务", Status: s})
		}
		return out
	}
	tests := []struct {
		name string
		w    WorkPlan
		want string
	}{
		{"mixed", WorkPlan{Title: "示例市2024年政务公开工作要点", Tasks: tasks("已完成", "已完成", "推进中", "未完成")},
			"《示例市2024年政务公开工作要点》共4项任务，已完成2项，推进中1项，未完成1项。"},
		{"no 未完成", WorkPlan{Title: "示例市2024年政务公开工作要点", Tasks: tasks("已完成", "推进中", "推进中")},
			"《示例市2024年政务公开工作要点》共3项任务，已完成1项，推进中2项。"},
		{"all done", WorkPlan{Title: "示例市2024年政务公开工作要点", Tasks: tasks("已完成", "已完成")},
			"《示例市2024年政务公开工作要点》共2项任务，已全部完成。"},
		{"none done, no title", WorkPlan{Tasks: tasks("未完成")},
			"本年度政务公开工作要点共1项任务，已完成0项，未完成1项。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := WorkPlanSummary(&tc.w); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestWorkPlanInBuild(t *testing.T) {
	tests := []struct {
		name    string
		edits   []golden.Edit
		plan    string
		heading string
		rows    int
	}{
		{name: "no work plan", plan: "", heading: ""},
		{name: "unnumbered section 六", plan: workPlanYAML, heading: "本年度政务公开工作要点落实情况", rows: 3},
		{name: "numbered section 六", plan: workPlanYAML, edits: []golden.Edit{{
			"本年度未收取信息处理费。人大代表建议和政协提案办理结果已按规定公开。",
			"（一）信息处理费。本年度未收取信息处理费。\n\n    （二）建议提案办理。人大代表建议和政协提案办理结果已按规定公开。"}},
			heading: "（三）本年度政务公开工作要点落实情况", rows: 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := golden.Apply(t, golden.Read(t, "testdata/valid2021.yaml"), tc.edits...) + tc.plan
			r, ps := Parse("本年.yaml", []byte(src))
			if ps.HasErrors() {
				t.Fatalf("load: %v", ps)
			}
			d := Build(r, nil)
			subs := d.Sections[5].Subsections
			if tc.heading == "" {
				if len(subs) != 0 {
					t.Fatalf("want no subsection, got %+v", subs)
				}
				return
			}
			if len(subs) != 1 {
				t.Fatalf("want one subsection, got %d", len(subs))
			}
			s := subs[0]
			if s.Heading != tc.heading {
				t.Errorf("heading %q, want %q", s.Heading, tc.heading)
			}
			if len(s.Paras) != 1 || s.Paras[0].Text != "《测试县2022年政务公开工作要点》共3项任务，已完成1项，推进中1项，未完成1项。" {
				t.Errorf("summary: %+v", s.Paras)
			}
			g := s.Table
			if g == nil || g.Cols != 7 || len(g.Widths) != 7 || len(g.Head) != 1 || len(g.Body) != tc.rows {
				t.Fatalf("grid: %+v", g)
			}
			want := [][]string{
				{"1", "加强政策解读", "重要政策文件同步发布解读材料。", "县政府办公室", "2022年12月底", "已完成", "全年发布解读材料36篇，其中图解12篇。"},
				{"2", "规范依申请公开", "修订依申请公开办理规程。编制答复文书范本。", "县政府办公室 县司法局", "长期坚持", "推进中", "—"},
				{"3", "—", "更新政府信息公开指南。", "—", "—", "未完成", "—"},
			}
			for i, row := range g.Body {
				if len(row) != 7 {
					t.Fatalf("row %d has %d cells", i, len(row))
				}
				for j, c := range row {
					if c.Text != want[i][j] {
						t.Errorf("row %d col %d: %q, want %q", i, j, c.Text, want[i][j])
					}
				}
			}
		})
	}
}
