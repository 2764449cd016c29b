package check

import (
	"runtime"
	"strings"
	"testing"

	. "nianbao/report"
	. "nianbao/report/datafile"
	"nianbao/report/internal/golden"
)

// hostileExpansion is a data file of about 400 KB whose 总体情况 holds
// 40,000 {{机关}} and whose organ name is 1,000 characters: expanded, the
// section would be 40 million characters (120 MB of UTF-8, and several
// times that in the renderers).
func hostileExpansion(t testing.TB) []byte {
	src := golden.Read(t, "../testdata/valid2021.yaml")
	organ := strings.Repeat("测", 1000)
	src = strings.Replace(src, "organ: 测试县人民政府办公室", "organ: "+organ, 1)
	src = strings.Replace(src, "    （一）主动公开。", "    （一）主动公开。"+strings.Repeat("{{机关}}", 40_000), 1)
	return []byte(src)
}

// TestExpansionBounded: the section is refused (S-11, with its line and
// field) by Check and by BuildDoc, and neither builds the expanded text.
func TestExpansionBounded(t *testing.T) {
	data := hostileExpansion(t)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cur := LoadBytes("本年.yaml", string(data))
	ps := CheckSet([]Loaded{cur}, nil)
	var doc *Doc
	var err error
	if cur.Report != nil {
		doc, err = BuildDoc(cur.Report, nil)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 200<<20 {
		t.Errorf("check and build allocated %d MB, want < 200 MB", got>>20)
	}
	var s11 []Problem
	for _, p := range ps {
		if p.Rule == "S-11" {
			s11 = append(s11, p)
		}
	}
	if len(s11) != 1 || s11[0].Pos.Line != 10 || s11[0].Path != "text.overview" || s11[0].Severity != Error {
		t.Fatalf("want one S-11 error at 本年.yaml:10 text.overview, got:\n%s", golden.Format(ps))
	}
	if !strings.Contains(s11[0].Msg, "200000") || !strings.Contains(s11[0].Msg, "一、总体情况") {
		t.Errorf("S-11 message should name the section and the limit: %s", s11[0])
	}
	if err == nil || !strings.Contains(err.Error(), "本年.yaml:10") || !strings.Contains(err.Error(), "S-11") {
		t.Errorf("BuildDoc: want an S-11 error naming 本年.yaml:10, got %v", err)
	}
	if doc != nil && len(doc.Sections[0].Paras) > 0 && !strings.Contains(doc.Sections[0].Paras[0].Text, "{{机关}}") {
		t.Errorf("the refused section was expanded")
	}
}

// TestExpansionLimit: a section just under the limit expands; one
// character more is refused.
func TestExpansionLimit(t *testing.T) {
	src := golden.Read(t, "../testdata/valid2021.yaml")
	base := LoadBytes("本年.yaml", src)
	if base.Report == nil {
		t.Fatal("fixture does not load")
	}
	n, _ := ExpandedSize(base.Report.TextOf("overview").Body, base.Report, nil)
	organ := []rune(base.Report.Organ)
	for _, tc := range []struct {
		extra int // characters added to reach the limit
		want  bool
	}{{MaxExpandedText - n, false}, {MaxExpandedText - n + 1, true}} {
		// Placeholders expand to the organ (len(organ) characters each);
		// the rest is plain text.
		refs := tc.extra / len(organ)
		plain := tc.extra - refs*len(organ)
		text := strings.Repeat("{{机关}}", refs) + strings.Repeat("字", plain)
		cur := LoadBytes("本年.yaml", strings.Replace(src, "    （一）主动公开。", "    （一）主动公开。"+text, 1))
		got := len(ExpansionProblems(cur.Report, nil)) > 0
		if got != tc.want {
			t.Errorf("%d characters over the fixture: S-11 = %v, want %v", tc.extra, got, tc.want)
		}
		if _, err := BuildDoc(cur.Report, nil); (err != nil) != tc.want {
			t.Errorf("%d characters over the fixture: BuildDoc error %v, want error %v", tc.extra, err, tc.want)
		}
	}
}

// BenchmarkExpansionHostile: load, check and build of the hostile file
// take milliseconds (they used to take tens of seconds and gigabytes).
func BenchmarkExpansionHostile(b *testing.B) {
	data := hostileExpansion(b)
	b.ReportAllocs()
	for b.Loop() {
		cur := LoadBytes("本年.yaml", string(data))
		CheckSet([]Loaded{cur}, nil)
		if cur.Report != nil {
			BuildDoc(cur.Report, nil)
		}
	}
}
