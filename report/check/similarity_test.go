package check

import (
	"math/rand"
	. "nianbao/report/datafile"
	"path/filepath"
	"slices"
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
