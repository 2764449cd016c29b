package ingest

import (
	"archive/zip"
	"bytes"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// docxWith wraps a document body in a minimal package.
func docxWith(t testing.TB, body string) []byte {
	t.Helper()
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"word/document.xml":   `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`,
	})
}

// TestTables: the grids of Word and HTML tables, spans as merged ranges
// with the text at the top-left slot.
func TestTables(t *testing.T) {
	tc := func(props, text string) string {
		return `<w:tc><w:tcPr>` + props + `</w:tcPr><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	docx := `<w:p><w:r><w:t>标题</w:t></w:r></w:p><w:tbl>` +
		`<w:tr>` + tc(``, "序号") + tc(``, "事项") + tc(``, "任务") + `</w:tr>` +
		`<w:tr>` + tc(`<w:gridSpan w:val="3"/>`, "一、公开") + `</w:tr>` +
		`<w:tr>` + tc(``, "1") + tc(`<w:vMerge w:val="restart"/>`, "解读") + `<w:tc><w:tcPr/><w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr>` + tc(``, "2") + `<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>` + tc(``, "丁") + `</w:tr>` +
		`</w:tbl><w:tbl><w:tr>` + `<w:trPr>` + strings.Repeat(`<w:gridBefore w:val="99999"/>`, 4) + `</w:trPr>` + tc(``, "远") + `</w:tr></w:tbl>`
	want := []Grid{{Name: "表格1", Rows: [][]string{
		{"序号", "事项", "任务"},
		{"一、公开", "", ""},
		{"1", "解读", "甲\n乙\n丙"},
		{"2", "", "丁"},
	}, Merges: []Merge{{1, 0, 1, 2}, {2, 1, 3, 1}}, Above: []string{"标题"}}, {Name: "表格2", Rows: [][]string{nil}}}
	got, err := DOCXTables("t.docx", docxWith(t, docx))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("docx:\n%#v\nwant\n%#v", got, want)
	}

	page := `<html><head><meta charset="utf-8"><script>x = "<table><tr><td>a</td></tr></table>"</script></head><body>
<h2>附件</h2><p class=MsoNormal>示例县2024年政务公开工作要点
 任务分解表</p>
<table><tr><td><table><tr><th>序号</th><th>事项</th><th>任务</th></tr>
<tr><td colspan=3><p class=MsoNormal>一、公开</p></td></tr>
<tr><td>1</td><td rowspan="2"><span>解</span><span>读</span></td><td><p class=MsoNormal>甲
 乙<br>丙</p><p class=MsoNormal>&nbsp;</p><p>丁&nbsp;戊</p></td></tr>
<tr><td>2</td><td>丁</td></tr></table></td></tr></table>
<table><tr><td colspan=100000>宽</td></tr></table></body></html>`
	want = []Grid{{Name: "表格1", Rows: [][]string{
		{"序号", "事项", "任务"},
		{"一、公开", "", ""},
		{"1", "解读", "甲 乙\n丙\n丁 戊"},
		{"2", "", "丁"},
	}, Merges: []Merge{{1, 0, 1, 2}, {2, 1, 3, 1}}, Above: []string{"附件", "示例县2024年政务公开工作要点 任务分解表"}},
		{Name: "表格2", Rows: [][]string{make([]string, 64)}, Merges: []Merge{{0, 0, 0, 63}}}}
	want[1].Rows[0][0] = "宽"
	got, err = HTMLTables("t.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("html:\n%#v\nwant\n%#v", got, want)
	}
}

// TestTablesRejects: files that cannot be read, refused naming the file.
func TestTablesRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		read func(string, []byte) ([]Grid, error)
		data []byte
		want string
	}{
		{"empty.docx", DOCXTables, nil, "empty.docx：文件为空"},
		{"x.docx", DOCXTables, zipOf(t, map[string]string{"a.txt": "a"}), "x.docx：这不是 Word 文档"},
		{"bad.docx", DOCXTables, docxWith(t, "<w:tbl><w:tr>"), "bad.docx：" + docxDamaged},
		{"laughs.docx", DOCXTables, docxWith(t, "<w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>"), "laughs.docx：" + docxDamaged},
		{"big.html", HTMLTables, make([]byte, MaxFileSize+1), "big.html：文件超过 64 MiB"},
		{"deep.html", HTMLTables, []byte(strings.Repeat("<div>", 600)), "deep.html：" + pageDamaged},
		{"empty.html", HTMLTables, []byte(" \n"), "empty.html：文件为空"},
		{"noise.html", HTMLTables, bytes.Repeat([]byte{0x80, 0xff}, 200), "noise.html：网页编码无法识别，可能是 GBK"},
	} {
		if _, err := tc.read(tc.name, tc.data); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: want an error starting %q, got %v", tc.name, tc.want, err)
		}
	}
}

// checkGrids asserts what any grid must be: rows at most maxGridCols
// wide, merged ranges inside the grid with their text at the top-left,
// tables named 表格1, 表格2, … in order.
func checkGrids(t *testing.T, grids []Grid) {
	for i, g := range grids {
		if want := "表格" + strconv.Itoa(i+1); g.Name != want {
			t.Errorf("grid %d named %q", i, g.Name)
		}
		for _, row := range g.Rows {
			if len(row) > maxGridCols {
				t.Errorf("%s: a row of %d columns", g.Name, len(row))
			}
		}
		for _, m := range g.Merges {
			if m.Row1 < 0 || m.Row1 > m.Row2 || m.Row2 >= len(g.Rows) || m.Col1 < 0 || m.Col1 > m.Col2 || m.Col2 >= maxGridCols || m.Col1 >= len(g.Rows[m.Row1]) {
				t.Errorf("%s: merged range %+v outside the grid", g.Name, m)
			}
		}
	}
}

// zipOf is a zip of the named parts, in name order.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[name]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzTables: any word/document.xml body (wrapped in a valid package)
// and any page give grids of the right shape or an error, never a panic.
func FuzzTables(f *testing.F) {
	f.Add(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>一、公开</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:gridBefore w:val="3"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>甲</w:t><w:br/></w:r></w:p></w:tc></w:tr></w:tbl>`, false)
	f.Add(`<table><tr><td rowspan=3 colspan=2>事项</td><td>任务</td></tr><tr><td><p class=MsoNormal>甲&nbsp;</p></td></tr><tr><th rowspan=0>乙</th></tr></table>`, true)
	f.Fuzz(func(t *testing.T, src string, page bool) {
		var grids []Grid
		var err error
		if page {
			grids, err = HTMLTables("f.html", []byte(src))
		} else {
			grids, err = DOCXTables("f.docx", docxWith(t, src))
		}
		if err != nil {
			return
		}
		checkGrids(t, grids)
	})
}

// TestSpacerun: the spaces of Word's mso-spacerun spans in a web table's
// cell go between Chinese characters and are one space elsewhere; other
// spaces are as a browser shows them.
func TestSpacerun(t *testing.T) {
	const sr = `<span style='mso-spacerun:yes'>`
	for _, c := range []struct{ cell, want string }{
		{`深化` + sr + `&nbsp;&nbsp;</span>财政信息公开`, "深化财政信息公开"},
		{`<p class=MsoNormal>深化<span style="MSO-SPACERUN: yes"> &nbsp; </span>财政</p>`, "深化财政"},
		{`（一）` + sr + `&nbsp;&nbsp;</span>公开`, "（一）公开"},
		{`Word` + sr + `&nbsp;&nbsp; </span>Excel`, "Word Excel"},
		{`2024年` + sr + `&nbsp;&nbsp;</span>6月`, "2024年 6月"},
		{sr + `&nbsp;&nbsp;</span>深化`, "深化"},
		{`a` + sr + `x</span>b`, "axb"},
		{`深化&nbsp;&nbsp;财政`, "深化  财政"},
	} {
		grids, err := HTMLTables("t.html", []byte("<table><tr><td>"+c.cell+"</td></tr></table>"))
		if err != nil || len(grids) != 1 || len(grids[0].Rows) != 1 {
			t.Fatalf("%s: %v %+v", c.cell, err, grids)
		}
		if got := grids[0].Rows[0][0]; got != c.want {
			t.Errorf("%s: %q, want %q", c.cell, got, c.want)
		}
	}
}
