package site

import (
	"cmp"
	"fmt"
	"nianbao/report/datafile"
	"path/filepath"
	"slices"
	"strings"
)

// Subdir is where the outputs of file go under the output folder, given
// the files and directories args it was found under. With one argument:
// its directory structure below that argument (nothing for a single file).
// With several: first the name of the argument's directory (or, for a
// file, of the directory holding it), so data/a/2024.yaml and
// out/b/2024.yaml do not collide.
func Subdir(args []string, file string) string {
	file = filepath.Clean(file)
	for _, a := range args {
		a = filepath.Clean(a)
		var sub, top string
		switch {
		case a == file:
			top = filepath.Base(filepath.Dir(file))
		default:
			rel, err := filepath.Rel(a, file)
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				continue
			}
			if d := filepath.Dir(rel); d != "." {
				sub = d
			}
			top = filepath.Base(a)
		}
		if len(args) == 1 {
			return sub
		}
		// ".", ".." and "/" name no folder: use the folder they stand for.
		if top == "." || top == ".." || top == string(filepath.Separator) || top == "" {
			abs, err := filepath.Abs(a)
			if top = filepath.Base(abs); err != nil || top == string(filepath.Separator) || top == "." {
				return sub
			}
		}
		return filepath.Join(top, sub)
	}
	return ""
}

// Pairs groups loaded reports into series (same directory and organ),
// orders each series by year and pairs consecutive years. The notes, for
// the user, say which organs have a single year, which files repeat a year
// (not paired) and where years are missing.
func Pairs(loaded []datafile.Loaded) ([][2]datafile.Loaded, []string) {
	type key struct{ dir, organ string }
	groups := map[key][]datafile.Loaded{}
	var keys []key
	for _, l := range loaded {
		k := key{filepath.Dir(l.Path), l.Report.Organ}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], l)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(strings.Compare(a.dir, b.dir), strings.Compare(a.organ, b.organ)) })
	var pairs [][2]datafile.Loaded
	var notes []string
	for _, k := range keys {
		g := groups[k]
		slices.SortStableFunc(g, func(a, b datafile.Loaded) int { return cmp.Compare(a.Report.Year, b.Report.Year) })
		if len(g) == 1 {
			notes = append(notes, fmt.Sprintf("%s: “%s”只有 %d 年度一个报告，没有可比较的年度", g[0].Path, k.organ, g[0].Report.Year))
			continue
		}
		for i := 1; i < len(g); i++ {
			a, b := g[i-1], g[i]
			if a.Report.Year == b.Report.Year {
				notes = append(notes, fmt.Sprintf("%s 与 %s 是“%s”同一年度（%d）的报告，未比较", a.Path, b.Path, k.organ, a.Report.Year))
				continue
			}
			if gap := b.Report.Year - a.Report.Year; gap > 1 {
				missing := fmt.Sprint(a.Report.Year + 1)
				if gap > 2 {
					missing += fmt.Sprintf("—%d", b.Report.Year-1)
				}
				notes = append(notes, fmt.Sprintf("“%s”缺少 %s 年度的报告：%d 年度直接与 %d 年度比较", k.organ, missing, b.Report.Year, a.Report.Year))
			}
			pairs = append(pairs, [2]datafile.Loaded{a, b})
		}
	}
	return pairs, notes
}
