package docx

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzTemplate: any bytes as the main document part of a template give a
// *TemplateError or a document whose every changed part is well-formed
// XML; never a panic.
func FuzzTemplate(f *testing.F) {
	for _, p := range letterheadParts(true) {
		if p[0] == "word/document.xml" {
			f.Add([]byte(p[1]))
		}
	}
	f.Add([]byte(`<w:document xmlns:w="` + nsW + `"><w:body><w:p><w:r><w:t>{{正文}}</w:t></w:r><w:pPr><w:sectPr/></w:pPr></w:p><w:sectPr/></w:body></w:document>`))
	f.Add([]byte(`<w:document xmlns:w="` + nsW + `"><w:body/></w:document>`))
	d := loadDoc(f, fixtures[2].Path)
	f.Fuzz(func(t *testing.T, doc []byte) {
		var ps [][2]string
		for _, p := range letterheadParts(true) {
			if p[0] == "word/document.xml" {
				p[1] = string(doc)
			}
			ps = append(ps, p)
		}
		var out bytes.Buffer
		err := Write(&out, d, Options{Template: makeZip(t, ps), NoCharts: true})
		var te *TemplateError
		if err != nil {
			if !errors.As(err, &te) {
				t.Fatalf("not a TemplateError: %v", err)
			}
			return
		}
		parts := unzip(t, out.Bytes())
		for _, name := range []string{"word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"} {
			wellFormed(t, name, parts[name])
		}
	})
}
