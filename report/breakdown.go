package report

import (
	"fmt"
	"math/big"
	"path/filepath"
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
	Summary  string // 共 5 个单位：已报送 5 个，未报送 0 个，有错误 0 个
	Columns  []string
	Units    []BreakdownRow // in manifest order
	Total    BreakdownRow   // the region report's figures; Shares are 100.0% (or — when 0)
}

// BreakdownRow is one unit (or the total) of a Breakdown.
type BreakdownRow struct {
	Organ    string
	Status   string // 已报送, 未报送, 有错误（已汇总）, 有错误
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
	}
	if region.Date != "" {
		b.MetaDate = region.Date
	}
	total := breakdownFigures(region)
	var n [3]int
	for _, u := range units {
		n[u.State]++
		row := BreakdownRow{Organ: u.Organ, Status: u.State.String(), File: filepath.ToSlash(u.File), Included: u.Included}
		if u.State == UnitInvalid && u.Included {
			row.Status = "有错误（已汇总）"
		}
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
	b.Summary = fmt.Sprintf("共 %d 个单位：已报送 %d 个，未报送 %d 个，有错误 %d 个", len(units), n[UnitSubmitted], n[UnitMissing], n[UnitInvalid])
	return b
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
	UnitInvalid                    // 有错误: the file has load or check errors
	UnitZero                       // 零报告: the file loaded and passed check, and every figure of its tables is 0
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
	}
	return "已报送"
}
