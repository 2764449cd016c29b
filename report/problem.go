package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
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
}

// String formats the problem as `文件:行:列: 路径: 严重程度[规则]: 说明`.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Pos.Line)
		if p.Pos.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Pos.Col)
		}
	}
	b.WriteString(": ")
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%s[%s]: %s", p.Severity, p.Rule, p.Msg)
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

// problemf makes a problem of rule id with the rule's default severity.
func problemf(file string, pos Pos, path, id, format string, args ...any) Problem {
	return Problem{File: file, Pos: pos, Path: path, Rule: id, Severity: RuleByID(id).Severity, Msg: fmt.Sprintf(format, args...)}
}
