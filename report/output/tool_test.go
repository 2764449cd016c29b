package output

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestGoBuildID: the build ID is read from an ELF executable's note, and
// anything else gives "" (the caller then hashes the whole file).
func TestGoBuildID(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "text")
	if err := os.WriteFile(text, []byte("not an executable"), 0o644); err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path string
		want       bool // a non-empty ID
	}{
		{"this test binary", self, runtime.GOOS == "linux"},
		{"a text file", text, false},
		{"a missing file", filepath.Join(dir, "missing"), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id := goBuildID(c.path)
			if (id != "") != c.want {
				t.Fatalf("goBuildID(%s) = %q, want an ID: %v", c.path, id, c.want)
			}
			if id != "" && (!strings.Contains(id, "/") || id != goBuildID(c.path)) {
				t.Errorf("goBuildID(%s) = %q: not a stable build ID", c.path, id)
			}
		})
	}
}
