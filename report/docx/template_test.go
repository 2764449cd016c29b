package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

// makeZip packs parts (name → content) into a zip, in the given order.
func makeZip(t testing.TB, parts [][2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const (
	redHeader  = "示例市人民政府办公室文件"
	beforeText = "红头下方的发文字号：示府办〔2025〕1号"
	afterText  = "抄送：市委办公室，市人大常委会办公室。"
)

// letterheadParts is an office template as Chinese Word saves it: style
// IDs "a" (Normal) and "1" (heading 1), a red header on the first page
// only, its own footer when withFooter, and the {{正文}} marker split
// across three runs between two paragraphs of its own.
func letterheadParts(withFooter bool) [][2]string {
	footerCT, footerRel, footerRef := "", "", ""
	if withFooter {
		footerCT = `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`
		footerRel = `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`
		footerRef = `<w:footerReference w:type="default" r:id="rId9"/>`
	}
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
			`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` + footerCT + `</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`<Relationship Id="rIdNb1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` + footerRel + `</Relationships>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
			`<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>` +
			`<w:style w:type="character" w:styleId="Title"><w:name w:val="Some character style"/></w:style></w:styles>`},
		{"word/header1.xml", `<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:color w:val="FF0000"/><w:sz w:val="52"/></w:rPr><w:t>` + redHeader + `</w:t></w:r></w:p></w:hdr>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
			`<w:p><w:r><w:t>` + beforeText + `</w:t></w:r></w:p>` +
			`<w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t>{{</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>正</w:t></w:r><w:r><w:t xml:space="preserve">文}} </w:t></w:r></w:p>` +
			`<w:p><w:r><w:t>` + afterText + `</w:t></w:r></w:p>` +
			`<w:sectPr><w:headerReference w:type="first" r:id="rIdNb1"/>` + footerRef + `<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>`},
	}
	if withFooter {
		parts = append(parts, [2]string{"word/footer1.xml", `<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>本单位页脚</w:t></w:r></w:p></w:ftr>`})
	}
	return parts
}

func TestTemplate(t *testing.T) {
	d := loadDoc(t, fixtures[0].Path)
	for _, withFooter := range []bool{false, true} {
		tmpl := makeZip(t, letterheadParts(withFooter))
		if marker, err := CheckTemplate("office.docx", tmpl); err != nil || !marker {
			t.Fatalf("CheckTemplate = %v, %v; want the marker found", marker, err)
		}
		parts := unzip(t, writeDocx(t, d, Options{Template: tmpl, TemplateName: "office.docx"}))
		for name, data := range parts {
			if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
				wellFormed(t, name, data)
			}
		}
		doc := string(parts["word/document.xml"])
		// The template's paragraphs stay around the body; the marker is gone.
		order := []string{beforeText, d.Title, "一、总体情况", "六、其他需要报告的事项", d.DateCN, appendixHeading, afterText, `w:type="first" r:id="rIdNb1"`}
		pos := 0
		for _, want := range order {
			i := strings.Index(doc[pos:], want)
			if i < 0 {
				t.Fatalf("footer=%v: %q missing or out of order", withFooter, want)
			}
			pos += i + len(want)
		}
		if strings.Contains(doc, "{{") || strings.Contains(doc, "<w:t>正</w:t>") {
			t.Errorf("footer=%v: the marker paragraph is still there", withFooter)
		}
		// The template's heading 1 (ID "1") is used; the missing styles
		// are added, Title under a new ID because a character style has it.
		if !strings.Contains(doc, `<w:pStyle w:val="1"/></w:pPr><w:r><w:t xml:space="preserve">一、总体情况`) {
			t.Errorf("headings do not use the template's heading 1 style")
		}
		styles := string(parts["word/styles.xml"])
		for _, want := range []string{`w:styleId="NianbaoTitle1"`, `w:styleId="BodyText"`, `<w:basedOn w:val="a"/>`, `w:styleId="NianbaoTableText"`} {
			if !strings.Contains(styles, want) {
				t.Errorf("styles.xml lacks %s", want)
			}
		}
		if strings.Count(styles, `<w:name w:val="heading 1"/>`) != 1 {
			t.Errorf("heading 1 defined twice")
		}
		if !bytes.Equal(parts["word/header1.xml"], []byte(letterheadParts(withFooter)[4][1])) {
			t.Errorf("the template's header was changed")
		}
		ct := string(parts["[Content_Types].xml"])
		if strings.Contains(ct, "template.main") || !strings.Contains(ct, ctMain) {
			t.Errorf("the main part is not a document: %s", ct)
		}
		rels := string(parts["word/_rels/document.xml.rels"])
		if strings.Contains(rels, `Id="rIdNb1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"`) {
			t.Errorf("a chart reuses the template's relationship ID: %s", rels)
		}
		_, added := parts["word/footer-nianbao1.xml"]
		if added == withFooter {
			t.Errorf("template footer=%v, page-number footer added=%v", withFooter, added)
		}
	}
}

// TestTemplateAtEnd: without a marker the body goes at the end, before
// the final sectPr.
func TestTemplateAtEnd(t *testing.T) {
	parts := letterheadParts(false)
	parts[5][1] = strings.Replace(parts[5][1], "{{", "", 1)
	d := loadDoc(t, fixtures[3].Path)
	if marker, err := CheckTemplate("office.docx", makeZip(t, parts)); err != nil || marker {
		t.Errorf("CheckTemplate = %v, %v; want no marker", marker, err)
	}
	doc := string(unzip(t, writeDocx(t, d, Options{Template: makeZip(t, parts)}))["word/document.xml"])
	a, b, c := strings.Index(doc, afterText), strings.Index(doc, d.Title), strings.Index(doc, "<w:sectPr><w:footerReference")
	if a < 0 || b < a || c < b {
		t.Errorf("body not between the template's text and its sectPr: %d %d %d", a, b, c)
	}
}

func TestLetterhead(t *testing.T) {
	lh := Letterhead("示例市人民政府办公室")
	if !bytes.Equal(lh, Letterhead("示例市人民政府办公室")) {
		t.Error("Letterhead is not deterministic")
	}
	d := loadDoc(t, fixtures[0].Path)
	parts := unzip(t, writeDocx(t, d, Options{Template: lh}))
	if !strings.Contains(string(parts["word/header1.xml"]), "示例市人民政府办公室") {
		t.Error("header lost")
	}
	if !strings.Contains(string(parts["word/document.xml"]), d.Title) || strings.Contains(string(parts["word/document.xml"]), markerText) {
		t.Error("body not in place of the marker")
	}
}

func TestTemplateErrors(t *testing.T) {
	good := letterheadParts(false)
	with := func(name, content string) []byte {
		var ps [][2]string
		for _, p := range good {
			if p[0] == name {
				p[1] = content
			}
			ps = append(ps, p)
		}
		return makeZip(t, ps)
	}
	bomb := makeZip(t, [][2]string{{"[Content_Types].xml", strings.Repeat("<", 20<<20)}})
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", []byte{}, "文件为空"},
		{"ole", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "旧版 Word（.doc）"},
		{"rtf", []byte(`{\rtf1\ansi 红头}`), "RTF"},
		{"text", []byte("{{正文}}"), "这不是 Word 文档（.docx）"},
		{"truncated", makeZip(t, good)[:200], "损坏"},
		{"xlsx", makeZip(t, [][2]string{{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`}, {"xl/workbook.xml", "<workbook/>"}}), "不是 Word 文档"},
		// A workbook has the officeDocument relationship too: its main part's type tells.
		{"xlsx with relationships", makeZip(t, [][2]string{
			{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`},
			{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
			{"xl/workbook.xml", "<workbook/>"},
			{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
			{"xl/styles.xml", "<styleSheet/>"},
		}), "这不是 Word 文档（.docx），而是 Excel 工作簿"},
		{"no content types", makeZip(t, [][2]string{{"word/document.xml", "<x/>"}}), "缺少 [Content_Types].xml"},
		{"docm", with("[Content_Types].xml", strings.Replace(good[0][1], "wordprocessingml.template.main+xml", "ms-word.document.macroEnabled.main+xml", 1)), "含宏"},
		{"strict", with("_rels/.rels", strings.Replace(good[1][1], "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", relStrict, 1)), "Strict"},
		{"bad document", with("word/document.xml", "<w:document"), "word/document.xml 无法读取"},
		{"not a document", with("word/document.xml", `<w:hdr xmlns:w="`+nsW+`"/>`), "word/document.xml 无法读取"},
		{"w bound elsewhere", with("word/document.xml", `<w:document xmlns:w="`+nsW+`" xmlns:wp="urn:x"><w:body/></w:document>`), "word/document.xml 无法读取"},
		{"bad styles", with("word/styles.xml", "<w:styles>"), "word/styles.xml 无法读取"},
		{"bad rels", with("word/_rels/document.xml.rels", "<Relationships"), "不是有效的 XML"},
		{"bomb", bomb, "压缩炸弹"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := CheckTemplate("office.docx", tc.data)
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("got %v, want a *TemplateError", err)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "Word 模板 office.docx：") {
				t.Errorf("message %q lacks %q", err, tc.want)
			}
			if err := Write(&bytes.Buffer{}, loadDoc(t, fixtures[2].Path), Options{Template: tc.data, TemplateName: "office.docx"}); !errors.As(err, &te) {
				t.Errorf("Write: got %v, want a *TemplateError", err)
			}
		})
	}
}
