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
	update      = flag.Bool("update", false, "rewrite golden files")
	updateCount = flag.Bool("update-count", false, "with -update: also accept golden files of problems whose number of problems changed")
)

// Updating reports whether the test run rewrites golden files (-update).
func Updating() bool { return *update }

// File compares got with the golden file at path, or rewrites it under
// -update (creating its directory).
func File(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
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
	if *update {
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
