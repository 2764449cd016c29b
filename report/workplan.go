package report

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// WorkPlan is the year's 政务公开工作要点 with its 任务分解表: the tasks
// whose 落实情况 the annual report gives in section 六 (YAML key work_plan).
type WorkPlan struct {
	Title string // 《…政务公开工作要点》 without the book-title marks, e.g. 示例市2024年政务公开工作要点
	Tasks []Task
	Pos   Pos // the work_plan key
}

// Task is one row group of the 任务分解表: one 事项 with its 主要任务.
// Every field is text as written; Deadline is parsed by ParseDeadline.
type Task struct {
	Item     string // 事项名称
	Task     string // 主要任务
	Lead     string // 牵头部门
	Units    string // 责任单位
	Deadline string // 完成时限, as written
	Status   string // 已完成 / 推进中 / 未完成
	Result   string // 落实情况

	Pos         Pos // the task's mapping
	DeadlinePos Pos
	StatusPos   Pos
}

// The three statuses of a task.
const (
	StatusDone       = "已完成"
	StatusInProgress = "推进中"
	StatusNotDone    = "未完成"
)

// TaskStatuses lists the allowed statuses in printed order.
var TaskStatuses = []string{StatusDone, StatusInProgress, StatusNotDone}

// workPlanKeys and taskKeys are the YAML keys, in canonical order.
var (
	workPlanKeys = []string{"title", "tasks"}
	taskKeys     = []string{"item", "task", "lead", "units", "deadline", "status", "result"}
)

// TaskField names one task key in Chinese for messages and the schema.
var TaskField = map[string]string{
	"item":     "事项名称",
	"task":     "主要任务",
	"lead":     "牵头部门",
	"units":    "责任单位",
	"deadline": "完成时限",
	"status":   "落实状态",
	"result":   "落实情况",
}

// Counts returns how many tasks have each status, in TaskStatuses order.
func (w *WorkPlan) Counts() (done, inProgress, notDone int) {
	for _, t := range w.Tasks {
		switch t.Status {
		case StatusDone:
			done++
		case StatusInProgress:
			inProgress++
		case StatusNotDone:
			notDone++
		}
	}
	return
}

func statusList() string {
	return "“" + strings.Join(TaskStatuses, "”“") + "”"
}

// workPlan reads the optional work_plan section.
func (l *loader) workPlan(n *yaml.Node, r *Report) {
	fs, ok := l.fields(n, "work_plan", "键值映射（title: 工作要点名称、tasks: 任务列表）", workPlanKeys, nil)
	if !ok {
		return
	}
	wp := &WorkPlan{Pos: r.Pos.WorkPlan}
	if f, ok := fs["title"]; ok {
		if s, ok := l.str(f.val, "work_plan.title"); ok {
			wp.Title = strings.Trim(strings.TrimSpace(s), "《》")
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

func (l *loader) task(n *yaml.Node, path string, no int) (Task, bool) {
	n = deref(n)
	t := Task{Pos: posOf(n)}
	fs, ok := l.fields(n, path, fmt.Sprintf("第 %d 项任务的键值映射（item、task、lead、units、deadline、status、result）", no), taskKeys, nil)
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
			l.add(v, path+"."+key, "S-4", "第 %d 项任务的%s（%s）应为文字，实际为%s", no, TaskField[key], key, kindName(v))
			wrongType[key] = true
			return
		}
		*dst = strings.TrimSpace(v.Value)
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
	if !contains(TaskStatuses, t.Status) {
		hint := ""
		switch {
		case strings.Contains(t.Status, "未"), strings.Contains(t.Status, "没"):
			hint = "，是不是“未完成”？"
		case strings.Contains(t.Status, "完成"), strings.Contains(t.Status, "完毕"), strings.Contains(t.Status, "落实"):
			hint = "，是不是“已完成”？"
		case strings.Contains(t.Status, "进"), strings.Contains(t.Status, "中"), strings.Contains(t.Status, "持续"):
			hint = "，是不是“推进中”？"
		}
		l.add(deref(f.val), path+".status", "S-7", "第 %d 项任务的落实状态应为%s之一，实际为“%s”%s", no, statusList(), clip(t.Status, 20), hint)
		t.Status = ""
	}
	return t, true
}

// marshalWorkPlan writes w as the work_plan mapping.
func marshalWorkPlan(w *WorkPlan) *yaml.Node {
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

// taskName names a task in messages: its 事项名称, or the start of its 主要任务.
func taskName(t Task) string {
	if t.Item != "" {
		return clip(t.Item, 24)
	}
	return clip(t.Task, 24)
}

// workPlan runs WP-1 and WP-2. The report year decides what is due: a task
// whose deadline falls in the report year (or a month without a year, read
// as the report year) should be 已完成 by the time the report is written; one
// due before the report year and still not done is overdue. A later
// deadline, an ongoing task (长期坚持) or no deadline is never flagged.
func (c *checker) workPlan() {
	w := c.r.WorkPlan
	if w == nil || !c.ok("work_plan") || c.r.Year == 0 {
		return
	}
	for i, t := range w.Tasks {
		path := fmt.Sprintf("work_plan.tasks[%d]", i)
		if t.Deadline == "" {
			continue
		}
		d, ok := ParseDeadline(t.Deadline)
		if !ok {
			c.add(t.DeadlinePos, path+".deadline", "WP-2", "第 %d 项任务“%s”的完成时限“%s”无法识别，本工具无法判断是否到期。请写成如“%d年6月底”“%d年底”“%d年第三季度”或“长期坚持”", i+1, taskName(t), clip(t.Deadline, 30), c.r.Year, c.r.Year, c.r.Year)
			continue
		}
		if d.Ongoing || t.Status == StatusDone || t.Status == "" {
			continue
		}
		y := d.Year
		if y == 0 {
			y = c.r.Year
		}
		next := "请核对：已完成的改为“已完成”；确未完成的，在 result 中写明原因和下一步安排"
		if t.Result != "" {
			next = "请核对落实状态；result 中已有说明的，此警告可作为提醒保留"
		}
		switch {
		case y == c.r.Year:
			c.add(t.StatusPos, path+".status", "WP-1", "第 %d 项任务“%s”的完成时限“%s”在本报告年度（%d年）内，落实状态却是“%s”。%s", i+1, taskName(t), t.Deadline, c.r.Year, t.Status, next)
		case y < c.r.Year:
			c.add(t.StatusPos, path+".status", "WP-1", "第 %d 项任务“%s”的完成时限“%s”早于本报告年度（%d年），已逾期，落实状态仍是“%s”。%s", i+1, taskName(t), t.Deadline, c.r.Year, t.Status, next)
		}
	}
}

// WorkPlanHeading is the sub-heading of the ledger in section 六, without
// its number.
const WorkPlanHeading = "本年度政务公开工作要点落实情况"

// cnOrdinals are the sub-item numbers of section 六: （一） … （二十）.
var cnOrdinals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"}

// nextOrdinal returns the number for a sub-item that follows paras: when
// paragraphs begin with （一）（二）…, the next number (（四） after
// （三）); "" when the text is not numbered that way.
func nextOrdinal(paras []Para) string {
	last := 0
	for _, p := range paras {
		for i := len(cnOrdinals) - 1; i >= 0; i-- {
			if strings.HasPrefix(p.Text, "（"+cnOrdinals[i]+"）") || strings.HasPrefix(p.Text, "("+cnOrdinals[i]+")") {
				last = max(last, i+1)
				break
			}
		}
	}
	if last == 0 || last >= len(cnOrdinals) {
		return ""
	}
	return "（" + cnOrdinals[last] + "）"
}

// WorkPlanSummary is the summary sentence of the ledger, e.g.
// 《示例市2024年政务公开工作要点》共29项任务，已完成27项，推进中2项。
func WorkPlanSummary(w *WorkPlan) string {
	name := "本年度政务公开工作要点"
	if w.Title != "" {
		name = "《" + w.Title + "》"
	}
	done, doing, notDone := w.Counts()
	n := len(w.Tasks)
	if done == n {
		return fmt.Sprintf("%s共%d项任务，已全部完成。", name, n)
	}
	parts := []string{fmt.Sprintf("已完成%d项", done)}
	if doing > 0 {
		parts = append(parts, fmt.Sprintf("推进中%d项", doing))
	}
	if notDone > 0 {
		parts = append(parts, fmt.Sprintf("未完成%d项", notDone))
	}
	return fmt.Sprintf("%s共%d项任务，%s。", name, n, strings.Join(parts, "，"))
}

// flat joins the lines of a multi-line field (a 主要任务 imported from
// several table rows) into one paragraph.
func flat(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return joinLines(lines)
}

// workPlanSection lays out the ledger as a sub-section of section 六:
// numbered heading, summary line and the task table.
func workPlanSection(w *WorkPlan, sixth []Para) Section {
	s := Section{Heading: nextOrdinal(sixth) + WorkPlanHeading}
	s.Paras = []Para{{Text: WorkPlanSummary(w), Line: w.Pos.Line}}
	g := &Grid{ID: "workplan", Caption: "政务公开工作要点落实情况", Cols: 7, Widths: []int{6, 14, 26, 12, 10, 8, 24}}
	g.Head = [][]GridCell{{
		cell("序号", CellHead), cell("事项名称", CellHead), cell("主要任务", CellHead), cell("牵头部门", CellHead),
		cell("完成时限", CellHead), cell("落实状态", CellHead), cell("落实情况", CellHead),
	}}
	dash := func(s string) string {
		if s == "" {
			return NoValue
		}
		return s
	}
	for i, t := range w.Tasks {
		no := cell(fmt.Sprint(i+1), CellNumber)
		no.Key = fmt.Sprintf("work_plan.tasks[%d]", i)
		row := []GridCell{
			no,
			cell(dash(flat(t.Item)), CellLabel),
			cell(flat(t.Task), CellLabel),
			cell(dash(flat(t.Lead)), CellLabel),
			cell(dash(t.Deadline), CellLabel),
			cell(dash(t.Status), CellLabel),
			cell(dash(flat(t.Result)), CellLabel),
		}
		for j := range row {
			row[j].Line = t.Pos.Line
		}
		g.Body = append(g.Body, row)
	}
	s.Table = g
	return s
}

// MarshalWorkPlan writes w alone as a YAML fragment (work_plan: …), to be
// added to a report file.
func MarshalWorkPlan(w *WorkPlan) []byte {
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
