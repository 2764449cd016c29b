package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// This file selects the main figures of a year-over-year comparison for the
// appendix 附：主要数据同比情况 that Build adds when the previous year's
// report is at hand. The figures and their changes come from Compare's
// arithmetic (exact integers and decimals, "—" for a base of 0); only the
// choice of rows and the layout are made here.

// mainT2 lists, per edition of the current report, the 表二 cells shown:
// documents made and in force, the decisions of 许可、处罚、强制, and fees.
var mainT2 = map[Edition][][2]string{
	Ed2021: {
		{"rules", "issued"}, {"rules", "in_force"},
		{"normative_documents", "issued"}, {"normative_documents", "in_force"},
		{"licensing", "decisions"}, {"penalty", "decisions"}, {"coercion", "decisions"},
		{"fees", "amount"},
	},
	Ed2019: {
		{"rules", "made"}, {"rules", "total"},
		{"normative_documents", "made"}, {"normative_documents", "total"},
		{"licensing", "decisions"}, {"penalty", "decisions"}, {"coercion", "decisions"},
	},
}

// MainFigure is one row of the appendix: a figure of both years with its
// change, fully formatted.
type MainFigure struct {
	CompareRow
	Short string // the label as the appendix prints it, under its table's heading
	Level int    // indent: 0 for a head row, 1 for a sub-row
}

// MainFigures compares the main figures of cur with base (the previous
// year's report, not nil): 表二's key cells, 表三's new, carried-over,
// outcome groups, 总计 and carried-forward applications, and 表四's three
// totals. Across the 2019→2021 edition change 表三 is compared row by row,
// （六）其他处理 as the sum of its parts; 表二 cells whose meaning changed
// are listed as not comparable with the reason.
func MainFigures(base, cur *Report) (rows []MainFigure, notes []string) {
	all := Compare(base, cur)
	byKey := map[string]CompareRow{}
	for _, r := range all.Rows {
		byKey[r.Key] = r
	}
	// 表二.
	for _, rc := range mainT2[cur.Edition] {
		_, row, col, ok := cmpT2Ref(cur.Edition, rc[0], rc[1])
		if !ok {
			continue
		}
		r, ok := byKey[cmpT2Key(rc[0], rc[1])]
		if !ok {
			continue
		}
		rows = append(rows, MainFigure{CompareRow: r, Short: row.Label + "：" + col.Label})
	}
	// 表三: group sums, computed with Compare's arithmetic.
	var c Comparison
	add := func(id, short string, level int, b, k [6]int64, reason string) {
		c.row(cmpTableRequests, cmpT3Key(id, 6), short, cmpInt(cmpSum6(b)), cmpInt(cmpSum6(k)), reason)
		rows = append(rows, MainFigure{CompareRow: c.Rows[len(c.Rows)-1], Short: short, Level: level})
	}
	cells := func(r *Report, id string) [6]int64 {
		v, _ := cmpT3Cells(r, id)
		return v
	}
	for _, row := range cur.Edition.Table3() {
		switch row.Kind {
		case T3Received, T3CarriedOver:
			add(row.ID, row.Label, 0, cells(base, row.ID), cells(cur, row.ID), "")
		}
	}
	seen := map[string]bool{}
	for _, row := range cur.Edition.Table3() {
		if row.Kind != T3Outcome {
			continue
		}
		g, _, _ := strings.Cut(row.ID, ".")
		if seen[g] {
			continue
		}
		seen[g] = true
		label := row.Group
		if label == "" {
			label = row.Label
		}
		if i := strings.Index(label, "）"); strings.HasPrefix(label, "（") && i > 0 {
			label = label[:i+len("）")] + shortOutcome(label)
		}
		reason := ""
		if g == "other" && base.Edition != cur.Edition {
			reason = "2021版分为三项，2019版为一行，按合计比较"
		}
		add(g, label, 1, cmpT3Group(base, g), cmpT3Group(cur, g), reason)
	}
	for _, row := range cur.Edition.Table3() {
		switch row.Kind {
		case T3Total:
			add(row.ID, row.Label, 1, cells(base, row.ID), cells(cur, row.ID), "")
		case T3CarriedForward:
			add(row.ID, row.Label, 0, cells(base, row.ID), cells(cur, row.ID), "")
		}
	}
	// 表四: the three totals.
	total := Table4Cols[len(Table4Cols)-1]
	for _, g := range Table4Rows {
		if r, ok := byKey["appeals."+g.Key+"."+total.Key]; ok {
			rows = append(rows, MainFigure{CompareRow: r, Short: g.Titled + "：" + total.Label})
		}
	}
	return rows, all.Notes
}

// compareAppendix lays out MainFigures as 附：主要数据同比情况.
func compareAppendix(prev, r *Report) Section {
	rows, notes := MainFigures(prev, r)
	withReason := false
	for _, m := range rows {
		if m.Reason != "" {
			withReason = true
		}
	}
	cols := 5
	widths := []int{40, 14, 14, 14, 18}
	if withReason {
		cols = 6
		widths = []int{30, 10, 10, 10, 12, 28}
	}
	g := &Grid{ID: "compare", Caption: "附表 主要数据同比情况", Cols: cols, Widths: widths}
	head := []GridCell{
		cell("指标", CellHead),
		cell(fmt.Sprintf("%d年", prev.Year), CellHead),
		cell(fmt.Sprintf("%d年", r.Year), CellHead),
		cell("增减", CellHead),
		cell("增减率", CellHead),
	}
	if withReason {
		head = append(head, cell("说明", CellHead))
	}
	g.Head = [][]GridCell{head}
	tables := map[string]string{
		cmpTableActive:   "表二 主动公开政府信息情况",
		cmpTableRequests: "表三 收到和处理政府信息公开申请情况（件）",
		cmpTableAppeals:  "表四 政府信息公开行政复议、行政诉讼情况（件）",
	}
	last, lastLevel := "", 0
	for _, m := range rows {
		if m.Table != last {
			last = m.Table
			g.Body = append(g.Body, []GridCell{span(cell(tables[m.Table], CellHead), cols, 1)})
		}
		if m.Table == cmpTableRequests && m.Level == 1 && lastLevel == 0 {
			g.Body = append(g.Body, []GridCell{span(cell(T3ResultsGroup, CellLabel), cols, 1)})
		}
		lastLevel = m.Level
		label := cell(m.Short, CellLabel)
		label.Indent = m.Level
		// The figures and signs are Compare's (see Signed), as in every output.
		line := []GridCell{label, cell(m.Base, CellNumber), cell(m.Cur, CellNumber)}
		if m.Comparable {
			line = append(line, cell(m.Delta, CellNumber), cell(m.Percent, CellNumber))
		} else {
			line = append(line, span(cell("不可比", CellNote), 2, 1))
		}
		if withReason {
			line = append(line, cell(m.Reason, CellNote))
		}
		g.Body = append(g.Body, line)
	}
	s := Section{Heading: "附：主要数据同比情况", Table: g}
	s.Paras = append(s.Paras, Para{Text: fmt.Sprintf(
		"下表列出%d年度主要数据与%d年度的比较。增减为本年数减上年数；增减率以上年数为基数，保留一位小数，上年数为0时不计算，记为“%s”。",
		r.Year, prev.Year, NoValue)})
	for _, n := range notes {
		s.Notes = append(s.Notes, Para{Text: "说明：" + n + "。"})
	}
	return s
}

// MergedSummary counts a roll-up ledger by status: 共 5 个单位：已报送 4 个，
// 零报告 1 个，未报送 0 个，有错误 0 个; 未能读取 and any other status
// only when some unit has it, in order of first appearance.
func MergedSummary(units []MergedUnit) string {
	n := map[string]int{}
	var others []string
	for _, u := range units {
		if n[u.Status] == 0 && !slices.Contains(MergedStatuses[:4], u.Status) {
			others = append(others, u.Status)
		}
		n[u.Status]++
	}
	var parts []string
	for _, s := range append(slices.Clone(MergedStatuses[:4]), others...) {
		label := s
		if label == "" {
			label = NoValue
		}
		parts = append(parts, fmt.Sprintf("%s %d 个", label, n[s]))
	}
	return fmt.Sprintf("共 %d 个单位：%s", len(units), strings.Join(parts, "，"))
}

// mergedAppendix lays out a region report's merged_units as 附：汇总单位情况:
// every unit with its status and whether its figures are in the totals.
// Data file paths are not printed.
func mergedAppendix(r *Report) Section {
	g := &Grid{ID: "merged-units", Caption: "附表 汇总单位情况", Cols: 4, Widths: []int{8, 52, 16, 24}}
	g.Head = [][]GridCell{{cell("序号", CellHead), cell("单位", CellHead), cell("报送情况", CellHead), cell("是否计入汇总数", CellHead)}}
	var missing, unreadable []string
	for i, u := range r.MergedUnits {
		in := "是"
		switch {
		case u.Status == "":
			in = NoValue
		case !MergedCounted(u.Status):
			in = "否"
		}
		switch u.Status {
		case "未报送":
			missing = append(missing, u.Organ)
		case "未能读取":
			unreadable = append(unreadable, u.Organ)
		}
		status := u.Status
		if status == "" {
			status = NoValue
		}
		g.Body = append(g.Body, []GridCell{cell(strconv.Itoa(i+1), CellNumber), cell(u.Organ, CellLabel), cell(status, CellText), cell(in, CellText)})
	}
	s := Section{Heading: "附：汇总单位情况", Table: g}
	s.Paras = append(s.Paras, Para{Line: r.Pos.MergedUnits.Line, Text: fmt.Sprintf(
		"本报告的统计数字由%s汇总所属单位的年度报告数据形成。%s。零报告指该单位本年度各表数字均为0（现行有效件数等存量数除外）。",
		r.Organ, MergedSummary(r.MergedUnits))})
	if len(missing) > 0 {
		s.Notes = append(s.Notes, Para{Text: "说明：" + strings.Join(missing, "、") + "未报送年度报告数据，汇总数不含其数字。"})
	}
	if len(unreadable) > 0 {
		s.Notes = append(s.Notes, Para{Text: "说明：" + strings.Join(unreadable, "、") + "报送的文件未能读取（不是年度报告数据文件），汇总数不含其数字。"})
	}
	return s
}
