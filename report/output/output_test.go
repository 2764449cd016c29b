package output

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// office copies the example organ's data files into a temporary folder
// and returns the folder and the files.
func office(t *testing.T) (string, []string) {
	t.Helper()
	src := filepath.Join("..", "..", "data", "shili-office")
	dir := filepath.Join(t.TempDir(), "shili-office")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, y := range []string{"2022", "2023", "2024"} {
		data, err := os.ReadFile(filepath.Join(src, y+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, y+".yaml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	return dir, files
}

func appendTo(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(text)
	f.Close()
}

// TestHasher: a report's hash changes with its data file, the files of
// its folder, the settings, the option files and the templates, and with
// nothing else; an unknown tool or an unreadable option file gives none.
func TestHasher(t *testing.T) {
	dir, files := office(t)
	other := filepath.Join(t.TempDir(), "other.yaml")
	os.WriteFile(other, []byte("organ: 别处\n"), 0o644)
	font := filepath.Join(t.TempDir(), "font.ttf")
	os.WriteFile(font, []byte("font"), 0o644)
	tmpl := t.TempDir()
	os.WriteFile(filepath.Join(tmpl, "layout.yaml"), []byte("page: {}\n"), 0o644)
	target := files[2]
	hash := func(settings, optFiles []string) string {
		h := NewHasher("tool", "build", settings, optFiles, tmpl)
		return h.Report(target, ByDir(append(files, other)), "shili-office/2024")
	}
	base := hash([]string{"pdf=true"}, []string{font})
	if base == "" || base != hash([]string{"pdf=true"}, []string{font}) {
		t.Fatalf("the same inputs hash differently or to nothing: %q", base)
	}
	for _, c := range []struct {
		name    string
		change  func()
		changed bool
	}{
		{"a file of another folder", func() { appendTo(t, other, "# x\n") }, false},
		{"the data file", func() { appendTo(t, target, "# 修改\n") }, true},
		{"last year's file beside it", func() { appendTo(t, files[1], "# 修改\n") }, true},
		{"the font file", func() { appendTo(t, font, "x") }, true},
		{"a template", func() { appendTo(t, filepath.Join(tmpl, "layout.yaml"), "# x\n") }, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := hash([]string{"pdf=true"}, []string{font})
			c.change()
			after := hash([]string{"pdf=true"}, []string{font})
			if (before != after) != c.changed {
				t.Errorf("hash changed: %v, want %v", before != after, c.changed)
			}
		})
	}
	if hash([]string{"pdf=false"}, []string{font}) == hash([]string{"pdf=true"}, []string{font}) {
		t.Error("a different setting gives the same hash")
	}
	if h := NewHasher("", "build", nil, nil, ""); h != nil || h.Report(target, nil, "k") != "" || h.Site(files) != "" {
		t.Error("an unknown tool must give no hash")
	}
	if NewHasher("tool", "build", nil, []string{filepath.Join(dir, "missing.ttf")}, "") != nil {
		t.Error("an unreadable option file must give no hasher")
	}
}

// TestBuild: a batch builds every format of each report into the tree
// with one shared assets/ folder; run again with nothing changed it
// leaves every report as it was; a changed file rebuilds the reports of
// its folder (their checks and charts read each other), and a deleted
// output its own report.
func TestBuild(t *testing.T) {
	dir, files := office(t)
	out := t.TempDir()
	tmpl, err := LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	run := func() BuildResult {
		t.Helper()
		var msgs bytes.Buffer
		res, err := Build(BuildOptions{Out: out, Args: []string{dir}, Files: files, Formats: []string{"html", "xlsx"}, Jobs: 2,
			Hasher: NewHasher("tool", "build", nil, nil, ""), Renderer: NewRenderer(tmpl, Options{})}, &msgs)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := run(); res != (BuildResult{Built: 3}) {
		t.Fatalf("first build: %+v, want 3 built", res)
	}
	for _, name := range []string{"2022.html", "2024.html", "2024.xlsx", "assets"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing output: %v", err)
		}
	}
	if res := run(); res != (BuildResult{Kept: 3}) {
		t.Errorf("unchanged rebuild: %+v, want 3 kept", res)
	}
	appendTo(t, files[2], "# 修改\n")
	if res := run(); res != (BuildResult{Built: 3}) {
		t.Errorf("rebuild after one change: %+v, want the folder's 3 built", res)
	}
	os.Remove(filepath.Join(out, "2023.html"))
	if res := run(); res != (BuildResult{Built: 1, Kept: 2}) {
		t.Errorf("rebuild after an output was deleted: %+v, want it rebuilt", res)
	}
}

// TestRenderSetupError: an unusable option stops a run as a SetupError
// naming the option.
func TestRenderSetupError(t *testing.T) {
	_, files := office(t)
	tmpl, _ := LoadTemplates("")
	bad := filepath.Join(t.TempDir(), "bad.ttf")
	os.WriteFile(bad, []byte("not a font"), 0o644)
	for _, c := range []struct {
		format, option string
		opts           Options
	}{
		{"pdf", "--font-body", Options{FontBody: bad}},
		{"docx", "--docx-template", Options{DocxTemplate: bad}},
	} {
		t.Run(c.format, func(t *testing.T) {
			var msgs bytes.Buffer
			res, err := Build(BuildOptions{Out: t.TempDir(), Args: files[2:], Files: files[2:], Formats: []string{c.format}, Jobs: 1,
				Renderer: NewRenderer(tmpl, c.opts)}, &msgs)
			if err != nil || !res.Setup || !strings.Contains(msgs.String(), c.option) {
				t.Errorf("got %+v, %v, messages %q; want a setup error naming %s", res, err, msgs.String(), c.option)
			}
			_, _, err = NewRenderer(tmpl, c.opts).Render(c.format, Input{})
			if !errors.As(err, new(SetupError)) {
				t.Errorf("Render: %v, want a SetupError", err)
			}
		})
	}
}

// TestSiteFresh: a site rebuilt with nothing changed writes nothing.
func TestSiteFresh(t *testing.T) {
	_, files := office(t)
	out := t.TempDir()
	tmpl, _ := LoadTemplates("")
	opts := SiteOptions{Out: out, Files: files, Jobs: 2, Templates: tmpl, Renderer: NewRenderer(tmpl, Options{}),
		Hasher: NewHasher("tool", "site", nil, nil, "")}
	var msgs bytes.Buffer
	first, err := Site(opts, &msgs)
	if err != nil || first.Fresh || first.Reports != 3 || first.Failed != 0 {
		t.Fatalf("first site: %+v, %v, %s", first, err, msgs.String())
	}
	second, err := Site(opts, &msgs)
	if err != nil || !second.Fresh || len(second.Previous.Files) != len(first.Files) {
		t.Errorf("unchanged site: fresh %v, %d files recorded, want %d", second.Fresh, len(second.Previous.Files), len(first.Files))
	}
}
