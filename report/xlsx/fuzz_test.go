package xlsx

import (
	"bytes"
	"nianbao/report/datafile"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzImport: any input gives problems or a report, never a panic; a
// report always marshals to a data file that loads without structural
// problems.
func FuzzImport(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.xlsx")
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		r, ps := Read("fuzz.xlsx", data)
		if r == nil {
			if !ps.HasErrors() {
				t.Fatalf("no report and no error: %v", ps)
			}
			return
		}
		back, lps := datafile.Parse("back.yaml", datafile.Marshal(r))
		if back == nil {
			t.Fatalf("imported report does not load back: %v", lps)
		}
		for _, p := range lps {
			if strings.HasPrefix(p.Rule, "S-") {
				t.Fatalf("imported report loads with a structural problem: %v", p)
			}
		}
	})
}

func BenchmarkExport(b *testing.B) {
	r := loadFile(b, "../../data/shili-office/2024.yaml")
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := writeBook(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
}

func benchImport(b *testing.B, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if r, ps := Read("book.xlsx", data); r == nil {
			b.Fatal(ps)
		}
	}
}

// BenchmarkImport reads a workbook as nianbao wrote it.
func BenchmarkImport(b *testing.B) { benchImport(b, "testdata/shili-2024.xlsx") }

// BenchmarkImportLibreOffice reads the same workbook after LibreOffice
// saved it (rich-text runs in shared strings make it larger).
func BenchmarkImportLibreOffice(b *testing.B) { benchImport(b, "testdata/lo-shili-2024.xlsx") }
