package ingest

import (
	"os/exec"
	"testing"
)

// The budget: one HTML page at most 50 ms, one PDF at most 300 ms.

func benchInput(b *testing.B) rendered {
	rs, err := renderOnce()
	if err != nil {
		b.Fatal(err)
	}
	return rs[len(rs)-1] // the largest example: shili-office/2024 with its work plan
}

func BenchmarkHTML(b *testing.B) {
	x := benchInput(b)
	b.SetBytes(int64(len(x.html)))
	for b.Loop() {
		if r, _, _ := HTML("b.html", x.html); r == nil {
			b.Fatal("not read")
		}
	}
}

func BenchmarkPortalHTML(b *testing.B) {
	x := benchInput(b)
	page := []byte(portalPage(x.doc, "utf-8", nil, nil))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if r, _, _ := HTML("b.html", page); r == nil {
			b.Fatal("not read")
		}
	}
}

func BenchmarkDOCX(b *testing.B) {
	x := benchInput(b)
	for b.Loop() {
		if r, _, _ := DOCX("b.docx", x.docx); r == nil {
			b.Fatal("not read")
		}
	}
}

func BenchmarkPDF(b *testing.B) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		b.Skip("pdftotext not installed")
	}
	x := benchInput(b)
	for b.Loop() {
		if r, _, _ := PDF("b.pdf", x.pdf); r == nil {
			b.Fatal("not read")
		}
	}
}
