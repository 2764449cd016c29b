package output

import (
	"io"
	"path/filepath"
	"testing"
)

// BenchmarkBuildOne is the in-process part of `nianbao build` of one report
// in every format: load and check the organ's series, Build, render PDF,
// HTML, DOCX and XLSX, write. (scripts/bench.sh times whole processes.)
func BenchmarkBuildOne(b *testing.B) {
	src := filepath.Join("..", "..", "data", "shili-office")
	files := []string{filepath.Join(src, "2024.yaml")}
	tmpl, err := LoadTemplates("")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := Build(BuildOptions{Out: b.TempDir(), Args: files, Files: files, Formats: Formats, Jobs: 2,
			Renderer: NewRenderer(tmpl, Options{})}, io.Discard)
		if err != nil || res.Built != 1 {
			b.Fatalf("%+v %v", res, err)
		}
	}
}
