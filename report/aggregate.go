package report

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
)

// This file merges the reports of a region's units into the region's
// 本级政府 report (汇总, scope: region): every additive cell is summed
// exactly — counts, 2019 本年增/减, and amounts as decimals (procurement
// amounts in mixed units are converted to 万元 by scale arithmetic). A unit
// with no activity files a nil return (all zeros); it counts as submitted.
//
// Merge is the whole job behind `nianbao merge`: load and check every unit
// listed in a Manifest, decide each unit's status, refuse what cannot be
// merged, and Aggregate the rest. Aggregate is the arithmetic alone.

// RegionIdentity is what the region report takes from the manifest rather
// than from its units.
type RegionIdentity struct {
	Organ                string
	Year                 int
	Date                 string
	CarryOverNote        string
	FormatOverrideReason string
	Text                 [4]Text
	WorkPlan             *WorkPlan // the region organ's own work-plan ledger, or nil
}

// Aggregate sums units into a region report. Every unit must be for
// region.Year and in one edition, and no organ may appear twice. The
// result has scope region, the region's identity and text, and passes the
// table rules whenever every unit does (sums of consistent tables are
// consistent).
func Aggregate(region RegionIdentity, units []*Report) (*Report, error) {
	if len(units) == 0 {
		return nil, fmt.Errorf("没有可汇总的单位报告")
	}
	ed := units[0].Edition
	seen := map[string]string{}
	for _, u := range units {
		if prev, dup := seen[u.Organ]; dup {
			return nil, fmt.Errorf("“%s”出现了两次（%s 和 %s）：同一单位只能汇总一次", u.Organ, prev, u.File)
		}
		seen[u.Organ] = u.File
		if u.Year != region.Year {
			return nil, fmt.Errorf("%s 是“%s”%d 年度的报告，汇总的是 %d 年度：不能把两个年度混在一起汇总", u.File, u.Organ, u.Year, region.Year)
		}
		if u.Edition != ed {
			return nil, fmt.Errorf("%s 使用 %s 版格式，%s 使用 %s 版格式：同一次汇总的单位报告必须使用同一版格式",
				units[0].File, ed, u.File, u.Edition)
		}
	}
	if want := EditionForYear(region.Year); ed != want && region.FormatOverrideReason == "" {
		return nil, fmt.Errorf("各单位报告使用 %s 版格式，但 %d 年度应使用 %s 版（%s）。确需沿用时请在汇总清单中写明 format_override_reason",
			ed, region.Year, want, want.Notice())
	}
	r := &Report{
		Year: region.Year, Organ: region.Organ, Edition: ed, Scope: ScopeRegion, Date: region.Date,
		CarryOverNote: region.CarryOverNote, Text: region.Text, WorkPlan: region.WorkPlan,
		Active:   make([]Cell, len(ed.Table2Cells())),
		Requests: make([]AppRow, len(ed.Table3())),
	}
	if ed != EditionForYear(region.Year) {
		r.FormatOverrideReason = region.FormatOverrideReason
	}
	s := &summer{}

	// 表二. Procurement amounts are summed in one unit: the common unit of
	// all units, or 万元 when they differ (元 → 万元 is exact).
	procUnit := ""
	if ed == Ed2019 {
		for _, u := range units {
			switch {
			case procUnit == "":
				procUnit = unitOf(u)
			case procUnit != unitOf(u):
				procUnit = "万元"
			}
		}
		r.ProcUnit = procUnit
	}
	for i, cell := range ed.Table2Cells() {
		b := ed.Table2()[cell.Block]
		what := b.Caption + " " + b.Rows[cell.Row].Label + "：" + b.Cols[cell.Col].Label
		if cell.Kind == KindAmount {
			sum := new(decSum)
			for _, u := range units {
				d := u.Active[i].Amount
				if cell.RowKey == "procurement" && unitOf(u) != procUnit {
					d = WanYuan(d, unitOf(u))
				}
				sum.add(d)
			}
			r.Active[i].Amount = s.decimal(sum, "表二"+what)
			continue
		}
		var v int64
		for _, u := range units {
			v += u.Active[i].Int
		}
		r.Active[i].Int = s.count(v, "表二"+what)
	}

	// 表三: the six applicant columns of every row; the computed （七）总计
	// row stays unwritten (the loader computes it).
	for i, row := range ed.Table3() {
		if row.Kind == T3Total {
			continue
		}
		for k := range 6 {
			var v int64
			for _, u := range units {
				v += u.Requests[i].Cells[k]
			}
			r.Requests[i].Cells[k] = s.count(v, fmt.Sprintf("表三“%s”%s列", t3label(row), ApplicantColumns[k]))
		}
	}

	// 表四.
	for i, g := range Table4Rows {
		for j := range 4 {
			var v int64
			for _, u := range units {
				v += u.Appeals[i].Vals[j]
			}
			r.Appeals[i].Vals[j] = s.count(v, "表四“"+g.Titled+"”"+Table4Cols[j].Label)
		}
	}

	// 信息处理费: a unit without processing_fees contributes nothing.
	if ed == Ed2021 {
		f := &Fees{}
		notified, collected := new(decSum), new(decSum)
		var notices int64
		for _, u := range units {
			if u.Fees == nil {
				continue
			}
			notices += u.Fees.Notices
			notified.add(u.Fees.NotifiedAmount)
			collected.add(u.Fees.Collected)
		}
		f.Notices = s.count(notices, "信息处理费"+FeeFields[0].Label)
		f.NotifiedAmount = s.decimal(notified, "信息处理费"+FeeFields[1].Label)
		f.Collected = s.decimal(collected, "信息处理费"+FeeFields[2].Label)
		r.Fees = f
	}
	if len(s.errs) > 0 {
		return nil, fmt.Errorf("汇总后以下数字超出范围，无法写入数据文件：%s", strings.Join(s.errs, "；"))
	}
	return r, nil
}

func unitOf(r *Report) string {
	if r.ProcUnit == "" {
		return "万元"
	}
	return r.ProcUnit
}

// summer collects range errors of sums: a merged file must load back, so
// counts stay within the loader's bound and amounts within its digits.
type summer struct{ errs []string }

func (s *summer) count(v int64, what string) int64 {
	if v > maxCount || v < -maxCount {
		s.errs = append(s.errs, fmt.Sprintf("%s为 %d", what, v))
		return 0
	}
	return v
}

// decSum adds decimals exactly at the largest scale seen.
type decSum struct {
	m     big.Int
	scale int
}

func (d *decSum) add(x Decimal) {
	if x.Scale > d.scale {
		d.m.Mul(&d.m, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(x.Scale-d.scale)), nil))
		d.scale = x.Scale
	}
	d.m.Add(&d.m, cmpScaled(x, d.scale))
}

func (s *summer) decimal(d *decSum, what string) Decimal {
	digits := strings.TrimLeft(new(big.Int).Abs(&d.m).String(), "0")
	if len(digits) > maxDecimalDigits || !d.m.IsInt64() {
		s.errs = append(s.errs, fmt.Sprintf("%s为 %s（超过 %d 位有效数字）", what, cmpBigDecimal(new(big.Int).Abs(&d.m), d.scale), maxDecimalDigits))
		return Decimal{}
	}
	return Decimal{Mant: d.m.Int64(), Scale: d.scale}
}

// UnitState is a unit's status in a merge.
type UnitState int

const (
	UnitSubmitted UnitState = iota // 已报送: the file loaded and passed check
	UnitMissing                    // 未报送: no file given, or the file does not exist
	UnitInvalid                    // 有错误: the file has load or check errors
)

// String is the Chinese status shown to users.
func (s UnitState) String() string {
	switch s {
	case UnitMissing:
		return "未报送"
	case UnitInvalid:
		return "有错误"
	}
	return "已报送"
}

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

// MergeOptions controls Merge.
type MergeOptions struct {
	// AllowErrors sums units that have check errors instead of refusing them.
	AllowErrors bool
}

// MergeResult is the outcome of Merge. Region is nil when the merge was
// refused; Problems then say why.
type MergeResult struct {
	Region   *Report
	Units    []UnitStatus
	Problems Problems // merge-level problems (rules M-*)
}

// Merge loads and checks every unit of m and aggregates those that can be
// merged. Units with errors are refused (listed in Problems, Region nil)
// unless opts.AllowErrors; units whose file is missing are reported as
// 未报送 (a warning) and left out. A unit file for another organ, another
// year or another edition stops the merge.
func Merge(m *Manifest, opts MergeOptions) *MergeResult {
	res := &MergeResult{Units: make([]UnitStatus, len(m.Units))}
	var paths []string
	idx := map[string]int{}
	for i, u := range m.Units {
		st := UnitStatus{Organ: u.Organ, File: u.File}
		if u.File != "" && mergeFileExists(u.File) {
			paths = append(paths, u.File)
			idx[filepath.Clean(u.File)] = i
		} else {
			st.State = UnitMissing
			why := "清单中没有写数据文件（file）"
			if u.File != "" {
				why = "数据文件 " + u.File + " 不存在"
			}
			res.Problems = append(res.Problems, mergeProblem(m.File, u.Pos, "", "M-1", "“%s”未报送：%s。汇总数不含该单位", u.Organ, why))
		}
		res.Units[i] = st
	}
	loaded := LoadFiles(paths)
	ps := CheckSet(loaded, Siblings(paths))
	byFile := map[string]Problems{}
	for _, p := range ps {
		byFile[filepath.Clean(p.File)] = append(byFile[filepath.Clean(p.File)], p)
	}
	var include []*Report
	var invalid []string
	for _, l := range loaded {
		i := idx[filepath.Clean(l.Path)]
		st := &res.Units[i]
		mu := m.Units[i]
		st.Report = l.Report
		for _, p := range byFile[filepath.Clean(l.Path)] {
			if p.Severity == Info {
				continue
			}
			st.Problems = append(st.Problems, p)
			if p.Severity == Error {
				st.Errors++
			} else {
				st.Warnings++
			}
		}
		if l.Report != nil {
			r := l.Report
			switch {
			case r.Organ != mu.Organ:
				res.Problems = append(res.Problems, mergeProblem(m.File, mu.Pos, "", "M-3",
					"清单中的单位是“%s”，但其数据文件 %s 的报告主体是“%s”。请核对清单或文件", mu.Organ, l.Path, r.Organ))
			case m.Year != 0 && r.Year != m.Year:
				res.Problems = append(res.Problems, mergeProblem(m.File, mu.Pos, "", "M-3",
					"“%s”的数据文件 %s 是 %d 年度的报告，本次汇总 %d 年度：不能把两个年度混在一起汇总", mu.Organ, l.Path, r.Year, m.Year))
			}
		}
		if st.Errors > 0 || l.Report == nil {
			st.State = UnitInvalid
			invalid = append(invalid, fmt.Sprintf("“%s”（%s，%d 个错误）", st.Organ, l.Path, max(st.Errors, 1)))
			if !opts.AllowErrors || l.Report == nil {
				continue
			}
		}
		st.Included = true
		include = append(include, l.Report)
	}
	// Mixed editions stop the merge, naming the units of each edition.
	eds := map[Edition][]string{}
	for _, st := range res.Units {
		if st.Report != nil {
			eds[st.Report.Edition] = append(eds[st.Report.Edition], st.Organ)
		}
	}
	if len(eds) > 1 {
		res.Problems = append(res.Problems, mergeProblem(m.File, Pos{}, "", "M-3",
			"单位报告混用了两版格式：2019 版（%s），2021 版（%s）。同一年度的报告应使用同一版格式",
			strings.Join(eds[Ed2019], "、"), strings.Join(eds[Ed2021], "、")))
	}
	if len(invalid) > 0 {
		if opts.AllowErrors {
			res.Problems = append(res.Problems, Problem{File: m.File, Rule: "M-2", Severity: Warning,
				Msg: "以下单位的报告有错误，已按 --allow-errors 照常汇总（有错误的数字也计入了汇总）：" + strings.Join(invalid, "、")})
		} else {
			res.Problems = append(res.Problems, mergeProblem(m.File, Pos{}, "", "M-2",
				"以下单位的报告有错误，未汇总：%s。请各单位改正后重新报送（nianbao check），或用 --allow-errors 照常汇总", strings.Join(invalid, "、")))
		}
	}
	if res.Problems.HasErrors() {
		res.Problems.Sort()
		return res
	}
	region, err := Aggregate(RegionIdentity{Organ: m.Organ, Year: m.Year, Date: m.Date, CarryOverNote: m.CarryOverNote,
		FormatOverrideReason: m.FormatOverrideReason, Text: m.Text, WorkPlan: m.WorkPlan}, include)
	if err != nil {
		res.Problems = append(res.Problems, mergeProblem(m.File, Pos{}, "", "M-3", "%s", err.Error()))
	} else {
		res.Region = region
	}
	res.Problems.Sort()
	return res
}

// mergeProblem makes a problem of merge rule id (M-1, M-2, M-3 in Rules).
func mergeProblem(file string, pos Pos, path, id, format string, args ...any) Problem {
	return problemf(file, pos, path, id, format, args...)
}

func mergeFileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// BreakdownColumns are the key figures of the per-unit breakdown, in order.
var BreakdownColumns = []string{"本年新收", "上年结转", "办结", "结转下年度", "行政复议", "行政诉讼"}

func breakdownFigures(r *Report) []int64 {
	return []int64{
		r.Row("received").Sum(),
		r.Row("carried_over").Sum(),
		outcomeSum(r),
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
