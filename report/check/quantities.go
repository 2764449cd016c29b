package check

// Reading the quantities a text states: sentences, tokens, Arabic and
// Chinese numerals with their units (件, 起, 个, 项, 元, 万元), for TX-1.

import (
	"nianbao/report"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ftoken is a term or a quantity in a sentence.
type ftoken struct {
	start, end int // byte offsets in the text section
	term       *term
	qty        *quantity
}

// quantity is a number with its unit.
type quantity struct {
	text  string         // as written, number and unit
	value report.Decimal // in the unit (元 for money)
	money bool           // 元 or 万元 (value is then in 元)
	// approx is set for 100余件, 近百件…: never compared.
	approx bool
}

// sentences splits body into sentences: the byte ranges between 。！？；
// and line ends.
func sentences(body string) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range body {
		if strings.ContainsRune("。！？；!?;\n", r) {
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(body) {
		out = append(out, [2]int{start, len(body)})
	}
	return out
}

// tokenize reads the terms and quantities of s (a sentence at offset base of the body).
func tokenize(s string, base int) []ftoken {
	var out []ftoken
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		matched := false
		for k := range termIndex[r] {
			t := &termIndex[r][k]
			if strings.HasPrefix(s[i:], t.text) {
				out = append(out, ftoken{start: base + i, end: base + i + len(t.text), term: t})
				i += len(t.text)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if q, n := readQuantity(s, i); n > 0 {
			if q != nil {
				out = append(out, ftoken{start: base + i, end: base + i + n, qty: q})
			}
			i += n
			continue
		}
		i += size
	}
	return out
}

const cnDigits = "零〇一二两三四五六七八九"

func isCNNumeral(r rune) bool { return strings.ContainsRune(cnDigits+"十百千万亿", r) }

// readQuantity reads a number at s[i:] and its unit. It returns the bytes
// consumed (0 when s[i] starts no number) and the quantity, or nil when the
// number is not a figure (a year, a percentage, a date, a document number…).
func readQuantity(s string, i int) (*quantity, int) {
	r, _ := utf8.DecodeRuneInString(s[i:])
	var val report.Decimal
	j := i
	switch {
	case asciiDigit(r) >= 0:
		// Digits, thousands separators, one decimal point.
		var digits strings.Builder
		scale, point := 0, false
		for j < len(s) {
			c, sz := utf8.DecodeRuneInString(s[j:])
			if d := asciiDigit(c); d >= 0 {
				digits.WriteByte(byte('0' + d))
				if point {
					scale++
				}
				j += sz
				continue
			}
			if (c == ',' || c == '，') && !point && groupOf3(s[j+sz:]) {
				j += sz
				continue
			}
			if (c == '.' || c == '．') && !point && j+sz < len(s) {
				if n, _ := utf8.DecodeRuneInString(s[j+sz:]); asciiDigit(n) >= 0 {
					point = true
					j += sz
					continue
				}
			}
			break
		}
		d := digits.String()
		if len(d) > 15 {
			return nil, j - i
		}
		var m int64
		for _, c := range d {
			m = m*10 + int64(c-'0')
		}
		val = report.Decimal{Mant: m, Scale: scale}
	case isCNNumeral(r):
		for j < len(s) {
			c, sz := utf8.DecodeRuneInString(s[j:])
			if !isCNNumeral(c) {
				break
			}
			j += sz
		}
		v, ok := parseCNNumber(s[i:j])
		if !ok {
			return nil, j - i
		}
		val = report.Decimal{Mant: v}
	default:
		return nil, 0
	}
	// Not a figure: after 第 (第3季度), or inside a word of digits and letters.
	if before, _ := utf8.DecodeLastRuneInString(s[:i]); before == '第' || before == '-' || before == '－' || before == '—' || before == '/' ||
		before == '〔' || before == '[' || (before < 0x80 && unicode.IsLetter(before)) {
		return nil, j - i
	}
	q := &quantity{}
	rest := s[j:]
	for _, w := range []string{"余", "多", "来"} {
		if strings.HasPrefix(rest, w) {
			q.approx = true
			rest = rest[len(w):]
		}
	}
	skipSpace := func(x string) string { return strings.TrimLeft(x, " \u3000") }
	rest = skipSpace(rest)
	switch {
	case strings.HasPrefix(rest, "万元"):
		q.money = true
		val = report.Decimal{Mant: val.Mant, Scale: val.Scale - 4}
		rest = rest[len("万元"):]
	case strings.HasPrefix(rest, "元"):
		q.money = true
		rest = rest[len("元"):]
	case strings.HasPrefix(rest, "万") && !strings.HasPrefix(rest, "万人"):
		val = report.Decimal{Mant: val.Mant, Scale: val.Scale - 4}
		rest = rest[len("万"):]
		if !hasCountUnit(rest) {
			return nil, len(s) - len(rest) - i
		}
		rest = rest[len("件"):]
	case hasCountUnit(rest):
		u, _ := utf8.DecodeRuneInString(rest)
		rest = rest[utf8.RuneLen(u):]
		next, _ := utf8.DecodeRuneInString(rest)
		switch u {
		case '件', '起':
			if next == '事' || next == '次' {
				return nil, len(s) - len(rest) - i
			}
		case '个', '项':
			// 1个 ends a figure; 10个工作日, 29项任务 do not.
			if next != utf8.RuneError && unicode.Is(unicode.Han, next) && !strings.ContainsRune("均已将的", next) {
				return nil, len(s) - len(rest) - i
			}
		}
	default:
		return nil, j - i
	}
	// A count is a whole number.
	if !q.money && val.Scale > 0 {
		m, ok := wholeValue(val)
		if !ok {
			return nil, len(s) - len(rest) - i
		}
		val = report.Decimal{Mant: m}
	}
	if val.Scale < 0 {
		val = report.Decimal{Mant: val.Mant * pow10i(-val.Scale)}
	}
	q.value = val
	n := len(s) - len(rest) - i
	q.text = s[i : i+n]
	return q, n
}

func hasCountUnit(s string) bool {
	for _, u := range []string{"件", "起", "个", "项"} {
		if strings.HasPrefix(s, u) {
			return true
		}
	}
	return false
}

func asciiDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// groupOf3 reports whether s starts with exactly three digits (a thousands group).
func groupOf3(s string) bool {
	n := 0
	for _, r := range s {
		if asciiDigit(r) < 0 {
			break
		}
		n++
	}
	return n == 3
}

func pow10i(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// wholeValue returns d as a whole number when it is one.
func wholeValue(d report.Decimal) (int64, bool) {
	if d.Scale <= 0 {
		return d.Mant * pow10i(-d.Scale), true
	}
	p := pow10i(d.Scale)
	if d.Mant%p != 0 {
		return 0, false
	}
	return d.Mant / p, true
}

// parseCNNumber reads a Chinese numeral such as 一百二十, 两千零五, 三万.
func parseCNNumber(s string) (int64, bool) {
	var total, section, digit int64
	seenDigit := false
	for _, r := range s {
		if i := strings.IndexRune(cnDigits, r); i >= 0 {
			d := map[rune]int64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}[r]
			digit = d
			seenDigit = true
			continue
		}
		var unit int64
		switch r {
		case '十':
			unit = 10
		case '百':
			unit = 100
		case '千':
			unit = 1000
		case '万':
			unit = 10000
		case '亿':
			unit = 100000000
		default:
			return 0, false
		}
		if unit >= 10000 {
			section += digit
			if section == 0 {
				return 0, false
			}
			total += section * unit
			section, digit = 0, 0
			continue
		}
		if digit == 0 {
			if unit != 10 || section != 0 {
				if !seenDigit {
					return 0, false
				}
			}
			digit = 1 // 十 = 一十
		}
		section += digit * unit
		digit = 0
	}
	if !seenDigit && total == 0 && section == 0 {
		return 0, false
	}
	return total + section + digit, true
}
