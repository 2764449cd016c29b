package datafile

import (
	"bytes"
	"fmt"
	"nianbao/report"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Invisible and control characters. YAML refuses most raw control
// characters, but escapes in double-quoted strings ("\e[2J", "\0",
// "\u202E") get through, and some raw ones (C1, bidi controls, U+2028)
// are valid YAML. They could erase a line of a terminal, show a browser a
// name other than the one matched against last year's file, or vanish
// from a PDF. Identity fields refuse them (S-10); text sections drop them
// with a warning for each (TX-8).

var charNames = map[rune]string{
	0x00: "空字符", 0x07: "响铃符", 0x08: "退格符", 0x09: "制表符", 0x0A: "换行符", 0x0B: "垂直制表符",
	0x0C: "换页符", 0x0D: "回车符", 0x1B: "转义符", 0x7F: "删除符", 0x85: "下一行符",
	0x2028: "行分隔符", 0x2029: "段分隔符",
	0x202A: "从左至右嵌入符", 0x202B: "从右至左嵌入符", 0x202C: "方向嵌入结束符", 0x202D: "从左至右覆盖符", 0x202E: "从右至左覆盖符",
	0x2066: "从左至右隔离符", 0x2067: "从右至左隔离符", 0x2068: "第一强方向隔离符", 0x2069: "方向隔离结束符",
	0xFFFE: "非字符", 0xFFFF: "非字符",
}

// invisible reports whether r is refused in identity fields and removed
// from text: C0 and C1 controls, DEL, U+FFFE/U+FFFF, bidi controls and
// the line and paragraph separators. Newline and tab are among them; text
// sections keep those (see textAllowed).
func invisible(r rune) bool {
	return r < 0x20 || (r >= 0x7F && r <= 0x9F) || r == 0xFFFE || r == 0xFFFF ||
		(r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029
}

func textAllowed(r rune) bool { return r == '\n' || r == '\t' }

// charName names r as messages do: “U+2028 行分隔符”.
func charName(r rune) string {
	name, ok := charNames[r]
	switch {
	case ok:
	case r < 0x20:
		name = "C0 控制字符"
	case r >= 0x80 && r <= 0x9F:
		name = "C1 控制字符"
	default:
		name = "不可见字符"
	}
	return fmt.Sprintf("U+%04X %s", r, name)
}

// visible returns s with every control or invisible character written as
// ⟨U+001B⟩, so that a value quoted in a message cannot move the cursor,
// erase a line or start a forged one.
func visible(s string) string {
	if !strings.ContainsFunc(s, invisible) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if invisible(r) {
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// identity checks an identity field (organ, unit names, file names): any
// invisible character, newline and tab included, is an S-10 error at its
// line and column. ok is false when there was one.
func (l *loader) identity(n *yaml.Node, path, what, s string) bool {
	bad := badRunes(s, nil)
	if len(bad) == 0 {
		return true
	}
	for i, pos := range l.runePositions(n, bad) {
		l.addAt(pos, path, "S-10", "%s 中有不可见的控制字符 %s，它会使显示的名称与比对、匹配所用的名称不同。请删除该字符，重新输入%s", what, charName(bad[i]), what)
	}
	return false
}

// cleanText removes invisible characters (except newline and tab) from a
// text value s read from n, with a TX-8 warning naming each.
func (l *loader) cleanText(n *yaml.Node, path, s string) string {
	bad := badRunes(s, textAllowed)
	if len(bad) == 0 {
		return s
	}
	for i, pos := range l.runePositions(n, bad) {
		l.ps = append(l.ps, report.Problem{File: l.file, Pos: pos, Path: path, Rule: "TX-8", Severity: report.Warning,
			Msg: fmt.Sprintf("文字中有不可见的控制字符 %s，已删除（它在网页、终端和 PDF 中会显示错乱或消失）。请在原文中删除它", charName(bad[i]))})
	}
	return strings.Map(func(r rune) rune {
		if invisible(r) && !textAllowed(r) {
			return -1
		}
		return r
	}, s)
}

// badRunes lists the invisible characters of s in order, except those
// allowed. It lists at most 100: one file cannot flood the output.
func badRunes(s string, allowed func(rune) bool) []rune {
	var out []rune
	for _, r := range s {
		if invisible(r) && (allowed == nil || !allowed(r)) {
			out = append(out, r)
			if len(out) == 100 {
				break
			}
		}
	}
	return out
}

// runePositions finds where each of bad (in order) is written in the
// source of scalar n: the character itself, or the escape that stands for
// it in a double-quoted string ("\e", "\x1b", "\u202E"). A character not
// found is placed at the start of n.
func (l *loader) runePositions(n *yaml.Node, bad []rune) []report.Pos {
	out := make([]report.Pos, len(bad))
	for i := range out {
		out[i] = posOf(n)
	}
	off, ok := l.offsetOf(n.Line, n.Column)
	if !ok {
		return out
	}
	quoted := n.Style&yaml.DoubleQuotedStyle != 0
	line, col := n.Line, n.Column
	k := 0
	for i := off; i < len(l.data) && k < len(bad); {
		r, size := utf8.DecodeRune(l.data[i:])
		if quoted && r == '\\' {
			if e, esize := unescape(l.data[i:]); esize > 0 {
				r, size = e, esize
			}
		}
		if r == bad[k] {
			out[k] = report.Pos{Line: line, Col: col}
			k++
		}
		for _, c := range string(l.data[i : i+size]) {
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		i += size
	}
	return out
}

// offsetOf returns the byte offset of 1-based line and rune column in the
// loaded source.
func (l *loader) offsetOf(line, col int) (int, bool) {
	if line < 1 || col < 1 {
		return 0, false
	}
	i := 0
	for ln := 1; ln < line; ln++ {
		j := bytes.IndexByte(l.data[i:], '\n')
		if j < 0 {
			return 0, false
		}
		i += j + 1
	}
	for c := 1; c < col; c++ {
		if i >= len(l.data) || l.data[i] == '\n' {
			return 0, false
		}
		_, size := utf8.DecodeRune(l.data[i:])
		i += size
	}
	return i, true
}

// unescape decodes the double-quoted escape at the start of b (which
// begins with a backslash); size is 0 when it is not one.
func unescape(b []byte) (r rune, size int) {
	if len(b) < 2 {
		return 0, 0
	}
	simple := map[byte]rune{'0': 0, 'a': 7, 'b': 8, 't': 9, '\t': 9, 'n': 10, 'v': 11, 'f': 12, 'r': 13, 'e': 0x1B,
		' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xA0, 'L': 0x2028, 'P': 0x2029}
	if r, ok := simple[b[1]]; ok {
		return r, 2
	}
	width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[b[1]]
	if width == 0 || len(b) < 2+width {
		return 0, 0
	}
	v, err := strconv.ParseUint(string(b[2:2+width]), 16, 32)
	if err != nil {
		return 0, 0
	}
	return rune(v), 2 + width
}
