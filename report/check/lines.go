package check

import (
	"fmt"
	"slices"
	"strings"

	"nianbao/report"
)

// read is one figure a rule read: its data path and where the file wrote it
// (no line when the figure is computed, not written).
type read struct {
	path string
	pos  report.Pos
}

// rowRead is the figures of a 表三 row at positions pos (CellPos: the six
// applicant columns, then the total): requests.received[0] ….
func rowRead(id string, pos []report.Pos) []read {
	out := make([]read, len(pos))
	for k, p := range pos {
		out[k] = read{fmt.Sprintf("requests.%s[%d]", id, k), p}
	}
	return out
}

// cellRead is the figure of a 表三 row's column k.
func cellRead(id string, k int, pos report.Pos) read {
	return read{fmt.Sprintf("requests.%s[%d]", id, k), pos}
}

// linesRead names the lines a rule over several figures read, for the end
// of its message: （第19、20、22—41、46行）. other, when not nil, names
// lines of another file (the previous year's report): （第5行；上年.yaml
// 第47行）. Positions without a line (figures computed, not written) are
// left out; runs of three or more consecutive lines are written as a
// range. The result keeps the data paths of own's written figures, so the
// lines can be named otherwise (report.Problem.ReplaceLines); nil when
// there is no line to name.
func linesRead(own []read, otherFile string, other []report.Pos) *report.Lines {
	l := &report.Lines{}
	var pos []report.Pos
	for _, r := range own {
		if r.pos.Line > 0 {
			pos = append(pos, r.pos)
			if !slices.Contains(l.Paths, r.path) {
				l.Paths = append(l.Paths, r.path)
			}
		}
	}
	var parts []string
	if s := lineList(pos); s != "" {
		parts = append(parts, "第"+s+"行")
	}
	if s := lineList(other); s != "" {
		l.Other = otherFile + " 第" + s + "行"
		parts = append(parts, l.Other)
	}
	if len(parts) == 0 {
		return nil
	}
	l.Text = "（" + strings.Join(parts, "；") + "）"
	return l
}

// addRead adds a problem whose message ends with the lines read.
func (c *checker) addRead(lines *report.Lines, pos report.Pos, path, rule, format string, args ...any) {
	p := report.Problemf(c.r.File, pos, path, rule, format, args...)
	withLines(&p, lines)
	c.ps = append(c.ps, p)
}

// withLines ends p's message with lines.
func withLines(p *report.Problem, lines *report.Lines) {
	if lines != nil {
		p.Msg += lines.Text
		p.Lines = lines
	}
}

// lineList writes the distinct lines of pos in order, 19、20、22—41.
func lineList(pos []report.Pos) string {
	var ls []int
	for _, p := range pos {
		if p.Line > 0 {
			ls = append(ls, p.Line)
		}
	}
	slices.Sort(ls)
	ls = slices.Compact(ls)
	var out []string
	for i := 0; i < len(ls); {
		j := i
		for j+1 < len(ls) && ls[j+1] == ls[j]+1 {
			j++
		}
		switch {
		case j-i >= 2:
			out = append(out, fmt.Sprintf("%d—%d", ls[i], ls[j]))
		case j == i+1:
			out = append(out, fmt.Sprint(ls[i]), fmt.Sprint(ls[j]))
		default:
			out = append(out, fmt.Sprint(ls[i]))
		}
		i = j + 1
	}
	return strings.Join(out, "、")
}

// readOf is the figure at path, written at pos.
func readOf(path string, pos report.Pos) read { return read{path, pos} }
