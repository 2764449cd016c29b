package pdf

import (
	"io"
	"testing"
)

// BenchmarkWritePDF measures one report's PDF, fonts already parsed (once
// per process, as in a batch build): layout, font subsets, output.
func BenchmarkWritePDF(b *testing.B) {
	if _, _, err := DefaultFonts(); err != nil {
		b.Fatal(err)
	}
	for _, fx := range fixtures {
		b.Run(fx.Name, func(b *testing.B) {
			d := loadDoc(b, fx.Path)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Write(io.Discard, d, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
