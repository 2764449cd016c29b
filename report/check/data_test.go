package check

import (
	"fmt"
	. "nianbao/report"
	. "nianbao/report/datafile"
	"nianbao/report/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every committed data file passes check: no error and no warning.
func TestCommittedData(t *testing.T) {
	files, err := FindDataFiles([]string{"../../data"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("want at least three example files, found %v", files)
	}
	loaded := LoadFiles(files)
	for _, p := range CheckSet(loaded, nil) {
		if p.Severity != Info {
			t.Errorf("%s", p)
		}
	}
	// The example series crosses the 2020→2021 edition change.
	eds := map[Edition]bool{}
	for _, l := range loaded {
		if l.Report != nil {
			eds[l.Report.Edition] = true
		}
	}
	if !eds[Ed2019] || !eds[Ed2021] {
		t.Errorf("example data should cover both editions, has %v", eds)
	}
}

// Real published reports, transcribed into the contract, that add up pass
// with no error; the one whose printed （七）总计 differs from its rows fails
// naming the rule, the column and both numbers.
func TestRealReports(t *testing.T) {
	ok, _ := filepath.Glob("testdata/real/ok/*.yaml")
	if len(ok) < 3 {
		t.Fatalf("want real reports in testdata/real/ok, have %d", len(ok))
	}
	for _, f := range ok {
		ps := CheckSet(LoadFiles([]string{f}), nil)
		if ps.HasErrors() {
			t.Errorf("%s: real consistent report has errors:\n%s", f, golden.Format(ps))
		}
	}
	bad := LoadFiles([]string{"testdata/real/bad/shuyang-county-2025-modified.yaml"})
	ps := CheckSet(bad, nil)
	found := false
	for _, p := range ps {
		if p.Rule == "T3-3" && strings.Contains(p.Msg, "“自然人”列") && strings.Contains(p.Msg, "701") && strings.Contains(p.Msg, "710") {
			found = true
		}
	}
	if !found {
		t.Errorf("want T3-3 naming 自然人 and both 701 and 710, got:\n%s", golden.Format(ps))
	}
}

// A six-year series of one organ passes X-1 year to year; a changed
// 上年结转 in one year is caught, and only there.
func TestSeriesCarryOver(t *testing.T) {
	dir := "../../data/shili-office"
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(files) < 6 {
		t.Fatalf("want a six-year series, have %d files", len(files))
	}
	for _, p := range CheckSet(LoadFiles(files), nil) {
		if p.Rule == "X-1" {
			t.Errorf("clean series: %s", p)
		}
	}
	// Change 2022's 上年结转 (and its 本年新收, so the year itself still adds up).
	tmp := t.TempDir()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(f) == "2022.yaml" {
			r, _ := Parse(f, data)
			co, rc := r.Row("carried_over"), r.Row("received")
			data = replaceAt(t, data, rc.CellPos[0], fmt.Sprint(rc.Cells[0]), fmt.Sprint(rc.Cells[0]-1))
			data = replaceAt(t, data, co.CellPos[0], fmt.Sprint(co.Cells[0]), fmt.Sprint(co.Cells[0]+1))
			if co.HasTotal || rc.HasTotal {
				// Keep the printed 总计 of each row: move one from 本年新收 to 上年结转.
				data = replaceAt(t, data, rc.CellPos[6], fmt.Sprint(rc.Printed), fmt.Sprint(rc.Printed-1))
				data = replaceAt(t, data, co.CellPos[6], fmt.Sprint(co.Printed), fmt.Sprint(co.Printed+1))
			}
		}
		if err := os.WriteFile(filepath.Join(tmp, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edited, _ := filepath.Glob(filepath.Join(tmp, "*.yaml"))
	var x1 Problems
	for _, p := range CheckSet(LoadFiles(edited), nil) {
		if p.Rule == "X-1" {
			x1 = append(x1, p)
		}
	}
	if len(x1) != 1 || !strings.HasSuffix(x1[0].File, "2022.yaml") || x1[0].Severity != Error || !strings.Contains(x1[0].Msg, "2021 年度报告") {
		t.Errorf("want exactly one X-1 error in 2022.yaml, got:\n%s", golden.Format(x1))
	}
}

// replaceAt replaces the token old at pos (line and rune column) with new.
func replaceAt(t *testing.T, data []byte, pos Pos, old, new string) []byte {
	t.Helper()
	lines := strings.Split(string(data), "\n")
	line := []rune(lines[pos.Line-1])
	col := pos.Col - 1
	if !strings.HasPrefix(string(line[col:]), old) {
		t.Fatalf("line %d col %d: %q does not start with %q", pos.Line, pos.Col, string(line[col:]), old)
	}
	lines[pos.Line-1] = string(line[:col]) + new + string(line[col+len([]rune(old)):])
	return []byte(strings.Join(lines, "\n"))
}
