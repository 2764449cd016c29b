package check

import (
	"fmt"
	"nianbao/report"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds the figures a report quotes in its text ("本年新收政府信息
// 公开申请97件，上年结转6件") and says which table cell each one quotes, so
// that TX-1 can compare them. It reads a sentence as a sequence of terms
// (words that name a table row, a column, a group, an outcome, a verb, or
// that mean the number is about something else) and quantities (a number
// with a unit: 件, 起, 个, 项, 元, 万元). The terms since the previous
// quantity say what a quantity is; a sentence's terms carry over from one
// quantity to the next ("制发规章1件、废止1件": the second is still 规章).
// Whenever it is unsure it says nothing: a warning on a sentence that is
// right costs the clerk's trust, a figure not checked costs nothing more
// than before.

// domain is the table a term belongs to.
type domain int

const (
	dNone domain = iota
	dT3          // 表三: row × applicant column
	dT4          // 表四: group × outcome
	dT2          // 表二: subject × verb
	dFee         // processing_fees
)

// termKind is what a term names.
type termKind int

const (
	kRow     termKind = iota // dT3 row, dT4 group, dT2 subject, dFee field
	kCol                     // dT3 applicant column, dT4 outcome, dT2 verb
	kBlock                   // the number is about something else
	kNeutral                 // a word that must not be read as its parts
	kForward                 // after a quantity: "103件顺延到下年度"
	kAmount                  // 金额, 总金额: the amount of the current subject
	// kAggregate names all the organs of an area (各部门, 各单位, 各级行政
	//机关): in a region report (scope region) that is the report's own
	// aggregate; in an organ's report it is other organs' figures, so the
	// number is not compared (kBlock).
	kAggregate
)

type term struct {
	text string
	dom  domain
	kind termKind
	val  string
	// weak terms (收到, 受理, 答复, 办结…) name 表三 figures only when the
	// words since the previous figure include 申请, or when they stand
	// right before the number; any other figure term overrides them.
	weak bool
}

// Values of 表三 rows beyond the edition's row IDs.
const (
	rowAccepted = "受理" // 受理: 新收, or 新收 + 上年结转
	rowWithheld = "withheld"
	rowUnavail  = "unavailable"
	rowNotProc  = "not_processed"
	rowOther    = "other"
)

// Values of 表三 applicant columns: "0"…"5", or colLegal.
const (
	colAll   = ""
	colLegal = "legal" // 法人或其他组织: the five columns after 自然人
)

var figureTerms = func() []term {
	var ts []term
	add := func(d domain, k termKind, val string, weak bool, words ...string) {
		for _, w := range words {
			ts = append(ts, term{text: w, dom: d, kind: k, val: val, weak: weak})
		}
	}
	// 表三 rows.
	add(dT3, kRow, "received", false, "本年新收", "新收", "新接收", "新增申请")
	add(dT3, kRow, "received", true, "收到", "接收", "共收到")
	add(dT3, kRow, rowAccepted, true, "受理")
	add(dT3, kRow, "carried_over", false, "上年结转", "上年度结转", "上一年结转", "上一年度结转", "往年结转", "上年度遗留", "上年遗留")
	add(dT3, kRow, "carried_forward", false, "结转下年度", "结转下一年度", "结转至下年度", "结转到下年度", "结转至下一年度", "结转到下一年度",
		"结转下年", "结转下一年", "结转至下一年", "结转到下一年", "结转至次年", "结转到次年", "转下一年度", "转下年度", "转入下年度", "转入下一年度",
		"顺延到下年度", "顺延至下年度", "顺延到下一年度", "顺延至下一年度", "顺延至次年", "顺延到次年", "延期至下年度", "延续至下年度")
	add(dT3, kRow, "total", true, "办结", "已办结", "答复", "作出答复", "予以答复", "办理完毕", "答复完毕", "办理", "处理完毕", "完成办理")
	add(dT3, kRow, "granted", false, "予以公开", "同意公开", "全部公开")
	add(dT3, kRow, "partially_granted", false, "部分公开")
	add(dT3, kRow, rowWithheld, false, "不予公开")
	add(dT3, kRow, "withheld.state_secret", false, "国家秘密")
	add(dT3, kRow, "withheld.prohibited_by_law", false, "禁止公开")
	add(dT3, kRow, "withheld.endangers_security", false, "三安全一稳定")
	add(dT3, kRow, "withheld.third_party_rights", false, "第三方合法权益")
	add(dT3, kRow, "withheld.internal_affairs", false, "三类内部事务", "内部事务信息")
	add(dT3, kRow, "withheld.process_information", false, "四类过程性信息", "过程性信息")
	add(dT3, kRow, "withheld.enforcement_files", false, "行政执法案卷", "执法案卷")
	add(dT3, kRow, "withheld.inquiry_matters", false, "行政查询事项", "查询事项")
	add(dT3, kRow, rowUnavail, false, "无法提供")
	add(dT3, kRow, "unavailable.not_held", false, "不掌握")
	add(dT3, kRow, "unavailable.needs_creation", false, "另行制作")
	add(dT3, kRow, "unavailable.still_unclear", false, "仍不明确")
	add(dT3, kRow, rowNotProc, false, "不予处理")
	add(dT3, kRow, "not_processed.complaint", false, "信访举报投诉")
	add(dT3, kRow, "not_processed.duplicate", false, "重复申请")
	add(dT3, kRow, "not_processed.publication", false, "公开出版物")
	add(dT3, kRow, "not_processed.excessive", false, "大量反复申请")
	add(dT3, kRow, "not_processed.confirmation", false, "确认或重新出具")
	add(dT3, kRow, rowOther, false, "其他处理")
	add(dT3, kRow, "other.no_correction", false, "逾期不补正", "无正当理由逾期不补正")
	add(dT3, kRow, "other.fee_unpaid", false, "逾期未按收费通知要求缴纳费用", "逾期未缴纳", "逾期未缴费", "逾期未缴纳费用")
	// 表三 applicant columns.
	for i, c := range report.ApplicantColumns[:5] {
		add(dT3, kCol, fmt.Sprint(i), false, c)
	}
	add(dT3, kCol, "1", false, "企业")
	add(dT3, kCol, "3", false, "公益组织")
	add(dT3, kCol, "5", false, "其他申请人")
	add(dT3, kCol, colLegal, false, "法人或其他组织", "法人和其他组织", "法人及其他组织", "法人")
	// 表四 groups and outcomes.
	add(dT4, kRow, "review", false, "行政复议", "复议")
	add(dT4, kRow, "litigation", false, "行政诉讼", "诉讼", "起诉", "被诉")
	add(dT4, kRow, "litigation_direct", false, "未经复议直接起诉", "直接起诉")
	add(dT4, kRow, "litigation_after_review", false, "复议后起诉", "经复议后起诉")
	add(dT4, kCol, "0", false, "结果维持", "维持", "予以维持")
	add(dT4, kCol, "1", false, "结果纠正", "纠正", "纠错", "被纠错")
	add(dT4, kCol, "2", false, "其他结果")
	add(dT4, kCol, "3", false, "尚未审结", "未审结", "审理中", "正在审理", "尚在审理")
	// 表二 subjects and verbs.
	add(dT2, kRow, "rules", false, "规章")
	add(dT2, kRow, "normative_documents", false, "规范性文件", "行政规范性文件")
	add(dT2, kRow, "licensing", false, "行政许可")
	add(dT2, kRow, "other_services", false, "其他对外管理服务事项")
	add(dT2, kRow, "penalty", false, "行政处罚")
	add(dT2, kRow, "coercion", false, "行政强制")
	add(dT2, kRow, "fees", false, "行政事业性收费")
	add(dT2, kRow, "procurement", false, "政府集中采购", "集中采购")
	add(dT2, kCol, "issue", false, "制发", "制定", "印发", "出台", "新制作", "制作")
	add(dT2, kCol, "repealed", false, "废止")
	add(dT2, kCol, "in_force", false, "现行有效")
	add(dT2, kCol, "published", false, "新公开")
	add(dT2, kCol, "total", false, "对外公开总数", "公开总数")
	add(dT2, kCol, "decisions", false, "处理决定", "决定")
	add(dT2, kCol, "items", false, "采购项目")
	add(dT2, kCol, "amount", false, "收费金额", "采购总金额", "采购金额")
	// processing_fees.
	add(dFee, kRow, "notices", false, "收费通知", "缴费通知")
	add(dFee, kRow, "notified_amount", false, "收费通知总金额", "通知总金额", "通知金额", "收费通知金额")
	add(dFee, kRow, "collected", false, "实际收取", "收取", "收缴", "实收")
	add(dFee, kRow, "fee", false, "信息处理费", "处理费")
	add(dNone, kAmount, "", false, "金额", "总金额", "共计金额")
	// After a quantity: 另有103件顺延到下年度答复.
	add(dT3, kForward, "carried_forward", false, "顺延", "结转到下年度", "结转至下年度", "结转下年度", "结转下一年度", "结转到下一年度",
		"结转至下一年度", "转入下年度", "转下一年度", "正在办理", "仍在办理", "尚在办理", "尚未办结")
	// Blockers: the number is a change, a share, a channel, a topic, another
	// year, another kind of case, or approximate.
	add(dNone, kBlock, "", false, "同比", "较上年", "比上年", "较去年", "比去年", "较上一年", "比上一年", "较2", "比2", "上年度", "上一年度", "上年", "去年", "前年",
		"增加", "减少", "增长", "下降", "上升", "提高", "降低", "回落", "增幅", "降幅", "占", "平均", "均值", "人均", "分别", "各",
		"网上", "网络", "在线", "信函", "当面", "传真", "电子邮件", "邮件", "邮寄", "现场", "窗口", "渠道", "方式",
		"涉及", "方面", "热线", "12345", "来信", "来电", "来访", "诉求", "咨询", "留言", "工单", "建议", "提案", "意见",
		"约", "近", "超过", "以上", "以下", "不足", "至少", "多达", "累计达", "人次", "批次", "撤回", "主动撤回", "退还", "减免", "免收",
		"以内")
	// All the organs of the area: the region report's own figures.
	add(dNone, kAggregate, "", false, "各部门", "各单位", "各级行政机关", "各行政机关", "各级机关", "各级各部门", "各地各部门", "各部门各单位")
	// Words that contain terms but mean something else.
	add(dNone, kNeutral, "", false, "依申请", "申请人", "政府信息公开申请", "信息公开申请", "公开申请", "复议机关", "复议决定", "申请复议", "行政复议决定书",
		"办理时限", "办理流程", "办理质效", "办理工作", "答复文书", "答复意见", "答复书", "决定书", "规章制度", "收费标准", "收费管理",
		"处理决定书", "信访", "行政许可事项", "行政处罚事项", "行政强制事项", "一件事", "三类内部", "四类过程")
	return ts
}()

// termIndex maps the first rune of each term to the terms that start with it, longest first.
var termIndex = func() map[rune][]term {
	m := map[rune][]term{}
	for _, t := range figureTerms {
		r, _ := utf8.DecodeRuneInString(t.text)
		m[r] = append(m[r], t)
	}
	for r, ts := range m {
		// longest first; stable for equal lengths
		for i := 1; i < len(ts); i++ {
			for j := i; j > 0 && len(ts[j].text) > len(ts[j-1].text); j-- {
				ts[j], ts[j-1] = ts[j-1], ts[j]
			}
		}
		m[r] = ts
	}
	return m
}()

// figure is one quantity of the text read as a table figure.
type figure struct {
	qty      *quantity
	start    int // byte offset of the quantity in the body
	sentence [2]int
	dom      domain
	rows     []string // summed
	cols     []string // summed; colAll for the whole row
}

// figureState is what the sentence has said so far.
type figureState struct {
	dom        domain
	rows, cols []string
}

const conjunctions = "和及与、或以并"

// joined reports whether the terms ts are written one after the other,
// with only conjunctions between them (予以公开及部分公开, 行政复议、行政诉讼).
func joined(body string, ts []ftoken) bool {
	for i := 1; i < len(ts); i++ {
		gap := strings.TrimSpace(body[ts[i-1].end:ts[i].start])
		if gap == "" {
			return false
		}
		for _, r := range gap {
			if !strings.ContainsRune(conjunctions, r) {
				return false
			}
		}
	}
	return true
}

// distinct returns the distinct values of ts in order, with the tokens that first named each.
func distinct(ts []ftoken) ([]string, []ftoken) {
	var vals []string
	var first []ftoken
	for _, t := range ts {
		found := false
		for _, v := range vals {
			if v == t.term.val {
				found = true
			}
		}
		if !found {
			vals = append(vals, t.term.val)
			first = append(first, t)
		}
	}
	return vals, first
}

// resolveRows turns the row (or column) terms of one dimension into the
// values they name: one value, the sum of values written with conjunctions
// between them, or the group that the others belong to. ok is false when
// the terms do not agree.
func resolveRows(d domain, body string, ts []ftoken) ([]string, bool) {
	vals, first := distinct(ts)
	if len(vals) <= 1 {
		return vals, true
	}
	// A group and its own rows: 因本机关不掌握等原因无法提供.
	for gi, g := range vals {
		all := true
		for _, v := range vals {
			if v != g && !strings.HasPrefix(v, g+".") && !(d == dT4 && g == "litigation" && strings.HasPrefix(v, "litigation_")) {
				all = false
			}
		}
		if all {
			if d == dT4 && g == "litigation" {
				// 行政诉讼（未经复议直接起诉）: the sub-group is meant.
				for _, v := range vals {
					if v != g {
						if len(vals) == 2 {
							return []string{v}, true
						}
					}
				}
			}
			// 不予处理的申请中，重复申请83件: the group named first sets
			// the scene and the row that follows is meant; 因不掌握等原因
			// 无法提供: the rows before the group are its reasons.
			if len(vals) == 2 && first[gi].start < first[1-gi].start {
				return []string{vals[1-gi]}, true
			}
			return []string{g}, true
		}
	}
	if d == dT3 && len(vals) == 2 && (vals[0] == "received" && vals[1] == rowAccepted || vals[1] == "received" && vals[0] == rowAccepted) {
		return []string{"received"}, true
	}
	if d == dFee {
		return nil, false // resolved by the caller
	}
	if joined(body, first) {
		return vals, true
	}
	return nil, false
}

// reader is what readFigures needs to know of the report: its year (a
// sentence part that names another year is about that year), its organ
// (本局 is the organ itself, 市公安局 another organ) and whether it is a
// region report (scope region: 各部门, 各单位 are its own aggregate).
type reader struct {
	year   int
	organ  string
	region bool
}

// readFigures reads the table figures quoted in body.
func (rd reader) readFigures(body string) []figure {
	var out []figure
	for _, sr := range sentences(body) {
		toks := tokenize(body[sr[0]:sr[1]], sr[0])
		var st figureState
		breakdown := false // after 其中 in this sentence
		segStart := 0      // index of the first ftoken since the previous quantity
		textStart := sr[0]
		for ti, tk := range toks {
			if tk.qty == nil {
				continue
			}
			seg := toks[segStart:ti]
			segText := body[textStart:tk.start]
			segStart, textStart = ti+1, tk.end
			f, ok := rd.readFigure(body, sr, seg, segText, toks[ti+1:], tk, &st)
			if ok && (otherOrgan(segText, rd.organ) || breakdown && f.dom == dFee) {
				ok = false // 示例区人民政府新收申请…; 其中民政局1件，收取380元
			}
			if strings.Contains(segText, "其中") {
				breakdown = true
			}
			if ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// readFigure reads one quantity with the terms since the previous one.
func (rd reader) readFigure(body string, sr [2]int, seg []ftoken, segText string, after []ftoken, q ftoken, st *figureState) (figure, bool) {
	f := figure{qty: q.qty, start: q.start, sentence: sr}
	blocked := otherYear(segText, rd.year)
	var strong, weak []ftoken
	amount := false
	for _, t := range seg {
		switch t.term.kind {
		case kBlock:
			blocked = true
		case kAggregate:
			blocked = blocked || !rd.region
		case kRow, kCol:
			if t.term.weak {
				weak = append(weak, t)
			} else {
				strong = append(strong, t)
			}
		case kAmount:
			amount = true
		}
	}
	if len(strong) == 0 {
		for _, t := range weak {
			if strings.Contains(segText, "申请") || fillerOnly(body[t.end:q.start]) {
				strong = append(strong, t)
			}
		}
	}
	// Which table: the one the terms name, or the sentence's so far.
	dom := dNone
	for _, t := range strong {
		if dom != dNone && t.term.dom != dom {
			st.dom = dNone // ambiguous: 行政复议申请 and 新收 in one breath
			return f, false
		}
		dom = t.term.dom
	}
	if dom == dNone && len(strong) == 0 {
		if amount && st.dom != dNone && !blocked {
			dom = st.dom
		} else if !blocked && forwardCarried(body, q, after) {
			st.dom, st.rows, st.cols = dT3, []string{"carried_forward"}, []string{colAll}
			f.dom, f.rows, f.cols = dT3, st.rows, st.cols
			return f, !q.qty.approx
		} else {
			return f, false
		}
	}
	var rowT, colT []ftoken
	for _, t := range strong {
		if t.term.kind == kRow {
			rowT = append(rowT, t)
		} else {
			colT = append(colT, t)
		}
	}
	if dom != st.dom {
		st.dom, st.rows, st.cols = dom, nil, nil
	}
	rows, okR := resolveRows(dom, body, rowT)
	cols, okC := resolveRows(dom, body, colT)
	if dom == dFee {
		rows, okR = feeRow(rowT, st.rows, q.qty.money, amount)
	}
	if !okR || !okC {
		st.rows, st.cols = nil, nil
		return f, false
	}
	if dom == dT2 && amount && len(cols) == 0 {
		cols = []string{"amount"}
	}
	switch {
	case len(rows) > 0 && len(cols) > 0:
		st.rows, st.cols = rows, cols
	case len(rows) > 0:
		st.rows = rows
		if dom == dT3 || dom == dT4 {
			st.cols = []string{colAll}
		}
	case len(cols) > 0:
		st.cols = cols
		if dom == dT3 && len(st.rows) == 0 {
			st.rows = []string{rowAccepted} // 自然人申请85件: 新收 (or 受理)
		}
	}
	if len(st.rows) == 0 || (dom != dFee && len(st.cols) == 0) {
		return f, false
	}
	if blocked || q.qty.approx {
		return f, false
	}
	f.dom, f.rows, f.cols = dom, st.rows, st.cols
	return f, true
}

// selfPrefixes, written right before an organ suffix, make it the
// reporting organ itself: 本局, 我局, 本委, 我委, 本镇, 本街道, 本级人民政府.
// (本机关, 本单位, 本部门, 本办, 本厅, 本署 end in no organ suffix and are
// never read as another organ.)
var selfPrefixes = []string{"本级", "本", "我"}

// otherOrgan reports whether s names an organ that is not the reporting
// organ (示例区人民政府 in 示例市人民政府's report, 民政局 in a county's):
// its figures are that organ's share. A self-reference (本局, 我委, 本级
// 人民政府) is the reporting organ, whatever its name.
func otherOrgan(s, organ string) bool {
	for _, suffix := range []string{"人民政府", "局", "街道", "镇", "乡", "委"} {
		for off := 0; ; {
			i := strings.Index(s[off:], suffix)
			if i < 0 {
				break
			}
			i += off
			off = i + len(suffix)
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if size == 0 || !unicode.Is(unicode.Han, r) {
				continue
			}
			if self(s[:i]) {
				continue
			}
			if !strings.Contains(organ, s[i-size:off]) {
				return true
			}
		}
	}
	return false
}

// self reports whether before (the text up to an organ suffix) ends in a
// self-reference prefix: 本 (本局), 我 (我委), 本级 (本级人民政府).
func self(before string) bool {
	for _, p := range selfPrefixes {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return false
}

// fillerOnly reports whether the words between a weak term and its number
// are only 共, 计, 了…: 受理3119件, 共办结了101件.
func fillerOnly(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("共计合总了为的有 \u3000", r) {
			return false
		}
	}
	return true
}

// forwardCarried reports whether the quantity is followed, in the same
// clause, by words saying it is carried into the next year: 另有103件
// 顺延到下年度答复, 72件申请按照《条例》顺延到下年度.
func forwardCarried(body string, q ftoken, after []ftoken) bool {
	for _, t := range after {
		if t.qty != nil {
			return false
		}
		if strings.ContainsAny(body[q.end:t.start], "，,、（）()：:") {
			return false
		}
		if t.term.kind == kForward || t.term.val == "carried_forward" {
			return true
		}
	}
	return false
}

// otherYear reports whether s names a year other than year (2023年新收…
// in a 2024 report is last year's figure).
func otherYear(s string, year int) bool {
	for i := 0; i+4 < len(s); i++ {
		if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			continue
		}
		y := 0
		j := i
		for j < len(s) && j < i+4 && s[j] >= '0' && s[j] <= '9' {
			y = y*10 + int(s[j]-'0')
			j++
		}
		if j == i+4 && strings.HasPrefix(s[j:], "年") && y != year && y >= 1990 && y <= 2100 {
			return true
		}
	}
	return false
}

// feeRow decides which processing_fees figure the fee terms name.
func feeRow(ts []ftoken, sticky []string, money, amount bool) ([]string, bool) {
	has := map[string]bool{}
	for _, t := range ts {
		has[t.term.val] = true
	}
	if len(ts) == 0 {
		if amount && len(sticky) == 1 && sticky[0] == "notices" && money {
			return []string{"notified_amount"}, true
		}
		return sticky, len(sticky) > 0
	}
	switch {
	case !money && has["notices"] && !has["collected"]:
		return []string{"notices"}, true
	case money && has["notified_amount"]:
		return []string{"notified_amount"}, true
	case money && has["notices"] && amount && !has["collected"]:
		return []string{"notified_amount"}, true
	case money && has["collected"]:
		return []string{"collected"}, true
	case money && has["fee"] && len(sticky) == 1 && sticky[0] == "collected":
		return sticky, true
	case has["notices"]:
		return []string{"notices"}, true
	}
	return nil, false
}

// inputsOK reports whether the tables a figure reads loaded cleanly.
func (c *checker) inputsOK(f figure) bool {
	switch f.dom {
	case dT3:
		return c.ok("requests")
	case dT4:
		return c.ok("appeals")
	case dT2:
		return c.ok("active")
	case dFee:
		return c.ok("processing_fees")
	}
	return false
}

// sentenceQuote is the sentence of f as a message quotes it.
func sentenceQuote(body string, f figure) string {
	return report.Clip(strings.TrimSpace(body[f.sentence[0]:f.sentence[1]]), 80)
}

// textFigures compares every figure quoted in one text section with the tables (TX-1).
func (c *checker) textFigures(key string) {
	t := c.r.TextOf(key)
	rd := reader{year: c.r.Year, organ: c.r.Organ, region: c.r.Scope == report.ScopeRegion}
	for _, f := range rd.readFigures(t.Body) {
		if !c.inputsOK(f) {
			continue
		}
		cv, ok := expected(c.r, f)
		if !ok {
			continue
		}
		match := false
		for _, v := range cv.vals {
			if v.Cmp(f.qty.value) == 0 {
				match = true
			}
		}
		if match {
			continue
		}
		want := fmt.Sprintf("%s %s", cv.vals[0], unitOf(cv))
		if len(cv.vals) > 1 {
			want += fmt.Sprintf("（%s为 %s %s）", cv.alt, cv.vals[1], unitOf(cv))
		}
		c.add(posIn(t, f.start), "text."+key, "TX-1",
			"正文“%s”中的“%s”与%s（%s）不一致。请改正文字或表格，使二者一致（也可用占位符自动引用表格数字）",
			sentenceQuote(t.Body, f), f.qty.text, cv.cell, want)
	}
}
