// Package check holds every rule of the statutory format that needs more
// than one value: table sums (T*), carry-over and continuity across years
// (X*), figures quoted in the text (TX*), fees (F*), work plans (WP*), and
// the similarity of text sections (内容雷同). Rules are registered, with
// IDs, severities and bases, in report.Rules; a test requires every ID
// emitted anywhere to be registered.
package check

import (
	"fmt"
	"nianbao/report"
	"strings"
)

// Check runs every rule on r. prev is the same organ's report for year−1,
// or nil when there is none; the cross-year rules then say they were skipped
// (rule X-0). report.Problems found while loading r are not repeated: rules whose
// inputs did not load are skipped, because their figures would be wrong.
func Check(r, prev *report.Report, loadProblems report.Problems) report.Problems {
	if r == nil || !r.Edition.Valid() {
		return nil
	}
	c := &checker{r: r, prev: prev, bad: invalidPaths(loadProblems)}
	c.table3()
	c.table4()
	c.fees()
	c.date()
	c.publication()
	c.text()
	c.checkPlaceholders()
	c.workPlan()
	c.crossYear()
	c.ps.Sort()
	return c.ps
}

type checker struct {
	r, prev *report.Report
	bad     []string // YAML paths with load errors
	ps      report.Problems
}

func (c *checker) add(pos report.Pos, path, rule, format string, args ...any) {
	c.ps = append(c.ps, report.Problemf(c.r.File, pos, path, rule, format, args...))
}

// invalidPaths lists the paths that had load errors.
func invalidPaths(ps report.Problems) []string {
	var out []string
	for _, p := range ps {
		if p.Severity != report.Error {
			continue
		}
		path := p.Path
		if i := strings.IndexByte(path, '['); i >= 0 {
			path = path[:i]
		}
		out = append(out, path)
	}
	return out
}

// ok reports whether the value at path (and everything under and above it) loaded cleanly.
func (c *checker) ok(path string) bool {
	for _, b := range c.bad {
		if b == "" || b == path || strings.HasPrefix(path, b+".") || strings.HasPrefix(b, path+".") {
			return false
		}
	}
	return true
}

func (c *checker) table3() {
	r := c.r
	rows := r.Edition.Table3()
	if len(r.Requests) != len(rows) {
		return
	}
	allOK := true
	for i, row := range rows {
		path := "requests." + row.ID
		if !c.ok(path) {
			allOK = false
			continue
		}
		ar := r.Requests[i]
		if ar.HasTotal && ar.Printed != ar.Sum() {
			c.addRead(linesRead(rowRead(row.ID, ar.CellPos[:]), "", nil), ar.CellPos[6], path+"[6]", "T3-4",
				"“%s”的总计填写为 %d，但自然人与五类法人或其他组织之和为 %d（%s），相差 %d。请核对该行各数或总计",
				report.T3Label(row), ar.Printed, ar.Sum(), sumExpr(ar.Cells[:]), ar.Printed-ar.Sum())
		}
	}
	if !allOK {
		return
	}
	received, carried := r.Row("received"), r.Row("carried_over")
	forward := r.Row("carried_forward")
	totalIdx := r.Edition.T3Index("total")
	total := r.Requests[totalIdx]
	hasTotal := total.Pos.Line > 0 // the row was written; otherwise it is computed
	var outcome [6]int64
	var outcomePos [6][]read // where each column's outcomes were read
	for i, row := range rows {
		if row.Kind == report.T3Outcome {
			for k := range 6 {
				outcome[k] += r.Requests[i].Cells[k]
				outcomePos[k] = append(outcomePos[k], cellRead(row.ID, k, r.Requests[i].CellPos[k]))
			}
		}
	}
	for k := range 6 {
		col := report.ApplicantColumns[k]
		concluded := outcome[k]
		concludedName := "（七）总计（由各办理结果相加）"
		concludedPos := outcomePos[k]
		if hasTotal {
			concludedPos = []read{cellRead("total", k, total.CellPos[k])}
			concluded = total.Cells[k]
			concludedName = "（七）总计"
			if total.Cells[k] != outcome[k] {
				c.addRead(linesRead(append([]read{cellRead("total", k, total.CellPos[k])}, outcomePos[k]...), "", nil),
					total.CellPos[k], fmt.Sprintf("requests.total[%d]", k), "T3-3",
					"“%s”列：（七）总计填写为 %d，但（一）至（六）各项办理结果之和为 %d，相差 %d。每件办结的申请只能计入一项办理结果，请核对该列各行",
					col, total.Cells[k], outcome[k], total.Cells[k]-outcome[k])
			}
		}
		in := received.Cells[k] + carried.Cells[k]
		out := concluded + forward.Cells[k]
		if in != out {
			figs := append([]read{cellRead("received", k, received.CellPos[k]), cellRead("carried_over", k, carried.CellPos[k]),
				cellRead("carried_forward", k, forward.CellPos[k])}, concludedPos...)
			c.addRead(linesRead(figs, "", nil), received.CellPos[k], fmt.Sprintf("requests.received[%d]", k), "T3-1",
				"“%s”列：一、本年新收 %d + 二、上年结转 %d = %d，不等于 三、%s %d + 四、结转下年度继续办理 %d = %d，相差 %d。按表三注释，第一项加第二项之和应等于第三项加第四项之和",
				col, received.Cells[k], carried.Cells[k], in, concludedName, concluded, forward.Cells[k], out, in-out)
		}
	}
}

func sumExpr(vs []int64) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, "+")
}

func (c *checker) table4() {
	for i, g := range report.Table4Rows {
		path := "appeals." + g.Key
		a := c.r.Appeals[i]
		if !c.ok(path) || !a.HasTotal {
			continue
		}
		if a.Printed != a.Sum() {
			var figs []read
			for j, col := range report.Table4Cols {
				figs = append(figs, readOf(path+"."+col.Key, a.ValPos[j]))
			}
			c.addRead(linesRead(figs, "", nil), a.ValPos[4], path+".total", "T4-1",
				"“%s”的总计填写为 %d，但结果维持 %d + 结果纠正 %d + 其他结果 %d + 尚未审结 %d = %d，相差 %d",
				g.Titled, a.Printed, a.Vals[0], a.Vals[1], a.Vals[2], a.Vals[3], a.Sum(), a.Printed-a.Sum())
		}
	}
}

func (c *checker) fees() {
	r := c.r
	if r.Edition != report.Ed2021 {
		return
	}
	if r.Fees == nil {
		c.add(report.Pos{}, "processing_fees", "F-1",
			"2021 版报告应报告信息处理费情况：请填写 processing_fees（notices 发出收费通知的件数、notified_amount 通知总金额、collected 实际收取总金额，单位元），没有收费的各项填 0")
	}
	unpaid := r.Row("other.fee_unpaid").Sum()
	if r.Fees != nil && c.ok("processing_fees") {
		f := r.Fees
		if f.Collected.Cmp(f.NotifiedAmount) > 0 {
			c.add(f.Pos[2], "processing_fees.collected", "TX-2",
				"实际收取的信息处理费 %s 元多于发出收费通知的总金额 %s 元。请核对（跨年度缴费的请在第六部分说明）",
				f.Collected, f.NotifiedAmount)
		}
		if f.Notices == 0 && !f.NotifiedAmount.IsZero() {
			c.add(f.Pos[1], "processing_fees.notified_amount", "TX-2",
				"未发出收费通知（notices 为 0），但通知总金额为 %s 元。请核对", f.NotifiedAmount)
		}
		if f.Notices > 0 && f.NotifiedAmount.IsZero() {
			c.add(f.Pos[1], "processing_fees.notified_amount", "TX-2",
				"发出收费通知 %d 件（notices），但通知总金额为 0 元。收费通知应写明金额，请核对通知总金额（notified_amount）", f.Notices)
		}
		if unpaid > f.Notices && c.ok("requests.other") {
			c.add(f.Pos[0], "processing_fees.notices", "TX-2",
				"表三（六）2 有 %d 件申请因逾期未按收费通知缴费而不再处理，但发出收费通知的件数只有 %d 件：每件这样的申请都应先收到收费通知。请核对",
				unpaid, f.Notices)
		}
	}
	if unpaid > 0 && c.ok("requests.other") && c.ok("text.other") {
		t := r.TextOf("other")
		if !strings.Contains(t.Body, "收费通知") && !strings.Contains(t.Body, "信息处理费") {
			c.add(t.Pos, "text.other", "TX-2",
				"表三（六）2 有 %d 件申请因逾期未缴费不再处理，但“六、其他需要报告的事项”没有说明收费通知和信息处理费情况", unpaid)
		}
	}
}

// date warns when the report has no 落款日期 (TX-9): the report would end
// without a date and its documents would carry 1 January of the next year.
func (c *checker) date() {
	r := c.r
	if r.Date != "" || !c.ok("date") || r.Year == 0 {
		return
	}
	c.add(r.Pos.Year, "date", "TX-9",
		"没有填写落款日期（date）：报告末尾只印机关名称、不印日期，PDF 和 Excel 的文档日期按 %d年1月1日。请在 year 下面加一行落款日期，如 date: %d-01-20（按实际日期填写）",
		r.Year+1, r.Year+1)
}

// townshipSuffixes end the names of 乡镇人民政府 and 街道办事处, whose
// publication deadlines are set locally: 条例第四十九条 speaks of 县级以上
// 人民政府部门 and 本级政府 (format-spec §1.1).
var townshipSuffixes = []string{"乡人民政府", "镇人民政府", "街道办事处"}

// publication warns (TX-11) when the report is published after the
// deadline of 条例第四十九条 — 1月31日 of the next year for an organ's
// report (scope organ), 3月31日 for the 本级政府 report (scope region) —
// before its year has ended, or before it was signed. The date compared
// with the deadline is published (发布日期) or, when that is not written,
// date (落款日期); a 发布日期 before the 落款日期 is itself a warning
// (which names the deadline when the 落款日期 is past it). Both are
// YYYY-MM-DD once loaded, so they compare as strings. Townships are not
// checked against a deadline (theirs are set locally).
func (c *checker) publication() {
	r := c.r
	if r.Year == 0 || !c.ok("date") || !c.ok("published") {
		return
	}
	if r.Published == "" && r.Pos.Published.Line > 0 {
		return // published is written but did not load: S-7 says why
	}
	deadline, who := fmt.Sprintf("%04d-01-31", r.Year+1), "县级以上人民政府部门应在每年1月31日前公布本机关上一年度的年度报告"
	if r.Scope == report.ScopeRegion {
		deadline, who = fmt.Sprintf("%04d-03-31", r.Year+1), "本级政府的年度报告（scope: region）应在每年3月31日前由政府信息公开工作主管部门公布"
	}
	for _, s := range townshipSuffixes {
		if strings.HasSuffix(r.Organ, s) {
			deadline = "" // set locally
		}
	}
	late := func(day string) string {
		if deadline == "" || day <= deadline {
			return ""
		}
		return fmt.Sprintf("晚于法定期限 %s：条例第四十九条规定，%s", deadline, who)
	}
	const local = "各地规定的期限可能更早，以本地要求为准"
	// The date of the 落款 is checked by the loader (S-7): after the year.
	if r.Published != "" {
		at := fmt.Sprintf("（published%s）", lineNote(r.Pos.Published))
		if yearEnd := fmt.Sprintf("%04d-12-31", r.Year); r.Published <= yearEnd {
			c.add(r.Pos.Published, "published", "TX-11",
				"发布日期 %s%s早于报告年度结束（%s）：%d 年度报告统计全年的情况，应在 %d年1月1日以后发布。请核对日期或年度（year）",
				r.Published, at, yearEnd, r.Year, r.Year+1)
			return
		}
		if r.Date != "" && r.Published < r.Date {
			msg := fmt.Sprintf("发布日期 %s%s早于落款日期 %s（date%s）：报告签署后才能发布。请核对两个日期", r.Published, at, r.Date, lineNote(r.Pos.Date))
			if l := late(r.Date); l != "" {
				msg += fmt.Sprintf("。按落款日期，报告%s；%s", l, local)
			}
			c.add(r.Pos.Published, "published", "TX-11", "%s", msg)
			return
		}
		if l := late(r.Published); l != "" {
			c.add(r.Pos.Published, "published", "TX-11", "发布日期 %s%s%s。请核对日期；%s", r.Published, at, l, local)
		}
		return
	}
	if r.Date == "" {
		return // TX-9 asks for it
	}
	if l := late(r.Date); l != "" {
		c.add(r.Pos.Date, "date", "TX-11", "落款日期 %s（date%s；没有写发布日期 published，按落款日期判断）%s。请核对日期；%s",
			r.Date, lineNote(r.Pos.Date), l, local)
	}
}

// lineNote is "，第 N 行" for a position with a line, or "".
func lineNote(pos report.Pos) string {
	if pos.Line > 0 {
		return fmt.Sprintf("，第 %d 行", pos.Line)
	}
	return ""
}

func (c *checker) crossYear() {
	r, prev := c.r, c.prev
	if r.Year == 0 {
		return
	}
	if prev == nil {
		skipped := []string{"X-1 上年结转衔接", "TX-5 内容雷同"}
		if r.Edition == report.Ed2021 {
			skipped = append(skipped, "X-2 现行有效件数衔接")
		} else {
			skipped = append(skipped, "X-3 项目数量衔接")
		}
		if r.IndexNumber != "" {
			skipped = append(skipped, "X-6 索引号")
		}
		why := fmt.Sprintf("同一目录下没有找到“%s”%d 年度的报告文件", r.Organ, r.Year-1)
		if r.Year == 2019 {
			why += "（2018 年度报告使用旧格式，通常没有）"
		}
		c.add(report.Pos{}, "", "X-0", "%s，已跳过跨年度检查：%s", why, strings.Join(skipped, "、"))
		return
	}
	c.carryOver()
	c.similarity()
	c.indexNumber()
	switch {
	case r.Edition == report.Ed2021 && prev.Edition == report.Ed2021:
		c.inForce()
	case r.Edition == report.Ed2019 && prev.Edition == report.Ed2019:
		c.itemCounts()
	case r.Edition != prev.Edition:
		c.add(report.Pos{}, "", "X-0", "上一年度（%d）报告使用 %s 版格式，本年度使用 %s 版，表二栏目不同，已跳过表二的跨年度衔接检查（X-2、X-3）",
			prev.Year, prev.Edition, r.Edition)
	}
}

func where(r *report.Report, pos report.Pos) string {
	if pos.Line > 0 {
		return fmt.Sprintf("%s:%d", r.File, pos.Line)
	}
	return r.File
}

func (c *checker) carryOver() {
	r, prev := c.r, c.prev
	if !c.ok("requests.carried_over") {
		return
	}
	cur, last := r.Row("carried_over"), prev.Row("carried_forward")
	for k := range 6 {
		if cur.Cells[k] == last.Cells[k] {
			continue
		}
		p := report.Problemf(r.File, cur.CellPos[k], fmt.Sprintf("requests.carried_over[%d]", k), "X-1",
			"“%s”列：本年“二、上年结转”为 %d，但 %d 年度报告（%s）的“四、结转下年度继续办理”为 %d。请改为 %d；确有正当原因（机构调整、上年数据已更正）的，在 carry_over_note 中写明，说明会印在报告中",
			report.ApplicantColumns[k], cur.Cells[k], prev.Year, where(prev, last.CellPos[k]), last.Cells[k], last.Cells[k])
		if r.CarryOverNote != "" {
			p.Severity = report.Warning
			p.Msg = fmt.Sprintf("“%s”列：本年“二、上年结转”为 %d，与 %d 年度报告的“结转下年度继续办理”%d 不一致。已按 carry_over_note 说明处理：%s",
				report.ApplicantColumns[k], cur.Cells[k], prev.Year, last.Cells[k], r.CarryOverNote)
		}
		withLines(&p, linesRead([]read{cellRead("carried_over", k, cur.CellPos[k])}, prev.File, []report.Pos{last.CellPos[k]}))
		c.ps = append(c.ps, p)
	}
}

// indexNumber warns when the report's 索引号 is last year's: an
// index number identifies one published document (kept by hand, or by a
// file begun from last year's before init --from stopped copying it).
func (c *checker) indexNumber() {
	r, prev := c.r, c.prev
	if r.IndexNumber == "" || r.IndexNumber != prev.IndexNumber || !c.ok("index_number") {
		return
	}
	c.add(r.Pos.IndexNumber, "index_number", "X-6",
		"索引号 %s 与 %d 年度报告（%s）的索引号相同。索引号是网站信息公开目录中一份文件的编号，本年度报告发布时另有索引号：请改为本年度报告的索引号，尚未取得的先删去这一行（网页信息表中不显示索引号）",
		r.IndexNumber, prev.Year, where(prev, prev.Pos.IndexNumber))
}

func (c *checker) inForce() {
	r, prev := c.r, c.prev
	for _, row := range []struct{ key, label string }{{"rules", "规章"}, {"normative_documents", "行政规范性文件"}} {
		if !c.ok("active." + row.key) {
			continue
		}
		issued, _ := r.ActiveCell(row.key, "issued")
		repealed, _ := r.ActiveCell(row.key, "repealed")
		inForce, _ := r.ActiveCell(row.key, "in_force")
		last, _ := prev.ActiveCell(row.key, "in_force")
		want := last.Int + issued.Int - repealed.Int
		if inForce.Int != want {
			a := "active." + row.key + "."
			c.addRead(linesRead([]read{{a + "in_force", inForce.Pos}, {a + "issued", issued.Pos}, {a + "repealed", repealed.Pos}}, prev.File, []report.Pos{last.Pos}),
				inForce.Pos, a+"in_force", "X-2",
				"%s现行有效件数为 %d，但按上年现行有效 %d + 本年制发 %d − 本年废止 %d 应为 %d（相差 %d）。如有文件到期失效或统计口径调整，请在正文中说明",
				row.label, inForce.Int, last.Int, issued.Int, repealed.Int, want, inForce.Int-want)
		}
	}
}

func (c *checker) itemCounts() {
	r, prev := c.r, c.prev
	for _, b := range r.Edition.Table2() {
		if len(b.Cols) < 2 || b.Cols[0].Key != "previous" {
			continue
		}
		for _, row := range b.Rows {
			if !c.ok("active." + row.Key) {
				continue
			}
			cur, _ := r.ActiveCell(row.Key, "previous")
			lp, _ := prev.ActiveCell(row.Key, "previous")
			lc, _ := prev.ActiveCell(row.Key, "change")
			if want := lp.Int + lc.Int; cur.Int != want {
				path := "active." + row.Key + ".previous"
				c.addRead(linesRead([]read{{path, cur.Pos}}, prev.File, []report.Pos{lp.Pos, lc.Pos}), cur.Pos, path, "X-3",
					"%s的上一年项目数量为 %d，但 %d 年度报告的上一年项目数量 %d 加本年增/减 %+d 为 %d。请核对",
					row.Label, cur.Int, prev.Year, lp.Int, lc.Int, want)
			}
		}
	}
}
