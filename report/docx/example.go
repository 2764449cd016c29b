package docx

import (
	"bytes"
	"strings"
)

// Letterhead returns a plain example letterhead (a .docx to pass as
// Options.Template, or to save as letterhead.docx in a templates folder):
// on the first page a red header with the organ's name over a red rule,
// on the others none; the {{正文}} marker paragraph where the report goes;
// after it a 版记 line (印发 organ, date left for the office to fill). The
// A4 page setup is GB/T 9704's; the footer is left out, so the report's
// "— 1 —" page numbers are added. The bytes are the same for the same
// organ.
func Letterhead(organ string) []byte {
	p := &pkg{name: "letterhead.docx", parts: map[string][]byte{}}
	o := escString(organ)
	red := `<w:color w:val="E60000"/>`
	p.put("[Content_Types].xml", []byte(xmlDecl+`<Types xmlns="`+nsCT+`">`+
		`<Default Extension="rels" ContentType="`+ctRels+`"/><Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/word/document.xml" ContentType="`+ctMain+`"/>`+
		`<Override PartName="/word/styles.xml" ContentType="`+ctStyles+`"/>`+
		`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`))
	p.put("_rels/.rels", []byte(xmlDecl+`<Relationships xmlns="`+nsRel+`"><Relationship Id="rId1" Type="`+relOffice+`" Target="word/document.xml"/></Relationships>`))
	p.put("word/_rels/document.xml.rels", []byte(xmlDecl+`<Relationships xmlns="`+nsRel+`">`+
		`<Relationship Id="rId1" Type="`+relStyles+`" Target="styles.xml"/>`+
		`<Relationship Id="rId2" Type="`+nsR+`/header" Target="header1.xml"/></Relationships>`))
	p.put("word/header1.xml", []byte(xmlDecl+`<w:hdr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`"><w:p><w:pPr>`+
		`<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="E60000"/></w:pBdr><w:spacing w:after="120"/><w:jc w:val="center"/></w:pPr>`+
		`<w:r><w:rPr>`+rFonts(fontTitle)+red+size(52)+`</w:rPr><w:t>`+o+`</w:t></w:r></w:p></w:hdr>`))
	p.put("word/styles.xml", []byte(builtinStyles))
	// The built-in page setup with the first-page header; w:titlePg goes
	// before w:docGrid (CT_SectPr order).
	sect := strings.Replace(builtinSectPr, "<w:sectPr>", `<w:sectPr><w:headerReference w:type="first" r:id="rId2"/>`, 1)
	sect = strings.Replace(sect, "<w:docGrid", "<w:titlePg/><w:docGrid", 1)
	p.put("word/document.xml", []byte(xmlDecl+`<w:document xmlns:w="`+nsW+`" xmlns:r="`+nsR+`"><w:body>`+
		`<w:p><w:r><w:t>`+markerText+`</w:t></w:r></w:p>`+
		`<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr><w:ind w:left="320" w:right="320"/></w:pPr>`+
		`<w:r><w:rPr>`+rFonts(fontBody)+size(28)+`</w:rPr><w:t xml:space="preserve">`+o+`　　　　　　　　年　月　日印发</w:t></w:r></w:p>`+
		sect+`</w:body></w:document>`))
	var b bytes.Buffer
	_ = p.writeZip(&b, "2000-01-01") // writing to memory cannot fail
	return b.Bytes()
}
