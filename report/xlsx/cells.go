package xlsx

// Writing cells: escaping, splitting long texts over cells, styles,
// merges, row heights and column widths.

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// set writes a text or whole-number value into a cell. A text longer
// than a cell holds is an error naming the cell (excelize would cut it).
func (w *writer) set(sheet string, col, row int, v any) {
	cell := ref(col, row)
	switch v := v.(type) {
	case string:
		if n := len(utf16.Encode([]rune(v))); n > maxCellChars {
			w.check(fmt.Errorf("%s!%s 的内容有 %d 个字符（按 UTF-16 计），超过了 Excel 单元格的上限 %d 个字符，无法写入工作簿", sheet, cell, n, maxCellChars))
			return
		}
		w.check(w.f.SetCellStr(sheet, cell, escapeX(v)))
	default: // a whole number
		w.check(w.f.SetCellValue(sheet, cell, v))
	}
}

// escapeX protects text that looks like an OOXML _xHHHH_ escape, which
// spreadsheet programs (excelize too) decode (_x000D_ → carriage return):
// its underscore is written as _x005F_. excelize's SetCellStr does not.
func escapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && i+7 <= len(s) && s[i+1] == 'x' && s[i+6] == '_' && isHex(s[i+2:i+6]) {
			b.WriteString("_x005F_")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(s string) bool {
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// splitText cuts a text into the cells it fills (none when empty): each
// holds at most maxCellChars UTF-16 units once escapeX has protected it,
// cut between characters; Read joins them again.
func splitText(s string) []string {
	limit := maxCellChars
	if strings.Contains(s, "_x") {
		limit = maxCellChars * 7 / 13 // escapeX makes 7 units 13 at worst
	}
	var parts []string
	for s != "" {
		n, i := 0, len(s)
		for j, r := range s {
			if n += utf16.RuneLen(r); n > limit {
				i = j
				break
			}
		}
		parts, s = append(parts, s[:i]), s[i:]
	}
	return parts
}

func (w *writer) formula(sheet string, col, row int, expr string) {
	w.check(w.f.SetCellFormula(sheet, ref(col, row), expr))
}

func (w *writer) styleRange(sheet string, col, row, cols, rows, style int) {
	w.check(w.f.SetCellStyle(sheet, ref(col, row), ref(col+cols-1, row+rows-1), style))
}

func (w *writer) merge(sheet string, col, row, cols, rows int) {
	if cols > 1 || rows > 1 {
		w.check(w.f.MergeCell(sheet, ref(col, row), ref(col+cols-1, row+rows-1)))
	}
}

func (w *writer) rowHeight(sheet string, row int, h float64) {
	w.check(w.f.SetRowHeight(sheet, row, h))
}

// colWidths sets the widths of columns A, B, … in turn.
func (w *writer) colWidths(sheet string, widths ...float64) {
	for i, wd := range widths {
		w.colWidth(sheet, i+1, i+1, wd)
	}
}

func (w *writer) colWidth(sheet string, c0, c1 int, width float64) {
	w.check(w.f.SetColWidth(sheet, colName(c0), colName(c1), width))
}
