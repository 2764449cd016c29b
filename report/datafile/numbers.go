package datafile

import (
	"errors"
	"nianbao/report"
	"strconv"
	"strings"

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

const chineseDigits = "零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟"

// integer reads a whole number; rule is the rule ID for a fractional value.
func (l *loader) integer(n *yaml.Node, path, rule string) (int64, bool) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode {
		l.add(n, path, "S-4", "应为整数，实际为%s", kindName(n))
		return 0, false
	}
	switch n.ShortTag() {
	case "!!null":
		l.add(n, path, "S-5", "此处为空。空白不等于 0：没有的请填写 0")
		return 0, false
	case "!!int":
		if !isInt(n.Value) {
			l.add(n, path, "S-4", "应为十进制整数，实际为“%s”", n.Value)
			return 0, false
		}
		v, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil || v > report.MaxCount || v < -report.MaxCount {
			l.add(n, path, "S-4", "数值 %s 过大，请核对", n.Value)
			return 0, false
		}
		return v, true
	case "!!float":
		if isInt(n.Value) {
			l.add(n, path, "S-4", "数值 %s 过大，请核对", n.Value)
		} else {
			l.add(n, path, rule, "应为整数（件数），实际为小数 %s。请填写整数", n.Value)
		}
		return 0, false
	case "!!str":
		v := strings.TrimSpace(n.Value)
		switch {
		case v == "" || v == "/" || v == "／" || v == "-" || v == "—" || v == "无":
			l.add(n, path, "S-5", "此处为“%s”。空白或“/”不等于 0：没有的请填写 0", n.Value)
		case strings.ContainsAny(v, chineseDigits):
			l.add(n, path, "S-4", "应为阿拉伯数字，实际为文字“%s”。请改写为阿拉伯数字", report.Clip(v, 20))
		case isInt(v):
			l.add(n, path, "S-4", "应为数字，实际为带引号的文字“%s”。请去掉引号", v)
		default:
			l.add(n, path, "S-4", "应为整数，实际为文字“%s”", report.Clip(v, 20))
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
	if n.Kind != yaml.ScalarNode {
		l.add(n, path, "S-4", "应为金额（数字），实际为%s", kindName(n))
		return report.Decimal{}, false
	}
	switch n.ShortTag() {
	case "!!null":
		l.add(n, path, "S-5", "此处为空。空白不等于 0：没有的请填写 0")
		return report.Decimal{}, false
	case "!!int", "!!float":
		d, err := report.ParseDecimal(n.Value)
		if err != nil {
			if errors.Is(err, report.ErrDecimalRange) {
				l.add(n, path, "S-4", "金额 %s 位数过多（最多 %d 位有效数字），请核对", n.Value, report.MaxDecimalDigits)
			} else {
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
		num := strings.TrimRight(v, "元万 ")
		switch {
		case v == "" || v == "/" || v == "／" || v == "-" || v == "—" || v == "无":
			l.add(n, path, "S-5", "此处为“%s”。空白或“/”不等于 0：没有的请填写 0", n.Value)
		case num != v && num != "":
			l.add(n, path, "S-4", "金额中不要写单位，实际为“%s”。请只写数字%s", v, unitHint)
		case strings.Contains(v, ","):
			l.add(n, path, "S-4", "金额中不要用千分位逗号，实际为“%s”", v)
		default:
			l.add(n, path, "S-4", "应为金额（数字），实际为文字“%s”", report.Clip(v, 20))
		}
		return report.Decimal{}, false
	}
	l.add(n, path, "S-4", "应为金额（数字），实际为%s", kindName(n))
	return report.Decimal{}, false
}
