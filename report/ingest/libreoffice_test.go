package ingest

import (
	"path"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/report/internal/golden"
)

// TestLibreOfficeMade: documents in the shapes offices really produce — a
// DOCX saved by LibreOffice (its own markup, styles and table XML), a PDF
// that LibreOffice exported from that DOCX, and one it exported from the
// web page — are read back. The inputs are nianbao's own Word documents
// and pages of every year of the example office (both editions), opened
// and saved again by LibreOffice. Every text section's paragraphs are the
// source's, each exactly (LibreOffice sets the text ragged, not justified
// as nianbao does, and the web page without indents: see newPara); no
// figure is read wrong without being reported unreadable; and every
// figure of every year is read from both PDFs, nothing unreadable.
// (LibreOffice 7.4 once left 表三's rows out of the PDF of nianbao's Word
// documents — see tableCell in report/docx — so every figure of every
// year is required, from both routes.)
func TestLibreOfficeMade(t *testing.T) {
	rs, err := renderOnce()
	if err != nil {
		t.Fatal(err)
	}
	golden.NeedTool(t, "pdftotext")
	// Every year of the example office: 2019, 2020 in the 2019 edition,
	// 2021 to 2024 in the 2021 edition.
	pick := map[string]rendered{}
	for _, x := range rs {
		if dir, file := path.Split(filepath.ToSlash(x.name)); strings.HasSuffix(dir, "shili-office/") {
			pick["office"+strings.TrimSuffix(file, ".yaml")] = x
		}
	}
	if len(pick) != 6 || pick["office2020"].orig == nil || pick["office2024"].orig == nil {
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
			// Every year's text, every figure exactly and nothing
			// unreadable.
			for _, p := range ps {
				if p.Severity == report.Error {
					t.Errorf("%s: %s", label, p)
				}
			}
			if r.Year != x.orig.Year || r.Organ != x.orig.Organ || r.Edition != x.orig.Edition {
				t.Errorf("%s: read %d %s %s, want %d %s %s", label, r.Year, r.Organ, r.Edition, x.orig.Year, x.orig.Organ, x.orig.Edition)
			}
			for _, w := range silentlyWrong(figures(x.orig), figures(r), ps) {
				t.Errorf("%s: %s read wrong and not reported unreadable (IN-1)", label, w)
			}
			diff(t, label, figures(x.orig), figures(r))
			for _, tb := range src.Tables {
				if tb.Unreadable != 0 || tb.Read == 0 {
					t.Errorf("%s: %s: read %d, unreadable %d", label, tb.Name, tb.Read, tb.Unreadable)
				}
			}
			// Paragraph for paragraph, as the Word document has them.
			wantParas(t, label, x.doc, r)
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
