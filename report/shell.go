package report

import "strings"

// ShellArg is s as one argument of a command line the user may copy into
// a shell (a suggested `nianbao check 县 数据/2024.yaml`): unchanged when
// it holds only letters (any script), digits and the characters
// _-./:@%+,=, otherwise in POSIX single quotes (a ' inside written
// '\”); "" gives ”. Every suggested command quotes its paths with it.
func ShellArg(s string) string {
	if s == "" {
		return "''"
	}
	safe := true
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune("_-./:@%+,=", r):
		case r > 0x7f && !isSpaceOrControl(r):
		default:
			safe = false
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// isSpaceOrControl reports whether r is white space (including the
// ideographic space U+3000) or not printable.
func isSpaceOrControl(r rune) bool {
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200F || r >= 0x80 && r < 0xA0
}
