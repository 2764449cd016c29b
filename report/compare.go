package report

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// This file compares two reports figure by figure: every cell of 表二, the
// 总计 of every 表三 row (and, as detail rows, every applicant column), every
// cell of 表四 and the 信息处理费 figures. All arithmetic and all formatting
// happen here, once; renderers print the strings of CompareRow as they are.
//
// Across the 2019→2021 edition change the comparable figures are mapped:
// 表三 and 表四 are the same except 表三（六）其他处理, where the 2021 sum of
// （六）1—3 is compared with the 2019 single row; 表二 columns whose meaning
// changed are not compared: each edition's figure is listed on a row of
// its own, under its own label and Key, with NoValue for the other year
// and the reason. A row's Base and Cur are always the figures at its Key
// (the data path) in the two reports, so a figure never appears under a
// label that means something else.

// Minus is the sign printed before negative figures and changes in every
// output — terminal, PDF, HTML, XLSX, the appendix and the trend page: the
// ASCII hyphen-minus. The embedded PDF fonts (NianbaoSerif SC, derived from
// Noto Serif CJK) have no U+2212 MINUS SIGN, and the statutory tables print
// 本年增/减 with "-" as well. Signed is the one place a sign is written.
const Minus = "-"

// Signed prints a figure or change from its sign (<0, 0, >0) and its
// absolute value as text: "+3", "-2", "0", "+12.5%". Every change Compare
// formats, and so every output, gets its sign here.
func Signed(sign int, abs string) string {
	switch {
	case sign > 0:
		return "+" + abs
	case sign < 0:
		return Minus + abs
	}
	return abs
}

// NoValue is printed where there is no figure: no base year, a base of 0
// for a relative change, a column the edition does not have.
const NoValue = "—"

// CompareRow is one compared figure, fully formatted.
type CompareRow struct {
	Table string // 表二, 表三, 表四, 信息处理费
	// Key identifies the figure independently of the edition and of its
	// label: the data path of the figure in Cur (of Base when Cur's
	// edition lacks it), e.g. active.licensing.decisions (2019 处理决定数量
	// and 2021 本年处理决定数量 share it), requests.received[6] (a 表三
	// row's 总计), requests.received[0] (its 自然人 column),
	// appeals.review.total, processing_fees.notices. （六）其他处理 as a
	// whole is OtherTotalKey in both editions. Within one Comparison every
	// Key occurs once; across comparisons the same Key is the same figure.
	Key        string
	Label      string // self-describing: block/group, row and column
	Unit       string // unit of an amount as printed (元, 万元); "" for counts
	Base, Cur  string // the two figures as printed; NoValue when absent
	Delta      string // absolute change: "+3", "-2", "0", "+1.2500"; NoValue when not comparable
	Percent    string // relative change in tenths of a percent: "+12.5%", "-3.0%"; NoValue when the base is 0 or either figure is negative
	Comparable bool
	Reason     string // why not comparable, or how the figures were mapped; "" when plain
	// Detail marks per-applicant-column rows of 表三: every figure is in the
	// comparison, summaries may leave these out.
	Detail bool
}

// Comparison is the figure-by-figure comparison of two reports.
type Comparison struct {
	Organ, BaseOrgan        string
	BaseYear, CurYear       int // BaseYear is 0 when there is no base report
	BaseEdition, CurEdition Edition
	// Notes are sentences about the comparison as a whole (edition change,
	// different organs, no base year), in Chinese.
	Notes []string
	Rows  []CompareRow
}

// Compare compares cur with base (usually the previous year). base may be nil:
// the rows then carry cur's figures only and say that there is no base.
func Compare(base, cur *Report) Comparison {
	c := Comparison{Organ: cur.Organ, CurYear: cur.Year, CurEdition: cur.Edition}
	if base == nil {
		c.Notes = append(c.Notes, fmt.Sprintf("没有找到“%s”上一年度的报告，只列出%d年度的数字", cur.Organ, cur.Year))
	} else {
		c.BaseOrgan, c.BaseYear, c.BaseEdition = base.Organ, base.Year, base.Edition
		if base.Organ != cur.Organ {
			c.Notes = append(c.Notes, fmt.Sprintf("两份报告的报告主体不同：“%s”与“%s”", base.Organ, cur.Organ))
		}
		if base.Edition != cur.Edition {
			c.Notes = append(c.Notes, fmt.Sprintf(
				"%d年度报告使用 %s版格式，%d年度报告使用 %s版格式：表三、表四逐项比较，其中“（六）其他处理”按合计比较；表二栏目设置不同，口径不同的栏目分行列出，不作比较",
				base.Year, base.Edition, cur.Year, cur.Edition))
		}
	}
	c.table2(base, cur)
	c.table3(base, cur)
	c.table4(base, cur)
	c.fees(base, cur)
	return c
}

// cmpFig is one figure before formatting: an integer or a decimal.
type cmpFig struct {
	present bool
	amount  bool
	n       int64
	d       Decimal
}

func cmpInt(v int64) cmpFig      { return cmpFig{present: true, n: v} }
func cmpAmount(d Decimal) cmpFig { return cmpFig{present: true, amount: true, d: d} }

func (f cmpFig) String() string {
	switch {
	case !f.present:
		return NoValue
	case f.amount:
		return f.d.String()
	}
	return cmpFormatInt(f.n)
}

func cmpFormatInt(v int64) string {
	if v < 0 {
		return Signed(-1, strconv.FormatUint(uint64(-(v+1))+1, 10))
	}
	return strconv.FormatInt(v, 10)
}

// row formats one comparable pair (or a pair with a missing side).
func (c *Comparison) row(table, key, label string, b, k cmpFig, reason string) {
	r := CompareRow{Table: table, Key: key, Label: label, Base: b.String(), Cur: k.String(), Delta: NoValue, Percent: NoValue, Reason: reason}
	if b.present && k.present {
		r.Comparable = true
		r.Delta, r.Percent = cmpChange(b, k)
	}
	c.Rows = append(c.Rows, r)
}

// incomparable adds a row whose figures are shown but not compared.
func (c *Comparison) incomparable(table, key, label string, b, k cmpFig, reason string) {
	c.Rows = append(c.Rows, CompareRow{Table: table, Key: key, Label: label, Base: b.String(), Cur: k.String(),
		Delta: NoValue, Percent: NoValue, Reason: reason})
}

// last is the row added last.
func (c *Comparison) last() *CompareRow { return &c.Rows[len(c.Rows)-1] }

// cmpChange returns the absolute change (at the larger scale) and the relative
// change in tenths of a percent, rounded half away from zero.
func cmpChange(b, k cmpFig) (delta, percent string) {
	var x, y *big.Int
	scale := 0
	if b.amount || k.amount {
		bd, kd := b.d, k.d
		if !b.amount {
			bd = Decimal{Mant: b.n}
		}
		if !k.amount {
			kd = Decimal{Mant: k.n}
		}
		scale = max(bd.Scale, kd.Scale)
		x = ScaledBig(bd, scale)
		y = ScaledBig(kd, scale)
	} else {
		x, y = big.NewInt(b.n), big.NewInt(k.n)
	}
	diff := new(big.Int).Sub(y, x)
	delta = cmpSigned(diff, BigDecimalString(new(big.Int).Abs(diff), scale))
	if x.Sign() == 0 {
		return delta, NoValue
	}
	if x.Sign() < 0 || y.Sign() < 0 {
		// A signed figure (2019 本年增/减): a rate of change of a change
		// (-10 → 5 is "+150%") means nothing, so none is printed.
		return delta, NoValue
	}
	// |diff| × 1000 / |base|, rounded half away from zero.
	num := new(big.Int).Mul(new(big.Int).Abs(diff), big.NewInt(1000))
	den := new(big.Int).Abs(x)
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Lsh(r, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	var p string
	if q.IsInt64() && q.Int64() <= int64(^uint(0)>>1) {
		p = Permille(int(q.Int64()))
	} else {
		p = BigDecimalString(q, 1) + "%"
	}
	if q.Sign() == 0 {
		return delta, p
	}
	return delta, cmpSigned(diff, p)
}

func cmpSigned(v *big.Int, abs string) string { return Signed(v.Sign(), abs) }

// ScaledBig returns d's mantissa at the given (larger or equal) scale.
func ScaledBig(d Decimal, scale int) *big.Int {
	m := big.NewInt(d.Mant)
	if scale > d.Scale {
		m.Mul(m, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale-d.Scale)), nil))
	}
	return m
}

// BigDecimalString prints a non-negative mantissa with scale digits after the point.
func BigDecimalString(m *big.Int, scale int) string {
	s := m.String()
	if scale == 0 {
		return s
	}
	if len(s) <= scale {
		s = strings.Repeat("0", scale-len(s)+1) + s
	}
	return s[:len(s)-scale] + "." + s[len(s)-scale:]
}

const (
	cmpTableActive   = "表二"
	cmpTableRequests = "表三"
	cmpTableAppeals  = "表四"
	cmpTableFees     = "信息处理费"
)

func cmpT2Label(b T2Block, row T2Row, col T2Col) string {
	return b.Caption + " " + row.Label + "：" + col.Label
}

// cmpT2Key is the Key of a 表二 cell: its data path. A cell whose meaning
// is the same in both editions has the same path in both
// (active.licensing.decisions); cells whose meaning differs have different
// paths (2019 active.rules.made, 2021 active.rules.issued).
func cmpT2Key(rowKey, colKey string) string { return "active." + rowKey + "." + colKey }

// cmpT2Unit is the unit an amount cell of 表二 is printed in, "" for counts.
func cmpT2Unit(r *Report, rowKey string, col T2Col) string {
	switch {
	case col.Kind != KindAmount:
		return ""
	case rowKey == "procurement":
		return cmpUnit(r)
	}
	return "万元"
}

// cmpT2Ref finds the block, row and column of a 表二 cell in an edition.
func cmpT2Ref(ed Edition, rowKey, colKey string) (T2Block, T2Row, T2Col, bool) {
	for _, b := range ed.Table2() {
		for _, row := range b.Rows {
			if row.Key != rowKey {
				continue
			}
			for _, col := range b.Cols {
				if col.Key == colKey {
					return b, row, col, true
				}
			}
		}
	}
	return T2Block{}, T2Row{}, T2Col{}, false
}

// cmpT2Fig reads a 表二 cell of r as a figure, or an absent figure.
func cmpT2Fig(r *Report, rowKey, colKey string) cmpFig {
	if r == nil {
		return cmpFig{}
	}
	_, _, col, ok := cmpT2Ref(r.Edition, rowKey, colKey)
	cell, ok2 := r.ActiveCell(rowKey, colKey)
	if !ok || !ok2 {
		return cmpFig{}
	}
	if col.Kind == KindAmount {
		return cmpAmount(cell.Amount)
	}
	return cmpInt(cell.Int)
}

// cmpT2Cross pairs the 表二 cells of the 2019 edition with those of the 2021
// edition (format-spec.md §4, D2—D7). Cells with an empty side exist in
// one edition only. same marks pairs with the same meaning (处理决定数量 ↔
// 本年处理决定数量, one row, compared); a pair without it took the place of
// the other in the table but counts something else (本年新制作数量 →
// 本年制发件数): two rows, not compared.
var cmpT2Cross = []struct {
	row19, col19, row21, col21 string
	same                       bool
}{
	{"rules", "made", "rules", "issued", false},
	{"rules", "published", "rules", "repealed", false},
	{"rules", "total", "rules", "in_force", false},
	{"normative_documents", "made", "normative_documents", "issued", false},
	{"normative_documents", "published", "normative_documents", "repealed", false},
	{"normative_documents", "total", "normative_documents", "in_force", false},
	{"licensing", "previous", "", "", false},
	{"licensing", "change", "", "", false},
	{"licensing", "decisions", "licensing", "decisions", true},
	{"other_services", "previous", "", "", false},
	{"other_services", "change", "", "", false},
	{"other_services", "decisions", "", "", false},
	{"penalty", "previous", "", "", false},
	{"penalty", "change", "", "", false},
	{"penalty", "decisions", "penalty", "decisions", true},
	{"coercion", "previous", "", "", false},
	{"coercion", "change", "", "", false},
	{"coercion", "decisions", "coercion", "decisions", true},
	{"fees", "previous", "", "", false}, // a count of fee items
	{"fees", "change", "", "", false},
	{"", "", "fees", "amount", false}, // an amount of money: no 2019 counterpart
	{"procurement", "items", "", "", false},
	{"procurement", "amount", "", "", false},
}

func (c *Comparison) table2(base, cur *Report) {
	if base == nil || base.Edition == cur.Edition {
		for _, cell := range cur.Edition.Table2Cells() {
			b := cur.Edition.Table2()[cell.Block]
			row, col := b.Rows[cell.Row], b.Cols[cell.Col]
			label := cmpT2Label(b, row, col)
			bf, kf := cmpT2Fig(base, row.Key, col.Key), cmpT2Fig(cur, row.Key, col.Key)
			reason, unit := "", cmpT2Unit(cur, row.Key, col)
			if row.Key == "procurement" && col.Key == "amount" {
				label = fmt.Sprintf("%s（%s）", label, cmpUnit(cur))
				if base != nil && cmpUnit(base) != cmpUnit(cur) {
					// Compare in 万元: converting 元 to 万元 is exact.
					label = fmt.Sprintf("%s（万元）", cmpT2Label(b, row, col))
					bf.d, kf.d = WanYuan(bf.d, cmpUnit(base)), WanYuan(kf.d, cmpUnit(cur))
					reason, unit = "两个年度填报单位不同（元、万元），已按 1元 = 0.0001万元 换算为万元后比较", "万元"
				}
			}
			if base == nil {
				reason = "没有基准年度数据"
			}
			c.row(cmpTableActive, cmpT2Key(row.Key, col.Key), label, bf, kf, reason)
			c.last().Unit = unit
		}
		return
	}
	// Different editions: walk the mapping, sides chosen by edition.
	for _, m := range cmpT2Cross {
		bRow, bCol, kRow, kCol := m.row19, m.col19, m.row21, m.col21
		if base.Edition == Ed2021 {
			bRow, bCol, kRow, kCol = kRow, kCol, bRow, bCol
		}
		bb, br, bc, bok := cmpT2Ref(base.Edition, bRow, bCol)
		kb, kr, kc, kok := cmpT2Ref(cur.Edition, kRow, kCol)
		bf, kf := cmpT2Fig(base, bRow, bCol), cmpT2Fig(cur, kRow, kCol)
		// The row is the current edition's figure (its Key, label and
		// unit); a figure only the base edition has keeps its own.
		switch {
		case bok && kok && m.same:
			c.row(cmpTableActive, cmpT2Key(kRow, kCol), cmpT2Label(kb, kr, kc), bf, kf, fmt.Sprintf("%s版为“%s”，%s版为“%s”，口径相同，可以比较",
				base.Edition, bc.Label, cur.Edition, kc.Label))
			c.last().Unit = cmpT2Unit(cur, kRow, kc)
		case bok && kok:
			// Different meanings: each figure on a row of its own, under
			// its own label and Key; the other year shows NoValue there.
			reason := fmt.Sprintf("%s版为“%s”，%s版为“%s”，统计口径不同，分行列出，不作比较",
				base.Edition, bc.Label, cur.Edition, kc.Label)
			c.incomparable(cmpTableActive, cmpT2Key(bRow, bCol), cmpT2Label(bb, br, bc), bf, cmpFig{}, reason)
			c.last().Unit = cmpT2Unit(base, bRow, bc)
			c.incomparable(cmpTableActive, cmpT2Key(kRow, kCol), cmpT2Label(kb, kr, kc), cmpFig{}, kf, reason)
			c.last().Unit = cmpT2Unit(cur, kRow, kc)
		case bok:
			label := cmpT2Label(bb, br, bc)
			if br.Key == "procurement" && bc.Key == "amount" {
				label = fmt.Sprintf("%s（%s）", label, cmpUnit(base))
			}
			c.incomparable(cmpTableActive, cmpT2Key(bRow, bCol), label, bf, kf, fmt.Sprintf("%s版没有此栏目", cur.Edition))
			c.last().Unit = cmpT2Unit(base, bRow, bc)
		case kok:
			c.incomparable(cmpTableActive, cmpT2Key(kRow, kCol), cmpT2Label(kb, kr, kc), bf, kf, fmt.Sprintf("%s版没有此栏目", base.Edition))
			c.last().Unit = cmpT2Unit(cur, kRow, kc)
		}
	}
}

func cmpUnit(r *Report) string {
	if r.ProcUnit == "" {
		return "万元"
	}
	return r.ProcUnit
}

// WanYuan converts an amount in unit (元 or 万元) to 万元 exactly, by scale
// arithmetic: 1元 = 10^-4 万元, so only the scale changes and nothing can
// overflow or round.
func WanYuan(d Decimal, unit string) Decimal {
	if unit == "元" {
		return Decimal{Mant: d.Mant, Scale: d.Scale + 4}
	}
	return d
}

func cmpT3Label(row T3Row) string {
	if row.Group != "" {
		return row.Group + " " + row.Label
	}
	return row.Label
}

// cmpT3Cells returns the six applicant cells of a 表三 row; the （七）总计 row
// is always computed from the outcome rows (a file need not write it).
func cmpT3Cells(r *Report, id string) ([6]int64, bool) {
	if r == nil || r.Edition.T3Index(id) < 0 {
		return [6]int64{}, false
	}
	if id == "total" {
		var out [6]int64
		for i, row := range r.Edition.Table3() {
			if row.Kind == T3Outcome && i < len(r.Requests) {
				for k := range 6 {
					out[k] += r.Requests[i].Cells[k]
				}
			}
		}
		return out, true
	}
	return r.Row(id).Cells, true
}

// cmpT3Group returns the sum of the rows of a 2021 group (e.g. "other"), or of
// the single 2019 row with that ID.
func cmpT3Group(r *Report, g string) [6]int64 {
	var out [6]int64
	for _, row := range r.Edition.Table3() {
		if row.ID == g || strings.HasPrefix(row.ID, g+".") {
			cells, _ := cmpT3Cells(r, row.ID)
			for k := range 6 {
				out[k] += cells[k]
			}
		}
	}
	return out
}

func cmpSum6(v [6]int64) int64 {
	var s int64
	for _, x := range v {
		s += x
	}
	return s
}

// OtherTotalKey is the Key of （六）其他处理 as a whole: the single row of
// the 2019 edition, the sum of （六）1—3 of the 2021 edition. Every
// comparison has it, so a series of comparisons can follow it from year to
// year whatever the editions.
const OtherTotalKey = "requests.other[6]"

// OtherTotalLabel labels OtherTotalKey where the 2021 edition is involved
// (the 2021 edition has no such row, only its three parts).
const OtherTotalLabel = "（六）其他处理（合计）"

// cmpT3Key is the Key of a 表三 row's 总计 (col 6) or of one of its
// applicant columns (0—5): its data path, requests.received[6].
func cmpT3Key(id string, col int) string { return fmt.Sprintf("requests.%s[%d]", id, col) }

// t3Row adds a 表三 row's 总计 and, as Detail rows, its applicant columns.
func (c *Comparison) t3Row(id, label string, b, k [6]int64, hasB, hasK bool, reason string, comparable bool) {
	fb, fk := cmpFig{}, cmpFig{}
	if hasB {
		fb = cmpInt(cmpSum6(b))
	}
	if hasK {
		fk = cmpInt(cmpSum6(k))
	}
	add := c.row
	if !comparable {
		add = c.incomparable
	}
	add(cmpTableRequests, cmpT3Key(id, 6), label, fb, fk, reason)
	for j, col := range ApplicantColumns {
		fb, fk := cmpFig{}, cmpFig{}
		if hasB {
			fb = cmpInt(b[j])
		}
		if hasK {
			fk = cmpInt(k[j])
		}
		add(cmpTableRequests, cmpT3Key(id, j), label+"："+col, fb, fk, reason)
		c.last().Detail = true
	}
}

// table3 compares every row of 表三. （六）其他处理 is always compared as a
// whole under OtherTotalKey: in the 2019 edition that is its single row; in
// the 2021 edition a 合计 row (the sum of （六）1—3) precedes the three
// parts, within one edition as across the edition change.
func (c *Comparison) table3(base, cur *Report) {
	crossOther := base != nil && base.Edition != cur.Edition
	otherDone := false
	for _, row := range cur.Edition.Table3() {
		isOther := row.ID == "other" || strings.HasPrefix(row.ID, "other.")
		if crossOther && isOther {
			if !otherDone {
				otherDone = true
				c.otherRows(base, cur)
			}
			continue
		}
		reason := ""
		if base == nil {
			reason = "没有基准年度数据"
		}
		if isOther && row.ID != "other" && !otherDone {
			// 2021 edition on both sides (or no base): the 合计 first.
			otherDone = true
			var b [6]int64
			if base != nil {
				b = cmpT3Group(base, "other")
			}
			c.t3Row("other", OtherTotalLabel, b, cmpT3Group(cur, "other"), base != nil, true, reason, true)
		}
		kc, _ := cmpT3Cells(cur, row.ID)
		bc, hasB := cmpT3Cells(base, row.ID)
		c.t3Row(row.ID, cmpT3Label(row), bc, kc, hasB, true, reason, true)
	}
}

// otherRows compares （六）其他处理 across editions: the 2021 sum of
// （六）1—3 with the 2019 single row, then lists the 2021 sub-rows as not
// comparable.
func (c *Comparison) otherRows(base, cur *Report) {
	r19, r21 := base, cur
	if base.Edition == Ed2021 {
		r19, r21 = cur, base
	}
	reason := fmt.Sprintf("%d年度（2021版）为（六）1—3 三项之和，%d年度（2019版）为“（六）其他处理”一行，按合计比较",
		r21.Year, r19.Year)
	c.t3Row("other", OtherTotalLabel, cmpT3Group(base, "other"), cmpT3Group(cur, "other"), true, true, reason, true)
	for _, row := range Ed2021.Table3() {
		if !strings.HasPrefix(row.ID, "other.") {
			continue
		}
		cells, _ := cmpT3Cells(r21, row.ID)
		var b, k [6]int64
		hasB, hasK := r21 == base, r21 == cur
		if hasB {
			b = cells
		} else {
			k = cells
		}
		c.t3Row(row.ID, cmpT3Label(row), b, k, hasB, hasK, "2019版“（六）其他处理”不分项，无法逐项比较", false)
	}
}

func (c *Comparison) table4(base, cur *Report) {
	for i, g := range Table4Rows {
		for j, col := range Table4Cols {
			val := func(r *Report) cmpFig {
				if r == nil {
					return cmpFig{}
				}
				if j == 4 {
					return cmpInt(r.Appeals[i].Sum())
				}
				return cmpInt(r.Appeals[i].Vals[j])
			}
			reason := ""
			if base == nil {
				reason = "没有基准年度数据"
			}
			c.row(cmpTableAppeals, "appeals."+g.Key+"."+col.Key, g.Titled+"："+col.Label, val(base), val(cur), reason)
		}
	}
}

func (c *Comparison) fees(base, cur *Report) {
	if cur.Fees == nil && (base == nil || base.Fees == nil) {
		return
	}
	for i, ff := range FeeFields {
		val := func(r *Report) cmpFig {
			if r == nil || r.Fees == nil {
				return cmpFig{}
			}
			switch i {
			case 0:
				return cmpInt(r.Fees.Notices)
			case 1:
				return cmpAmount(r.Fees.NotifiedAmount)
			}
			return cmpAmount(r.Fees.Collected)
		}
		reason := ""
		switch {
		case base == nil:
			reason = "没有基准年度数据"
		case base.Fees == nil && base.Edition == Ed2019:
			reason = fmt.Sprintf("%d年度使用2019版格式，没有信息处理费栏目", base.Year)
		case base.Fees == nil:
			reason = fmt.Sprintf("%d年度报告没有填写信息处理费（processing_fees）", base.Year)
		case cur.Fees == nil && cur.Edition == Ed2019:
			reason = fmt.Sprintf("%d年度使用2019版格式，没有信息处理费栏目", cur.Year)
		case cur.Fees == nil:
			reason = fmt.Sprintf("%d年度报告没有填写信息处理费（processing_fees）", cur.Year)
		}
		c.row(cmpTableFees, "processing_fees."+ff.Key, ff.Label, val(base), val(cur), reason)
		if ff.Kind == KindAmount {
			c.last().Unit = "元"
		}
	}
}
