package xlsx

// The 校验 sheet: the statutory rules as live formulas over the input
// cells, laid out from the grid so they follow the edition.

import (
	"cmp"
	"fmt"
	"nianbao/report"
	"strings"

	"github.com/xuri/excelize/v2"
)

// checks writes the 校验 sheet: every arithmetic rule of the tables as a
// live formula with both sides and ✓ or ✗.
func (w *writer) checks() {
	s := sheetCheck
	w.newSheet(s)
	w.titleRow(s, "校验（随填写自动计算：✓ 相符，✗ 不符）", 6)
	w.headRow(s, 2, "规则", "项目", "计算", "左边", "右边", "结果")
	rows := w.checkRows()
	for i, c := range rows {
		row := 3 + i
		for k, v := range []string{c.rule, c.item, c.how} {
			w.set(s, 1+k, row, v)
		}
		w.formula(s, 4, row, c.left)
		w.formula(s, 5, row, c.right)
		w.formula(s, 6, row, fmt.Sprintf(`IF(D%d%sE%d,"✓","✗")`, row, cmp.Or(c.op, "="), row))
		w.styleRange(s, 1, row, 3, 1, w.st.label)
		w.styleRange(s, 4, row, 3, 1, w.st.labelCenter)
		w.rowHeight(s, row, 22)
	}
	last := 2 + len(rows)
	// ✓ green, ✗ red.
	w.check(w.f.SetConditionalFormat(s, fmt.Sprintf("F3:F%d", last), []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: "==", Format: &w.st.ok, Value: `"✓"`},
		{Type: "cell", Criteria: "==", Format: &w.st.bad, Value: `"✗"`},
	}))
	w.set(s, 1, last+2, "说明：本表只做表内计算校验；跨年度衔接、文字与表格一致等其他规则请导入后用 nianbao check 检查。")
	w.colWidths(s, 9, 34, 62)
	w.colWidth(s, 4, 6, 10)
	w.protect(s)
}

// checkRow is one rule of the 校验 sheet: left op right (op "" is =),
// each side a formula on the table sheets.
type checkRow struct{ op, rule, item, how, left, right string }

// at names a cell of a sheet in a formula: '表三'!D6.
func at(sheet string, col, row int) string { return fmt.Sprintf("'%s'!%s", sheet, ref(col, row)) }

// sum is the formula SUM('表三'!D6:I6).
func sum(sheet string, c0, r0, c1, r1 int) string {
	return fmt.Sprintf("SUM(%s:%s)", at(sheet, c0, r0), ref(c1, r1))
}

// checkRows derives the rules of the 校验 sheet from the layout: blank
// inputs per sheet, then 表三's balances (T3-1, T3-3, T3-4), 表四's totals
// (T4-1) and the fees (TX-2, a warning).
func (w *writer) checkRows() []checkRow {
	var out []checkRow
	fees := w.r.Fees != nil || w.r.Edition == report.Ed2021
	for _, sheet := range []string{sheetT2, sheetT3, sheetT4, sheetFees} {
		var parts []string
		for _, rg := range ranges(w.l.fieldsOn(sheet)) {
			parts = append(parts, fmt.Sprintf("COUNTBLANK('%s'!%s)", sheet, rg))
		}
		if len(parts) > 0 && (sheet != sheetFees || fees) {
			out = append(out, checkRow{"", "未填写", sheet + "中尚未填写的单元格", "空白不等于 0：没有的请填 0", strings.Join(parts, "+"), "0"})
		}
	}
	l, t3 := w.l, sheetT3
	rec, over, total, fwd := l.t3Row(report.T3Received), l.t3Row(report.T3CarriedOver), l.t3Row(report.T3Total), l.t3Row(report.T3CarriedForward)
	cols := append(report.ApplicantColumns[:], report.T3TotalCol)
	for k, name := range cols {
		c := 4 + k
		out = append(out, checkRow{"", "T3-1", "表三 " + name + "列", "一（本年新收）+ 二（上年结转）=（七）总计 + 四（结转下年度）",
			at(t3, c, rec) + "+" + at(t3, c, over), at(t3, c, total) + "+" + at(t3, c, fwd)})
	}
	for k, name := range cols {
		c := 4 + k
		var terms []string
		for _, g := range l.t3Groups() {
			terms = append(terms, sum(t3, c, g[0], c, g[1]))
		}
		out = append(out, checkRow{"", "T3-3", "表三 " + name + "列", "（七）总计 = （一）+（二）+（三）+（四）+（五）+（六）",
			at(t3, c, total), strings.Join(terms, "+")})
	}
	// T3-4 on the rows the report's figures come from (the 总计 column is
	// a formula, so the other rows cannot differ).
	for i, row := range []int{rec, over, total, fwd} {
		name := [...]string{"一、本年新收", "二、上年结转", "（七）总计", "四、结转下年度继续办理"}[i]
		out = append(out, checkRow{"", "T3-4", "表三 " + name + "行", "总计 = 自然人 + 法人或其他组织（五类）", at(t3, 10, row), sum(t3, 4, row, 9, row)})
	}
	for gi, g := range report.Table4Rows {
		tc, row := l.T4Total[gi], l.T4Row
		out = append(out, checkRow{"", "T4-1", "表四 " + g.Titled, "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
			at(sheetT4, tc, row), sum(sheetT4, tc-4, row, tc-1, row)})
	}
	if notified, collected := l.byPath["processing_fees.notified_amount"], l.byPath["processing_fees.collected"]; fees && notified != nil && collected != nil {
		out = append(out, checkRow{"<=", "TX-2", "信息处理费（警告）", "实际收取的总金额 ≤ 发出收费通知的总金额",
			at(sheetFees, collected.Col, collected.Row), at(sheetFees, notified.Col, notified.Row)})
	}
	return out
}

// ranges covers the cells of fields with as few rectangles as it easily
// can: runs of adjacent cells in a row, then identical runs in adjacent rows.
func ranges(fields []*field) []string {
	type run struct{ c0, c1, r0, r1 int }
	var runs []run
	for _, f := range fields {
		if n := len(runs); n > 0 && runs[n-1].r0 == f.Row && runs[n-1].c1+1 == f.Col {
			runs[n-1].c1 = f.Col
			continue
		}
		runs = append(runs, run{f.Col, f.Col, f.Row, f.Row})
	}
	var merged []run
	for _, r := range runs {
		if n := len(merged); n > 0 && merged[n-1].c0 == r.c0 && merged[n-1].c1 == r.c1 && merged[n-1].r1+1 == r.r0 {
			merged[n-1].r1 = r.r0
			continue
		}
		merged = append(merged, r)
	}
	out := make([]string, len(merged))
	for i, r := range merged {
		out[i] = ref(r.c0, r.r0)
		if r.c0 != r.c1 || r.r0 != r.r1 {
			out[i] += ":" + ref(r.c1, r.r1)
		}
	}
	return out
}
