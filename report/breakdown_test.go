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

func TestAllZero(t *testing.T) {
	zero := func(ed Edition) *Report {
		return &Report{Edition: ed, Active: make([]Cell, len(ed.Table2Cells())), Requests: make([]AppRow, len(ed.Table3()))}
	}
	for _, tc := range []struct {
		name string
		ed   Edition
		edit func(r *Report)
		want bool
	}{
		{"all zero", Ed2021, func(r *Report) {}, true},
		{"documents in force only", Ed2021, func(r *Report) { r.Active[r.Edition.Table2Index("normative_documents", "in_force")].Int = 2 }, true},
		{"2019 totals and previous only", Ed2019, func(r *Report) {
			r.Active[r.Edition.Table2Index("rules", "total")].Int = 7
			r.Active[r.Edition.Table2Index("licensing", "previous")].Int = 3
		}, true},
		{"a document issued", Ed2021, func(r *Report) { r.Active[r.Edition.Table2Index("normative_documents", "issued")].Int = 1 }, false},
		{"2019 change", Ed2019, func(r *Report) { r.Active[r.Edition.Table2Index("licensing", "change")].Int = -1 }, false},
		{"fees amount", Ed2021, func(r *Report) { r.Active[r.Edition.Table2Index("fees", "amount")].Amount = Decimal{Mant: 1, Scale: 2} }, false},
		{"an application", Ed2021, func(r *Report) { r.Requests[0].Cells[5] = 1 }, false},
		{"an appeal", Ed2021, func(r *Report) { r.Appeals[2].Vals[3] = 1 }, false},
		{"processing fee notice", Ed2021, func(r *Report) { r.Fees = &Fees{Notices: 1} }, false},
		{"zero processing fees", Ed2021, func(r *Report) { r.Fees = &Fees{} }, true},
	} {
		r := zero(tc.ed)
		tc.edit(r)
		if got := r.AllZero(); got != tc.want {
			t.Errorf("%s: AllZero = %v, want %v", tc.name, got, tc.want)
		}
	}
}
