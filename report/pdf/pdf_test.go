package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/report/internal/golden"
)

var outDir = flag.String("out", "", "also write the example PDFs into this directory (to look at them)")

// fixtures are the reports every test renders: both editions.
var fixtures = golden.Fixtures

func loadDoc(t testing.TB, path string) *report.Doc { return golden.LoadDoc(t, path) }

func writePDF(t testing.TB, d *report.Doc, opts Options) ([]byte, []report.Problem) {
	t.Helper()
	var b bytes.Buffer
	ps, err := Write(&b, d, opts)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes(), ps
}

// needTool skips (or, on CI, fails) a test when a poppler tool is missing.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found: install poppler-utils", name)
		}
		t.Skipf("%s not found (apt-get install -y poppler-utils)", name)
	}
	return p
}

func runTool(t *testing.T, data []byte, tool string, args ...string) string {
	t.Helper()
	needTool(t, tool)
	f := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, f)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

// squeeze drops all white space: pdftotext inserts spaces and line breaks
// where the layout has gaps, the input has none.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func TestWriteExamples(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.Name, func(t *testing.T) {
			d := loadDoc(t, fx.Path)
			if d.Edition != fx.Edition {
				t.Fatalf("edition %s, want %s", d.Edition, fx.Edition)
			}
			data, ps := writePDF(t, d, Options{})
			if len(ps) > 0 {
				t.Errorf("unexpected warnings: %v", ps)
			}
			if !bytes.HasPrefix(data, []byte("%PDF-")) {
				t.Fatalf("not a PDF")
			}
			if len(data) > 300<<10 {
				t.Errorf("PDF is %d KB, want ≤ 300 KB", len(data)>>10)
			}
			if *outDir != "" {
				if err := os.WriteFile(filepath.Join(*outDir, fx.Name+".pdf"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

var pageNumber = regexp.MustCompile(`—\d+—`)

// pdfText is the text of a PDF in content-stream order (pdftotext -raw),
// without white space and page numbers.
func pdfText(t *testing.T, data []byte) string {
	return pageNumber.ReplaceAllString(squeeze(runTool(t, data, "pdftotext", "-raw", "-enc", "UTF-8")), "")
}

// expected lists, in reading order, every text of the document: title,
// preface, headings, paragraphs, each table row (label followed by its
// numbers), notes, subsections, signature, appendices, chart titles and
// captions.
func expected(d *report.Doc) []string {
	var out []string
	add := func(s string) {
		if s = squeeze(s); s != "" {
			out = append(out, s)
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
		if g := s.Table; g != nil {
			for _, rows := range [][][]report.GridCell{g.Head, g.Body} {
				for _, row := range rows {
					var b strings.Builder
					for _, c := range row {
						b.WriteString(c.Text)
					}
					add(b.String())
				}
			}
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
	for _, c := range d.Charts {
		add(c.Title)
		add(c.Summary)
	}
	return out
}

// TestTextInOrder proves that no character is lost: every text of the
// report appears in the PDF's text, in order, and every table row's label
// is directly followed by its numbers.
func TestTextInOrder(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.Name, func(t *testing.T) {
			d := loadDoc(t, fx.Path)
			data, _ := writePDF(t, d, Options{})
			text := pdfText(t, data)
			pos := 0
			for _, want := range expected(d) {
				i := strings.Index(text[pos:], want)
				if i < 0 {
					at := text[pos:]
					if len(at) > 300 {
						at = at[:300]
					}
					t.Fatalf("not found after offset %d: %q\ntext there: %q", pos, want, at)
				}
				pos += i + len(want)
			}
		})
	}
}

func TestPageNumbersAndFonts(t *testing.T) {
	d := loadDoc(t, fixtures[0].Path)
	data, _ := writePDF(t, d, Options{})
	raw := runTool(t, data, "pdftotext", "-layout", "-enc", "UTF-8")
	pages := strings.Count(raw, "\f")
	for n := 1; n <= pages; n++ {
		if !strings.Contains(raw, fmt.Sprintf("— %d —", n)) && !strings.Contains(raw, fmt.Sprintf("—%d—", n)) {
			t.Errorf("page number — %d — missing", n)
		}
	}
	fonts := runTool(t, data, "pdffonts")
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) < 4 { // header, rule, at least two fonts
		t.Fatalf("pdffonts:\n%s", fonts)
	}
	for _, name := range []string{"nianbaoserifsc-regular", "nianbaoserifsc-bold"} {
		if !strings.Contains(fonts, name) {
			t.Errorf("pdffonts lacks %s:\n%s", name, fonts)
		}
	}
	if len(lines) != 4 {
		t.Errorf("want exactly two fonts (body; title and headings):\n%s", fonts)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	info := runTool(t, data, "pdfinfo", "-isodates")
	for _, want := range []string{"Title:           " + d.Title, "Author:          " + d.Organ, "Subject:         " + d.Subject,
		"Keywords:        " + d.Keywords, "Page size:       595.28 x 841.89 pts (A4)",
		"CreationDate:    " + d.MetaDate + "T00:00:00Z", "ModDate:         " + d.MetaDate + "T00:00:00Z"} {
		if !strings.Contains(info, want+"\n") {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, fx := range fixtures {
		d := loadDoc(t, fx.Path)
		a, _ := writePDF(t, d, Options{})
		b, _ := writePDF(t, loadDoc(t, fx.Path), Options{})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two builds differ", fx.Name)
		}
	}
	a, _ := writePDF(t, withAppendix(t, 30, true), Options{})
	b, _ := writePDF(t, withAppendix(t, 30, true), Options{})
	if !bytes.Equal(a, b) {
		t.Errorf("appendix: two builds differ")
	}
}

// TestNoCharts: without chart data (--charts none) there is no 附：图解.
func TestNoCharts(t *testing.T) {
	d := loadDoc(t, fixtures[0].Path)
	d.Charts = nil
	data, _ := writePDF(t, d, Options{})
	text := pdfText(t, data)
	if strings.Contains(text, appendixHeading) || strings.Contains(text, "图1") {
		t.Error("charts appendix printed without charts")
	}
	if !strings.Contains(text, squeeze(d.DateCN)) {
		t.Error("signature missing")
	}
}

// TestDocUnchanged: Write must not modify the Doc (other renderers use it).
func TestDocUnchanged(t *testing.T) {
	d := loadDoc(t, fixtures[0].Path)
	d.Sections[0].Paras[0].Text += "😀"
	before := fmt.Sprintf("%#v", *d)
	writePDF(t, d, Options{})
	if after := fmt.Sprintf("%#v", *d); after != before {
		t.Error("Write changed the Doc")
	}
}

// TestEditions: each edition prints its own tables.
func TestEditions(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.Name, func(t *testing.T) {
			d := loadDoc(t, fx.Path)
			data, _ := writePDF(t, d, Options{})
			text := pdfText(t, data)
			has := func(s string) bool { return strings.Contains(text, s) }
			if fx.Edition == report.Ed2019 {
				for _, s := range []string{"本年新制作数量", "第二十条第（九）项", "采购总金额", "（六）其他处理"} {
					if !has(s) {
						t.Errorf("2019 edition lacks %s", s)
					}
				}
				for _, s := range []string{"本年制发件数", "2.申请人逾期未按收费通知要求缴纳费用"} {
					if has(s) {
						t.Errorf("2019 edition prints 2021 label %s", s)
					}
				}
			} else {
				for _, s := range []string{"本年制发件数", "本年收费金额（单位：万元）", "3.其他"} {
					if !has(s) {
						t.Errorf("2021 edition lacks %s", s)
					}
				}
				for _, s := range []string{"本年新制作数量", "第二十条第（九）项"} {
					if has(s) {
						t.Errorf("2021 edition prints 2019 label %s", s)
					}
				}
			}
		})
	}
}

// TestNoChartsOption: Options.NoCharts prints what a Doc without charts prints
// and leaves the Doc as it was.
func TestNoChartsOption(t *testing.T) {
	d := loadDoc(t, fixtures[0].Path)
	n := len(d.Charts)
	if n == 0 {
		t.Fatal("fixture has no charts")
	}
	a, _ := writePDF(t, d, Options{NoCharts: true})
	if len(d.Charts) != n {
		t.Fatalf("Write changed the Doc: %d charts, was %d", len(d.Charts), n)
	}
	c := *d
	c.Charts = nil
	if b, _ := writePDF(t, &c, Options{}); !bytes.Equal(a, b) {
		t.Error("NoCharts differs from a Doc without charts")
	}
	if b, _ := writePDF(t, d, Options{}); bytes.Equal(a, b) {
		t.Error("NoCharts changed nothing")
	}
}
