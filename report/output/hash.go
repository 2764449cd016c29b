package output

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
)

// Hasher hashes the inputs of reports for the content-hash manifest
// (publish.Manifest), reading each file once. A nil *Hasher knows
// nothing: every hash is "" (unknown), so nothing is skipped.
type Hasher struct {
	common string // tool, options, templates, fonts
	mu     sync.Mutex
	files  map[string]string // path → hash of its bytes ("" unreadable)
}

// NewHasher hashes what every report of a run shares: tool (the running
// nianbao's identity: its VCS revision, or a hash of its executable),
// command, settings (the options that name no file, as "name=value", in a
// stable order), the files named by options (fonts, the Word template)
// and every file of the templates folder tmplDir. It returns nil when the
// tool is unknown ("") or an option's file cannot be read.
func NewHasher(tool, command string, settings, files []string, tmplDir string) *Hasher {
	if tool == "" {
		return nil
	}
	ih := &Hasher{files: map[string]string{}}
	h := sha256.New()
	io.WriteString(h, "nianbao "+command+"\x00"+tool+"\x00")
	for _, s := range settings {
		io.WriteString(h, s+"\x00")
	}
	for _, f := range files {
		sum := ih.file(f)
		if sum == "" {
			return nil
		}
		io.WriteString(h, "file "+sum+"\x00")
	}
	if tmplDir != "" {
		var names []string
		filepath.WalkDir(tmplDir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				names = append(names, p)
			}
			return nil
		})
		sort.Strings(names)
		for _, p := range names {
			rel, _ := filepath.Rel(tmplDir, p)
			io.WriteString(h, "tmpl "+filepath.ToSlash(rel)+"\x00"+ih.file(p)+"\x00")
		}
	}
	ih.common = hex.EncodeToString(h.Sum(nil))
	return ih
}

// file returns the hash of the bytes of path, "" when it cannot be read.
func (ih *Hasher) file(path string) string {
	ih.mu.Lock()
	sum, ok := ih.files[path]
	ih.mu.Unlock()
	if ok {
		return sum
	}
	// Only regular files are read (a device named as a font is refused
	// later, by the renderer, with its own message).
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		if f, err := os.Open(path); err == nil {
			h := sha256.New()
			if _, err := io.Copy(h, io.LimitReader(f, st.Size())); err == nil {
				sum = hex.EncodeToString(h.Sum(nil))
			}
			f.Close()
		}
	}
	ih.mu.Lock()
	ih.files[path] = sum
	ih.mu.Unlock()
	return sum
}

// Report hashes the inputs of the report of data file target: the shared
// inputs, key (the output key, naming the report), the target's bytes and
// those of every data file of its directory among dirs (data files by
// directory, see ByDir: its previous years and the other organs of its
// year), by base name. "" means unknown: never skip.
func (ih *Hasher) Report(target string, dirs map[string][]string, key string) string {
	if ih == nil {
		return ""
	}
	h := sha256.New()
	io.WriteString(h, ih.common+"\x00"+key+"\x00")
	t := ih.file(target)
	if t == "" {
		return ""
	}
	io.WriteString(h, t+"\x00")
	var sibs []string
	for _, p := range dirs[filepath.Dir(filepath.Clean(target))] {
		sibs = append(sibs, filepath.Base(p)+"\x00"+ih.file(p))
	}
	sort.Strings(sibs)
	sibs = slices.Compact(sibs)
	for _, s := range sibs {
		io.WriteString(h, s+"\x00")
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Site hashes the inputs of a whole site: the shared inputs and every data
// file with its path (hashed, so that no input path is in the manifest).
// "" means unknown.
func (ih *Hasher) Site(paths []string) string {
	if ih == nil {
		return ""
	}
	h := sha256.New()
	io.WriteString(h, ih.common+"\x00")
	sorted := slices.Clone(paths)
	slices.Sort(sorted)
	for _, p := range sorted {
		sum := ih.file(p)
		if sum == "" {
			return ""
		}
		io.WriteString(h, filepath.ToSlash(p)+"\x00"+sum+"\x00")
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ByDir groups data files by their directory.
func ByDir(paths []string) map[string][]string {
	m := map[string][]string{}
	for _, p := range paths {
		d := filepath.Dir(filepath.Clean(p))
		m[d] = append(m[d], p)
	}
	return m
}
