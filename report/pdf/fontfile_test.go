package pdf

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"nianbao/report"
)

// subsetFont returns a TrueType font cut from the embedded Regular with
// every BMP character it has except those for which drop is true: a font
// made by the test, standing in for an office's incomplete font.
func subsetFont(t testing.TB, drop func(r rune) bool) []byte {
	t.Helper()
	reg := mustFont(t, embeddedFont(t, "NianbaoSerifSC-Regular.ttf"))
	var keep []rune
	for r := rune(0x20); r < 0xFFFF; r++ {
		if reg.Has(r) && !drop(r) {
			keep = append(keep, r)
		}
	}
	data, err := reg.Subset(keep)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestLoadFontFile: only a regular file of at most MaxFontFile bytes is
// read; every refusal names the file in Chinese and allocates little.
func TestLoadFontFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "ascii.ttf")
	if err := os.WriteFile(small, subsetFont(t, func(r rune) bool { return r >= 0x80 }), 0o644); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.ttf")
	if f, err := os.Create(huge); err != nil {
		t.Fatal(err)
	} else {
		// A sparse file: no disk space used.
		if err := f.Truncate(MaxFontFile + 1); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	junk := filepath.Join(dir, "junk.ttf")
	if err := os.WriteFile(junk, []byte("not a font at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path string
		want       []string // in the error; nil: loads
	}{
		{"regular font", small, nil},
		{"missing", filepath.Join(dir, "nosuch.ttf"), []string{"nosuch.ttf", "不存在"}},
		{"directory", dir, []string{dir, "是目录"}},
		{"device", "/dev/zero", []string{"/dev/zero", "不是普通文件"}},
		{"too large", huge, []string{"huge.ttf", "64 MiB"}},
		{"not a font", junk, []string{"junk.ttf", "不是 TrueType 字体"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if strings.HasPrefix(tc.path, "/dev/") {
				if _, err := os.Stat(tc.path); err != nil {
					t.Skipf("%s: %v", tc.path, err)
				}
			}
			var f *Font
			var err error
			n := allocated(func() { f, err = LoadFontFile(tc.path) })
			if n > 200<<20 {
				t.Errorf("allocated %d MB, want < 200 MB", n>>20)
			}
			if tc.want == nil {
				if err != nil || f == nil || f.File != tc.path {
					t.Fatalf("LoadFontFile(%s) = %v, %v", tc.path, f, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("LoadFontFile(%s) succeeded, want an error", tc.path)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestUnsuitableFont: a font lacking digits, ASCII letters or a character
// of the statutory labels stops Write with one PDF-2 message naming the
// font and the missing characters, and Check reports the same; a font
// lacking only other characters gives PDF-1 warnings from both.
func TestUnsuitableFont(t *testing.T) {
	d := loadDoc(t, fixtures[3].Path)
	cases := []struct {
		name    string
		drop    func(r rune) bool
		missing string // characters the PDF-2 message lists; "" = suitable
		kinds   []string
	}{
		{"no digits", func(r rune) bool { return r >= '0' && r <= '9' }, "0123456789", []string{"数字"}},
		{"no letters", func(r rune) bool { return r < 0x80 && (r|0x20 >= 'a' && r|0x20 <= 'z') }, "ABC", []string{"英文字母"}},
		{"no 政 or 诉", func(r rune) bool { return r == '政' || r == '诉' }, "政诉", []string{"国办公开办函〔2021〕30号法定表格和标题用字"}},
		{"no 县 (only in the organ's name)", func(r rune) bool { return r == '县' }, "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			font, err := ParseFont("office.ttf", subsetFont(t, tc.drop))
			if err != nil {
				t.Fatal(err)
			}
			font.File = "fonts/office.ttf"
			opts := Options{Body: font, Bold: font}
			wps, werr := Write(io.Discard, d, opts)
			cps, cerr := Check(d, opts)
			if cerr != nil {
				t.Fatal(cerr)
			}
			if tc.missing == "" {
				if werr != nil {
					t.Fatalf("Write: %v", werr)
				}
				if len(wps) == 0 || !slices.Equal(fmtProblems(wps), fmtProblems(cps)) {
					t.Errorf("Check and Write disagree:\nWrite:\n%s\nCheck:\n%s", fmtProblems(wps), fmtProblems(cps))
				}
				for _, p := range cps {
					if p.Rule != "PDF-1" || p.Pos.Line == 0 {
						t.Errorf("want PDF-1 warnings with a line, got %s", p)
					}
				}
				return
			}
			var unfit *UnsuitableFontError
			if !errors.As(werr, &unfit) {
				t.Fatalf("Write: want an *UnsuitableFontError, got %v", werr)
			}
			if len(unfit.Problems) != 1 || len(cps) != 1 || unfit.Problems[0] != cps[0] {
				t.Fatalf("want one PDF-2 problem from Write and the same from Check, got\n%s\n%s", fmtProblems(unfit.Problems), fmtProblems(cps))
			}
			p := cps[0]
			if p.Rule != "PDF-2" || p.Severity != report.Error || p.File != "fonts/office.ttf" {
				t.Errorf("want a PDF-2 error for fonts/office.ttf, got %s", p)
			}
			for _, w := range append([]string{"字体“NianbaoSerif SC”", tc.missing}, tc.kinds...) {
				if !strings.Contains(p.Msg, w) {
					t.Errorf("message lacks %q: %s", w, p.Msg)
				}
			}
		})
	}
}

// TestCheckMatchesWrite: with the default fonts, Check finds exactly the
// PDF-1 warnings Write returns.
func TestCheckMatchesWrite(t *testing.T) {
	d := loadDoc(t, fixtures[3].Path)
	d.Sections[0].Paras[0].Text += "😀한"
	d.Organ += "𠀾"
	_, wps := writePDF(t, d, Options{})
	cps, err := Check(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(wps) != 3 || !slices.Equal(fmtProblems(wps), fmtProblems(cps)) {
		t.Errorf("Check and Write disagree:\nWrite:\n%s\nCheck:\n%s", fmtProblems(wps), fmtProblems(cps))
	}
}

func fmtProblems(ps []report.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}
