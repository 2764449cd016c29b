package datafile

import (
	"bytes"
	"errors"

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
