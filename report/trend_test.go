package report

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func trendFixtures(t *testing.T, names ...string) []*Report {
	t.Helper()
	var out []*Report
	for _, n := range names {
		r, ps := LoadFile(filepath.Join("testdata", n))
		if r == nil || ps.HasErrors() {
			t.Fatalf("%s: %v", n, ps)
		}
		out = append(out, r)
	}
	return out
}

// trendCells reads a trend grid back as label → cells, the label written
// as Compare writes it (group and row joined again), plus the header row
// of years.
func trendCells(g *Grid) (map[string][]string, []string) {
	out := map[string][]string{}
	sep := " "
	if g.ID == "trend-table4" {
		sep = "："
	}
	group := ""
	for _, row := range g.Body {
		if len(row) == 1 {
			group = row[0].Text
			continue
		}
		label := row[0].Text
		if row[0].Indent > 0 {
			label = group + sep + label
		}
		var cells []string
		for _, c := range row[1:] {
			cells = append(cells, c.Text)
		}
		out[label] = cells
	}
	var head []string
	for _, c := range g.Head[1] {
		head = append(head, c.Text)
	}
	return out, head
}

func trendTable(t *testing.T, d *TrendDoc, id string) *Grid {
	t.Helper()
	for _, g := range d.Tables {
		if g.ID == id {
			return g
		}
	}
	return nil
}

// Every figure of the trend tables is Compare's: the value is Cur of the
// comparison with the previous available year and the change is its Delta
// when Compare finds the two comparable, "—" otherwise.
func TestTrendIsCompare(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string
	}{
		{"2019 edition only", []string{"prev2019.yaml", "valid2019.yaml"}},
		{"2021 edition only", []string{"prev2021.yaml", "valid2021.yaml"}},
		{"across the edition change", []string{"prev2019.yaml", "valid2019.yaml", "prev2021.yaml", "valid2021.yaml"}},
		{"a year missing", []string{"valid2021.yaml", "prev2019.yaml"}},
		{"one year", []string{"valid2021.yaml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs := trendFixtures(t, tc.files...)
			d := BuildTrend(rs)
			slices.SortFunc(rs, func(a, b *Report) int { return a.Year - b.Year })
			for i, r := range rs {
				if d.Years[i] != r.Year {
					t.Fatalf("years %v", d.Years)
				}
				var base *Report
				if i > 0 {
					base = rs[i-1]
				}
				c := Compare(base, r)
				for _, row := range c.Rows {
					id := map[string]string{cmpTableRequests: "trend-table3", cmpTableAppeals: "trend-table4",
						cmpTableActive: "trend-table2", cmpTableFees: "trend-fees"}[row.Table]
					label := row.Label
					if row.Detail {
						col, ok := strings.CutPrefix(label, trendApplicantsRow+"：")
						if !ok {
							continue
						}
						id, label = "trend-applicants", col
					}
					if row.Table == cmpTableRequests && label == "（六）其他处理" {
						label = trendOtherTotal
					}
					g := trendTable(t, d, id)
					if g == nil {
						t.Fatalf("no table %s", id)
					}
					cells, _ := trendCells(g)
					got, ok := cells[label]
					if !ok {
						t.Fatalf("%s: no row %q", id, label)
					}
					col := max(2*i-1, 0)
					if got[col] != row.Cur {
						t.Errorf("%s %q %d: value %q, Compare says %q", id, label, r.Year, got[col], row.Cur)
					}
					if i > 0 {
						want := NoValue
						if row.Comparable {
							want = row.Delta
						}
						if got[col+1] != want {
							t.Errorf("%s %q %d: change %q, Compare says %q", id, label, r.Year, got[col+1], want)
						}
					}
				}
			}
			if len(rs) == 1 && trendTable(t, d, "trend-reasons") != nil {
				t.Error("one year: nothing to explain, want no reasons table")
			}
		})
	}
}

// Across the 2019 → 2021 change the page compares only comparable figures
// and says which are not, and why.
func TestTrendEditionChange(t *testing.T) {
	d := BuildTrend(trendFixtures(t, "prev2019.yaml", "valid2019.yaml", "prev2021.yaml", "valid2021.yaml"))
	t3, _ := trendCells(trendTable(t, d, "trend-table3"))
	t2, head := trendCells(trendTable(t, d, "trend-table2"))
	// Columns: 2019 | 2020 value, change | 2021 value, change | 2022 value, change.
	const cross = 4 // the 2021 change column
	if want := []string{"数量", "数量", "较上年", "数量", "较上年", "数量", "较上年"}; !slices.Equal(head, want) {
		t.Errorf("header %v, want %v", head, want)
	}
	for _, tc := range []struct {
		rows       map[string][]string
		label      string
		comparable bool
	}{
		{t3, trendOtherTotal, true},
		{t3, "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", false},
		{t3, "（七）总计", true},
		{t2, "第二十条第（五）项 行政许可：本年处理决定数量", true},
		{t2, "第二十条第（一）项 规章：本年制发件数", false},
	} {
		cells, ok := tc.rows[tc.label]
		if !ok {
			t.Errorf("no row %q", tc.label)
			continue
		}
		if got := cells[cross] != NoValue; got != tc.comparable {
			t.Errorf("%q: compared across the edition change = %v (%q), want %v", tc.label, got, cells[cross], tc.comparable)
		}
	}
	reasons := trendTable(t, d, "trend-reasons")
	if reasons == nil {
		t.Fatal("no table of figures not compared")
	}
	var text []string
	for _, row := range reasons.Body {
		var cells []string
		for _, c := range row {
			cells = append(cells, c.Text)
		}
		text = append(text, strings.Join(cells, "|"))
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{
		"2021年较2020年|表二|第二十条第（一）项 规章：本年制发件数|",
		"统计口径不同",
		"2021年较2020年|表三|（六）其他处理（合计）|",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("reasons table lacks %q:\n%s", want, all)
		}
	}
	if notes := strings.Join(d.Notes, "\n"); !strings.Contains(notes, "2019、2020年度报告使用") || !strings.Contains(notes, "（六）其他处理") {
		t.Errorf("notes do not explain the edition change:\n%s", notes)
	}
}

// A gap in the years is named in the change column's header.
func TestTrendGap(t *testing.T) {
	d := BuildTrend(trendFixtures(t, "prev2019.yaml", "prev2021.yaml"))
	_, head := trendCells(trendTable(t, d, "trend-table3"))
	if want := []string{"数量", "数量", "较2019年"}; !slices.Equal(head, want) {
		t.Errorf("header %v, want %v", head, want)
	}
}
