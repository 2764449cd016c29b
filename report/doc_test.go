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

// zeroed returns a copy of r with every count of 表三 and 表四 zero.
func zeroed(r *Report) *Report {
	z := *r
	z.Requests = make([]AppRow, len(r.Requests))
	z.Appeals = [3]AppealRow{}
	return &z
}

// TestChartsLeaveOutAllZero: a chart whose figures are all zero is not in
// the Doc (--charts auto), so no renderer draws an empty axis.
func TestChartsLeaveOutAllZero(t *testing.T) {
	base := mustLoad(t, "testdata/valid2021.yaml")
	ids := func(d *Doc) []string {
		var out []string
		for _, c := range d.Charts {
			out = append(out, c.ID)
		}
		return out
	}
	withAppeal := zeroed(base)
	withAppeal.Appeals[0].Vals[1] = 3
	withReceived := zeroed(base)
	withReceived.Requests[base.Edition.T3Index("received")].Cells[0] = 35420
	prevZero := zeroed(base)
	prevZero.Year--
	cases := []struct {
		name    string
		r       *Report
		history []*Report
		want    []string
	}{
		{"all zero", zeroed(base), nil, nil},
		{"all zero with an all-zero previous year", zeroed(base), []*Report{prevZero}, nil},
		{"only an appeal", withAppeal, nil, []string{"chart-appeals"}},
		{"only received, not concluded", withReceived, []*Report{prevZero}, []string{"chart-applicants", "chart-trend"}},
		{"valid", base, nil, []string{"chart-applicants", "chart-outcomes", "chart-appeals"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ids(Build(c.r, c.history)); !slices.Equal(got, c.want) {
				t.Errorf("charts %v, want %v", got, c.want)
			}
		})
	}
}

// TestParagraphsAsTyped: each non-empty line of a text section is one
// paragraph, with or without blank lines between; a whitespace-only line is
// not a paragraph (issue 15: "（一）主动公开…（二）依申请公开…" typed one
// line each used to print as one paragraph).
func TestParagraphsAsTyped(t *testing.T) {
	base := mustLoad(t, "testdata/valid2021.yaml")
	overview := slices.IndexFunc(TextSections, func(s TextSection) bool { return s.Key == "overview" })
	cases := []struct {
		name  string
		body  string
		want  []string
		lines []int // line offsets within the body
	}{
		{"one line each, no blank lines",
			"（一）主动公开。全年主动公开政府信息。\n（二）依申请公开。全年新收申请。\n（五）监督保障。开展考核。\n",
			[]string{"（一）主动公开。全年主动公开政府信息。", "（二）依申请公开。全年新收申请。", "（五）监督保障。开展考核。"}, []int{0, 1, 2}},
		{"blank lines between are ignored",
			"第一段。\n\n第二段。\n\n\n第三段。",
			[]string{"第一段。", "第二段。", "第三段。"}, []int{0, 2, 5}},
		{"whitespace-only lines are not paragraphs",
			"第一段。\n   \n\u3000\u3000\n\t\n第二段。",
			[]string{"第一段。", "第二段。"}, []int{0, 4}},
		{"indent and trailing spaces are trimmed",
			"\u3000\u3000首行缩进的段落。  \n  第二段。",
			[]string{"首行缩进的段落。", "第二段。"}, []int{0, 1}},
		{"Alt+Enter in Excel (CRLF left by a paste)",
			"第一段。\r\n第二段。\r\n",
			[]string{"第一段。", "第二段。"}, []int{0, 1}},
		{"empty", "", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := *base
			r.Text[overview] = Text{Body: c.body, BodyLine: 10, Literal: true}
			d := Build(&r, nil)
			var got []string
			var lines []int
			for _, p := range d.Sections[0].Paras {
				got = append(got, p.Text)
				lines = append(lines, p.Line-10)
			}
			if !slices.Equal(got, c.want) || !slices.Equal(lines, c.lines) {
				t.Errorf("paragraphs %q at %v, want %q at %v", got, lines, c.want, c.lines)
			}
		})
	}
}
