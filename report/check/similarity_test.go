package check

import (
	"fmt"
	"maps"
	"math/rand"
	"nianbao/report"
	. "nianbao/report/datafile"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// similarityRef is the sort-and-merge Dice coefficient Similarity replaced;
// the hash-table version must agree with it exactly.
func similarityRef(a, b string) int {
	ga, gb := bigrams(a), bigrams(b)
	slices.Sort(ga)
	slices.Sort(gb)
	if len(ga)+len(gb) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(ga) && j < len(gb); {
		switch {
		case ga[i] < gb[j]:
			i++
		case ga[i] > gb[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return 2000 * inter / (len(ga) + len(gb))
}

func TestSimilarityMatchesReference(t *testing.T) {
	var texts []string
	var paths []string
	for _, pat := range []string{"../../data/*/*.yaml", "../../data/*/*/*/*.yaml", "../testdata/*.yaml", "testdata/real/*/*.yaml", "../datafile/testdata/bad/*.yaml"} {
		m, _ := filepath.Glob(pat)
		paths = append(paths, m...)
	}
	if len(paths) < 20 {
		t.Fatalf("only %d corpus files", len(paths))
	}
	for _, path := range paths {
		r, _ := LoadFile(path)
		if r == nil {
			continue
		}
		for _, x := range r.Text {
			texts = append(texts, x.Body)
		}
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("政府信息公开申请年度报告工作abcAB01２３，。 \n\U0001F600")
	for range 200 {
		n := rng.Intn(400)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.Intn(len(alphabet))]
		}
		texts = append(texts, string(rs))
	}
	texts = append(texts, "", "a", "ab", "\xff\xfe")
	for i, a := range texts {
		for j := i; j < len(texts) && j < i+8; j++ {
			b := texts[j]
			if got, want := Similarity(a, b), similarityRef(a, b); got != want {
				t.Fatalf("Similarity(%q, %q) = %d, reference %d", a, b, got, want)
			}
			if got, want := Similarity(b, a), similarityRef(b, a); got != want {
				t.Fatalf("Similarity(%q, %q) = %d, reference %d", b, a, got, want)
			}
		}
	}
}

// TestSimilarityWider: 内容雷同 (TX-5) is found against the same organ's
// report of the year before last, and against other organs' reports of
// the same year checked together (a township copying its neighbour);
// boilerplate shorter than 50 characters is not counted.
func TestSimilarityWider(t *testing.T) {
	data, err := os.ReadFile("../testdata/valid2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := string(data)
	prev, err := os.ReadFile("../testdata/prev2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edit := func(s string, pairs ...string) string {
		for i := 0; i+1 < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) {
				t.Fatalf("fixture lacks %q", pairs[i])
			}
			s = strings.Replace(s, pairs[i], pairs[i+1], 1)
		}
		return s
	}
	// Another section text, long enough and unlike the fixture's.
	const otherProblems = "一是政务新媒体更新频率不均衡；二是基层公开目录与实际事项存在脱节。下一步将建立新媒体月度巡查制度，对照事项清单逐项核实目录内容，确保目录准确完整。"
	twoYearsAgo := edit(base, "year: 2022", "year: 2020\nformat_override_reason: 测试", "date: 2023-01-20", "date: 2021-01-20")
	neighbour := edit(base, "organ: 测试县人民政府办公室", "organ: 测试县某乡人民政府", "测试县", "测试县某乡")
	cases := []struct {
		name  string
		files map[string]string
		want  []string // "file: section: other file" of each TX-5
	}{
		{"copy of the year before last", map[string]string{
			"o/2022.yaml": base, "o/2021.yaml": string(prev), "o/2020.yaml": twoYearsAgo},
			[]string{"o/2022.yaml: text.overview: o/2020.yaml", "o/2022.yaml: text.problems: o/2020.yaml"}},
		{"neighbour's text, same year", map[string]string{
			"d/a.yaml": base, "d/b.yaml": neighbour},
			[]string{"d/b.yaml: text.overview: d/a.yaml", "d/b.yaml: text.problems: d/a.yaml"}},
		{"neighbour with its own problems section", map[string]string{
			"d/a.yaml": base, "d/b.yaml": edit(neighbour, "一是政策解读形式较为单一；二是基层公开标准化水平有待提高。下一步将丰富解读形式，推进基层标准化建设，提升公开质量和实效。", otherProblems)},
			[]string{"d/b.yaml: text.overview: d/a.yaml"}},
		{"same organ, same year in two directories is not a copy", map[string]string{
			"x/a.yaml": base, "y/a.yaml": base}, nil},
		{"another year is not compared across organs", map[string]string{
			"d/a.yaml": base, "d/b.yaml": edit(neighbour, "year: 2022", "year: 2023", "date: 2023-01-20", "date: 2024-01-20")}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var ls []Loaded
			var names []string
			for name := range tc.files {
				names = append(names, name)
			}
			slices.Sort(names)
			for _, name := range names {
				l := LoadBytes(name, tc.files[name])
				if !l.Clean() {
					t.Fatalf("%s: %v", name, l.Problems)
				}
				ls = append(ls, l)
			}
			var got []string
			for _, p := range CheckSet(ls, nil) {
				if p.Rule != "TX-5" {
					continue
				}
				other := ""
				for _, name := range names {
					if name != p.File && strings.Contains(p.Msg, "（"+name+"）") {
						other = name
					}
				}
				if !strings.Contains(p.Msg, "100.0%") {
					t.Errorf("similarity not named: %s", p.Msg)
				}
				got = append(got, p.File+": "+p.Path+": "+other)
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("TX-5:\n got  %q\n want %q", got, tc.want)
			}
		})
	}
}

// TestSimilarPairsMatchesBruteForce: the prefix filter finds exactly the
// pairs that comparing every pair finds.
func TestSimilarPairsMatchesBruteForce(t *testing.T) {
	docs := benchDocs(150, 7)
	got := map[[2]int]int{}
	for _, p := range similarPairs(docs) {
		got[[2]int{min(p[0], p[1]), max(p[0], p[1])}] = p[2]
	}
	want := map[[2]int]int{}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := docs[i], docs[j]
			if len(a.grams)+len(b.grams) == 0 {
				continue
			}
			if s := 2000 * bigramOverlap(a.grams, b.grams) / (len(a.grams) + len(b.grams)); s >= similarityThreshold {
				want[[2]int{i, j}] = s
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the generated corpus has no similar pair")
	}
	if !maps.Equal(got, want) {
		t.Errorf("prefix filter found %d pairs, brute force %d", len(got), len(want))
	}
}

// benchTexts makes n organs' 总体情况 for one year from a pool of
// sentences that every organ draws on (boilerplate), with one in ten a near
// copy of another organ's text.
func benchTexts(n int, seed int64) []string {
	rng := rand.New(rand.NewSource(seed))
	boiler := []string{
		"坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》。",
		"紧紧围绕中心工作，全面推进决策、执行、管理、服务、结果公开。",
		"进一步加强政府信息公开平台建设，不断提升政务公开质量和实效。",
		"严格落实政府信息公开保密审查制度，做到应公开尽公开。",
		"依法依规办理政府信息公开申请，切实保障群众知情权、参与权和监督权。",
	}
	// Each organ's own words: sentences of characters drawn from the 3,000
	// most common ideographs' block.
	own := func() string {
		rs := make([]rune, 15+rng.Intn(25))
		for i := range rs {
			rs[i] = rune(0x4E00 + rng.Intn(3000))
		}
		return string(rs) + "。"
	}
	texts := make([]string, n)
	for i := range texts {
		if i%10 == 9 {
			src := []rune(texts[rng.Intn(i)])
			src[rng.Intn(len(src))] = '乡'
			texts[i] = string(src) + "本乡镇照此执行。"
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "2024年，第%d乡镇人民政府", i)
		for range 2 {
			b.WriteString(boiler[rng.Intn(len(boiler))])
		}
		for range 8 + rng.Intn(16) {
			b.WriteString(own())
		}
		texts[i] = b.String()
	}
	return texts
}

func benchDocs(n int, seed int64) []simDoc {
	docs := make([]simDoc, n)
	for i, s := range benchTexts(n, seed) {
		docs[i] = simDoc{l: Loaded{Path: fmt.Sprintf("d/%03d.yaml", i), Report: &report.Report{Year: 2024, Organ: fmt.Sprintf("第%d乡镇人民政府", i)}}, grams: bigrams(s)}
	}
	return docs
}

// BenchmarkCrossSimilarity500 compares the three text sections of 500
// organs of one directory with one another, as `check DIR` and merge do.
// Target: at most 2 s per directory (issue 15).
func BenchmarkCrossSimilarity500(b *testing.B) {
	const n = 500
	var sections [3][]string
	for k := range sections {
		sections[k] = benchTexts(n, int64(k+1))
	}
	files := make([]Loaded, n)
	for i := range files {
		r := &report.Report{Year: 2024, Organ: fmt.Sprintf("第%d乡镇人民政府", i)}
		for k, key := range similaritySections {
			for ti, ts := range report.TextSections {
				if ts.Key == key {
					r.Text[ti] = report.Text{Body: sections[k][i], Pos: report.Pos{Line: 1}}
				}
			}
		}
		files[i] = Loaded{Path: fmt.Sprintf("d/%03d.yaml", i), Report: r}
	}
	warnings := len(CrossSimilarity(files))
	b.ResetTimer()
	for b.Loop() {
		CrossSimilarity(files)
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/dir")
	b.ReportMetric(float64(warnings), "warnings")
}
