package datafile

import (
	"fmt"
	"io/fs"
	"nianbao/report"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Loaded is one data file after Load: the report.report (nil when it could not be
// parsed) and the problems found while loading it.
type Loaded struct {
	Path     string
	Report   *report.Report
	Problems report.Problems
}

// Clean reports whether the file loaded without errors.
func (l Loaded) Clean() bool { return l.Report != nil && !l.Problems.HasErrors() }

// IsDataFile reports whether name looks like a report.report data file.
func IsDataFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return (ext == ".yaml" || ext == ".yml") && !strings.HasPrefix(filepath.Base(name), ".")
}

// FindDataFiles expands the arguments of `check`/`build`: a file stands for
// itself, a directory for every data file below it (sorted, hidden
// directories and templates folders skipped, see IsTemplatesDir). The error
// names the first argument that does not exist.
func FindDataFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: 找不到此文件或目录", a)
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != a && strings.HasPrefix(d.Name(), ".") || IsTemplatesDir(p) {
					return filepath.SkipDir
				}
				return nil
			}
			if IsDataFile(p) && listable(d) {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: 无法读取目录：%v", a, err)
		}
	}
	// One file reached through two arguments (data/ and data/shili, or
	// .. and .) is listed once, under the first of its names.
	slices.Sort(out)
	seen := map[string]bool{}
	return slices.DeleteFunc(out, func(p string) bool {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		dup := seen[abs]
		seen[abs] = true
		return dup
	}), nil
}

// templateMarkers are the settings files of a templates folder (`nianbao
// templates init`): site settings and the PDF layout. Their .yaml names
// are not data files.
var templateMarkers = []string{SiteFile, "layout.yaml"}

// IsTemplatesDir reports whether dir is an office's templates folder (it
// holds site.yaml or layout.yaml): a directory scan for data files skips it.
func IsTemplatesDir(dir string) bool {
	for _, m := range templateMarkers {
		if st, err := os.Lstat(filepath.Join(dir, m)); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// listable reports whether a directory entry may be a data file: a
// regular file, or a symbolic link (LoadFile reads a link only when it
// stays inside the data directory). FIFOs, devices and sockets are never
// listed, so a FIFO named 2023.yaml cannot block a directory scan.
func listable(d fs.DirEntry) bool {
	t := d.Type()
	return t.IsRegular() || t&fs.ModeSymlink != 0
}

// LoadFiles loads each path, on every core; out[i] is paths[i].
func LoadFiles(paths []string) []Loaded {
	out := make([]Loaded, len(paths))
	load := func(i int) {
		r, ps := LoadFile(paths[i])
		out[i] = Loaded{Path: paths[i], Report: r, Problems: ps}
	}
	// On every core: an organ's six years load in the time of three on
	// two cores. The result does not depend on the order of loading.
	workers := min(runtime.GOMAXPROCS(0), len(paths))
	if workers <= 1 {
		for i := range paths {
			load(i)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(paths); i = int(next.Add(1)) - 1 {
				load(i)
			}
		})
	}
	wg.Wait()
	return out
}

// Siblings loads the data files in the directories of paths that are not in
// paths themselves: the candidates for a previous year's report.
func Siblings(paths []string) []Loaded { return LoadFiles(siblingPaths(paths)) }

// LoadSet loads paths (the targets) and their Siblings in one pass on
// every core: what a command that checks paths needs.
func LoadSet(paths []string) (targets, siblings []Loaded) {
	all := LoadFiles(append(slices.Clip(paths), siblingPaths(paths)...))
	return all[:len(paths):len(paths)], all[len(paths):]
}

// siblingPaths are the data files in the directories of paths that are
// not in paths themselves, sorted.
func siblingPaths(paths []string) []string {
	seen := map[string]bool{}
	for _, p := range paths {
		seen[filepath.Clean(p)] = true
	}
	dirs := map[string]bool{}
	var extra []string
	for _, p := range paths {
		dir := filepath.Dir(p)
		if dirs[dir] {
			continue
		}
		dirs[dir] = true
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			full := filepath.Join(dir, e.Name())
			if listable(e) && IsDataFile(e.Name()) && !seen[filepath.Clean(full)] {
				extra = append(extra, full)
			}
		}
	}
	slices.Sort(extra)
	return extra
}

// Key identifies one report of an organ's series: the directory it lies
// in, the organ and the year. Two files with one Key are an S-8 error.
type Key struct {
	Dir, Organ string
	Year       int
}

// KeyOf returns l's series key; false when the file did not load far
// enough to know its organ and year.
func KeyOf(l Loaded) (Key, bool) {
	if l.Report == nil || l.Report.Year == 0 || l.Report.Organ == "" {
		return Key{}, false
	}
	return Key{filepath.Clean(filepath.Dir(l.Path)), l.Report.Organ, l.Report.Year}, true
}

// History returns the reports of t's organ for earlier years found among
// pool (same directory, loaded without errors), oldest first.
func History(t Loaded, pool []Loaded) []*report.Report {
	k, ok := KeyOf(t)
	if !ok {
		return nil
	}
	byYear := map[int]*report.Report{}
	for _, l := range pool {
		pk, ok := KeyOf(l)
		if !ok || pk.Dir != k.Dir || pk.Organ != k.Organ || pk.Year >= k.Year || !l.Clean() {
			continue
		}
		if _, dup := byYear[pk.Year]; !dup {
			byYear[pk.Year] = l.Report
		}
	}
	var out []*report.Report
	for y := k.Year - 1; y >= 2019 && len(byYear) > 0; y-- {
		if r, ok := byYear[y]; ok {
			out = append([]*report.Report{r}, out...)
			delete(byYear, y)
		}
	}
	return out
}

// LoadBytes loads data as the data file named name (used in messages) and
// returns it with its problems, as LoadFiles does for files on disk.
func LoadBytes(name, data string) Loaded {
	r, ps := Parse(name, []byte(data))
	return Loaded{Path: name, Report: r, Problems: ps}
}
