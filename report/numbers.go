package report

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// How offices type numbers. Both loaders — the YAML data file and the
// statistics workbook — meet text where a number belongs: a quoted YAML
// scalar, a text cell. NumberText says what such text is, and for a number
// typed the way offices type it (rule S-9) exactly what to type instead, so
// that both give the same advice.

// IsPlainInt reports whether s is a plain decimal integer with an optional
// sign.
func IsPlainInt(s string) bool {
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
	return IsPlainInt(i) && (!ok || (f != "" && IsPlainInt(f) && f[0] != '-' && f[0] != '+'))
}

// HasLeadingZero reports whether the plain number s pads its integer part
// with zeros (007, 00.5): YAML 1.1 readers take 017 for octal 15, and an
// office never means it.
func HasLeadingZero(s string) bool {
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
	// spacedRE is a number grouped by threes with spaces (1 702, the
	// grouping of GB 3101), no-break or thin spaces included.
	spacedRE   = regexp.MustCompile(`^[+-]?[0-9]{1,3}([ \x{00A0}\x{2009}\x{202F}\x{3000}][0-9]{3})+(\.[0-9]+)?$`)
	exponentRE = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+$`)
	radixRE    = regexp.MustCompile(`^[+-]?0[xXoObB][0-9a-fA-F_]+$`)
	specialRE  = regexp.MustCompile(`^[+-]?\.(inf|Inf|INF|nan|NaN|NAN)$`)
)

// NumberHint explains how a number typed the way offices type it (with
// thousands separators, a Word minus sign, full-width digits, a unit, in
// Chinese numerals, in scientific or hexadecimal notation, with leading
// zeros) should be written: “写成 1026（不要千位分隔符）”. whole asks for a
// count. why are reasons the caller found first (a YAML type tag); with
// any, a plain number also gets a hint. ok is false when text is not
// recognisably a number, or is one written plainly.
func NumberHint(text string, whole bool, why ...string) (hint string, ok bool) {
	why = append([]string(nil), why...)
	s := strings.TrimSpace(text)
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
		why = append(why, fmt.Sprintf("开头的“%s”（%s）不是减号，负数请用半角减号“-”", string([]rune(strings.TrimSpace(text))[0]), minus))
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
	case spacedRE.MatchString(s):
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r == '+' || r == '-') }), "")
		why = append(why, "数字中间不要空格")
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
	if HasLeadingZero(s) {
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
	if whole && !IsPlainInt(s) {
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

// TextKind is what text typed where a number belongs is (see NumberText).
type TextKind int

const (
	// TextBlank is nothing, or a mark that stands for nothing (/, -, 无):
	// blank is not zero (S-5).
	TextBlank TextKind = iota
	// TextTyped is a number typed the way offices type it; the hint says
	// what to type (S-9).
	TextTyped
	// TextChinese holds Chinese numerals that do not read as a number
	// (三十多).
	TextChinese
	// TextPlain is a plain decimal number held as text (a quoted "12", a
	// text cell).
	TextPlain
	// TextOther is any other text.
	TextOther
)

// NumberText classifies text found where a number belongs, in the order
// the loaders report it; hint is NumberHint's for TextTyped. whole asks
// for a count.
func NumberText(text string, whole bool) (kind TextKind, hint string) {
	v := strings.TrimSpace(text)
	switch v {
	case "", "/", "／", "-", "—", "无":
		return TextBlank, ""
	}
	if hint, ok := NumberHint(v, whole); ok {
		return TextTyped, hint
	}
	switch {
	case strings.ContainsAny(v, chineseDigits):
		return TextChinese, ""
	case isDecimal(v):
		return TextPlain, ""
	}
	return TextOther, ""
}
