package check

import (
	. "nianbao/report/datafile"
	"os"
	"testing"
)

// BenchmarkLoadCheck measures load + every single-file and cross-year rule
// for one typical report (with its previous year). Target: ≥ 2,000 files/s
// on one core, i.e. ≤ 500 µs/op. Reported as files/s.
func BenchmarkLoadCheck(b *testing.B) {
	cur, err := os.ReadFile("../../data/shili-office/2024.yaml")
	if err != nil {
		b.Fatal(err)
	}
	prevData, err := os.ReadFile("../../data/shili-office/2023.yaml")
	if err != nil {
		b.Fatal(err)
	}
	pr, _ := Parse("2023.yaml", prevData)
	prev := Loaded{Path: "2023.yaml", Report: pr}
	b.SetBytes(int64(len(cur)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r, ps := Parse("2024.yaml", cur)
		CheckSet([]Loaded{{Path: "2024.yaml", Report: r, Problems: ps}}, []Loaded{prev})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "files/s")
}
