package xlsx

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The importer reads the few parts of a workbook it needs itself, with a
// plain byte scanner, instead of handing untrusted input to excelize:
// excelize decodes every part with encoding/xml (20–30 ms for a workbook
// LibreOffice saved, most of an import), decrypts OLE files with loop
// counts read from the file, and expands sparse rows. The scanner is
// bounded by the limits checked in preflight and never allocates more than
// the inflated parts hold.

// cellType is what a stored cell holds.
type cellType int

const (
	cNumber cellType = iota // t="n" or no t; also a cell with no value
	cText                   // shared, inline or formula string (t="s", "inlineStr", "str")
	cBool                   // t="b"
	cError                  // t="e"
	cDate                   // t="d" (ISO 8601 text)
)

// xcell is one stored cell.
type xcell struct {
	typ     cellType
	val     string // stored value, strings resolved and unescaped
	formula string // formula text without "="
	hasF    bool   // an <f> element is present (possibly empty: shared formula)
	style   int    // index into cellXfs
}

// xsheet is the cells of one worksheet by position.
type xsheet map[[2]int]*xcell

// xbook is a parsed workbook.
type xbook struct {
	sheets map[string]xsheet // by sheet name
	order  []string          // sheet names in workbook order
	xfs    []int             // cellXfs index → numFmtId
	fmts   map[int]string    // custom number formats by id
}

// tag is one start or empty-element tag found by the scanner.
type tag struct {
	name  string // local name, without namespace prefix
	attrs []byte // raw attribute text
	empty bool   // <x/>
	end   bool   // </x>
}

// scanner walks the tags of an XML part.
type scanner struct {
	b []byte
	i int
}

// next returns the next tag, skipping text, comments, processing
// instructions and CDATA; ok is false at the end.
func (s *scanner) next() (t tag, ok bool) {
	for {
		j := bytes.IndexByte(s.b[s.i:], '<')
		if j < 0 {
			s.i = len(s.b)
			return tag{}, false
		}
		s.i += j + 1
		rest := s.b[s.i:]
		switch {
		case bytes.HasPrefix(rest, []byte("!--")):
			k := bytes.Index(rest, []byte("-->"))
			if k < 0 {
				s.i = len(s.b)
				return tag{}, false
			}
			s.i += k + 3
			continue
		case bytes.HasPrefix(rest, []byte("![CDATA[")):
			k := bytes.Index(rest, []byte("]]>"))
			if k < 0 {
				s.i = len(s.b)
				return tag{}, false
			}
			s.i += k + 3
			continue
		}
		end := tagEnd(rest)
		if end < 0 {
			s.i = len(s.b)
			return tag{}, false
		}
		body := rest[:end]
		s.i += end + 1
		if len(body) == 0 || body[0] == '?' || body[0] == '!' {
			continue
		}
		if body[0] == '/' {
			t.end = true
			body = body[1:]
		}
		if n := len(body); n > 0 && body[n-1] == '/' {
			t.empty = true
			body = body[:n-1]
		}
		name := body
		if k := bytes.IndexAny(name, " \t\r\n"); k >= 0 {
			t.attrs = name[k:]
			name = name[:k]
		}
		if k := bytes.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		t.name = string(name)
		return t, true
	}
}

// tagEnd finds the '>' that closes a tag, skipping quoted attribute values.
func tagEnd(b []byte) int {
	var q byte
	for i, c := range b {
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '>':
			return i
		}
	}
	return -1
}

// text returns the character data from the scanner's position up to the
// end tag of name (text and CDATA concatenated, entities decoded), and
// moves past that end tag. Nested elements are skipped.
func (s *scanner) text(name string) string {
	var out []byte
	depth := 0
	for s.i < len(s.b) {
		j := bytes.IndexByte(s.b[s.i:], '<')
		if j < 0 {
			if depth == 0 {
				out = append(out, s.b[s.i:]...)
			}
			s.i = len(s.b)
			break
		}
		if depth == 0 {
			out = append(out, s.b[s.i:s.i+j]...)
		}
		s.i += j
		rest := s.b[s.i:]
		if bytes.HasPrefix(rest, []byte("<![CDATA[")) {
			k := bytes.Index(rest, []byte("]]>"))
			if k < 0 {
				s.i = len(s.b)
				break
			}
			if depth == 0 {
				// Escape so unescape below leaves the CDATA text as is.
				out = append(out, escapeAmp(rest[9:k])...)
			}
			s.i += k + 3
			continue
		}
		t, ok := s.next()
		if !ok {
			break
		}
		switch {
		case t.end && depth == 0 && t.name == name:
			return unescape(out)
		case t.end:
			depth--
		case !t.empty:
			depth++
		}
	}
	return unescape(out)
}

func escapeAmp(b []byte) []byte {
	return bytes.ReplaceAll(b, []byte("&"), []byte("&amp;"))
}

// attr returns the unescaped value of attribute name (local name, any
// prefix) in raw attribute text.
func attr(attrs []byte, name string) (string, bool) {
	i := 0
	for i < len(attrs) {
		for i < len(attrs) && (attrs[i] == ' ' || attrs[i] == '\t' || attrs[i] == '\r' || attrs[i] == '\n') {
			i++
		}
		eq := bytes.IndexByte(attrs[i:], '=')
		if eq < 0 {
			return "", false
		}
		key := bytes.TrimSpace(attrs[i : i+eq])
		i += eq + 1
		for i < len(attrs) && (attrs[i] == ' ' || attrs[i] == '\t' || attrs[i] == '\r' || attrs[i] == '\n') {
			i++
		}
		if i >= len(attrs) || (attrs[i] != '"' && attrs[i] != '\'') {
			return "", false
		}
		q := attrs[i]
		e := bytes.IndexByte(attrs[i+1:], q)
		if e < 0 {
			return "", false
		}
		val := attrs[i+1 : i+1+e]
		i += e + 2
		if k := bytes.IndexByte(key, ':'); k >= 0 {
			key = key[k+1:]
		}
		if string(key) == name {
			return unescape(val), true
		}
	}
	return "", false
}

// unescape decodes XML entities and character references, then the
// _xHHHH_ escapes of OOXML strings. Unknown entities are kept as written.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.Index(b, []byte("_x")) < 0 {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); {
		c := b[i]
		if c != '&' {
			out = append(out, c)
			i++
			continue
		}
		semi := bytes.IndexByte(b[i:], ';')
		if semi < 0 || semi > 12 {
			out = append(out, c)
			i++
			continue
		}
		ent := string(b[i+1 : i+semi])
		var r rune = -1
		switch ent {
		case "lt":
			r = '<'
		case "gt":
			r = '>'
		case "amp":
			r = '&'
		case "quot":
			r = '"'
		case "apos":
			r = '\''
		default:
			if strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X") {
				if n, err := strconv.ParseUint(ent[2:], 16, 32); err == nil {
					r = rune(n)
				}
			} else if strings.HasPrefix(ent, "#") {
				if n, err := strconv.ParseUint(ent[1:], 10, 32); err == nil {
					r = rune(n)
				}
			}
		}
		if r < 0 || !utf8.ValidRune(r) {
			out = append(out, c)
			i++
			continue
		}
		out = utf8.AppendRune(out, r)
		i += semi + 1
	}
	return unescapeX(string(out))
}

// unescapeX decodes the _xHHHH_ escapes OOXML uses for characters XML
// cannot hold (_x000D_ for a carriage return, _x005F_ for an underscore).
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				b.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// parseSharedStrings reads xl/sharedStrings.xml: each <si> is the text of
// its <t> elements (rich-text runs concatenated), phonetic runs left out.
func parseSharedStrings(b []byte) []string {
	var out []string
	s := &scanner{b: b}
	var cur strings.Builder
	in, inPh := false, false
	for {
		t, ok := s.next()
		if !ok {
			break
		}
		switch t.name {
		case "si":
			switch {
			case t.end:
				out = append(out, cur.String())
				in = false
			case t.empty:
				out = append(out, "")
			default:
				cur.Reset()
				in = true
			}
		case "rPh":
			inPh = !t.end && !t.empty
		case "t":
			if in && !inPh && !t.end && !t.empty {
				cur.WriteString(s.text("t"))
			}
		}
		if len(out) > maxCells {
			break
		}
	}
	return out
}

// parseStyles reads the number format of every cell style.
func parseStyles(b []byte) (xfs []int, fmts map[int]string) {
	fmts = map[int]string{}
	s := &scanner{b: b}
	inXfs := false
	for {
		t, ok := s.next()
		if !ok {
			break
		}
		switch t.name {
		case "numFmt":
			if t.end {
				continue
			}
			id, _ := attr(t.attrs, "numFmtId")
			code, _ := attr(t.attrs, "formatCode")
			if n, err := strconv.Atoi(id); err == nil {
				fmts[n] = code
			}
		case "cellXfs":
			inXfs = !t.end && !t.empty
		case "xf":
			if !inXfs || t.end {
				continue
			}
			id, _ := attr(t.attrs, "numFmtId")
			n, _ := strconv.Atoi(id)
			xfs = append(xfs, n)
			if len(xfs) > 100000 {
				return xfs, fmts
			}
		}
	}
	return xfs, fmts
}

// parseSheet reads the cells of a worksheet, refusing (with a message)
// one that reaches beyond the bounds of a report workbook.
func parseSheet(b []byte, sst []string) (xsheet, string) {
	cells := xsheet{}
	s := &scanner{b: b}
	row, col, merges := 0, 0, 0
	var cur *xcell
	for {
		t, ok := s.next()
		if !ok {
			break
		}
		switch t.name {
		case "row":
			if t.end {
				continue
			}
			row++
			col = 0
			if v, ok := attr(t.attrs, "r"); ok {
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 {
					return nil, fmt.Sprintf("工作表的行号“%s”无效，文件已损坏", clip(v))
				}
				row = n
			}
			if row > maxSheetRow {
				return nil, fmt.Sprintf("工作表有超出年报表格范围的行（第 %d 行）。请删除表格以外的内容后重试", row)
			}
		case "c":
			if t.end {
				cur = nil
				continue
			}
			col++
			if v, ok := attr(t.attrs, "r"); ok {
				c, r, err := excelize.CellNameToCoordinates(v)
				if err != nil {
					return nil, fmt.Sprintf("工作表的单元格名称“%s”无效，文件已损坏", clip(v))
				}
				col = c
				row = max(row, r)
			}
			if col > maxSheetCol || row > maxSheetRow {
				return nil, fmt.Sprintf("工作表的 %s 单元格超出了年报表格的范围。请删除表格以外的内容后重试", ref(min(col, 16384), min(max(row, 1), 1048576)))
			}
			if len(cells) >= maxCells {
				return nil, "工作表的单元格数量远多于年报表格，拒绝处理"
			}
			c := &xcell{}
			tv, _ := attr(t.attrs, "t")
			switch tv {
			case "s":
				c.typ = cText
				c.val = "\x00s" // resolved at the end of the cell
			case "inlineStr", "str":
				c.typ = cText
			case "b":
				c.typ = cBool
			case "e":
				c.typ = cError
			case "d":
				c.typ = cDate
			}
			if sv, ok := attr(t.attrs, "s"); ok {
				c.style, _ = strconv.Atoi(sv)
			}
			cells[[2]int{col, row}] = c
			if !t.empty {
				cur = c
			}
		case "v":
			if cur != nil && !t.end && !t.empty {
				v := s.text("v")
				if cur.val == "\x00s" {
					cur.val = "\x00s" + v
				} else {
					cur.val = v
				}
			}
		case "f":
			if cur != nil && !t.end {
				cur.hasF = true
				if !t.empty {
					cur.formula = s.text("f")
				}
			}
		case "is":
			if cur != nil && !t.end && !t.empty {
				cur.val = inlineText(s)
			}
		case "mergeCell":
			if t.end {
				continue
			}
			merges++
			if merges > maxMerges {
				return nil, "工作表的合并单元格数量远多于年报表格，拒绝处理"
			}
		}
	}
	// Resolve shared-string indexes; a bad index reads as an empty string.
	for _, c := range cells {
		if strings.HasPrefix(c.val, "\x00s") {
			idx, err := strconv.Atoi(strings.TrimSpace(c.val[2:]))
			c.val = ""
			if err == nil && idx >= 0 && idx < len(sst) {
				c.val = sst[idx]
			}
		}
	}
	return cells, ""
}

// inlineText reads an <is> element's text: its <t> elements outside
// phonetic runs.
func inlineText(s *scanner) string {
	var b strings.Builder
	inPh := false
	for {
		t, ok := s.next()
		if !ok {
			return b.String()
		}
		switch t.name {
		case "is":
			if t.end {
				return b.String()
			}
		case "rPh":
			inPh = !t.end && !t.empty
		case "t":
			if !inPh && !t.end && !t.empty {
				b.WriteString(s.text("t"))
			}
		}
	}
}
