package report

import "testing"

func TestBreakdownShare(t *testing.T) {
	for _, tc := range []struct {
		part, total int64
		want        string
	}{{1, 3, "33.3%"}, {2, 3, "66.7%"}, {1, 2000, "0.1%"}, {1, 2001, "0.0%"}, {0, 0, "—"}, {5, 5, "100.0%"}} {
		if got := breakdownShare(tc.part, tc.total); got != tc.want {
			t.Errorf("share(%d, %d) = %s, want %s", tc.part, tc.total, got, tc.want)
		}
	}
}
