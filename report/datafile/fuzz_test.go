package datafile_test

import (
	. "nianbao/report"
	. "nianbao/report/check"
	. "nianbao/report/datafile"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad: any input gives problems or a valid report, never a panic; a
// report that loads without errors can be checked and built, and its
// canonical form loads back.
func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{"../testdata/*.yaml", "testdata/bad/*.yaml", "testdata/real/*/*.yaml", "../../data/*/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	for _, s := range []string{
		"year: 2024\norgan: \"a\\u202Eb\\e\"\n",
		"requests:\n  received: [1,026, 0, 0, 0, 0]\n",
		"active:\n  fees: {amount: 75,394,432.52}\n",
		"a: 1\nb: [1, , 0, 0]\nc: 2\n",
		"a: 1\nb: {x: [1, 2}\n",
		"a: 1\nb: [1, 2,\n  , 3]\n",
		"x: [\"\n",
		"year: ２０２４\norgan: x\nactive: {licensing: {decisions: −1}}\n",
		// Other kinds of file, known by their first bytes (notDataFile).
		"PK\x03\x04\x14\x00\x00\x00", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00", "%PDF-1.4\n", "<!DOCTYPE html><p>x",
		"\x89PNG\r\n\x1a\n\x00", "BM: 1\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, ps := Parse("fuzz.yaml", data)
		for _, p := range ps {
			if p.Msg == "" || p.Rule == "" {
				t.Fatalf("problem without message or rule: %#v", p)
			}
		}
		if r == nil {
			if !ps.HasErrors() {
				t.Fatal("nil report without an error")
			}
			return
		}
		l := Loaded{Path: "fuzz.yaml", Report: r, Problems: ps}
		CheckSet([]Loaded{l}, nil)
		Build(r, nil)
		if !ps.HasErrors() {
			if _, ps2 := Parse("again.yaml", Marshal(r)); ps2.HasErrors() {
				t.Fatalf("canonical form of a clean report does not load: %v", ps2)
			}
		}
	})
}
