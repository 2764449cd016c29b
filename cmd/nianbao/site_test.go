package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"nianbao/report/datafile"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"
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

func runMain(args ...string) (int, string) {
	var stderr bytes.Buffer
	code := Main(args, io.Discard, &stderr)
	return code, stderr.String()
}

func formatRegistered(name string) bool {
	for _, f := range outputFormats {
		if f.name == name {
			return true
		}
	}
	return false
}

// The site: every page and download exists, links are relative and
// resolve inside the folder, the home page lists years newest first, and a
// rebuild of unchanged data changes no file (same mtimes, no new files).
func TestSite(t *testing.T) {
	data, out := t.TempDir(), t.TempDir()
	writeSiteData(t, data, 2, 2019, 2022)
	code, stderr := runMain("site", data, "-o", out)
	if code != 0 {
		t.Fatalf("site exit %d:\n%s", code, stderr)
	}
	exts := []string{"html", "json", "csv"}
	for _, f := range []string{"pdf", "xlsx"} {
		if formatRegistered(f) {
			exts = append(exts, f)
		}
	}
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
	code, stderr = runMain("site", data, "-o", out)
	if code != 0 {
		t.Fatalf("second site exit %d:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "写入 0 个文件") {
		t.Errorf("rebuild of unchanged data wrote files:\n%s", stderr)
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
	if code, stderr := runMain("site", data, "-o", out, "--no-pdf"); code != 0 {
		t.Fatalf("site exit %d:\n%s", code, stderr)
	}
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
// edition change) from synthetic data files. Targets: ≤ 10 s with PDFs,
// ≤ 3 s without.
func BenchmarkSite(b *testing.B) {
	data := b.TempDir()
	writeSiteData(b, data, 10, 2020, 2024)
	for _, tc := range []struct {
		name string
		args []string
	}{{"with-pdf", nil}, {"no-pdf", []string{"--no-pdf"}}} {
		b.Run(tc.name, func(b *testing.B) {
			if tc.name == "with-pdf" && !formatRegistered("pdf") {
				b.Skip("no pdf format registered")
			}
			for b.Loop() {
				out, err := os.MkdirTemp(b.TempDir(), "site")
				if err != nil {
					b.Fatal(err)
				}
				if code, stderr := runMain(append([]string{"site", data, "-o", out}, tc.args...)...); code != 0 {
					b.Fatalf("site exit %d:\n%s", code, stderr)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/site")
		})
	}
}

// The progress bar is drawn only on a terminal: a buffer or a pipe gets
// nothing.
func TestProgressOnlyOnTerminal(t *testing.T) {
	var buf bytes.Buffer
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, out := range []io.Writer{&buf, w} {
		p := newProgress(out, 3)
		for range 3 {
			p.add()
		}
		p.done()
		if p.on {
			t.Errorf("%T: progress bar on, want off", out)
		}
	}
	w.Close()
	piped, _ := io.ReadAll(r)
	if buf.Len() != 0 || len(piped) != 0 {
		t.Errorf("progress wrote %q and %q", buf.String(), piped)
	}
}
