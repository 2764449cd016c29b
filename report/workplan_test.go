package report

import (
	"strings"
	"testing"
)

// sameWorkPlan compares two ledgers ignoring positions.
func sameWorkPlan(a, b *WorkPlan) bool {
	if (a == nil) != (b == nil) {
		return false
	}
	if a == nil {
		return true
	}
	if a.Title != b.Title || len(a.Tasks) != len(b.Tasks) {
		return false
	}
	for i := range a.Tasks {
		x, y := a.Tasks[i], b.Tasks[i]
		x.Pos, x.DeadlinePos, x.StatusPos = Pos{}, Pos{}, Pos{}
		y.Pos, y.DeadlinePos, y.StatusPos = Pos{}, Pos{}, Pos{}
		if x != y {
			return false
		}
	}
	return true
}

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
	src := readTestdata(t, "valid2021.yaml") + workPlanYAML
	r, ps := Load("本年.yaml", []byte(src))
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
	back, ps := Load("本年.yaml", out)
	if len(ps) != 0 {
		t.Fatalf("reloading Marshal output: %v\n%s", ps, out)
	}
	if !sameWorkPlan(w, back.WorkPlan) {
		t.Errorf("work plan changed in round trip:\n%s", out)
	}
	if !strings.Contains(string(out), "work_plan:") {
		t.Errorf("no work_plan in output")
	}
}

func TestWorkPlanAbsent(t *testing.T) {
	r, ps := Load("本年.yaml", []byte(readTestdata(t, "valid2021.yaml")))
	if ps.HasErrors() || r.WorkPlan != nil {
		t.Fatalf("want no work plan and no errors: %v", ps)
	}
	if strings.Contains(string(Marshal(r)), "work_plan") {
		t.Errorf("Marshal wrote an absent work plan")
	}
}
