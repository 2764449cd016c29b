package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/report/datafile"
)

// built lays d out without writing the PDF.
func built(t *testing.T, d *report.Doc, opts Options) *writer {
	t.Helper()
	w, _, _, err := build(d, opts)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return w
}

// savePDF writes the PDF into -out (to look at it) when given.
func savePDF(t *testing.T, name string, data []byte) {
	if *outDir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(*outDir, name+".pdf"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// grids returns every table of d: sections, subsections, appendices.
func grids(d *report.Doc) []*report.Grid {
	var out []*report.Grid
	var walk func(s report.Section)
	walk = func(s report.Section) {
		if s.Table != nil {
			out = append(out, s.Table)
		}
		for _, sub := range s.Subsections {
			walk(sub)
		}
	}
	for _, s := range d.Sections {
		walk(s)
	}
	for _, a := range d.Appendices {
		walk(a)
	}
	return out
}

// TestNumbersNeverBreak: a count up to 9,999,999 in every numeric column
// of every table of both editions stays on one line of its cell (35420
// printed as 354 / 20 in 表三 was the defect).
func TestNumbersNeverBreak(t *testing.T) {
	for _, fx := range fixtures {
		for _, n := range []string{"35420", "9999999"} {
			t.Run(fx.Name+"/"+n, func(t *testing.T) {
				d := loadDoc(t, fx.Path)
				cells := 0
				for _, g := range grids(d) {
					for _, row := range g.Body {
						for i := range row {
							if row[i].Kind == report.CellNumber {
								row[i].Text = n
								cells++
							}
						}
					}
				}
				if cells == 0 {
					t.Fatal("no number cells")
				}
				w, p, _, err := build(d, Options{})
				if err != nil {
					t.Fatal(err)
				}
				for _, g := range grids(d) {
					tl := w.layoutTable(g)
					for _, c := range tl.body {
						if c.gc.Kind == report.CellNumber && len(c.lines) != 1 {
							t.Errorf("%s: %s in row %d col %d broken over %d lines", g.ID, c.gc.Text, c.row, c.col, len(c.lines))
						}
					}
					if g.ID == "table3" && n == "35420" && tl.pt != tablePt {
						t.Errorf("%s: 35420 needs no smaller type (%.2f pt)", g.ID, tl.pt)
					}
				}
				if n == "9999999" {
					var b strings.Builder
					if err := p.Output(&b); err != nil {
						t.Fatal(err)
					}
					savePDF(t, "numbers-"+fx.Name, []byte(b.String()))
					// Every number is one word of the PDF's text.
					got := 0
					for _, f := range strings.Fields(runTool(t, []byte(b.String()), "pdftotext", "-raw", "-enc", "UTF-8")) {
						if f == n {
							got++
						}
					}
					if got != cells {
						t.Errorf("pdftotext shows %d whole numbers %s, want %d", got, n, cells)
					}
				}
			})
		}
	}
}

// TestTitleBreaks: a title breaks only between the organ's name and
// N年政府信息公开工作年度报告, or inside the name at a natural point.
func TestTitleBreaks(t *testing.T) {
	const rest = "2023年政府信息公开工作年度报告"
	cases := []struct {
		organ string
		want  []string // nil: only the properties are checked
	}{
		{"示例市人民政府办公室", []string{"示例市人民政府办公室", rest}},
		{"平潭综合实验区管委会（汇总全区各有关单位）", []string{"平潭综合实验区管委会", "（汇总全区各有关单位）", rest}},
		{"示例市", []string{"示例市" + rest}},
		{"中国共产党示例市委员会机构编制委员会办公室（示例市人民政府机构编制委员会办公室）", nil},
		{"示例省示例市示例县示例镇示例村民委员会示例组示例示例示例示例", nil},
		{strings.Repeat("长", 60), nil},
	}
	d := loadDoc(t, fixtures[0].Path)
	w := built(t, d, Options{})
	w.setFont(w.title, w.titlePt)
	for _, c := range cases {
		t.Run(c.organ, func(t *testing.T) {
			lines := w.titleLines(c.organ+rest, c.organ)
			if c.want != nil && strings.Join(lines, "|") != strings.Join(c.want, "|") {
				t.Errorf("lines %q, want %q", lines, c.want)
			}
			if strings.Join(lines, "") != c.organ+rest {
				t.Errorf("lines %q lose text", lines)
			}
			at := 0
			split := len(lines) == 1
			for i, l := range lines {
				if w.measure(l) > textW+eps {
					t.Errorf("line %q is %.1f mm wide, more than %.0f", l, w.measure(l), textW)
				}
				at += len(l)
				if at == len(c.organ) {
					split = true
				}
				if at > len(c.organ) && i < len(lines)-1 && w.measure(rest) <= textW {
					t.Errorf("break inside %q: %q", rest, lines)
				}
			}
			if !split {
				t.Errorf("no line ends with the organ's name: %q", lines)
			}
		})
	}
}

// TestSignatureLongOrgan: the 落款 of a long organ name is wrapped at
// natural points and stays inside the type area.
func TestSignatureLongOrgan(t *testing.T) {
	cases := []struct {
		organ string
		want  []string
	}{
		{"示例市人民政府办公室", []string{"示例市人民政府办公室"}},
		{"平潭综合实验区管委会（汇总全区各有关单位）", []string{"平潭综合实验区管委会（汇总全区各有关单位）"}},
		// 34 characters: ran off the page.
		{"中国共产党示例市委员会机构编制委员会办公室（示例市委编办）", nil},
		{"示例市示例区人民政府办公室（示例区人民政府外事办公室、示例区政务服务管理局）", nil},
		{strings.Repeat("长", 40), nil},
	}
	for i, c := range cases {
		t.Run(c.organ, func(t *testing.T) {
			d := loadDoc(t, fixtures[0].Path)
			d.Organ, d.Title = c.organ, c.organ+"2024年政府信息公开工作年度报告"
			w, p, _, err := build(d, Options{})
			if err != nil {
				t.Fatal(err)
			}
			w.setFont(w.body, w.bodyPt)
			lines := w.organLines(c.organ)
			if c.want != nil && strings.Join(lines, "|") != strings.Join(c.want, "|") {
				t.Errorf("lines %q, want %q", lines, c.want)
			}
			if strings.Join(lines, "") != c.organ {
				t.Errorf("lines %q lose text", lines)
			}
			for _, l := range lines {
				if wd := w.measure(l); wd > textW-2*w.bodyPt*ptMM+eps {
					t.Errorf("line %q is %.1f mm wide: off the type area", l, wd)
				}
			}
			{
				var b strings.Builder
				if err := p.Output(&b); err != nil {
					t.Fatal(err)
				}
				savePDF(t, fmt.Sprintf("organ-%d", i), []byte(b.String()))
				text := pdfText(t, []byte(b.String()))
				if !strings.Contains(text, strings.Join(lines, "")+squeeze(d.DateCN)) {
					t.Errorf("落款 not printed whole")
				}
			}
		})
	}
}

// TestSignatureNeverAlone: the 落款 never stands alone on its page: at
// least two lines of text go with it. The demo data and a report whose
// last paragraph grows a character at a time (so that the page fills at
// every possible point) are laid out.
func TestSignatureNeverAlone(t *testing.T) {
	check := func(t *testing.T, name string, d *report.Doc) {
		t.Helper()
		w := built(t, d, Options{})
		if w.sigWith < 2 {
			t.Errorf("%s: 落款 on page %d with %d lines of text", name, w.sigPage, w.sigWith)
		}
	}
	for _, y := range []string{"2019", "2020", "2021", "2022", "2023", "2024"} {
		p := "../../data/shili-office/" + y + ".yaml"
		check(t, p, loadDoc(t, p))
	}
	d := loadDoc(t, "../testdata/valid2021.yaml")
	base := d.Sections[5].Paras
	seen := map[int]bool{}
	for n := 0; n < 700; n += 7 {
		paras := append([]report.Para(nil), base...)
		paras = append(paras, report.Para{Text: strings.Repeat("政务公开", n/4) + "。"})
		d.Sections[5].Paras = paras
		w := built(t, d, Options{})
		seen[w.sigWith] = true
		if w.sigWith < 2 {
			t.Errorf("%d characters more: 落款 on page %d with %d lines of text", n, w.sigPage, w.sigWith)
		}
	}
	if !seen[2] {
		t.Error("no case needed the 落款 moved with two lines: the test did not reach the foot of a page")
	}
}

// TestSignatureAloneDemoPDF renders one of the demo reports whose 落款 stood
// alone on its last page and checks the text on that page.
func TestSignatureAloneDemoPDF(t *testing.T) {
	d := loadDoc(t, "../../data/shili-office/2019.yaml")
	data, _ := writePDF(t, d, Options{})
	savePDF(t, "signature-2019", data)
	pages := strings.Split(runTool(t, data, "pdftotext", "-layout", "-enc", "UTF-8"), "\f")
	for _, pg := range pages {
		if !strings.Contains(pg, d.DateCN) {
			continue
		}
		var text []string
		for _, l := range strings.Split(pg, "\n") {
			l = strings.TrimSpace(l)
			if l != "" && l != d.Organ && l != d.DateCN && !pageNumber.MatchString(squeeze(l)) {
				text = append(text, l)
			}
		}
		if len(text) < 2 {
			t.Errorf("page with the 落款 has %d lines of text: %q", len(text), text)
		}
		return
	}
	t.Error("落款 date not found")
}

// TestAllZeroNoCharts: an all-zero report gets no chart appendix.
func TestAllZeroNoCharts(t *testing.T) {
	r, ps := datafile.LoadFile("../testdata/valid2021.yaml")
	if r == nil || ps.HasErrors() {
		t.Fatal(ps)
	}
	r.Requests = make([]report.AppRow, len(r.Requests))
	r.Appeals = [3]report.AppealRow{}
	d := report.Build(r, nil)
	data, _ := writePDF(t, d, Options{})
	savePDF(t, "all-zero", data)
	if text := pdfText(t, data); strings.Contains(text, appendixHeading) || strings.Contains(text, "图1") {
		t.Error("all-zero report has charts")
	}
}
