package check

import (
	"fmt"
	"slices"
	"testing"

	"nianbao/report"
)

func TestLinesRead(t *testing.T) {
	// figs are figures a, b, c, … written at the given lines (0: computed).
	figs := func(lines ...int) []read {
		var out []read
		for i, l := range lines {
			out = append(out, read{fmt.Sprintf("requests.received[%d]", i), report.Pos{Line: l, Col: 3}})
		}
		return out
	}
	ps := func(lines ...int) []report.Pos {
		var out []report.Pos
		for _, l := range lines {
			out = append(out, report.Pos{Line: l, Col: 3})
		}
		return out
	}
	for _, tc := range []struct {
		own   []read
		other []report.Pos
		want  string
		paths []int // indexes of own whose paths the Lines keep
		o     string
	}{
		{nil, nil, "", nil, ""},
		{figs(0, 0), nil, "", nil, ""},
		{figs(19), nil, "（第19行）", []int{0}, ""},
		{figs(47, 19, 20, 46), nil, "（第19、20、46、47行）", []int{0, 1, 2, 3}, ""},
		{figs(19, 19, 20), nil, "（第19、20行）", []int{0, 1, 2}, ""},
		{figs(5, 6, 7, 8, 10, 0, 12, 13), nil, "（第5—8、10、12、13行）", []int{0, 1, 2, 3, 4, 6, 7}, ""},
		{figs(33), ps(60), "（第33行；上年.yaml 第60行）", []int{0}, "上年.yaml 第60行"},
		{nil, ps(60), "（上年.yaml 第60行）", nil, "上年.yaml 第60行"},
	} {
		l := linesRead(tc.own, "上年.yaml", tc.other)
		if tc.want == "" {
			if l != nil {
				t.Errorf("linesRead(%v, %v) = %+v, want nil", tc.own, tc.other, l)
			}
			continue
		}
		var paths []string
		for _, i := range tc.paths {
			paths = append(paths, tc.own[i].path)
		}
		if l == nil || l.Text != tc.want || !slices.Equal(l.Paths, paths) || l.Other != tc.o {
			t.Errorf("linesRead(%v, %v) = %+v, want %q %v %q", tc.own, tc.other, l, tc.want, paths, tc.o)
		}
	}
}

// TestReplaceLines: the lines of the problem's own file are replaced, the
// other file's kept; a problem without lines is unchanged.
func TestReplaceLines(t *testing.T) {
	own := []read{{"requests.received[0]", report.Pos{Line: 29}}, {"requests.received[1]", report.Pos{Line: 30}}}
	for _, tc := range []struct {
		lines *report.Lines
		want  string
	}{
		{linesRead(own, "2023.yaml", nil), "相差 1（工作簿 表三!D6:E6）"},
		{linesRead(own, "2023.yaml", []report.Pos{{Line: 47}}), "相差 1（工作簿 表三!D6:E6；2023.yaml 第47行）"},
		{nil, "相差 1"},
	} {
		p := report.Problemf("2024.yaml", report.Pos{Line: 29}, "requests.received[0]", "T3-1", "相差 1")
		withLines(&p, tc.lines)
		if got := p.ReplaceLines("工作簿 表三!D6:E6").Msg; got != tc.want {
			t.Errorf("ReplaceLines: %q, want %q", got, tc.want)
		}
	}
}
