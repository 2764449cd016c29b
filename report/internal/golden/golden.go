// Package golden is the one golden-file helper of nianbao's tests. Golden
// files are rewritten with `go test ./... -update`. A golden file of
// problems (one `文件:行:列: …` line each) is not rewritten when the number of
// problems changes unless -update-count is given as well: a changed count
// is a behaviour change that a reviewer must see, not a formatting one.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/report"
)

var (
	// Update is the -update flag, for tests that rewrite other generated
	// files (workbooks) under it.
	Update      = flag.Bool("update", false, "rewrite golden files")
	updateCount = flag.Bool("update-count", false, "with -update: also accept golden files of problems whose number of problems changed")
)

// Updating reports whether the test run rewrites golden files (-update).
func Updating() bool { return *Update }

// File compares got with the golden file at path, or rewrites it under
// -update (creating its directory).
func File(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		write(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs (run with -update if the change is intended)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

// Problems compares the problems, one String() per line, with the golden
// file at path. Under -update the file is rewritten only when it holds the
// same number of problems, or when -update-count is given too.
func Problems(t testing.TB, path string, ps report.Problems) {
	t.Helper()
	got := Format(ps)
	if *Update {
		if old, err := os.ReadFile(path); err == nil && !*updateCount {
			if n, m := countLines(string(old)), countLines(got); n != m {
				t.Fatalf("%s: %d problems before, %d now; not rewritten (add -update-count to accept a different number)", path, n, m)
			}
		}
		write(t, path, []byte(got))
		return
	}
	File(t, path, []byte(got))
}

// Format renders problems one per line, as `nianbao check` prints them.
func Format(ps report.Problems) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Read returns the file's content or fails the test.
func Read(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Edit replaces its first string, which must occur exactly once, with
// its second: {"received: [1,", "received: [2,"}.
type Edit [2]string

// Apply applies edits in order to src.
func Apply(t testing.TB, src string, edits ...Edit) string {
	t.Helper()
	for _, e := range edits {
		if n := strings.Count(src, e[0]); n != 1 {
			t.Fatalf("edit %q: found %d times, want exactly once", e[0], n)
		}
		src = strings.Replace(src, e[0], e[1], 1)
	}
	return src
}

func countLines(s string) int { return strings.Count(s, "\n") }

func write(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// BreakdownSample is the merge breakdown both breakdown renderers (html,
// xlsx) are tested on: one submitted unit whose name needs escaping, one
// missing unit, and the total.
func BreakdownSample() *report.Breakdown {
	return &report.Breakdown{
		Region: "测试市人民政府", Year: 2024, Title: "测试市人民政府2024年政府信息公开工作年度报告汇总单位明细",
		Subject: "汇总", MetaDate: "2025-03-20", Summary: "共 2 个单位：已报送 1 个，未报送 1 个，有错误 0 个",
		Columns: []string{"本年新收", "上年结转"},
		Units: []report.BreakdownRow{
			{Organ: "甲局<script>alert(1)</script>", Status: "已报送", File: "units/a&b.yaml", Included: true,
				Counts: []int64{3, 1}, Values: []string{"3", "1"}, Shares: []string{"100.0%", "100.0%"}},
			{Organ: "乙局", Status: "未报送", Counts: []int64{0, 0}, Values: []string{"—", "—"}, Shares: []string{"—", "—"}},
		},
		Total: report.BreakdownRow{Organ: "合计（测试市人民政府）", Included: true, Counts: []int64{3, 1},
			Values: []string{"3", "1"}, Shares: []string{"100.0%", "100.0%"}},
		Files: true,
		Tables: []report.BreakdownTable{{Caption: "表四 政府信息公开行政复议、行政诉讼情况", Unit: "件",
			Heads: []string{"项目", "甲局<script>alert(1)</script>", "合计"},
			Lines: []report.BreakdownLine{
				{Key: "appeals.review.upheld", Label: "行政复议：结果维持", Cells: []report.BreakdownCell{{Text: "2", Int: 2, Number: true}, {Text: "2", Int: 2, Number: true}}},
				{Key: "processing_fees.collected", Label: "实际收取的总金额（元）", Level: 1, Cells: []report.BreakdownCell{{Text: "12.50"}, {Text: "12.50"}}},
			}}},
	}
}
