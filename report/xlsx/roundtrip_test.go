package xlsx

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/report"
	"nianbao/report/check"
	"nianbao/report/datafile"
)

// dataFiles lists every committed example data file under data/, at any
// depth (data/shili-region/units/*/ included), as nianbao finds them
// (templates folders such as data/shili-templates/ skipped).
func dataFiles(t testing.TB) []string {
	t.Helper()
	files, err := datafile.FindDataFiles([]string{"../../data"})
	if err != nil || len(files) == 0 {
		t.Fatalf("no data files: %v", err)
	}
	return files
}

// roundTripFiles are the data files every round trip covers: all of data/,
// the loader's valid fixtures and a report with a work plan.
func roundTripFiles(t testing.TB) []string {
	return append(dataFiles(t), "../testdata/valid2019.yaml", "../testdata/valid2021.yaml", "testdata/workplan-2024.yaml")
}

func loadFile(t testing.TB, path string) *report.Report {
	t.Helper()
	r, ps := datafile.LoadFile(path)
	if r == nil || ps.HasErrors() {
		t.Fatalf("%s: %v", path, ps)
	}
	return r
}

func export(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writeBook(&buf, r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// sameMeaning compares everything a report says: identity fields, every
// figure, every text.
func sameMeaning(t *testing.T, name string, want, got *report.Report) {
	t.Helper()
	if want.Year != got.Year || want.Organ != got.Organ || want.Edition != got.Edition || want.Date != got.Date ||
		want.FormatOverrideReason != got.FormatOverrideReason || want.CarryOverNote != got.CarryOverNote {
		t.Errorf("%s: identity differs:\nwant %d %q %s %q %q %q\ngot  %d %q %s %q %q %q", name,
			want.Year, want.Organ, want.Edition, want.Date, want.FormatOverrideReason, want.CarryOverNote,
			got.Year, got.Organ, got.Edition, got.Date, got.FormatOverrideReason, got.CarryOverNote)
	}
	if wm, gm := [5]string{want.IndexNumber, want.Publisher, want.DocumentNumber, want.Published, want.Topic},
		[5]string{got.IndexNumber, got.Publisher, got.DocumentNumber, got.Published, got.Topic}; wm != gm {
		t.Errorf("%s: publication metadata differs:\nwant %q\ngot  %q", name, wm, gm)
	}
	ws, gs := want.Scope, got.Scope
	if ws == "" {
		ws = report.ScopeOrgan
	}
	if ws != gs {
		t.Errorf("%s: scope %q, got %q", name, ws, gs)
	}
	for i, c := range want.Active {
		g := got.Active[i]
		if c.Int != g.Int || c.Amount.String() != g.Amount.String() {
			t.Errorf("%s: active[%d] = %d/%s, got %d/%s", name, i, c.Int, c.Amount, g.Int, g.Amount)
		}
	}
	if want.Edition == report.Ed2019 && want.ProcUnit != got.ProcUnit && !(want.ProcUnit == "" && got.ProcUnit == "万元") {
		t.Errorf("%s: procurement unit %q, got %q", name, want.ProcUnit, got.ProcUnit)
	}
	for i, row := range want.Edition.Table3() {
		if row.Kind == report.T3Total {
			var sum int64
			for j, r := range want.Edition.Table3() {
				if r.Kind == report.T3Outcome {
					sum += got.Requests[j].Sum()
				}
			}
			if w := want.Requests[i]; (w.HasTotal || w.Sum() != 0) && w.Sum() != sum {
				t.Errorf("%s: （七）总计 %d, got %d", name, w.Sum(), sum)
			}
			continue
		}
		if want.Requests[i].Cells != got.Requests[i].Cells {
			t.Errorf("%s: requests.%s = %v, got %v", name, row.ID, want.Requests[i].Cells, got.Requests[i].Cells)
		}
	}
	for i := range want.Appeals {
		if want.Appeals[i].Vals != got.Appeals[i].Vals {
			t.Errorf("%s: appeals[%d] = %v, got %v", name, i, want.Appeals[i].Vals, got.Appeals[i].Vals)
		}
	}
	switch {
	case (want.Fees == nil) != (got.Fees == nil):
		t.Errorf("%s: fees %v, got %v", name, want.Fees, got.Fees)
	case want.Fees != nil:
		w, g := want.Fees, got.Fees
		if w.Notices != g.Notices || w.NotifiedAmount.String() != g.NotifiedAmount.String() || w.Collected.String() != g.Collected.String() {
			t.Errorf("%s: fees %d %s %s, got %d %s %s", name, w.Notices, w.NotifiedAmount, w.Collected, g.Notices, g.NotifiedAmount, g.Collected)
		}
	}
	switch {
	case (want.WorkPlan == nil) != (got.WorkPlan == nil):
		t.Errorf("%s: work plan %v, got %v", name, want.WorkPlan, got.WorkPlan)
	case want.WorkPlan != nil:
		if want.WorkPlan.Title != got.WorkPlan.Title {
			t.Errorf("%s: work plan title %q, got %q", name, want.WorkPlan.Title, got.WorkPlan.Title)
		}
		if len(want.WorkPlan.Tasks) != len(got.WorkPlan.Tasks) {
			t.Errorf("%s: %d tasks, got %d", name, len(want.WorkPlan.Tasks), len(got.WorkPlan.Tasks))
			break
		}
		for i, wt := range want.WorkPlan.Tasks {
			gt := got.WorkPlan.Tasks[i]
			for _, c := range planCols {
				if w, g := *c.get(&wt), *c.get(&gt); w != g {
					t.Errorf("%s: task %d %s = %q, got %q", name, i+1, c.Key, w, g)
				}
			}
		}
	}
	for i := range want.Text {
		if want.Text[i].Body != got.Text[i].Body {
			t.Errorf("%s: text %s differs:\nwant %q\ngot  %q", name, report.TextSections[i].Key, want.Text[i].Body, got.Text[i].Body)
		}
	}
}

// TestRoundTrip: every committed data file → xlsx → Report (and YAML) is
// identical in meaning.
func TestRoundTrip(t *testing.T) {
	files := roundTripFiles(t)
	plans := 0
	for _, path := range files {
		want := loadFile(t, path)
		got, ps := Read("book.xlsx", export(t, want))
		if got == nil {
			t.Fatalf("%s: import failed: %v", path, ps)
		}
		sameMeaning(t, path, want, got)
		// And through the YAML contract.
		back, ps := datafile.Parse("back.yaml", datafile.Marshal(got))
		if back == nil || ps.HasErrors() {
			t.Fatalf("%s: marshalled import does not load: %v", path, ps)
		}
		sameMeaning(t, path+" (yaml)", want, back)
		if want.WorkPlan != nil {
			plans++
		}
	}
	if plans == 0 {
		t.Error("no data file with a work plan was round-tripped")
	}
	if !slices.ContainsFunc(files, func(p string) bool { return strings.Contains(p, "/units/") }) {
		t.Error("the region's unit reports (data/shili-region/units/*/) were not found")
	}
}

func TestDeterministic(t *testing.T) {
	for _, path := range roundTripFiles(t) {
		r := loadFile(t, path)
		a, b := export(t, r), export(t, r)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two exports differ", path)
		}
	}
	var a, b bytes.Buffer
	if err := writeTemplate(&a, 2024, "示例县统计局"); err != nil {
		t.Fatal(err)
	}
	if err := writeTemplate(&b, 2024, "示例县统计局"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two templates differ")
	}
}

// TestLongText: a text section beyond Excel's 32,767 characters per cell
// is written over consecutive cells of its row and read back whole, for
// texts of plain CJK, characters beyond the BMP (two UTF-16 units each),
// _xHHHH_ literals that escaping lengthens, and a cut falling between \r
// and \n.
func TestLongText(t *testing.T) {
	cjk := strings.Repeat("政府信息公开工作年度报告。\n\n", 100000/15+1)
	cases := []struct {
		name, body string
		cells      int
	}{
		{"100000 characters", string([]rune(cjk)[:100000]), 4},
		{"beyond the BMP", strings.Repeat("😀", 20000), 2},
		{"escapes", strings.Repeat("_x000D_", 6000), 3},
		{"CRLF at the cut", strings.Repeat("a", maxCellChars-1) + "\r\n" + "b", 2},
		{"exactly one cell", strings.Repeat("公", maxCellChars), 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := loadFile(t, "../../data/shili-office/2024.yaml")
			r.Text[0].Body = c.body
			data := export(t, r)
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			for k := range c.cells + 1 {
				v, _ := f.GetCellValue(sheetText, ref(2+k, textFirstRow))
				if (v != "") != (k < c.cells) {
					t.Errorf("cell %s: %d characters; want %d filled cells", ref(2+k, textFirstRow), len([]rune(v)), c.cells)
				}
			}
			f.Close()
			got, ps := Read("long.xlsx", data)
			if got == nil {
				t.Fatal(ps)
			}
			want := strings.TrimSpace(strings.ReplaceAll(c.body, "\r\n", "\n"))
			if got.Text[0].Body != want {
				t.Errorf("read back %d characters, want %d", len([]rune(got.Text[0].Body)), len([]rune(want)))
			}
		})
	}
}

// TestFeesNotInvented: blank 信息处理费 cells leave processing_fees out
// (check then warns F-1, as for any 2021 file without it); a partly filled
// sheet is refused, naming each blank cell.
func TestFeesNotInvented(t *testing.T) {
	r := loadFile(t, "../../data/shili-office/2024.yaml")
	r.Fees = nil
	data := export(t, r)
	got, ps := Read("nofees.xlsx", data)
	if got == nil {
		t.Fatal(ps)
	}
	if got.Fees != nil {
		t.Errorf("blank fee cells imported as %+v", *got.Fees)
	}
	if !slices.ContainsFunc(check.Check(got, nil, nil), func(p report.Problem) bool { return p.Rule == "F-1" }) {
		t.Error("check does not warn F-1 for the imported report")
	}
	cases := []struct {
		name  string
		fill  map[string]any
		blank []string
	}{
		{"one filled", map[string]any{"B3": 2}, []string{"信息处理费!B4", "信息处理费!B5"}},
		{"two filled", map[string]any{"B3": 0, "B5": 0}, []string{"信息处理费!B4"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ps := Read("partial.xlsx", edit(t, data, func(f *excelize.File) {
				for cell, v := range c.fill {
					f.SetCellValue(sheetFees, cell, v)
				}
			}))
			if got != nil {
				t.Fatalf("imported: fees %+v", got.Fees)
			}
			var where []string
			for _, p := range ps {
				if p.Severity == report.Error && strings.Contains(p.Msg, "信息处理费只填写了一部分："+p.Path) {
					where = append(where, p.Path)
				}
			}
			if !slices.Equal(where, c.blank) {
				t.Errorf("refused cells %v, want %v; problems:\n%v", where, c.blank, ps)
			}
		})
	}
}
