package check

// The table cell a figure of the text names, and its value in the
// report, for TX-1's comparison of text and tables.

import (
	"nianbao/report"
	"strings"
)

// cellValue is what a table says for a figure: one or two candidates (受理
// may mean 新收 or 新收 + 上年结转), and how a message names the cell.
type cellValue struct {
	vals  []report.Decimal
	money bool
	cell  string
	alt   string // what the second candidate is, when there is one
}

func count(v int64) report.Decimal { return report.Decimal{Mant: v} }

// t3Row returns the per-column values of a 表三 row or group, and its label.
func t3Row(r *report.Report, id string) ([6]int64, string, bool) {
	var out [6]int64
	rows := r.Edition.Table3()
	if id == "total" {
		for i, row := range rows {
			if row.Kind == report.T3Outcome && i < len(r.Requests) {
				for k := range 6 {
					out[k] += r.Requests[i].Cells[k]
				}
			}
		}
		return out, "（七）总计", true
	}
	if i := r.Edition.T3Index(id); i >= 0 && i < len(r.Requests) {
		return r.Requests[i].Cells, report.T3Label(rows[i]), true
	}
	label, found := "", false
	for i, row := range rows {
		if strings.HasPrefix(row.ID, id+".") && i < len(r.Requests) {
			for k := range 6 {
				out[k] += r.Requests[i].Cells[k]
			}
			label, found = row.Group, true
		}
	}
	return out, label, found
}

func colSum(cells [6]int64, col string) int64 {
	switch col {
	case colAll:
		var s int64
		for _, v := range cells {
			s += v
		}
		return s
	case colLegal:
		return cells[1] + cells[2] + cells[3] + cells[4] + cells[5]
	}
	k := int(col[0] - '0')
	return cells[k]
}

func t3ColName(col string) string {
	switch col {
	case colAll:
		return "总计"
	case colLegal:
		return "“法人或其他组织”五列之和"
	}
	return "“" + report.ApplicantColumns[col[0]-'0'] + "”列"
}

// joinNames joins names with 加 for a sum.
func joinNames(names []string) string { return strings.Join(names, "加") }

// expected returns what the tables say for f.
func expected(r *report.Report, f figure) (cellValue, bool) {
	switch f.dom {
	case dT3:
		if f.qty.money {
			return cellValue{}, false
		}
		var sum [6]int64
		var alt [6]int64
		var names []string
		hasAlt := false
		for _, id := range f.rows {
			if id == rowAccepted {
				rec, l1, _ := t3Row(r, "received")
				car, _, _ := t3Row(r, "carried_over")
				for k := range 6 {
					sum[k] += rec[k]
					alt[k] += rec[k] + car[k]
				}
				names = append(names, l1)
				hasAlt = true
				continue
			}
			cells, label, ok := t3Row(r, id)
			if !ok {
				return cellValue{}, false
			}
			for k := range 6 {
				sum[k] += cells[k]
				alt[k] += cells[k]
			}
			names = append(names, "“"+label+"”")
		}
		for i, n := range names {
			if !strings.HasPrefix(n, "“") {
				names[i] = "“" + n + "”"
			}
		}
		var v, a int64
		var cols []string
		for _, col := range f.cols {
			v += colSum(sum, col)
			a += colSum(alt, col)
			cols = append(cols, t3ColName(col))
		}
		cv := cellValue{vals: []report.Decimal{count(v)}, cell: strings.Replace("表三"+joinNames(names)+joinNames(cols), "总计”总计", "总计”", 1)}
		if hasAlt && a != v {
			cv.vals = append(cv.vals, count(a))
			cv.alt = "加上“二、上年结转政府信息公开申请数量”"
		}
		return cv, true
	case dT4:
		if f.qty.money {
			return cellValue{}, false
		}
		var v int64
		var groups, outs []string
		for _, g := range f.rows {
			var idx []int
			name := ""
			switch g {
			case "review":
				idx, name = []int{0}, "“行政复议”"
			case "litigation":
				idx, name = []int{1, 2}, "“行政诉讼”（未经复议直接起诉与复议后起诉两组之和）"
			case "litigation_direct":
				idx, name = []int{1}, "“行政诉讼·未经复议直接起诉”"
			case "litigation_after_review":
				idx, name = []int{2}, "“行政诉讼·复议后起诉”"
			default:
				return cellValue{}, false
			}
			groups = append(groups, name)
			for _, i := range idx {
				a := r.Appeals[i]
				for _, o := range f.cols {
					if o == colAll {
						v += a.Sum()
					} else {
						v += a.Vals[o[0]-'0']
					}
				}
			}
		}
		for _, o := range f.cols {
			if o == colAll {
				outs = append(outs, "总计")
			} else {
				outs = append(outs, "“"+report.Table4Cols[o[0]-'0'].Label+"”")
			}
		}
		return cellValue{vals: []report.Decimal{count(v)}, cell: "表四" + joinNames(groups) + joinNames(outs)}, true
	case dT2:
		if len(f.cols) != 1 {
			return cellValue{}, false
		}
		var total report.Decimal
		var names []string
		money := false
		for _, row := range f.rows {
			col := t2Column(r.Edition, row, f.cols[0])
			cell, ok := r.ActiveCell(row, col)
			if !ok {
				return cellValue{}, false
			}
			label, colLabel, kind := t2Labels(r.Edition, row, col)
			v := report.Decimal{Mant: cell.Int}
			if kind == report.KindAmount {
				money = true
				v = cell.Amount
				if row == "fees" || r.ProcUnit != "元" {
					v = report.Decimal{Mant: v.Mant, Scale: v.Scale - 4} // 万元 → 元
					if v.Scale < 0 {
						v = report.Decimal{Mant: v.Mant * pow10i(-v.Scale)}
					}
				}
			}
			total = total.Add(v)
			names = append(names, "“"+label+"”“"+colLabel+"”")
		}
		if money != f.qty.money {
			return cellValue{}, false
		}
		return cellValue{vals: []report.Decimal{total}, money: money, cell: "表二" + joinNames(names)}, true
	case dFee:
		if r.Fees == nil || len(f.rows) != 1 {
			return cellValue{}, false
		}
		for i, ff := range report.FeeFields {
			if ff.Key != f.rows[0] {
				continue
			}
			cell := "第六部分信息处理费“" + ff.Label + "”（processing_fees." + ff.Key + "）"
			switch i {
			case 0:
				if f.qty.money {
					return cellValue{}, false
				}
				return cellValue{vals: []report.Decimal{count(r.Fees.Notices)}, cell: cell}, true
			case 1:
				if !f.qty.money {
					return cellValue{}, false
				}
				return cellValue{vals: []report.Decimal{r.Fees.NotifiedAmount}, money: true, cell: cell}, true
			default:
				if !f.qty.money {
					return cellValue{}, false
				}
				return cellValue{vals: []report.Decimal{r.Fees.Collected}, money: true, cell: cell}, true
			}
		}
	}
	return cellValue{}, false
}

// t2Column maps a verb to the edition's 表二 column key.
func t2Column(ed report.Edition, row, verb string) string {
	switch verb {
	case "issue":
		if ed == report.Ed2019 {
			return "made"
		}
		return "issued"
	}
	return verb
}

func t2Labels(ed report.Edition, rowKey, colKey string) (row, col string, kind report.ValueKind) {
	for _, b := range ed.Table2() {
		for _, r := range b.Rows {
			if r.Key != rowKey {
				continue
			}
			for _, c := range b.Cols {
				if c.Key == colKey {
					return r.Label, c.Label, c.Kind
				}
			}
		}
	}
	return rowKey, colKey, report.KindCount
}

func unitOf(cv cellValue) string {
	if cv.money {
		return "元"
	}
	return "件"
}
