package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The workbook is assembled in a small in-memory model (book) and its parts
// are serialised directly: building it through excelize's generic sheet
// model cost most of an export (XML marshalling by reflection, a new
// workbook decoded from its template, cell-by-cell style bookkeeping). Only
// the style sheet still comes from excelize, built once per set of amount
// styles and cached (styleSetFor).

// The size of an Excel sheet.
const (
	excelRows = 1 << 20
	excelCols = 1 << 14
)

// cell kinds
const (
	cellEmpty   uint8 = iota // style only
	cellShared               // shared string (sst)
	cellNumber               // number (v)
	cellFormula              // formula (v), computed on load
)

type bcell struct {
	style int32
	kind  uint8
	sst   int32
	v     string
}

type brow struct {
	height float64 // points; 0 = default
	cells  []bcell // by column - 1
}

// bsheet is one worksheet of the book.
type bsheet struct {
	name       string
	rows       []brow    // by row - 1
	widths     []float64 // by column - 1; 0 = default
	merges     []string
	dvs        []*excelize.DataValidation
	cond       []byte // <conditionalFormatting> elements
	protection string // <sheetProtection> element
	fitHeight  int    // pages tall when printed (0 = as many as needed)
}

type definedName struct {
	name  string
	sheet int // local sheet index
	refs  string
}

type docProps struct {
	title, subject, creator, keywords, description, language, stamp string
}

// book is a workbook under construction.
type book struct {
	sheets []*bsheet
	last   *bsheet
	sst    []string
	sstIdx map[string]int32
	names  []definedName
	props  docProps
	err    error
}

func newBook() *book { return &book{sstIdx: make(map[string]int32, 256)} }

func (b *book) fail(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

func (b *book) newSheet(name string) *bsheet {
	s := &bsheet{name: name}
	b.sheets = append(b.sheets, s)
	b.last = s
	return s
}

func (b *book) sheet(name string) *bsheet {
	if b.last != nil && b.last.name == name {
		return b.last
	}
	for _, s := range b.sheets {
		if s.name == name {
			b.last = s
			return s
		}
	}
	panic("xlsx: no sheet " + name)
}

func (b *book) sheetIndex(name string) int {
	for i, s := range b.sheets {
		if s.name == name {
			return i
		}
	}
	return -1
}

// row returns the row (1-based), growing the sheet; nil if out of range.
func (b *book) row(s *bsheet, row int) *brow {
	if row < 1 || row > excelRows {
		b.fail(fmt.Errorf("工作表“%s”的行号 %d 超出了 Excel 的范围", s.name, row))
		return nil
	}
	for len(s.rows) < row {
		s.rows = append(s.rows, brow{})
	}
	return &s.rows[row-1]
}

func (b *book) cell(s *bsheet, col, row int) *bcell {
	r := b.row(s, row)
	if r == nil {
		return nil
	}
	if col < 1 || col > excelCols {
		b.fail(fmt.Errorf("工作表“%s”的列号 %d 超出了 Excel 的范围", s.name, col))
		return nil
	}
	for len(r.cells) < col {
		r.cells = append(r.cells, bcell{})
	}
	return &r.cells[col-1]
}

// setString sets a text cell (shared string), keeping its style.
func (b *book) setString(sheet string, col, row int, v string) {
	if utf16Len(v) > maxCellChars {
		b.fail(fmt.Errorf("%s!%s 的内容超过了 Excel 单元格的上限 %d 个字符，无法写入工作簿", sheet, ref(col, row), maxCellChars))
		return
	}
	c := b.cell(b.sheet(sheet), col, row)
	if c == nil {
		return
	}
	i, ok := b.sstIdx[v]
	if !ok {
		i = int32(len(b.sst))
		b.sst = append(b.sst, v)
		b.sstIdx[v] = i
	}
	c.kind, c.sst, c.v = cellShared, i, ""
}

// setNumber sets a number cell from its decimal text, keeping its style.
func (b *book) setNumber(sheet string, col, row int, v string) {
	if c := b.cell(b.sheet(sheet), col, row); c != nil {
		c.kind, c.v = cellNumber, v
	}
}

func (b *book) setFormula(sheet string, col, row int, expr string) {
	if c := b.cell(b.sheet(sheet), col, row); c != nil {
		c.kind, c.v = cellFormula, expr
	}
}

// setStyle styles the cells of a rectangle (which may be one merge).
func (b *book) setStyle(sheet string, col, row, cols, rows, style int) {
	s := b.sheet(sheet)
	for r := row; r < row+rows; r++ {
		for c := col; c < col+cols; c++ {
			if x := b.cell(s, c, r); x != nil {
				x.style = int32(style)
			}
		}
	}
}

func (b *book) merge(sheet string, col, row, cols, rows int) {
	s := b.sheet(sheet)
	s.merges = append(s.merges, ref(col, row)+":"+ref(col+cols-1, row+rows-1))
}

func (b *book) setRowHeight(sheet string, row int, h float64) {
	if r := b.row(b.sheet(sheet), row); r != nil {
		r.height = h
	}
}

// setColWidth sets the width (in characters) of columns c0…c1 (1-based).
func (b *book) setColWidth(sheet string, c0, c1 int, w float64) {
	s := b.sheet(sheet)
	for len(s.widths) < c1 {
		s.widths = append(s.widths, 0)
	}
	for c := c0; c <= c1; c++ {
		s.widths[c-1] = w
	}
}

func (b *book) addValidation(sheet string, dv *excelize.DataValidation) {
	s := b.sheet(sheet)
	s.dvs = append(s.dvs, dv)
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// Serialisation.

const (
	xmlHead  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain   = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
	nsRel    = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsPkgRel = `http://schemas.openxmlformats.org/package/2006/relationships`
)

// xbuf is an append-only XML buffer.
type xbuf struct{ b []byte }

func (x *xbuf) s(s string) { x.b = append(x.b, s...) }
func (x *xbuf) i(n int)    { x.b = strconv.AppendInt(x.b, int64(n), 10) }
func (x *xbuf) f(v float64) {
	x.b = strconv.AppendFloat(x.b, v, 'f', -1, 64)
}

// text appends s escaped as element content: markup characters and
// carriage returns as references, characters XML cannot carry (and
// invalid UTF-8) as U+FFFD, as encoding/xml does.
func (x *xbuf) text(s string) { x.esc(s, false) }

// attr appends s escaped as an attribute value (quotes and white space
// other than the space as references too).
func (x *xbuf) attr(s string) { x.esc(s, true) }

func (x *xbuf) esc(s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' && (!attr || c != '"') {
			i++
			continue
		}
		r, w := rune(c), 1
		if c >= 0x80 {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		var rep string
		switch {
		case r == '&':
			rep = "&amp;"
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '"':
			rep = "&#34;"
		case r == '\r':
			rep = "&#xD;"
		case r == '\n':
			if !attr {
				i += w
				continue
			}
			rep = "&#xA;"
		case r == '\t':
			if !attr {
				i += w
				continue
			}
			rep = "&#x9;"
		case r == utf8.RuneError && w == 1, !xmlChar(r):
			rep = "\uFFFD"
		default:
			i += w
			continue
		}
		x.b = append(x.b, s[last:i]...)
		x.b = append(x.b, rep...)
		i += w
		last = i
	}
	x.b = append(x.b, s[last:]...)
}

func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// cellRef appends the A1 reference of a cell.
func (x *xbuf) cellRef(col, row int) {
	var tmp [4]byte
	n := len(tmp)
	for col > 0 {
		col--
		n--
		tmp[n] = byte('A' + col%26)
		col /= 26
	}
	x.b = append(x.b, tmp[n:]...)
	x.i(row)
}

func (s *bsheet) xml(x *xbuf, selected bool) {
	x.s(xmlHead)
	x.s(`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	x.s(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	maxCol, maxRow := 1, 1
	for ri := range s.rows {
		if n := len(s.rows[ri].cells); n > 0 {
			maxCol = max(maxCol, n)
			maxRow = ri + 1
		}
	}
	x.s(`<dimension ref="A1`)
	if maxCol > 1 || maxRow > 1 {
		x.s(":")
		x.cellRef(maxCol, maxRow)
	}
	x.s(`"/><sheetViews><sheetView `)
	if selected {
		x.s(`tabSelected="1" `)
	}
	x.s(`workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(s.widths) > 0 {
		x.s("<cols>")
		for c := 0; c < len(s.widths); {
			e := c
			for e+1 < len(s.widths) && s.widths[e+1] == s.widths[c] {
				e++
			}
			if s.widths[c] > 0 {
				x.s(`<col min="`)
				x.i(c + 1)
				x.s(`" max="`)
				x.i(e + 1)
				x.s(`" width="`)
				x.f(s.widths[c])
				x.s(`" customWidth="1"/>`)
			}
			c = e + 1
		}
		x.s("</cols>")
	}
	x.s("<sheetData>")
	for ri := range s.rows {
		r := &s.rows[ri]
		if len(r.cells) == 0 && r.height == 0 {
			continue
		}
		x.s(`<row r="`)
		x.i(ri + 1)
		if r.height > 0 {
			x.s(`" ht="`)
			x.f(r.height)
			x.s(`" customHeight="1`)
		}
		x.s(`">`)
		for ci := range r.cells {
			c := &r.cells[ci]
			if c.kind == cellEmpty && c.style == 0 {
				continue
			}
			x.s(`<c r="`)
			x.cellRef(ci+1, ri+1)
			x.s(`"`)
			if c.style != 0 {
				x.s(` s="`)
				x.i(int(c.style))
				x.s(`"`)
			}
			switch c.kind {
			case cellEmpty:
				x.s("/>")
			case cellShared:
				x.s(` t="s"><v>`)
				x.i(int(c.sst))
				x.s("</v></c>")
			case cellNumber:
				x.s("><v>")
				x.text(c.v)
				x.s("</v></c>")
			case cellFormula:
				x.s(` t="str"><f>`)
				x.text(c.v)
				x.s("</f></c>")
			}
		}
		x.s("</row>")
	}
	x.s("</sheetData>")
	x.s(s.protection)
	if len(s.merges) > 0 {
		x.s(`<mergeCells count="`)
		x.i(len(s.merges))
		x.s(`">`)
		for _, m := range s.merges {
			x.s(`<mergeCell ref="`)
			x.s(m)
			x.s(`"/>`)
		}
		x.s("</mergeCells>")
	}
	x.b = append(x.b, s.cond...)
	if len(s.dvs) > 0 {
		x.s(`<dataValidations count="`)
		x.i(len(s.dvs))
		x.s(`">`)
		for _, dv := range s.dvs {
			dvXML(x, dv)
		}
		x.s("</dataValidations>")
	}
	x.s(`<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0" footer="0"/>`)
	x.s(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="`)
	x.i(s.fitHeight)
	x.s(`"/></worksheet>`)
}

// dvXML writes a data validation as excelize's AddDataValidation would:
// the formulas are stored verbatim (excelize's setters escape them).
func dvXML(x *xbuf, dv *excelize.DataValidation) {
	x.s("<dataValidation")
	battr := func(name string, v bool) {
		if v {
			x.s(" " + name + `="1"`)
		}
	}
	sattr := func(name string, v *string) {
		if v != nil && *v != "" {
			x.s(" " + name + `="`)
			x.attr(*v)
			x.s(`"`)
		}
	}
	battr("allowBlank", dv.AllowBlank)
	sattr("error", dv.Error)
	sattr("errorStyle", dv.ErrorStyle)
	sattr("errorTitle", dv.ErrorTitle)
	sattr("operator", &dv.Operator)
	sattr("prompt", dv.Prompt)
	sattr("promptTitle", dv.PromptTitle)
	battr("showDropDown", dv.ShowDropDown)
	battr("showErrorMessage", dv.ShowErrorMessage)
	battr("showInputMessage", dv.ShowInputMessage)
	sattr("sqref", &dv.Sqref)
	sattr("type", &dv.Type)
	if dv.Formula1 == "" && dv.Formula2 == "" {
		x.s("/>")
		return
	}
	x.s(">")
	if dv.Formula1 != "" {
		x.s("<formula1>" + dv.Formula1 + "</formula1>")
	}
	if dv.Formula2 != "" {
		x.s("<formula2>" + dv.Formula2 + "</formula2>")
	}
	x.s("</dataValidation>")
}

func (b *book) workbookXML(x *xbuf) {
	x.s(xmlHead)
	x.s(`<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	x.s(`<workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="14805" windowHeight="8010" activeTab="0"/></bookViews><sheets>`)
	for i, s := range b.sheets {
		x.s(`<sheet name="`)
		x.attr(s.name)
		x.s(`" sheetId="`)
		x.i(i + 1)
		x.s(`" r:id="rId`)
		x.i(i + 1)
		x.s(`"/>`)
	}
	x.s("</sheets>")
	if len(b.names) > 0 {
		x.s("<definedNames>")
		for _, n := range b.names {
			x.s(`<definedName name="`)
			x.attr(n.name)
			x.s(`" localSheetId="`)
			x.i(n.sheet)
			x.s(`">`)
			x.text(n.refs)
			x.s("</definedName>")
		}
		x.s("</definedNames>")
	}
	x.s(`<calcPr calcId="122211" fullCalcOnLoad="1"/></workbook>`)
}

func (b *book) workbookRels(x *xbuf) {
	x.s(xmlHead)
	x.s(`<Relationships xmlns="` + nsPkgRel + `">`)
	for i := range b.sheets {
		x.s(`<Relationship Id="rId`)
		x.i(i + 1)
		x.s(`" Type="` + nsRel + `/worksheet" Target="worksheets/sheet`)
		x.i(i + 1)
		x.s(`.xml"/>`)
	}
	n := len(b.sheets)
	for k, p := range [][2]string{{"styles", "styles.xml"}, {"theme", "theme/theme1.xml"}, {"sharedStrings", "sharedStrings.xml"}} {
		x.s(`<Relationship Id="rId`)
		x.i(n + k + 1)
		x.s(`" Type="` + nsRel + "/" + p[0] + `" Target="` + p[1] + `"/>`)
	}
	x.s("</Relationships>")
}

func (b *book) contentTypes(x *xbuf) {
	const ct = "application/vnd.openxmlformats-officedocument."
	x.s(xmlHead)
	x.s(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	x.s(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`)
	x.s(`<Override PartName="/xl/workbook.xml" ContentType="` + ct + `spreadsheetml.sheet.main+xml"/>`)
	for i := range b.sheets {
		x.s(`<Override PartName="/xl/worksheets/sheet`)
		x.i(i + 1)
		x.s(`.xml" ContentType="` + ct + `spreadsheetml.worksheet+xml"/>`)
	}
	x.s(`<Override PartName="/xl/theme/theme1.xml" ContentType="` + ct + `theme+xml"/>`)
	x.s(`<Override PartName="/xl/styles.xml" ContentType="` + ct + `spreadsheetml.styles+xml"/>`)
	x.s(`<Override PartName="/xl/sharedStrings.xml" ContentType="` + ct + `spreadsheetml.sharedStrings+xml"/>`)
	x.s(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`)
	x.s(`<Override PartName="/docProps/app.xml" ContentType="` + ct + `extended-properties+xml"/>`)
	x.s("</Types>")
}

const rootRels = xmlHead + `<Relationships xmlns="` + nsPkgRel + `">` +
	`<Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + nsRel + `/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appXML = xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><TotalTime>0</TotalTime><Application>nianbao</Application></Properties>`

func (b *book) coreXML(x *xbuf) {
	p := &b.props
	x.s(xmlHead)
	x.s(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(name, v string) {
		if v == "" {
			return
		}
		x.s("<" + name + ">")
		x.text(v)
		x.s("</" + name + ">")
	}
	el("dc:title", p.title)
	el("dc:subject", p.subject)
	el("dc:creator", p.creator)
	el("cp:keywords", p.keywords)
	el("dc:description", p.description)
	el("cp:lastModifiedBy", p.creator)
	el("dc:language", p.language)
	x.s(`<dcterms:created xsi:type="dcterms:W3CDTF">`)
	x.text(p.stamp)
	x.s(`</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">`)
	x.text(p.stamp)
	x.s(`</dcterms:modified></cp:coreProperties>`)
}

func (b *book) sstXML(x *xbuf) {
	x.s(xmlHead)
	x.s(`<sst xmlns="` + nsMain + `" count="`)
	x.i(len(b.sst))
	x.s(`" uniqueCount="`)
	x.i(len(b.sst))
	x.s(`">`)
	for _, s := range b.sst {
		if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
			x.s(`<si><t xml:space="preserve">`)
		} else {
			x.s("<si><t>")
		}
		x.text(s)
		x.s("</t></si>")
	}
	x.s("</sst>")
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// compress says whether the parts are deflated (else stored).
const compress = true

var (
	flatePool = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
		return w
	}}
	xbufPool = sync.Pool{New: func() any { return &xbuf{b: make([]byte, 0, 64<<10)} }}
)

// pooledFlate is a deflater from flatePool that goes back on Close.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

// write serialises the book with the style sheet st as a zip package.
func (b *book) write(out io.Writer, st *styleSet) error {
	z := zip.NewWriter(out)
	method := zip.Store
	if compress {
		method = zip.Deflate
		z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			fw := flatePool.Get().(*flate.Writer)
			fw.Reset(w)
			return pooledFlate{fw}, nil
		})
	}
	x := xbufPool.Get().(*xbuf)
	defer xbufPool.Put(x)
	part := func(name string, fill func(x *xbuf)) error {
		x.b = x.b[:0]
		fill(x)
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			return err
		}
		_, err = w.Write(x.b)
		return err
	}
	parts := []struct {
		name string
		fill func(x *xbuf)
	}{
		{"[Content_Types].xml", b.contentTypes},
		{"_rels/.rels", func(x *xbuf) { x.s(rootRels) }},
		{"docProps/app.xml", func(x *xbuf) { x.s(appXML) }},
		{"docProps/core.xml", b.coreXML},
		{"xl/workbook.xml", b.workbookXML},
		{"xl/_rels/workbook.xml.rels", b.workbookRels},
	}
	for i, s := range b.sheets {
		parts = append(parts, struct {
			name string
			fill func(x *xbuf)
		}{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), func(x *xbuf) { s.xml(x, i == 0) }})
	}
	parts = append(parts, struct {
		name string
		fill func(x *xbuf)
	}{"xl/sharedStrings.xml", b.sstXML})
	for _, p := range parts {
		if err := part(p.name, p.fill); err != nil {
			return err
		}
	}
	// The style sheet and theme are the same in every export with these
	// styles: deflated once (styleSet).
	for _, p := range []*rawPart{&st.themeZ, &st.stylesZ} {
		h := p.header
		w, err := z.CreateRaw(&h)
		if err != nil {
			return err
		}
		if _, err := w.Write(p.data); err != nil {
			return err
		}
	}
	return z.Close()
}

// rawPart is a zip entry prepared in advance: its header (with CRC and
// sizes) and its compressed data.
type rawPart struct {
	header zip.FileHeader
	data   []byte
}

func newRawPart(name string, data []byte) (rawPart, error) {
	p := rawPart{header: zip.FileHeader{Name: name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(data),
		UncompressedSize64: uint64(len(data))}, data: data}
	if compress {
		var buf bytes.Buffer
		fw, err := flate.NewWriter(&buf, flate.BestCompression)
		if err != nil {
			return p, err
		}
		if _, err := fw.Write(data); err != nil {
			return p, err
		}
		if err := fw.Close(); err != nil {
			return p, err
		}
		p.header.Method, p.data = zip.Deflate, buf.Bytes()
	}
	p.header.CompressedSize64 = uint64(len(p.data))
	return p, nil
}

// styleSet is the style sheet of a workbook: the cell styles' ids and the
// serialised styles.xml and theme, made by excelize.
type styleSet struct {
	st              styles // st.amount has a style for each scale asked for
	stylesZ, themeZ rawPart
}

var (
	styleMu   sync.Mutex
	styleSets = map[string]*styleSet{}
)

// styleSetFor returns the (cached) style sheet with amount styles for the
// given scales (sorted, distinct).
func styleSetFor(scales []int) (*styleSet, error) {
	key := fmt.Sprint(scales)
	styleMu.Lock()
	defer styleMu.Unlock()
	if s, ok := styleSets[key]; ok {
		return s, nil
	}
	s, err := buildStyleSet(scales)
	if err != nil {
		return nil, err
	}
	if len(styleSets) < 64 {
		styleSets[key] = s
	}
	return s, nil
}

func buildStyleSet(scales []int) (*styleSet, error) {
	f := excelize.NewFile()
	defer f.Close()
	w := &styleBuilder{f: f}
	w.styles()
	for _, sc := range scales {
		w.amountStyle(sc)
	}
	out := &styleSet{st: w.st}
	if w.err != nil {
		return nil, w.err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	for _, zf := range zr.File {
		var dst *rawPart
		switch zf.Name {
		case "xl/styles.xml":
			dst = &out.stylesZ
		case "xl/theme/theme1.xml":
			dst = &out.themeZ
		default:
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if *dst, err = newRawPart(zf.Name, data); err != nil {
			return nil, err
		}
	}
	if out.stylesZ.data == nil || out.themeZ.data == nil {
		return nil, fmt.Errorf("excelize wrote no style sheet")
	}
	return out, nil
}
