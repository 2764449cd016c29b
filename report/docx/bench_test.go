package docx

import (
	"io"
	"testing"
)

// BenchmarkWriteDocx measures one report's Word document (the budget is
// 20 ms a report): body, styles, charts, zip.
func BenchmarkWriteDocx(b *testing.B) {
	for _, fx := range fixtures {
		b.Run(fx.Name, func(b *testing.B) {
			d := loadDoc(b, fx.Path)
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, d, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
