package ingest

import (
	"strings"
	"testing"

	"nianbao/report"
)

// checkResult asserts what any input must give: no panic (the fuzzer
// catches it), a report with tables of the edition's shape, or nil with a
// problem saying why.
func checkResult(t *testing.T, r *report.Report, src *report.Source, ps report.Problems) {
	if r == nil {
		if len(ps) == 0 {
			t.Fatal("no report and no problem")
		}
		return
	}
	if len(r.Active) != len(r.Edition.Table2Cells()) || len(r.Requests) != len(r.Edition.Table3()) {
		t.Fatalf("tables of the wrong shape for edition %q", r.Edition)
	}
	if src == nil || r.Source != src || len(src.Tables) != 3 {
		t.Fatalf("source block %+v", src)
	}
}

// FuzzHTML: any bytes as a page.
func FuzzHTML(f *testing.F) {
	if rs, err := renderOnce(); err == nil {
		for _, x := range rs[:2] {
			f.Add(x.html)
			f.Add([]byte(portalPage(x.doc, "gbk", nil, map[string]bool{"table3": true})))
		}
	}
	f.Add([]byte(`<table><tr><td rowspan=100000 colspan=100000>一、总体情况</td></tr></table><p>二、主动公开政府信息情况</p>`))
	f.Add([]byte(`<meta charset="gb18030"><p>示例2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>六、其他需要报告的事项</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, src, ps := HTML("f.html", data)
		checkResult(t, r, src, ps)
	})
}

// FuzzDOCX: any bytes as a Word document (most are refused by zipguard;
// the seeds are real documents).
func FuzzDOCX(f *testing.F) {
	if rs, err := renderOnce(); err == nil {
		for _, x := range rs[:2] {
			f.Add(x.docx)
		}
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, src, ps := DOCX("f.docx", data)
		checkResult(t, r, src, ps)
	})
}

// FuzzDOCXBody: any word/document.xml body, wrapped in a valid package.
func FuzzDOCXBody(f *testing.F) {
	f.Add(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>一、本年新收</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl>`)
	f.Add(`<w:p><w:r><w:t>示例2024年政府信息公开工作年度报告</w:t></w:r></w:p><w:p><w:r><w:t>一、总体情况</w:t><w:drawing/></w:r></w:p>`)
	f.Fuzz(func(t *testing.T, body string) {
		blocks, _ := docxBlocks(stringsReader(`<w:document xmlns:w="w"><w:body>`+body+`</w:body></w:document>`), false)
		res := &result{name: "f.docx", blank: map[string]bool{}, src: newSource("f.docx", "docx", nil)}
		assemble(res, blocks, "")
		r, src, ps := finish(res)
		checkResult(t, r, src, ps)
	})
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }
