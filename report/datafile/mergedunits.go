package datafile

import (
	"fmt"
	"nianbao/report"
	"strings"

	"go.yaml.in/yaml/v3"
)

// mergedUnitKeys are the keys of one merged_units entry.
var mergedUnitKeys = []string{"organ", "status", "file"}

// mergedUnits reads the optional merged_units list of a region report: the
// roll-up ledger `nianbao merge` writes (organ, status, file).
func (l *loader) mergedUnits(n *yaml.Node, r *report.Report) {
	seq := deref(n)
	if seq.Kind != yaml.SequenceNode {
		l.add(seq, "merged_units", "S-4", "merged_units 应为单位列表（每项以“- ”开始，写 organ、status、file），实际为%s", kindName(seq))
		return
	}
	if r.Scope != report.ScopeRegion {
		l.add(seq, "merged_units", "S-7", "merged_units（汇总单位情况）只用于本级政府汇总报告（scope: region）。本机关报告请删除它")
	}
	seen := map[string]int{}
	r.MergedUnits = []report.MergedUnit{}
	for i, item := range seq.Content {
		path := fmt.Sprintf("merged_units[%d]", i)
		fs, ok := l.fields(item, path, "键值映射 {organ: 单位全称, status: 报送情况, file: 数据文件}", mergedUnitKeys, nil)
		if !ok {
			continue
		}
		u := report.MergedUnit{Pos: posOf(deref(item))}
		str := func(key string) (string, *yaml.Node, bool) {
			f, ok := fs[key]
			if !ok {
				return "", nil, false
			}
			s, ok := l.str(f.val, path+"."+key)
			if !ok {
				return "", nil, false
			}
			return strings.TrimSpace(l.cleanText(deref(f.val), path+"."+key, s)), deref(f.val), true
		}
		organ, on, ok := str("organ")
		switch {
		case on == nil && !ok:
			if _, has := fs["organ"]; !has {
				l.add(deref(item), path+".organ", "S-5", "汇总单位第 %d 项缺少 organ（单位全称）", i+1)
			}
			continue
		case organ == "":
			l.add(on, path+".organ", "S-5", "汇总单位第 %d 项的 organ 为空，请填写单位全称", i+1)
			continue
		}
		if line, dup := seen[organ]; dup {
			l.add(on, path+".organ", "S-3", "汇总单位“%s”重复：第 %d 行已经列出", organ, line)
			continue
		}
		seen[organ] = on.Line
		u.Organ = organ
		status, sn, ok := str("status")
		switch {
		case !ok:
			if _, has := fs["status"]; !has {
				l.add(deref(item), path+".status", "S-5", "汇总单位“%s”缺少 status（报送情况），应为“%s”之一", organ, strings.Join(report.MergedStatuses, "”“"))
			}
		case !contains(report.MergedStatuses, status):
			l.add(sn, path+".status", "S-7", "汇总单位“%s”的报送情况应为“%s”之一，实际为“%s”", organ, strings.Join(report.MergedStatuses, "”“"), report.Clip(status, 20))
		default:
			u.Status = status
		}
		if file, _, ok := str("file"); ok {
			u.File = file
		}
		r.MergedUnits = append(r.MergedUnits, u)
	}
	if len(seq.Content) == 0 {
		l.add(seq, "merged_units", "S-5", "merged_units 为空：汇总报告应列出参与汇总的全部单位，或删除 merged_units")
	}
}

// marshalMergedUnits writes the merged_units list, one flow mapping per unit.
func marshalMergedUnits(units []report.MergedUnit) *yaml.Node {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, u := range units {
		m := mapping()
		m.Style = yaml.FlowStyle
		put(m, "organ", strNode(u.Organ), "")
		put(m, "status", strNode(u.Status), "")
		if u.File != "" {
			put(m, "file", strNode(u.File), "")
		}
		seq.Content = append(seq.Content, m)
	}
	return seq
}

func mergedUnitsSchema() obj {
	unit := closed("一个参与汇总的单位", obj{
		{"organ", obj{{"type", "string"}, {"minLength", 1}, {"description", "单位全称"}}},
		{"status", obj{{"enum", report.MergedStatuses}, {"description", "报送情况：已报送、零报告（各表数字均为 0，表二现行有效件数等存量数除外）、未报送（未计入汇总）、有错误（仅在 --allow-errors 时计入汇总）或未能读取（文件不是年度报告数据文件，未计入汇总）"}}},
		{"file", obj{{"type", "string"}, {"description", "该单位的数据文件，相对于汇总清单所在目录"}}},
	}, []string{"organ", "status"})
	return obj{{"type", "array"}, {"minItems", 1}, {"description", "汇总单位情况（仅 scope: region，由 nianbao merge 写入）：清单中的每个单位及其报送情况，报告附“汇总单位情况”列明"}, {"items", unit}}
}
