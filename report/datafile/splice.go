package datafile

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"

	"nianbao/report"
)

// SpliceWorkPlan returns the data file text src with its top-level
// work_plan block (and the comment lines right above its key) replaced by
// frag, or with frag appended after a blank line when src has none.
// Everything else, comments included, stays byte for byte as written.
//
// frag is a complete top-level block as datafile.MarshalWorkPlan writes it.
// The errors (in Chinese, for the user) say why src cannot be edited this
// way: it is not YAML, its top level is not a block mapping, or its
// work_plan key is indented.
func SpliceWorkPlan(src, frag []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, errors.New("文件不是有效的 YAML")
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("文件顶层不是“键: 值”映射")
	}
	top := doc.Content[0]
	if top.Style&yaml.FlowStyle != 0 {
		return nil, errors.New("文件顶层写成了 { } 形式，无法插入；请改为每个键一行")
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	isNote := func(l []byte) bool {
		t := bytes.TrimSpace(l)
		return len(t) == 0 || t[0] == '#'
	}
	start, end := -1, len(lines)
	for i := 0; i+1 < len(top.Content); i += 2 {
		k := top.Content[i]
		if k.Value != "work_plan" {
			continue
		}
		if k.Column != 1 {
			return nil, errors.New("work_plan 键没有顶格书写")
		}
		start = k.Line - 1
		for start > 0 && isNote(lines[start-1]) && len(bytes.TrimSpace(lines[start-1])) > 0 {
			start-- // its own comment lines
		}
		if i+2 < len(top.Content) {
			end = top.Content[i+2].Line - 1
			for end > start && isNote(lines[end-1]) {
				end-- // comments and blank lines above the next key are the next key's
			}
		}
		break
	}
	var out bytes.Buffer
	if start < 0 {
		out.Write(src)
		if len(src) > 0 && !bytes.HasSuffix(src, []byte("\n")) {
			out.WriteByte('\n')
		}
		out.WriteByte('\n')
		out.Write(frag)
		return out.Bytes(), nil
	}
	for _, l := range lines[:start] {
		out.Write(l)
	}
	out.Write(frag)
	if end < len(lines) {
		out.WriteByte('\n')
	}
	for _, l := range lines[end:] {
		out.Write(l)
	}
	return out.Bytes(), nil
}

// CarryOver copies status and result from the tasks of old to the tasks of
// plan with the same 事项名称 (Item) and 主要任务 (Task), so re-importing a
// 任务分解表 keeps what was filled in, and returns how many tasks it matched.
func CarryOver(old, plan *report.WorkPlan) int {
	byKey := map[string]report.Task{}
	for _, t := range old.Tasks {
		byKey[t.Item+"\x00"+t.Task] = t
	}
	n := 0
	for i, t := range plan.Tasks {
		if o, ok := byKey[t.Item+"\x00"+t.Task]; ok && o.Status != "" {
			plan.Tasks[i].Status, plan.Tasks[i].Result = o.Status, o.Result
			n++
		}
	}
	return n
}

// WorkPlanImport is the outcome of ImportWorkPlan.
type WorkPlanImport struct {
	Next     []byte // the data file with the new work_plan
	Replaced bool   // the file had a work_plan, now replaced
	Kept     int    // tasks whose status and result were carried over (CarryOver)
	// TitleYear is the year in the plan's title (如“2024年政务公开工作要点”)
	// when it differs from the report's year, else 0: the wrong table was
	// probably chosen.
	TitleYear int
	Year      int // the report's year
	Old       int // tasks of the file's work_plan before the import (0 when it had none)
	// Dropped are the tasks of the file's work_plan that were filled in
	// (Filled) and that no task of the new plan matches (CarryOver's key):
	// writing Next deletes them. In the old plan's order.
	Dropped []DroppedTask
}

// DroppedTask is a filled-in task of the old work_plan that an import
// would delete.
type DroppedTask struct {
	N    int // its number in the old plan, from 1
	Task report.Task
}

// Filled reports whether the clerk has filled in a task's outcome: a
// result is written, or its status is other than 推进中 (the status new
// tasks are imported with).
func Filled(t report.Task) bool {
	return t.Result != "" || (t.Status != "" && t.Status != report.StatusInProgress)
}

var titleYearRE = regexp.MustCompile(`(\d{4})年`)

// ImportWorkPlan puts plan into the data file src (named name in
// problems) as its work_plan, the job of `workplan import --into`: the
// status and result of tasks already in the file carry over (CarryOver),
// and the rest of the file stays byte for byte (SpliceWorkPlan). The
// filled-in old tasks that the new plan drops are listed in Dropped: the
// caller decides whether to write Next. It
// returns the load problems of src when src cannot be read (nothing is
// changed then), and an error when the result would read worse than src.
func ImportWorkPlan(name string, src []byte, plan *report.WorkPlan) (WorkPlanImport, report.Problems, error) {
	var res WorkPlanImport
	r, ps := Parse(name, src)
	if r == nil {
		return res, ps, fmt.Errorf("%s 无法读取，未导入。请先修正上面的错误", name)
	}
	res.Year = r.Year
	if r.WorkPlan != nil {
		res.Replaced = true
		res.Old = len(r.WorkPlan.Tasks)
		res.Kept = CarryOver(r.WorkPlan, plan)
		keys := map[string]bool{}
		for _, t := range plan.Tasks {
			keys[t.Item+"\x00"+t.Task] = true
		}
		for i, t := range r.WorkPlan.Tasks {
			if Filled(t) && !keys[t.Item+"\x00"+t.Task] {
				res.Dropped = append(res.Dropped, DroppedTask{N: i + 1, Task: t})
			}
		}
	}
	if m := titleYearRE.FindStringSubmatch(plan.Title); m != nil && r.Year != 0 {
		if y, _ := strconv.Atoi(m[1]); y != r.Year {
			res.TitleYear = y
		}
	}
	next, err := SpliceWorkPlan(src, MarshalWorkPlan(plan))
	if err != nil {
		return res, nil, fmt.Errorf("%s：%v，未导入", name, err)
	}
	after, ps2 := Parse(name, next)
	if after == nil || ps2.Count(report.Error) > ps.Count(report.Error) {
		var errs report.Problems
		for _, p := range ps2 {
			if p.Severity == report.Error {
				errs = append(errs, p)
			}
		}
		return res, errs, fmt.Errorf("写入 work_plan 后 %s 无法正常读取，未改动文件", name)
	}
	res.Next = next
	return res, nil, nil
}
