package report

import (
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastParse is a fast path for the YAML subset the data files use: block
// mappings and sequences, single-line flow sequences and flow mappings of
// scalars, plain and single-line quoted scalars, literal block scalars (| and
// |-), comments, blank lines and an optional leading ---.
//
// It returns the document node that yaml.v3 would produce for data, equal in
// every field the loader reads (Kind, Tag, Value, Style, Line, Column,
// Content; comments are not kept). Whenever it is not certain to agree with
// yaml.v3 (any other syntax, any error, any scalar whose tag it does not
// resolve exactly) it returns ok=false and the caller uses yaml.v3, so error
// messages never depend on this parser. It never panics.
func fastParse(data []byte) (doc *yaml.Node, ok bool) {
	if len(data) > MaxFileSize || !utf8.Valid(data) {
		return nil, false
	}
	p := &fastParser{src: string(data)}
	if !p.splitLines() {
		return nil, false
	}
	return p.document()
}

type fastLine struct {
	start, end int // byte offsets of the line in src, end excludes the '\n'
	indent     int // leading spaces
	blank      bool
	comment    bool // only a comment after the indentation
	hasBreak   bool // the line ends with '\n'
}

type fastParser struct {
	src   string
	lines []fastLine
	depth int
	nodes []yaml.Node  // slab the nodes are carved from
	ptrs  []*yaml.Node // slab the Content slices are carved from
	stack []*yaml.Node // children of the collections being parsed
}

const fastMaxDepth = 64

// fastRejectByte marks the bytes that need a closer look in splitLines:
// control characters (tab and carriage return included; the newline is
// handled apart) and the lead bytes of the characters the fast path refuses.
var fastRejectByte = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t[0x7F], t[0xC2], t[0xE2], t[0xEF] = true, true, true, true
	return t
}()

// splitLines indexes the lines of valid UTF-8 source. It reports false on
// anything the fast path does not model: tabs, carriage returns and other
// control characters, C1 controls (including NEL), the Unicode line and
// paragraph separators, a byte order mark, and the non-characters
// U+FFFE/U+FFFF.
func (p *fastParser) splitLines() bool {
	src := p.src
	p.lines = make([]fastLine, 0, len(src)/32+1)
	start, indent, lead := 0, 0, true // lead: only spaces so far on this line
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == ' ' {
			if lead {
				indent++
			}
			continue
		}
		if c == '\n' {
			p.lines = append(p.lines, p.line(start, i, indent, lead))
			start, indent, lead = i+1, 0, true
			continue
		}
		lead = false
		if !fastRejectByte[c] {
			continue
		}
		switch c {
		case 0xC2: // U+0080–U+009F
			if i+1 < len(src) && src[i+1] < 0xA0 {
				return false
			}
		case 0xE2: // U+2028, U+2029
			if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9) {
				return false
			}
		case 0xEF: // U+FEFF, U+FFFE, U+FFFF
			if i+2 < len(src) && (src[i+1] == 0xBB && src[i+2] == 0xBF || src[i+1] == 0xBF && src[i+2] >= 0xBE) {
				return false
			}
		default:
			return false
		}
	}
	p.lines = append(p.lines, p.line(start, len(src), indent, lead))
	p.lines[len(p.lines)-1].hasBreak = false
	return true
}

func (p *fastParser) line(start, end, indent int, blank bool) fastLine {
	return fastLine{start: start, end: end, indent: indent, blank: blank, hasBreak: true,
		comment: !blank && p.src[start+indent] == '#'}
}

func (p *fastParser) newNode() *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, 128)
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	return &p.nodes[len(p.nodes)-1]
}

// content returns the children pushed on the stack since base as a slice of
// its own (full capacity: appending to it cannot clobber a neighbour), and
// pops them.
func (p *fastParser) content(base int) []*yaml.Node {
	kids := p.stack[base:]
	n := len(kids)
	if n == 0 {
		return nil
	}
	if cap(p.ptrs)-len(p.ptrs) < n {
		p.ptrs = make([]*yaml.Node, 0, max(256, n))
	}
	i := len(p.ptrs)
	p.ptrs = append(p.ptrs, kids...)
	p.stack = p.stack[:base]
	return p.ptrs[i : i+n : i+n]
}

// col returns the 1-based column (in characters, as yaml.v3 counts) of byte
// offset off on line li.
func (p *fastParser) col(li, off int) int {
	s := p.src[p.lines[li].start:off]
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return 1 + utf8.RuneCountInString(s)
		}
	}
	return 1 + len(s)
}

// nextContent returns the index of the first line at or after li that is
// neither blank nor a comment, or len(lines).
func (p *fastParser) nextContent(li int) int {
	for li < len(p.lines) && (p.lines[li].blank || p.lines[li].comment) {
		li++
	}
	return li
}

func (p *fastParser) document() (*yaml.Node, bool) {
	doc := p.newNode()
	doc.Kind = yaml.DocumentNode
	li := p.nextContent(0)
	if li == len(p.lines) {
		return nil, false
	}
	explicit := false
	if l := p.lines[li]; p.src[l.start:l.end] == "---" {
		doc.Line, doc.Column = li+1, 1
		explicit = true
		li = p.nextContent(li + 1)
		if li == len(p.lines) {
			return nil, false
		}
	}
	// No other line may look like a document marker or a directive.
	for i := li; i < len(p.lines); i++ {
		l := p.lines[i]
		if l.indent == 0 && !l.blank {
			s := p.src[l.start:l.end]
			if s[0] == '%' || hasMarker(s, "---") || hasMarker(s, "...") {
				return nil, false
			}
		}
	}
	if p.lines[li].indent != 0 {
		return nil, false
	}
	root, next, ok := p.block(li, -1)
	if !ok || p.nextContent(next) != len(p.lines) {
		return nil, false
	}
	if !explicit {
		doc.Line, doc.Column = root.Line, root.Column
	}
	p.stack = append(p.stack, root)
	doc.Content = p.content(0)
	return doc, true
}

func hasMarker(s, m string) bool {
	return len(s) >= 3 && s[:3] == m
}

// block parses the block collection starting on content line li, whose
// parent collection is indented parent spaces. It returns the node and the
// line after it.
func (p *fastParser) block(li, parent int) (*yaml.Node, int, bool) {
	l := p.lines[li]
	if l.indent <= parent {
		return nil, 0, false
	}
	if p.isEntry(li) {
		return p.sequence(li, l.indent)
	}
	return p.mapping(li, l.start+l.indent, l.indent)
}

// isEntry reports whether content line li starts with a block sequence entry.
func (p *fastParser) isEntry(li int) bool {
	l := p.lines[li]
	i := l.start + l.indent
	return p.src[i] == '-' && (i+1 == l.end || p.src[i+1] == ' ')
}

func (p *fastParser) enter() bool {
	p.depth++
	return p.depth <= fastMaxDepth
}

// mapping parses a block mapping whose first key starts at byte offset off
// of line li; ind is its indentation (the key's column, 0-based).
func (p *fastParser) mapping(li, off, ind int) (*yaml.Node, int, bool) {
	if !p.enter() {
		return nil, 0, false
	}
	defer func() { p.depth-- }()
	m := p.newNode()
	m.Kind, m.Tag = yaml.MappingNode, "!!map"
	m.Line, m.Column = li+1, p.col(li, off)
	base := len(p.stack)
	for {
		k, colon, ok := p.key(li, off, p.lines[li].end)
		if !ok {
			return nil, 0, false
		}
		v, next, ok := p.value(li, colon+1, ind, true)
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, k, v)
		li = p.nextContent(next)
		if li == len(p.lines) || p.lines[li].indent < ind {
			break
		}
		if p.lines[li].indent > ind || p.isEntry(li) {
			return nil, 0, false
		}
		off = p.lines[li].start + ind
	}
	m.Content = p.content(base)
	return m, li, true
}

// sequence parses a block sequence whose entries are indented ind spaces.
func (p *fastParser) sequence(li, ind int) (*yaml.Node, int, bool) {
	if !p.enter() {
		return nil, 0, false
	}
	defer func() { p.depth-- }()
	s := p.newNode()
	s.Kind, s.Tag = yaml.SequenceNode, "!!seq"
	s.Line, s.Column = li+1, ind+1
	base := len(p.stack)
	for {
		dash := p.lines[li].start + ind
		v, next, ok := p.value(li, dash+1, ind, false)
		if !ok {
			return nil, 0, false
		}
		p.stack = append(p.stack, v)
		li = p.nextContent(next)
		if li == len(p.lines) || p.lines[li].indent < ind {
			break
		}
		if p.lines[li].indent > ind {
			return nil, 0, false
		}
		if !p.isEntry(li) {
			break // a key of the parent mapping (an indentless sequence)
		}
	}
	s.Content = p.content(base)
	return s, li, true
}

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= utf8.RuneSelf
}

// key scans a simple key at byte offset off (bounded by end) followed by ':'
// and a space or the end of the line. It returns the key node and the offset
// of the colon.
func (p *fastParser) key(li, off, end int) (*yaml.Node, int, bool) {
	i, ok := p.keyEnd(off, end)
	if !ok {
		return nil, 0, false
	}
	v := p.src[off:i]
	tag, ok := plainTag(v)
	if !ok {
		return nil, 0, false
	}
	k := p.newNode()
	k.Kind, k.Tag, k.Value = yaml.ScalarNode, tag, v
	k.Line, k.Column = li+1, p.col(li, off)
	return k, i, true
}

// keyEnd returns the offset of the colon ending a simple key at off.
func (p *fastParser) keyEnd(off, end int) (int, bool) {
	i := off
	for i < end && isKeyByte(p.src[i]) {
		i++
	}
	if i == off || i-off > 128 || p.src[off] == '-' || i == end || p.src[i] != ':' || (i+1 < end && p.src[i+1] != ' ') {
		return 0, false
	}
	return i, true
}

// value parses what follows a block mapping's colon or a sequence entry's
// dash at byte offset off of line li; ind is the indentation of the
// collection the value belongs to. inMap tells a mapping value from a
// sequence entry. It returns the node and the line after it.
func (p *fastParser) value(li, off, ind int, inMap bool) (*yaml.Node, int, bool) {
	l := p.lines[li]
	i := off
	for i < l.end && p.src[i] == ' ' {
		i++
	}
	if i == l.end || (p.src[i] == '#' && i > off) {
		// Nothing on this line: a nested block, or null.
		next := p.nextContent(li + 1)
		if next < len(p.lines) {
			nl := p.lines[next]
			if nl.indent > ind {
				return p.block(next, ind)
			}
			if inMap && nl.indent == ind && p.isEntry(next) {
				return p.sequence(next, ind)
			}
		}
		n := p.newNode()
		n.Kind, n.Tag = yaml.ScalarNode, "!!null"
		n.Line, n.Column = li+1, p.col(li, off)
		return n, li + 1, true
	}
	if i == off {
		return nil, 0, false // "key:value" or "-value" never get here, but be safe
	}
	switch c := p.src[i]; c {
	case '|':
		return p.literal(li, i, ind)
	case '[':
		n, ok := p.flowSeq(li, i)
		return n, li + 1, ok
	case '{':
		n, ok := p.flowMap(li, i)
		return n, li + 1, ok
	case '"', '\'':
		n, end, ok := p.quoted(li, i, l.end)
		if !ok || !p.restIsComment(end, l.end) {
			return nil, 0, false
		}
		return n, li + 1, true
	case '-':
		if i+1 == l.end || p.src[i+1] == ' ' {
			return nil, 0, false // nested "- - x" or "key: - x"
		}
	case '#', '&', '*', '!', '>', '%', '@', '`', '?', ':', ',', ']', '}':
		return nil, 0, false
	}
	if !inMap {
		// A compact mapping "- key: value" starts here when a colon follows.
		if _, ok := p.keyEnd(i, l.end); ok {
			return p.mapping(li, i, p.col(li, i)-1)
		}
	}
	// A plain scalar up to the end of the line or a comment.
	end := l.end
	for j := i; j < l.end; j++ {
		c := p.src[j]
		if c == '#' && p.src[j-1] == ' ' {
			end = j
			break
		}
		if c == ':' && (j+1 == l.end || p.src[j+1] == ' ') {
			return nil, 0, false
		}
	}
	n, ok := p.plainNode(li, i, end)
	if !ok {
		return nil, 0, false
	}
	return n, li + 1, true
}

// plainNode makes the plain scalar src[i:end] (trailing spaces trimmed) of
// line li, or reports false when its tag is not certain.
func (p *fastParser) plainNode(li, i, end int) (*yaml.Node, bool) {
	for end > i && p.src[end-1] == ' ' {
		end--
	}
	v := p.src[i:end]
	tag, ok := plainTag(v)
	if !ok {
		return nil, false
	}
	n := p.newNode()
	n.Kind, n.Tag, n.Value = yaml.ScalarNode, tag, v
	n.Line, n.Column = li+1, p.col(li, i)
	return n, true
}

// restIsComment reports whether src[i:end] is empty, spaces, or spaces and
// then a comment.
func (p *fastParser) restIsComment(i, end int) bool {
	j := i
	for j < end && p.src[j] == ' ' {
		j++
	}
	return j == end || (p.src[j] == '#' && j > i)
}

// quoted scans a single-line quoted scalar starting at offset i (the quote).
// Double-quoted scalars with escapes are left to yaml.v3.
func (p *fastParser) quoted(li, i, end int) (*yaml.Node, int, bool) {
	q := p.src[i]
	var buf []byte
	j := i + 1
	start := j
	for {
		if j == end {
			return nil, 0, false // multi-line or unterminated
		}
		c := p.src[j]
		if q == '"' && c == '\\' {
			return nil, 0, false
		}
		if c == q {
			if q == '\'' && j+1 < end && p.src[j+1] == '\'' {
				buf = append(buf, p.src[start:j+1]...)
				j += 2
				start = j
				continue
			}
			break
		}
		j++
	}
	v := p.src[start:j]
	if buf != nil {
		v = string(append(buf, v...))
	}
	n := p.newNode()
	n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", v
	n.Style = yaml.DoubleQuotedStyle
	if q == '\'' {
		n.Style = yaml.SingleQuotedStyle
	}
	n.Line, n.Column = li+1, p.col(li, i)
	return n, j + 1, true
}

// flowScalar scans one scalar inside a single-line flow collection at offset
// i, up to a ',' or the closing bracket. It returns the node and the offset
// after it (and after any spaces).
func (p *fastParser) flowScalar(li, i, end int) (*yaml.Node, int, bool) {
	if i == end {
		return nil, 0, false
	}
	switch c := p.src[i]; c {
	case '"', '\'':
		n, j, ok := p.quoted(li, i, end)
		if !ok {
			return nil, 0, false
		}
		for j < end && p.src[j] == ' ' {
			j++
		}
		return n, j, true
	case '-':
		if i+1 == end || p.src[i+1] == ' ' {
			return nil, 0, false
		}
	case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', '?', ':':
		return nil, 0, false
	}
	j := i
	for j < end {
		c := p.src[j]
		if c == ',' || c == ']' || c == '}' {
			break
		}
		if c == '[' || c == '{' || c == ':' || c == '#' || c == '"' || c == '\'' {
			return nil, 0, false
		}
		j++
	}
	e := j
	n, ok := p.plainNode(li, i, e)
	if !ok {
		return nil, 0, false
	}
	return n, j, true
}

// flowSeq parses a flow sequence of scalars that opens at offset i and
// closes on the same line.
func (p *fastParser) flowSeq(li, i int) (*yaml.Node, bool) {
	end := p.lines[li].end
	s := p.newNode()
	s.Kind, s.Tag, s.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
	s.Line, s.Column = li+1, p.col(li, i)
	j := i + 1
	for j < end && p.src[j] == ' ' {
		j++
	}
	base := len(p.stack)
	if j < end && p.src[j] == ']' {
		j++
	} else {
		for {
			n, k, ok := p.flowScalar(li, j, end)
			if !ok || k == end {
				return nil, false
			}
			p.stack = append(p.stack, n)
			j = k + 1
			if p.src[k] == ']' {
				break
			}
			if p.src[k] != ',' {
				return nil, false
			}
			for j < end && p.src[j] == ' ' {
				j++
			}
		}
	}
	if !p.restIsComment(j, end) {
		return nil, false
	}
	s.Content = p.content(base)
	return s, true
}

// flowMap parses a flow mapping "{key: scalar, ...}" that opens at offset i
// and closes on the same line.
func (p *fastParser) flowMap(li, i int) (*yaml.Node, bool) {
	end := p.lines[li].end
	m := p.newNode()
	m.Kind, m.Tag, m.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
	m.Line, m.Column = li+1, p.col(li, i)
	base := len(p.stack)
	j := i + 1
	for {
		for j < end && p.src[j] == ' ' {
			j++
		}
		k, colon, ok := p.key(li, j, end)
		if !ok || colon+1 == end {
			return nil, false
		}
		j = colon + 1
		for j < end && p.src[j] == ' ' {
			j++
		}
		v, e, ok := p.flowScalar(li, j, end)
		if !ok || e == end {
			return nil, false
		}
		p.stack = append(p.stack, k, v)
		j = e + 1
		if p.src[e] == '}' {
			break
		}
		if p.src[e] != ',' {
			return nil, false
		}
	}
	if !p.restIsComment(j, end) {
		return nil, false
	}
	m.Content = p.content(base)
	return m, true
}

// literal parses a literal block scalar whose '|' is at offset i of line li;
// ind is the indentation of the collection it belongs to.
func (p *fastParser) literal(li, i, ind int) (*yaml.Node, int, bool) {
	l := p.lines[li]
	j := i + 1
	strip := false
	if j < l.end && p.src[j] == '-' {
		strip = true
		j++
	}
	if j < l.end && p.src[j] != ' ' {
		return nil, 0, false // |+, indentation indicators, "|x"
	}
	if !p.restIsComment(j, l.end) {
		return nil, 0, false
	}
	// Leading empty lines, then the first line with text sets the indentation.
	first := li + 1
	for first < len(p.lines) && p.lines[first].blank {
		first++
	}
	if first == len(p.lines) {
		return nil, 0, false
	}
	indent := p.lines[first].indent
	if indent <= ind || indent < 1 {
		return nil, 0, false
	}
	for k := li + 1; k < first; k++ {
		if p.lines[k].indent > indent {
			return nil, 0, false
		}
	}
	buf := make([]byte, 0, 256)
	for k := li + 1; k < first; k++ {
		buf = append(buf, '\n')
	}
	last := first // last line with text
	k := first
	for ; k < len(p.lines); k++ {
		cl := p.lines[k]
		if cl.blank {
			if cl.indent > indent {
				return nil, 0, false // spaces beyond the indentation are text
			}
			continue
		}
		if cl.indent < indent {
			break
		}
		for e := last + 1; e < k; e++ {
			buf = append(buf, '\n')
		}
		if k > first {
			buf = append(buf, '\n')
		}
		buf = append(buf, p.src[cl.start+indent:cl.end]...)
		last = k
	}
	if !strip && p.lines[last].hasBreak {
		buf = append(buf, '\n')
	}
	n := p.newNode()
	n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", string(buf), yaml.LiteralStyle
	n.Line, n.Column = li+1, p.col(li, i)
	return n, last + 1, true
}

// plainTag resolves the tag of a plain scalar exactly as yaml.v3 does, or
// reports false when it is not certain to.
func plainTag(s string) (string, bool) {
	if s == "" {
		return "!!null", true
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9' || c == '-' || c == '+':
		// yaml.v3 tries timestamps, integers (any base, with '_') and floats.
		// All of them fail on a byte outside this set, leaving a string.
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ||
				c == '+' || c == '-' || c == '.' || c == ':' || c == '_' || c == ',' || c == ' ') {
				return "!!str", true
			}
		}
		switch {
		case isSimpleInt(s):
			return "!!int", true
		case isSimpleFloat(s):
			return "!!float", true
		case isSimpleDate(s):
			return "!!timestamp", true
		}
		return "", false
	case c == '.':
		return "", false
	case c == 'y' || c == 'Y' || c == 'n' || c == 'N' || c == 't' || c == 'T' ||
		c == 'f' || c == 'F' || c == 'o' || c == 'O' || c == '~' || c == '<':
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool", true
		case "~", "null", "Null", "NULL":
			return "!!null", true
		case "<<":
			return "", false
		}
	}
	return "!!str", true
}

// isSimpleInt: -?(0|[1-9][0-9]{0,17}), which ParseInt accepts.
func isSimpleInt(s string) bool {
	if s != "" && s[0] == '-' {
		s = s[1:]
	}
	if s == "" || len(s) > 18 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isSimpleFloat: -?(0|[1-9][0-9]{0,14})\.[0-9]{1,15}.
func isSimpleFloat(s string) bool {
	if s != "" && s[0] == '-' {
		s = s[1:]
	}
	ip, fp, ok := cut(s, '.')
	if !ok || fp == "" || len(fp) > 15 || !isSimpleInt(ip) || len(ip) > 15 || ip[0] == '-' {
		return false
	}
	for i := 0; i < len(fp); i++ {
		if fp[i] < '0' || fp[i] > '9' {
			return false
		}
	}
	return true
}

func cut(s string, sep byte) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// isSimpleDate: a valid YYYY-MM-DD date, which yaml.v3 tags !!timestamp.
func isSimpleDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}
