package report

import (
	"fmt"
	"strings"
)

// Printable escapes the characters a terminal would act on rather than
// show (Invisible: C0 and C1 controls, tab and newline included, U+2028/
// U+2029, the bidirectional controls and U+FFFE/U+FFFF); each becomes
// \uXXXX. Everything a command prints that came from a file or a file
// name goes through it.
func Printable(s string) string { return escape(s, Invisible) }

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

func unsafeTextRune(r rune) bool { return !TextAllowed(r) && Invisible(r) }

// Invisible and control characters. YAML refuses most raw control
// characters, but escapes in double-quoted strings ("\e[2J", "\0",
// "\u202E") get through, as do some raw ones (C1, bidi controls, U+2028),
// and workbook cells can hold any of them. They could erase a line of a
// terminal, show a browser a name other than the one matched against last
// year's file, or vanish from a PDF. Identity fields refuse them (S-10);
// text sections drop them with a warning for each (TX-8); every printed
// message escapes them (Printable).

var charNames = map[rune]string{
	0x00: "空字符", 0x07: "响铃符", 0x08: "退格符", 0x09: "制表符", 0x0A: "换行符", 0x0B: "垂直制表符",
	0x0C: "换页符", 0x0D: "回车符", 0x1B: "转义符", 0x7F: "删除符", 0x85: "下一行符",
	0x2028: "行分隔符", 0x2029: "段分隔符",
	0x202A: "从左至右嵌入符", 0x202B: "从右至左嵌入符", 0x202C: "方向嵌入结束符", 0x202D: "从左至右覆盖符", 0x202E: "从右至左覆盖符",
	0x2066: "从左至右隔离符", 0x2067: "从右至左隔离符", 0x2068: "第一强方向隔离符", 0x2069: "方向隔离结束符",
	0xFFFE: "非字符", 0xFFFF: "非字符",
}

// Invisible reports whether r is refused in identity fields and removed
// from text: C0 and C1 controls, DEL, U+FFFE/U+FFFF, bidi controls and
// the line and paragraph separators. Newline and tab are among them; text
// sections keep those (see TextAllowed).
func Invisible(r rune) bool {
	return r < 0x20 || (r >= 0x7F && r <= 0x9F) || r == 0xFFFE || r == 0xFFFF ||
		(r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029
}

// TextAllowed reports the invisible characters text sections keep.
func TextAllowed(r rune) bool { return r == '\n' || r == '\t' }

// CharName names r as messages do: “U+2028 行分隔符”.
func CharName(r rune) string {
	name, ok := charNames[r]
	switch {
	case ok:
	case r < 0x20:
		name = "C0 控制字符"
	case r >= 0x80 && r <= 0x9F:
		name = "C1 控制字符"
	default:
		name = "不可见字符"
	}
	return fmt.Sprintf("U+%04X %s", r, name)
}

// Visible returns s with every control or Invisible character written as
// ⟨U+001B⟩, so that a value quoted in a message cannot move the cursor,
// erase a line or start a forged one.
func Visible(s string) string {
	if !strings.ContainsFunc(s, Invisible) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if Invisible(r) {
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// InvisibleRunes lists the Invisible characters of s in order, except those
// allowed. It lists at most 100: one file cannot flood the output.
func InvisibleRunes(s string, allowed func(rune) bool) []rune {
	var out []rune
	for _, r := range s {
		if Invisible(r) && (allowed == nil || !allowed(r)) {
			out = append(out, r)
			if len(out) == 100 {
				break
			}
		}
	}
	return out
}
