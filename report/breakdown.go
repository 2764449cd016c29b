package report

import (
	"fmt"
	"math/big"
	"path/filepath"
	"strconv"
	"strings"
)

// UnitState is a unit's status in a merge.
type UnitState int

// UnitStatus is one manifest unit after loading and checking.
type UnitStatus struct {
	Organ    string
	File     string // as resolved from the manifest, "" when none given
	State    UnitState
	Included bool     // summed into the region report
	Report   *Report  // nil when missing or unreadable
	Refused  string   // UnitRefused only: why, in a few words (年度不符, 单位不符, 汇总报告)
	Problems Problems // the unit's own load and check problems (errors and warnings)
	Errors   int
	Warnings int
}

// BreakdownColumns are the key figures of the per-unit breakdown, in order.
var BreakdownColumns = []string{"本年新收", "上年结转", "办结", "结转下年度", "行政复议", "行政诉讼"}

func breakdownFigures(r *Report) []int64 {
	return []int64{
		r.Row("received").Sum(),
		r.Row("carried_over").Sum(),
		OutcomeSum(r),
		r.Row("carried_forward").Sum(),
		r.Appeals[0].Sum(),
		r.Appeals[1].Sum() + r.Appeals[2].Sum(),
	}
}

// Breakdown is the render model of the per-unit breakdown of a merge
// (汇总单位明细): each unit's key figures and its share of the region total, in
// tenths of a percent. Every string is final; writers do no arithmetic.
type Breakdown struct {
	Region   string
	Year     int
	Title    string // 示例市人民政府2024年政府信息公开工作年度报告汇总单位明细
	Subject  string // document metadata
	MetaDate string // YYYY-MM-DD for document metadata: the region's date, or 1 January of year+1
	Summary  string // MergedSummary: 共 5 个单位：已报送 5 个，零报告 0 个，未报送 0 个，有错误 0 个
	Columns  []string
	// Files is true when each unit's data file is shown (the office's
	// copy written by merge); false in the published copy (Public).
	Files bool
	Units []BreakdownRow // in manifest order
	Total BreakdownRow   // the region report's figures; Shares are 100.0% (or — when 0)
	// Tables is every row of every table, unit by unit: 表二 cell by cell,
	// 表三 row by row (each row's 总计), 表四 cell by cell, and 信息处理费
	// (2021 edition). Its columns are the units summed, then 合计.
	Tables []BreakdownTable
}

// BreakdownTable is one statutory table of a Breakdown: a line per row,
// a column per unit summed (Heads), then the region's figure.
type BreakdownTable struct {
	Caption string   // 表二 主动公开政府信息情况
	Unit    string   // 件, or "" when the lines say their own unit
	Heads   []string // 项目, each included unit's organ, 合计
	Lines   []BreakdownLine
}

// BreakdownLine is one row of a BreakdownTable.
type BreakdownLine struct {
	Key   string          // data path, e.g. active.rules.issued, requests.received, appeals.review.total
	Label string          // as printed: 第二十条第（一）项 规章：本年制发件数
	Level int             // indent of the label (表三's levels)
	Cells []BreakdownCell // one per included unit, then the region's
}

// BreakdownCell is one figure of a BreakdownLine: Text as printed; when
// Number is true, Int is the same count (a number cell in a workbook).
type BreakdownCell struct {
	Text   string
	Int    int64
	Number bool
}

// BreakdownRow is one unit (or the total) of a Breakdown.
type BreakdownRow struct {
	Organ    string
	Status   string // UnitStatus.Label: 已报送, 零报告, 未报送, 有错误（已汇总）, 有错误, 未能读取
	File     string // slash-separated, "" when none
	Included bool
	Counts   []int64  // aligned with Columns; zeros when not included
	Values   []string // Counts as printed; NoValue when not included
	Shares   []string // share of the region total; NoValue when not included or the total is 0
}

// NewBreakdown builds the breakdown of a merge whose region report is region.
func NewBreakdown(region *Report, units []UnitStatus) *Breakdown {
	b := &Breakdown{
		Region: region.Organ, Year: region.Year, Columns: BreakdownColumns,
		Title:    fmt.Sprintf("%s%d年政府信息公开工作年度报告汇总单位明细", region.Organ, region.Year),
		Subject:  fmt.Sprintf("%d年度政府信息公开工作年度报告汇总：各单位主要数字及占比", region.Year),
		MetaDate: fmt.Sprintf("%d-01-01", region.Year+1),
		Files:    true,
	}
	if region.Date != "" {
		b.MetaDate = region.Date
	}
	total := breakdownFigures(region)
	statuses := make([]MergedUnit, len(units))
	for i, u := range units {
		statuses[i] = MergedUnit{Organ: u.Organ, Status: u.State.String()}
		row := BreakdownRow{Organ: u.Organ, Status: u.Label(), File: filepath.ToSlash(u.File), Included: u.Included}
		row.Counts = make([]int64, len(total))
		for range total {
			row.Values = append(row.Values, NoValue)
			row.Shares = append(row.Shares, NoValue)
		}
		if u.Included && u.Report != nil {
			for j, v := range breakdownFigures(u.Report) {
				row.Counts[j] = v
				row.Values[j] = fmt.Sprint(v)
				row.Shares[j] = breakdownShare(v, total[j])
			}
		}
		b.Units = append(b.Units, row)
	}
	b.Total = BreakdownRow{Organ: "合计（" + region.Organ + "）", Status: "", Included: true, Counts: total}
	for _, v := range total {
		b.Total.Values = append(b.Total.Values, fmt.Sprint(v))
		b.Total.Shares = append(b.Total.Shares, breakdownShare(v, v))
	}
	b.Summary = MergedSummary(statuses)
	var summed []*Report
	heads := []string{"项目"}
	for _, u := range units {
		if u.Included && u.Report != nil {
			summed = append(summed, u.Report)
			heads = append(heads, u.Organ)
		}
	}
	heads = append(heads, "合计")
	b.Tables = breakdownTables(region, summed, heads)
	return b
}

// Consistent reports whether the units' counts add up to the total on
// every line of every table (they do for a breakdown made by merge; the
// site checks units found again on disk).
func (b *Breakdown) Consistent() bool {
	for _, t := range b.Tables {
		for _, l := range t.Lines {
			if len(l.Cells) == 0 || !l.Cells[len(l.Cells)-1].Number {
				continue
			}
			var sum int64
			for _, c := range l.Cells[:len(l.Cells)-1] {
				sum += c.Int
			}
			if sum != l.Cells[len(l.Cells)-1].Int {
				return false
			}
		}
	}
	return true
}

// Public is a copy of b for publication (site): the units' data file
// paths, which belong to the office's file system, are left out.
func (b *Breakdown) Public() *Breakdown {
	c := *b
	c.Files = false
	c.Units = make([]BreakdownRow, len(b.Units))
	for i, u := range b.Units {
		u.File = ""
		c.Units[i] = u
	}
	return &c
}

// breakdownTables lays out every row of every table for the units summed
// into region, in statutory order.
func breakdownTables(region *Report, units []*Report, heads []string) []BreakdownTable {
	all := append(append([]*Report{}, units...), region)
	count := func(v int64) BreakdownCell {
		return BreakdownCell{Text: strconv.FormatInt(v, 10), Int: v, Number: true}
	}
	ed := region.Edition
	procUnit := func(r *Report) string {
		if r.ProcUnit == "" {
			return "万元"
		}
		return r.ProcUnit
	}

	t2 := BreakdownTable{Caption: "表二 主动公开政府信息情况", Heads: heads}
	for _, blk := range ed.Table2() {
		for _, row := range blk.Rows {
			for _, c := range blk.Cols {
				line := BreakdownLine{Key: "active." + row.Key + "." + c.Key, Label: blk.Caption + " " + row.Label + "：" + c.Label}
				if c.Kind == KindAmount {
					unit := "万元"
					if row.Key == "procurement" {
						unit = procUnit(region)
					}
					line.Label = WithUnit(line.Label, unit)
				}
				for _, r := range all {
					v, _ := r.ActiveCell(row.Key, c.Key)
					if c.Kind != KindAmount {
						line.Cells = append(line.Cells, count(v.Int))
						continue
					}
					d := v.Amount
					if row.Key == "procurement" && procUnit(r) != procUnit(region) {
						d = WanYuan(d, procUnit(r))
					}
					line.Cells = append(line.Cells, BreakdownCell{Text: d.String()})
				}
				t2.Lines = append(t2.Lines, line)
			}
		}
	}

	t3 := BreakdownTable{Caption: "表三 收到和处理政府信息公开申请情况（各行总计）", Unit: "件", Heads: heads}
	for i, row := range ed.Table3() {
		line := BreakdownLine{Key: "requests." + row.ID, Label: T3Label(row), Level: row.Level}
		for _, r := range all {
			v := OutcomeSum(r)
			if row.Kind != T3Total && i < len(r.Requests) {
				v = r.Requests[i].Sum()
			}
			line.Cells = append(line.Cells, count(v))
		}
		t3.Lines = append(t3.Lines, line)
	}

	t4 := BreakdownTable{Caption: "表四 政府信息公开行政复议、行政诉讼情况", Unit: "件", Heads: heads}
	for i, g := range Table4Rows {
		for j, c := range Table4Cols {
			line := BreakdownLine{Key: "appeals." + g.Key + "." + c.Key, Label: g.Titled + "：" + c.Label}
			for _, r := range all {
				v := r.Appeals[i].Sum()
				if j < 4 {
					v = r.Appeals[i].Vals[j]
				}
				line.Cells = append(line.Cells, count(v))
			}
			t4.Lines = append(t4.Lines, line)
		}
	}
	out := []BreakdownTable{t2, t3, t4}
	if ed == Ed2021 {
		tf := BreakdownTable{Caption: "信息处理费", Heads: heads}
		units := []string{"件", "元", "元"}
		for k, ff := range FeeFields {
			line := BreakdownLine{Key: "processing_fees." + ff.Key, Label: WithUnit(ff.Label, units[k])}
			for _, r := range all {
				switch f := r.Fees; {
				case f == nil:
					line.Cells = append(line.Cells, BreakdownCell{Text: NoValue})
				case k == 0:
					line.Cells = append(line.Cells, count(f.Notices))
				case k == 1:
					line.Cells = append(line.Cells, BreakdownCell{Text: f.NotifiedAmount.String()})
				default:
					line.Cells = append(line.Cells, BreakdownCell{Text: f.Collected.String()})
				}
			}
			tf.Lines = append(tf.Lines, line)
		}
		out = append(out, tf)
	}
	return out
}

// WithUnit is label followed by its unit in brackets, 采购总金额（万元）,
// unless the label already ends with a bracketed unit: the statutory
// 本年收费金额（单位：万元） and 发出收费通知的总金额（元） stay as they are
// (never 本年收费金额（单位：万元）（万元）).
func WithUnit(label, unit string) string {
	if unit == "" || strings.HasSuffix(label, "（"+unit+"）") || strings.HasSuffix(label, "（单位："+unit+"）") {
		return label
	}
	return label + "（" + unit + "）"
}

// breakdownShare is part/total in tenths of a percent, rounded half away from zero,
// formatted by Permille; NoValue when total is 0.
func breakdownShare(part, total int64) string {
	if total == 0 {
		return NoValue
	}
	q := new(big.Int).Mul(big.NewInt(part), big.NewInt(1000))
	den := big.NewInt(total)
	q, r := q.QuoRem(q, den, new(big.Int))
	if r.Lsh(r, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return Permille(int(q.Int64()))
}

const (
	UnitSubmitted UnitState = iota // 已报送: the file loaded and passed check
	UnitMissing                    // 未报送: no file given, or the file does not exist
	UnitInvalid                    // 有错误: the file loaded as a report but has check errors
	UnitZero                       // 零报告: the file loaded and passed check, and every figure of its tables is 0
	// UnitUnreadable (未能读取): the file exists but is no report at all
	// (a workbook, not UTF-8, not YAML…): it has no figures, so it is
	// never counted, whatever the options.
	UnitUnreadable
	// UnitRefused (未计入): the file is a report that may not be summed
	// here — another organ's or another year's, or a region report (M-3,
	// M-4); UnitStatus.Refused says which. The merge stops.
	UnitRefused
	numUnitStates
)

// String is the Chinese status shown to users.
func (s UnitState) String() string {
	switch s {
	case UnitMissing:
		return "未报送"
	case UnitInvalid:
		return "有错误"
	case UnitZero:
		return "零报告"
	case UnitUnreadable:
		return "未能读取"
	case UnitRefused:
		return "未计入"
	}
	return "已报送"
}

// Label is the unit's status as every merge output prints it (the status
// table, the breakdown): the state, with （已汇总） after 有错误 when the
// unit was summed anyway, and the reason before （未计入） for a refused
// unit (年度不符（未计入）).
func (u UnitStatus) Label() string {
	switch {
	case u.State == UnitInvalid && u.Included:
		return "有错误（已汇总）"
	case u.State == UnitRefused && u.Refused != "":
		return u.Refused + "（未计入）"
	}
	return u.State.String()
}

// MergedCounted reports whether a merged_units status means that the
// unit's figures are in the region's totals: 已报送, 零报告 and 有错误
// (merge writes 有错误 only for a unit summed under --allow-errors) are;
// 未报送 and 未能读取 are not.
func MergedCounted(status string) bool {
	switch status {
	case "已报送", "零报告", "有错误":
		return true
	}
	return false
}

// UnitStateOf is the state of a merged_units status (one of
// MergedStatuses); ok is false for any other text.
func UnitStateOf(status string) (s UnitState, ok bool) {
	for s := range numUnitStates {
		if s != UnitRefused && s.String() == status {
			return s, true
		}
	}
	return UnitSubmitted, false
}
