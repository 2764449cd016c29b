package check

import (
	"fmt"
	"slices"
	"strings"

	"nianbao/report"
)

// linesRead names the lines a rule over several rows read, for the end of
// its message: （第19、20、22—41、46行）. other, when not nil, names lines
// of another file (the previous year's report): （第5行；上年.yaml 第47行）.
// Positions without a line (figures computed, not written) are left out;
// runs of three or more consecutive lines are written as a range.
func linesRead(pos []report.Pos, otherFile string, other []report.Pos) string {
	var parts []string
	if s := lineList(pos); s != "" {
		parts = append(parts, "第"+s+"行")
	}
	if s := lineList(other); s != "" {
		parts = append(parts, otherFile+" 第"+s+"行")
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "；") + "）"
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
