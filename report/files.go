package report

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Loaded is one data file after Load: the report (nil when it could not be
// parsed) and the problems found while loading it.
type Loaded struct {
	Path     string
	Report   *Report
	Problems Problems
}

// Clean reports whether the file loaded without errors.
func (l Loaded) Clean() bool { return l.Report != nil && !l.Problems.HasErrors() }

// IsDataFile reports whether name looks like a report data file.
func IsDataFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return (ext == ".yaml" || ext == ".yml") && !strings.HasPrefix(filepath.Base(name), ".")
}

// FindDataFiles expands the arguments of `check`/`build`: a file stands for
// itself, a directory for every data file below it (sorted, hidden
// directories skipped). The error names the first argument that does not exist.
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
				if p != a && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if IsDataFile(p) {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: 无法读取目录：%v", a, err)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// LoadFiles loads each path.
func LoadFiles(paths []string) []Loaded {
	out := make([]Loaded, len(paths))
	for i, p := range paths {
		r, ps := LoadFile(p)
		out[i] = Loaded{Path: p, Report: r, Problems: ps}
	}
	return out
}

// Siblings loads the data files in the directories of paths that are not in
// paths themselves: the candidates for a previous year's report.
func Siblings(paths []string) []Loaded {
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
			if !e.IsDir() && IsDataFile(e.Name()) && !seen[filepath.Clean(full)] {
				extra = append(extra, full)
			}
		}
	}
	slices.Sort(extra)
	return LoadFiles(extra)
}

type organYear struct {
	dir, organ string
	year       int
}

func keyOf(l Loaded) (organYear, bool) {
	if l.Report == nil || l.Report.Year == 0 || l.Report.Organ == "" {
		return organYear{}, false
	}
	return organYear{filepath.Clean(filepath.Dir(l.Path)), l.Report.Organ, l.Report.Year}, true
}

// CheckSet checks every target and returns all problems, sorted. The
// previous year's report of a target is looked up among targets and pool
// (same directory, same organ, year−1); it is used only when it loaded
// without errors. Two files for the same organ and year in one directory are
// an error (S-8).
func CheckSet(targets, pool []Loaded) Problems {
	index := map[organYear]Loaded{}
	var ps Problems
	for _, set := range [][]Loaded{targets, pool} {
		for _, l := range set {
			k, ok := keyOf(l)
			if !ok {
				continue
			}
			if first, dup := index[k]; dup {
				if filepath.Clean(first.Path) == filepath.Clean(l.Path) {
					continue // the same file given as a target and found in the pool
				}
				if slices.ContainsFunc(targets, func(t Loaded) bool { return t.Path == l.Path }) {
					ps = append(ps, problemf(l.Path, l.Report.Pos.Year, "year", "S-8",
						"%s 与 %s 都是“%s”%d 年度的报告。同一目录下每个年度只能有一个文件，请删除或移走其中一个",
						l.Path, first.Path, k.organ, k.year))
				}
				continue
			}
			index[k] = l
		}
	}
	for _, t := range targets {
		ps = append(ps, t.Problems...)
		if t.Report == nil {
			continue
		}
		var prev *Report
		if k, ok := keyOf(t); ok {
			k.year--
			if p, found := index[k]; found {
				if p.Clean() {
					prev = p.Report
				} else {
					ps = append(ps, problemf(t.Path, Pos{}, "", "X-0",
						"上一年度报告 %s 有错误，已跳过跨年度检查。请先修正该文件（nianbao check %s）", p.Path, p.Path))
					ps = append(ps, Check(t.Report, nil, t.Problems).Without("X-0")...)
					continue
				}
			}
		}
		ps = append(ps, Check(t.Report, prev, t.Problems)...)
	}
	ps.Sort()
	return ps
}

// Without returns the problems whose rule is not id.
func (ps Problems) Without(id string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Rule != id {
			out = append(out, p)
		}
	}
	return out
}

// History returns the reports of t's organ for earlier years found among
// pool (same directory, loaded without errors), oldest first.
func History(t Loaded, pool []Loaded) []*Report {
	k, ok := keyOf(t)
	if !ok {
		return nil
	}
	byYear := map[int]*Report{}
	for _, l := range pool {
		pk, ok := keyOf(l)
		if !ok || pk.dir != k.dir || pk.organ != k.organ || pk.year >= k.year || !l.Clean() {
			continue
		}
		if _, dup := byYear[pk.year]; !dup {
			byYear[pk.year] = l.Report
		}
	}
	var out []*Report
	for y := k.year - 1; y >= 2019 && len(byYear) > 0; y-- {
		if r, ok := byYear[y]; ok {
			out = append([]*Report{r}, out...)
			delete(byYear, y)
		}
	}
	return out
}
