package check

import (
	"bufio"
	. "nianbao/report"
	. "nianbao/report/datafile"
	"os"
	"strings"
	"testing"
)

// TestFigureCorpus measures TX-1 on the labelled sentences of
// testdata/figures/corpus.txt (see its header): each sentence is the whole
// 总体情况 of testdata/figures/corpus2024.yaml in turn, with the organ and
// scope that the corpus's @organ and @scope lines set. A warning is right
// when its sentence is labelled bad and it quotes the wrong figure; any
// other TX-1 warning is a false alarm. Precision must be 100% (the checker
// never warns about a sentence that is right or has no report figure) and
// recall at least 95%.
func TestFigureCorpus(t *testing.T) {
	base, ps := LoadFile("testdata/figures/corpus2024.yaml")
	if base == nil || ps.HasErrors() {
		t.Fatalf("fixture: %v", ps)
	}
	f, err := os.Open("testdata/figures/corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	overview := -1
	for i, s := range TextSections {
		if s.Key == "overview" {
			overview = i
		}
	}
	var sentences, bad, found, right, wrong int
	organ, scope := base.Organ, base.Scope
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if key, val, ok := strings.Cut(text, "\t"); ok && strings.HasPrefix(key, "@") {
			switch key {
			case "@organ":
				organ = val
			case "@scope":
				scope = Scope(val)
			default:
				t.Fatalf("corpus.txt:%d: unknown setting %q", line, key)
			}
			continue
		}
		label, sentence, ok := strings.Cut(text, "\t")
		if !ok {
			t.Fatalf("corpus.txt:%d: no tab", line)
		}
		want := ""
		switch {
		case label == "ok" || label == "none":
		case strings.HasPrefix(label, "bad "):
			want = strings.TrimPrefix(label, "bad ")
			if !strings.Contains(sentence, want) {
				t.Fatalf("corpus.txt:%d: %q is not in the sentence", line, want)
			}
			bad++
		default:
			t.Fatalf("corpus.txt:%d: unknown label %q", line, label)
		}
		sentences++
		r := *base
		r.Organ, r.Scope = organ, scope
		r.Text[overview] = Text{Body: sentence, BodyLine: 1, Literal: true}
		hit := false
		for _, p := range Check(&r, nil, nil) {
			if p.Rule != "TX-1" {
				continue
			}
			if want != "" && strings.Contains(p.Msg, "中的“"+want+"”") {
				right++
				hit = true
				continue
			}
			wrong++
			t.Errorf("corpus.txt:%d: false alarm (%s): %s", line, label, p.Msg)
		}
		if want != "" {
			if hit {
				found++
			} else {
				t.Logf("corpus.txt:%d: missed %s in %s", line, want, sentence)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if sentences < 150 {
		t.Errorf("corpus has %d sentences, want at least 150", sentences)
	}
	precision, recall := 100.0, 0.0
	if right+wrong > 0 {
		precision = 100 * float64(right) / float64(right+wrong)
	}
	if bad > 0 {
		recall = 100 * float64(found) / float64(bad)
	}
	t.Logf("TX-1 corpus: %d sentences (%d with a wrong figure); %d warnings, %d right, %d false alarms; precision %.1f%%, recall %.1f%% (%d/%d)",
		sentences, bad, right+wrong, right, wrong, precision, recall, found, bad)
	if wrong > 0 {
		t.Errorf("precision %.1f%%, want 100%%", precision)
	}
	if recall < 95 {
		t.Errorf("recall %.1f%%, want at least 95%%", recall)
	}
}
