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

// identity checks an identity field (organ, unit names, file names): any
// invisible character, newline and tab included, is an S-10 error at its
// line and column. ok is false when there was one.
func (l *loader) identity(n *yaml.Node, path, what, s string) bool {
	bad := report.InvisibleRunes(s, nil)
	if len(bad) == 0 {
		return true
	}
	for i, pos := range l.runePositions(n, bad) {
		l.addAt(pos, path, "S-10", "%s 中有不可见的控制字符 %s，它会使显示的名称与比对、匹配所用的名称不同。请删除该字符，重新输入%s", what, report.CharName(bad[i]), what)
	}
	return false
}

// cleanText removes invisible characters (except newline and tab) from a
// text value s read from n, with a TX-8 warning naming each.
func (l *loader) cleanText(n *yaml.Node, path, s string) string {
	bad := report.InvisibleRunes(s, report.TextAllowed)
	if len(bad) == 0 {
		return s
	}
	for i, pos := range l.runePositions(n, bad) {
		l.ps = append(l.ps, report.Problem{File: l.file, Pos: pos, Path: path, Rule: "TX-8", Severity: report.Warning,
			Msg: fmt.Sprintf("文字中有不可见的控制字符 %s，已删除（它在网页、终端和 PDF 中会显示错乱或消失）。请在原文中删除它", report.CharName(bad[i]))})
	}
	return strings.Map(func(r rune) rune {
		if report.Invisible(r) && !report.TextAllowed(r) {
			return -1
		}
		return r
	}, s)
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
