package docx

import (
	"strconv"
	"strings"

	"nianbao/report"
)

// Namespaces, relationship types and content types (ECMA-376 Part 1
// transitional, Part 2 OPC).
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsCT  = "http://schemas.openxmlformats.org/package/2006/content-types"

	relOffice    = nsR + "/officeDocument"
	relStrict    = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
	relStyles    = nsR + "/styles"
	relSettings  = nsR + "/settings"
	relFooter    = nsR + "/footer"
	relChart     = nsR + "/chart"
	relApp       = nsR + "/extended-properties"
	relCore      = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	ctMain       = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctTemplate   = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
	ctStyles     = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctSettings   = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctFooter     = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	ctChart      = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
	ctCore       = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp        = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	ctRels       = "application/vnd.openxmlformats-package.relationships+xml"
	xmlDecl      = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	markerText   = "{{正文}}"
	appName      = "nianbao"
	footerPartNm = "footer-nianbao"
)

// rFonts is a run-font element: Latin text in Times New Roman, Chinese in
// the given East Asian font (w:eastAsia, which Word and WPS use for CJK).
func rFonts(ea string) string {
	return `<w:rFonts w:ascii="` + fontLatin + `" w:eastAsia="` + ea + `" w:hAnsi="` + fontLatin + `" w:cs="` + fontLatin + `"/>`
}

func size(halfPt int) string {
	s := strconv.Itoa(halfPt)
	return `<w:sz w:val="` + s + `"/><w:szCs w:val="` + s + `"/>`
}

// styleDef is one paragraph style the body uses: its name (how templates
// are searched for it), the ID it has in the built-in document, and its
// definition without the w:style element.
type styleDef struct {
	name, id string
	body     string // w:name … w:rPr, with {{based}} for the basedOn element
}

// styleDefs are the body's styles (GB/T 9704 §7.3: title 2号小标宋, text
// 3号仿宋, first-level headings 黑体, second-level 楷体), in the order of
// the styles struct. Body text is left-aligned, not justified: LibreOffice
// (7.4) drops a 。 or ， that ends a full justified CJK line, and with
// characters of one width the difference is only at Latin and digit runs.
var styleDefs = []styleDef{
	{name: "Title", id: "Title", body: `<w:name w:val="Title"/>{{based}}<w:qFormat/><w:pPr><w:overflowPunct w:val="0"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="` + strconv.Itoa(pitchTw) + `" w:line="700" w:lineRule="exact"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr>` + rFonts(fontTitle) + `<w:b w:val="0"/>` + size(titleHalfPt) + `</w:rPr>`},
	{name: "heading 1", id: "Heading1", body: `<w:name w:val="heading 1"/>{{based}}<w:qFormat/><w:pPr><w:keepNext/><w:overflowPunct w:val="0"/><w:spacing w:before="0" w:after="0" w:line="` + strconv.Itoa(pitchTw) + `" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>` + rFonts(fontHeading) + `<w:b w:val="0"/>` + size(bodyHalfPt) + `</w:rPr>`},
	{name: "heading 2", id: "Heading2", body: `<w:name w:val="heading 2"/>{{based}}<w:qFormat/><w:pPr><w:keepNext/><w:overflowPunct w:val="0"/><w:spacing w:before="0" w:after="0" w:line="` + strconv.Itoa(pitchTw) + `" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>` + rFonts(fontSub) + `<w:b w:val="0"/>` + size(bodyHalfPt) + `</w:rPr>`},
	{name: "Body Text", id: "BodyText", body: `<w:name w:val="Body Text"/>{{based}}<w:qFormat/><w:pPr><w:overflowPunct w:val="0"/><w:spacing w:before="0" w:after="0" w:line="` + strconv.Itoa(pitchTw) + `" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="left"/></w:pPr><w:rPr>` + rFonts(fontBody) + size(bodyHalfPt) + `</w:rPr>`},
	{name: "Nianbao Table Text", id: "NianbaoTableText", body: `<w:name w:val="Nianbao Table Text"/>{{based}}<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr><w:rPr>` + rFonts(fontBody) + size(tableHalfPt) + `</w:rPr>`},
	{name: "Nianbao Chart", id: "NianbaoChart", body: `<w:name w:val="Nianbao Chart"/>{{based}}<w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr>` + rFonts(fontBody) + size(tableHalfPt) + `</w:rPr>`},
}

// styleXML is one w:style element for def with the given ID, based on the
// style basedOn ("" for none).
func styleXML(def styleDef, id, basedOn string) string {
	based := ""
	if basedOn != "" {
		based = `<w:basedOn w:val="` + escString(basedOn) + `"/>`
	}
	body := strings.Replace(def.body, "{{based}}", based, 1)
	return `<w:style w:type="paragraph" w:customStyle="` + boolVal(strings.HasPrefix(def.name, "Nianbao")) + `" w:styleId="` + escString(id) + `">` + body + `</w:style>`
}

func boolVal(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// builtinStyles is the styles part of the built-in document: East Asian
// defaults (仿宋_GB2312 3号, zh-CN) and the Normal style; the body's styles
// are added like those missing from a template.
const builtinStyles = xmlDecl + `<w:styles xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` + `<w:rFonts w:ascii="` + fontLatin + `" w:eastAsia="` + fontBody + `" w:hAnsi="` + fontLatin + `" w:cs="` + fontLatin + `"/>` +
	`<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

// builtinSectPr is the page setup of the built-in document: A4 with the
// GB/T 9704 margins and a 22-line grid. The page-number footer is added
// like a template's missing footer.
var builtinSectPr = `<w:sectPr><w:pgSz w:w="` + strconv.Itoa(pageWTw) + `" w:h="` + strconv.Itoa(pageHTw) + `"/>` +
	`<w:pgMar w:top="` + strconv.Itoa(topTw) + `" w:right="` + strconv.Itoa(rightTw) + `" w:bottom="` + strconv.Itoa(bottomTw) + `" w:left="` + strconv.Itoa(leftTw) +
	`" w:header="851" w:footer="` + strconv.Itoa(footerTw) + `" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="` + strconv.Itoa(pitchTw) + `"/></w:sectPr>`

// footerXML is the page-number footer: — PAGE — centred, 4号宋体 (GB/T
// 9704 §7.5: 4号半角宋体阿拉伯数字, a dash on each side).
func footerXML() []byte {
	rpr := `<w:rPr>` + rFonts(fontPageNo) + size(pageNoHalf) + `</w:rPr>`
	return []byte(xmlDecl + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>` +
		`<w:r>` + rpr + `<w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r>` + rpr + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r>` + rpr + `<w:t>1</w:t></w:r>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r>` + rpr + `<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`)
}

// corePart is docProps/core.xml: title, subject, author (the organ),
// keywords and both dates from the report (Doc.MetaDate), never the clock.
func corePart(d *report.Doc) []byte {
	var b strings.Builder
	b.WriteString(xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, e := range []struct{ tag, val string }{
		{"dc:title", d.Title}, {"dc:subject", d.Subject}, {"dc:creator", d.Organ}, {"cp:keywords", d.Keywords},
		{"cp:lastModifiedBy", d.Organ}, {"dc:language", "zh-CN"},
	} {
		b.WriteString("<" + e.tag + ">")
		esc(&b, e.val)
		b.WriteString("</" + e.tag + ">")
	}
	date := escString(d.MetaDate) + "T00:00:00Z"
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + date + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + date + `</dcterms:modified></cp:coreProperties>`)
	return []byte(b.String())
}

// builtinPackage is the base document when no template is given: the
// parts of an empty A4 document with the GB/T 9704 page setup, the fill
// step adds the body, styles, footer and charts as it does to a template.
func builtinPackage() *pkg {
	p := &pkg{name: "（内置）", parts: map[string][]byte{}, builtin: true}
	p.put("[Content_Types].xml", []byte(xmlDecl+`<Types xmlns="`+nsCT+`">`+
		`<Default Extension="rels" ContentType="`+ctRels+`"/><Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/word/document.xml" ContentType="`+ctMain+`"/>`+
		`<Override PartName="/word/styles.xml" ContentType="`+ctStyles+`"/>`+
		`<Override PartName="/word/settings.xml" ContentType="`+ctSettings+`"/>`+
		`<Override PartName="/docProps/core.xml" ContentType="`+ctCore+`"/>`+
		`<Override PartName="/docProps/app.xml" ContentType="`+ctApp+`"/></Types>`))
	p.put("_rels/.rels", []byte(xmlDecl+`<Relationships xmlns="`+nsRel+`">`+
		`<Relationship Id="rId1" Type="`+relOffice+`" Target="word/document.xml"/>`+
		`<Relationship Id="rId2" Type="`+relCore+`" Target="docProps/core.xml"/>`+
		`<Relationship Id="rId3" Type="`+relApp+`" Target="docProps/app.xml"/></Relationships>`))
	p.put("word/_rels/document.xml.rels", []byte(xmlDecl+`<Relationships xmlns="`+nsRel+`">`+
		`<Relationship Id="rId1" Type="`+relStyles+`" Target="styles.xml"/>`+
		`<Relationship Id="rId2" Type="`+relSettings+`" Target="settings.xml"/></Relationships>`))
	p.put("word/document.xml", []byte(xmlDecl+`<w:document xmlns:w="`+nsW+`" xmlns:r="`+nsR+`" xmlns:wp="`+nsWP+`"><w:body>`+builtinSectPr+`</w:body></w:document>`))
	p.put("word/styles.xml", []byte(builtinStyles))
	p.put("word/settings.xml", []byte(xmlDecl+`<w:settings xmlns:w="`+nsW+`"><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders w:val="0"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`))
	p.put("docProps/core.xml", nil) // written by fill
	p.put("docProps/app.xml", []byte(xmlDecl+`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>`+appName+`</Application></Properties>`))
	return p
}
