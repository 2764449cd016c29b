package check

import (
	"nianbao/report"
	"nianbao/report/datafile"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// similarityThreshold is the 内容雷同 threshold, in tenths of a percent.
const similarityThreshold = 800

// minSimilarityRunes: shorter texts (boilerplate such as “无其他需要报告的
// 事项。”) are legitimately the same every year and in every organ.
const minSimilarityRunes = 50

// similaritySections are the text sections compared for 内容雷同.
var similaritySections = []string{"overview", "problems", "other"}

func sectionTitle(key string) string {
	for _, ts := range report.TextSections {
		if ts.Key == key {
			return ts.Title
		}
	}
	return key
}

// longEnough reports whether a text is long enough to be compared.
func longEnough(s string) bool { return utf8.RuneCountInString(s) >= minSimilarityRunes }

func (c *checker) similarity() { c.similarTo(c.prev, "") }

// similarTo warns (TX-5) about each section of c.r that repeats the same
// section of old, the same organ's report of an earlier year. file is the
// path of old for the message ("" when it is the previous year's file,
// named by its year only).
func (c *checker) similarTo(old *report.Report, file string) {
	for _, key := range similaritySections {
		path := "text." + key
		if !c.ok(path) {
			continue
		}
		cur, last := c.r.TextOf(key), old.TextOf(key)
		if !longEnough(cur.Body) || !longEnough(last.Body) {
			continue
		}
		if s := Similarity(cur.Body, last.Body); s >= similarityThreshold {
			c.add(cur.Pos, path, "TX-5", "“%s”与 %d 年度报告（%s）同一部分的相似度为 %s（达到 %s 即视为内容雷同）。请根据本年度实际情况重写，不要沿用往年文字",
				sectionTitle(key), old.Year, report.Printable(old.File), report.Permille(s), report.Permille(similarityThreshold))
		}
	}
}

// CrossSimilarity compares, for every text section, the reports of
// different organs for the same year with one another and warns (TX-5)
// about each pair whose section is at least 80% alike: text copied from a
// neighbouring organ. The warning is on the later file (by path) and names
// both. Files with load errors in a section are left out of it. `check DIR`
// and merge call it (through CheckSet) on all their files; it stays fast
// on hundreds of files by comparing only pairs that share a rare bigram
// (prefix filtering), which cannot miss a pair above the threshold.
func CrossSimilarity(files []datafile.Loaded) report.Problems {
	var ps report.Problems
	for _, key := range similaritySections {
		path := "text." + key
		var docs []simDoc
		for _, l := range files {
			if l.Report == nil || l.Report.Year == 0 || !textLoaded(l.Problems, path) {
				continue
			}
			t := l.Report.TextOf(key)
			if !longEnough(t.Body) {
				continue
			}
			docs = append(docs, simDoc{l: l, grams: bigrams(t.Body)})
		}
		for _, pair := range similarPairs(docs) {
			a, b := docs[pair[0]].l, docs[pair[1]].l
			if b.Path < a.Path {
				a, b = b, a
			}
			t := b.Report.TextOf(key)
			ps = append(ps, report.Problemf(b.Path, t.Pos, path, "TX-5",
				"“%s”与%s（%s）%d 年度报告同一部分的相似度为 %s（达到 %s 即视为内容雷同）。请根据本机关实际情况撰写，不要照抄其他机关的报告",
				sectionTitle(key), report.Printable(a.Report.Organ), report.Printable(a.Path), a.Report.Year,
				report.Permille(pair[2]), report.Permille(similarityThreshold)))
		}
	}
	ps.Sort()
	return ps
}

// textLoaded reports whether path loaded without errors.
func textLoaded(ps report.Problems, path string) bool {
	for _, p := range ps {
		if p.Severity == report.Error && (p.Path == "" || p.Path == path || p.Path == "text" || strings.HasPrefix(p.Path, path+".")) {
			return false
		}
	}
	return true
}

type simDoc struct {
	l     datafile.Loaded
	grams []uint32
}

// similarPairs returns the pairs (i, j, similarity) of docs of different
// organs and the same year whose similarity reaches the threshold.
//
// Prefix filtering: make each text's bigrams a set of tokens (bigram,
// occurrence number), so that the multiset overlap is a set overlap. A pair
// reaching a Dice coefficient of 0.8 overlaps in at least 2/3 of the
// tokens of either text, so, with tokens ordered rarest first, the first
// n − ⌊2n/3⌋ + 1 tokens of each text must share one. Only pairs that do
// are compared in full.
func similarPairs(docs []simDoc) [][3]int {
	if len(docs) < 2 {
		return nil
	}
	// Number each distinct token, count the texts it occurs in, and order
	// each text's tokens rarest first: key = frequency<<32 | token number.
	ids := map[uint64]uint32{}
	var freq []uint32
	toks := make([][]uint64, len(docs))
	seen := map[uint32]uint32{}
	for i, d := range docs {
		clear(seen)
		ts := make([]uint64, len(d.grams))
		for k, g := range d.grams {
			tok := uint64(g)<<32 | uint64(seen[g])
			seen[g]++
			id, ok := ids[tok]
			if !ok {
				id = uint32(len(freq))
				ids[tok] = id
				freq = append(freq, 0)
			}
			freq[id]++
			ts[k] = uint64(id)
		}
		toks[i] = ts
	}
	for _, ts := range toks {
		for k, id := range ts {
			ts[k] = uint64(freq[id])<<32 | id
		}
		slices.Sort(ts)
	}
	index := make([][]int32, len(freq))
	var out [][3]int
	seenPair := map[[2]int32]bool{}
	for i := range docs {
		ts := toks[i]
		n := len(ts)
		prefix := n - 2*n/3 + 1
		prefix = min(prefix, n)
		ri := docs[i].l.Report
		for _, key := range ts[:prefix] {
			tk := uint32(key)
			for _, j := range index[tk] {
				if seenPair[[2]int32{j, int32(i)}] {
					continue
				}
				seenPair[[2]int32{j, int32(i)}] = true
				rj := docs[j].l.Report
				if rj.Year != ri.Year || rj.Organ == ri.Organ {
					continue
				}
				na, nb := len(docs[i].grams), len(docs[j].grams)
				if 3*min(na, nb) < 2*max(na, nb) {
					continue // lengths too far apart to reach the threshold
				}
				if s := 2000 * bigramOverlap(docs[j].grams, docs[i].grams) / (na + nb); s >= similarityThreshold {
					out = append(out, [3]int{int(j), i, s})
				}
			}
			index[tk] = append(index[tk], int32(i))
		}
	}
	return out
}

// Similarity returns how alike two texts are, in tenths of a percent
// (0–1000): the Dice coefficient of their character bigrams, ignoring
// whitespace and punctuation and treating every digit as the same, so that a
// text copied with only its year and figures changed still counts as a copy.
func Similarity(a, b string) int {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga)+len(gb) == 0 {
		return 0
	}
	return 2000 * bigramOverlap(ga, gb) / (len(ga) + len(gb))
}

// bigramOverlap returns the size of the multiset intersection of a and b,
// counting a's bigrams in an open-addressing hash table (bigrams are never 0,
// which marks an empty slot).
func bigramOverlap(a, b []uint32) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	bits := uint(4)
	for 1<<bits < 2*len(a) {
		bits++
	}
	mask := uint32(1)<<bits - 1
	keys := make([]uint32, 1<<bits)
	counts := make([]int32, 1<<bits)
	for _, x := range a {
		i := (x * 0x9E3779B1) >> (32 - bits)
		for keys[i] != 0 && keys[i] != x {
			i = (i + 1) & mask
		}
		keys[i] = x
		counts[i]++
	}
	inter := 0
	for _, x := range b {
		i := (x * 0x9E3779B1) >> (32 - bits)
		for keys[i] != 0 {
			if keys[i] == x {
				if counts[i] > 0 {
					counts[i]--
					inter++
				}
				break
			}
			i = (i + 1) & mask
		}
	}
	return inter
}

// bigrams returns the multiset of character bigrams of s, in text order,
// each packed in 32 bits (two BMP code points; the rare supplementary-plane
// characters all count as U+FFFF). No bigram is 0: every kept character is
// a letter, an ideograph or '0'.
func bigrams(s string) []uint32 {
	out := make([]uint32, 0, len(s)/3)
	prev := uint32(1 << 31) // none yet
	for _, r := range s {
		switch {
		case r >= 0x4E00 && r <= 0x9FFF, r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			// the common case: an ideograph or a Latin letter
		case r >= '0' && r <= '9':
			r = '0'
		case r < 0x80:
			continue // ASCII space, punctuation, symbols
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			continue
		case unicode.IsDigit(r):
			r = '0'
		}
		c := uint32(r)
		if c > 0xFFFF {
			c = 0xFFFF
		}
		if prev != 1<<31 {
			out = append(out, prev<<16|c)
		}
		prev = c
	}
	return out
}
