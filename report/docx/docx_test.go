package docx

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"nianbao/report"
	"nianbao/report/datafile"
)

var outDir = flag.String("out", "", "also write the example documents into this directory (to look at them)")

// fixtures are the reports every test renders: both editions.
var fixtures = []struct {
	name, path string
	edition    report.Edition
}{
	{"office2024", "../../data/shili-office/2024.yaml", report.Ed2021},
	{"office2020", "../../data/shili-office/2020.yaml", report.Ed2019},
	{"valid2019", "../testdata/valid2019.yaml", report.Ed2019},
	{"valid2021", "../testdata/valid2021.yaml", report.Ed2021},
}

// loadDoc loads a data file and its same-organ siblings (for the trend
// chart and the year-over-year appendix) and builds its render model.
func loadDoc(t testing.TB, path string) *report.Doc {
	t.Helper()
	r, ps := datafile.LoadFile(path)
	if r == nil || ps.HasErrors() {
		t.Fatalf("%s: %v", path, ps)
	}
	var history []*report.Report
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.yaml"))
	for _, m := range matches {
		if filepath.Clean(m) == filepath.Clean(path) {
			continue
		}
		if h, hps := datafile.LoadFile(m); h != nil && !hps.HasErrors() {
			history = append(history, h)
		}
	}
	return report.Build(r, history)
}

func writeDocx(t testing.TB, d *report.Doc, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

func TestWriteExamples(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			data := writeDocx(t, loadDoc(t, fx.path), Options{})
			if *outDir != "" {
				if err := os.WriteFile(filepath.Join(*outDir, fx.name+".docx"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
