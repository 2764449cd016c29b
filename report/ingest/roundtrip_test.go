package ingest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/docx"
	"nianbao/report/html"
	"nianbao/report/pdf"
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
		// Fees read from the office's own sentence (1000元) equal the data
		// (1000.00) by value.
		out = append(out, fmt.Sprintf("fees=%d/%s/%s", f.Notices, byValue(f.NotifiedAmount), byValue(f.Collected)))
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

// rendered is one data file rendered by nianbao in every format.
type rendered struct {
	name            string
	orig            *report.Report
	doc             *report.Doc
	html, docx, pdf []byte
}

var renderOnce = sync.OnceValues(func() ([]rendered, error) {
	files, err := datafile.FindDataFiles([]string{"../../data"})
	if err != nil {
		return nil, err
	}
	loaded := datafile.LoadFiles(files)
	var out []rendered
	for _, l := range loaded {
		if !l.Clean() {
			return nil, fmt.Errorf("%s: %v", l.Path, l.Problems)
		}
		doc := report.Build(l.Report, datafile.History(l, loaded))
		var h, d, p bytes.Buffer
		if err := html.Write(&h, doc, html.Options{}); err != nil {
			return nil, err
		}
		if err := docx.Write(&d, doc, docx.Options{}); err != nil {
			return nil, err
		}
		if _, err := pdf.Write(&p, doc, pdf.Options{}); err != nil {
			return nil, err
		}
		out = append(out, rendered{l.Path, l.Report, doc, h.Bytes(), d.Bytes(), p.Bytes()})
	}
	return out, nil
})

// paragraphs of a text section as the Doc prints them.
func docParas(ps []report.Para) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return strings.Join(out, "\n")
}

// wantParas checks that each text section of r (read back from a
// document rendered from doc) has doc's paragraphs, one for one and each
// exactly, after the normalisation the source's own text gets (cleanText:
// spaces between Chinese characters dropped, runs of spaces made one).
// It names the first paragraph that differs.
func wantParas(t *testing.T, name string, doc *report.Doc, r *report.Report) {
	t.Helper()
	for i, ps := range [][]report.Para{doc.Preface, doc.Sections[0].Paras, doc.Sections[4].Paras, doc.Sections[5].Paras} {
		var want []string
		for _, p := range ps {
			want = append(want, cleanText(p.Text))
		}
		var got []string
		if b := r.Text[i].Body; b != "" {
			got = strings.Split(b, "\n")
		}
		if j, w, g, ok := firstDiff(want, got); !ok {
			t.Errorf("%s: text.%s: paragraph %d of %d (read %d):\nwant %q\n got %q", name, report.TextSections[i].Key, j+1, len(want), len(got), w, g)
		}
	}
}

// TestRoundTrip is the round-trip property: every file in data/ built by
// nianbao as HTML, DOCX and PDF and read back gives the same figures
// (both editions), the same text paragraphs, date and work plan (HTML,
// DOCX), and nothing unreadable.
func TestRoundTrip(t *testing.T) {
	rs, err := renderOnce()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but pdftotext is not installed: apt-get install poppler-utils")
		}
		t.Log("pdftotext not installed: PDF not tested")
	}
	eds := map[report.Edition]bool{}
	for _, x := range rs {
		eds[x.orig.Edition] = true
		for _, f := range []struct {
			format string
			data   []byte
			read   func(string, []byte) (*report.Report, *report.Source, report.Problems)
		}{{"html", x.html, HTML}, {"docx", x.docx, DOCX}, {"pdf", x.pdf, PDF}} {
			if f.format == "pdf" {
				if _, err := exec.LookPath("pdftotext"); err != nil {
					continue
				}
			}
			name := x.name + "." + f.format
			r, src, ps := f.read(name, f.data)
			if r == nil {
				t.Errorf("%s: not read: %v", name, ps)
				continue
			}
			for _, p := range ps {
				if p.Severity == report.Error || p.Rule != "IN-5" || f.format != "pdf" {
					t.Errorf("%s: %s", name, p)
				}
			}
			diff(t, name, figures(x.orig), figures(r))
			for _, tb := range src.Tables {
				if tb.Unreadable != 0 || tb.Read == 0 {
					t.Errorf("%s: %s: read %d, unreadable %d", name, tb.Name, tb.Read, tb.Unreadable)
				}
			}
			if len(src.Blank) > 0 {
				t.Errorf("%s: blank cells %v", name, src.Blank)
			}
			wantParas(t, name, x.doc, r)
			if r.Date != x.orig.Date {
				t.Errorf("%s: date %q, want %q", name, r.Date, x.orig.Date)
			}
			if f.format != "pdf" && !sameWorkPlan(x.orig.WorkPlan, r.WorkPlan) {
				t.Errorf("%s: work plan %+v, want %+v", name, r.WorkPlan, x.orig.WorkPlan)
			}
			// The written data file loads, and check finds no error.
			y := datafile.Marshal(r)
			back, lps := datafile.Parse("x.yaml", y)
			if lps.HasErrors() || back == nil {
				t.Errorf("%s: written file does not load: %v", name, lps)
			}
		}
	}
	if !eds[report.Ed2019] || !eds[report.Ed2021] {
		t.Errorf("data/ should hold both editions, has %v", eds)
	}
}

// sameWorkPlan compares what the ledger prints: title, item, task, lead,
// deadline, status, result (责任单位 is not printed).
func sameWorkPlan(a, b *report.WorkPlan) bool {
	if a == nil || b == nil {
		return (a == nil) == (b == nil)
	}
	if a.Title != b.Title || len(a.Tasks) != len(b.Tasks) {
		return false
	}
	for i := range a.Tasks {
		x, y := a.Tasks[i], b.Tasks[i]
		if flat(x.Item) != y.Item || flat(x.Task) != y.Task || flat(x.Lead) != y.Lead || x.Deadline != y.Deadline || x.Status != y.Status || flat(x.Result) != y.Result {
			return false
		}
	}
	return true
}

func flat(s string) string { return strings.Join(strings.Fields(s), "") }

func byValue(d report.Decimal) string {
	s := d.String()
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// firstDiff is the first line where want and got differ (a missing line
// reads as ""): its index and the two lines; ok when they are equal.
func firstDiff(want, got []string) (i int, w, g string, ok bool) {
	for i = range max(len(want), len(got)) {
		w, g = "", ""
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			return i, w, g, false
		}
	}
	return 0, "", "", true
}
