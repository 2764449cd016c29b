package datafile_test

import (
	"strconv"
	"strings"
	"testing"

	. "nianbao/report/datafile"
)

// Every syntax error yaml.v3 can raise in a flow sequence, a flow map, a
// block map and a block scalar is named at its true line and column (the
// first character of the offending token, or where a missing “]” or “}”
// belongs).
func TestSyntaxErrorPositions(t *testing.T) {
	tests := []struct {
		name, src, at, msg string
	}{
		// flow sequence
		{"seq empty entry", "a: 1\nb: [1, , 0, 0]\nc: 2\n", "2:8", "空项"},
		{"seq unclosed", "a: 1\nb: [1, 0, 0\nc: 2\n", "2:12", "补上“]”"},
		{"seq unclosed at end", "a: 1\nb: [1, 0, 0\n", "2:12", "补上“]”"},
		{"seq wrong closer", "a: 1\nb: [1, 0}\nc: 2\n", "2:9", "不配对"},
		{"seq block entry", "a: 1\nb: [- 1]\n", "2:5", "不能以“-”开头"},
		{"seq pair with two colons", "a: 1\nb: [a: 1: 2]\n", "2:9", "多出一个“:”"},
		{"seq reserved character", "a: 1\nb: [1, @x]\n", "2:8", ""},
		{"seq unclosed quote", "a: 1\nb: [1, 2, \"x]\nc: 2\n", "2:11", "引号"},
		{"seq nested unclosed", "a: 1\nb: {x: [1, 2}\n", "2:13", "不配对"},
		{"seq on first line", "b: [1, , 0]\n", "1:8", "空项"},
		{"seq continued line", "a: 1\nb: [1, 2,\n  , 3]\nc: 2\n", "3:3", "空项"},
		// flow map
		{"map unclosed", "a: 1\nb: {x: 1, y: 2\nc: 2\n", "2:15", "补上“}”"},
		{"map empty entry", "a: 1\nb: {x: 1, , y: 2}\nc: 2\n", "2:11", "空项"},
		{"map missing comma", "a: 1\nb: {x: 1 y: 2}\nc: 2\n", "2:11", "多出一个“:”"},
		{"map wrong closer", "a: 1\nb: {x: 1]\n", "2:9", "不配对"},
		{"map block entry", "a: 1\nb: {- 1}\n", "2:5", "不能以“-”开头"},
		// block map
		{"block stray bracket", "a: 1\nb:\n  x: [1, 2]]\nc: 2\n", "3:12", ""},
		{"block text after flow", "a: 1\nb: [1, 2], 3\n", "2:10", ""},
		{"block bad indent", "a: 1\n  b: 2\n", "2:4", ""},
		{"block missing colon", "a: 1\nb:\nc:2\n  d: 3\n", "3:3", ""},
		{"block sequence dedent", "a: 1\nb:\n - 1\n- 2\n", "4:1", ""},
		{"block tab", "a: 1\nb:\n\tc: 2\n", "3:1", ""},
		{"block unclosed quote", "a: 1\nb: \"abc\nc: 2\n", "2:4", ""},
		{"block bad escape", "a: 1\nb: \"a\\qb\"\nc: 2\n", "2:6", ""},
		{"block bad anchor", "a: 1\nb: &\n", "2:4", ""},
		// block scalar
		{"literal less indented", "a: 1\nb: |\n  text\n line\nc: 2\n", "4:2", ""},
		{"literal bad indicator", "a: 1\nb: |x\n  text\nc: 2\n", "2:5", ""},
		{"literal tab", "a: 1\nb: |\n  text\n\tline\nc: 2\n", "4:1", ""},
		{"folded then bad key", "a: 1\nb: >\n  text\n  \"\n c: 3\n", "5:2", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := Parse("s.yaml", []byte(tc.src))
			if len(ps) != 1 || ps[0].Rule != "S-1" {
				t.Fatalf("want one S-1 problem, got %v", ps)
			}
			p := ps[0]
			if got := strings.Join([]string{itoa(p.Pos.Line), itoa(p.Pos.Col)}, ":"); got != tc.at {
				t.Errorf("at %s, want %s: %s", got, tc.at, p)
			}
			if !strings.Contains(p.Msg, tc.msg) {
				t.Errorf("message lacks %q: %s", tc.msg, p.Msg)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// Escaped control characters in a text section are removed, each with a
// TX-8 warning at the line and column of its escape.
func TestTextControlsRemoved(t *testing.T) {
	r, ps := LoadFile("testdata/text-escape-controls.yaml")
	if r == nil || ps.HasErrors() {
		t.Fatalf("%v", ps)
	}
	var got []string
	for _, p := range ps {
		if p.Rule == "TX-8" {
			got = append(got, strconv.Itoa(p.Pos.Line)+":"+strconv.Itoa(p.Pos.Col)+" "+p.Msg[:strings.Index(p.Msg, "，")])
		}
	}
	want := []string{"8:15 文字中有不可见的控制字符 U+001B 转义符", "8:24 文字中有不可见的控制字符 U+0000 空字符", "8:31 文字中有不可见的控制字符 U+2028 行分隔符"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if body := r.Text[0].Body; strings.ContainsAny(body, "\x1b\x00\u2028") {
		t.Errorf("preface keeps control characters: %q", body)
	}
}
