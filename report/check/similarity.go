package check

import (
	"nianbao/report"
	"unicode"
	"unicode/utf8"
)

// similarityThreshold is the 内容雷同 threshold, in tenths of a percent.
const similarityThreshold = 800

// minSimilarityRunes: shorter texts ("无。") are legitimately the same every year.
const minSimilarityRunes = 60

func (c *checker) similarity() {
	for _, key := range []string{"overview", "problems", "other"} {
		path := "text." + key
		if !c.ok(path) {
			continue
		}
		cur, last := c.r.TextOf(key), c.prev.TextOf(key)
		if utf8.RuneCountInString(cur.Body) < minSimilarityRunes || utf8.RuneCountInString(last.Body) < minSimilarityRunes {
			continue
		}
		if s := Similarity(cur.Body, last.Body); s >= similarityThreshold {
			title := ""
			for _, ts := range report.TextSections {
				if ts.Key == key {
					title = ts.Title
				}
			}
			c.add(cur.Pos, path, "TX-5", "“%s”与 %d 年度报告同一部分的相似度为 %s（达到 %s 即视为内容雷同）。请根据本年度实际情况重写，不要沿用上年文字",
				title, c.prev.Year, report.Permille(s), report.Permille(similarityThreshold))
		}
	}
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
