package report_test

import (
	"testing"

	. "nianbao/report"
)

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"示例县统计局":                 "示例县统计局",
		"a\x1b[2Jb":              `a\u001B[2Jb`,
		"名称\u202E局计统":            `名称\u202E局计统`,
		"行\u2028分隔":              `行\u2028分隔`,
		"tab\tnl\n":              `tab\u0009nl\u000A`,
		"c1\u0085 \u2066x\u2069": `c1\u0085 \u2066x\u2069`,
		"\uFFFE\uFFFF":           `\uFFFE\uFFFF`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrintableText(t *testing.T) {
	if got, want := PrintableText("第一行\n\t第二行\x1b[31m\u202E"), "第一行\n\t第二行\\u001B[31m\\u202E"; got != want {
		t.Errorf("PrintableText = %q, want %q", got, want)
	}
}
