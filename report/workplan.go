package report

import (
	"fmt"
	"strings"
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

// WorkPlanKeys and TaskKeys are the YAML keys, in canonical order.
var (
	WorkPlanKeys = []string{"title", "tasks"}
	TaskKeys     = []string{"item", "task", "lead", "units", "deadline", "status", "result"}
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

// TaskName names a task in messages: its 事项名称, or the start of its 主要任务.
func TaskName(t Task) string {
	if t.Item != "" {
		return Clip(t.Item, 24)
	}
	return Clip(t.Task, 24)
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
			cell(dash(flat(t.Item)), CellText),
			cell(flat(t.Task), CellLabel), // the row's header: the task
			cell(dash(flat(t.Lead)), CellText),
			cell(dash(t.Deadline), CellText),
			cell(dash(t.Status), CellText),
			cell(dash(flat(t.Result)), CellText),
		}
		for j := range row {
			row[j].Line = t.Pos.Line
		}
		g.Body = append(g.Body, row)
	}
	s.Table = g
	return s
}

// Equal reports whether two work plans have the same title and tasks,
// ignoring the file positions they were read from. Two nil plans are equal.
func (a *WorkPlan) Equal(b *WorkPlan) bool {
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
