package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocxLetterheadFromTemplates: templates init writes an example
// letterhead.docx for --organ, and build --docx --templates puts the report
// on it; without the file the built-in layout is used.
func TestDocxLetterheadFromTemplates(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "tmpl")
	run := func(args ...string) {
		t.Helper()
		var out, errOut strings.Builder
		if code := Main(args, &out, &errOut); code != 0 {
			t.Fatalf("nianbao %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
		}
	}
	run("templates", "init", tmpl, "--organ", "测试县红头机关")
	src, err := os.ReadFile("../../report/testdata/valid2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data", "2022.yaml")
	if err := os.MkdirAll(filepath.Dir(data), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(data, src, 0o644); err != nil {
		t.Fatal(err)
	}
	headers := func(out string) string {
		t.Helper()
		zr, err := zip.OpenReader(filepath.Join(out, "2022.docx"))
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		var b strings.Builder
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, "word/header") {
				rc, _ := f.Open()
				x, _ := io.ReadAll(rc)
				rc.Close()
				b.Write(x)
			}
		}
		return b.String()
	}
	for _, tc := range []struct {
		name       string
		letterhead bool
	}{{"with letterhead.docx", true}, {"without", false}} {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.letterhead {
				if err := os.Remove(filepath.Join(tmpl, "letterhead.docx")); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(dir, "out-"+tc.name)
			run("build", data, "--docx", "-o", out, "--templates", tmpl)
			if got := strings.Contains(headers(out), "测试县红头机关"); got != tc.letterhead {
				t.Errorf("red header in the .docx: %v, want %v", got, tc.letterhead)
			}
		})
	}
}
