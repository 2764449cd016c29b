package check

import (
	"nianbao/report"
	"nianbao/report/datafile"
	"path/filepath"
	"slices"
)

// CheckSet checks every target and returns all problems, sorted. The
// previous year's report of a target is looked up among targets and pool
// (same directory, same organ, year−1); it is used only when it loaded
// without errors. Two files for the same organ and year in one directory are
// an error (S-8).
func CheckSet(targets, pool []datafile.Loaded) report.Problems {
	index := map[datafile.Key]datafile.Loaded{}
	var ps report.Problems
	for _, set := range [][]datafile.Loaded{targets, pool} {
		for _, l := range set {
			k, ok := datafile.KeyOf(l)
			if !ok {
				continue
			}
			if first, dup := index[k]; dup {
				if filepath.Clean(first.Path) == filepath.Clean(l.Path) {
					continue // the same file given as a target and found in the pool
				}
				if slices.ContainsFunc(targets, func(t datafile.Loaded) bool { return t.Path == l.Path }) {
					ps = append(ps, report.Problemf(l.Path, l.Report.Pos.Year, "year", "S-8",
						"%s 与 %s 都是“%s”%d 年度的报告。同一目录下每个年度只能有一个文件，请删除或移走其中一个",
						l.Path, first.Path, k.Organ, k.Year))
				}
				continue
			}
			index[k] = l
		}
	}
	for _, t := range targets {
		ps = append(ps, checkTarget(t, index)...)
	}
	// 内容雷同 across organs of the same year, among the files checked together.
	ps = append(ps, CrossSimilarity(targets)...)
	ps.Sort()
	return ps
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
					"上一年度报告 %s 有错误，已跳过跨年度检查。请先修正该文件（nianbao check %s）", p.Path, p.Path))
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
	m map[datafile.Key]datafile.Loaded
}

// NewIndex indexes pool; the first file of a key wins, as in CheckSet.
func NewIndex(pool []datafile.Loaded) *Index {
	ix := &Index{m: make(map[datafile.Key]datafile.Loaded, len(pool))}
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
// being the indexed files; it is safe for concurrent use.
func (ix *Index) Check(t datafile.Loaded) report.Problems {
	ps := checkTarget(t, ix.m)
	ps = append(ps, CrossSimilarity([]datafile.Loaded{t})...)
	ps.Sort()
	return ps
}
