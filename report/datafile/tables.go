package datafile

import (
	"fmt"
	"nianbao/report"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// otherEditionHint explains, lazily, keys that belong to the other edition.
func otherEditionHint(ed report.Edition, keys []string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		if !contains(keys, k) {
			return "", false
		}
		return fmt.Sprintf("这是 %s 版格式的键，本报告按 %s 版（%s）填写。请按 `nianbao init` 生成的 %s 版模板改写", otherEdition(ed), ed, ed.Notice(), ed), true
	}
}

func (l *loader) active(n *yaml.Node, r *report.Report) {
	ed := r.Edition
	blocks := ed.Table2()
	var rowKeys []string
	for _, b := range blocks {
		for _, row := range b.Rows {
			rowKeys = append(rowKeys, row.Key)
		}
	}
	var otherRows []string
	for _, b := range otherEdition(ed).Table2() {
		for _, row := range b.Rows {
			if !contains(rowKeys, row.Key) {
				otherRows = append(otherRows, row.Key)
			}
		}
	}
	rule := "T2-1"
	if ed == report.Ed2019 {
		rule = "T2-2"
	}
	rows, ok := l.fields(n, "active", "键值映射（表二各行）", rowKeys, otherEditionHint(ed, otherRows))
	if !ok {
		return
	}
	for _, b := range blocks {
		for _, row := range b.Rows {
			path := "active." + row.Key
			f, ok := rows[row.Key]
			if !ok {
				l.addAt(r.Pos.Active, path, "S-5", "缺少表二“%s”一行（%s）：请在“active:”下补上一行 %s。没有的请各项填 0", row.Label, b.Caption, row.Key)
				continue
			}
			colKeys := make([]string, 0, len(b.Cols)+1)
			for _, c := range b.Cols {
				colKeys = append(colKeys, c.Key)
			}
			if row.Key == "procurement" {
				colKeys = append(colKeys, "unit")
			}
			var otherCols []string
			for _, ob := range otherEdition(ed).Table2() {
				for _, oc := range ob.Cols {
					if !contains(colKeys, oc.Key) && !contains(otherCols, oc.Key) {
						otherCols = append(otherCols, oc.Key)
					}
				}
			}
			cs, ok := l.fields(f.val, path, "键值映射，例如 {"+strings.Join(colKeys, ": 0, ")+": 0}", colKeys, otherEditionHint(ed, otherCols))
			if !ok {
				continue
			}
			for _, c := range b.Cols {
				cp := path + "." + c.Key
				cf, ok := cs[c.Key]
				if !ok {
					l.add(deref(f.val), cp, "S-5", "缺少“%s”的“%s”（%s）。空白不等于 0：没有的请填写 0", row.Label, c.Label, c.Key)
					continue
				}
				idx := ed.Table2Index(row.Key, c.Key)
				cell := report.Cell{Pos: posOf(deref(cf.val))}
				switch c.Kind {
				case report.KindCount:
					cell.Int, _ = l.count(cf.val, cp, rule)
				case report.KindChange:
					cell.Int, _ = l.integer(cf.val, cp, rule)
				case report.KindAmount:
					hint := "，单位为万元"
					if row.Key == "procurement" {
						hint = "，单位写在 unit: 元 或 unit: 万元"
					}
					cell.Amount, _ = l.amount(cf.val, cp, rule, hint)
				}
				r.Active[idx] = cell
			}
			if row.Key == "procurement" {
				r.ProcUnit = "万元"
				if uf, ok := cs["unit"]; ok {
					if s, ok := l.str(uf.val, path+".unit"); ok {
						if s != "元" && s != "万元" {
							l.add(deref(uf.val), path+".unit", "T2-2", "采购总金额的单位应为“元”或“万元”，实际为“%s”", s)
						} else {
							r.ProcUnit = s
						}
					}
				}
			}
		}
	}
}

func otherEdition(ed report.Edition) report.Edition {
	if ed == report.Ed2019 {
		return report.Ed2021
	}
	return report.Ed2019
}

// requests reads 表三. Its YAML shape is derived from the edition's row IDs:
// "withheld.state_secret" is key state_secret inside the map withheld.
func (l *loader) requests(n *yaml.Node, r *report.Report) {
	ed := r.Edition
	rows := ed.Table3()
	var topKeys []string
	groups := map[string][]string{}
	for _, row := range rows {
		g, k, nested := strings.Cut(row.ID, ".")
		if !nested {
			topKeys = append(topKeys, row.ID)
			continue
		}
		if _, seen := groups[g]; !seen {
			topKeys = append(topKeys, g)
		}
		groups[g] = append(groups[g], k)
	}
	fs, ok := l.fields(n, "requests", "键值映射（表三各行）", topKeys, nil)
	if !ok {
		return
	}
	groupFields := map[string]map[string]field{}
	for _, g := range topKeys {
		members, isGroup := groups[g]
		if !isGroup {
			continue
		}
		f, ok := fs[g]
		if !ok {
			l.addAt(r.Pos.Requests, "requests."+g, "S-5", "缺少表三“%s”一组：请在“requests:”下补上 %s:，其下各行（%s）没有的填 [0, 0, 0, 0, 0, 0]", rows[ed.T3Index(g+"."+members[0])].Group, g, strings.Join(members, "、"))
			continue
		}
		v := deref(f.val)
		if ed == report.Ed2021 && g == "other" && v.Kind == yaml.SequenceNode {
			l.add(v, "requests.other", "S-4", "2021 版的“（六）其他处理”分为三项，应写成 no_correction、fee_unpaid、other 三行（各 6 个数）；只有 2019 版才是一行")
			continue
		}
		if gf, ok := l.fields(f.val, "requests."+g, "键值映射（"+strings.Join(members, "、")+"）", members, nil); ok {
			groupFields[g] = gf
		}
	}
	for i, row := range rows {
		path := "requests." + row.ID
		var f field
		var ok bool
		if g, k, nested := strings.Cut(row.ID, "."); nested {
			gf, gok := groupFields[g]
			if !gok {
				continue // reported above
			}
			f, ok = gf[k]
			if !ok {
				l.add(fs[g].key, path, "S-5", "缺少表三“%s %s”一行：请在“%s:”下补上 %s: [0, 0, 0, 0, 0, 0]（填实际数字）。空白不等于 0", row.Group, row.Label, g, k)
				continue
			}
		} else {
			f, ok = fs[row.ID]
			if !ok {
				if row.Kind == report.T3Total {
					continue // optional: computed when absent
				}
				l.addAt(r.Pos.Requests, path, "S-5", "缺少表三“%s”一行：请在“requests:”下补上 %s: [0, 0, 0, 0, 0, 0]（填实际数字）。空白不等于 0", row.Label, row.ID)
				continue
			}
			if ed == report.Ed2019 && row.ID == "other" && deref(f.val).Kind == yaml.MappingNode {
				l.add(deref(f.val), path, "S-4", "2019 版的“（六）其他处理”只有一行，应写成 6 个数的列表，例如 other: [0, 0, 0, 0, 0, 0]；分三项是 2021 版格式")
				continue
			}
		}
		r.Requests[i] = l.appRow(f.val, path, row.Label)
	}
}

func (l *loader) appRow(n *yaml.Node, path, label string) report.AppRow {
	n = deref(n)
	row := report.AppRow{Pos: posOf(n)}
	if n.Kind != yaml.SequenceNode {
		if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
			l.add(n, path, "S-5", "“%s”为空。空白不等于 0：没有的请填 [0, 0, 0, 0, 0, 0]", label)
		} else {
			l.add(n, path, "S-4", "“%s”应为 6 个数的列表 [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]，实际为%s", label, kindName(n))
		}
		return row
	}
	if !l.splitSeqNumbers(n, path, label) {
		return row
	}
	if k := len(n.Content); k != 6 && k != 7 {
		l.add(n, path, "S-6", "“%s”有 %d 个数，应为 6 个（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）或 7 个（再加总计）。请补齐，没有的填 0", label, k)
		return row
	}
	for j, c := range n.Content {
		col := "总计"
		if j < 6 {
			col = report.ApplicantColumns[j]
		}
		cd := deref(c)
		row.CellPos[j] = posOf(cd)
		var v int64
		var ok bool
		if cd.Kind == yaml.ScalarNode && cd.ShortTag() == "!!int" && report.IsPlainInt(cd.Value) && cd.Value[0] != '-' && (cd.Value[0] != '0' || len(cd.Value) == 1) && len(cd.Value) < 13 {
			v, _ = strconv.ParseInt(cd.Value, 10, 64) // the common case, no path needed
			ok = true
		} else {
			v, ok = l.count(c, fmt.Sprintf("%s[%d]", path, j), "T3-6")
		}
		if !ok {
			// Name the column: the generic message does not.
			last := &l.ps[len(l.ps)-1]
			last.Msg = fmt.Sprintf("“%s”的“%s”列：%s", label, col, last.Msg)
			continue
		}
		if j < 6 {
			row.Cells[j] = v
		} else {
			row.Printed, row.HasTotal = v, true
		}
	}
	return row
}

func (l *loader) appeals(n *yaml.Node, r *report.Report) {
	keys := []string{report.Table4Rows[0].Key, report.Table4Rows[1].Key, report.Table4Rows[2].Key}
	fs, ok := l.fields(n, "appeals", "键值映射（review、litigation_direct、litigation_after_review）", keys, nil)
	if !ok {
		return
	}
	colKeys := make([]string, len(report.Table4Cols))
	for i, c := range report.Table4Cols {
		colKeys[i] = c.Key
	}
	for i, g := range report.Table4Rows {
		path := "appeals." + g.Key
		f, ok := fs[g.Key]
		if !ok {
			l.addAt(r.Pos.Appeals, path, "S-5", "缺少表四“%s”一组：请在“appeals:”下补上 %s:。没有案件的请各项填 0", g.Titled, g.Key)
			continue
		}
		cs, ok := l.fields(f.val, path, "键值映射，例如 {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}", colKeys, nil)
		if !ok {
			continue
		}
		row := report.AppealRow{Pos: posOf(deref(f.val))}
		for j, c := range report.Table4Cols {
			cf, ok := cs[c.Key]
			if !ok {
				if c.Key != "total" {
					l.add(deref(f.val), path+"."+c.Key, "S-5", "缺少“%s”的“%s”（%s）。空白不等于 0：没有的请填写 0", g.Titled, c.Label, c.Key)
				}
				continue
			}
			row.ValPos[j] = posOf(deref(cf.val))
			v, ok := l.count(cf.val, path+"."+c.Key, "T4-2")
			if !ok {
				continue
			}
			if j < 4 {
				row.Vals[j] = v
			} else {
				row.Printed, row.HasTotal = v, true
			}
		}
		r.Appeals[i] = row
	}
}

func (l *loader) fees(n *yaml.Node, r *report.Report) {
	keys := []string{report.FeeFields[0].Key, report.FeeFields[1].Key, report.FeeFields[2].Key}
	fs, ok := l.fields(n, "processing_fees", "键值映射（notices、notified_amount、collected）", keys, nil)
	if !ok {
		return
	}
	fee := &report.Fees{}
	for i, ff := range report.FeeFields {
		path := "processing_fees." + ff.Key
		f, ok := fs[ff.Key]
		if !ok {
			l.addAt(r.Pos.Fees, path, "S-5", "缺少信息处理费的“%s”：请在“processing_fees:”下补上 %s:。没有的请填写 0", ff.Label, ff.Key)
			continue
		}
		fee.Pos[i] = posOf(deref(f.val))
		switch ff.Kind {
		case report.KindCount:
			fee.Notices, _ = l.count(f.val, path, "S-4")
		case report.KindAmount:
			d, _ := l.amount(f.val, path, "S-4", "，单位为元")
			if i == 1 {
				fee.NotifiedAmount = d
			} else {
				fee.Collected = d
			}
		}
	}
	r.Fees = fee
}
