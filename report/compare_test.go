package report_test

import (
	"fmt"
	. "nianbao/report"
	. "nianbao/report/datafile"
	"strings"
	"testing"
)

func mustLoad(t testing.TB, path string) *Report {
	t.Helper()
	r, ps := LoadFile(path)
	if r == nil || ps.HasErrors() {
		t.Fatalf("%s: %v", path, ps)
	}
	return r
}

func findCompareRow(t *testing.T, c Comparison, table, label string) CompareRow {
	t.Helper()
	for _, r := range c.Rows {
		if r.Table == table && r.Label == label {
			return r
		}
	}
	t.Fatalf("no %s row %q", table, label)
	return CompareRow{}
}

func setT2(r *Report, row, col string, v int64) {
	r.Active[r.Edition.Table2Index(row, col)].Int = v
}

func setT2Amount(r *Report, row, col string, d Decimal) {
	r.Active[r.Edition.Table2Index(row, col)].Amount = d
}

func TestCompare(t *testing.T) {
	const licensing = "第二十条第（五）项 行政许可：本年处理决定数量"
	cases := []struct {
		name         string
		base, cur    string
		edit         func(base, cur *Report)
		noBase       bool
		table, label string
		want         CompareRow // Table and Label are filled in from the case
		note         string     // a note of the comparison contains this
	}{
		{name: "increase", base: "testdata/valid2021.yaml", cur: "testdata/valid2021.yaml",
			edit:  func(b, c *Report) { setT2(b, "licensing", "decisions", 8); setT2(c, "licensing", "decisions", 9) },
			table: "表二", label: licensing,
			want: CompareRow{Key: "active.licensing.decisions", Base: "8", Cur: "9", Delta: "+1", Percent: "+12.5%", Comparable: true}},
		{name: "decrease rounds half away from zero", base: "testdata/valid2021.yaml", cur: "testdata/valid2021.yaml",
			edit:  func(b, c *Report) { setT2(b, "licensing", "decisions", 2000); setT2(c, "licensing", "decisions", 1999) },
			table: "表二", label: licensing,
			want: CompareRow{Key: "active.licensing.decisions", Base: "2000", Cur: "1999", Delta: "-1", Percent: "-0.1%", Comparable: true}},
		{name: "minus three percent", base: "testdata/valid2021.yaml", cur: "testdata/valid2021.yaml",
			edit:  func(b, c *Report) { setT2(b, "licensing", "decisions", 200); setT2(c, "licensing", "decisions", 194) },
			table: "表二", label: licensing,
			want: CompareRow{Key: "active.licensing.decisions", Base: "200", Cur: "194", Delta: "-6", Percent: "-3.0%", Comparable: true}},
		{name: "one third", base: "testdata/valid2021.yaml", cur: "testdata/valid2021.yaml",
			edit:  func(b, c *Report) { setT2(b, "licensing", "decisions", 3); setT2(c, "licensing", "decisions", 2) },
			table: "表二", label: licensing,
			want: CompareRow{Key: "active.licensing.decisions", Base: "3", Cur: "2", Delta: "-1", Percent: "-33.3%", Comparable: true}},
		{name: "base zero", base: "testdata/valid2021.yaml", cur: "testdata/valid2021.yaml",
			edit:  func(b, c *Report) { setT2(b, "licensing", "decisions", 0); setT2(c, "licensing", "decisions", 5) },
			table: "表二", label: licensing,
			want: CompareRow{Key: "active.licensing.decisions", Base: "0", Cur: "5", Delta: "+5", Percent: "—", Comparable: true}},
		{name: "both zero", base: "testdata/valid2021.yaml", cur: "testdata/valid2021.yaml",
			edit:  func(b, c *Report) { setT2(b, "licensing", "decisions", 0); setT2(c, "licensing", "decisions", 0) },
			table: "表二", label: licensing,
			want: CompareRow{Key: "active.licensing.decisions", Base: "0", Cur: "0", Delta: "0", Percent: "—", Comparable: true}},
		{name: "unchanged", base: "testdata/valid2021.yaml", cur: "testdata/valid2021.yaml",
			table: "表二", label: licensing,
			want: CompareRow{Key: "active.licensing.decisions", Base: "310", Cur: "310", Delta: "0", Percent: "0.0%", Comparable: true}},
		{name: "amounts with different scales", base: "testdata/valid2021.yaml", cur: "testdata/valid2021.yaml",
			edit: func(b, c *Report) {
				setT2Amount(b, "fees", "amount", Decimal{Mant: 35, Scale: 1})
				setT2Amount(c, "fees", "amount", Decimal{Mant: 35200, Scale: 4})
			},
			table: "表二", label: "第二十条第（八）项 行政事业性收费：本年收费金额（单位：万元）",
			want: CompareRow{Key: "active.fees.amount", Unit: "万元", Base: "3.5", Cur: "3.5200", Delta: "+0.0200", Percent: "+0.6%", Comparable: true}},
		{name: "amount decrease", base: "testdata/valid2021.yaml", cur: "testdata/valid2021.yaml",
			edit: func(b, c *Report) {
				setT2Amount(b, "fees", "amount", Decimal{Mant: 12, Scale: 0})
				setT2Amount(c, "fees", "amount", Decimal{Mant: 1125, Scale: 2})
			},
			table: "表二", label: "第二十条第（八）项 行政事业性收费：本年收费金额（单位：万元）",
			want: CompareRow{Key: "active.fees.amount", Unit: "万元", Base: "12", Cur: "11.25", Delta: "-0.75", Percent: "-6.3%", Comparable: true}},
		{name: "procurement in 元 and 万元", base: "testdata/valid2019.yaml", cur: "testdata/valid2019.yaml",
			edit: func(b, c *Report) {
				b.ProcUnit, c.ProcUnit = "元", "万元"
				setT2Amount(b, "procurement", "amount", Decimal{Mant: 1000000, Scale: 0}) // 100万元
				setT2Amount(c, "procurement", "amount", Decimal{Mant: 1105, Scale: 1})    // 110.5万元
			},
			table: "表二", label: "第二十条第（九）项 政府集中采购：采购总金额（万元）",
			want: CompareRow{Key: "active.procurement.amount", Unit: "万元", Base: "100.0000", Cur: "110.5", Delta: "+10.5000", Percent: "+10.5%", Comparable: true,
				Reason: "两个年度填报单位不同（元、万元），已按 1元 = 0.0001万元 换算为万元后比较"}},
		{name: "missing previous year", cur: "testdata/valid2021.yaml", noBase: true,
			table: "表三", label: "一、本年新收政府信息公开申请数量",
			want: CompareRow{Key: "requests.received[6]", Base: "—", Cur: "12", Delta: "—", Percent: "—", Reason: "没有基准年度数据"},
			note: "没有找到“测试县人民政府办公室”上一年度的报告"},
		{name: "edition change: 表二 column changed, the new column", base: "testdata/valid2019.yaml", cur: "testdata/valid2021.yaml",
			table: "表二", label: "第二十条第（一）项 规章：本年制发件数",
			want: CompareRow{Key: "active.rules.issued", Base: "—", Cur: "0", Delta: "—", Percent: "—",
				Reason: "2019版为“本年新制作数量”，2021版为“本年制发件数”，统计口径不同，分行列出，不作比较"},
			note: "2020年度报告使用 2019版格式，2022年度报告使用 2021版格式"},
		{name: "edition change: 表二 column changed, the old column", base: "testdata/valid2019.yaml", cur: "testdata/valid2021.yaml",
			table: "表二", label: "第二十条第（一）项 规范性文件：对外公开总数量",
			want: CompareRow{Key: "active.normative_documents.total", Base: "26", Cur: "—", Delta: "—", Percent: "—",
				Reason: "2019版为“对外公开总数量”，2021版为“现行有效件数”，统计口径不同，分行列出，不作比较"}},
		{name: "edition change: a count of fee items is not an amount", base: "testdata/valid2019.yaml", cur: "testdata/valid2021.yaml",
			table: "表二", label: "第二十条第（八）项 行政事业性收费：本年收费金额（单位：万元）",
			want: CompareRow{Key: "active.fees.amount", Unit: "万元", Base: "—", Cur: "3.5200", Delta: "—", Percent: "—", Reason: "2019版没有此栏目"}},
		{name: "edition change: fee items keep their own row", base: "testdata/valid2019.yaml", cur: "testdata/valid2021.yaml",
			table: "表二", label: "第二十条第（八）项 行政事业性收费：上一年项目数量",
			want: CompareRow{Key: "active.fees.previous", Base: "4", Cur: "—", Delta: "—", Percent: "—", Reason: "2021版没有此栏目"}},
		{name: "edition change backwards: fee amount of the base year", base: "testdata/valid2021.yaml", cur: "testdata/valid2019.yaml",
			table: "表二", label: "第二十条第（八）项 行政事业性收费：本年收费金额（单位：万元）",
			want: CompareRow{Key: "active.fees.amount", Unit: "万元", Base: "3.5200", Cur: "—", Delta: "—", Percent: "—", Reason: "2019版没有此栏目"}},
		{name: "edition change: 表二 decisions comparable", base: "testdata/valid2019.yaml", cur: "testdata/valid2021.yaml",
			edit:  func(b, c *Report) { setT2(b, "licensing", "decisions", 300) },
			table: "表二", label: licensing,
			want: CompareRow{Key: "active.licensing.decisions", Base: "300", Cur: "310", Delta: "+10", Percent: "+3.3%", Comparable: true,
				Reason: "2019版为“处理决定数量”，2021版为“本年处理决定数量”，口径相同，可以比较"}},
		{name: "edition change: 2019-only column", base: "testdata/valid2019.yaml", cur: "testdata/valid2021.yaml",
			edit:  func(b, c *Report) { setT2(b, "other_services", "change", -4) },
			table: "表二", label: "第二十条第（五）项 其他对外管理服务事项：本年增/减",
			want: CompareRow{Key: "active.other_services.change", Base: "-4", Cur: "—", Delta: "—", Percent: "—", Reason: "2021版没有此栏目"}},
		{name: "edition change: （六） compared as a sum", base: "testdata/valid2019.yaml", cur: "testdata/valid2021.yaml",
			edit: func(b, c *Report) {
				b.Requests[b.Edition.T3Index("other")].Cells = [6]int64{2, 0, 0, 0, 0, 0}
				c.Requests[c.Edition.T3Index("other.no_correction")].Cells = [6]int64{1, 0, 0, 0, 0, 0}
				c.Requests[c.Edition.T3Index("other.other")].Cells = [6]int64{1, 1, 0, 0, 0, 0}
			},
			table: "表三", label: "（六）其他处理（合计）",
			want: CompareRow{Key: "requests.other[6]", Base: "2", Cur: "3", Delta: "+1", Percent: "+50.0%", Comparable: true,
				Reason: "2022年度（2021版）为（六）1—3 三项之和，2020年度（2019版）为“（六）其他处理”一行，按合计比较"}},
		{name: "edition change: （六） sub-rows", base: "testdata/valid2019.yaml", cur: "testdata/valid2021.yaml",
			table: "表三", label: "（六）其他处理 3.其他",
			want: CompareRow{Key: "requests.other.other[6]", Base: "—", Cur: "0", Delta: "—", Percent: "—", Reason: "2019版“（六）其他处理”不分项，无法逐项比较"}},
		{name: "2021 edition: （六） compared as a sum too", base: "testdata/prev2021.yaml", cur: "testdata/valid2021.yaml",
			edit: func(b, c *Report) {
				b.Requests[b.Edition.T3Index("other.fee_unpaid")].Cells = [6]int64{4, 0, 0, 0, 0, 0}
				c.Requests[c.Edition.T3Index("other.no_correction")].Cells = [6]int64{1, 0, 0, 0, 0, 0}
				c.Requests[c.Edition.T3Index("other.other")].Cells = [6]int64{1, 1, 0, 0, 0, 0}
			},
			table: "表三", label: "（六）其他处理（合计）",
			want: CompareRow{Key: "requests.other[6]", Base: "4", Cur: "3", Delta: "-1", Percent: "-25.0%", Comparable: true}},
		{name: "2021 edition: （六） sub-rows compared", base: "testdata/prev2021.yaml", cur: "testdata/valid2021.yaml",
			edit:  func(b, c *Report) { c.Requests[c.Edition.T3Index("other.other")].Cells = [6]int64{1, 1, 0, 0, 0, 0} },
			table: "表三", label: "（六）其他处理 3.其他",
			want: CompareRow{Key: "requests.other.other[6]", Base: "0", Cur: "2", Delta: "+2", Percent: "—", Comparable: true}},
		{name: "2019 edition: （六） is its own 合计", base: "testdata/prev2019.yaml", cur: "testdata/valid2019.yaml",
			edit:  func(b, c *Report) { c.Requests[c.Edition.T3Index("other")].Cells = [6]int64{0, 0, 0, 0, 0, 5} },
			table: "表三", label: "（六）其他处理",
			want: CompareRow{Key: "requests.other[6]", Base: "0", Cur: "5", Delta: "+5", Percent: "—", Comparable: true}},
		{name: "no base, 2021 edition: the 合计 has the year's figure", cur: "testdata/valid2021.yaml", noBase: true,
			edit: func(b, c *Report) {
				c.Requests[c.Edition.T3Index("other.fee_unpaid")].Cells = [6]int64{0, 2, 0, 0, 0, 0}
			},
			table: "表三", label: "（六）其他处理（合计）",
			want: CompareRow{Key: "requests.other[6]", Base: "—", Cur: "2", Delta: "—", Percent: "—", Reason: "没有基准年度数据"}},
		{name: "edition change: 表三 rows", base: "testdata/valid2019.yaml", cur: "testdata/valid2021.yaml",
			table: "表三", label: "（七）总计",
			want: CompareRow{Key: "requests.total[6]", Base: "7", Cur: "11", Delta: "+4", Percent: "+57.1%", Comparable: true}},
		{name: "applicant column detail", base: "testdata/prev2021.yaml", cur: "testdata/valid2021.yaml",
			table: "表三", label: "一、本年新收政府信息公开申请数量：自然人",
			want: CompareRow{Key: "requests.received[0]", Base: "7", Cur: "10", Delta: "+3", Percent: "+42.9%", Comparable: true, Detail: true}},
		{name: "表四 computed total", base: "testdata/prev2021.yaml", cur: "testdata/valid2021.yaml",
			table: "表四", label: "行政复议：总计",
			want: CompareRow{Key: "appeals.review.total", Base: "0", Cur: "1", Delta: "+1", Percent: "—", Comparable: true}},
		{name: "fees across editions", base: "testdata/valid2019.yaml", cur: "testdata/valid2021.yaml",
			table: "信息处理费", label: "发出收费通知的件数",
			want: CompareRow{Key: "processing_fees.notices", Base: "—", Cur: "0", Delta: "—", Percent: "—", Reason: "2020年度使用2019版格式，没有信息处理费栏目"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var base *Report
			if !tc.noBase {
				base = mustLoad(t, tc.base)
			}
			cur := mustLoad(t, tc.cur)
			if tc.edit != nil {
				tc.edit(base, cur)
			}
			c := Compare(base, cur)
			got := findCompareRow(t, c, tc.table, tc.label)
			tc.want.Table, tc.want.Label = tc.table, tc.label // Key and Unit are the case's
			if got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			if tc.note != "" && !strings.Contains(strings.Join(c.Notes, "\n"), tc.note) {
				t.Errorf("notes %q do not mention %q", c.Notes, tc.note)
			}
		})
	}
}

// Every figure of both reports appears in the comparison, each label once.
func TestCompareCoversEveryFigure(t *testing.T) {
	for _, pair := range [][2]string{
		{"testdata/prev2021.yaml", "testdata/valid2021.yaml"},
		{"testdata/prev2019.yaml", "testdata/valid2019.yaml"},
		{"testdata/valid2019.yaml", "testdata/valid2021.yaml"},
		{"testdata/valid2021.yaml", "testdata/valid2019.yaml"},
	} {
		base, cur := mustLoad(t, pair[0]), mustLoad(t, pair[1])
		c := Compare(base, cur)
		seen, keys := map[string]bool{}, map[string]bool{}
		t2, t3, t4 := 0, 0, 0
		for _, r := range c.Rows {
			label := r.Table + r.Label
			if seen[label] {
				t.Errorf("%v: duplicate row %s", pair, label)
			}
			seen[label] = true
			if r.Key == "" || keys[r.Key] {
				t.Errorf("%v: row %s: key %q empty or not unique", pair, label, r.Key)
			}
			keys[r.Key] = true
			switch r.Table {
			case "表二":
				t2++
			case "表三":
				t3++
			case "表四":
				t4++
			}
		}
		wantT2 := max(len(base.Edition.Table2Cells()), len(cur.Edition.Table2Cells()))
		if base.Edition != cur.Edition {
			// Every cell of both editions once: a data path both have
			// (处理决定数量) is one row.
			paths := map[string]bool{}
			for _, ed := range []Edition{Ed2019, Ed2021} {
				for _, c := range ed.Table2Cells() {
					paths[c.Path()] = true
				}
			}
			wantT2 = len(paths)
		}
		wantT3 := 7 * len(cur.Edition.Table3())
		if base.Edition != cur.Edition || cur.Edition == Ed2021 { // plus the （六） 合计
			wantT3 = 7 * (len(Ed2021.Table3()) + 1)
		}
		if t2 != wantT2 || t3 != wantT3 || t4 != 15 {
			t.Errorf("%v: rows 表二 %d 表三 %d 表四 %d, want %d %d 15", pair, t2, t3, t4, wantT2, wantT3)
		}
	}
}

func TestWanYuan(t *testing.T) {
	for _, tc := range []struct {
		in   string
		unit string
		want string
	}{
		{"73802895.90", "元", "7380.289590"},
		{"1", "元", "0.0001"},
		{"12.5", "万元", "12.5"},
	} {
		d, err := ParseDecimal(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := WanYuan(d, tc.unit).String(); got != tc.want {
			t.Errorf("WanYuan(%s %s) = %s, want %s", tc.in, tc.unit, got, tc.want)
		}
	}
}

// Every comparison — within either edition, across the edition change in
// either direction, without a base — has （六）其他处理 as a whole under
// OtherTotalKey, exactly once, with its applicant columns: a series of
// comparisons can follow it from year to year.
func TestCompareOtherTotal(t *testing.T) {
	for _, tc := range []struct {
		base, cur string // base "" for none
		label     string
	}{
		{"testdata/prev2019.yaml", "testdata/valid2019.yaml", "（六）其他处理"},
		{"testdata/prev2021.yaml", "testdata/valid2021.yaml", OtherTotalLabel},
		{"testdata/valid2019.yaml", "testdata/valid2021.yaml", OtherTotalLabel},
		{"testdata/valid2021.yaml", "testdata/valid2019.yaml", OtherTotalLabel},
		{"", "testdata/valid2019.yaml", "（六）其他处理"},
		{"", "testdata/valid2021.yaml", OtherTotalLabel},
	} {
		t.Run(tc.base+"→"+tc.cur, func(t *testing.T) {
			var base *Report
			if tc.base != "" {
				base = mustLoad(t, tc.base)
				setOther(base, 1)
			}
			cur := mustLoad(t, tc.cur)
			setOther(cur, 2)
			c := Compare(base, cur)
			var total []CompareRow
			details := 0
			for _, r := range c.Rows {
				switch {
				case r.Key == OtherTotalKey:
					total = append(total, r)
				case strings.HasPrefix(r.Key, "requests.other[") && r.Detail:
					details++
				}
			}
			if len(total) != 1 {
				t.Fatalf("%d rows with key %s, want 1", len(total), OtherTotalKey)
			}
			r := total[0]
			// setOther puts n in the 其他 column of every part: 1 part in
			// 2019, 3 in 2021.
			parts := func(r *Report) int64 {
				if r.Edition == Ed2019 {
					return 1
				}
				return 3
			}
			want := CompareRow{Table: "表三", Key: OtherTotalKey, Label: tc.label, Base: NoValue, Cur: fmt.Sprint(2 * parts(cur)),
				Delta: NoValue, Percent: NoValue, Reason: r.Reason}
			if base != nil {
				want.Base = fmt.Sprint(parts(base))
				want.Comparable = true
				want.Delta, want.Percent = CmpChange(CmpInt(parts(base)), CmpInt(2*parts(cur)))
			}
			if r != want {
				t.Errorf("got  %+v\nwant %+v", r, want)
			}
			if details != len(ApplicantColumns) {
				t.Errorf("%d applicant columns of the 合计, want %d", details, len(ApplicantColumns))
			}
		})
	}
}

// setOther puts n in the 其他 applicant column of every row of （六）其他处理.
func setOther(r *Report, n int64) {
	for i, row := range r.Edition.Table3() {
		if row.ID == "other" || strings.HasPrefix(row.ID, "other.") {
			r.Requests[i].Cells = [6]int64{0, 0, 0, 0, 0, n}
		}
	}
}

// TestCmpChangeSigned: signed figures (2019 本年增/减) get an absolute
// change but no relative one.
func TestCmpChangeSigned(t *testing.T) {
	cases := []struct {
		base, cur      int64
		delta, percent string
	}{
		{-10, 5, "+15", NoValue},
		{5, -10, "-15", NoValue},
		{-4, -2, "+2", NoValue},
		{0, -3, "-3", NoValue},
		{4, 2, "-2", "-50.0%"},
	}
	for _, c := range cases {
		d, p := CmpChange(CmpInt(c.base), CmpInt(c.cur))
		if d != c.delta || p != c.percent {
			t.Errorf("CmpChange(%d, %d) = %q, %q; want %q, %q", c.base, c.cur, d, p, c.delta, c.percent)
		}
	}
}

// TestCompareEditionsTable2 checks every 表二 figure across the edition
// change, in both directions, with a distinct value in every cell of both
// reports: a row shows a year's figure only under the data path (Key) and
// label that figure has in that year's edition, so a figure never appears
// under a column that means something else (2019 上一年项目数量, a count
// of fee items, under 2021 本年收费金额（单位：万元）); only the columns
// with the same meaning in both editions are compared.
func TestCompareEditionsTable2(t *testing.T) {
	// Every 表二 cell of either edition: in2019/in2021 say which edition
	// has it; both means the same figure (compared).
	want := []struct {
		key            string
		in2019, in2021 bool
	}{
		{"active.rules.made", true, false},
		{"active.rules.issued", false, true},
		{"active.rules.published", true, false},
		{"active.rules.repealed", false, true},
		{"active.rules.total", true, false},
		{"active.rules.in_force", false, true},
		{"active.normative_documents.made", true, false},
		{"active.normative_documents.issued", false, true},
		{"active.normative_documents.published", true, false},
		{"active.normative_documents.repealed", false, true},
		{"active.normative_documents.total", true, false},
		{"active.normative_documents.in_force", false, true},
		{"active.licensing.previous", true, false},
		{"active.licensing.change", true, false},
		{"active.licensing.decisions", true, true},
		{"active.other_services.previous", true, false},
		{"active.other_services.change", true, false},
		{"active.other_services.decisions", true, false},
		{"active.penalty.previous", true, false},
		{"active.penalty.change", true, false},
		{"active.penalty.decisions", true, true},
		{"active.coercion.previous", true, false},
		{"active.coercion.change", true, false},
		{"active.coercion.decisions", true, true},
		{"active.fees.previous", true, false},
		{"active.fees.change", true, false},
		{"active.fees.amount", false, true},
		{"active.procurement.items", true, false},
		{"active.procurement.amount", true, false},
	}
	// distinct gives every cell of r a value no other cell of either
	// report has: 2019 cells 100+i, 2021 cells 500+i (amounts likewise).
	distinct := func(r *Report, from int64) map[string]string {
		fig := map[string]string{}
		for i, c := range r.Edition.Table2Cells() {
			v := from + int64(i)
			r.Active[i].Int, r.Active[i].Amount = v, Decimal{Mant: v}
			fig[c.Path()] = fmt.Sprint(v)
		}
		return fig
	}
	for _, dir := range []struct{ base, cur string }{
		{"testdata/valid2019.yaml", "testdata/valid2021.yaml"},
		{"testdata/valid2021.yaml", "testdata/valid2019.yaml"},
	} {
		t.Run(dir.base+"→"+dir.cur, func(t *testing.T) {
			base, cur := mustLoad(t, dir.base), mustLoad(t, dir.cur)
			base.ProcUnit, cur.ProcUnit = "万元", "万元"
			from := map[Edition]int64{Ed2019: 100, Ed2021: 500}
			bfig, kfig := distinct(base, from[base.Edition]), distinct(cur, from[cur.Edition])
			rows := map[string]CompareRow{}
			for _, r := range Compare(base, cur).Rows {
				if r.Table == "表二" {
					rows[r.Key] = r
				}
			}
			if len(rows) != len(want) {
				t.Errorf("%d 表二 rows, want %d", len(rows), len(want))
			}
			for _, w := range want {
				r, ok := rows[w.key]
				if !ok {
					t.Errorf("%s: no row", w.key)
					continue
				}
				in := map[Edition]bool{Ed2019: w.in2019, Ed2021: w.in2021}
				wantFig := func(r *Report, fig map[string]string) string {
					if !in[r.Edition] {
						return NoValue
					}
					return fig[w.key]
				}
				if b := wantFig(base, bfig); r.Base != b {
					t.Errorf("%s (%s): base figure %s, want %s", w.key, r.Label, r.Base, b)
				}
				if k := wantFig(cur, kfig); r.Cur != k {
					t.Errorf("%s (%s): current figure %s, want %s", w.key, r.Label, r.Cur, k)
				}
				if both := w.in2019 && w.in2021; r.Comparable != both || (r.Delta == NoValue) == both {
					t.Errorf("%s (%s): comparable %v, delta %s; want comparable %v", w.key, r.Label, r.Comparable, r.Delta, both)
				}
				if r.Reason == "" {
					t.Errorf("%s (%s): no reason", w.key, r.Label)
				}
				// The label is the column's own, in the edition whose figure
				// the row shows (the current one when both have it).
				ed := cur.Edition
				if !in[ed] {
					ed = base.Edition
				}
				rowKey, colKey, _ := strings.Cut(strings.TrimPrefix(w.key, "active."), ".")
				cell := ed.Table2Cells()[ed.Table2Index(rowKey, colKey)]
				blk := ed.Table2()[cell.Block]
				if label := blk.Rows[cell.Row].Label + "：" + blk.Cols[cell.Col].Label; !strings.Contains(r.Label, label) {
					t.Errorf("%s: label %q, want the %s edition's %q", w.key, r.Label, ed, label)
				}
			}
		})
	}
}
