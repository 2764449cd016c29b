package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"nianbao/report/datafile"
	"nianbao/report/publish"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"

	"nianbao/report"
	"nianbao/report/pdf"
	"nianbao/report/xlsx"
)

// writeSiteData writes organs × years data files under dir: the example
// series of data/shili-office (years from..to), each copy under its own
// organ name and folder organ-N.
func writeSiteData(t testing.TB, dir string, organs, from, to int) {
	t.Helper()
	for y := from; y <= to; y++ {
		src := filepath.Join("..", "..", "data", "shili-office", fmt.Sprintf("%d.yaml", y))
		r, ps := datafile.LoadFile(src)
		if r == nil || ps.HasErrors() {
			t.Fatalf("%s: %v", src, ps)
		}
		orig := r.Organ
		for o := 1; o <= organs; o++ {
			c := *r
			c.Organ = fmt.Sprintf("示例市第%d局", o)
			for i := range c.Text {
				c.Text[i].Body = strings.ReplaceAll(c.Text[i].Body, orig, c.Organ)
			}
			out := filepath.Join(dir, fmt.Sprintf("organ-%02d", o), fmt.Sprintf("%d.yaml", y))
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(out, datafile.Marshal(&c), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// build loads and checks the data files under dir and builds the site of
// those without errors into out.
func build(t testing.TB, dir, out string, downloads ...Download) Result {
	t.Helper()
	files, err := datafile.FindDataFiles([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	loaded := datafile.LoadFiles(files)
	siblings := datafile.Siblings(files)
	for i, ps := range Check(loaded, siblings, 2) {
		if ps.HasErrors() {
			t.Fatalf("%s: %v", loaded[i].Path, ps)
		}
	}
	res := Build(loaded, append(loaded, siblings...), Options{Dir: out, Downloads: downloads, Jobs: 2})
	if len(res.Errors) > 0 {
		t.Fatalf("site errors: %v", res.Errors)
	}
	return res
}

// fake is a download rendered by the caller.
var fake = Download{Label: "测试 文件", MIME: "text/plain", Ext: "txt",
	Render: func(_ *report.Doc, r *report.Report, history []*report.Report) ([]byte, error) {
		return fmt.Appendf(nil, "%s %d %d", r.Organ, r.Year, len(history)), nil
	}}

// The site: every page and download exists, links are relative and
// resolve inside the folder, the home page lists years newest first, and a
// rebuild of unchanged data changes no file (same mtimes, no new files).
func TestSite(t *testing.T) {
	data, out := t.TempDir(), t.TempDir()
	writeSiteData(t, data, 2, 2019, 2022)
	res := build(t, data, out, fake)
	if res.Organs != 2 || res.Reports != 8 || res.Unchanged != 0 {
		t.Errorf("result %+v, want 2 organs, 8 reports, every file written", res)
	}
	exts := []string{"html", "json", "csv", "txt"}
	for _, organ := range []string{"organ-01", "organ-02"} {
		for y := 2019; y <= 2022; y++ {
			for _, ext := range exts {
				if _, err := os.Stat(filepath.Join(out, organ, fmt.Sprintf("%d.%s", y, ext))); err != nil {
					t.Errorf("missing %s/%d.%s", organ, y, ext)
				}
			}
		}
		if _, err := os.Stat(filepath.Join(out, organ, "index.html")); err != nil {
			t.Errorf("missing trend page %s/index.html", organ)
		}
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	i22, i19 := bytes.Index(home, []byte("organ-01/2022.html")), bytes.Index(home, []byte("organ-01/2019.html"))
	if i22 < 0 || i19 < 0 || i22 > i19 {
		t.Errorf("home page must list 2022 before 2019 (positions %d, %d)", i22, i19)
	}
	checkLinks(t, out)

	before := mtimes(t, out)
	time.Sleep(20 * time.Millisecond)
	again := build(t, data, out, fake)
	if again.Changed != 0 || again.Unchanged != res.Changed {
		t.Errorf("rebuild of unchanged data: %+v after %+v", again, res)
	}
	after := mtimes(t, out)
	if len(after) != len(before) {
		t.Errorf("rebuild changed the file set: %d files before, %d after", len(before), len(after))
	}
	for p, m := range before {
		if !after[p].Equal(m) {
			t.Errorf("rebuild touched %s", p)
		}
	}
}

func mtimes(t *testing.T, root string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out[p] = info.ModTime()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// checkLinks parses every page of the site: every href and src is a
// relative URL whose file exists in the site folder.
func checkLinks(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		z := xhtml.NewTokenizer(bytes.NewReader(data))
		for {
			tt := z.Next()
			if tt == xhtml.ErrorToken {
				break
			}
			if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
				continue
			}
			for _, a := range z.Token().Attr {
				if a.Key != "href" && a.Key != "src" {
					continue
				}
				u := a.Val
				if strings.HasPrefix(u, "#") {
					continue
				}
				if schemeRE.MatchString(u) || strings.HasPrefix(u, "/") {
					t.Errorf("%s: %s=%q is not a relative link", p, a.Key, u)
					continue
				}
				target := filepath.Join(filepath.Dir(p), filepath.FromSlash(strings.SplitN(u, "#", 2)[0]))
				if rel, err := filepath.Rel(root, target); err != nil || strings.HasPrefix(rel, "..") {
					t.Errorf("%s: %s=%q leaves the site folder", p, a.Key, u)
				} else if _, err := os.Stat(target); err != nil {
					t.Errorf("%s: %s=%q: no such file", p, a.Key, u)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Organ names and texts with markup are escaped on every site page.
func TestSiteEscaping(t *testing.T) {
	data, out := t.TempDir(), t.TempDir()
	r, ps := datafile.LoadFile(filepath.Join("..", "..", "data", "shili-office", "2024.yaml"))
	if r == nil || ps.HasErrors() {
		t.Fatal(ps)
	}
	const evil = `<script>alert(1)</script>"'{{.}}&amp;`
	r.Organ = "机关" + evil
	for i := range r.Text {
		r.Text[i].Body = strings.ReplaceAll(r.Text[i].Body, "示例市人民政府办公室", r.Organ)
	}
	if err := os.MkdirAll(filepath.Join(data, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "x", "2024.yaml"), datafile.Marshal(r), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, data, out)
	for _, page := range []string{"index.html", "x/index.html", "x/2024.html"} {
		b, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("<script>alert")) {
			t.Errorf("%s: organ name not escaped", page)
		}
		if !bytes.Contains(b, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
			t.Errorf("%s: organ name missing", page)
		}
	}
	js, err := os.ReadFile(filepath.Join(out, "x", "2024.json"))
	if err != nil || bytes.Contains(js, []byte("<script>")) || !bytes.Contains(js, []byte(`机关\u003cscript\u003e`)) {
		t.Errorf("JSON must hold the organ name with < and > escaped (err %v)", err)
	}
	csv, err := os.ReadFile(filepath.Join(out, "x", "2024.csv"))
	if err != nil || !bytes.Contains(csv, []byte("机关<script>")) {
		t.Errorf("CSV must hold the organ name as data (err %v)", err)
	}
}

// BenchmarkSite builds a site of 10 organs × 5 years (2020–2024, across the
// edition change) from synthetic data files, with the PDF and Excel
// downloads as nianbao site offers them and without. Targets: ≤ 10 s with
// PDFs, ≤ 3 s without.
func BenchmarkSite(b *testing.B) {
	data := b.TempDir()
	writeSiteData(b, data, 10, 2020, 2024)
	pdfDownload := Download{Label: "PDF 版", MIME: "application/pdf", Ext: "pdf",
		Render: func(doc *report.Doc, _ *report.Report, _ []*report.Report) ([]byte, error) {
			var buf bytes.Buffer
			_, err := pdf.Write(&buf, doc, pdf.Options{})
			return buf.Bytes(), err
		}}
	xlsxDownload := Download{Label: "Excel 统计表", MIME: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Ext: "xlsx",
		Render: func(doc *report.Doc, r *report.Report, _ []*report.Report) ([]byte, error) {
			var buf bytes.Buffer
			err := xlsx.Write(&buf, doc, xlsx.Options{Report: r})
			return buf.Bytes(), err
		}}
	for _, tc := range []struct {
		name      string
		downloads []Download
	}{{"with-pdf", []Download{pdfDownload, xlsxDownload}}, {"no-pdf", []Download{xlsxDownload}}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				out, err := os.MkdirTemp(b.TempDir(), "site")
				if err != nil {
					b.Fatal(err)
				}
				build(b, data, out, tc.downloads...)
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/site")
		})
	}
}

// A download that fails is reported with its data file; the report page
// and the home page are still written, without a link to it.
func TestSiteDownloadError(t *testing.T) {
	data, out := t.TempDir(), t.TempDir()
	writeSiteData(t, data, 1, 2024, 2024)
	files, err := datafile.FindDataFiles([]string{data})
	if err != nil {
		t.Fatal(err)
	}
	loaded := datafile.LoadFiles(files)
	broken := Download{Label: "坏 文件", MIME: "text/plain", Ext: "bad",
		Render: func(*report.Doc, *report.Report, []*report.Report) ([]byte, error) { return nil, errors.New("坏了") }}
	res := Build(loaded, loaded, Options{Dir: out, Downloads: []Download{broken}, Jobs: 1})
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "2024.yaml: 生成 BAD 失败：坏了") {
		t.Fatalf("errors %v", res.Errors)
	}
	page, err := os.ReadFile(filepath.Join(out, "organ-01", "2024.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte(`href="2024.bad"`)) || !bytes.Contains(page, []byte(`href="2024.json"`)) {
		t.Error("the page must link the JSON download and not the failed one")
	}
	checkLinks(t, out) // the home page too
}

// A file of the site that would replace an input is not written.
func TestSiteInputs(t *testing.T) {
	data, out := t.TempDir(), t.TempDir()
	writeSiteData(t, data, 1, 2024, 2024)
	files, err := datafile.FindDataFiles([]string{data})
	if err != nil {
		t.Fatal(err)
	}
	loaded := datafile.LoadFiles(files)
	css := filepath.Join(out, "assets", "nianbao.css")
	if err := os.MkdirAll(filepath.Dir(css), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, []byte("/* the office's own */"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := Build(loaded, loaded, Options{Dir: out, Jobs: 1, Inputs: publish.NewInputs([]string{css})})
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Error(), "就是输入文件") {
		t.Fatalf("errors %v", res.Errors)
	}
	if got, _ := os.ReadFile(css); string(got) != "/* the office's own */" {
		t.Error("an input was replaced")
	}
}
