// Package docx writes a report's render model (report.Doc) as an editable
// Word document (WordprocessingML, ECMA-376 transitional), optionally on
// the office's own .docx (its 红头, header and footer, styles, 版记).
//
// The document holds the title, the preface, the six sections under real
// heading styles (Heading 1 for 一、…六、, Heading 2 for subsections, so
// Word's navigation pane and table of contents work), the statutory tables
// as Word tables (merged cells as w:gridSpan and w:vMerge, header rows
// repeated on each page, rows never split, columns fitting the A4 text
// block, figures centred as in the PDF), the work-plan ledger, the 落款
// and the appendices: 附：主要数据同比情况 and 附：图解, whose charts are
// native DrawingML charts, each followed by its data table and summary.
// Paragraphs are real paragraphs with a first-line indent of two
// characters (w:firstLineChars="200").
//
// Typography follows GB/T 9704-2012: A4, margins top 37 mm, bottom 35 mm,
// left 28 mm, right 26 mm, 22 lines a page; title 方正小标宋简体 2号 (22
// pt), body 仿宋_GB2312 3号 (16 pt), headings 黑体 and 楷体_GB2312, all
// named as East Asian fonts (w:eastAsia) so that Word and WPS use them
// where installed; page numbers "— 1 —" (a PAGE field) in 4号宋体.
//
// With Options.Template the body goes where the template has a paragraph
// whose text is {{正文}} (Word may split it across runs), or at the end of
// its body. The template's styles, headers, footers and page setup are
// kept; styles the body needs and the template lacks are added (found by
// name, so Chinese Word's style IDs such as "1" for Heading 1 are used);
// a page-number footer is added only when the template has none. The
// template is untrusted: it passes report/zipguard before any part is
// inflated, and the errors (*TemplateError) say in Chinese what to supply.
//
// The output is deterministic: parts in sorted order (the content types
// first), every zip timestamp and the docProps dates set from
// Doc.MetaDate. Layout only: every figure comes formatted from
// report.Build. The package uses the standard library only.
package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"nianbao/report"
)

// Options selects the base document and whether charts are drawn.
type Options struct {
	// Template is the office's .docx (its bytes); nil means the built-in
	// A4 document. TemplateName names it in messages.
	Template     []byte
	TemplateName string
	// NoCharts leaves out the Doc's charts (附：图解), as `nianbao build
	// --charts none` asks.
	NoCharts bool
	// Fonts names the East Asian font of each role, as layout.yaml names
	// them for the PDF (title, body, heading1, heading2, table, in that
	// order); "" keeps the GB/T 9704 choice (方正小标宋简体, 仿宋_GB2312,
	// 黑体, 楷体_GB2312, 仿宋_GB2312). Word and WPS use a named font where
	// it is installed. Styles the template already has keep their fonts.
	Fonts [5]string
}

// styleRoles maps styleDefs to the roles of Options.Fonts.
var styleRoles = [...]int{0, 2, 3, 1, 4, 1}

// withFont returns def with its East Asian font replaced by the one
// fonts gives its role, if any.
func withFont(def styleDef, i int, fonts [5]string) styleDef {
	if f := fonts[styleRoles[i]]; f != "" {
		for _, base := range []string{fontTitle, fontBody, fontHeading, fontSub} {
			def.body = strings.ReplaceAll(def.body, `w:eastAsia="`+base+`"`, `w:eastAsia="`+escString(f)+`"`)
		}
	}
	return def
}

// CheckTemplate reports whether data can serve as a template, without
// building a report: the error is a *TemplateError saying what to supply.
// Build commands call it once before building many reports.
func CheckTemplate(name string, data []byte) (marker bool, err error) {
	p, err := readPackage(name, data)
	if err != nil {
		return false, err
	}
	_, err = p.fill(&report.Doc{MetaDate: "2000-01-01"}, Options{NoCharts: true})
	return p.marker, err
}

// Write renders d as a .docx to w. The error is a *TemplateError when
// opts.Template cannot be used, or the writer's error.
func Write(w io.Writer, d *report.Doc, opts Options) error {
	var p *pkg
	if opts.Template != nil {
		name := opts.TemplateName
		if name == "" {
			name = "letterhead.docx"
		}
		var err error
		if p, err = readPackage(name, opts.Template); err != nil {
			return err
		}
	} else {
		p = builtinPackage()
	}
	if _, err := p.fill(d, opts); err != nil {
		return err
	}
	return p.writeZip(w, d.MetaDate)
}

// fill puts d's body into the package: styles, body, charts, footer,
// core properties and the content types and relationships they need. It
// returns the package's main document part name.
func (p *pkg) fill(d *report.Doc, opts Options) (string, error) {
	noCharts := opts.NoCharts
	corrupt := func(part string, err error) error {
		return p.fail("部件 %s 无法读取（%v），文件已损坏或不是 Word 文档。请在 Word 或 WPS 中重新“另存为”.docx", part, err)
	}
	rootRels, err := p.rels("_rels/.rels")
	if err != nil {
		return "", err
	}
	main, core := "", ""
	for _, r := range rootRels {
		switch r.Type {
		case relOffice:
			main = resolve("_rels/.rels", r.Target)
		case relStrict:
			return "", p.fail("这是“Strict Open XML”格式的文档，无法使用。请在 Word 中“另存为”普通的“Word 文档（.docx）”后重试")
		case relCore:
			core = resolve("_rels/.rels", r.Target)
		}
	}
	docData, mainName, ok := p.get(main)
	if main == "" || !ok {
		return "", p.fail("这是 zip 文件，但不是 Word 文档（没有文档正文部件）。如果这是 .xlsx 或其他文件，请改用本单位的 Word 红头模板（.docx）")
	}
	main = mainName

	// Content types: a macro-enabled document cannot be saved as .docx; a
	// .dotx becomes a document.
	ctData, ctName, _ := p.get("[Content_Types].xml")
	var types struct {
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(ctData, &types); err != nil {
		return "", corrupt(ctName, err)
	}
	for _, o := range types.Overrides {
		if !strings.EqualFold(strings.TrimPrefix(o.Part, "/"), main) {
			continue
		}
		typ := strings.ToLower(o.Type)
		if strings.Contains(typ, "macroenabled") {
			return "", p.fail("这是含宏的文档或模板（.docm/.dotm），不能用作模板。请在 Word 中“另存为”不含宏的“Word 文档（.docx）”后重试")
		}
		if !strings.Contains(typ, "wordprocessingml") {
			what := "其他 Office 文件"
			switch {
			case strings.Contains(typ, "spreadsheetml"):
				what = " Excel 工作簿"
			case strings.Contains(typ, "presentationml"):
				what = " PowerPoint 演示文稿"
			}
			return "", p.fail("这不是 Word 文档（.docx），而是%s。请改用本单位的 Word 红头模板（.docx）", what)
		}
	}
	ctData = bytes.ReplaceAll(ctData, []byte(ctTemplate), []byte(ctMain))

	docRelsName := relsOf(main)
	docRels, err := p.rels(docRelsName)
	if err != nil {
		return "", err
	}
	ids := map[string]bool{}
	stylesPart := ""
	for _, r := range docRels {
		ids[r.ID] = true
		if r.Type == relStyles && r.TargetMode != "External" {
			stylesPart = resolve(docRelsName, r.Target)
		}
	}
	next := 0
	newID := func() string {
		for {
			next++
			id := "rIdNb" + strconv.Itoa(next)
			if !ids[id] {
				ids[id] = true
				return id
			}
		}
	}
	var addRels, addTypes strings.Builder
	addRel := func(typ, target string) string {
		id := newID()
		fmt.Fprintf(&addRels, `<Relationship Id="%s" Type="%s" Target="%s"/>`, id, typ, escString(target))
		return id
	}
	dir := path.Dir(main)
	target := func(part string) string { // relative to the main part
		if dir == "." {
			return part
		}
		return strings.TrimPrefix(part, dir+"/")
	}
	newPart := func(stem, ext string) string {
		for i := 1; ; i++ {
			name := path.Join(dir, stem+strconv.Itoa(i)+ext)
			if _, _, taken := p.get(name); !taken {
				return name
			}
		}
	}

	// Styles: the template's, with the body's styles added when missing.
	stylesData, stylesName, ok := p.get(stylesPart)
	if stylesPart == "" || !ok {
		stylesName = newPart("styles-nianbao", ".xml")
		stylesData = []byte(builtinStyles)
		addRel(relStyles, target(stylesName))
		fmt.Fprintf(&addTypes, `<Override PartName="/%s" ContentType="%s"/>`, escString(stylesName), ctStyles)
	}
	st, stylesData, err := mergeStyles(stylesData, opts.Fonts)
	if err != nil {
		return "", corrupt(stylesName, err)
	}
	p.put(stylesName, stylesData)

	// The body, with a relationship per chart.
	scan, err := scanDocument(docData)
	if err != nil {
		return "", corrupt(main, err)
	}
	p.marker = scan.markerStart >= 0
	bw := &bodyWriter{st: st}
	var charts []report.Chart
	if !noCharts {
		charts = d.Charts
	}
	for _, c := range charts {
		name := newPart("charts/chart-nianbao", ".xml")
		p.put(name, chartPart(c))
		bw.chartRels = append(bw.chartRels, addRel(relChart, target(name)))
		fmt.Fprintf(&addTypes, `<Override PartName="/%s" ContentType="%s"/>`, escString(name), ctChart)
	}
	bw.document(d, noCharts)
	footerRef := ""
	if !scan.footer {
		name := newPart(footerPartNm, ".xml")
		p.put(name, footerXML())
		footerRef = `<w:footerReference w:type="default" r:id="` + addRel(relFooter, target(name)) + `"/>`
		fmt.Fprintf(&addTypes, `<Override PartName="/%s" ContentType="%s"/>`, escString(name), ctFooter)
	}
	out, err := splice(docData, scan, bw.b.String(), footerRef, builtinSectPr)
	if err != nil {
		return "", corrupt(main, err)
	}
	p.put(main, out)

	// Relationships of the main part (made when the template has none).
	relsData, _, ok := p.get(docRelsName)
	if !ok {
		relsData = []byte(xmlDecl + `<Relationships xmlns="` + nsRel + `"></Relationships>`)
	}
	if relsData, err = appendChildren(relsData, "", nsRel, addRels.String()); err != nil {
		return "", corrupt(docRelsName, err)
	}
	p.put(docRelsName, relsData)
	if ctData, err = appendChildren(ctData, "", nsCT, addTypes.String()); err != nil {
		return "", corrupt(ctName, err)
	}
	p.put(ctName, ctData)
	if _, coreName, ok := p.get(core); core != "" && ok {
		p.put(coreName, corePart(d))
	}
	return main, nil
}

// appendChildren appends children (unprefixed elements of namespace ns)
// to the root of data; when the root's default namespace is not ns, each
// child declares it.
func appendChildren(data []byte, _ string, ns, children string) ([]byte, error) {
	if children == "" {
		return data, nil
	}
	ri, err := scanRoot(data)
	if err != nil {
		return nil, err
	}
	if got, _ := ri.ns(""); got != ns {
		children = strings.ReplaceAll(children, "<Relationship ", `<Relationship xmlns="`+ns+`" `)
		children = strings.ReplaceAll(children, "<Override ", `<Override xmlns="`+ns+`" `)
	}
	return insert(data, ri, "", children), nil
}

// mergeStyles resolves the body's styles against a styles part: a style
// of the same name (case-insensitive, e.g. "heading 1") is used as it is,
// under its own ID; missing ones are appended with their built-in ID (or
// a Nianbao-prefixed one when that ID is taken). It returns the IDs and
// the new part.
func mergeStyles(data []byte, fonts [5]string) (styles, []byte, error) {
	var v struct {
		Styles []struct {
			Type    string `xml:"type,attr"`
			ID      string `xml:"styleId,attr"`
			Default string `xml:"default,attr"`
			Name    struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"style"`
	}
	if err := xml.Unmarshal(data, &v); err != nil {
		return styles{}, nil, err
	}
	ri, err := scanRoot(data)
	if err != nil {
		return styles{}, nil, err
	}
	if ri.name.Space != nsW || ri.name.Local != "styles" {
		return styles{}, nil, fmt.Errorf("root element is %s", ri.name.Local)
	}
	byName, taken := map[string]string{}, map[string]bool{}
	normal := ""
	for _, s := range v.Styles {
		taken[s.ID] = true
		if s.Type != "paragraph" && s.Type != "" {
			continue
		}
		n := strings.ToLower(s.Name.Val)
		if _, dup := byName[n]; !dup && s.ID != "" {
			byName[n] = s.ID
		}
		if (s.Default == "1" || s.Default == "true" || s.Default == "on") && normal == "" {
			normal = s.ID
		}
	}
	if normal == "" {
		normal = byName["normal"]
	}
	var add strings.Builder
	ids := make([]string, len(styleDefs))
	for i, def := range styleDefs {
		if id, ok := byName[strings.ToLower(def.name)]; ok {
			ids[i] = id
			continue
		}
		id := def.id
		for n := 1; taken[id]; n++ {
			id = "Nianbao" + def.id + strconv.Itoa(n)
		}
		taken[id] = true
		ids[i] = id
		add.WriteString(styleXML(withFont(def, i, fonts), id, normal))
	}
	decl, err := ensureNS(ri, "w", nsW)
	if err != nil {
		return styles{}, nil, err
	}
	out := data
	if add.Len() > 0 || decl != "" {
		out = insert(data, ri, decl, add.String())
	}
	return styles{title: ids[0], h1: ids[1], h2: ids[2], body: ids[3], table: ids[4], chart: ids[5]}, out, nil
}

// writeZip writes the package as a zip: [Content_Types].xml first, then
// every part in name order, each deflated with the timestamp date
// (YYYY-MM-DD, 00:00 UTC; 2000-01-01 when unreadable).
func (p *pkg) writeZip(w io.Writer, date string) error {
	mod, err := time.Parse("2006-01-02", date)
	if err != nil || mod.Year() < 1980 {
		mod = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	names := make([]string, 0, len(p.parts))
	for n := range p.parts {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		ca, cb := strings.EqualFold(a, "[Content_Types].xml"), strings.EqualFold(b, "[Content_Types].xml")
		switch {
		case ca && !cb:
			return -1
		case cb && !ca:
			return 1
		}
		return strings.Compare(a, b)
	})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// One compressor for every part: a flate.Writer costs about 1 MB to
	// make, and zip closes each part's before it starts the next.
	fl, err := flate.NewWriter(nil, flate.DefaultCompression)
	if err != nil {
		return err
	}
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fl.Reset(out)
		return fl, nil
	})
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: mod})
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.parts[n]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}
