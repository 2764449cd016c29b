package site

import (
	"nianbao/report/datafile"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/report"
)

func TestSubdir(t *testing.T) {
	j := filepath.Join
	for _, tc := range []struct {
		args       []string
		file, want string
	}{
		{[]string{"data"}, j("data", "a", "2024.yaml"), "a"},
		{[]string{j("data", "a", "2024.yaml")}, j("data", "a", "2024.yaml"), ""},
		{[]string{j("x", "a"), j("y", "a")}, j("y", "a", "2024.yaml"), "a"},
		{[]string{j("x", "a", "2022.yaml"), j("y", "2022.yaml")}, j("y", "2022.yaml"), "y"},
		{[]string{"data", "other"}, j("other", "b", "2024.yaml"), j("other", "b")},
		{[]string{"data"}, j("elsewhere", "2024.yaml"), ""},
	} {
		if got := Subdir(tc.args, tc.file); got != tc.want {
			t.Errorf("Subdir(%q, %q) = %q, want %q", tc.args, tc.file, got, tc.want)
		}
	}
}

func TestPairs(t *testing.T) {
	l := func(path, organ string, year int) datafile.Loaded {
		return datafile.Loaded{Path: path, Report: &report.Report{Organ: organ, Year: year}}
	}
	loaded := []datafile.Loaded{
		l("a/2024.yaml", "甲", 2024), l("a/2021.yaml", "甲", 2021), l("a/2022.yaml", "甲", 2022),
		l("b/2024.yaml", "乙", 2024),
		l("c/2023.yaml", "丙", 2023), l("c/x2023.yaml", "丙", 2023),
	}
	pairs, notes := Pairs(loaded)
	var got []string
	for _, p := range pairs {
		got = append(got, p[0].Path+"→"+p[1].Path)
	}
	if want := []string{"a/2021.yaml→a/2022.yaml", "a/2022.yaml→a/2024.yaml"}; !slices.Equal(got, want) {
		t.Errorf("pairs %q, want %q", got, want)
	}
	want := []string{
		"“甲”缺少 2023 年度的报告：2024 年度直接与 2022 年度比较",
		"b/2024.yaml: “乙”只有 2024 年度一个报告，没有可比较的年度",
		"c/2023.yaml 与 c/x2023.yaml 是“丙”同一年度（2023）的报告，未比较",
	}
	if !slices.Equal(notes, want) {
		t.Errorf("notes\n%q\nwant\n%q", notes, want)
	}
}

// TestOrganSlugs: an organ's folder comes from its data directory alone;
// a shared name takes the shortest distinguishing run of parents; the
// result is one safe path element and does not depend on the input order.
func TestOrganSlugs(t *testing.T) {
	id := func(dir, organ string) OrganID { return OrganID{Dir: filepath.FromSlash(dir), Organ: organ} }
	for _, tc := range []struct {
		name string
		ids  []OrganID
		want []string
	}{
		{"own names", []OrganID{id("/w/data/shili-office", "甲"), id("/w/out/shili-region", "乙")}, []string{"shili-office", "shili-region"}},
		{"shared name", []OrganID{id("/w/data/units/fgw", "甲"), id("/w/other/fgw", "乙")}, []string{"units-fgw", "other-fgw"}},
		{"shared two levels", []OrganID{id("/a/x/units/fgw", "甲"), id("/b/x/units/fgw", "乙"), id("/c/gaj", "丙")},
			[]string{"a-x-units-fgw", "b-x-units-fgw", "gaj"}},
		{"upper case and spaces", []OrganID{id("/w/Data Dir/FGW 2", "甲")}, []string{"fgw2"}},
		{"chinese name", []OrganID{id("/w/发改委", "甲")}, []string{"d" + shortHash("发改委")}},
		{"reserved", []OrganID{id("/w/site/assets", "甲")}, []string{"site-assets"}},
		{"two organs in one directory", []OrganID{id("/w/d", "甲"), id("/w/d", "乙")}, []string{"d-" + shortHash("甲"), "d-" + shortHash("乙")}},
		{"dots", []OrganID{id("/w/..", "甲"), id("/w/.hidden.", "乙")}, []string{"w", "hidden"}},
		{"root", []OrganID{id("/", "甲")}, []string{"organ"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := OrganSlugs(tc.ids)
			if !slices.Equal(got, tc.want) {
				t.Errorf("OrganSlugs = %q, want %q", got, tc.want)
			}
			rev := slices.Clone(tc.ids)
			slices.Reverse(rev)
			back := OrganSlugs(rev)
			slices.Reverse(back)
			if !slices.Equal(back, got) {
				t.Errorf("reversed input gives %q, want %q", back, got)
			}
			for _, s := range got {
				if !filepath.IsLocal(s) || s == "." || strings.ContainsAny(s, `/\`) {
					t.Errorf("slug %q is not one local path element", s)
				}
			}
		})
	}
}
