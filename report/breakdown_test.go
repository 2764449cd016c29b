package report

import (
	"strings"
	"testing"
)

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

func TestWithUnit(t *testing.T) {
	for _, tc := range []struct{ label, unit, want string }{
		{"采购总金额", "万元", "采购总金额（万元）"},
		{"本年收费金额（单位：万元）", "万元", "本年收费金额（单位：万元）"},
		{"发出收费通知的总金额（元）", "元", "发出收费通知的总金额（元）"},
		{"发出收费通知的件数", "件", "发出收费通知的件数（件）"},
		{"项目", "", "项目"},
	} {
		if got := WithUnit(tc.label, tc.unit); got != tc.want {
			t.Errorf("WithUnit(%q, %q) = %q, want %q", tc.label, tc.unit, got, tc.want)
		}
	}
}

// TestBreakdownLabelsStateUnitsOnce: no line of the breakdown names its
// unit twice (本年收费金额（单位：万元）（万元）), in either edition.
func TestBreakdownLabelsStateUnitsOnce(t *testing.T) {
	for _, ed := range []Edition{Ed2019, Ed2021} {
		r := &Report{Organ: "测试市人民政府", Year: 2024, Edition: ed, Active: make([]Cell, len(ed.Table2Cells())),
			Requests: make([]AppRow, len(ed.Table3())), Fees: &Fees{}}
		b := NewBreakdown(r, []UnitStatus{{Organ: "测试市第1局", Included: true, Report: r}})
		for _, tb := range b.Tables {
			for _, l := range tb.Lines {
				for _, u := range []string{"万元", "元", "件"} {
					if strings.Count(l.Label, "（"+u+"）")+strings.Count(l.Label, "（单位："+u+"）") > 1 {
						t.Errorf("%s %s: %q states its unit twice", ed, l.Key, l.Label)
					}
				}
				if strings.Contains(l.Label, "）（") {
					t.Errorf("%s %s: %q", ed, l.Key, l.Label)
				}
			}
		}
	}
}
