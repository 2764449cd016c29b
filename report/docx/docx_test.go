package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/report/internal/golden"
)

var outDir = flag.String("out", "", "also write the example documents into this directory (to look at them)")

// fixtures are the reports every test renders: both editions.
var fixtures = golden.Fixtures

func loadDoc(t testing.TB, path string) *report.Doc { return golden.LoadDoc(t, path) }

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
		t.Run(fx.Name, func(t *testing.T) {
			data := writeDocx(t, loadDoc(t, fx.Path), Options{})
			if *outDir != "" {
				if err := os.WriteFile(filepath.Join(*outDir, fx.Name+".docx"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// unzip returns the parts of a .docx.
func unzip(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out
}

// wellFormed fails the test unless data is well-formed XML.
func wellFormed(t testing.TB, name string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", name, err)
		}
	}
}

// TestPackage checks the structure of every fixture's document: parts
// well-formed, content types and relationships for every part, page
// setup, styles, headings, indents, tables (each row's spans add up to
// the grid, header rows marked, rows unsplittable), charts and footer.
func TestPackage(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.Name, func(t *testing.T) {
			d := loadDoc(t, fx.Path)
			parts := unzip(t, writeDocx(t, d, Options{}))
			for name, data := range parts {
				if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
					wellFormed(t, name, data)
				}
			}
			ct := string(parts["[Content_Types].xml"])
			for name := range parts {
				if strings.HasSuffix(name, ".xml") && !strings.HasPrefix(name, "[") && !strings.Contains(ct, `PartName="/`+name+`"`) {
					t.Errorf("no content type for %s", name)
				}
			}
			doc := string(parts["word/document.xml"])
			for _, want := range []string{
				`<w:pgSz w:w="11906" w:h="16838"/>`,
				`<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"`,
				`<w:footerReference w:type="default" r:id="rIdNb`,
				`<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">` + d.Title,
				`<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">一、总体情况`,
				`<w:ind w:firstLineChars="200" w:firstLine="640"/>`,
				`<w:tblHeader/>`, `<w:cantSplit/>`, `<w:vMerge w:val="restart"/>`, `<w:gridSpan w:val="7"/>`,
			} {
				if !strings.Contains(doc, want) {
					t.Errorf("document.xml lacks %s", want)
				}
			}
			if n := strings.Count(doc, "<c:chart "); n != len(d.Charts) {
				t.Errorf("%d charts, want %d", n, len(d.Charts))
			}
			styles := string(parts["word/styles.xml"])
			for _, want := range []string{`w:eastAsia="方正小标宋简体"`, `w:eastAsia="仿宋_GB2312"`, `w:eastAsia="黑体"`, `w:eastAsia="楷体_GB2312"`,
				`<w:name w:val="heading 1"/>`, `<w:outlineLvl w:val="0"/>`, `<w:sz w:val="44"/>`, `<w:sz w:val="32"/>`} {
				if !strings.Contains(styles, want) {
					t.Errorf("styles.xml lacks %s", want)
				}
			}
			footer := string(parts["word/footer-nianbao1.xml"])
			if !strings.Contains(footer, "— </w:t>") || !strings.Contains(footer, " PAGE ") || !strings.Contains(footer, " —</w:t>") {
				t.Errorf("footer is not — PAGE —: %s", footer)
			}
			core := string(parts["docProps/core.xml"])
			if !strings.Contains(core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"+d.MetaDate+"T00:00:00Z") {
				t.Errorf("core.xml dates are not the report's: %s", core)
			}
			checkTableRows(t, doc)
		})
	}
}

var (
	rowRE   = regexp.MustCompile(`(?s)<w:tr>.*?</w:tr>`)
	tblRE   = regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`)
	gridRE  = regexp.MustCompile(`<w:gridCol w:w="(\d+)"/>`)
	spanRE  = regexp.MustCompile(`<w:tc><w:tcPr><w:tcW w:w="\d+" w:type="dxa"/>(?:<w:gridSpan w:val="(\d+)"/>)?`)
	widthRE = regexp.MustCompile(`<w:tblW w:w="(\d+)"`)
)

// checkTableRows checks that every row of every table covers the whole
// grid and every table fits the text block.
func checkTableRows(t *testing.T, doc string) {
	t.Helper()
	for i, tbl := range tblRE.FindAllString(doc, -1) {
		cols, total := 0, 0
		for _, m := range gridRE.FindAllStringSubmatch(tbl, -1) {
			cols++
			n, _ := strconv.Atoi(m[1])
			total += n
		}
		if total != textWTw {
			t.Errorf("table %d: columns add up to %d twips, want %d", i, total, textWTw)
		}
		if w := widthRE.FindStringSubmatch(tbl); w == nil || w[1] != strconv.Itoa(textWTw) {
			t.Errorf("table %d: width %v", i, w)
		}
		for j, row := range rowRE.FindAllString(tbl, -1) {
			n := 0
			for _, m := range spanRE.FindAllStringSubmatch(row, -1) {
				s := 1
				if m[1] != "" {
					s, _ = strconv.Atoi(m[1])
				}
				n += s
			}
			if n != cols {
				t.Errorf("table %d row %d covers %d of %d columns", i, j, n, cols)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, fx := range fixtures {
		a := writeDocx(t, loadDoc(t, fx.Path), Options{})
		b := writeDocx(t, loadDoc(t, fx.Path), Options{})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two builds differ", fx.Name)
		}
		zr, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
		if zr.File[0].Name != "[Content_Types].xml" {
			t.Errorf("%s: first part is %s", fx.Name, zr.File[0].Name)
		}
		for i, f := range zr.File {
			if i > 1 && f.Name < zr.File[i-1].Name {
				t.Errorf("%s: parts not sorted: %s after %s", fx.Name, f.Name, zr.File[i-1].Name)
			}
			if got := f.Modified.UTC().Format("2006-01-02 15:04"); got != loadDoc(t, fx.Path).MetaDate+" 00:00" {
				t.Errorf("%s: %s modified %s", fx.Name, f.Name, got)
			}
		}
	}
}

func TestNoCharts(t *testing.T) {
	parts := unzip(t, writeDocx(t, loadDoc(t, fixtures[0].Path), Options{NoCharts: true}))
	for name := range parts {
		if strings.Contains(name, "chart") {
			t.Errorf("--charts none still writes %s", name)
		}
	}
	if strings.Contains(string(parts["word/document.xml"]), appendixHeading) {
		t.Errorf("--charts none still has %s", appendixHeading)
	}
}

func TestIsMarker(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"{{正文}}", true}, {" {{ 正文 }} ", true}, {"｛｛正文｝｝", true}, {"{{正文}}。", false}, {"正文", false}, {"", false},
	} {
		if got := isMarker(tc.text); got != tc.want {
			t.Errorf("isMarker(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestColumnWidths(t *testing.T) {
	for _, tc := range []struct {
		rel  []int
		n    int
		want []int
	}{
		{[]int{1, 1}, 2, []int{textWTw / 2, textWTw - textWTw/2}},
		{[]int{28, 24, 24, 24}, 4, []int{textWTw * 28 / 100, textWTw * 24 / 100, textWTw * 24 / 100, textWTw - textWTw*28/100 - 2*(textWTw*24/100)}},
		{[]int{40}, 3, []int{textWTw / 3, textWTw / 3, textWTw - 2*(textWTw/3)}},
		{[]int{0, 5}, 2, []int{textWTw / 2, textWTw - textWTw/2}},
		{nil, 1, []int{textWTw}},
	} {
		if got := columnWidths(tc.rel, tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("columnWidths(%v, %d) = %v, want %v", tc.rel, tc.n, got, tc.want)
		}
	}
}

func TestResolve(t *testing.T) {
	for _, tc := range []struct{ source, target, want string }{
		{"_rels/.rels", "word/document.xml", "word/document.xml"},
		{"_rels/.rels", "/word/document.xml", "word/document.xml"},
		{"word/_rels/document.xml.rels", "styles.xml", "word/styles.xml"},
		{"word/_rels/document.xml.rels", "../customXml/item1.xml", "customXml/item1.xml"},
		{"word/_rels/document.xml.rels", "../../../etc/passwd", "etc/passwd"},
	} {
		if got := resolve(tc.source, tc.target); got != tc.want {
			t.Errorf("resolve(%q, %q) = %q, want %q", tc.source, tc.target, got, tc.want)
		}
	}
}

// TestFonts: the fonts layout.yaml names per role replace the GB/T 9704
// choice in the styles the document adds; roles without a name keep it.
func TestFonts(t *testing.T) {
	styleOf := func(xml, id string) string {
		i := strings.Index(xml, `w:styleId="`+id+`"`)
		if i < 0 {
			t.Fatalf("no style %s", id)
		}
		j := strings.Index(xml[i:], "</w:style>")
		return xml[i : i+j]
	}
	for _, tc := range []struct {
		name  string
		fonts [5]string
		want  map[string]string // style ID → East Asian font
	}{
		{"default", [5]string{}, map[string]string{"Title": fontTitle, "Heading1": fontHeading, "Heading2": fontSub, "BodyText": fontBody, "NianbaoTableText": fontBody}},
		{"layout.yaml", [5]string{"AR PL SungtiL GB", "AR PL KaitiM GB", "WenQuanYi Zen Hei", "", "仿宋"},
			map[string]string{"Title": "AR PL SungtiL GB", "BodyText": "AR PL KaitiM GB", "Heading1": "WenQuanYi Zen Hei", "Heading2": fontSub, "NianbaoTableText": "仿宋", "NianbaoChart": "AR PL KaitiM GB"}},
		{"escaped", [5]string{"A&B \"字\""}, map[string]string{"Title": "A&amp;B &quot;字&quot;"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			styles := string(unzip(t, writeDocx(t, loadDoc(t, fixtures[0].Path), Options{Fonts: tc.fonts}))["word/styles.xml"])
			for id, font := range tc.want {
				if s := styleOf(styles, id); !strings.Contains(s, `w:eastAsia="`+font+`"`) {
					t.Errorf("style %s: want East Asian font %q in %s", id, font, s)
				}
			}
		})
	}
}
