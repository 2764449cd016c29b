package plain

import (
	"strings"
	"testing"
)

func TestCJKWidth(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"表三", 4},
		{"（一）", 6},       // fullwidth parentheses
		{"“三安全一稳定”", 14}, // ambiguous quotes count as one column
		{"−3.0%", 5},     // U+2212 is ambiguous: one column
		{"１２", 4},        // fullwidth digits
		{"e\u0301", 1},   // combining acute accent
		{"\u200b", 0},    // zero-width space
		{"𠮷", 2},         // CJK Extension B
		{"한국", 4},        // Hangul
		{"2024年度", 8},
	} {
		if got := cjkWidth(tc.s); got != tc.want {
			t.Errorf("cjkWidth(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestCJKTableAligns(t *testing.T) {
	tb := &cjkTable{head: []string{"项目", "数", "说明"}, align: []byte("lrl"),
		rows: [][]string{{"规章", "1", ""}, {"ab", "1234", "注"}}}
	var b strings.Builder
	tb.write(&b)
	want := "项目    数  说明\n" +
		"规章     1\n" +
		"ab    1234  注\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
