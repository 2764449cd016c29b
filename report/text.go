package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A quotedFigure is a key figure that reports quote in 总体情况 and that
// TX-1 compares with the tables.
type quotedFigure struct {
	name     string
	keywords []string // literal keywords; the longest match at a position wins
	needs    string   // the words before the number must contain this ("" = none)
	value    func(r *Report) int64
	tableRef string
}

var quotedFigures = []quotedFigure{
	{"本年新收申请", []string{"本年新收", "新收", "共收到", "收到"}, "申请",
		func(r *Report) int64 { return r.Row("received").Sum() }, "表三“一、本年新收政府信息公开申请数量”总计"},
	{"上年结转申请", []string{"上年结转", "上一年结转", "上年度结转", "上一年度结转"}, "",
		func(r *Report) int64 { return r.Row("carried_over").Sum() }, "表三“二、上年结转政府信息公开申请数量”总计"},
	{"办结申请", []string{"办结", "答复完毕", "办理完毕"}, "",
		func(r *Report) int64 { return outcomeSum(r) }, "表三“（七）总计”"},
	{"结转下年度申请", []string{"结转下年度", "结转下一年度", "结转至下年度", "结转到下年度", "结转至下一年度", "结转到下一年度", "结转下年", "结转至次年"}, "",
		func(r *Report) int64 { return r.Row("carried_forward").Sum() }, "表三“四、结转下年度继续办理”总计"},
	{"行政复议", []string{"行政复议"}, "",
		func(r *Report) int64 { return r.Appeals[0].Sum() }, "表四“行政复议”总计"},
	{"行政诉讼", []string{"行政诉讼", "提起诉讼", "被起诉"}, "",
		func(r *Report) int64 { return r.Appeals[1].Sum() + r.Appeals[2].Sum() }, "表四“行政诉讼”两组总计之和"},
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

// outcomeSum is （七）总计 computed from the outcome rows, all columns.
func outcomeSum(r *Report) int64 {
	var s int64
	for i, row := range r.Edition.Table3() {
		if row.Kind == T3Outcome && i < len(r.Requests) {
			s += r.Requests[i].Sum()
		}
	}
	return s
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
func posIn(t Text, off int) Pos {
	if !t.Literal {
		return Pos{Line: t.BodyLine}
	}
	return Pos{Line: t.BodyLine + strings.Count(t.Body[:off], "\n")}
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
			if r.Scope == ScopeRegion || strings.HasSuffix(r.Organ, "人民政府") {
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

// similarityThreshold is the 内容雷同 threshold, in tenths of a percent.
const similarityThreshold = 800

// minSimilarityRunes: shorter texts ("无。") are legitimately the same every year.
const minSimilarityRunes = 60

func (c *checker) similarity() {
	for _, key := range []string{"overview", "problems", "other"} {
		path := "text." + key
		if !c.ok(path) {
			continue
		}
		cur, last := c.r.TextOf(key), c.prev.TextOf(key)
		if utf8.RuneCountInString(cur.Body) < minSimilarityRunes || utf8.RuneCountInString(last.Body) < minSimilarityRunes {
			continue
		}
		if s := Similarity(cur.Body, last.Body); s >= similarityThreshold {
			title := ""
			for _, ts := range TextSections {
				if ts.Key == key {
					title = ts.Title
				}
			}
			c.add(cur.Pos, path, "TX-5", "“%s”与 %d 年度报告同一部分的相似度为 %s（达到 %s 即视为内容雷同）。请根据本年度实际情况重写，不要沿用上年文字",
				title, c.prev.Year, Permille(s), Permille(similarityThreshold))
		}
	}
}

// Similarity returns how alike two texts are, in tenths of a percent
// (0–1000): the Dice coefficient of their character bigrams, ignoring
// whitespace and punctuation and treating every digit as the same, so that a
// text copied with only its year and figures changed still counts as a copy.
func Similarity(a, b string) int {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga)+len(gb) == 0 {
		return 0
	}
	return 2000 * bigramOverlap(ga, gb) / (len(ga) + len(gb))
}

// bigramOverlap returns the size of the multiset intersection of a and b,
// counting a's bigrams in an open-addressing hash table (bigrams are never 0,
// which marks an empty slot).
func bigramOverlap(a, b []uint32) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	bits := uint(4)
	for 1<<bits < 2*len(a) {
		bits++
	}
	mask := uint32(1)<<bits - 1
	keys := make([]uint32, 1<<bits)
	counts := make([]int32, 1<<bits)
	for _, x := range a {
		i := (x * 0x9E3779B1) >> (32 - bits)
		for keys[i] != 0 && keys[i] != x {
			i = (i + 1) & mask
		}
		keys[i] = x
		counts[i]++
	}
	inter := 0
	for _, x := range b {
		i := (x * 0x9E3779B1) >> (32 - bits)
		for keys[i] != 0 {
			if keys[i] == x {
				if counts[i] > 0 {
					counts[i]--
					inter++
				}
				break
			}
			i = (i + 1) & mask
		}
	}
	return inter
}

// bigrams returns the multiset of character bigrams of s, in text order,
// each packed in 32 bits (two BMP code points; the rare supplementary-plane
// characters all count as U+FFFF). No bigram is 0: every kept character is
// a letter, an ideograph or '0'.
func bigrams(s string) []uint32 {
	out := make([]uint32, 0, len(s)/3)
	prev := uint32(1 << 31) // none yet
	for _, r := range s {
		switch {
		case r >= 0x4E00 && r <= 0x9FFF, r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			// the common case: an ideograph or a Latin letter
		case r >= '0' && r <= '9':
			r = '0'
		case r < 0x80:
			continue // ASCII space, punctuation, symbols
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			continue
		case unicode.IsDigit(r):
			r = '0'
		}
		c := uint32(r)
		if c > 0xFFFF {
			c = 0xFFFF
		}
		if prev != 1<<31 {
			out = append(out, prev<<16|c)
		}
		prev = c
	}
	return out
}

// Permille formats tenths of a percent: 873 → "87.3%".
func Permille(v int) string {
	return fmt.Sprintf("%d.%d%%", v/10, v%10)
}
