package site

import (
	"nianbao/report/datafile"
	"path/filepath"
	"slices"
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
