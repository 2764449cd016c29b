package publish

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// ManifestName is the content-hash manifest a build or site keeps in its
// output tree, so that a rebuild skips the reports whose inputs did not
// change. It holds hashes and output names only, never an input path.
const ManifestName = ".nianbao-manifest.json"

// Manifest maps an output key (the report's output path relative to the
// output tree, without extension) to what built it.
type Manifest struct {
	Version int                      `json:"version"`
	Reports map[string]ManifestEntry `json:"reports"`
}

// ManifestEntry is what built one output key.
type ManifestEntry struct {
	// Inputs is the hash of everything the report was built from: the
	// tool, the options, the templates and fonts, its data file and every
	// file of its directory (the previous years and the other organs its
	// checks read).
	Inputs string `json:"inputs"`
	// Warnings is how many warnings the build printed for it.
	Warnings int `json:"warnings,omitempty"`
	// Files are the outputs (relative to the output tree, slash-separated)
	// and their sizes: a missing or resized output is rebuilt.
	Files map[string]int64 `json:"files"`
	// Stale are files an earlier run wrote that the last one did not
	// (relative, slash-separated), left in place and named to the user
	// on every run while they are there.
	Stale []string `json:"stale,omitempty"`
}

// ReadManifest reads the manifest of the output tree dir; a missing or
// unreadable one (another version) gives an empty manifest: everything is
// rebuilt.
func ReadManifest(dir string) *Manifest {
	m := &Manifest{Version: 1, Reports: map[string]ManifestEntry{}}
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return m
	}
	var old Manifest
	if json.Unmarshal(data, &old) != nil || old.Version != 1 || old.Reports == nil {
		return m
	}
	return &old
}

// Write saves the manifest; an unchanged manifest is not rewritten.
func (m *Manifest) Write(dir string) error {
	data, err := json.MarshalIndent(m, "", "\t") // map keys sorted: deterministic
	if err != nil {
		return err
	}
	_, err = WriteFile(filepath.Join(dir, ManifestName), append(data, '\n'))
	return err
}

// Fresh reports whether the entry was built from inputs and every output
// it lists is still there with its size.
func (e ManifestEntry) Fresh(dir, inputs string) bool {
	if e.Inputs != inputs || len(e.Files) == 0 {
		return false
	}
	for name, size := range e.Files {
		st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !st.Mode().IsRegular() || st.Size() != size {
			return false
		}
	}
	// Nothing is written: remove what killed runs left beside the outputs.
	for name := range e.Files {
		Sweep(filepath.Dir(filepath.Join(dir, filepath.FromSlash(name))))
	}
	return true
}
