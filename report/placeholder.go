package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Placeholders let the text quote the tables instead of retyping figures:
// {{本年新收申请}} is replaced by the figure in every output, so text and
// table cannot disagree. A name may carry a suffix:
//
//	{{名称}}       this year's figure
//	{{名称.上年}}  the previous year's figure (needs last year's file)
//	{{名称.同比}}  the change on last year: 同比增长12.5% / 同比下降3.0% / 与上年持平
//
// An unknown name is an error (TX-7) with its line; a 上年/同比 suffix with
// no previous year's file is a warning and prints "—".

// PlaceholderDef is one name of the placeholder vocabulary.
type PlaceholderDef struct {
	Name  string
	Desc  string
	Value func(r *Report) (string, bool) // false: the figure does not exist in r's edition
	// Count is set for whole-number figures, which have 上年 and 同比 forms.
	Count func(r *Report) (int64, bool)
}

func countDef(name, desc string, f func(r *Report) (int64, bool)) PlaceholderDef {
	return PlaceholderDef{Name: name, Desc: desc, Count: f, Value: func(r *Report) (string, bool) {
		v, ok := f(r)
		return strconv.FormatInt(v, 10), ok
	}}
}

func always(f func(r *Report) int64) func(r *Report) (int64, bool) {
	return func(r *Report) (int64, bool) { return f(r), true }
}

func rowSum(id string) func(r *Report) (int64, bool) {
	return always(func(r *Report) int64 { return r.Row(id).Sum() })
}

func groupSum(prefix string) func(r *Report) (int64, bool) {
	return always(func(r *Report) int64 {
		var s int64
		for i, row := range r.Edition.Table3() {
			if row.ID == prefix || strings.HasPrefix(row.ID, prefix+".") {
				s += r.Requests[i].Sum()
			}
		}
		return s
	})
}

func activeInt(rowKey, colKey string) func(r *Report) (int64, bool) {
	return func(r *Report) (int64, bool) {
		c, ok := r.ActiveCell(rowKey, colKey)
		return c.Int, ok
	}
}

func column(k int) func(r *Report) (int64, bool) {
	return always(func(r *Report) int64 { return r.Row("received").Cells[k] })
}

// Placeholders is the vocabulary, in the order `nianbao placeholders` lists it.
var Placeholders = []PlaceholderDef{
	{Name: "机关", Desc: "报告主体（机关全称）", Value: func(r *Report) (string, bool) { return r.Organ, true }},
	{Name: "年度", Desc: "报告年度，如 2024", Value: func(r *Report) (string, bool) { return strconv.Itoa(r.Year), true }},
	{Name: "上一年度", Desc: "报告年度减一，如 2023", Value: func(r *Report) (string, bool) { return strconv.Itoa(r.Year - 1), true }},
	countDef("本年新收申请", "表三 一、本年新收政府信息公开申请数量（总计）", rowSum("received")),
	countDef("自然人申请", "本年新收申请中的自然人申请", column(0)),
	countDef("法人或其他组织申请", "本年新收申请中法人或其他组织（五类）之和", always(func(r *Report) int64 {
		return r.Row("received").Sum() - r.Row("received").Cells[0]
	})),
	countDef("上年结转申请", "表三 二、上年结转政府信息公开申请数量（总计）", rowSum("carried_over")),
	countDef("办结申请", "表三（七）总计：本年度办结的申请", always(OutcomeSum)),
	countDef("予以公开", "表三（一）予以公开", rowSum("granted")),
	countDef("部分公开", "表三（二）部分公开", rowSum("partially_granted")),
	countDef("不予公开", "表三（三）不予公开 1—8 之和", groupSum("withheld")),
	countDef("无法提供", "表三（四）无法提供 1—3 之和", groupSum("unavailable")),
	countDef("不予处理", "表三（五）不予处理 1—5 之和", groupSum("not_processed")),
	countDef("其他处理", "表三（六）其他处理（2021 版为 1—3 之和）", groupSum("other")),
	countDef("结转下年度申请", "表三 四、结转下年度继续办理（总计）", rowSum("carried_forward")),
	countDef("行政复议", "表四 行政复议总计", always(func(r *Report) int64 { return r.Appeals[0].Sum() })),
	countDef("行政复议纠正", "表四 行政复议结果纠正", always(func(r *Report) int64 { return r.Appeals[0].Vals[1] })),
	countDef("行政诉讼", "表四 行政诉讼总计（未经复议直接起诉与复议后起诉之和）", always(func(r *Report) int64 {
		return r.Appeals[1].Sum() + r.Appeals[2].Sum()
	})),
	countDef("行政诉讼纠正", "表四 行政诉讼结果纠正（两组之和）", always(func(r *Report) int64 {
		return r.Appeals[1].Vals[1] + r.Appeals[2].Vals[1]
	})),
	countDef("规章制发", "表二 规章本年制发件数（2021 版）", activeInt("rules", "issued")),
	countDef("规章现行有效", "表二 规章现行有效件数（2021 版）", activeInt("rules", "in_force")),
	countDef("规范性文件制发", "表二 行政规范性文件本年制发件数（2021 版）", activeInt("normative_documents", "issued")),
	countDef("规范性文件现行有效", "表二 行政规范性文件现行有效件数（2021 版）", activeInt("normative_documents", "in_force")),
	countDef("行政许可决定", "表二 行政许可本年处理决定数量", activeInt("licensing", "decisions")),
	countDef("行政处罚决定", "表二 行政处罚本年处理决定数量", activeInt("penalty", "decisions")),
	countDef("行政强制决定", "表二 行政强制本年处理决定数量", activeInt("coercion", "decisions")),
	countDef("收费通知件数", "信息处理费：发出收费通知的件数", func(r *Report) (int64, bool) {
		if r.Fees == nil {
			return 0, false
		}
		return r.Fees.Notices, true
	}),
	{Name: "收费通知金额", Desc: "信息处理费：发出收费通知的总金额（元）", Value: func(r *Report) (string, bool) {
		if r.Fees == nil {
			return "", false
		}
		return r.Fees.NotifiedAmount.String(), true
	}},
	{Name: "实际收费金额", Desc: "信息处理费：实际收取的总金额（元）", Value: func(r *Report) (string, bool) {
		if r.Fees == nil {
			return "", false
		}
		return r.Fees.Collected.String(), true
	}},
}

var PlaceholderByName = func() map[string]PlaceholderDef {
	m := map[string]PlaceholderDef{}
	for _, p := range Placeholders {
		m[p.Name] = p
	}
	return m
}()

// PlaceholderRef is one {{…}} found in a text.
type PlaceholderRef struct {
	Start, End int // byte range of the whole {{…}}
	Name       string
	Suffix     string // "", 上年 or 同比
}

// FindPlaceholders returns the {{…}} references in s. Braces with nothing
// but spaces inside ("{{ }}") or with markup-like content are not
// references: they are printed as typed.
func FindPlaceholders(s string) []PlaceholderRef {
	var out []PlaceholderRef
	for off := 0; ; {
		i := strings.Index(s[off:], "{{")
		if i < 0 {
			return out
		}
		i += off
		j := strings.Index(s[i+2:], "}}")
		if j < 0 {
			return out
		}
		j += i + 2
		inner := s[i+2 : j]
		off = j + 2
		if !isPlaceholderName(inner) {
			off = i + 2
			continue
		}
		name, suffix, _ := strings.Cut(inner, ".")
		out = append(out, PlaceholderRef{Start: i, End: j + 2, Name: name, Suffix: suffix})
	}
}

// isPlaceholderName: starts with a Chinese character (every name in the
// vocabulary does, so template-like text such as {{.Organ}} or {{ }} is
// printed as typed), no spaces or markup, at most 20 runes.
func isPlaceholderName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.Is(unicode.Han, r) || utf8.RuneCountInString(s) > 20 {
		return false
	}
	return !strings.ContainsAny(s, " \t\n<>&\"'{}/\\$")
}

// Previous returns the report for year−1 among history, or nil.
func Previous(r *Report, history []*Report) *Report {
	for _, h := range history {
		if h != nil && h.Year == r.Year-1 && h.Organ == r.Organ {
			return h
		}
	}
	return nil
}

// MaxExpandedText is the most characters a text section (text.preface,
// text.overview, …) may hold once its placeholders are expanded: far above
// any real report (a long one has a few thousand), low enough that a few
// kilobytes of {{机关}} cannot make a build write gigabytes (rule S-11).
const MaxExpandedText = 200_000

// ExpandedSize returns how many characters s will have once its
// placeholders are expanded, and how many references it holds, without
// building the expanded text.
func ExpandedSize(s string, r, prev *Report) (chars, refs int) {
	chars = utf8.RuneCountInString(s)
	sizes := map[[2]string]int{} // name, suffix → characters of its value; values depend only on these
	for _, ref := range FindPlaceholders(s) {
		key := [2]string{ref.Name, ref.Suffix}
		n, seen := sizes[key]
		if !seen {
			n = -1
			if v, ok := placeholderValue(ref, r, prev); ok {
				n = utf8.RuneCountInString(v)
			}
			sizes[key] = n
		}
		if n < 0 {
			continue
		}
		refs++
		chars += n - utf8.RuneCountInString(s[ref.Start:ref.End])
	}
	return chars, refs
}

// ExpansionProblems reports, as rule S-11, every text section of r that
// would hold more than MaxExpandedText characters once its placeholders
// are expanded (prev is the previous year's report or nil). Check reports
// them; BuildDoc refuses such a report and Build leaves such a section's
// placeholders unexpanded, so the huge text is never made.
func ExpansionProblems(r, prev *Report) Problems {
	var ps Problems
	for i, sec := range TextSections {
		t := r.Text[i]
		if len(t.Body) == 0 {
			continue
		}
		n, refs := ExpandedSize(t.Body, r, prev)
		if n <= MaxExpandedText {
			continue
		}
		ps = append(ps, Problemf(r.File, t.Pos, "text."+sec.Key, "S-11",
			"“%s”展开占位符后将有 %d 字，超过每个文字部分 %d 字的上限（其中 %d 个占位符，如 {{机关}} 每处都换成完整的机关名称）。请直接写出文字、减少占位符，或缩短该部分",
			sec.Title, n, MaxExpandedText, refs))
	}
	return ps
}

// expandPlaceholders replaces every known reference in s. Unknown names are
// left as typed (Check reports them, and Build only runs on clean reports).
func expandPlaceholders(s string, r, prev *Report) string {
	refs := FindPlaceholders(s)
	if len(refs) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, ref := range refs {
		v, ok := placeholderValue(ref, r, prev)
		if !ok {
			continue
		}
		b.WriteString(s[last:ref.Start])
		b.WriteString(v)
		last = ref.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// placeholderValue is the text of one reference; false when the name or
// suffix is unknown.
func placeholderValue(ref PlaceholderRef, r, prev *Report) (string, bool) {
	def, ok := PlaceholderByName[ref.Name]
	if !ok {
		return "", false
	}
	switch ref.Suffix {
	case "":
		v, ok := def.Value(r)
		if !ok {
			return "—", true
		}
		return v, true
	case "上年", "同比":
		if def.Count == nil {
			return "", false
		}
		if prev == nil {
			return "—", true
		}
		cur, ok1 := def.Count(r)
		base, ok2 := def.Count(prev)
		if !ok1 || !ok2 {
			return "—", true
		}
		if ref.Suffix == "上年" {
			return strconv.FormatInt(base, 10), true
		}
		return YoYPhrase(base, cur), true
	}
	return "", false
}

// ChangePermille is the relative change from base to cur in tenths of a
// percent, rounded half away from zero; ok is false when base is 0.
func ChangePermille(base, cur int64) (int64, bool) {
	if base == 0 {
		return 0, false
	}
	num := (cur - base) * 1000
	q := num / base
	rem := num % base
	if rem != 0 && 2*abs64(rem) >= abs64(base) {
		if (num < 0) != (base < 0) {
			q--
		} else {
			q++
		}
	}
	return q, true
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// YoYPhrase says how cur compares with last year's base, as reports write it.
func YoYPhrase(base, cur int64) string {
	if cur == base {
		return "与上年持平"
	}
	p, ok := ChangePermille(base, cur)
	if !ok {
		return fmt.Sprintf("上年为0，本年为%d", cur)
	}
	if p > 0 {
		return "同比增长" + Permille(int(p))
	}
	return "同比下降" + Permille(int(-p))
}
