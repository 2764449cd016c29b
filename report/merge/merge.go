// Package merge rolls the reports of many units up into one region report
// (汇总): Merge reads a manifest's units, refuses what cannot be summed
// (M-1…M-3), and Aggregate adds every statutory figure exactly.
package merge

import (
	"fmt"
	"math/big"
	"nianbao/report"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// This file merges the reports of a region's units into the region's
// 本级政府 report (汇总, scope: region): every additive cell is summed
// exactly — counts, 2019 本年增/减, and amounts as decimals (procurement
// amounts in mixed units are converted to 万元 by scale arithmetic). A unit
// with no activity files a nil return (all zeros); it counts as submitted.
//
// Merge is the whole job behind `nianbao merge`: load and check every unit
// listed in a manifest, decide each unit's status, refuse what cannot be
// merged, and Aggregate the rest. Aggregate is the arithmetic alone.

// RegionIdentity is what the region report takes from the manifest rather
// than from its units.
type RegionIdentity struct {
	Organ                string
	Year                 int
	Date                 string
	CarryOverNote        string
	FormatOverrideReason string
	Text                 [4]report.Text
	WorkPlan             *report.WorkPlan // the region organ's own work-plan ledger, or nil
}

// Aggregate sums units into a region report. Every unit must be for
// region.Year and in one edition, and no organ may appear twice. The
// result has scope region, the region's identity and text, and passes the
// table rules whenever every unit does (sums of consistent tables are
// consistent).
func Aggregate(region RegionIdentity, units []*report.Report) (*report.Report, error) {
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
	if want := report.EditionForYear(region.Year); ed != want && region.FormatOverrideReason == "" {
		return nil, fmt.Errorf("各单位报告使用 %s 版格式，但 %d 年度应使用 %s 版（%s）。确需沿用时请在汇总清单中写明 format_override_reason",
			ed, region.Year, want, want.Notice())
	}
	r := &report.Report{
		Year: region.Year, Organ: region.Organ, Edition: ed, Scope: report.ScopeRegion, Date: region.Date,
		CarryOverNote: region.CarryOverNote, Text: region.Text, WorkPlan: region.WorkPlan,
		Active:   make([]report.Cell, len(ed.Table2Cells())),
		Requests: make([]report.AppRow, len(ed.Table3())),
	}
	if ed != report.EditionForYear(region.Year) {
		r.FormatOverrideReason = region.FormatOverrideReason
	}
	s := &summer{}

	// 表二. Procurement amounts are summed in one unit: the common unit of
	// all units, or 万元 when they differ (元 → 万元 is exact).
	procUnit := ""
	if ed == report.Ed2019 {
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
		if cell.Kind == report.KindAmount {
			sum := new(decSum)
			for _, u := range units {
				d := u.Active[i].Amount
				if cell.RowKey == "procurement" && unitOf(u) != procUnit {
					d = report.WanYuan(d, unitOf(u))
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
		if row.Kind == report.T3Total {
			continue
		}
		for k := range 6 {
			var v int64
			for _, u := range units {
				v += u.Requests[i].Cells[k]
			}
			r.Requests[i].Cells[k] = s.count(v, fmt.Sprintf("表三“%s”%s列", report.T3Label(row), report.ApplicantColumns[k]))
		}
	}

	// 表四.
	for i, g := range report.Table4Rows {
		for j := range 4 {
			var v int64
			for _, u := range units {
				v += u.Appeals[i].Vals[j]
			}
			r.Appeals[i].Vals[j] = s.count(v, "表四“"+g.Titled+"”"+report.Table4Cols[j].Label)
		}
	}

	// 信息处理费: a unit without processing_fees contributes nothing.
	if ed == report.Ed2021 {
		f := &report.Fees{}
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
		f.Notices = s.count(notices, "信息处理费"+report.FeeFields[0].Label)
		f.NotifiedAmount = s.decimal(notified, "信息处理费"+report.FeeFields[1].Label)
		f.Collected = s.decimal(collected, "信息处理费"+report.FeeFields[2].Label)
		r.Fees = f
	}
	if len(s.errs) > 0 {
		return nil, fmt.Errorf("汇总后以下数字超出范围，无法写入数据文件：%s", strings.Join(s.errs, "；"))
	}
	return r, nil
}

func unitOf(r *report.Report) string {
	if r.ProcUnit == "" {
		return "万元"
	}
	return r.ProcUnit
}

// summer collects range errors of sums: a merged file must load back, so
// counts stay within the loader's bound and amounts within its digits.
type summer struct{ errs []string }

func (s *summer) count(v int64, what string) int64 {
	if v > report.MaxCount || v < -report.MaxCount {
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

func (d *decSum) add(x report.Decimal) {
	if x.Scale > d.scale {
		d.m.Mul(&d.m, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(x.Scale-d.scale)), nil))
		d.scale = x.Scale
	}
	d.m.Add(&d.m, report.ScaledBig(x, d.scale))
}

func (s *summer) decimal(d *decSum, what string) report.Decimal {
	digits := strings.TrimLeft(new(big.Int).Abs(&d.m).String(), "0")
	if len(digits) > report.MaxDecimalDigits || !d.m.IsInt64() {
		s.errs = append(s.errs, fmt.Sprintf("%s为 %s（超过 %d 位有效数字）", what, report.BigDecimalString(new(big.Int).Abs(&d.m), d.scale), report.MaxDecimalDigits))
		return report.Decimal{}
	}
	return report.Decimal{Mant: d.m.Int64(), Scale: d.scale}
}

// MergeOptions controls Merge.
type MergeOptions struct {
	// AllowErrors sums units that have check errors instead of refusing them.
	AllowErrors bool
	// AllowMissing merges without the units whose data file is missing
	// (未报送) instead of refusing: M-1 becomes a warning.
	AllowMissing bool
}

// MergeResult is the outcome of Merge. Region is nil when the merge was
// refused; report.Problems then say why.
type MergeResult struct {
	Region   *report.Report
	Units    []report.UnitStatus
	Problems report.Problems // merge-level problems (rules M-*)
}

// Merge loads and checks every unit of m and aggregates those that can be
// merged. Units with errors are refused (listed in report.Problems, Region nil)
// unless opts.AllowErrors, which sums them as they are (有错误, included).
// A unit whose file is no report at all (未能读取: a workbook, not UTF-8,
// not YAML) has no figures: it is refused, or with opts.AllowErrors left
// out (never included). Units whose file is missing are refused, or with
// opts.AllowMissing reported as 未报送 (a warning) and left out. A unit
// file for another organ or another year, or a region report, is
// UnitRefused and stops the merge; so do mixed editions.
func Merge(m *datafile.Manifest, opts MergeOptions) *MergeResult {
	res := &MergeResult{Units: make([]report.UnitStatus, len(m.Units))}
	var paths []string
	idx := map[string]int{}
	for i, u := range m.Units {
		st := report.UnitStatus{Organ: u.Organ, File: u.File}
		if u.File != "" && mergeFileExists(u.File) {
			paths = append(paths, u.File)
			idx[filepath.Clean(u.File)] = i
		} else {
			st.State = report.UnitMissing
			why := "清单中没有写数据文件（file）"
			if u.File != "" {
				why = "数据文件 " + u.File + " 不存在"
			}
			if opts.AllowMissing {
				res.Problems = append(res.Problems, report.Problem{File: m.File, Pos: u.Pos, Rule: "M-1", Severity: report.Warning,
					Msg: fmt.Sprintf("“%s”未报送：%s。已按 --allow-missing 汇总其余单位，汇总数不含该单位，报告附“汇总单位情况”列明", u.Organ, why)})
			} else {
				res.Problems = append(res.Problems, mergeProblem(m.File, u.Pos, "", "M-1",
					"“%s”未报送：%s，未汇总。请该单位报送数据文件后重新汇总；确需先行汇总其余单位时加 --allow-missing（报告将列明未报送的单位）", u.Organ, why))
			}
		}
		res.Units[i] = st
	}
	loaded := datafile.LoadFiles(paths)
	ps := check.CheckSet(loaded, datafile.Siblings(paths))
	byFile := map[string]report.Problems{}
	for _, p := range ps {
		byFile[filepath.Clean(p.File)] = append(byFile[filepath.Clean(p.File)], p)
	}
	var include []*report.Report
	var invalid, unreadable []string
	tableErrors := false // an invalid unit has errors that carry into sums (CarriesIntoTotals)
	for _, l := range loaded {
		i := idx[filepath.Clean(l.Path)]
		st := &res.Units[i]
		mu := m.Units[i]
		st.Report = l.Report
		for _, p := range byFile[filepath.Clean(l.Path)] {
			if p.Severity == report.Info {
				continue
			}
			st.Problems = append(st.Problems, p)
			if p.Severity == report.Error {
				st.Errors++
			} else {
				st.Warnings++
			}
		}
		if l.Report == nil {
			// No report at all (a workbook, not UTF-8, not YAML…): there
			// are no figures to sum, whatever the options.
			st.State, st.Errors = report.UnitUnreadable, max(st.Errors, 1)
			unreadable = append(unreadable, fmt.Sprintf("“%s”（%s）", st.Organ, l.Path))
			continue
		}
		r := l.Report
		switch {
		case r.Organ != mu.Organ:
			st.State, st.Refused = report.UnitRefused, "单位不符"
			res.Problems = append(res.Problems, mergeProblem(m.File, mu.Pos, "", "M-3",
				"清单中的单位是“%s”，但其数据文件 %s 的报告主体是“%s”。请核对清单或文件", mu.Organ, l.Path, r.Organ))
		case m.Year != 0 && r.Year != m.Year:
			st.State, st.Refused = report.UnitRefused, "年度不符"
			res.Problems = append(res.Problems, mergeProblem(m.File, mu.Pos, "", "M-3",
				"“%s”的数据文件 %s 是 %d 年度的报告，本次汇总 %d 年度：不能把两个年度混在一起汇总", mu.Organ, l.Path, r.Year, m.Year))
		}
		if r.Scope == report.ScopeRegion {
			// A roll-up already holds its units' figures: summing it
			// with them (or in a roll-up of roll-ups) counts them twice.
			if st.State != report.UnitRefused {
				st.State, st.Refused = report.UnitRefused, "汇总报告"
			}
			res.Problems = append(res.Problems, mergeProblem(l.Path, r.Pos.Scope, "scope", "M-4",
				"这是本级政府汇总报告（scope: region），不能作为单位参与汇总（清单 %s 中的“%s”）：其中的数字已包含下级单位，会被重复计算。请在清单中改为该机关本身的报告（scope: organ），或把该汇总报告的各单位直接列入清单",
				where(m.File, mu.Pos), mu.Organ))
		}
		if st.State == report.UnitRefused {
			continue
		}
		if st.Errors > 0 {
			st.State = report.UnitInvalid
			invalid = append(invalid, fmt.Sprintf("“%s”（%s，%d 个错误）", st.Organ, l.Path, st.Errors))
			tableErrors = tableErrors || slices.ContainsFunc(st.Problems, CarriesIntoTotals)
			if !opts.AllowErrors {
				continue
			}
		}
		st.Included = true
		if st.State == report.UnitSubmitted && r.AllZero() {
			st.State = report.UnitZero
		}
		include = append(include, r)
	}
	// Mixed editions stop the merge, naming the units of each edition.
	eds := map[report.Edition][]string{}
	for _, st := range res.Units {
		if st.Report != nil {
			eds[st.Report.Edition] = append(eds[st.Report.Edition], st.Organ)
		}
	}
	if len(eds) > 1 {
		res.Problems = append(res.Problems, mergeProblem(m.File, report.Pos{}, "", "M-3",
			"单位报告混用了两版格式：2019 版（%s），2021 版（%s）。同一年度的报告应使用同一版格式",
			strings.Join(eds[report.Ed2019], "、"), strings.Join(eds[report.Ed2021], "、")))
	}
	if len(invalid) > 0 {
		if opts.AllowErrors {
			msg := "以下单位的报告有错误，已按 --allow-errors 照常汇总（有错误的数字也计入了汇总）：" + strings.Join(invalid, "、")
			if tableErrors {
				msg += "。其中表格数字的错误（表二、表三、表四的 T 规则）会原样带入汇总数：汇总结果将有同样的错误，nianbao build 不会据此生成报告"
			}
			res.Problems = append(res.Problems, report.Problem{File: m.File, Rule: "M-2", Severity: report.Warning, Msg: msg})
		} else {
			res.Problems = append(res.Problems, mergeProblem(m.File, report.Pos{}, "", "M-2",
				"以下单位的报告有错误，未汇总：%s。请各单位改正后重新报送（nianbao check），或用 --allow-errors 照常汇总", strings.Join(invalid, "、")))
		}
	}
	if len(unreadable) > 0 {
		if opts.AllowErrors {
			res.Problems = append(res.Problems, report.Problem{File: m.File, Rule: "M-2", Severity: report.Warning,
				Msg: "以下单位报送的文件未能读取（见上），不是年度报告数据文件，没有可汇总的数字：" + strings.Join(unreadable, "、") +
					"。已按 --allow-errors 汇总其余单位：汇总数不含这些单位，报告附“汇总单位情况”将其列为“未能读取”、不计入汇总数"})
		} else {
			res.Problems = append(res.Problems, mergeProblem(m.File, report.Pos{}, "", "M-2",
				"以下单位报送的文件未能读取（见上），不是年度报告数据文件，未汇总：%s。请该单位报送数据文件（.yaml）并在清单中写该文件后重新汇总；确需先行汇总其余单位时加 --allow-errors（这些单位不计入汇总数，报告列为“未能读取”）",
				strings.Join(unreadable, "、")))
		}
	}
	if res.Problems.HasErrors() {
		res.Problems.Sort()
		return res
	}
	region, err := Aggregate(RegionIdentity{Organ: m.Organ, Year: m.Year, Date: m.Date, CarryOverNote: m.CarryOverNote,
		FormatOverrideReason: m.FormatOverrideReason, Text: m.Text, WorkPlan: m.WorkPlan}, include)
	if err != nil {
		res.Problems = append(res.Problems, mergeProblem(m.File, report.Pos{}, "", "M-3", "%s", err.Error()))
	} else {
		region.MergedUnits = Ledger(m.File, res.Units)
		res.Region = region
	}
	res.Problems.Sort()
	return res
}

// Ledger is the merged_units list of a merge: each unit's organ, status
// and data file relative to the manifest's directory (slash-separated).
func Ledger(manifest string, units []report.UnitStatus) []report.MergedUnit {
	out := make([]report.MergedUnit, 0, len(units))
	dir := filepath.Dir(manifest)
	for _, u := range units {
		file := u.File
		if file != "" {
			if rel, err := filepath.Rel(dir, file); err == nil {
				file = rel
			}
			file = filepath.ToSlash(file)
		}
		out = append(out, report.MergedUnit{Organ: u.Organ, Status: u.State.String(), File: file})
	}
	return out
}

// where is file:line, or the file when pos has no line.
func where(file string, pos report.Pos) string {
	if pos.Line > 0 {
		return fmt.Sprintf("%s:%d", file, pos.Line)
	}
	return file
}

// mergeProblem makes a problem of merge rule id (M-1 … M-4 in Rules).
func mergeProblem(file string, pos report.Pos, path, id, format string, args ...any) report.Problem {
	return report.Problemf(file, pos, path, id, format, args...)
}

func mergeFileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// CarriesIntoTotals reports whether a unit's problem is an error of its
// tables' figures (T2-*, T3-*, T4-*) that summing carries into the
// region's totals: sums of tables that do not add up do not add up either.
func CarriesIntoTotals(p report.Problem) bool {
	if p.Severity != report.Error {
		return false
	}
	for _, prefix := range []string{"T2-", "T3-", "T4-"} {
		if strings.HasPrefix(p.Rule, prefix) {
			return true
		}
	}
	return false
}

// WrittenAdvice is what to tell the user when the merged file out does not
// pass check (written, its problems): the units summed under
// --allow-errors whose table errors carried into the totals, with what to
// do about each (correct its file, or leave it out), when written has such
// errors; the manifest or the region's text otherwise. One line per cause,
// each starting with out; "" when written has no errors.
func WrittenAdvice(out string, written report.Problems, units []report.UnitStatus) string {
	var carried, other bool
	for _, p := range written {
		switch {
		case p.Severity != report.Error:
		case CarriesIntoTotals(p):
			carried = true
		default:
			other = true
		}
	}
	var names, checks []string
	for _, u := range units {
		if u.Included && u.State == report.UnitInvalid && slices.ContainsFunc(u.Problems, CarriesIntoTotals) {
			var rules []string
			for _, p := range u.Problems {
				if CarriesIntoTotals(p) && !slices.Contains(rules, p.Rule) {
					rules = append(rules, p.Rule)
				}
			}
			names = append(names, fmt.Sprintf("“%s”（%s：%s）", u.Organ, filepath.ToSlash(u.File), strings.Join(rules, "、")))
			checks = append(checks, "nianbao check "+report.ShellArg(u.File))
		}
	}
	var lines []string
	if carried && len(names) > 0 {
		lines = append(lines, fmt.Sprintf("%s: 汇总结果的表格数字有错误（见上），来自按 --allow-errors 计入汇总的单位%s：单位表格中不平衡的数字相加后，汇总数同样不平衡，nianbao build 不会据此生成报告。"+
			"请该单位改正数据文件（%s）后重新汇总；或暂不汇总该单位：在汇总清单中删去其 file（列为“未报送”，汇总数不含其数字），加 --allow-missing 重新汇总",
			out, strings.Join(names, "、"), strings.Join(checks, "；")))
	}
	if other || (carried && len(names) == 0) {
		lines = append(lines, out+": 汇总结果有错误（见上）。请改正汇总清单或本级政府文字部分后重新汇总")
	}
	return strings.Join(lines, "\n")
}
