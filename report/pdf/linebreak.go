package pdf

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The line breaker. fpdf's MultiCell and SplitText drop a character at
// every automatic line break in Chinese text, so nianbao breaks lines
// itself: text is cut into units that must stay together (one CJK
// character, a run of Latin letters and digits, a character glued to its
// neighbour by the 避头尾 rules), and units are filled greedily into lines.
// Concatenating the units of all lines gives back the input exactly.

// noStart holds characters that must not begin a line (行首禁则).
const noStart = "，。、；：？！）》」』”’％〕】｝〉〗〙〛︶︸︺︼︾…‥·・～—ー〜々ゝゞヽヾ" +
	",.;:?!)]}%‰℃°′″"

// noEnd holds characters that must not end a line (行尾禁则).
const noEnd = "（《「『“‘〔【｛〈〖〘〚￥＄" + "([{$£¥"

func isNoStart(r rune) bool { return strings.ContainsRune(noStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEnd, r) }

// isSpace reports whether r is a breakable space (never printed at a line
// end). The ideographic space U+3000 is a character, not a break.
func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// isWordRune reports whether r belongs to a Latin/digit run that must not
// be broken (letters, digits, ASCII punctuation inside a run such as
// 0000-12345678, gkk@shili.example, 8.0635).
func isWordRune(r rune) bool { return r < 0x2000 && !isSpace(r) && r != 0xA0 }

// unit is a piece of text that stays on one line.
type unit struct {
	text  string
	width float64
	space bool // a breakable space
}

// line is one output line.
type line struct {
	units []unit
	width float64 // natural width without trailing spaces
	last  bool    // the paragraph's last line: never justified
}

// Text returns the line's text.
func (l line) Text() string {
	var b strings.Builder
	for _, u := range l.units {
		b.WriteString(u.text)
	}
	return b.String()
}

// content is the number of units up to the last non-space unit.
func (l line) content() int {
	n := len(l.units)
	for n > 0 && l.units[n-1].space {
		n--
	}
	return n
}

// segment cuts s into units and applies the 避头尾 glue.
func segment(s string) []unit {
	var raw []unit
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		switch {
		case isSpace(r):
			raw = append(raw, unit{text: s[i:j], space: true})
		case isWordRune(r):
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
			raw = append(raw, unit{text: s[i:j]})
		default:
			raw = append(raw, unit{text: s[i:j]})
		}
		i = j
	}
	out := raw[:0:0]
	for _, u := range raw {
		if n := len(out); n > 0 && !u.space && !out[n-1].space {
			prev := out[n-1].text
			first, _ := utf8.DecodeRuneInString(u.text)
			last, _ := utf8.DecodeLastRuneInString(prev)
			if isNoStart(first) || isNoEnd(last) || (first == last && (first == '—' || first == '…')) {
				out[n-1].text += u.text
				continue
			}
		}
		out = append(out, u)
	}
	return out
}

// breakLines breaks s into lines of at most width (the first line is
// indent narrower) using measure for the width of a string. A unit wider
// than a whole line is split between characters, so no input is ever lost
// and no line overflows unless a single character is wider than the line.
func breakLines(s string, width, indent float64, measure func(string) float64) []line {
	return breakUnits(segment(s), width, indent, measure)
}

// maxGroup is the longest bracketed group (in runes, brackets included)
// that breakCell keeps on one line.
const maxGroup = 12

// breakCell breaks the text of a table cell: as breakLines, but a short
// bracketed group such as （2023年） or （单位：万元） moves to the next
// line whole rather than being cut, which reads better in narrow columns.
func breakCell(s string, width float64, measure func(string) float64) []line {
	return avoidOrphan(breakUnits(glueGroups(segment(s)), width, 0, measure), width)
}

// glueGroups joins the units from an opening （ to its closing ） into
// one unit when the group has no space and at most maxGroup runes.
func glueGroups(units []unit) []unit {
	out := units[:0:0]
	for i := 0; i < len(units); i++ {
		u := units[i]
		if !strings.HasPrefix(u.text, "（") || strings.Contains(u.text, "）") {
			out = append(out, u)
			continue
		}
		n := utf8.RuneCountInString(u.text)
		j := i + 1
		for ; j < len(units) && !units[j].space && n <= maxGroup; j++ {
			n += utf8.RuneCountInString(units[j].text)
			if strings.Contains(units[j].text, "）") {
				break
			}
		}
		if j >= len(units) || units[j].space || n > maxGroup {
			out = append(out, u)
			continue
		}
		g := u
		for k := i + 1; k <= j; k++ {
			g.text += units[k].text
		}
		out = append(out, g)
		i = j
	}
	return out
}

func breakUnits(units []unit, width, indent float64, measure func(string) float64) []line {
	if len(units) == 0 {
		return nil
	}
	var lines []line
	cur := line{}
	avail := width - indent
	used := 0.0 // width including trailing spaces
	flush := func() {
		lines = append(lines, cur)
		cur = line{}
		avail, used = width, 0
	}
	place := func(u unit) {
		cur.units = append(cur.units, u)
		used += u.width
		if !u.space {
			cur.width = used
		}
	}
	for _, u := range units {
		u.width = measure(u.text)
		if u.space {
			if len(cur.units) > 0 || len(lines) == 0 {
				place(u)
			} else {
				// A space at the start of a continuation line stays with the
				// previous line, where it is trailing and invisible.
				prev := &lines[len(lines)-1]
				prev.units = append(prev.units, u)
			}
			continue
		}
		if used+u.width <= avail+1e-9 {
			place(u)
			continue
		}
		if cur.content() > 0 && u.width <= width+1e-9 {
			flush()
			place(u)
			continue
		}
		// Wider than a whole line: split between characters, starting on
		// this line.
		for _, part := range splitUnit(u.text) {
			pu := unit{text: part, width: measure(part)}
			if cur.content() > 0 && used+pu.width > avail+1e-9 {
				flush()
			}
			if used+pu.width <= avail+1e-9 || utf8.RuneCountInString(part) == 1 {
				place(pu)
				continue
			}
			// A glued run (，，，，) still wider than the line: 避头尾
			// yields, one character at a time.
			for i, n := 0, 0; i < len(part); i += n {
				_, n = utf8.DecodeRuneInString(part[i:])
				cu := unit{text: part[i : i+n], width: measure(part[i : i+n])}
				if cur.content() > 0 && used+cu.width > avail+1e-9 {
					flush()
				}
				place(cu)
			}
		}
	}
	if len(cur.units) > 0 {
		lines = append(lines, cur)
	}
	lines[len(lines)-1].last = true
	return lines
}

// splitUnit cuts a unit into single characters, keeping a character that
// may not start a line with the one before it where possible.
func splitUnit(s string) []string {
	var out []string
	for i, r := range s {
		_, n := utf8.DecodeRuneInString(s[i:])
		c := s[i : i+n] // not string(r): keeps invalid UTF-8 bytes as they are
		if len(out) > 0 && isNoStart(r) && i > 0 {
			out[len(out)-1] += c
			continue
		}
		out = append(out, c)
	}
	return out
}

// gap returns the space to add between units so that a line fills width
// (justification); 0 for the last line of a paragraph and when the line
// would look torn apart (more than half a character per gap).
func (l line) gap(width, em float64) float64 {
	n := l.content()
	if l.last || n < 2 {
		return 0
	}
	extra := width - l.width
	if extra <= 0.001 {
		return 0
	}
	g := extra / float64(n-1)
	if g > em/2 {
		return 0
	}
	return g
}

// avoidOrphan moves the last unit of the second-to-last line down when the
// last line would hold a single character, punctuation aside (孤字: 不予公
// / 开 becomes 不予 / 公开; 事项19 / 项。 becomes 事项 / 19项。), if they
// still fit on the last line and leave more than one character above. The
// text is unchanged.
func avoidOrphan(ls []line, width float64) []line {
	n := len(ls)
	if n < 2 {
		return ls
	}
	last, prev := ls[n-1], ls[n-2]
	if last.content() != 1 || letters(last.units[0].text) > 1 {
		return ls
	}
	pc := prev.content()
	if pc < 3 && (pc < 2 || utf8.RuneCountInString(prev.units[0].text) < 2) {
		return ls // it would leave a lone character on the line above
	}
	units := append(slices.Clone(prev.units[pc-1:]), last.units...)
	nl := line{units: units, last: true}
	nl.width = natural(units[:nl.content()])
	if nl.width > width+1e-9 {
		return ls
	}
	np := line{units: prev.units[: pc-1 : pc-1]}
	np.width = natural(np.units[:np.content()])
	out := slices.Clone(ls)
	out[n-2], out[n-1] = np, nl
	return out
}

// letters counts the runes of s that are not 避头尾 punctuation: 项。 is
// one letter, a lone character for avoidOrphan.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if !isNoStart(r) && !isNoEnd(r) {
			n++
		}
	}
	return n
}

// natural is the width of units side by side.
func natural(units []unit) float64 {
	w := 0.0
	for _, u := range units {
		w += u.width
	}
	return w
}

// An organ's name may break before an opening bracket or a kind of organ
// (…实验区 / 管委会), and after a closing bracket or a kind of organ
// (…市人民政府 / 办公室).
var (
	organBreakBefore = []string{"（", "(", "人民政府", "管委会", "管理委员会", "党委", "党工委"}
	organBreakAfter  = []string{"）", ")", "、", "，", "人民政府", "管委会", "委员会", "办公室", "办公厅", "党委", "党工委", "局", "厅"}
)

// organPoints returns the byte offsets inside organ where its name may
// break, in order.
func organPoints(organ string) []int {
	var pts []int
	for i, r := range organ {
		if i == 0 || isNoStart(r) {
			continue
		}
		ok := false
		for _, b := range organBreakBefore {
			ok = ok || strings.HasPrefix(organ[i:], b)
		}
		for _, e := range organBreakAfter {
			ok = ok || strings.HasSuffix(organ[:i], e)
		}
		if ok {
			pts = append(pts, i)
		}
	}
	return pts
}

// breakOrgan breaks an organ's name into lines of at most width at
// natural points (organPoints): the fewest lines, and among those the most
// even ones. A part between natural points longer than a line is broken by
// breakLines.
func breakOrgan(organ string, width float64, measure func(string) float64) []string {
	if organ == "" || measure(organ) <= width {
		return []string{organ}
	}
	pts := []int{0}
	for _, p := range append(organPoints(organ), len(organ)) {
		last := pts[len(pts)-1]
		if measure(organ[last:p]) > width {
			// Too long for a line: break it between characters too.
			at := last
			ls := breakLines(organ[last:p], width, 0, measure)
			for _, l := range ls[:len(ls)-1] {
				at += len(l.Text())
				pts = append(pts, at)
			}
		}
		pts = append(pts, p)
	}
	// best[i]: the fewest lines and least raggedness setting organ[pts[i]:].
	type cost struct {
		lines int
		slack float64
		next  int
	}
	n := len(pts) - 1
	best := make([]cost, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i] = cost{lines: -1}
		for j := i + 1; j <= n; j++ {
			wd := measure(organ[pts[i]:pts[j]])
			if wd > width+1e-9 && j > i+1 {
				break
			}
			c := cost{lines: best[j].lines + 1, slack: best[j].slack, next: j}
			if j < n {
				c.slack += (width - wd) * (width - wd)
			}
			if best[i].lines < 0 || c.lines < best[i].lines || c.lines == best[i].lines && c.slack < best[i].slack-1e-9 {
				best[i] = c
			}
		}
	}
	var out []string
	for i := 0; i < n; i = best[i].next {
		out = append(out, organ[pts[i]:pts[best[i].next]])
	}
	return out
}
