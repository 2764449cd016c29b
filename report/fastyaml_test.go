package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
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
	"a: -.5\n", "a: [-.5, -, +.5, -1.]\n", "a: {b: -.5}\n", "- -.5\n",
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

// TestFastYAMLGenerated: random documents built from the pieces of the
// subset (and a few just outside it), at random indentations; the fast path
// may decline but must never disagree with yaml.v3.
func TestFastYAMLGenerated(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	scalars := []string{"1", "0", "-3", "007", "1.5", "-0.25", "1.", ".5", "1e3", "0x1F", "+1", "1_000", "2025-01-20", "2025-02-30",
		"2025-1-2", "2024年6月底", "true", "False", "yes", "No", "on", "~", "null", "NULL", "", "x", "a b", "a#b", "a #b", "a: b", "a:b",
		"'q'", "'it''s'", "\"d\"", "\"e\\n\"", "'", "\"", "[1, 2]", "[]", "[ a , 'b' ]", "[1, [2]]", "{a: 1, b: x}", "{a: 1", "{}",
		"|", "|-", "|+", ">", "&a 1", "*a", "!!str 1", "- 1", "-", "-x", "文字", "示例：值", "<<", "%x", "@x", "`x", "?x", ":x", ",x", "x,"}
	keys := []string{"a", "b", "year", "2019", "true", "null", "a-b", "年度", "-a", "a b", "'k'", "k:", "<<"}
	comments := []string{"", "", "", "  # c", " #c", "#c"}
	accepted := 0
	for n := range 30000 {
		var b strings.Builder
		if rng.Intn(10) == 0 {
			b.WriteString("---\n")
		}
		lines := 1 + rng.Intn(8)
		for range lines {
			ind := []int{0, 0, 0, 1, 2, 2, 4, 4, 6}[rng.Intn(9)]
			b.WriteString(strings.Repeat(" ", ind))
			switch rng.Intn(10) {
			case 0:
				b.WriteString("# comment")
			case 1:
				// blank line, maybe with spaces
			case 2, 3:
				b.WriteString("- ")
				if rng.Intn(2) == 0 {
					b.WriteString(keys[rng.Intn(len(keys))] + ": ")
				}
				b.WriteString(scalars[rng.Intn(len(scalars))])
			case 4:
				b.WriteString("  text line " + scalars[rng.Intn(len(scalars))])
			default:
				b.WriteString(keys[rng.Intn(len(keys))] + ":")
				if rng.Intn(4) != 0 {
					b.WriteString(strings.Repeat(" ", 1+rng.Intn(2)) + scalars[rng.Intn(len(scalars))])
				}
			}
			b.WriteString(comments[rng.Intn(len(comments))])
			if rng.Intn(20) == 0 {
				b.WriteString(" ")
			}
			b.WriteString("\n")
		}
		data := b.String()
		if rng.Intn(8) == 0 {
			data = strings.TrimSuffix(data, "\n")
		}
		if checkFast(t, fmt.Sprintf("generated %d", n), []byte(data)) {
			accepted++
		}
	}
	t.Logf("fast path accepted %d of 30000", accepted)
}

// yamlGen writes random well-formed documents of the subset, with
// occasional glitches, for TestFastYAMLStructured.
type yamlGen struct {
	rng *rand.Rand
	b   strings.Builder
}

var genScalars = []string{"1", "0", "-3", "42", "1.5", "8.0635", "-0.25", "2025-01-20", "2024年6月底", "true", "false", "~", "null",
	"x", "a b", "a#b", "http://x.y", "文字：值", "'q'", "'it''s'", "\"d\"", "\"\"", "''", "示例市人民政府办公室", "x y ", "007", "1e3", "2025-02-30", "yes"}

func (g *yamlGen) pick(list []string) string { return list[g.rng.Intn(len(list))] }

func (g *yamlGen) line(ind int, s string) {
	if g.rng.Intn(12) == 0 {
		g.b.WriteString(strings.Repeat(" ", g.rng.Intn(5)) + "# note\n")
	}
	if g.rng.Intn(12) == 0 {
		g.b.WriteString(strings.Repeat(" ", g.rng.Intn(5)) + "\n")
	}
	if g.rng.Intn(40) == 0 {
		ind += 1 - 2*g.rng.Intn(2) // glitch
	}
	g.b.WriteString(strings.Repeat(" ", max(ind, 0)) + s)
	if g.rng.Intn(6) == 0 {
		g.b.WriteString(g.pick([]string{"  # c", " #c", " ", "#c"}))
	}
	g.b.WriteString("\n")
}

func (g *yamlGen) flow() string {
	n := g.rng.Intn(4)
	var parts []string
	if g.rng.Intn(2) == 0 {
		for range n + 1 {
			parts = append(parts, g.pick([]string{"a", "bb", "年度"})+": "+g.pick(genScalars[:20]))
		}
		return "{" + strings.Join(parts, g.pick([]string{", ", ",", " , "})) + "}"
	}
	for range n {
		parts = append(parts, g.pick(genScalars[:20]))
	}
	return "[" + strings.Join(parts, g.pick([]string{", ", ",", " , "})) + "]"
}

// value returns the text after "key:" or "-", writing any following lines.
func (g *yamlGen) value(head string, ind, depth int, inMap bool) {
	switch r := g.rng.Intn(10); {
	case r < 4 || depth > 4:
		g.line(ind, head+" "+g.pick(genScalars))
	case r == 4:
		g.line(ind, head+" "+g.flow())
	case r == 5:
		g.line(ind, head+" "+g.pick([]string{"|", "|-", "|  # c"}))
		body := ind + 1 + g.rng.Intn(4)
		for range 1 + g.rng.Intn(3) {
			switch g.rng.Intn(5) {
			case 0:
				g.b.WriteString(strings.Repeat(" ", g.rng.Intn(body+2)) + "\n")
			case 1:
				g.b.WriteString(strings.Repeat(" ", body+1+g.rng.Intn(2)) + "deeper # text\n")
			default:
				g.b.WriteString(strings.Repeat(" ", body) + g.pick(genScalars) + "\n")
			}
		}
	case r == 6:
		g.line(ind, head)
	case r == 7 && inMap && g.rng.Intn(2) == 0:
		g.line(ind, head)
		g.seq(ind, depth+1)
	default:
		g.line(ind, head)
		if g.rng.Intn(2) == 0 {
			g.mapping(ind+1+g.rng.Intn(4), depth+1, "")
		} else {
			g.seq(ind+1+g.rng.Intn(4), depth+1)
		}
	}
}

func (g *yamlGen) mapping(ind, depth int, prefix string) {
	for i := range 1 + g.rng.Intn(4) {
		key := g.pick([]string{"a", "b", "c", "year", "2019", "年度", "a-b", "true"})
		if i == 0 && prefix != "" {
			// the first key shares the line of a sequence entry
			g.value(prefix+key+":", ind-len(prefix), depth, true)
			continue
		}
		g.value(key+":", ind, depth, true)
	}
}

func (g *yamlGen) seq(ind, depth int) {
	for range 1 + g.rng.Intn(4) {
		if g.rng.Intn(3) == 0 && depth < 5 {
			pre := "-" + strings.Repeat(" ", 1+g.rng.Intn(3))
			g.mapping(ind+len(pre), depth+1, pre)
			continue
		}
		g.value("-", ind, depth, false)
	}
}

// TestFastYAMLStructured: random documents of the subset; the fast path
// must accept most of them and agree with yaml.v3 on all it accepts.
func TestFastYAMLStructured(t *testing.T) {
	g := &yamlGen{rng: rand.New(rand.NewSource(3))}
	accepted := 0
	const n = 20000
	for i := range n {
		g.b.Reset()
		if g.rng.Intn(8) == 0 {
			g.b.WriteString("---\n")
		}
		if g.rng.Intn(6) == 0 {
			g.seq(0, 0)
		} else {
			g.mapping(0, 0, "")
		}
		data := g.b.String()
		if g.rng.Intn(8) == 0 {
			data = strings.TrimRight(data, "\n")
		}
		if checkFast(t, fmt.Sprintf("structured %d", i), []byte(data)) {
			accepted++
		}
	}
	t.Logf("fast path accepted %d of %d", accepted, n)
}

// TestFastYAMLScalars: plain scalars made of the characters that matter to
// tag resolution (digits, signs, dots, exponents, base prefixes, dates) get
// yaml.v3's tag whenever the fast path accepts them, as mapping values, in
// flow sequences and as keys.
func TestFastYAMLScalars(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	const alphabet = "0123456789012345.-+-eExXoObB_:, tTfFnN~年"
	accepted := 0
	for i := range 10000 {
		rs := []rune(alphabet)
		n := 1 + rng.Intn(11)
		var b strings.Builder
		for range n {
			b.WriteRune(rs[rng.Intn(len(rs))])
		}
		s := b.String()
		for _, doc := range []string{"a: " + s + "\n", "a: [" + s + "]\n", s + ": 1\n"} {
			if checkFast(t, fmt.Sprintf("scalar %d", i), []byte(doc)) {
				accepted++
			}
		}
	}
	t.Logf("fast path accepted %d of 30000", accepted)
}
