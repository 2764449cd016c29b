package pdf

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"nianbao/templates"
)

// Font is a TrueType font loaded once per process: its bytes, its
// character map and the tables needed to cut a small per-document subset.
// The PDF library re-parses every font it is given for every document
// (about 20 ms for a 12 MB CJK font), so Write never hands it the whole
// font: it cuts a subset holding only the characters of the document
// (usually a few hundred glyphs) and registers that instead, with
// AddUTF8FontSubsetFromBytes so that fpdf embeds it as is rather than
// parsing and cutting it a second time (third_party/fpdf/NIANBAO.md).
//
// A Font is immutable after ParseFont and safe for concurrent use.
type Font struct {
	Name   string // file name (or the embedded name), for messages
	File   string // the path it was loaded from (LoadFontFile), "" for embedded or in-memory fonts
	Family string // family name from the font's name table, "" if none

	psName     string // PostScript name (name ID 6), "" if none
	data       []byte
	tables     map[string][]byte
	unitsPerEm int
	numGlyphs  int
	numHMetric int
	longLoca   bool
	cmap       []uint16 // BMP code point → glyph ID, 0 = missing
}

// fontKind is what the first four bytes of a file say it is.
type fontKind int

const (
	kindTrueType fontKind = iota
	kindCollection
	kindCFF
	kindWOFF
	kindUnknown
)

func sniffFont(data []byte) fontKind {
	if len(data) < 4 {
		return kindUnknown
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
		return kindTrueType
	case "ttcf":
		return kindCollection
	case "OTTO":
		return kindCFF
	case "wOFF", "wOF2":
		return kindWOFF
	}
	return kindUnknown
}

// ParseFont checks that data is a TrueType-outline font the PDF writer can
// embed and reads its tables. name is used in messages (a file name). The
// error, in Chinese, says what to supply instead.
func ParseFont(name string, data []byte) (f *Font, err error) {
	base := path.Base(name)
	switch sniffFont(data) {
	case kindCollection:
		return nil, fmt.Errorf("字体文件 %s 是 TrueType 集合（.ttc）字体，本工具只能使用 .ttf（TrueType 轮廓）字体：请提供 .ttf 文件，或用字体工具从 .ttc 中导出单个字体", base)
	case kindCFF:
		return nil, fmt.Errorf("字体文件 %s 是 OpenType CFF 字体（PostScript 轮廓，常见于 .otf），本工具只能使用 .ttf（TrueType 轮廓）字体：请提供 .ttf 文件，或先把它转换为 TrueType 轮廓", base)
	case kindWOFF:
		return nil, fmt.Errorf("字体文件 %s 是网页字体（WOFF），本工具只能使用 .ttf（TrueType 轮廓）字体：请提供 .ttf 文件", base)
	case kindUnknown:
		return nil, fmt.Errorf("文件 %s 不是 TrueType 字体（文件头不对，可能已损坏或不是字体文件）：请提供 .ttf 字体文件", base)
	}
	// The parser below checks every offset; the recover is a last line of
	// defence so that a malformed font from a user never crashes a build.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("字体文件 %s 已损坏，无法读取（%v）：请提供完整的 .ttf 字体文件", base, r)
		}
	}()
	f = &Font{Name: base, data: data, tables: map[string][]byte{}}
	if err := f.parse(); err != nil {
		return nil, fmt.Errorf("字体文件 %s 已损坏，无法读取（%v）：请提供完整的 .ttf 字体文件", base, err)
	}
	if fs := f.fsType(); fs == 0x0002 || fs&0x0300 != 0 {
		return nil, fmt.Errorf("字体文件 %s 的授权标记（OS/2 fsType=0x%04X）不允许把它嵌入 PDF 或只嵌入部分字形：请向字体厂商确认授权，或换用允许嵌入的 .ttf 字体", base, fs)
	}
	return f, nil
}

var errShort = errors.New("表数据不完整")

func u16(b []byte, off int) int {
	if off < 0 || off+2 > len(b) {
		panic(errShort)
	}
	return int(binary.BigEndian.Uint16(b[off:]))
}

func u32(b []byte, off int) int {
	if off < 0 || off+4 > len(b) {
		panic(errShort)
	}
	return int(binary.BigEndian.Uint32(b[off:]))
}

func (f *Font) parse() error {
	d := f.data
	n := u16(d, 4)
	for i := range n {
		rec := 12 + 16*i
		tag := string(d[rec : rec+4])
		off, ln := u32(d, rec+8), u32(d, rec+12)
		if off+ln > len(d) || off+ln < off {
			return fmt.Errorf("表 %q 超出文件末尾", tag)
		}
		f.tables[tag] = d[off : off+ln]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if f.tables[t] == nil {
			return fmt.Errorf("缺少 %s 表（不是 TrueType 轮廓字体）", t)
		}
	}
	head := f.tables["head"]
	f.unitsPerEm = u16(head, 18)
	if f.unitsPerEm == 0 {
		return errors.New("head 表的 unitsPerEm 为 0")
	}
	f.longLoca = u16(head, 50) == 1
	f.numGlyphs = u16(f.tables["maxp"], 4)
	f.numHMetric = u16(f.tables["hhea"], 34)
	if f.numHMetric == 0 || f.numHMetric > f.numGlyphs || len(f.tables["hmtx"]) < 4*f.numHMetric {
		return errors.New("hhea/hmtx 表不一致")
	}
	locaLen := (f.numGlyphs + 1) * 2
	if f.longLoca {
		locaLen *= 2
	}
	if len(f.tables["loca"]) < locaLen {
		return errors.New("loca 表太短")
	}
	if err := f.parseCmap(); err != nil {
		return err
	}
	f.Family = f.nameRecord(1)
	f.psName = f.nameRecord(6)
	return nil
}

// parseCmap reads the best Unicode subtable: format 12 (full repertoire)
// or format 4 (BMP). Only BMP code points are kept: the PDF library
// cannot print anything above U+FFFF.
func (f *Font) parseCmap() error {
	c := f.tables["cmap"]
	n := u16(c, 2)
	best, bestRank := -1, 0
	for i := range n {
		pid, eid, off := u16(c, 4+8*i), u16(c, 6+8*i), u32(c, 8+8*i)
		if off+2 > len(c) {
			continue
		}
		format := u16(c, off)
		rank := 0
		switch {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0):
			rank = 3
		case format == 4 && (pid == 3 && eid == 1 || pid == 0):
			rank = 2
		case format == 4 && pid == 3 && eid == 0: // symbol fonts
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return errors.New("没有 Unicode 字符映射表（cmap）")
	}
	f.cmap = make([]uint16, 0x10000)
	sub := c[best:]
	switch u16(sub, 0) {
	case 4:
		segX2 := u16(sub, 6)
		ends, starts, deltas, ranges := 14, 16+segX2, 16+2*segX2, 16+3*segX2
		for s := 0; s < segX2/2; s++ {
			end, start := u16(sub, ends+2*s), u16(sub, starts+2*s)
			delta, ro := u16(sub, deltas+2*s), u16(sub, ranges+2*s)
			for r := start; r <= end && r < 0xFFFF; r++ {
				var g int
				if ro == 0 {
					g = (r + delta) & 0xFFFF
				} else {
					p := ranges + 2*s + ro + 2*(r-start)
					if p+2 > len(sub) {
						continue
					}
					if g = u16(sub, p); g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
				if g < f.numGlyphs {
					f.cmap[r] = uint16(g)
				}
			}
		}
	case 12:
		groups := u32(sub, 12)
		if 16+12*groups > len(sub) {
			return errors.New("cmap 格式 12 子表太短")
		}
		for i := range groups {
			start, end, g := u32(sub, 16+12*i), u32(sub, 20+12*i), u32(sub, 24+12*i)
			for r := start; r <= end && r < 0xFFFF; r++ {
				if gg := g + r - start; gg < f.numGlyphs {
					f.cmap[r] = uint16(gg)
				}
			}
		}
	}
	return nil
}

func (f *Font) fsType() int {
	os2 := f.tables["OS/2"]
	if len(os2) < 10 {
		return 0
	}
	return u16(os2, 8)
}

// nameRecord returns a Windows-Unicode English (or any Windows-Unicode)
// record of the name table, "" if none.
func (f *Font) nameRecord(id int) string {
	t := f.tables["name"]
	if len(t) < 6 {
		return ""
	}
	count, strOff := u16(t, 2), u16(t, 4)
	found := ""
	for i := range count {
		r := 6 + 12*i
		if r+12 > len(t) {
			break
		}
		pid, eid, lang, nid := u16(t, r), u16(t, r+2), u16(t, r+4), u16(t, r+6)
		ln, off := u16(t, r+8), u16(t, r+10)
		if nid != id || pid != 3 || (eid != 1 && eid != 10) || strOff+off+ln > len(t) {
			continue
		}
		var rs []rune
		for p := strOff + off; p+1 < strOff+off+ln; p += 2 {
			rs = append(rs, rune(u16(t, p)))
		}
		if lang == 0x409 {
			return string(rs)
		}
		if found == "" {
			found = string(rs)
		}
	}
	return found
}

// Has reports whether the font has a glyph for r. Runes above U+FFFF are
// never available: the PDF library cannot print them.
func (f *Font) Has(r rune) bool {
	return r >= 0 && r < 0xFFFF && f.cmap[r] != 0
}

// pdfName is a name for the font in the PDF (pdffonts shows it): its
// PostScript name, else its family, reduced to letters, digits and '-'.
func (f *Font) pdfName() string {
	var b strings.Builder
	for _, r := range cmp.Or(f.psName, f.Family) {
		if r < 0x80 && (r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			b.WriteRune(r)
		}
	}
	return cmp.Or(b.String(), "Font")
}

// file names the font's file in a problem: its path, else its name.
func (f *Font) file() string { return cmp.Or(f.File, f.Name) }

// label is how messages name the font.
func (f *Font) label() string {
	if f.Family != "" {
		return f.Family
	}
	return f.Name
}

func (f *Font) glyph(g int) []byte {
	loca := f.tables["loca"]
	var a, b int
	if f.longLoca {
		a, b = u32(loca, 4*g), u32(loca, 4*g+4)
	} else {
		a, b = 2*u16(loca, 2*g), 2*u16(loca, 2*g+2)
	}
	glyf := f.tables["glyf"]
	if b <= a || b > len(glyf) {
		return nil
	}
	return glyf[a:b]
}

func (f *Font) hmetric(g int) (adv, lsb int) {
	h := f.tables["hmtx"]
	if g < f.numHMetric {
		return u16(h, 4*g), u16(h, 4*g+2)
	}
	adv = u16(h, 4*(f.numHMetric-1))
	p := 4*f.numHMetric + 2*(g-f.numHMetric)
	if p+2 <= len(h) {
		lsb = u16(h, p)
	}
	return adv, lsb
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	have2x2        = 0x0080
)

// components calls fn with the offset of each component glyph index of a
// composite glyph; it does nothing for a simple glyph.
func components(g []byte, fn func(off int)) {
	if len(g) < 10 || int16(u16(g, 0)) >= 0 {
		return
	}
	p := 10
	for p+4 <= len(g) {
		flags := u16(g, p)
		fn(p + 2)
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
}

// Subset builds a small TrueType font holding the glyphs of runes (which
// must all be present: Has), numbered in rune order after .notdef, plus
// the components of composite glyphs. The result has the tables the PDF
// library reads (cmap format 4, glyf, loca, hmtx, hhea, head, maxp, post,
// name, OS/2 and the hinting tables) and is the same bytes for the same
// runes.
func (f *Font) Subset(runes []rune) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("字体 %s 无法截取子集（%v）", f.Name, r)
		}
	}()
	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	newID := map[int]int{0: 0}
	order := []int{0}
	add := func(g int) int {
		if id, ok := newID[g]; ok {
			return id
		}
		id := len(order)
		newID[g] = id
		order = append(order, g)
		return id
	}
	runeGID := make([]int, len(runes))
	for i, r := range runes {
		if !f.Has(r) {
			return nil, fmt.Errorf("字体 %s 中没有字符 U+%04X", f.Name, r)
		}
		runeGID[i] = add(int(f.cmap[r]))
	}
	// Components of composite glyphs (breadth first; order is deterministic).
	for i := 0; i < len(order); i++ {
		components(f.glyph(order[i]), func(off int) {
			g := u16(f.glyph(order[i]), off)
			if g < f.numGlyphs {
				add(g)
			}
		})
	}

	var glyf, loca, hmtx bytes.Buffer
	be := binary.BigEndian
	for _, g := range order {
		_ = binary.Write(&loca, be, uint32(glyf.Len()))
		data := f.glyph(g)
		if len(data) > 0 {
			start := glyf.Len()
			glyf.Write(data)
			buf := glyf.Bytes()[start:]
			components(data, func(off int) {
				old := u16(buf, off)
				be.PutUint16(buf[off:], uint16(newID[old]))
			})
			for glyf.Len()%4 != 0 {
				glyf.WriteByte(0)
			}
		}
		adv, lsb := f.hmetric(g)
		_ = binary.Write(&hmtx, be, [2]uint16{uint16(adv), uint16(lsb)})
	}
	_ = binary.Write(&loca, be, uint32(glyf.Len()))

	head := slices.Clone(f.tables["head"][:54])
	be.PutUint32(head[8:], 0)  // checkSumAdjustment
	be.PutUint16(head[50:], 1) // long loca
	hhea := slices.Clone(f.tables["hhea"][:36])
	be.PutUint16(hhea[34:], uint16(len(order)))
	maxp := slices.Clone(f.tables["maxp"])
	be.PutUint16(maxp[4:], uint16(len(order)))
	post := make([]byte, 32)
	be.PutUint32(post, 0x00030000)
	if p := f.tables["post"]; len(p) >= 16 {
		copy(post[4:16], p[4:16])
	}
	tables := map[string][]byte{
		"cmap": cmapFormat4(runes, runeGID),
		"glyf": glyf.Bytes(),
		"head": head,
		"hhea": hhea,
		"hmtx": hmtx.Bytes(),
		"loca": loca.Bytes(),
		"maxp": maxp,
		"post": post,
		"name": f.nameTable(),
	}
	for _, t := range []string{"OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if d := f.tables[t]; len(d) > 0 {
			tables[t] = d
		}
	}
	return assemble(tables), nil
}

// nameTable is the font's name table when the PDF library can read it
// (format 0), else a minimal one naming the family.
func (f *Font) nameTable() []byte {
	if t := f.tables["name"]; len(t) >= 6 && u16(t, 0) == 0 {
		return t
	}
	fam := f.Family
	if fam == "" {
		fam = "Embedded"
	}
	var str bytes.Buffer
	for _, r := range fam {
		_ = binary.Write(&str, binary.BigEndian, uint16(r))
	}
	var b bytes.Buffer
	ids := []uint16{1, 2, 4, 6}
	_ = binary.Write(&b, binary.BigEndian, []uint16{0, uint16(len(ids)), uint16(6 + 12*len(ids))})
	for _, id := range ids {
		_ = binary.Write(&b, binary.BigEndian, []uint16{3, 1, 0x409, id, uint16(str.Len()), 0})
	}
	b.Write(str.Bytes())
	return b.Bytes()
}

// cmapFormat4 writes a cmap table with one (3,1) format 4 subtable mapping
// sorted runes to gids; runs of consecutive runes with consecutive gids
// share a segment.
func cmapFormat4(runes []rune, gids []int) []byte {
	type seg struct{ start, end, delta int }
	var segs []seg
	for i, r := range runes {
		if n := len(segs); n > 0 && int(r) == segs[n-1].end+1 && gids[i]-int(r) == segs[n-1].delta {
			segs[n-1].end = int(r)
			continue
		}
		segs = append(segs, seg{int(r), int(r), gids[i] - int(r)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sr := 1
	es := 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	sr *= 2
	length := 16 + 8*n
	var b bytes.Buffer
	w := func(v ...int) {
		for _, x := range v {
			_ = binary.Write(&b, binary.BigEndian, uint16(x))
		}
	}
	w(0, 1, 3, 1)
	_ = binary.Write(&b, binary.BigEndian, uint32(12))
	w(4, length, 0, 2*n, sr, es, 2*n-sr)
	for _, s := range segs {
		w(s.end)
	}
	w(0)
	for _, s := range segs {
		w(s.start)
	}
	for _, s := range segs {
		w(s.delta & 0xFFFF)
	}
	for range segs {
		w(0)
	}
	return b.Bytes()
}

// assemble writes an sfnt file from its tables, in tag order, each padded
// to four bytes, with correct table checksums.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	sr *= 16
	var b bytes.Buffer
	be := binary.BigEndian
	_ = binary.Write(&b, be, uint32(0x00010000))
	_ = binary.Write(&b, be, []uint16{uint16(n), uint16(sr), uint16(es), uint16(16*n - sr)})
	off := 12 + 16*n
	for _, t := range tags {
		d := tables[t]
		b.WriteString(t)
		_ = binary.Write(&b, be, checksum(d))
		_ = binary.Write(&b, be, uint32(off))
		_ = binary.Write(&b, be, uint32(len(d)))
		off += (len(d) + 3) &^ 3
	}
	for _, t := range tags {
		d := tables[t]
		b.Write(d)
		for i := len(d); i%4 != 0; i++ {
			b.WriteByte(0)
		}
	}
	return b.Bytes()
}

func checksum(d []byte) uint32 {
	var sum uint32
	for i := 0; i < len(d); i += 4 {
		var w [4]byte
		copy(w[:], d[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// The embedded default family: NianbaoSerif SC Regular and Bold (Noto
// Serif CJK SC converted to TrueType; see templates/fonts/README.md). The
// embedded bytes are parsed in place, not copied: a Font only reads its
// data, and Subset writes new tables.
var defaultFonts = sync.OnceValues(func() ([2]*Font, error) {
	var out [2]*Font
	for i, f := range []struct {
		name string
		data []byte
	}{{"NianbaoSerifSC-Regular.ttf", templates.FontRegular}, {"NianbaoSerifSC-Bold.ttf", templates.FontBold}} {
		var err error
		if out[i], err = ParseFont(f.name, f.data); err != nil {
			return out, err
		}
	}
	return out, nil
})

// DefaultFonts returns the embedded Regular and Bold fonts, parsed once
// per process.
func DefaultFonts() (regular, bold *Font, err error) {
	fs, err := defaultFonts()
	return fs[0], fs[1], err
}
