package datafile

import (
	"bytes"
	"fmt"
	"nianbao/report"
	"strings"

	"go.yaml.in/yaml/v3"
)

func statusList() string {
	return "“" + strings.Join(report.TaskStatuses, "”“") + "”"
}

// workPlan reads the optional work_plan section.
func (l *loader) workPlan(n *yaml.Node, r *report.Report) {
	fs, ok := l.fields(n, "work_plan", "键值映射（title: 工作要点名称、tasks: 任务列表）", report.WorkPlanKeys, nil)
	if !ok {
		return
	}
	wp := &report.WorkPlan{Pos: r.Pos.WorkPlan}
	if f, ok := fs["title"]; ok {
		if s, ok := l.str(f.val, "work_plan.title"); ok {
			wp.Title = strings.Trim(strings.TrimSpace(l.cleanText(deref(f.val), "work_plan.title", s)), "《》")
		}
	}
	f, ok := fs["tasks"]
	if !ok {
		l.add(deref(n), "work_plan.tasks", "S-5", "缺少任务列表 tasks。每项任务写成“- item: 事项名称”开始的一组，可用 `nianbao workplan import 任务分解表.xlsx` 导入")
		r.WorkPlan = wp
		return
	}
	seq := deref(f.val)
	if seq.Kind != yaml.SequenceNode {
		l.add(seq, "work_plan.tasks", "S-4", "tasks 应为任务列表（每项以“- ”开始），实际为%s", kindName(seq))
		r.WorkPlan = wp
		return
	}
	if len(seq.Content) == 0 {
		l.add(seq, "work_plan.tasks", "S-5", "任务列表 tasks 为空。没有工作要点时请删除整个 work_plan 部分")
	}
	for i, tn := range seq.Content {
		path := fmt.Sprintf("work_plan.tasks[%d]", i)
		if t, ok := l.task(tn, path, i+1); ok {
			wp.Tasks = append(wp.Tasks, t)
		}
	}
	r.WorkPlan = wp
}

func (l *loader) task(n *yaml.Node, path string, no int) (report.Task, bool) {
	n = deref(n)
	t := report.Task{Pos: posOf(n)}
	fs, ok := l.fields(n, path, fmt.Sprintf("第 %d 项任务的键值映射（item、task、lead、units、deadline、status、result）", no), report.TaskKeys, nil)
	if !ok {
		return t, false
	}
	wrongType := map[string]bool{}
	text := func(key string, dst *string) {
		f, ok := fs[key]
		if !ok {
			return
		}
		v := deref(f.val)
		if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" {
			return // an empty optional field
		}
		if v.Kind != yaml.ScalarNode {
			l.add(v, path+"."+key, "S-4", "第 %d 项任务的%s（%s）应为文字，实际为%s", no, report.TaskField[key], key, kindName(v))
			wrongType[key] = true
			return
		}
		*dst = strings.TrimSpace(l.cleanText(v, path+"."+key, v.Value))
	}
	text("item", &t.Item)
	text("task", &t.Task)
	text("lead", &t.Lead)
	text("units", &t.Units)
	text("deadline", &t.Deadline)
	text("status", &t.Status)
	text("result", &t.Result)
	if f, ok := fs["deadline"]; ok {
		t.DeadlinePos = posOf(deref(f.val))
	}
	if t.Task == "" && !wrongType["task"] {
		if f, ok := fs["task"]; ok {
			l.add(deref(f.val), path+".task", "S-5", "第 %d 项任务的主要任务（task）为空，请照任务分解表填写", no)
		} else {
			l.add(n, path+".task", "S-5", "第 %d 项任务缺少主要任务（task），请照任务分解表填写", no)
		}
	}
	f, ok := fs["status"]
	if !ok {
		l.add(n, path+".status", "S-5", "第 %d 项任务缺少落实状态（status），应为%s之一", no, statusList())
		return t, true
	}
	t.StatusPos = posOf(deref(f.val))
	if t.Status == "" {
		if !wrongType["status"] {
			l.add(deref(f.val), path+".status", "S-5", "第 %d 项任务的落实状态（status）为空，应为%s之一", no, statusList())
		}
		return t, true
	}
	if !contains(report.TaskStatuses, t.Status) {
		hint := ""
		switch {
		case strings.Contains(t.Status, "未"), strings.Contains(t.Status, "没"):
			hint = "，是不是“未完成”？"
		case strings.Contains(t.Status, "完成"), strings.Contains(t.Status, "完毕"), strings.Contains(t.Status, "落实"):
			hint = "，是不是“已完成”？"
		case strings.Contains(t.Status, "进"), strings.Contains(t.Status, "中"), strings.Contains(t.Status, "持续"):
			hint = "，是不是“推进中”？"
		}
		l.add(deref(f.val), path+".status", "S-7", "第 %d 项任务的落实状态应为%s之一，实际为“%s”%s", no, statusList(), report.Clip(t.Status, 20), hint)
		t.Status = ""
	}
	return t, true
}

// marshalWorkPlan writes w as the work_plan mapping.
func marshalWorkPlan(w *report.WorkPlan) *yaml.Node {
	m := mapping()
	if w.Title != "" {
		put(m, "title", strNode(w.Title), "工作要点名称（不加书名号）")
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, t := range w.Tasks {
		tm := mapping()
		for _, kv := range []struct{ k, v string }{
			{"item", t.Item}, {"task", t.Task}, {"lead", t.Lead}, {"units", t.Units},
			{"deadline", t.Deadline}, {"status", t.Status}, {"result", t.Result},
		} {
			if kv.v == "" && kv.k != "task" && kv.k != "status" && kv.k != "result" {
				continue
			}
			v := strNode(kv.v)
			if strings.Contains(kv.v, "\n") {
				v.Style = yaml.LiteralStyle
			}
			put(tm, kv.k, v, "")
		}
		seq.Content = append(seq.Content, tm)
	}
	put(m, "tasks", seq, "")
	if len(m.Content) > 0 {
		m.Content[0].HeadComment = "# 每项任务：item 事项名称、task 主要任务、lead 牵头部门、units 责任单位、deadline 完成时限（如 2024年6月底、长期坚持）、\n# status 落实状态（已完成 / 推进中 / 未完成）、result 落实情况"
	}
	return m
}

// MarshalWorkPlan writes w alone as a YAML fragment (work_plan: …), to be
// added to a report file.
func MarshalWorkPlan(w *report.WorkPlan) []byte {
	m := mapping()
	put(m, "work_plan", marshalWorkPlan(w), "政务公开工作要点落实情况（在“六、其他需要报告的事项”中报告）")
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return nil // plain strings only: cannot fail
	}
	enc.Close()
	return buf.Bytes()
}
