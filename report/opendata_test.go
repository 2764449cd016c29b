package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	. "nianbao/report"
	. "nianbao/report/datafile"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The open data holds every statutory figure once, with a unique key, in
// JSON and CSV alike, deterministically.
func TestOpenData(t *testing.T) {
	for _, tc := range []struct {
		file    string
		figures int // 表二 + 表三 rows × 7 + 表四 15 (+ 3 fees)
	}{
		{"testdata/valid2021.yaml", 10 + 25*7 + 15},
		{"testdata/valid2019.yaml", 22 + 23*7 + 15},
	} {
		r, ps := LoadFile(tc.file)
		if r == nil || ps.HasErrors() {
			t.Fatalf("%s: %v", tc.file, ps)
		}
		want := tc.figures
		if r.Fees != nil {
			want += 3
		}
		var od OpenData
		js := mustOpenData(t, OpenDataJSON, r)
		if err := json.Unmarshal(js, &od); err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if od.Schema != OpenDataSchema || od.Organ != r.Organ || od.Year != r.Year || od.Format != string(r.Edition) {
			t.Errorf("%s: header %+v", tc.file, od)
		}
		if len(od.Figures) != want {
			t.Errorf("%s: %d figures, want %d", tc.file, len(od.Figures), want)
		}
		seen := map[string]bool{}
		for _, f := range od.Figures {
			if seen[f.Key] {
				t.Errorf("%s: duplicate key %s", tc.file, f.Key)
			}
			seen[f.Key] = true
			if f.Table == "" || f.Row == "" || f.Column == "" || f.Value == "" {
				t.Errorf("%s: incomplete figure %+v", tc.file, f)
			}
		}
		// （七）总计 of 自然人 is derived and equals the sum of the outcome rows.
		var total Figure
		for _, f := range od.Figures {
			if f.Key == "requests.total[0]" {
				total = f
			}
		}
		if !total.Derived || total.Value == "" {
			t.Errorf("%s: requests.total[0] = %+v", tc.file, total)
		}

		data := mustOpenData(t, OpenDataCSV, r)
		if !bytes.HasPrefix(data, []byte("\ufeff")) {
			t.Errorf("%s: CSV without BOM", tc.file)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(rows[0], ",") != strings.Join(OpenDataCSVHeader, ",") || len(rows) != want+1 {
			t.Errorf("%s: CSV header %v, %d rows (want %d)", tc.file, rows[0], len(rows)-1, want)
		}
		for i, f := range od.Figures {
			if rows[i+1][3] != f.Key || rows[i+1][8] != string(f.Value) {
				t.Errorf("%s: CSV row %d = %v, JSON %+v", tc.file, i+1, rows[i+1], f)
				break
			}
		}
		if !bytes.Equal(js, mustOpenData(t, OpenDataJSON, r)) || !bytes.Equal(data, mustOpenData(t, OpenDataCSV, r)) {
			t.Errorf("%s: open data not deterministic", tc.file)
		}
	}
}

// Text that a spreadsheet would run as a formula is defused in CSV; JSON
// escapes markup.
func TestOpenDataEscaping(t *testing.T) {
	r, _ := LoadFile("testdata/valid2021.yaml")
	r.Organ = `=HYPERLINK("x")<script>&`
	data := string(mustOpenData(t, OpenDataCSV, r))
	if !strings.Contains(data, `'=HYPERLINK(""x"")<script>&`) {
		t.Errorf("CSV organ not defused:\n%s", data[:200])
	}
	js := string(mustOpenData(t, OpenDataJSON, r))
	if strings.Contains(js, "<script>") || !strings.Contains(js, `\u003cscript\u003e`) {
		t.Error("JSON must escape < and >")
	}
}

func mustOpenData(t *testing.T, enc func(*Report) ([]byte, error), r *Report) []byte {
	t.Helper()
	b, err := enc(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// templates/opendata/README.md, the document the site and `nianbao site -h`
// point readers to, names the schema and documents every JSON field, every
// CSV column and every text key.
func TestOpenDataDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "templates", "opendata", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	names := []string{OpenDataSchema}
	for _, typ := range []reflect.Type{reflect.TypeFor[OpenData](), reflect.TypeFor[Figure](), reflect.TypeFor[OpenDataUnit]()} {
		for i := range typ.NumField() {
			names = append(names, strings.Split(typ.Field(i).Tag.Get("json"), ",")[0])
		}
	}
	names = append(names, OpenDataCSVHeader...)
	for _, s := range TextSections {
		names = append(names, s.Key)
	}
	for _, n := range names {
		if !strings.Contains(text, "`"+n+"`") {
			t.Errorf("templates/opendata/README.md does not document `%s`", n)
		}
	}
}

// A region report's open data carries its merged_units, without file
// paths; an organ's own report has no merged_units field.
func TestOpenDataMergedUnits(t *testing.T) {
	r, ps := LoadFile("testdata/valid2021.yaml")
	if r == nil || ps.HasErrors() {
		t.Fatal(ps)
	}
	if js := string(mustOpenData(t, OpenDataJSON, r)); strings.Contains(js, "merged_units") {
		t.Error("organ report has merged_units")
	}
	r.Scope = ScopeRegion
	r.MergedUnits = []MergedUnit{{Organ: "测试县教育局", Status: "已报送", File: "units/jyj/2022.yaml"}, {Organ: "测试县公安局", Status: "未报送"}}
	js := string(mustOpenData(t, OpenDataJSON, r))
	var od OpenData
	if err := json.Unmarshal([]byte(js), &od); err != nil {
		t.Fatal(err)
	}
	if want := []OpenDataUnit{{"测试县教育局", "已报送"}, {"测试县公安局", "未报送"}}; !reflect.DeepEqual(od.MergedUnits, want) {
		t.Errorf("merged_units %+v, want %+v", od.MergedUnits, want)
	}
	if strings.Contains(js, "units/") {
		t.Error("open data carries a data file path")
	}
}
