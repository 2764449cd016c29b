package golden

import (
	"path/filepath"
	"testing"

	"nianbao/report"
	"nianbao/report/datafile"
)

// Fixture is a data file every renderer's tests render.
type Fixture struct {
	Name, Path string // Path is relative to a renderer's package folder (report/pdf, report/docx…)
	Edition    report.Edition
}

// Fixtures are the reports the renderers' tests render: both editions, an
// office's real-shaped example and the minimal valid files.
var Fixtures = []Fixture{
	{"office2024", "../../data/shili-office/2024.yaml", report.Ed2021},
	{"office2020", "../../data/shili-office/2020.yaml", report.Ed2019},
	{"valid2019", "../testdata/valid2019.yaml", report.Ed2019},
	{"valid2021", "../testdata/valid2021.yaml", report.Ed2021},
}

// LoadDoc loads the data file at path and its same-organ siblings (for the
// trend chart and the year-over-year appendix) and builds its render
// model; a file that does not load cleanly fails the test.
func LoadDoc(t testing.TB, path string) *report.Doc {
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
