package check

import (
	"testing"

	"nianbao/report"
)

func TestLinesRead(t *testing.T) {
	ps := func(lines ...int) []report.Pos {
		var out []report.Pos
		for _, l := range lines {
			out = append(out, report.Pos{Line: l, Col: 3})
		}
		return out
	}
	for _, tc := range []struct {
		pos, other []report.Pos
		want       string
	}{
		{nil, nil, ""},
		{ps(0, 0), nil, ""},
		{ps(19), nil, "（第19行）"},
		{ps(47, 19, 20, 46), nil, "（第19、20、46、47行）"},
		{ps(19, 19, 20), nil, "（第19、20行）"},
		{ps(5, 6, 7, 8, 10, 0, 12, 13), nil, "（第5—8、10、12、13行）"},
		{ps(33), ps(60), "（第33行；上年.yaml 第60行）"},
		{nil, ps(60), "（上年.yaml 第60行）"},
	} {
		if got := linesRead(tc.pos, "上年.yaml", tc.other); got != tc.want {
			t.Errorf("linesRead(%v, %v) = %q, want %q", tc.pos, tc.other, got, tc.want)
		}
	}
}
