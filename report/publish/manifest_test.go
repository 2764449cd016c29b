package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// TestManifest: an entry is fresh only with the same inputs and every
// output there with its size; the manifest round-trips through its file
// and is not rewritten unchanged.
func TestManifest(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "organ"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "organ", "2024.pdf"), []byte("pdf!"), 0o644))
	e := ManifestEntry{Inputs: "h1", Files: map[string]int64{"organ/2024.pdf": 4}}
	m := ReadManifest(dir) // none yet: empty
	if len(m.Reports) != 0 {
		t.Fatalf("new manifest has %v", m.Reports)
	}
	m.Reports["organ/2024"] = e
	must(t, m.Write(dir))
	back := ReadManifest(dir)
	got, ok := back.Reports["organ/2024"]
	if !ok || got.Inputs != "h1" || got.Files["organ/2024.pdf"] != 4 {
		t.Fatalf("read back %+v", back)
	}
	st, _ := os.Stat(filepath.Join(dir, ManifestName))
	must(t, back.Write(dir))
	if st2, _ := os.Stat(filepath.Join(dir, ManifestName)); !st2.ModTime().Equal(st.ModTime()) {
		t.Errorf("unchanged manifest rewritten")
	}
	for _, tc := range []struct {
		name   string
		inputs string
		setup  func()
		want   bool
	}{
		{"same inputs, outputs there", "h1", func() {}, true},
		{"inputs changed", "h2", func() {}, false},
		{"output resized", "h1", func() { must(t, os.WriteFile(filepath.Join(dir, "organ", "2024.pdf"), []byte("pdf!!"), 0o644)) }, false},
		{"output removed", "h1", func() { must(t, os.Remove(filepath.Join(dir, "organ", "2024.pdf"))) }, false},
	} {
		tc.setup()
		if got := e.Fresh(dir, tc.inputs); got != tc.want {
			t.Errorf("%s: Fresh = %v, want %v", tc.name, got, tc.want)
		}
	}
	// A manifest of another version, or damaged, means: rebuild everything.
	must(t, os.WriteFile(filepath.Join(dir, ManifestName), []byte(`{"version": 2, "reports": {"x": {}}}`), 0o644))
	if m := ReadManifest(dir); len(m.Reports) != 0 {
		t.Errorf("other version read as %v", m.Reports)
	}
}
