package datafile

import (
	"errors"
	"fmt"
	"math"
	"nianbao/report"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// isInt reports whether s is a plain decimal integer with an optional sign.
func isInt(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isDecimal reports whether s is a plain decimal number: digits with at
// most one point between digits and an optional sign.
func isDecimal(s string) bool {
	i, f, ok := strings.Cut(s, ".")
	return isInt(i) && (!ok || (f != "" && isInt(f) && f[0] != '-' && f[0] != '+'))
}

// hasLeadingZero reports whether the plain number s pads its integer part
// with zeros (007, 00.5): YAML 1.1 readers take 017 for octal 15, and an
// office never means it.
func hasLeadingZero(s string) bool {
	s = strings.TrimLeft(s, "+-")
	i, _, _ := strings.Cut(s, ".")
	return len(i) > 1 && i[0] == '0'
}

const chineseDigits = "零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟"

// minusSigns are the dashes that word processors and input methods put
// where a minus is meant; each reads as “-”.
var minusSigns = map[rune]string{
	'−': "U+2212 数学减号", '－': "U+FF0D 全角减号", '‐': "U+2010 连字符", '‑': "U+2011 不换行连字符",
	'‒': "U+2012 数字线", '–': "U+2013 短破折号", '—': "U+2014 长破折号", '﹣': "U+FE63 小型减号",
}

// units are the words offices type after a figure in a cell.
var units = []string{"万元", "元", "件次", "件", "个", "项", "次", "人次", "人", "万"}

var (
	thousandsRE = regexp.MustCompile(`^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)
	exponentRE  = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+$`)
	radixRE     = regexp.MustCompile(`^[+-]?0[xXoObB][0-9a-fA-F_]+$`)
	specialRE   = regexp.MustCompile(`^[+-]?\.(inf|Inf|INF|nan|NaN|NAN)$`)
)

// numberHint explains how a number typed the way offices type it (with
// thousands separators, a Word minus sign, full-width digits, a unit, in
// Chinese numerals, in scientific or hexadecimal notation, with leading
// zeros) should be written. raw is the scalar as written; tag is the tag
// the file gave it explicitly ("" when none). ok is false when raw is not
// recognisably a number.
func numberHint(raw, tag string, whole bool) (hint string, ok bool) {
	var why []string
	if tag != "" {
		why = append(why, fmt.Sprintf("不要写类型标记“%s”", tag))
	}
	s := strings.TrimSpace(raw)
	// Full-width characters and dashes first: they hide every other form.
	var b strings.Builder
	fullWidth, minus := false, ""
	for i, r := range s {
		switch {
		case r >= '０' && r <= '９':
			fullWidth = true
			b.WriteRune('0' + r - '０')
		case r == '，' || r == '．' || r == '：' || r == '＋':
			fullWidth = true
			b.WriteRune(r - 0xFEE0)
		case minusSigns[r] != "" && i == 0:
			minus = minusSigns[r]
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	s = b.String()
	if fullWidth {
		why = append(why, "用半角（英文）数字和符号，不要用全角字符")
	}
	if minus != "" {
		why = append(why, fmt.Sprintf("开头的“%s”（%s）不是减号，负数请用半角减号“-”", string([]rune(strings.TrimSpace(raw))[0]), minus))
	}
	for _, u := range units {
		if n := strings.TrimSpace(strings.TrimSuffix(s, u)); n != s && n != "" && strings.ContainsAny(n[len(n)-1:], "0123456789") {
			why = append(why, fmt.Sprintf("不要写单位“%s”", u))
			s = n
			break
		}
	}
	switch {
	case thousandsRE.MatchString(s):
		s = strings.ReplaceAll(s, ",", "")
		why = append(why, "不要千位分隔符")
	case strings.Trim(s, chineseDigits) == "" && s != "":
		v, ok := chineseNumber(s)
		if !ok {
			return "", false
		}
		s = strconv.FormatInt(v, 10)
		why = append(why, "用阿拉伯数字")
	case exponentRE.MatchString(s):
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Abs(f) >= 1e15 {
			return "不要用科学计数法（如 1e3），请写出完整的数字", true
		}
		s = strconv.FormatFloat(f, 'f', -1, 64)
		why = append(why, "不要用科学计数法")
	case specialRE.MatchString(s):
		return fmt.Sprintf("“%s”在 YAML 中表示无穷大或“非数”，不是数字，请写出实际数字", s), true
	case radixRE.MatchString(s):
		v, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 0, 64)
		if err != nil {
			return "请写十进制数字", true
		}
		s = strconv.FormatInt(v, 10)
		why = append(why, "用十进制，不要写成十六进制、八进制或二进制")
	case strings.Contains(s, "_") && isDecimal(strings.ReplaceAll(s, "_", "")):
		s = strings.ReplaceAll(s, "_", "")
		why = append(why, "不要用下划线分隔数字")
	}
	if !isDecimal(s) {
		return "", false
	}
	if hasLeadingZero(s) {
		neg := strings.HasPrefix(s, "-")
		s = strings.TrimLeft(strings.TrimLeft(s, "+-"), "0")
		if s == "" || s[0] == '.' {
			s = "0" + s
		}
		if neg {
			s = "-" + s
		}
		why = append(why, "数字前不要补 0")
	}
	if len(why) == 0 {
		return "", false
	}
	if whole && !isInt(s) {
		why = append(why, "件数应为整数")
	}
	return fmt.Sprintf("写成 %s（%s）", s, strings.Join(why, "；")), true
}

// chineseNumber reads a Chinese numeral such as 三, 十二, 一百零五, 两千,
// 一万二千; ok is false for anything it cannot read unambiguously.
func chineseNumber(s string) (int64, bool) {
	digit := map[rune]int64{'零': 0, '〇': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3, '四': 4, '肆': 4,
		'五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9}
	unit := map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}
	var total, section, d int64
	seen := false
	if utf8.RuneCountInString(s) > 12 {
		return 0, false
	}
	if !strings.ContainsAny(s, "十拾百佰千仟万亿") {
		// Digit by digit, as years are written: 二〇二四.
		var v int64
		for _, r := range s {
			x, ok := digit[r]
			if !ok {
				return 0, false
			}
			v = v*10 + x
		}
		return v, true
	}
	for _, r := range s {
		switch {
		case r == '万' || r == '亿':
			m := int64(10000)
			if r == '亿' {
				m = 100000000
			}
			section += d
			if section == 0 {
				return 0, false
			}
			total += section * m
			section, d = 0, 0
		case unit[r] != 0:
			if d == 0 {
				d = 1 // 十二 = 一十二
			}
			section += d * unit[r]
			d = 0
		default:
			v, ok := digit[r]
			if !ok {
				return 0, false
			}
			d = v
		}
		seen = true
	}
	return total + section + d, seen
}

// tagOf returns the tag written in the file ("!!float 3"), or "".
func tagOf(n *yaml.Node) string {
	if n.Style&yaml.TaggedStyle != 0 {
		return n.Tag
	}
	return ""
}

// typed reports a number typed in a form the loader will not guess at
// (S-9) with what to type instead; false when raw has no such form.
func (l *loader) typed(n *yaml.Node, path string, whole bool) bool {
	hint, ok := numberHint(n.Value, tagOf(n), whole)
	if !ok {
		return false
	}
	l.add(n, path, "S-9", "“%s”：%s", report.Clip(n.Value, 30), hint)
	return true
}

// integer reads a whole number; rule is the rule ID for a fractional value.
func (l *loader) integer(n *yaml.Node, path, rule string) (int64, bool) {
	n = deref(n)
	if l.bad[n] {
		return 0, false // reported where the number was split
	}
	if n.Kind != yaml.ScalarNode {
		l.add(n, path, "S-4", "应为整数，实际为%s", kindName(n))
		return 0, false
	}
	tag := n.ShortTag()
	if tagOf(n) != "" || hasLeadingZero(n.Value) {
		if l.typed(n, path, true) {
			return 0, false
		}
	}
	switch tag {
	case "!!null":
		l.add(n, path, "S-5", "此处为空。空白不等于 0：没有的请填写 0")
		return 0, false
	case "!!int":
		if !isInt(n.Value) {
			if !l.typed(n, path, true) {
				l.add(n, path, "S-4", "应为十进制整数，实际为“%s”", n.Value)
			}
			return 0, false
		}
		v, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil || v > report.MaxCount || v < -report.MaxCount {
			l.add(n, path, "S-4", "数值 %s 过大，请核对", n.Value)
			return 0, false
		}
		return v, true
	case "!!float":
		switch {
		case l.typed(n, path, true):
		case isInt(n.Value):
			l.add(n, path, "S-4", "数值 %s 过大，请核对", n.Value)
		default:
			l.add(n, path, rule, "应为整数（件数），实际为小数 %s。请填写整数", n.Value)
		}
		return 0, false
	case "!!str":
		v := strings.TrimSpace(n.Value)
		switch {
		case v == "" || v == "/" || v == "／" || v == "-" || v == "—" || v == "无":
			l.add(n, path, "S-5", "此处为“%s”。空白或“/”不等于 0：没有的请填写 0", report.Visible(n.Value))
		case l.typed(n, path, true):
		case strings.ContainsAny(v, chineseDigits):
			l.add(n, path, "S-4", "应为阿拉伯数字，实际为文字“%s”。请改写为阿拉伯数字", report.Clip(report.Visible(v), 20))
		case isInt(v):
			l.add(n, path, "S-4", "应为数字，实际为带引号的文字“%s”。请去掉引号", v)
		default:
			l.add(n, path, "S-4", "应为整数，实际为文字“%s”", report.Clip(report.Visible(v), 20))
		}
		return 0, false
	}
	l.add(n, path, "S-4", "应为整数，实际为%s", kindName(n))
	return 0, false
}

// count reads a non-negative whole number; rule names the table's rule.
func (l *loader) count(n *yaml.Node, path, rule string) (int64, bool) {
	v, ok := l.integer(n, path, rule)
	if ok && v < 0 {
		l.add(deref(n), path, rule, "件数不能为负数，实际为 %d", v)
		return 0, false
	}
	return v, ok
}

// amount reads a non-negative decimal keeping its digits.
func (l *loader) amount(n *yaml.Node, path, rule, unitHint string) (report.Decimal, bool) {
	n = deref(n)
	if l.bad[n] {
		return report.Decimal{}, false // reported where the number was split
	}
	if n.Kind != yaml.ScalarNode {
		l.add(n, path, "S-4", "应为金额（数字），实际为%s", kindName(n))
		return report.Decimal{}, false
	}
	if tagOf(n) != "" || hasLeadingZero(n.Value) {
		if l.typed(n, path, false) {
			return report.Decimal{}, false
		}
	}
	switch n.ShortTag() {
	case "!!null":
		l.add(n, path, "S-5", "此处为空。空白不等于 0：没有的请填写 0")
		return report.Decimal{}, false
	case "!!int", "!!float":
		d, err := report.ParseDecimal(n.Value)
		if err != nil {
			switch {
			case errors.Is(err, report.ErrDecimalRange):
				l.add(n, path, "S-4", "金额 %s 位数过多（最多 %d 位有效数字），请核对", n.Value, report.MaxDecimalDigits)
			case l.typed(n, path, false):
			default:
				l.add(n, path, "S-4", "金额应写成普通小数，例如 12.5，实际为“%s”", n.Value)
			}
			return report.Decimal{}, false
		}
		if d.Neg() {
			l.add(n, path, rule, "金额不能为负数，实际为 %s", n.Value)
			return report.Decimal{}, false
		}
		return d, true
	case "!!str":
		v := strings.TrimSpace(n.Value)
		switch {
		case v == "" || v == "/" || v == "／" || v == "-" || v == "—" || v == "无":
			l.add(n, path, "S-5", "此处为“%s”。空白或“/”不等于 0：没有的请填写 0", report.Visible(n.Value))
		case l.typed(n, path, false):
			if last := &l.ps[len(l.ps)-1]; strings.Contains(last.Msg, "单位") {
				last.Msg += "。" + strings.TrimPrefix(unitHint, "，")
			}
		default:
			l.add(n, path, "S-4", "应为金额（数字），实际为文字“%s”", report.Clip(report.Visible(v), 20))
		}
		return report.Decimal{}, false
	}
	l.add(n, path, "S-4", "应为金额（数字），实际为%s", kindName(n))
	return report.Decimal{}, false
}

var (
	leadGroupRE = regexp.MustCompile(`^[+-]?[0-9]{1,3}$`)
	groupRE     = regexp.MustCompile(`^[0-9]{3}$`)
	lastGroupRE = regexp.MustCompile(`^[0-9]{3}(\.[0-9]+)?$`)
)

// glued reports whether next follows prev in a flow collection with
// nothing but one comma between them: `1,026`, which YAML reads as two
// entries.
func (l *loader) glued(prev, next *yaml.Node) bool {
	if prev.Kind != yaml.ScalarNode || next.Kind != yaml.ScalarNode || prev.Style != 0 || next.Style != 0 ||
		prev.Line != next.Line || next.Column != prev.Column+utf8.RuneCountInString(prev.Value)+1 {
		return false
	}
	off, ok := l.offsetOf(next.Line, next.Column-1)
	return ok && l.data[off] == ','
}

// splitMapNumber recognises a number with thousands separators inside a
// flow mapping, `{amount: 75,394,432.52}`, which YAML reads as amount: 75
// and the keys 394 and 432.52. i indexes the key that may continue the
// previous value. It reports S-9 once, marks the value as not to be read,
// and returns the index of the first pair after the number (i when there
// is none).
func (l *loader) splitMapNumber(n *yaml.Node, i int, path string) int {
	if i < 2 || n.Style&yaml.FlowStyle == 0 {
		return i
	}
	prev := n.Content[i-1]
	if !leadGroupRE.MatchString(prev.Value) || prev.ShortTag() != "!!int" {
		return i
	}
	num, last, j := prev.Value, prev, i
	for ; j+1 < len(n.Content); j += 2 {
		k, v := n.Content[j], n.Content[j+1]
		if !lastGroupRE.MatchString(k.Value) || v.ShortTag() != "!!null" || v.Value != "" || !l.glued(last, k) {
			break
		}
		num += "," + k.Value
		last = k
		if !groupRE.MatchString(k.Value) {
			j += 2
			break // a decimal part ends the number
		}
	}
	if j == i {
		return i
	}
	if l.bad == nil {
		l.bad = map[*yaml.Node]bool{}
	}
	l.bad[prev] = true
	key := n.Content[i-2].Value
	l.add(prev, joinPath(path, key), "S-9", "“%s”：写成 %s（不要千位分隔符：在 {…} 中英文逗号分隔各项，%s 被读成了 %d 项）", num, strings.ReplaceAll(num, ",", ""), num, strings.Count(num, ",")+1)
	return j
}

// splitSeqNumbers finds numbers with thousands separators in a flow list:
// `[1,026, 0, 0, 0, 0]` reads as 1, 26, 0, … — seven valid-looking
// numbers. An entry of exactly three digits glued to the one before it by
// a comma is taken for a thousands group when the list is otherwise
// written with spaces, when the group has a leading zero, or when joining
// makes the row the right length. Each such number is an S-9 error; ok is
// false when there was one.
func (l *loader) splitSeqNumbers(n *yaml.Node, path, label string) bool {
	c := n.Content
	type group struct{ from, to int }
	var groups []group
	spaced := false
	for j := 1; j < len(c); j++ {
		if !l.glued(c[j-1], c[j]) {
			spaced = true
		}
	}
	merged := len(c)
	for j := 1; j < len(c); j++ {
		if !groupRE.MatchString(c[j].Value) || !leadGroupRE.MatchString(c[j-1].Value) || !l.glued(c[j-1], c[j]) {
			continue
		}
		g := group{j - 1, j}
		for g.to+1 < len(c) && groupRE.MatchString(c[g.to+1].Value) && l.glued(c[g.to], c[g.to+1]) {
			g.to++
		}
		groups = append(groups, g)
		merged -= g.to - g.from
		j = g.to
	}
	if len(groups) == 0 {
		return true
	}
	flag := spaced || (len(c) != 6 && len(c) != 7 && (merged == 6 || merged == 7))
	for _, g := range groups {
		if c[g.from+1].Value[0] == '0' {
			flag = true
		}
	}
	if !flag {
		return true
	}
	for _, g := range groups {
		parts := make([]string, 0, g.to-g.from+1)
		for _, e := range c[g.from : g.to+1] {
			parts = append(parts, e.Value)
		}
		num := strings.Join(parts, ",")
		l.add(c[g.from], fmt.Sprintf("%s[%d]", path, g.from), "S-9", "“%s”一行中的“%s”：写成 %s（不要千位分隔符：列表中英文逗号分隔各数，%s 被读成了 %d 个数）", label, num, strings.Join(parts, ""), num, len(parts))
	}
	return false
}
