package ingest

import (
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/report/internal/golden"
)

// TestLibreOfficeMade: documents in the shapes offices really produce — a
// DOCX saved by LibreOffice (its own markup, styles and table XML), and a
// PDF that LibreOffice exported from that DOCX — are read back with every
// figure of both editions and every text paragraph, and nothing
// unreadable. The inputs are nianbao's own Word documents of the example
// data, opened and saved again by LibreOffice.
func TestLibreOfficeMade(t *testing.T) {
	rs, err := renderOnce()
	if err != nil {
		t.Fatal(err)
	}
	golden.NeedTool(t, "pdftotext")
	pick := map[string]rendered{}
	for _, x := range rs {
		switch {
		case strings.HasSuffix(x.name, "shili-office/2024.yaml"):
			pick["office2024"] = x // 2021 edition
		case strings.HasSuffix(x.name, "shili-office/2020.yaml"):
			pick["office2020"] = x // 2019 edition
		}
	}
	if len(pick) != 2 {
		t.Fatalf("example data files not found: %v", pick)
	}
	docs, pages := map[string][]byte{}, map[string][]byte{}
	for name, x := range pick {
		docs[name] = x.docx
		pages[name] = x.html
	}
	loDocx := golden.Soffice(t, docs, "docx", "docx:MS Word 2007 XML")
	loPDF := golden.Soffice(t, loDocx, "docx", "pdf")
	// The web page opened in LibreOffice, saved as Word and exported as
	// PDF (how offices often publish): its tables' figures sit left-aligned
	// a space away from their labels and the header words of neighbouring
	// cells a space apart.
	webPDF := golden.Soffice(t, golden.Soffice(t, pages, "html", "docx:MS Word 2007 XML"), "docx", "pdf")
	for name, x := range pick {
		for _, f := range []struct {
			format string
			data   []byte
			read   func(string, []byte) (*report.Report, *report.Source, report.Problems)
		}{{"docx", loDocx[name], DOCX}, {"pdf", loPDF[name], PDF}, {"pdf from the web page", webPDF[name], PDF}} {
			label := name + " (LibreOffice " + f.format + ")"
			r, src, ps := f.read(label, f.data)
			if r == nil {
				t.Errorf("%s: not read: %v", label, ps)
				continue
			}
			for _, p := range ps {
				if p.Severity == report.Error {
					t.Errorf("%s: %s", label, p)
				}
			}
			if r.Year != x.orig.Year || r.Organ != x.orig.Organ || r.Edition != x.orig.Edition {
				t.Errorf("%s: read %d %s %s, want %d %s %s", label, r.Year, r.Organ, r.Edition, x.orig.Year, x.orig.Organ, x.orig.Edition)
			}
			diff(t, label, figures(x.orig), figures(r))
			for _, w := range silentlyWrong(figures(x.orig), figures(r), ps) {
				t.Errorf("%s: %s read wrong and not reported unreadable (IN-1)", label, w)
			}
			for _, tb := range src.Tables {
				if tb.Unreadable != 0 || tb.Read == 0 {
					t.Errorf("%s: %s: read %d, unreadable %d", label, tb.Name, tb.Read, tb.Unreadable)
				}
			}
			want := []string{docParas(x.doc.Preface), docParas(x.doc.Sections[0].Paras), docParas(x.doc.Sections[4].Paras), docParas(x.doc.Sections[5].Paras)}
			for i, s := range report.TextSections {
				if got := r.Text[i].Body; flat(got) != flat(want[i]) {
					t.Errorf("%s: text.%s:\nwant %q\n got %q", label, s.Key, want[i], got)
				}
			}
		}
	}
}

// silentlyWrong lists the figures (path=value lines, as figures gives
// them) read differently from the original without an IN-1 problem
// naming the cell: a value the reader put there as if it were certain.
func silentlyWrong(want, got []string, ps report.Problems) []string {
	var out []string
	for i := range min(len(want), len(got)) {
		if want[i] == got[i] {
			continue
		}
		path, _, _ := strings.Cut(want[i], "=")
		flagged := false
		for _, p := range ps {
			if p.Rule == "IN-1" && strings.HasPrefix(p.Path, path) {
				flagged = true
			}
		}
		if !flagged {
			out = append(out, want[i]+" read as "+got[i])
		}
	}
	return out
}
