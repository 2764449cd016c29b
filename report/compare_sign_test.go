package report_test

import (
	"nianbao/report/datafile"
	"regexp"
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/report/pdf"
)

func loadSignFixture(t *testing.T, name string) *report.Report {
	t.Helper()
	r, ps := datafile.LoadFile("testdata/" + name)
	if r == nil || ps.HasErrors() {
		t.Fatalf("%s: %v", name, ps)
	}
	return r
}

// negative matches a printed negative figure or change: a sign directly
// before a digit, at the start of the text.
var negative = regexp.MustCompile(`^\D?\d`)

// One sign for every output: the changes Compare formats, the appendix
// 附：主要数据同比情况 of the built report (PDF, HTML, XLSX print its grid
// as it is) and the trend page all write a decrease with report.Minus, the
// hyphen-minus, never U+2212; and every character they print is in the
// embedded PDF font.
func TestChangeSignEverywhere(t *testing.T) {
	if report.Minus != "-" {
		t.Fatalf("Minus = %q, want the hyphen-minus", report.Minus)
	}
	if got := report.Signed(-1, "3"); got != "-3" {
		t.Errorf("Signed(-1, 3) = %q", got)
	}
	if got := report.Signed(1, "12.5%"); got != "+12.5%" {
		t.Errorf("Signed(1, 12.5%%) = %q", got)
	}
	if got := report.Signed(0, "0"); got != "0" {
		t.Errorf("Signed(0, 0) = %q", got)
	}
	font, _, err := pdf.DefaultFonts()
	if err != nil {
		t.Fatal(err)
	}
	// 2019→2020 has decreases in 表二 (行政处罚); 2023 decreases 表三.
	years := []*report.Report{
		loadSignFixture(t, "prev2019.yaml"), loadSignFixture(t, "valid2019.yaml"),
		loadSignFixture(t, "prev2021.yaml"), loadSignFixture(t, "valid2021.yaml"),
	}
	y2023 := loadSignFixture(t, "valid2021.yaml")
	y2023.Year = 2023
	y2023.Requests[y2023.Edition.T3Index("received")].Cells = [6]int64{3, 0, 0, 0, 0, 0}
	y2023.Requests[y2023.Edition.T3Index("granted")].Cells = [6]int64{0, 0, 0, 0, 0, 0}
	years = append(years, y2023)

	type output struct {
		name  string
		texts []string
	}
	var outs []output
	for i := 1; i < len(years); i++ {
		c := report.Compare(years[i-1], years[i])
		var texts []string
		for _, r := range c.Rows {
			texts = append(texts, r.Base, r.Cur, r.Delta, r.Percent)
		}
		outs = append(outs, output{"Compare " + years[i].File, texts})
	}
	for i := 1; i < len(years); i++ {
		d := report.Build(years[i], years[:i])
		if len(d.Appendices) != 1 || d.Appendices[0].Table == nil {
			t.Fatalf("%d: no appendix", years[i].Year)
		}
		outs = append(outs, output{"appendix " + years[i].File, gridTexts(d.Appendices[0].Table)})
	}
	trend := report.BuildTrend(years)
	for _, g := range trend.Tables {
		outs = append(outs, output{"trend " + g.ID, gridTexts(g)})
	}

	withNegative := map[string]bool{}
	for _, o := range outs {
		kind, _, _ := strings.Cut(o.name, " ")
		for _, s := range o.texts {
			if strings.ContainsRune(s, '\u2212') {
				t.Errorf("%s: %q has U+2212", o.name, s)
			}
			if negative.MatchString(s) && strings.HasPrefix(s, report.Minus) {
				withNegative[kind] = true
			}
			for _, r := range s {
				if !font.Has(r) {
					t.Errorf("%s: %q: the PDF font has no %U", o.name, s, r)
				}
			}
		}
	}
	for _, kind := range []string{"Compare", "appendix", "trend"} {
		if !withNegative[kind] {
			t.Errorf("%s: no negative change printed; the test proves nothing", kind)
		}
	}
}

func gridTexts(g *report.Grid) []string {
	var out []string
	for _, row := range append(g.Head, g.Body...) {
		for _, c := range row {
			out = append(out, c.Text)
		}
	}
	return out
}
