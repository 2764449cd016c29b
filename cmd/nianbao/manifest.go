package main

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
)

// toolID identifies the running nianbao: its VCS revision and build
// settings when it was built from a clean checkout, otherwise its Go build
// ID (ELF executables: Linux), otherwise the hash of its executable.
// Computed once.
var toolID = sync.OnceValue(func() string {
	h := sha256.New()
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, clean := "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				clean = s.Value == "false"
			}
		}
		if rev != "" && clean {
			io.WriteString(h, bi.String())
			return hex.EncodeToString(h.Sum(nil))
		}
	}
	if exe, err := os.Executable(); err == nil {
		if id := goBuildID(exe); id != "" {
			// The Go build ID ends with a hash of the linked file's
			// content: as good as hashing the whole executable, without
			// reading it.
			io.WriteString(h, "go build ID\x00"+id)
			return hex.EncodeToString(h.Sum(nil))
		}
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			if _, err := io.Copy(h, f); err == nil {
				return hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	return "" // unknown: never matches a manifest (see inputHasher)
})

// goBuildID returns the Go build ID an ELF executable carries in its
// .note.go.buildid section ("" when there is none: other formats, or a
// binary linked with -buildid=). Its last part is the hash of the linked
// file's content that the go command writes after linking.
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	d, err := sec.Data()
	// A note: name size, description size, type (4 bytes each), then
	// the name "Go\x00\x00" and the ID.
	if err != nil || len(d) < 16 {
		return ""
	}
	namesz, descsz := f.ByteOrder.Uint32(d), f.ByteOrder.Uint32(d[4:])
	if namesz != 4 || string(d[12:16]) != "Go\x00\x00" || uint64(16)+uint64(descsz) > uint64(len(d)) {
		return ""
	}
	id := string(d[16 : 16+descsz])
	if strings.Count(id, "/") < 1 {
		return ""
	}
	return id
}

// inputHasher hashes the inputs of reports, reading each file once.
type inputHasher struct {
	common string // tool, options, templates, fonts
	mu     sync.Mutex
	files  map[string]string // path → hash of its bytes ("" unreadable)
}

// newInputHasher hashes what every report of a run shares: the tool, the
// flags of fs except those naming no input (-o, -j), the files named by
// flags (fonts, Word template) and every file of the templates folder.
// It returns nil when the tool cannot be identified: nothing is skipped.
func newInputHasher(cmd string, fset *flag.FlagSet, fileFlags []string, tmplDir string) *inputHasher {
	id := toolID()
	if id == "" {
		return nil
	}
	ih := &inputHasher{files: map[string]string{}}
	h := sha256.New()
	unknown := false
	io.WriteString(h, "nianbao "+cmd+"\x00"+id+"\x00")
	fset.VisitAll(func(f *flag.Flag) {
		if f.Name == "o" || f.Name == "j" {
			return
		}
		io.WriteString(h, f.Name+"="+f.Value.String()+"\x00")
		if slices.Contains(fileFlags, f.Name) && f.Value.String() != "" {
			sum := ih.file(f.Value.String())
			if sum == "" {
				unknown = true
			}
			io.WriteString(h, sum+"\x00")
		}
	})
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
	if unknown {
		return nil
	}
	ih.common = hex.EncodeToString(h.Sum(nil))
	return ih
}

// file returns the hash of the bytes of path, "" when it cannot be read.
func (ih *inputHasher) file(path string) string {
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

// report hashes the inputs of the report of data file target: the shared
// inputs, extra (the output key and anything else that names the report),
// the target's bytes and those of every data file of its directory among
// dirs (data files by directory, see byDir: its previous years and the other organs of its year), by base
// name. "" means unknown: never skip.
func (ih *inputHasher) report(target string, dirs map[string][]string, extra string) string {
	if ih == nil {
		return ""
	}
	h := sha256.New()
	io.WriteString(h, ih.common+"\x00"+extra+"\x00")
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

// byDir groups data files by their directory.
func byDir(paths []string) map[string][]string {
	m := map[string][]string{}
	for _, p := range paths {
		d := filepath.Dir(filepath.Clean(p))
		m[d] = append(m[d], p)
	}
	return m
}
