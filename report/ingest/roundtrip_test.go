package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/report/datafile"
)

// figures lists every figure of r as path=value lines, for comparing a
// report read back with the original.
func figures(r *report.Report) []string {
	var out []string
	for i, c := range r.Edition.Table2Cells() {
		v := r.Active[i]
		if c.Kind == report.KindAmount {
			out = append(out, fmt.Sprintf("%s=%s", c.Path(), v.Amount))
		} else {
			out = append(out, fmt.Sprintf("%s=%d", c.Path(), v.Int))
		}
	}
	if r.Edition == report.Ed2019 {
		out = append(out, "unit="+r.ProcUnit)
	}
	for i, row := range r.Edition.Table3() {
		if row.Kind == report.T3Total {
			continue
		}
		out = append(out, fmt.Sprintf("requests.%s=%v", row.ID, r.Requests[i].Cells))
	}
	for i, g := range report.Table4Rows {
		out = append(out, fmt.Sprintf("appeals.%s=%v", g.Key, r.Appeals[i].Vals))
	}
	if f := r.Fees; f != nil {
		out = append(out, fmt.Sprintf("fees=%d/%s/%s", f.Notices, f.NotifiedAmount, f.Collected))
	}
	out = append(out, fmt.Sprintf("year=%d organ=%s edition=%s", r.Year, r.Organ, r.Edition))
	return out
}

func diff(t *testing.T, name string, want, got []string) {
	t.Helper()
	w, g := strings.Join(want, "\n"), strings.Join(got, "\n")
	if w == g {
		return
	}
	wl, gl := strings.Split(w, "\n"), strings.Split(g, "\n")
	for i := range max(len(wl), len(gl)) {
		var a, b string
		if i < len(wl) {
			a = wl[i]
		}
		if i < len(gl) {
			b = gl[i]
		}
		if a != b {
			t.Errorf("%s: want %s, got %s", name, a, b)
		}
	}
}

func TestSmokeHTML(t *testing.T) {
	files, _ := filepath.Glob("/tmp/out/*." + os.Getenv("FMT"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		var r *report.Report
		var ps report.Problems
		switch filepath.Ext(f) {
		case ".html":
			r, _, ps = HTML(f, data)
		case ".docx":
			r, _, ps = DOCX(f, data)
		case ".pdf":
			r, _, ps = PDF(f, data)
		}
		for _, p := range ps {
			t.Log(p)
		}
		y := datafile.Marshal(r)
		os.WriteFile("/tmp/ig/"+filepath.Base(f)+".yaml", y, 0o644)
		orig, _ := datafile.LoadFile("../../data/shili-office/" + strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)) + ".yaml")
		diff(t, f, figures(orig), figures(r))
		_ = bytes.Equal
	}
}
