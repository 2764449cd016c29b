package check

import (
	"nianbao/report"
	"nianbao/report/datafile"
	"path/filepath"
)

// Written checks the data file just written at path with contents data
// (an import, ingest or merge result), as `nianbao check path` would:
// problems point at its lines, and the data files beside it (its organ's
// previous years, another file of the same organ and year) are read from
// disk. The problems are sorted.
func Written(path string, data []byte) report.Problems {
	r, ps := datafile.Parse(path, data)
	target := datafile.Loaded{Path: path, Report: r, Problems: ps}
	return CheckSet([]datafile.Loaded{target}, datafile.Siblings([]string{path}))
}

// CheckSet checks every target and returns all problems, sorted. The
// previous year's report of a target is looked up among targets and pool
// (same directory, same organ, year−1); it is used only when it loaded
// without errors. Two files for the same organ and year in one directory are
// an error (S-8) of every target among them but the one with the smallest
// path, whether the other file was given as a target or only lies beside
// it: checking one file and checking its directory agree.
func CheckSet(targets, pool []datafile.Loaded) report.Problems {
	index := map[datafile.Key]datafile.Loaded{}
	for _, set := range [][]datafile.Loaded{targets, pool} {
		for _, l := range set {
			if k, ok := datafile.KeyOf(l); ok {
				if _, dup := index[k]; !dup {
					index[k] = l
				}
			}
		}
	}
	owner := owners(targets, pool)
	var ps report.Problems
	for _, t := range targets {
		ps = append(ps, duplicate(t, owner)...)
		ps = append(ps, checkTarget(t, index)...)
	}
	// 内容雷同 across organs of the same year, among the files checked together.
	ps = append(ps, CrossSimilarity(targets)...)
	ps.Sort()
	return ps
}

// owners maps each key to the file that keeps it: of the files with that
// key, the one with the smallest clean path.
func owners(sets ...[]datafile.Loaded) map[datafile.Key]datafile.Loaded {
	owner := map[datafile.Key]datafile.Loaded{}
	for _, set := range sets {
		for _, l := range set {
			k, ok := datafile.KeyOf(l)
			if !ok {
				continue
			}
			if o, seen := owner[k]; !seen || filepath.Clean(l.Path) < filepath.Clean(o.Path) {
				owner[k] = l
			}
		}
	}
	return owner
}

// duplicate is the S-8 error of t when another file holds its key.
func duplicate(t datafile.Loaded, owner map[datafile.Key]datafile.Loaded) report.Problems {
	k, ok := datafile.KeyOf(t)
	if !ok {
		return nil
	}
	o := owner[k]
	if filepath.Clean(o.Path) == filepath.Clean(t.Path) {
		return nil
	}
	return report.Problems{report.Problemf(t.Path, t.Report.Pos.Year, "year", "S-8",
		"%s 与 %s 都是“%s”%d 年度的报告。同一目录下每个年度只能有一个文件，请删除或移走其中一个",
		t.Path, o.Path, k.Organ, k.Year)}
}

// checkTarget is the check of one target against the index of the files
// around it (same directory: year−1 and year−2 of its organ).
func checkTarget(t datafile.Loaded, index map[datafile.Key]datafile.Loaded) report.Problems {
	var ps report.Problems
	ps = append(ps, t.Problems...)
	if t.Report == nil {
		return ps
	}
	var prev *report.Report
	if k, ok := datafile.KeyOf(t); ok {
		k.Year--
		if p, found := index[k]; found {
			if p.Clean() {
				prev = p.Report
			} else {
				ps = append(ps, report.Problemf(t.Path, report.Pos{}, "", "X-0",
					"上一年度报告 %s 有错误，已跳过跨年度检查。请先修正该文件（nianbao check %s）", p.Path, report.ShellArg(p.Path)))
				ps = append(ps, Check(t.Report, nil, t.Problems).Without("X-0")...)
				return ps
			}
		}
	}
	ps = append(ps, Check(t.Report, prev, t.Problems)...)
	// 内容雷同 with the year before last, too (TX-5).
	if k, ok := datafile.KeyOf(t); ok {
		k.Year -= 2
		if p, found := index[k]; found && p.Clean() {
			c := &checker{r: t.Report, bad: invalidPaths(t.Problems)}
			c.similarTo(p.Report, p.Path)
			ps = append(ps, c.ps...)
		}
	}
	return ps
}

// Index is a pool of files indexed once, so that each of many targets is
// checked against it without scanning the pool again (a batch of n files
// costs n checks, not n² look-ups).
type Index struct {
	m     map[datafile.Key]datafile.Loaded
	owner map[datafile.Key]datafile.Loaded
}

// NewIndex indexes pool; the first file of a key wins, as in CheckSet.
func NewIndex(pool []datafile.Loaded) *Index {
	ix := &Index{m: make(map[datafile.Key]datafile.Loaded, len(pool)), owner: owners(pool)}
	for _, l := range pool {
		if k, ok := datafile.KeyOf(l); ok {
			if _, dup := ix.m[k]; !dup {
				ix.m[k] = l
			}
		}
	}
	return ix
}

// Check returns what CheckSet([]datafile.Loaded{t}, pool) returns, pool
// being the indexed files (which hold t); it is safe for concurrent use.
func (ix *Index) Check(t datafile.Loaded) report.Problems {
	ps := duplicate(t, ix.owner)
	ps = append(ps, checkTarget(t, ix.m)...)
	ps = append(ps, CrossSimilarity([]datafile.Loaded{t})...)
	ps.Sort()
	return ps
}
