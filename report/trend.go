package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// TrendDoc is the render model of one organ's multi-year page: every
// available year, the figures that can be compared across years with their
// change from the previous available year, charts, and notes saying what is
// not comparable across the 2019 → 2021 edition change. Like Doc, every
// figure is final text; renderers do no arithmetic.
type TrendDoc struct {
	Organ  string
	Title  string // 示例市人民政府办公室政府信息公开工作年度报告历年数据
	Years  []int  // oldest first
	Notes  []string
	Tables []*Grid
	Charts []Chart
}

// trendFigure is one comparable figure: value reports the figure for a
// report, ok is false when the report's edition has no such figure.
type trendFigure struct {
	label  string
	indent int
	header bool // a label-only row that groups the rows below it
	value  func(r *Report) (Decimal, bool)
	unit   func(r *Report) string // printed after the value (2019 procurement amount), or nil
}

func t3Figure(id, label string, indent int) trendFigure {
	return trendFigure{label: label, indent: indent, value: func(r *Report) (Decimal, bool) {
		i := r.Edition.T3Index(id)
		if i < 0 || i >= len(r.Requests) {
			return Decimal{}, false
		}
		return Decimal{Mant: r.Requests[i].Sum()}, true
	}}
}

func headerFigure(label string, indent int) trendFigure {
	return trendFigure{label: label, indent: indent, header: true}
}

// otherOutcomeSum is （六）其他处理 in both editions: the single 2019 row or
// the sum of the three 2021 sub-rows.
func otherOutcomeSum(r *Report) int64 {
	var s int64
	for i, row := range r.Edition.Table3() {
		if i < len(r.Requests) && (row.ID == "other" || strings.HasPrefix(row.ID, "other.")) {
			s += r.Requests[i].Sum()
		}
	}
	return s
}

// table3Figures lists the rows of 表三 (总计 column) in printed order,
// with （六）其他处理 as one comparable figure and its 2021 sub-rows after it.
func table3Figures() []trendFigure {
	var out []trendFigure
	ed := Ed2021.Table3()
	lastGroup := ""
	inResults := false
	for _, row := range ed {
		if row.Level > 0 && !inResults {
			out = append(out, headerFigure(T3ResultsGroup, 0))
			inResults = true
		}
		if row.Group != lastGroup && row.Group != "" {
			if row.Group == "（六）其他处理" {
				out = append(out, trendFigure{label: "（六）其他处理（2021年版为下列三项之和）", indent: 1, value: func(r *Report) (Decimal, bool) {
					return Decimal{Mant: otherOutcomeSum(r)}, true
				}})
			} else {
				out = append(out, headerFigure(row.Group, 1))
			}
		}
		lastGroup = row.Group
		switch {
		case row.Kind == T3Total:
			out = append(out, trendFigure{label: row.Label, indent: 1, value: func(r *Report) (Decimal, bool) {
				return Decimal{Mant: outcomeSum(r)}, true
			}})
		case row.Level == 0:
			out = append(out, t3Figure(row.ID, row.Label, 0))
		case row.Group != "":
			out = append(out, t3Figure(row.ID, row.Label, 2))
		default:
			out = append(out, t3Figure(row.ID, row.Label, 1))
		}
	}
	return out
}

func applicantFigures() []trendFigure {
	var out []trendFigure
	for k, c := range ApplicantColumns {
		out = append(out, trendFigure{label: c, value: func(r *Report) (Decimal, bool) {
			return Decimal{Mant: r.Row("received").Cells[k]}, true
		}})
	}
	out = append(out, trendFigure{label: T3TotalCol, value: func(r *Report) (Decimal, bool) {
		return Decimal{Mant: r.Row("received").Sum()}, true
	}})
	return out
}

func table4Figures() []trendFigure {
	var out []trendFigure
	for i, g := range Table4Rows {
		out = append(out, headerFigure(g.Titled, 0))
		for j, c := range Table4Cols {
			out = append(out, trendFigure{label: c.Label, indent: 1, value: func(r *Report) (Decimal, bool) {
				if j == 4 {
					return Decimal{Mant: r.Appeals[i].Sum()}, true
				}
				return Decimal{Mant: r.Appeals[i].Vals[j]}, true
			}})
		}
	}
	return out
}

// table2Figures lists every cell of 表二 of one edition.
func table2Figures(ed Edition) []trendFigure {
	var out []trendFigure
	for _, b := range ed.Table2() {
		out = append(out, headerFigure(b.Caption, 0))
		for _, row := range b.Rows {
			for _, c := range b.Cols {
				label := row.Label + "：" + c.Label
				var unit func(r *Report) string
				if row.Key == "procurement" && c.Kind == KindAmount {
					unit = procUnit
				}
				out = append(out, trendFigure{label: label, indent: 1, unit: unit, value: func(r *Report) (Decimal, bool) {
					if r.Edition != ed {
						return Decimal{}, false
					}
					v, ok := r.ActiveCell(row.Key, c.Key)
					if !ok {
						return Decimal{}, false
					}
					if c.Kind == KindAmount {
						return v.Amount, true
					}
					return Decimal{Mant: v.Int}, true
				}})
			}
		}
	}
	return out
}

// procUnit is the unit an amount cell is written in, for comparing amounts of
// two years (the 2019 procurement amount may be in 元 one year, 万元 the next).
func procUnit(r *Report) string {
	if r.ProcUnit == "" {
		return "万元"
	}
	return r.ProcUnit
}

// trendChange formats the change from a to b: "+5", "−3" (U+2212), "0".
func trendChange(a, b Decimal) string {
	d := b.Add(Decimal{Mant: -a.Mant, Scale: a.Scale})
	switch {
	case d.Mant > 0:
		return "+" + d.String()
	case d.Mant < 0:
		return "\u2212" + Decimal{Mant: -d.Mant, Scale: d.Scale}.String()
	}
	return "0"
}

// trendGrid lays out figures over the years: a label column, then per year
// its figure and (from the second year on) the change from the previous
// available year. A figure a year's edition lacks prints "—".
func trendGrid(id, caption string, years []*Report, figs []trendFigure) *Grid {
	cols := 1 + 2*len(years) - 1
	g := &Grid{ID: id, Caption: caption, Cols: cols}
	g.Widths = append(g.Widths, 30)
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
	for _, f := range figs {
		if f.header {
			lc := span(cell(f.label, CellLabel), cols, 1)
			lc.Indent = f.indent
			g.Body = append(g.Body, []GridCell{lc})
			continue
		}
		lc := cell(f.label, CellLabel)
		lc.Indent = f.indent
		line := []GridCell{lc}
		var prev Decimal
		prevOK := false
		var prevR *Report
		for i, r := range years {
			v, ok := f.value(r)
			text := "—"
			if ok {
				text = v.String()
				if f.unit != nil {
					text += f.unit(r)
				}
			}
			line = append(line, cell(text, CellNumber))
			if i > 0 {
				chg := "—"
				if ok && prevOK && (f.unit == nil || f.unit(r) == f.unit(prevR)) {
					chg = trendChange(prev, v)
					if f.unit != nil {
						chg += f.unit(r)
					}
				}
				line = append(line, cell(chg, CellNumber))
			}
			prev, prevOK, prevR = v, ok, r
		}
		g.Body = append(g.Body, line)
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
	eds := map[Edition][]*Report{}
	for _, r := range years {
		t.Years = append(t.Years, r.Year)
		eds[r.Edition] = append(eds[r.Edition], r)
	}
	first, last := years[0].Year, years[len(years)-1].Year
	period := fmt.Sprintf("%d—%d年", first, last)
	if first == last {
		period = fmt.Sprintf("%d年", first)
	}

	t.Notes = append(t.Notes, fmt.Sprintf("本页汇总%s共%d个年度的年度报告数据。“较上年”为与前一个有报告的年度相比的增减数；“—”表示该年度所用格式没有这一项，无法比较。", period, len(years)))
	if len(eds) > 1 {
		var e19, e21 []string
		for _, r := range eds[Ed2019] {
			e19 = append(e19, strconv.Itoa(r.Year))
		}
		for _, r := range eds[Ed2021] {
			e21 = append(e21, strconv.Itoa(r.Year))
		}
		t.Notes = append(t.Notes,
			fmt.Sprintf("%s年度报告使用%s格式，%s年度报告使用%s格式。两版格式的统计口径不完全相同：",
				strings.Join(e19, "、"), Ed2019.Notice(), strings.Join(e21, "、"), Ed2021.Notice()),
			"表三（收到和处理政府信息公开申请情况）各行在两版格式中相同，只有“（六）其他处理”在2019年版格式中为一行、在2021年版格式中分为三项，因此历年比较的是三项之和，三个分项只在使用2021年版格式的年度之间比较。",
			"表四（政府信息公开行政复议、行政诉讼情况）在两版格式中相同，全部可以比较。",
			"表二（主动公开政府信息情况）的栏目在2021年版格式中作了调整（例如“本年新制作数量”改为“本年制发件数”，删除了第二十条第（九）项），两版数据不可比较，下面按格式分别列出，只在同一格式的年度之间比较。")
	}

	t.Tables = append(t.Tables,
		trendGrid("trend-table3", "历年收到和处理政府信息公开申请情况（表三“总计”栏，单位：件）", years, table3Figures()),
		trendGrid("trend-applicants", "历年本年新收政府信息公开申请（按申请人类型，单位：件）", years, applicantFigures()),
		trendGrid("trend-table4", "历年政府信息公开行政复议、行政诉讼情况（表四，单位：件）", years, table4Figures()),
	)
	for _, ed := range []Edition{Ed2019, Ed2021} {
		rs := eds[ed]
		if len(rs) == 0 {
			continue
		}
		var ys []string
		for _, r := range rs {
			ys = append(ys, strconv.Itoa(r.Year))
		}
		t.Tables = append(t.Tables, trendGrid("trend-table2-"+string(ed),
			fmt.Sprintf("主动公开政府信息情况（表二，%s年版格式：%s年度）", ed, strings.Join(ys, "、")),
			rs, table2Figures(ed)))
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
		v := [4]int64{r.Row("received").Sum(), r.Row("carried_over").Sum(), outcomeSum(r), r.Row("carried_forward").Sum()}
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
