package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// slowParse decodes data with yaml.v3 as the loader does without the fast
// path: one document, nothing after it.
func slowParse(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("second document or error after the first: %v", err)
	}
	return &doc, nil
}

// nodeDiff compares the fields the loader reads and returns the first
// difference, or "".
func nodeDiff(path string, a, b *yaml.Node) string {
	if a == nil || b == nil {
		if a != b {
			return fmt.Sprintf("%s: nil %v vs %v", path, a == nil, b == nil)
		}
		return ""
	}
	if a.Kind != b.Kind || a.Tag != b.Tag || a.ShortTag() != b.ShortTag() || a.Value != b.Value || a.Style != b.Style ||
		a.Line != b.Line || a.Column != b.Column || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s:\n fast kind=%d tag=%q style=%d value=%q at %d:%d anchor=%q content=%d\n yaml kind=%d tag=%q style=%d value=%q at %d:%d anchor=%q content=%d",
			path, a.Kind, a.Tag, a.Style, a.Value, a.Line, a.Column, a.Anchor, len(a.Content),
			b.Kind, b.Tag, b.Style, b.Value, b.Line, b.Column, b.Anchor, len(b.Content))
	}
	if (a.Alias == nil) != (b.Alias == nil) {
		return path + ": alias differs"
	}
	for i := range a.Content {
		if d := nodeDiff(fmt.Sprintf("%s/%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// fastCorpus lists every YAML data file of the repository, with whether it
// must take the fast path (the committed data and the valid fixtures).
func fastCorpus(t testing.TB) map[string]bool {
	files := map[string]bool{}
	for _, dir := range []string{"../data", "testdata"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch {
			case strings.HasSuffix(path, ".yaml"):
				files[path] = !strings.Contains(path, "bad"+string(filepath.Separator))
			case strings.HasSuffix(path, ".manifest"):
				files[path] = false
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 20 {
		t.Fatalf("only %d corpus files", len(files))
	}
	return files
}

// loaderInput is what parse hands to the fast path: the BOM stripped.
func loaderInput(data []byte) []byte {
	return bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
}

// checkFast fails when the fast path accepts data and disagrees with
// yaml.v3. It reports whether the fast path accepted.
func checkFast(t *testing.T, name string, data []byte) bool {
	t.Helper()
	fast, ok := fastParse(data)
	if !ok {
		return false
	}
	slow, err := slowParse(data)
	if err != nil {
		t.Fatalf("%s: fast path accepted what yaml.v3 rejects: %v\n%q", name, err, data)
	}
	if d := nodeDiff("doc", fast, slow); d != "" {
		t.Fatalf("%s: fast path differs from yaml.v3 at %s\n%q", name, d, data)
	}
	return true
}

// TestFastYAMLCorpus: on every data file and fixture, the fast path either
// declines or gives yaml.v3's tree; the committed data and the valid
// fixtures do take it.
func TestFastYAMLCorpus(t *testing.T) {
	for path, must := range fastCorpus(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		took := checkFast(t, path, loaderInput(data))
		if must && !took {
			t.Errorf("%s: does not take the fast path", path)
		}
	}
}

// TestFastYAMLMarshal: the canonical form the tool writes takes the fast
// path and agrees with yaml.v3.
func TestFastYAMLMarshal(t *testing.T) {
	for _, path := range []string{"testdata/valid2019.yaml", "testdata/valid2021.yaml", "../data/shili-office/2024.yaml"} {
		r, ps := LoadFile(path)
		if r == nil || ps.HasErrors() {
			t.Fatalf("%s: %v", path, ps)
		}
		if !checkFast(t, path+" (marshalled)", Marshal(r)) {
			t.Errorf("%s: marshalled form does not take the fast path", path)
		}
	}
}

// fastYAMLCases are hand-written edge cases; the fast path may decline any
// of them but must never disagree with yaml.v3.
var fastYAMLCases = []string{
	"a: 1\n", "a: 1", "---\na: 1\n", "# c\n\n---\n# d\na: 1\n", "a:\n", "a:   # c\nb: x # y\n",
	"a: [1, 2, 3]\nb: []\nc: [ 1 ,2 ]  # c\nd: {x: 1, y: two words}\n",
	"a:\n- 1\n- 2\nb:\n  - x: 1\n    y: 2\n  -   z: 3\n",
	"- a\n-\n- b:\n- # c\n",
	"a: |\n  x\n\n  y\n\n# c\nb: |-\n    z\n   \nc: |\n\n  \n  q\n",
	"a: |\n  x", "a: |-\n  x\n", "a: |  # c\n  x\n  y\n", "a: |\n  x\n     \n",
	"a: 'it''s'\nb: \"x\"\nc: ''\nd: \"\"\n",
	"a: 2025-01-20\nb: 2025-02-30\nc: 1.50\nd: -3\ne: 0\nf: 007\ng: 1e3\nh: 0x10\ni: +1\nj: 1_000\n",
	"a: true\nb: True\nc: yes\nd: ~\ne: null\nf: Null\ng: NULL\nh: off\ni: .inf\nj: .5\n",
	"a: 2024年6月底\nb: 第1项\nc: http://x.y/z\nd: a#b\ne: x: y\n",
	"a: 1\n  b: 2\n", "a: x\n  y\n", "a: x\n\n  y\n", "a: x\n# c\n  y\n", "a: x\n  # c\nb: 1\n",
	"a:\n  b: 1\n c: 2\n", "a: 1\n---\nb: 2\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n",
	"a: &x 1\nb: *x\n", "a: !!str 1\n", "? a\n: 1\n", "a: >\n  x\n", "a: |+\n  x\n", "a: |2\n   x\n",
	"a: \"x\\ny\"\n", "a: 'x\n  y'\n", "a: [1,\n  2]\n", "a: {b: {c: 1}}\n", "a: [[1]]\n", "a: [1, , 2]\n", "a: [1, 2, ]\n",
	"a:\tb\n", "a: 1\r\nb: 2\r\n", "a: b\u2028c\n", "a: \u0085\n", "\ufeffa: 1\n", "a: 1\nb: 2\n\n\n",
	"年度: 2024\n", "2019: x\n", "true: 1\nnull: 2\n", "a-b: 1\n", "-a: 1\n", "<<: 1\n", "a: <<\n",
	"a:\n  - - 1\n", "a: - 1\n", "- - 1\n", "a:\n    - 1\n    - 2\n", "a:\n  b:\n  - 1\n", "- a:\n  - 1\n",
	"[1, 2]\n", "  a: 1\n  b: 2\n", "a: 1 # c\n# d\n", "a: b #c\n", "a: b# c\n", "a: [1]#c\n", "a: 'x'#c\n",
	"a: -\n", "a: -1\n", "a: - \n", "a: 1.\n", "a: -0\n", "a: 0.0\n", "a: 12345678901234567890\n",
}

func TestFastYAMLCases(t *testing.T) {
	for i, c := range fastYAMLCases {
		checkFast(t, fmt.Sprintf("case %d", i), []byte(c))
	}
}

// FuzzFastYAML: whenever the fast path accepts an input, yaml.v3 accepts it
// too and gives the same tree. The fast path never panics.
func FuzzFastYAML(f *testing.F) {
	for path := range fastCorpus(f) {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(loaderInput(data))
		}
	}
	for _, c := range fastYAMLCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, "input", data)
	})
}
