package check

import (
	"fmt"
	"nianbao/report"
)

// workPlan runs WP-1 and WP-2. The report year decides what is due: a task
// whose deadline falls in the report year (or a month without a year, read
// as the report year) should be 已完成 by the time the report is written; one
// due before the report year and still not done is overdue. A later
// deadline, an ongoing task (长期坚持) or no deadline is never flagged. A
// deadline that names a date among other words (持续推进，2024年6月底前完成)
// is judged by that date (the latest, when it names several); standing-task
// words make a task ongoing only when no date is named.
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
		d, ok := report.ParseDeadline(t.Deadline)
		if !ok {
			c.add(t.DeadlinePos, path+".deadline", "WP-2", "第 %d 项任务“%s”的完成时限“%s”中没有可识别的日期，也不是长期任务，本工具无法判断是否到期。请写成如“%d年6月底”“%d年底”“%d年第三季度”或“长期坚持”", i+1, report.TaskName(t), report.Clip(t.Deadline, 30), c.r.Year, c.r.Year, c.r.Year)
			continue
		}
		if d.Ongoing || t.Status == report.StatusDone || t.Status == "" {
			continue
		}
		y := d.Year
		if y == 0 {
			y = c.r.Year
		}
		dl := "“" + report.Clip(t.Deadline, 40) + "”"
		if d.Mixed {
			dl += "（按" + fmt.Sprint(y) + "年" + fmt.Sprint(d.Month) + "月计）"
		}
		next := "请核对：已完成的改为“已完成”；确未完成的，在 result 中写明原因和下一步安排"
		if t.Result != "" {
			next = "请核对落实状态；result 中已有说明的，此警告可作为提醒保留"
		}
		switch {
		case y == c.r.Year:
			c.add(t.StatusPos, path+".status", "WP-1", "第 %d 项任务“%s”的完成时限%s在本报告年度（%d年）内，落实状态却是“%s”。%s", i+1, report.TaskName(t), dl, c.r.Year, t.Status, next)
		case y < c.r.Year:
			c.add(t.StatusPos, path+".status", "WP-1", "第 %d 项任务“%s”的完成时限%s早于本报告年度（%d年），已逾期，落实状态仍是“%s”。%s", i+1, report.TaskName(t), dl, c.r.Year, t.Status, next)
		}
	}
}
