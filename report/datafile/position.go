package datafile

import (
	"bytes"
	"errors"
	"nianbao/report"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yaml.v3 names the line of a syntax error from the start of the
// collection being parsed, counted from 0, for every parser (as opposed to
// scanner) error: an error inside `[…]` or `{…}` is reported one line too
// early, and an error in a block mapping at the mapping's first line. The
// functions here find the true line and column.

// truePos returns the position of the syntax error msg that yaml.v3
// reported at line (as it counts). For errors inside a flow collection it
// also returns a precise explanation (zh, "" when the generic one fits).
func truePos(data []byte, line int, msg string) (pos report.Pos, zh string, ok bool) {
	if strings.Contains(msg, "did not find expected ',' or") || strings.Contains(msg, "did not find expected node content") {
		// The collection starts on yaml.v3's line + 1, or earlier when the
		// error is an entry on a continuation line.
		for ln := line + 1; ln >= max(1, line-50); ln-- {
			if off, zh, ok := flowProblem(data, ln); ok {
				return offsetPos(data, off), zh, true
			}
		}
	}
	if off, ok := bisect(data, line, msg); ok {
		return offsetPos(data, off), "", true
	}
	return report.Pos{}, "", false
}

// yamlError is the message of decoding data, without yaml.v3's line.
func yamlError(data []byte) string {
	var n yaml.Node
	err := yaml.Unmarshal(data, &n)
	if err == nil {
		return ""
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return ""
	}
	msg := err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		return m[2]
	}
	return strings.TrimPrefix(msg, "yaml: ")
}

// bisect finds the shortest prefix of data that fails with msg and returns
// the offset of its last character: the token that made the parser fail.
// yaml.v3's line is a lower bound of the true one. At most about 21
// decodes of at most MaxFileSize bytes.
func bisect(data []byte, line int, msg string) (int, bool) {
	lo := 0 // a prefix that does not fail with msg
	if line > 1 {
		if i := nthLine(data, line-1); i >= 0 && yamlError(data[:i]) != msg {
			lo = i
		}
	}
	hi := len(data) // a prefix that fails with msg
	if yamlError(data) != msg {
		return 0, false
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		for mid < hi && !utf8.RuneStart(data[mid]) {
			mid++
		}
		if mid >= hi {
			break
		}
		if yamlError(data[:mid]) == msg {
			hi = mid
		} else {
			lo = mid
		}
	}
	_, size := utf8.DecodeLastRune(data[:hi])
	return hi - size, hi > 0
}

// nthLine returns the offset where 1-based line n starts, or -1.
func nthLine(data []byte, n int) int {
	i := 0
	for ; n > 1; n-- {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	return i
}

// offsetPos converts a byte offset to a 1-based line and rune column.
func offsetPos(data []byte, off int) report.Pos {
	off = min(off, len(data))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return report.Pos{Line: 1 + bytes.Count(data[:off], []byte("\n")), Col: 1 + utf8.RuneCount(data[start:off])}
}

// flowProblem scans the flow collection that starts on line (the first
// `[` or `{` there outside quotes and comments) and returns the offset of
// its first problem with an explanation.
func flowProblem(data []byte, line int) (int, string, bool) {
	start := nthLine(data, line)
	if start < 0 {
		return 0, "", false
	}
	end := bytes.IndexByte(data[start:], '\n')
	if end < 0 {
		end = len(data) - start
	}
	open := -1
	for i, q := start, byte(0); i < start+end; i++ {
		c := data[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '#' && (i == start || data[i-1] == ' '):
			i = start + end
		case c == '[' || c == '{':
			open = i
		}
		if open >= 0 {
			break
		}
	}
	if open < 0 {
		return 0, "", false
	}
	indent := 0
	for start+indent < len(data) && data[start+indent] == ' ' {
		indent++
	}
	var stack []byte
	expect := true  // an entry may start here (after an opener or a comma)
	colon := false  // the current entry already has its “: ”
	lastEnd := open // just after the last character that was not blank
	for i := open; i < len(data); {
		c := data[i]
		switch {
		case c == '\n':
			// A flow collection continues on the next line only when that
			// line is indented deeper than the line it started on.
			j := i + 1
			for j < len(data) && (data[j] == ' ' || data[j] == '\n' || data[j] == '\r') {
				j++
			}
			k := bytes.LastIndexByte(data[:j], '\n') + 1
			if j >= len(data) || j-k <= indent && !bytes.ContainsAny(data[j:j+1], "]},") {
				return lastEnd, unclosed(stack), true
			}
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '#' && (data[i-1] == ' ' || data[i-1] == '\t'):
			for i < len(data) && data[i] != '\n' {
				i++
			}
			continue
		case c == '[' || c == '{':
			stack = append(stack, c)
			expect, colon = true, false
		case c == ']' || c == '}':
			want := byte('[')
			if c == '}' {
				want = '{'
			}
			if len(stack) == 0 {
				return i, "多出一个“" + string(c) + "”", true
			}
			if stack[len(stack)-1] != want {
				return i, "括号不配对：这里的“" + string(c) + "”与前面的“" + string(stack[len(stack)-1]) + "”不是一对。" + closeHint(stack[len(stack)-1]), true
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return 0, "", false // closed: the problem is elsewhere
			}
			expect, colon = false, false
		case c == ',':
			if expect {
				return i, "列表或映射中有空项（两个逗号之间没有值）。没有的请填 0，不要留空", true
			}
			expect, colon = true, false
		case c == ':' && (i+1 >= len(data) || bytes.IndexByte([]byte(" \t\n,]}"), data[i+1]) >= 0):
			if colon {
				return i, "多出一个“:”：花括号中各项之间要用英文逗号分隔，例如 {issued: 0, repealed: 0, in_force: 3}", true
			}
			colon, expect = true, false
		case (c == '-' && expect && i+1 < len(data) && (data[i+1] == ' ' || data[i+1] == '\n')) || c == '@' || c == '`':
			return i, "方括号或花括号中不能以“" + string(c) + "”开头一项。每项直接写数值，用英文逗号分隔", true
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(data) && data[j] != c {
				if c == '"' && data[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(data) {
				return i, "引号没有闭合", true
			}
			i = j + 1
			lastEnd = i
			expect = false
			continue
		default:
			// A plain scalar: up to a flow indicator, “: ”, “ #” or the line end.
			for i < len(data) && bytes.IndexByte([]byte(",[]{}\n"), data[i]) < 0 &&
				!(data[i] == ':' && (i+1 >= len(data) || bytes.IndexByte([]byte(" \t\n,]}"), data[i+1]) >= 0)) &&
				!(data[i] == '#' && (data[i-1] == ' ' || data[i-1] == '\t')) {
				if data[i] != ' ' && data[i] != '\t' {
					lastEnd = i + 1
				}
				i++
			}
			expect = false
			continue
		}
		i++
		lastEnd = i
	}
	return lastEnd, unclosed(stack), true
}

func closeHint(open byte) string {
	if open == '{' {
		return "花括号 { 要用 } 闭合"
	}
	return "方括号 [ 要用 ] 闭合"
}

func unclosed(stack []byte) string {
	if len(stack) == 0 {
		return ""
	}
	if stack[len(stack)-1] == '{' {
		return "花括号映射没有闭合：请在此处补上“}”，例如 {issued: 0, repealed: 0, in_force: 3}"
	}
	return "方括号列表没有闭合：请在此处补上“]”，例如 [1, 0, 0, 0, 0, 0]"
}
