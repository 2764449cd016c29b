package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// TrendDoc is the render model of one organ's multi-year page: every
// available year, every figure with its change from the previous available
// year, charts, and notes saying what is not comparable across the 2019 →
// 2021 edition change. Like Doc, every figure is final text; renderers do
// no arithmetic.
//
// The year-over-year figures come from Compare, one call per pair of
// consecutive years: which figures are comparable across editions, how
// （六）其他处理 is mapped and how amounts in 元 and 万元 are compared is
// decided there, once, for the compare command, the report's appendix and
// this page alike.
type TrendDoc struct {
	Organ  string
	Title  string // 示例市人民政府办公室政府信息公开工作年度报告历年数据
	Years  []int  // oldest first
	Notes  []string
	Tables []*Grid
	Charts []Chart
}

// trendApplicantsKey is the Key prefix of the 表三 row whose applicant
// columns get a table of their own (requests.received[0] … [6]).
const trendApplicantsKey = "requests.received["

// trendApplicants names the applicants table for trendKey: the applicant
// columns of 表三's first row.
const trendApplicants = "申请人"

// trendKey is the row of table a compared figure is shown in — its Key —,
// "" when it is not in that table (Detail rows belong to the applicants
// table only). Rows are aligned across years by Key, never by label: the
// same figure keeps its row when its label changes with the edition
// (处理决定数量 → 本年处理决定数量).
func trendKey(table string, r CompareRow) string {
	switch {
	case table == trendApplicants:
		if r.Table != cmpTableRequests || !strings.HasPrefix(r.Key, trendApplicantsKey) {
			return ""
		}
		return r.Key
	case r.Table != table || r.Detail:
		return ""
	}
	return r.Key
}

// trendFigure is how a figure (a Key) is shown on the trend page: the label
// and unit of the newest year that has it.
type trendFigure struct {
	Label, Unit string
}

// trendFigures chooses, for every Key of the comparisons, its label and
// unit: those of the newest comparison whose current year has the figure
// (so the newest edition's label), else of the newest comparison that
// mentions it. The applicant columns of the applicants table are labelled
// by column.
func trendFigures(cmps []Comparison) map[string]trendFigure {
	out := map[string]trendFigure{}
	final := map[string]bool{}
	for i := len(cmps) - 1; i >= 0; i-- {
		for _, r := range cmps[i].Rows {
			if final[r.Key] {
				continue
			}
			if _, seen := out[r.Key]; seen && r.Cur == NoValue {
				continue
			}
			out[r.Key] = trendFigure{Label: r.Label, Unit: r.Unit}
			final[r.Key] = r.Cur != NoValue
		}
	}
	return out
}

// trendApplicantLabel labels a row of the applicants table: 总计 or the
// applicant column of requests.received[k].
func trendApplicantLabel(key string) string {
	k, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(key, trendApplicantsKey), "]"))
	if err != nil || k < 0 || k > len(ApplicantColumns) {
		return key
	}
	if k == len(ApplicantColumns) {
		return T3TotalCol
	}
	return ApplicantColumns[k]
}

// trendRows is the union of the rows of one table over every comparison,
// in printed order: a row first seen in a later comparison (a figure of
// the newer edition) is placed after the row it follows there.
type trendRows struct {
	keys  []string
	byCmp []map[string]CompareRow // per comparison: key → its row
	figs  map[string]trendFigure
}

// add records row (under key) as comparison i's figure; after is the key
// of the row before it in that comparison, "" for its first row.
func (t *trendRows) add(i int, key, after string, row CompareRow) {
	t.byCmp[i][key] = row
	if slices.Contains(t.keys, key) {
		return
	}
	at := 0
	if after != "" {
		at = slices.Index(t.keys, after) + 1
	}
	t.keys = slices.Insert(t.keys, at, key)
}

// cell is year i's figure for key and its change from the previous
// available year, as Compare gives them ("—" where Compare finds the two
// not comparable or the figure is missing). A figure Compare printed in
// another unit than the row's (政府集中采购 in 元 one year, 万元 the next)
// is taken, converted, from the next year's comparison; the change is then
// not shown, as it is in the other unit.
func (t *trendRows) cell(i int, key string) (value, change string) {
	r, ok := t.byCmp[i][key]
	if !ok {
		return NoValue, NoValue
	}
	unit := t.figs[key].Unit
	if r.Unit == unit {
		if r.Comparable {
			return r.Cur, r.Delta
		}
		return r.Cur, NoValue
	}
	if i+1 < len(t.byCmp) {
		if n, ok := t.byCmp[i+1][key]; ok && n.Comparable && n.Unit == unit {
			return n.Base, NoValue
		}
	}
	if r.Cur == NoValue {
		return NoValue, NoValue
	}
	return r.Cur + r.Unit, NoValue
}

// trendGroup splits a Compare label into the group it belongs to and the
// rest: 表二 "第二十条第（一）项 规章：本年制发件数" at the space, 表三
// "（三）不予公开 1.属于国家秘密" at the space, 表四 "行政复议：总计" at the
// colon. Labels without a group return "".
func trendGroup(table, label string) (group, rest string) {
	sep := " "
	if table == cmpTableAppeals {
		sep = "："
	}
	if table == cmpTableActive || table == cmpTableRequests || table == cmpTableAppeals {
		if g, r, ok := strings.Cut(label, sep); ok {
			return g, r
		}
	}
	return "", label
}

// trendGrid lays out one table over the years: a label column, then per
// year its figure and, from the second year on, the change from the
// previous available year as Compare gives it ("—" where Compare finds the
// figures not comparable or one is missing). Rows are the union of every
// comparison's rows, one per Key, labelled as the newest year labels the
// figure; newest first: a figure only an older edition has is placed
// after the row it follows there; rows of one group (表二's
// 第二十条第（一）项, 表三's （三）不予公开, 表四's 行政复议) are kept
// together under a group row. The number cells carry the figure's Key.
func trendGrid(id, caption, table string, years []*Report, cmps []Comparison, figs map[string]trendFigure) *Grid {
	rows := &trendRows{byCmp: make([]map[string]CompareRow, len(cmps)), figs: figs}
	for i := len(cmps) - 1; i >= 0; i-- {
		rows.byCmp[i] = map[string]CompareRow{}
		after := ""
		for _, r := range cmps[i].Rows {
			key := trendKey(table, r)
			if key == "" {
				continue
			}
			rows.add(i, key, after, r)
			after = key
		}
	}
	if len(rows.keys) == 0 {
		return nil
	}
	label := func(key string) string {
		if table == trendApplicants {
			return trendApplicantLabel(key)
		}
		return figs[key].Label
	}
	// Keep each group together, where its first row is; rows without a
	// group stay in place.
	var order [][]string        // runs of keys: a group or a single ungrouped row
	members := map[string]int{} // group → its run in order
	for _, k := range rows.keys {
		grp, _ := trendGroup(table, label(k))
		if grp == "" {
			order = append(order, []string{k})
			continue
		}
		if i, ok := members[grp]; ok {
			order[i] = append(order[i], k)
			continue
		}
		members[grp] = len(order)
		order = append(order, []string{k})
	}
	cols := 2*len(years) - 1 + 1
	g := &Grid{ID: id, Caption: caption, Cols: cols, Widths: []int{40}}
	h1 := []GridCell{span(cell("项目", CellHead), 1, 2)}
	var h2 []GridCell
	for i, r := range years {
		y := fmt.Sprintf("%d年", r.Year)
		if i == 0 {
			h1 = append(h1, cell(y, CellHead))
			h2 = append(h2, cell("数量", CellHead))
			g.Widths = append(g.Widths, 10)
			continue
		}
		h1 = append(h1, span(cell(y, CellHead), 2, 1))
		chg := "较上年"
		if years[i-1].Year != r.Year-1 {
			chg = fmt.Sprintf("较%d年", years[i-1].Year)
		}
		h2 = append(h2, cell("数量", CellHead), cell(chg, CellHead))
		g.Widths = append(g.Widths, 10, 10)
	}
	g.Head = [][]GridCell{h1, h2}
	for _, run := range order {
		grp, _ := trendGroup(table, label(run[0]))
		indent := 0
		if grp != "" {
			gc := span(cell(grp, CellLabel), cols, 1)
			g.Body = append(g.Body, []GridCell{gc})
			indent = 1
		}
		for _, key := range run {
			_, text := trendGroup(table, label(key))
			lc := cell(text, CellLabel)
			lc.Indent = indent
			line := []GridCell{lc}
			num := func(s string) GridCell {
				c := cell(s, CellNumber)
				c.Key = key
				return c
			}
			for i := range years {
				value, change := rows.cell(i, key)
				line = append(line, num(value))
				if i > 0 {
					line = append(line, num(change))
				}
			}
			g.Body = append(g.Body, line)
		}
	}
	return g
}

// trendReasons lists, for every pair of years, the figures Compare did not
// compare or compared after mapping them (edition change, renamed columns,
// units), with its reason: the page says which figures are not comparable
// and why. Figures are named as the tables above name them.
func trendReasons(years []*Report, cmps []Comparison, figs map[string]trendFigure) *Grid {
	g := &Grid{ID: "trend-reasons", Caption: "不可比较或经换算比较的项目", Cols: 4, Widths: []int{14, 10, 38, 38}}
	g.Head = [][]GridCell{{cell("年度", CellHead), cell("表格", CellHead), cell("项目", CellHead), cell("说明", CellHead)}}
	for i := 1; i < len(cmps); i++ {
		period := fmt.Sprintf("%d年较%d年", years[i].Year, years[i-1].Year)
		for _, r := range cmps[i].Rows {
			if r.Detail || r.Reason == "" {
				continue
			}
			label := r.Label
			if f, ok := figs[r.Key]; ok {
				label = f.Label
			}
			g.Body = append(g.Body, []GridCell{cell(period, CellText), cell(r.Table, CellText), cell(label, CellLabel), cell(r.Reason, CellText)})
		}
	}
	if len(g.Body) == 0 {
		return nil
	}
	return g
}

// BuildTrend builds the multi-year page of one organ from its reports (any
// order; one per year — later duplicates are ignored).
func BuildTrend(reports []*Report) *TrendDoc {
	byYear := map[int]*Report{}
	for _, r := range reports {
		if r == nil {
			continue
		}
		if _, dup := byYear[r.Year]; !dup {
			byYear[r.Year] = r
		}
	}
	var years []*Report
	for _, r := range byYear {
		years = append(years, r)
	}
	slices.SortFunc(years, func(a, b *Report) int { return a.Year - b.Year })
	t := &TrendDoc{}
	if len(years) == 0 {
		return t
	}
	t.Organ = years[len(years)-1].Organ
	t.Title = t.Organ + "政府信息公开工作年度报告历年数据"
	cmps := make([]Comparison, len(years))
	for i, r := range years {
		t.Years = append(t.Years, r.Year)
		var base *Report
		if i > 0 {
			base = years[i-1]
		}
		cmps[i] = Compare(base, r)
	}
	first, last := years[0].Year, years[len(years)-1].Year
	period := fmt.Sprintf("%d—%d年", first, last)
	if first == last {
		period = fmt.Sprintf("%d年", first)
	}
	t.Notes = append(t.Notes, fmt.Sprintf("本页汇总%s共%d个年度的年度报告数据。“较上年”为与前一个有报告的年度相比的增减数；“—”表示该年度所用格式没有这一项，或这一项与前一年度统计口径不同、不能比较。", period, len(years)))
	var eds []string
	for _, ed := range []Edition{Ed2019, Ed2021} {
		var ys []string
		for _, r := range years {
			if r.Edition == ed {
				ys = append(ys, strconv.Itoa(r.Year))
			}
		}
		if len(ys) > 0 {
			eds = append(eds, fmt.Sprintf("%s年度报告使用%s规定的格式", strings.Join(ys, "、"), ed.Notice()))
		}
	}
	if len(eds) > 1 {
		t.Notes = append(t.Notes, strings.Join(eds, "，")+"。")
		for i := 1; i < len(cmps); i++ {
			if years[i-1].Edition != years[i].Edition {
				t.Notes = append(t.Notes, strings.Join(cmps[i].Notes, "；")+"。")
			}
		}
		t.Notes = append(t.Notes, "表三“（六）其他处理”在2019年版格式中为一行，在2021年版格式中分为三项：“"+OtherTotalLabel+"”一行逐年列出该行或三项之和，并与上年比较；三个分项只在使用2021年版格式的年度之间比较。表二中名称改变而含义相同的栏目（如“处理决定数量”改称“本年处理决定数量”）列在同一行，使用最新格式的名称；含义不同的栏目分行列出。各项是否可比及理由见本页最后的说明表。")
	}

	figs := trendFigures(cmps)
	for _, g := range []*Grid{
		trendGrid("trend-table3", "历年收到和处理政府信息公开申请情况（表三“总计”栏，单位：件）", cmpTableRequests, years, cmps, figs),
		trendGrid("trend-applicants", "历年本年新收政府信息公开申请（按申请人类型，单位：件）", trendApplicants, years, cmps, figs),
		trendGrid("trend-table4", "历年政府信息公开行政复议、行政诉讼情况（表四，单位：件）", cmpTableAppeals, years, cmps, figs),
		trendGrid("trend-table2", "历年主动公开政府信息情况（表二）", cmpTableActive, years, cmps, figs),
		trendGrid("trend-fees", "历年信息处理费情况", cmpTableFees, years, cmps, figs),
		trendReasons(years, cmps, figs),
	} {
		if g != nil {
			g.Place()
			t.Tables = append(t.Tables, g)
		}
	}
	t.Charts = trendCharts(years)
	return t
}

func trendCharts(years []*Report) []Chart {
	var cats []string
	for _, r := range years {
		cats = append(cats, fmt.Sprintf("%d年", r.Year))
	}
	req := Chart{ID: "chart-trend-requests", Title: "历年政府信息公开申请办理情况", Kind: "line", Unit: "件", Categories: cats,
		Series: []Series{{Name: "本年新收申请"}, {Name: "上年结转申请"}, {Name: "办结申请"}, {Name: "结转下年度"}}}
	var parts []string
	for _, r := range years {
		v := [4]int64{r.Row("received").Sum(), r.Row("carried_over").Sum(), OutcomeSum(r), r.Row("carried_forward").Sum()}
		for i := range v {
			req.Series[i].Values = append(req.Series[i].Values, v[i])
		}
		parts = append(parts, fmt.Sprintf("%d年新收%d件、上年结转%d件、办结%d件、结转下年度%d件", r.Year, v[0], v[1], v[2], v[3]))
	}
	req.Summary = strings.Join(parts, "；") + "。"

	oc := Chart{ID: "chart-trend-outcomes", Title: "历年办理结果（按类别）", Kind: "bar", Unit: "件", Categories: cats}
	groups := OutcomeGroups(Ed2021)
	for _, g := range groups {
		oc.Series = append(oc.Series, Series{Name: g.Label})
	}
	parts = nil
	for _, r := range years {
		var ps []string
		for gi, g := range OutcomeGroups(r.Edition) {
			var v int64
			for _, id := range g.IDs {
				v += r.Row(id).Sum()
			}
			if gi < len(oc.Series) {
				oc.Series[gi].Values = append(oc.Series[gi].Values, v)
			}
			ps = append(ps, fmt.Sprintf("%s%d件", g.Label, v))
		}
		parts = append(parts, fmt.Sprintf("%d年%s", r.Year, strings.Join(ps, "、")))
	}
	oc.Summary = strings.Join(parts, "；") + "。"

	ac := Chart{ID: "chart-trend-appeals", Title: "历年行政复议、行政诉讼案件数", Kind: "bar", Unit: "件", Categories: cats}
	for _, g := range Table4Rows {
		ac.Series = append(ac.Series, Series{Name: g.Titled})
	}
	parts = nil
	for _, r := range years {
		var ps []string
		for i, g := range Table4Rows {
			v := r.Appeals[i].Sum()
			ac.Series[i].Values = append(ac.Series[i].Values, v)
			ps = append(ps, fmt.Sprintf("%s%d件", g.Titled, v))
		}
		parts = append(parts, fmt.Sprintf("%d年%s", r.Year, strings.Join(ps, "、")))
	}
	ac.Summary = strings.Join(parts, "；") + "。"
	return []Chart{req, oc, ac}
}
