package report_test

import (
	. "nianbao/report"
	. "nianbao/report/datafile"
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

// trendByKey reads a trend grid back as Key → cells (values and changes)
// and Key → label as shown, failing on a Key shown on two rows.
func trendByKey(t *testing.T, g *Grid) (map[string][]string, map[string]string) {
	t.Helper()
	cells, labels := map[string][]string{}, map[string]string{}
	for _, row := range g.Body {
		if len(row) < 2 {
			continue
		}
		key := row[1].Key
		if key == "" {
			t.Fatalf("%s: row %q has no key", g.ID, row[0].Text)
		}
		if _, dup := cells[key]; dup {
			t.Errorf("%s: figure %s on two rows (%q, %q)", g.ID, key, labels[key], row[0].Text)
		}
		for _, c := range row[1:] {
			if c.Key != key {
				t.Errorf("%s: row %q mixes keys %s and %s", g.ID, row[0].Text, key, c.Key)
			}
			cells[key] = append(cells[key], c.Text)
		}
		labels[key] = row[0].Text
	}
	return cells, labels
}

// Every figure of the trend tables is Compare's: the value is Cur of the
// comparison with the previous available year and the change is its Delta
// when Compare finds the two comparable, "—" otherwise; rows are found by
// Key.
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
			grids := map[string]map[string][]string{}
			for _, g := range d.Tables {
				if g.ID != "trend-reasons" {
					grids[g.ID], _ = trendByKey(t, g)
				}
			}
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
					id := map[string]string{CmpTableRequests: "trend-table3", CmpTableAppeals: "trend-table4",
						CmpTableActive: "trend-table2", CmpTableFees: "trend-fees"}[row.Table]
					if row.Detail {
						if !strings.HasPrefix(row.Key, TrendApplicantsKey) {
							continue
						}
						id = "trend-applicants"
					}
					got, ok := grids[id][row.Key]
					if !ok {
						t.Fatalf("%s: no row %s (%q)", id, row.Key, row.Label)
					}
					col := max(2*i-1, 0)
					if got[col] != row.Cur {
						t.Errorf("%s %s %d: value %q, Compare says %q", id, row.Key, r.Year, got[col], row.Cur)
					}
					if i > 0 {
						want := NoValue
						if row.Comparable {
							want = row.Delta
						}
						if got[col+1] != want {
							t.Errorf("%s %s %d: change %q, Compare says %q", id, row.Key, r.Year, got[col+1], want)
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

// trendYear returns the fixture file as the report of another year (same
// edition), with edit applied.
func trendYear(t *testing.T, file string, year int, edit func(r *Report)) *Report {
	t.Helper()
	r := trendFixtures(t, file)[0]
	r.Year = year
	if edit != nil {
		edit(r)
	}
	return r
}

// Multi-year sequences, within and across editions: one row per figure
// (no figure on two rows, no label twice in a group), labelled as the
// newest year labels it, and the （六）其他处理 合计 filled for every year
// and compared with every previous year.
func TestTrendSequences(t *testing.T) {
	const licensing = "active.licensing.decisions"
	y2023 := func(t *testing.T) *Report {
		return trendYear(t, "valid2021.yaml", 2023, func(r *Report) {
			setT2(r, "licensing", "decisions", 300)
			r.Requests[r.Edition.T3Index("other.other")].Cells = [6]int64{2, 0, 0, 0, 0, 1}
		})
	}
	for _, tc := range []struct {
		name      string
		years     func(t *testing.T) []*Report
		licensing []string // the 行政许可 decisions row: values and changes
		other     []string // the 合计 row: values and changes
		label     string   // the 行政许可 decisions row's label
	}{
		{name: "2019→2020→2021→2022→2023",
			years: func(t *testing.T) []*Report {
				return append(trendFixtures(t, "prev2019.yaml", "valid2019.yaml", "prev2021.yaml", "valid2021.yaml"), y2023(t))
			},
			licensing: []string{"260", "280", "+20", "310", "+30", "310", "0", "300", "-10"},
			other:     []string{"0", "0", "0", "0", "0", "0", "0", "3", "+3"},
			label:     "行政许可：本年处理决定数量"},
		{name: "2021 edition only, 2021→2022→2023",
			years: func(t *testing.T) []*Report {
				return append(trendFixtures(t, "prev2021.yaml", "valid2021.yaml"), y2023(t))
			},
			licensing: []string{"310", "310", "0", "300", "-10"},
			other:     []string{"0", "0", "0", "3", "+3"},
			label:     "行政许可：本年处理决定数量"},
		{name: "2019 edition only",
			years:     func(t *testing.T) []*Report { return trendFixtures(t, "prev2019.yaml", "valid2019.yaml") },
			licensing: []string{"260", "280", "+20"},
			other:     []string{"0", "0", "0"},
			label:     "行政许可：处理决定数量"},
		{name: "2020→2022, a year missing across the edition change",
			years:     func(t *testing.T) []*Report { return trendFixtures(t, "valid2019.yaml", "valid2021.yaml") },
			licensing: []string{"280", "310", "+30"},
			other:     []string{"0", "0", "0"},
			label:     "行政许可：本年处理决定数量"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := BuildTrend(tc.years(t))
			for _, g := range d.Tables {
				if g.ID == "trend-reasons" {
					continue
				}
				_, labels := trendByKey(t, g) // fails on a figure shown twice
				seen := map[string]bool{}
				group := ""
				for _, row := range g.Body {
					if len(row) == 1 {
						group = row[0].Text
						continue
					}
					name := row[0].Text
					if row[0].Indent > 0 {
						name = group + "|" + name
					}
					if seen[name] {
						t.Errorf("%s: two rows labelled %q", g.ID, name)
					}
					seen[name] = true
				}
				if len(labels) == 0 {
					t.Errorf("%s: empty", g.ID)
				}
			}
			t2, labels := trendByKey(t, trendTable(t, d, "trend-table2"))
			if got := t2[licensing]; !slices.Equal(got, tc.licensing) {
				t.Errorf("%s: %v, want %v", licensing, got, tc.licensing)
			}
			if labels[licensing] != tc.label {
				t.Errorf("%s labelled %q, want %q", licensing, labels[licensing], tc.label)
			}
			t3, _ := trendByKey(t, trendTable(t, d, "trend-table3"))
			if got := t3[OtherTotalKey]; !slices.Equal(got, tc.other) {
				t.Errorf("合计 row %v, want %v", got, tc.other)
			}
		})
	}
}

// Where a figure's label changed with the edition, the table of figures
// not compared says so for the year of the change, under the label the
// page shows.
func TestTrendReasonsName(t *testing.T) {
	d := BuildTrend(trendFixtures(t, "prev2019.yaml", "valid2019.yaml", "prev2021.yaml", "valid2021.yaml"))
	reasons := trendTable(t, d, "trend-reasons")
	if reasons == nil {
		t.Fatal("no reasons table")
	}
	var lines []string
	for _, row := range reasons.Body {
		var cells []string
		for _, c := range row {
			cells = append(cells, c.Text)
		}
		lines = append(lines, strings.Join(cells, "|"))
	}
	want := "2021年较2020年|表二|第二十条第（五）项 行政许可：本年处理决定数量|2019版为“处理决定数量”，2021版为“本年处理决定数量”，口径相同，可以比较"
	if !slices.Contains(lines, want) {
		t.Errorf("reasons lack %q:\n%s", want, strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "2021年较2020年|") {
			t.Errorf("a reason for a pair within one edition: %s", l)
		}
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
		{t3, OtherTotalLabel, true},
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

// 政府集中采购 filed in 元 one year and 万元 the next stays one row, in one
// unit: Compare converts the pair to 万元, and the trend shows the other
// year converted too, never a 元 figure under a 万元 label.
func TestTrendProcurementUnits(t *testing.T) {
	const key = "active.procurement.amount"
	set := func(unit string, d Decimal) func(r *Report) {
		return func(r *Report) {
			r.ProcUnit = unit
			setT2Amount(r, "procurement", "amount", d)
		}
	}
	for _, tc := range []struct {
		name   string
		years  func(t *testing.T) []*Report
		label  string
		values []string
	}{
		{name: "元 then 万元",
			years: func(t *testing.T) []*Report {
				return []*Report{
					trendYear(t, "prev2019.yaml", 2019, set("元", Decimal{Mant: 1000000})),
					trendYear(t, "valid2019.yaml", 2020, set("万元", Decimal{Mant: 1105, Scale: 1})),
					trendYear(t, "valid2021.yaml", 2021, nil),
				}
			},
			label:  "政府集中采购：采购总金额（万元）",
			values: []string{"100.0000", "110.5", "+10.5000", "—", "—"}},
		{name: "万元 then 元",
			years: func(t *testing.T) []*Report {
				return []*Report{
					trendYear(t, "prev2019.yaml", 2019, set("万元", Decimal{Mant: 100})),
					trendYear(t, "valid2019.yaml", 2020, set("元", Decimal{Mant: 1105000})),
				}
			},
			label:  "政府集中采购：采购总金额（万元）",
			values: []string{"100", "110.5000", "+10.5000"}},
		{name: "元 both years",
			years: func(t *testing.T) []*Report {
				return []*Report{
					trendYear(t, "prev2019.yaml", 2019, set("元", Decimal{Mant: 100})),
					trendYear(t, "valid2019.yaml", 2020, set("元", Decimal{Mant: 90})),
				}
			},
			label:  "政府集中采购：采购总金额（元）",
			values: []string{"100", "90", "-10"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := BuildTrend(tc.years(t))
			cells, labels := trendByKey(t, trendTable(t, d, "trend-table2"))
			if labels[key] != tc.label {
				t.Errorf("label %q, want %q", labels[key], tc.label)
			}
			if !slices.Equal(cells[key], tc.values) {
				t.Errorf("values %v, want %v", cells[key], tc.values)
			}
		})
	}
}
