package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/internal/golden"
	"nianbao/report/merge"
)

func needTool(t *testing.T, names ...string) string { return golden.NeedTool(t, names...) }

// convert has LibreOffice (Writer) convert every document to format (pdf,
// txt) and returns the outputs by base name.
func convert(t *testing.T, docs map[string][]byte, format string) map[string][]byte {
	return golden.Soffice(t, docs, "docx", format)
}

// pdftotext returns the text of a PDF in content-stream order.
func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	bin := needTool(t, "pdftotext")
	f := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-raw", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// pageNumber is the footer "— 3 —" as the text comes out.
var pageNumber = regexp.MustCompile(`—\d+—`)

// expectedTexts lists in reading order every text of the document (title,
// preface, headings, paragraphs, notes, 落款, appendices, chart titles and
// summaries) and, for tables, every cell in row order (only the figures
// when numbersOnly: a PDF draws the text of a cell spanning rows at its
// middle, after the cells of its first row); each is one string to find
// after the previous one. labels collects the table texts left out.
func expectedTexts(d *report.Doc, numbersOnly bool) (out, labels []string) {
	add := func(s string) {
		if s = squeeze(s); s != "" {
			out = append(out, s)
		}
	}
	grid := func(g *report.Grid) {
		for _, rows := range [][][]report.GridCell{g.Head, g.Body} {
			for _, row := range rows {
				for _, c := range row {
					if numbersOnly && c.Kind != report.CellNumber {
						if t := squeeze(c.Text); t != "" {
							labels = append(labels, t)
						}
						continue
					}
					add(c.Text)
				}
			}
		}
	}
	add(d.Title)
	for _, p := range d.Preface {
		add(p.Text)
	}
	var section func(s report.Section)
	section = func(s report.Section) {
		add(s.Heading)
		for _, p := range s.Paras {
			add(p.Text)
		}
		if s.Table != nil {
			grid(s.Table)
		}
		for _, p := range s.Notes {
			add(p.Text)
		}
		for _, sub := range s.Subsections {
			section(sub)
		}
	}
	for _, s := range d.Sections {
		section(s)
	}
	add(d.Organ)
	add(d.DateCN)
	for _, a := range d.Appendices {
		section(a)
	}
	if len(d.Charts) > 0 {
		add(appendixHeading)
		for i, c := range d.Charts {
			add(chartTitle(i, c.Title))
			grid(chartGrid(c))
			add(c.Summary)
		}
	}
	return out, labels
}

// inOrder fails unless every want appears in text after the previous one.
func inOrder(t *testing.T, what, text string, wants []string) {
	t.Helper()
	pos := 0
	for _, want := range wants {
		i := strings.Index(text[pos:], want)
		if i < 0 {
			at := text[pos:]
			if len(at) > 400 {
				at = at[:400]
			}
			t.Errorf("%s: %q not found after offset %d; text there: %q", what, want, pos, at)
			return
		}
		pos += i + len(want)
	}
}

// regionDoc merges the example region (data/shili-region) as `nianbao
// merge` does and builds its Doc.
func regionDoc(t *testing.T) *report.Doc {
	t.Helper()
	m, ps := datafile.LoadManifest("../../data/shili-region/2024.manifest")
	if m == nil {
		t.Fatalf("manifest: %v", ps)
	}
	res := merge.Merge(m, merge.MergeOptions{})
	if res.Region == nil {
		t.Fatalf("merge: %v", res.Problems)
	}
	return report.Build(res.Region, nil)
}

// TestLibreOffice opens every generated document with LibreOffice Writer
// (headless --convert-to pdf and txt): both editions, the merged region
// report and a report on a letterhead template. The PDF's text (pdftotext)
// and the plain-text export hold every text section in order and every
// table cell in row order; the letterhead's first-page header and its own
// paragraphs are there, around the body.
func TestLibreOffice(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("LibreOffice test skipped in -short mode")
	}
	docs := map[string]*report.Doc{}
	for _, fx := range fixtures {
		docs[fx.Name] = loadDoc(t, fx.Path)
	}
	docs["region2024"] = regionDoc(t)
	// Every year of the example office: where a table meets a page break
	// depends on the text before it (LibreOffice 7.4 once dropped every
	// row of 表三 after the first when its header rows were also kept
	// whole, w:cantSplit, and the table broke right after row 一).
	for _, y := range []string{"2019", "2021", "2022", "2023"} {
		docs["office"+y] = loadDoc(t, "../../data/shili-office/"+y+".yaml")
	}
	files := map[string][]byte{}
	for name, d := range docs {
		files[name] = writeDocx(t, d, Options{})
	}
	lh := docs["office2024"]
	files["letterhead"] = writeDocx(t, lh, Options{Template: makeZip(t, letterheadParts(false))})
	pdfs := convert(t, files, "pdf")
	txts := convert(t, files, "txt:Text (encoded):UTF8")
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			text := pageNumber.ReplaceAllString(squeeze(pdftotext(t, pdfs[name])), "")
			want, labels := expectedTexts(d, true)
			inOrder(t, "PDF", text, want)
			for _, l := range labels {
				if !strings.Contains(text, l) {
					t.Errorf("PDF lacks the table text %q", l)
				}
			}
			want, _ = expectedTexts(d, false)
			inOrder(t, "TXT", squeeze(string(txts[name])), want)
			if *outDir != "" {
				_ = os.WriteFile(filepath.Join(*outDir, name+".docx.pdf"), pdfs[name], 0o644)
			}
		})
	}
	t.Run("letterhead", func(t *testing.T) {
		text := pageNumber.ReplaceAllString(squeeze(pdftotext(t, pdfs["letterhead"])), "")
		first := strings.SplitN(pdftotext(t, pdfs["letterhead"]), "\f", 2)[0]
		if !strings.Contains(squeeze(first), redHeader) {
			t.Errorf("the red header is not on the first page: %q", first)
		}
		if strings.Count(text, redHeader) != 1 {
			t.Errorf("the first-page header appears %d times, want once", strings.Count(text, redHeader))
		}
		body, _ := expectedTexts(lh, true)
		want := append([]string{squeeze(beforeText)}, body...)
		inOrder(t, "letterhead PDF", text, append(want, squeeze(afterText)))
		if strings.Contains(text, "{{") {
			t.Error("the {{正文}} marker is still printed")
		}
	})
}
