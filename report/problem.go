package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Severity of a problem.
type Severity int

const (
	// Info is a note, e.g. which cross-year checks were skipped.
	Info Severity = iota
	// Warning does not block a build.
	Warning
	// Error blocks a build.
	Error
)

// String is the Chinese name shown to users.
func (s Severity) String() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "提示"
}

// Key is the stable English name used in JSON output.
func (s Severity) Key() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// Problem is one finding about one place in one file.
type Problem struct {
	File     string
	Pos      Pos
	Path     string // YAML path such as requests.total[2], or "" for the file
	Rule     string // rule ID, see Rules
	Severity Severity
	Msg      string
	// Lines, when not nil, is what a rule over several figures read, as
	// the end of Msg names it; a caller that shows the problem against
	// another form of the same data (import: the workbook) can name those
	// places instead (ReplaceLines).
	Lines *Lines
}

// Lines are the places a rule over several figures read, as the end of its
// message names them: （第19、20、22—41行；2023.yaml 第47行）.
type Lines struct {
	Text  string   // the suffix of Problem.Msg, exactly
	Paths []string // data paths of the figures of the problem's own file behind 第…行, in order
	Other string   // the other file's part, "2023.yaml 第47行"; "" when none
}

// ReplaceLines returns p with the problem's own lines in the end of its
// message named as own instead (工作簿 表三!D6:I6), the other file's lines
// kept: （工作簿 表三!D6:I6；2023.yaml 第47行）. p is returned unchanged
// when it has no Lines or own is "".
func (p Problem) ReplaceLines(own string) Problem {
	if p.Lines == nil || own == "" || !strings.HasSuffix(p.Msg, p.Lines.Text) {
		return p
	}
	parts := []string{own}
	if p.Lines.Other != "" {
		parts = append(parts, p.Lines.Other)
	}
	text := "（" + strings.Join(parts, "；") + "）"
	p.Msg = strings.TrimSuffix(p.Msg, p.Lines.Text) + text
	p.Lines = &Lines{Text: text, Other: p.Lines.Other}
	return p
}

// String formats the problem as `文件:行:列: 路径: 严重程度[规则]: 说明`.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(Printable(p.File))
	if p.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Pos.Line)
		if p.Pos.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Pos.Col)
		}
	}
	b.WriteString(": ")
	if p.Path != "" {
		b.WriteString(Printable(p.Path))
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s[%s]: %s", p.Severity, p.Rule, Printable(p.Msg))
	return b.String()
}

// Problems is a list of findings.
type Problems []Problem

// Sort orders problems by file, then position, then rule, then message.
func (ps Problems) Sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			strings.Compare(a.File, b.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Msg, b.Msg),
		)
	})
}

// Count returns how many problems have severity s.
func (ps Problems) Count(s Severity) int {
	n := 0
	for _, p := range ps {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any problem is an error.
func (ps Problems) HasErrors() bool { return ps.Count(Error) > 0 }

// CountRule counts the problems of severity s and rule id.
func (ps Problems) CountRule(s Severity, id string) int {
	n := 0
	for _, p := range ps {
		if p.Severity == s && p.Rule == id {
			n++
		}
	}
	return n
}

// JSON is the result of checking files files with problems ps, as
// `nianbao check --json` prints it: the counts by severity and every
// problem with its file, line, column, path, rule, severity key (error,
// warning, info) and message; indented, HTML characters not escaped,
// ending in a newline.
func (ps Problems) JSON(files int) []byte {
	type problem struct {
		File     string `json:"file"`
		Line     int    `json:"line,omitempty"`
		Column   int    `json:"column,omitempty"`
		Path     string `json:"path,omitempty"`
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
	res := struct {
		Files    int       `json:"files"`
		Errors   int       `json:"errors"`
		Warnings int       `json:"warnings"`
		Infos    int       `json:"infos"`
		Problems []problem `json:"problems"`
	}{Files: files, Errors: ps.Count(Error), Warnings: ps.Count(Warning), Infos: ps.Count(Info), Problems: []problem{}}
	for _, p := range ps {
		res.Problems = append(res.Problems, problem{File: p.File, Line: p.Pos.Line, Column: p.Pos.Col,
			Path: p.Path, Rule: p.Rule, Severity: p.Severity.Key(), Message: p.Msg})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(res) // cannot fail: strings and numbers
	return b.Bytes()
}

// Problemf makes a problem of rule id with the rule's default severity.
func Problemf(file string, pos Pos, path, id, format string, args ...any) Problem {
	return Problem{File: file, Pos: pos, Path: path, Rule: id, Severity: RuleByID(id).Severity, Msg: fmt.Sprintf(format, args...)}
}
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Nearest returns the allowed key closest to s, if it is close enough to be
// a plausible typo.
func Nearest(s string, allowed []string) string {
	best, bestD := "", 1<<30
	for _, a := range allowed {
		d := levenshtein(strings.ToLower(s), a)
		if d < bestD {
			best, bestD = a, d
		}
	}
	limit := max(2, utf8.RuneCountInString(best)/3)
	if bestD <= limit {
		return best
	}
	return ""
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Without returns the problems whose rule is not id.
func (ps Problems) Without(id string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Rule != id {
			out = append(out, p)
		}
	}
	return out
}
