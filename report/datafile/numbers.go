package datafile

import (
	"errors"
	"fmt"
	"nianbao/report"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

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
	var why []string
	if tag := tagOf(n); tag != "" {
		why = append(why, fmt.Sprintf("不要写类型标记“%s”", tag))
	}
	hint, ok := report.NumberHint(n.Value, whole, why...)
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
	if tagOf(n) != "" || report.HasLeadingZero(n.Value) {
		if l.typed(n, path, true) {
			return 0, false
		}
	}
	switch tag {
	case "!!null":
		l.add(n, path, "S-5", "此处为空。空白不等于 0：没有的请填写 0")
		return 0, false
	case "!!int":
		if !report.IsPlainInt(n.Value) {
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
		case report.IsPlainInt(n.Value):
			l.add(n, path, "S-4", "数值 %s 过大，请核对", n.Value)
		default:
			l.add(n, path, rule, "应为整数（件数），实际为小数 %s。请填写整数", n.Value)
		}
		return 0, false
	case "!!str":
		v := strings.TrimSpace(n.Value)
		switch kind, hint := report.NumberText(v, true); {
		case kind == report.TextBlank:
			l.add(n, path, "S-5", "此处为“%s”。空白或“/”不等于 0：没有的请填写 0", report.Visible(n.Value))
		case kind == report.TextTyped:
			l.add(n, path, "S-9", "“%s”：%s", report.Clip(n.Value, 30), hint)
		case kind == report.TextChinese:
			l.add(n, path, "S-4", "应为阿拉伯数字，实际为文字“%s”。请改写为阿拉伯数字", report.Clip(report.Visible(v), 20))
		case kind == report.TextPlain && report.IsPlainInt(v):
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
	if tagOf(n) != "" || report.HasLeadingZero(n.Value) {
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
		switch kind, hint := report.NumberText(v, false); kind {
		case report.TextBlank:
			l.add(n, path, "S-5", "此处为“%s”。空白或“/”不等于 0：没有的请填写 0", report.Visible(n.Value))
		case report.TextTyped:
			if strings.Contains(hint, "单位") {
				hint += "。" + strings.TrimPrefix(unitHint, "，")
			}
			l.add(n, path, "S-9", "“%s”：%s", report.Clip(n.Value, 30), hint)
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
