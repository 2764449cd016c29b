package check

import (
	"nianbao/report"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A quotedFigure is a key figure that reports quote in 总体情况 and that
// TX-1 compares with the tables.
type quotedFigure struct {
	name     string
	keywords []string // literal keywords; the longest match at a position wins
	needs    string   // the words before the number must contain this ("" = none)
	value    func(r *report.Report) int64
	tableRef string
}

var quotedFigures = []quotedFigure{
	{"本年新收申请", []string{"本年新收", "新收", "共收到", "收到"}, "申请",
		func(r *report.Report) int64 { return r.Row("received").Sum() }, "表三“一、本年新收政府信息公开申请数量”总计"},
	{"上年结转申请", []string{"上年结转", "上一年结转", "上年度结转", "上一年度结转"}, "",
		func(r *report.Report) int64 { return r.Row("carried_over").Sum() }, "表三“二、上年结转政府信息公开申请数量”总计"},
	{"办结申请", []string{"办结", "答复完毕", "办理完毕"}, "",
		func(r *report.Report) int64 { return report.OutcomeSum(r) }, "表三“（七）总计”"},
	{"结转下年度申请", []string{"结转下年度", "结转下一年度", "结转至下年度", "结转到下年度", "结转至下一年度", "结转到下一年度", "结转下年", "结转至次年"}, "",
		func(r *report.Report) int64 { return r.Row("carried_forward").Sum() }, "表三“四、结转下年度继续办理”总计"},
	{"行政复议", []string{"行政复议"}, "",
		func(r *report.Report) int64 { return r.Appeals[0].Sum() }, "表四“行政复议”总计"},
	{"行政诉讼", []string{"行政诉讼", "提起诉讼", "被起诉"}, "",
		func(r *report.Report) int64 { return r.Appeals[1].Sum() + r.Appeals[2].Sum() }, "表四“行政诉讼”两组总计之和"},
}

// matches returns the byte ranges of f's keywords in s, left to right,
// without overlaps (the longest keyword wins at a position).
func (f quotedFigure) matches(s string) [][2]int {
	var all [][2]int
	for _, k := range f.keywords {
		for off := 0; ; {
			i := strings.Index(s[off:], k)
			if i < 0 {
				break
			}
			all = append(all, [2]int{off + i, off + i + len(k)})
			off += i + len(k)
		}
	}
	if len(all) < 2 {
		return all
	}
	slices.SortFunc(all, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return b[1] - a[1] // longer first
	})
	out := all[:1]
	for _, m := range all[1:] {
		if m[0] >= out[len(out)-1][1] {
			out = append(out, m)
		}
	}
	return out
}

func (f quotedFigure) in(s string) bool {
	for _, k := range f.keywords {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

func (f quotedFigure) endsWith(s string) bool {
	for _, k := range f.keywords {
		if strings.HasSuffix(s, k) {
			return true
		}
	}
	return false
}

// Words that, between a keyword and a number, mean the number is about
// something else (a breakdown, a change, another figure).
var figureStopWords = []string{"其中", "自然人", "企业", "法人", "机构", "组织", "同比", "较上年", "比上年", "增加", "减少", "增长", "下降", "占", "%", "％",
	"同意", "予以", "不予", "部分", "答复", "相关", "案件中"}

// numberBeforeJian finds the first number followed by 件 in w: the byte
// offsets of the number, or ok=false.
func numberBeforeJian(w string) (start, end int, ok bool) {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			continue
		}
		j := i
		for j < len(w) {
			if w[j] >= '0' && w[j] <= '9' || w[j] == ',' {
				j++
			} else if strings.HasPrefix(w[j:], "，") && j+3 < len(w) && w[j+3] >= '0' && w[j+3] <= '9' {
				j += 3
			} else {
				break
			}
		}
		k := j
		for k < len(w) && w[k] == ' ' {
			k++
		}
		if strings.HasPrefix(w[k:], "件") {
			return i, j, true
		}
		i = j
	}
	return 0, 0, false
}

const figureWindow = 30 // runes after a keyword in which the number must stand

// figureMention is one number quoted in a text.
type figureMention struct {
	fig    int // index into quotedFigures
	value  int64
	offset int // byte offset of the number in the text
}

// digitSeparators removes thousands separators from a quoted number.
var digitSeparators = strings.NewReplacer(",", "", "，", "")

// findFigures returns the key figures quoted in body.
func findFigures(body string) []figureMention {
	var out []figureMention
	for fi, f := range quotedFigures {
		for _, m := range f.matches(body) {
			w := body[m[1]:]
			// Cut the window at the end of the clause or after figureWindow runes.
			n := 0
			for i, r := range w {
				if n == figureWindow || strings.ContainsRune("。；！？\n", r) {
					w = w[:i]
					break
				}
				n++
			}
			ns, ne, ok := numberBeforeJian(w)
			if !ok {
				continue
			}
			pre := w[:ns]
			if f.needs != "" && !strings.Contains(pre, f.needs) && !strings.Contains(body[m[0]:m[1]], f.needs) {
				continue
			}
			if containsAny(pre, figureStopWords) || otherKeyword(pre, fi) || joinedMention(body[:m[0]], fi) {
				continue
			}
			digits := digitSeparators.Replace(w[ns:ne])
			v, err := strconv.ParseInt(digits, 10, 64)
			if err != nil {
				continue
			}
			out = append(out, figureMention{fig: fi, value: v, offset: m[1] + ns})
		}
	}
	return out
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func otherKeyword(s string, self int) bool {
	for i, f := range quotedFigures {
		if i != self && f.in(s) {
			return true
		}
	}
	return false
}

// joinedMention reports whether the keyword is the second half of a joint
// mention such as “行政复议和行政诉讼…74件”, whose number is a combined figure.
func joinedMention(before string, self int) bool {
	start := len(before)
	for n := 0; n < 12 && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(before[:start])
		start -= size
	}
	trimmed := strings.TrimRight(before[start:], " ")
	for _, conj := range []string{"和", "及", "与", "、", "或", "以及"} {
		if !strings.HasSuffix(trimmed, conj) {
			continue
		}
		head := strings.TrimSuffix(trimmed, conj)
		for i, f := range quotedFigures {
			if i != self && f.endsWith(head) {
				return true
			}
		}
	}
	return false
}

// posIn returns the file position of byte offset off within a text section.
func posIn(t report.Text, off int) report.Pos {
	if !t.Literal {
		return report.Pos{Line: t.BodyLine}
	}
	return report.Pos{Line: t.BodyLine + strings.Count(t.Body[:off], "\n")}
}

func (c *checker) text() {
	r := c.r
	// TX-1: figures quoted in the preface and 总体情况.
	for _, key := range []string{"preface", "overview"} {
		path := "text." + key
		if !c.ok(path) {
			continue
		}
		t := r.TextOf(key)
		for _, m := range findFigures(t.Body) {
			f := quotedFigures[m.fig]
			if !c.figureInputsOK(m.fig) {
				continue
			}
			if want := f.value(r); m.value != want {
				c.add(posIn(t, m.offset), path, "TX-1", "正文写“%s”为 %d 件，但%s为 %d 件。请改正文字或表格，使二者一致（也可用占位符自动引用表格数字）",
					f.name, m.value, f.tableRef, want)
			}
		}
	}
	// TX-4: the five topics of 总体情况.
	if c.ok("text.overview") {
		t := r.TextOf("overview")
		if t.Body != "" {
			var missing []string
			for _, topic := range overviewTopics {
				if !containsAny(t.Body, topic.words) {
					missing = append(missing, topic.name)
				}
			}
			if len(missing) > 0 {
				c.add(t.Pos, "text.overview", "TX-4", "“一、总体情况”应涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五方面，未见：%s",
					strings.Join(missing, "、"))
			}
			if r.Scope == report.ScopeRegion || strings.HasSuffix(r.Organ, "人民政府") {
				var gm []string
				for _, w := range []string{"考核", "评议", "责任追究"} {
					if !strings.Contains(t.Body, w) {
						gm = append(gm, w)
					}
				}
				if len(gm) > 0 {
					c.add(t.Pos, "text.overview", "TX-4", "各级人民政府的报告应在监督保障部分说明工作考核、社会评议和责任追究结果情况（条例第五十条第四项），未见：%s",
						strings.Join(gm, "、"))
				}
			}
		}
	}
}

func (c *checker) figureInputsOK(fig int) bool {
	if fig >= 4 {
		return c.ok("appeals")
	}
	return c.ok("requests")
}

var overviewTopics = []struct {
	name  string
	words []string
}{
	{"主动公开", []string{"主动公开"}},
	{"依申请公开", []string{"依申请公开", "依申请"}},
	{"政府信息管理", []string{"政府信息管理", "信息管理"}},
	{"政府信息公开平台建设", []string{"平台建设", "平台"}},
	{"监督保障", []string{"监督保障", "监督", "保障"}},
}
