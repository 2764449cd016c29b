package report

import (
	"fmt"
	"strings"
)

// Printable escapes the characters a terminal would act on rather than
// show: C0 and C1 controls (tab and newline included), U+2028/U+2029 and
// the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F,
// U+061C), and U+FFFE/U+FFFF; each becomes \uXXXX. Everything a command
// prints that came from a file or a file name goes through it.
func Printable(s string) string { return escape(s, unsafeRune) }

// PrintableText is Printable for text of several lines: newline and tab
// stay as they are.
func PrintableText(s string) string { return escape(s, unsafeTextRune) }

func escape(s string, unsafe func(rune) bool) string {
	if !strings.ContainsFunc(s, unsafe) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafe(r) {
			fmt.Fprintf(&b, `\u%04X`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeTextRune(r rune) bool { return r != '\n' && r != '\t' && unsafeRune(r) }

func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r < 0xA0:
		return true
	case r == 0x2028, r == 0x2029, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069,
		r == 0x200E, r == 0x200F, r == 0x061C, r == 0xFFFE, r == 0xFFFF:
		return true
	}
	return false
}
