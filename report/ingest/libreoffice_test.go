package ingest

import (
	"bytes"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
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
// figure of every year is read from both PDFs, nothing unreadable —
// except where LibreOffice left the rows out of the PDF (see
// lostT3Rows): then only those rows are unreadable (IN-1, 表中找不到这一行).
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
			// unreadable; where the PDF lacks 表三's rows, every figure
			// of the rows it has, and only the rows it lacks unreadable.
			lost := f.format != "docx" && lostT3Rows(t, f.data)
			if lost {
				t.Logf("%s: LibreOffice left most of 表三's rows out of the PDF: those rows are unreadable", label)
			}
			for _, p := range ps {
				if p.Severity == report.Error && !(lost && p.Rule == "IN-1" && strings.HasPrefix(p.Path, "requests.") && strings.Contains(p.Msg, "表中找不到这一行")) {
					t.Errorf("%s: %s", label, p)
				}
			}
			if r.Year != x.orig.Year || r.Organ != x.orig.Organ || r.Edition != x.orig.Edition {
				t.Errorf("%s: read %d %s %s, want %d %s %s", label, r.Year, r.Organ, r.Edition, x.orig.Year, x.orig.Organ, x.orig.Edition)
			}
			for _, w := range silentlyWrong(figures(x.orig), figures(r), ps) {
				t.Errorf("%s: %s read wrong and not reported unreadable (IN-1)", label, w)
			}
			if !lost {
				diff(t, label, figures(x.orig), figures(r))
			}
			for _, tb := range src.Tables {
				if (tb.Unreadable != 0 && !(lost && tb.Name == "table3")) || tb.Read == 0 {
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

// t3LastRow is 表三's last row as a PDF's text has it: the label and its
// seven figures.
var t3LastRow = regexp.MustCompile(`四、结转下年度继续办理(?:\s+\d+){7}`)

// lostT3Rows reports whether a PDF lacks 表三's last row. LibreOffice
// (7.4) leaves the rows after the first out of the PDF — not drawn, not
// in the text — when 表三 (header rows repeated on each page, w:tblHeader;
// rows kept whole, w:cantSplit; the 办理结果 rows joined by a vertical
// merge) breaks across a page right after its first row: so it lays out
// the Word documents of 2021 and 2022 (the LibreOffice-saved ones, and
// nianbao's own of 2021). No reader can read those figures; the reader
// must report them unreadable.
func lostT3Rows(t *testing.T, pdf []byte) bool {
	t.Helper()
	cmd := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return !t3LastRow.Match(out)
}
