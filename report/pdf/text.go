package pdf

import (
	"fmt"
	"strings"

	"nianbao/report"
)

// face is one font as used in a document: the fonts of the title, body and
// bold roles may be the same Font, and then share one face.
type face struct {
	font   *Font
	family string        // fpdf family name
	runes  map[rune]bool // every character printed with this face
	subst  string        // substitute for a missing character
}

func newFace(f *Font, family string) *face {
	fc := &face{font: f, family: family, runes: map[rune]bool{}}
	switch {
	case f.Has('□'):
		fc.subst = "□"
	case f.Has('?'):
		fc.subst = "?"
	default:
		fc.subst = ""
	}
	return fc
}

// sanitizer checks every character of every text against the font that
// will print it, replaces what cannot be printed by a visible substitute
// and reports each such character once per source line as a PDF-1 warning.
type sanitizer struct {
	file     string
	problems []report.Problem
	seen     map[string]bool
}

// clean returns s ready to print with fc: control characters become
// spaces; runes above U+FFFF and characters the font lacks become the
// face's substitute.
func (z *sanitizer) clean(fc *face, s, path string, line int) string {
	ok := true
	for _, r := range s {
		if r < 0x20 || r > 0xFFFE || !fc.font.Has(r) {
			ok = false
			break
		}
	}
	if ok {
		for _, r := range s {
			fc.runes[r] = true
		}
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			r = ' '
		case r < 0x20 || r == 0x7F:
			continue
		}
		if fc.font.Has(r) {
			fc.runes[r] = true
			b.WriteRune(r)
			continue
		}
		if r == ' ' { // a font without a space: print nothing, keep the gap
			b.WriteRune(r)
			continue
		}
		if line >= 0 {
			z.report(fc, r, path, line)
		}
		for _, sr := range fc.subst {
			fc.runes[sr] = true
		}
		b.WriteString(fc.subst)
	}
	return b.String()
}

func (z *sanitizer) report(fc *face, r rune, path string, line int) {
	key := fmt.Sprintf("%d\x00%s\x00%d\x00%s", line, path, r, fc.family)
	if z.seen[key] {
		return
	}
	z.seen[key] = true
	sub := fc.subst
	if sub == "" {
		sub = "空白"
	} else {
		sub = "“" + sub + "”"
	}
	var msg string
	if r > 0xFFFF {
		msg = fmt.Sprintf("字符“%c”（U+%04X）位于 Unicode 辅助平面（如表情符号、CJK 扩展 B 区等生僻字），PDF 无法输出，已以%s代替：请改用常用字或文字说明", r, r, sub)
	} else {
		msg = fmt.Sprintf("字体“%s”中没有字符“%c”（U+%04X），PDF 中以%s代替：请改用常用写法，或用 --font-body/--font-title/--font-bold 提供包含该字符的 .ttf 字体", fc.font.label(), r, r, sub)
	}
	z.problems = append(z.problems, report.Problem{
		File: z.file, Pos: report.Pos{Line: line}, Path: path, Rule: "PDF-1", Severity: report.Warning, Msg: msg,
	})
}

// textKeys are the YAML paths of the text sections, by section index.
var textKeys = map[int]string{0: "text.overview", 4: "text.problems", 5: "text.other"}

// prepare returns a sanitized deep copy of the parts of d that are
// printed, with charts in place of d.Charts, collecting each face's
// characters. d itself is not changed (the same Doc is handed to other
// renderers).
func prepare(d *report.Doc, charts []report.Chart, z *sanitizer, w *writer) *report.Doc {
	body, title := w.body, w.title
	c := *d
	c.Title = z.clean(title, d.Title, "organ", d.OrganLine)
	c.Organ = z.clean(body, d.Organ, "organ", d.OrganLine)
	c.DateCN = z.clean(body, d.DateCN, "date", 0)
	paras := func(ps []report.Para, path string) []report.Para {
		out := make([]report.Para, len(ps))
		for i, p := range ps {
			out[i] = report.Para{Text: z.clean(body, p.Text, path, p.Line), Line: p.Line}
		}
		return out
	}
	c.Preface = paras(d.Preface, "text.preface")
	var section func(s report.Section, path string, level int) report.Section
	section = func(s report.Section, path string, level int) report.Section {
		hf, _ := w.headingFace(level)
		cs := report.Section{Heading: z.clean(hf, s.Heading, "", 0)}
		cs.Paras = paras(s.Paras, path)
		cs.Notes = paras(s.Notes, "")
		if s.Table != nil {
			g := *s.Table
			rows := func(rs [][]report.GridCell) [][]report.GridCell {
				out := make([][]report.GridCell, len(rs))
				for i, r := range rs {
					out[i] = make([]report.GridCell, len(r))
					for j, gc := range r {
						path := gc.Key
						if path == "" {
							path = g.Caption
						}
						gc.Text = z.clean(w.table, gc.Text, path, gc.Line)
						out[i][j] = gc
					}
				}
				return out
			}
			g.Head, g.Body = rows(s.Table.Head), rows(s.Table.Body)
			cs.Table = &g
		}
		for _, sub := range s.Subsections {
			cs.Subsections = append(cs.Subsections, section(sub, "", level+1))
		}
		return cs
	}
	for i, s := range d.Sections {
		c.Sections[i] = section(s, textKeys[i], 0)
	}
	c.Appendices = nil
	for _, a := range d.Appendices {
		c.Appendices = append(c.Appendices, section(a, "", 0))
	}
	c.Charts = nil
	for i, ch := range charts {
		cc := ch
		cc.Title = z.clean(w.h1, chartTitle(i, ch.Title), "", 0)
		cc.Unit = z.clean(body, ch.Unit, "", 0)
		cc.Summary = z.clean(body, ch.Summary, "", 0)
		cc.Categories = make([]string, len(ch.Categories))
		for j, s := range ch.Categories {
			cc.Categories[j] = z.clean(body, s, "", 0)
		}
		cc.Series = make([]report.Series, len(ch.Series))
		for j, s := range ch.Series {
			cc.Series[j] = report.Series{Name: z.clean(body, s.Name, "", 0), Values: s.Values}
		}
		c.Charts = append(c.Charts, cc)
	}
	return &c
}

// fixed returns one of the renderer's own strings ready to print with fc:
// characters the font lacks are replaced silently (they are not the
// user's text).
func (z *sanitizer) fixed(fc *face, s string) string { return z.clean(fc, s, "", -1) }

// fixedBody are characters the renderer prints itself with the body face:
// page numbers, chart axes and units, value labels.
const fixedBody = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~—单位：件"

const appendixHeading = "附：图解"

func chartTitle(i int, t string) string { return fmt.Sprintf("图%d　%s", i+1, t) }
