package report_test

import (
	. "nianbao/report"
	"slices"
	"strings"
	"testing"
)

// TestFeeStatement: section 六 gets the generated fee statement only when
// the clerk's own text does not already report the fees.
func TestFeeStatement(t *testing.T) {
	const statement = "本年度发出信息处理费收费通知"
	base := mustLoad(t, "testdata/valid2021.yaml")
	other := slices.IndexFunc(TextSections, func(s TextSection) bool { return s.Key == "other" })
	if other < 0 {
		t.Fatal("no text section other")
	}
	cases := []struct {
		name, text string
		want       bool
	}{
		{"text reports the fees", "本年度未收取信息处理费。", false},
		{"text silent on fees", "人大代表建议和政协提案办理结果已按规定公开。", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := *base
			r.Text[other].Body = c.text
			d := Build(&r, nil)
			got := slices.ContainsFunc(d.Sections[5].Notes, func(p Para) bool { return strings.HasPrefix(p.Text, statement) })
			if got != c.want {
				t.Errorf("fee statement printed = %v, want %v (notes %v)", got, c.want, d.Sections[5].Notes)
			}
		})
	}
	// A 2019-edition file has no fees: no statement.
	d := Build(mustLoad(t, "testdata/valid2019.yaml"), nil)
	for _, p := range d.Sections[5].Notes {
		if strings.HasPrefix(p.Text, statement) {
			t.Errorf("2019 edition printed a fee statement: %q", p.Text)
		}
	}
}

// TestDocLines: user-written text outside the text sections keeps its data
// file line, so renderers can point at it (PDF-1 warnings).
func TestDocLines(t *testing.T) {
	r := mustLoad(t, "../data/shili-office/2024.yaml")
	if r.WorkPlan == nil || len(r.WorkPlan.Tasks) == 0 {
		t.Fatal("example data lost its work plan")
	}
	d := Build(r, nil)
	if d.OrganLine != r.Pos.Organ.Line || d.OrganLine == 0 {
		t.Errorf("OrganLine = %d, want %d", d.OrganLine, r.Pos.Organ.Line)
	}
	subs := d.Sections[5].Subsections
	if len(subs) != 1 || subs[0].Table == nil {
		t.Fatalf("section 六 subsections = %+v", subs)
	}
	for i, row := range subs[0].Table.Body {
		want := r.WorkPlan.Tasks[i].Pos.Line
		for j, c := range row {
			if c.Line != want || want == 0 {
				t.Errorf("ledger row %d cell %d: Line %d, want %d", i, j, c.Line, want)
			}
		}
	}
}
