package datafile_test

import (
	"bytes"
	"io/fs"
	. "nianbao/report"
	. "nianbao/report/check"
	. "nianbao/report/datafile"
	"nianbao/report/internal/golden"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// fileLevel lists the bad inputs whose problem concerns the whole file, so
// it has no line to point at.
var fileLevel = map[string]bool{
	"empty-file.yaml": true, "only-comments.yaml": true, "missing-tables.yaml": true,
}

// TestBadInputs loads every hand-made bad input in testdata/bad: each must
// give at least one error (with a line, unless the problem is the whole
// file) and never panic. The messages are kept as golden text.
func TestBadInputs(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Fatalf("want at least 30 bad inputs, have %d", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			cur := LoadBytes(name, string(data))
			ps := CheckSet([]Loaded{cur}, nil)
			var errs Problems
			for _, p := range ps {
				if p.Severity == Error {
					errs = append(errs, p)
				}
			}
			if len(errs) == 0 {
				t.Fatalf("no error for a bad input; got:\n%s", golden.Format(ps))
			}
			if !fileLevel[name] {
				for _, p := range errs {
					if p.Pos.Line == 0 {
						t.Errorf("error without a line: %s", p)
					}
				}
			}
			for _, p := range ps {
				if strings.Contains(p.Msg, "goroutine") || strings.Contains(p.Msg, "panic") {
					t.Errorf("message leaks internals: %s", p)
				}
			}
			golden.Problems(t, filepath.Join("testdata", "bad", strings.TrimSuffix(name, ".yaml")+".golden"), ps)
		})
	}
}

func TestOversizeFile(t *testing.T) {
	big := bytes.Repeat([]byte("# 填充\n"), MaxFileSize/8+10)
	big = append([]byte("year: 2022\n"), big...)
	r, ps := Parse("big.yaml", big)
	if r != nil || len(ps) != 1 || ps[0].Rule != "S-1" || !strings.Contains(ps[0].Msg, "1 MiB") {
		t.Fatalf("want one S-1 problem about size, got %v", ps)
	}
	// LoadFile reads at most MaxFileSize+1 bytes.
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, big, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ps := LoadFile(path); len(ps) != 1 || !strings.Contains(ps[0].Msg, "1 MiB") {
		t.Fatalf("LoadFile: %v", ps)
	}
}

func TestLoadFileMissing(t *testing.T) {
	_, ps := LoadFile(filepath.Join(t.TempDir(), "nope.yaml"))
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, "不存在") {
		t.Fatalf("got %v", ps)
	}
}

func TestAliasesAllowedInPlace(t *testing.T) {
	src := golden.Apply(t, golden.Read(t, "../testdata/valid2021.yaml"), []golden.Edit{
		{"state_secret: [0, 0, 0, 0, 0, 0]", "state_secret: &zero [0, 0, 0, 0, 0, 0]"},
		{"prohibited_by_law: [0, 0, 0, 0, 0, 0]", "prohibited_by_law: *zero"},
	}...)
	l := LoadBytes("a.yaml", src)
	if len(l.Problems) != 0 {
		t.Fatalf("aliases to a row should load: %v", l.Problems)
	}
}

func TestAmountsKeepDigits(t *testing.T) {
	for _, lit := range []string{"75.9260", "24252.311082", "0", "0.50", "73802895.90", "12"} {
		src := golden.Apply(t, golden.Read(t, "../testdata/valid2021.yaml"), []golden.Edit{{"fees: {amount: 3.5200}", "fees: {amount: " + lit + "}"}}...)
		l := LoadBytes("a.yaml", src)
		if len(l.Problems) != 0 {
			t.Fatalf("%s: %v", lit, l.Problems)
		}
		c, _ := l.Report.ActiveCell("fees", "amount")
		if got := c.Amount.String(); got != lit {
			t.Errorf("amount %s printed as %s", lit, got)
		}
		// And survives Marshal → Load.
		back := LoadBytes("b.yaml", string(Marshal(l.Report)))
		c2, _ := back.Report.ActiveCell("fees", "amount")
		if c2.Amount.String() != lit {
			t.Errorf("amount %s after round trip: %s", lit, c2.Amount.String())
		}
	}
}

func TestDecimal(t *testing.T) {
	tests := []struct {
		in, out string
		bad     bool
	}{
		{"75.9260", "75.9260", false}, {"0.5", "0.5", false}, {"007", "7", false}, {"-1.20", "-1.20", false},
		{"1e5", "", true}, {"1.", "", true}, {".5", "", true}, {"1,000", "", true}, {"123456789012345678", "", true},
	}
	for _, tc := range tests {
		d, err := ParseDecimal(tc.in)
		if (err != nil) != tc.bad {
			t.Errorf("ParseDecimal(%q) err = %v", tc.in, err)
			continue
		}
		if !tc.bad && d.String() != tc.out {
			t.Errorf("ParseDecimal(%q) = %s, want %s", tc.in, d, tc.out)
		}
	}
	a, _ := ParseDecimal("1.05")
	b, _ := ParseDecimal("2.1")
	if s := a.Add(b).String(); s != "3.15" {
		t.Errorf("1.05+2.1 = %s", s)
	}
	if a.Cmp(b) != -1 || b.Cmp(a) != 1 || a.Cmp(a) != 0 {
		t.Error("Cmp")
	}
}

// Marshal writes what Load reads: every fixture survives a round trip with
// the same figures and text.
func TestMarshalRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.yaml")
	data, _ := FindDataFiles([]string{"../../data"})
	for _, f := range append(files, data...) {
		t.Run(f, func(t *testing.T) {
			r, ps := LoadFile(f)
			if ps.HasErrors() {
				t.Fatalf("fixture has errors: %v", ps)
			}
			out := Marshal(r)
			back, ps2 := Parse(f, out)
			if len(ps2) != 0 {
				t.Fatalf("reloading Marshal output: %v\n%s", ps2, out)
			}
			if !sameFigures(r, back) {
				t.Errorf("figures changed in round trip:\n%s", out)
			}
		})
	}
}

// sameFigures compares two reports ignoring positions and printed totals.
func sameFigures(a, b *Report) bool {
	if a.Year != b.Year || a.Organ != b.Organ || a.Edition != b.Edition || a.Scope != b.Scope || a.Date != b.Date ||
		a.CarryOverNote != b.CarryOverNote || a.ProcUnit != b.ProcUnit || a.FormatOverrideReason != b.FormatOverrideReason ||
		a.IndexNumber != b.IndexNumber || a.Publisher != b.Publisher || a.DocumentNumber != b.DocumentNumber || a.Published != b.Published || a.Topic != b.Topic {
		return false
	}
	for i := range a.Text {
		if a.Text[i].Body != b.Text[i].Body {
			return false
		}
	}
	for i := range a.Active {
		if a.Active[i].Int != b.Active[i].Int || a.Active[i].Amount != b.Active[i].Amount {
			return false
		}
	}
	for i, row := range a.Edition.Table3() {
		if row.Kind == T3Total {
			continue // Marshal leaves （七）总计 to be computed
		}
		if a.Requests[i].Cells != b.Requests[i].Cells {
			return false
		}
	}
	for i := range a.Appeals {
		if a.Appeals[i].Vals != b.Appeals[i].Vals {
			return false
		}
	}
	if (a.Fees == nil) != (b.Fees == nil) {
		return false
	}
	if a.Fees != nil && (a.Fees.Notices != b.Fees.Notices || a.Fees.NotifiedAmount != b.Fees.NotifiedAmount || a.Fees.Collected != b.Fees.Collected) {
		return false
	}
	return a.WorkPlan.Equal(b.WorkPlan)
}

func TestScaffold(t *testing.T) {
	for _, year := range []int{2019, 2020, 2021, 2024} {
		src := Scaffold(year, "示例县统计局")
		l := LoadBytes("s.yaml", string(src))
		if l.Report == nil {
			t.Fatalf("%d: scaffold does not load: %v", year, l.Problems)
		}
		// Only the empty text sections are reported.
		for _, p := range l.Problems {
			if p.Rule != "TX-6" {
				t.Errorf("%d: unexpected problem in scaffold: %s", year, p)
			}
		}
		if l.Problems.Count(Error) != 3 {
			t.Errorf("%d: want 3 TX-6 errors (empty sections), got %v", year, l.Problems)
		}
		// Every statutory row is written, with its label as a comment.
		for _, row := range l.Report.Edition.Table3() {
			if row.Kind == T3Total {
				continue
			}
			if !strings.Contains(string(src), row.Label) {
				t.Errorf("%d: scaffold lacks the label %s", year, row.Label)
			}
		}
		for _, b := range l.Report.Edition.Table2() {
			for _, row := range b.Rows {
				if !strings.Contains(string(src), b.Caption+" "+row.Label) {
					t.Errorf("%d: scaffold lacks %s %s", year, b.Caption, row.Label)
				}
			}
		}
		want := EditionForYear(year)
		if l.Report.Edition != want {
			t.Errorf("%d: edition %s, want %s", year, l.Report.Edition, want)
		}
	}
}

func TestJSONSchemaGolden(t *testing.T) {
	got := string(JSONSchema())
	path := filepath.Join("..", "..", "data", "nianbao.schema.json")
	if golden.Updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Error("data/nianbao.schema.json is stale: run make schema")
	}
	if !reflect.DeepEqual(JSONSchema(), JSONSchema()) {
		t.Error("schema not deterministic")
	}
}

// Load reads through any fs.FS; non-regular files are refused, not read.
func TestLoadFS(t *testing.T) {
	valid := golden.Read(t, "../testdata/valid2021.yaml")
	fsys := fstest.MapFS{
		"a/2021.yaml": {Data: []byte(valid)},
		"pipe.yaml":   {Mode: fs.ModeNamedPipe},
		"dir.yaml":    {Mode: fs.ModeDir},
	}
	if r, ps := Load(fsys, "a/2021.yaml"); r == nil || ps.HasErrors() {
		t.Fatalf("valid file: %v", ps)
	}
	for name, want := range map[string]string{"pipe.yaml": "不是普通文件", "dir.yaml": "目录", "none.yaml": "不存在"} {
		r, ps := Load(fsys, name)
		if r != nil || len(ps) != 1 || !strings.Contains(ps[0].Msg, want) || ps[0].File != name {
			t.Errorf("%s: got %v, want one problem containing %q", name, ps, want)
		}
	}
}
