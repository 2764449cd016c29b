package tasktable

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/report"
	"nianbao/report/datafile"
)

// fixtureTable is a fictional 任务分解表 in the shape offices publish:
// heading rows (一、…) spanning the table, 事项名称 cells spanning rows, a
// cell of two paragraphs, rows continuing a 事项 without a 序号. "<" is a
// slot covered by the cell to its left, "^" one covered by the cell above.
var fixtureTable = [][]string{
	{"序号", "事项名称", "主要任务", "牵头单位", "责任单位", "完成时限"},
	{"一、以公开助力经济发展", "<", "<", "<", "<", "<"},
	{"1", "政策解读", "重要政策文件同步解读。", "县政府办公室", "各部门", "2024年6月底"},
	{"2", "^", "开展政策解读进社区活动。", "县司法局", "", "下半年"},
	{"二、以公开助力法治政府建设", "<", "<", "<", "<", "<"},
	{"3", "行政执法公示", "公开行政执法结果。\n更新执法人员名单。", "县司法局", "执法部门", "每季度"},
	{"4", "平台建设", "完成政府网站适老化改造。", "县大数据中心", "各乡镇", "2024年第三季度"},
	{"", "^", "规范政务新媒体。", "县委网信办", "", "长期坚持"},
	{"", "^", "优化依申请公开平台。", "县大数据中心", "", "2024年底"},
}

const fixtureTitle = "示例县2024年政务公开工作要点任务分解表"

// spanOf is the extent of the cell at (r, c): columns and rows it covers.
func spanOf(rows [][]string, r, c int) (cols, nrows int) {
	cols, nrows = 1, 1
	for c+cols < len(rows[r]) && rows[r][c+cols] == "<" {
		cols++
	}
	for r+nrows < len(rows) && rows[r+nrows][c] == "^" {
		nrows++
	}
	return cols, nrows
}

// fixtureXLSX is the table as a workbook: the title in a merged first row.
func fixtureXLSX(t testing.TB) []byte { return tableXLSX(t, fixtureTable, true) }

// tableXLSX writes table as a workbook under the title row; with merge
// false the covered slots are left empty, as a sheet typed without merging.
func tableXLSX(t testing.TB, table [][]string, withMerges bool) []byte {
	f := excelize.NewFile()
	defer f.Close()
	set := func(c, r int, v string) {
		name, _ := excelize.CoordinatesToCellName(c+1, r+1)
		if err := f.SetCellStr("Sheet1", name, v); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(c1, r1, c2, r2 int) {
		a, _ := excelize.CoordinatesToCellName(c1+1, r1+1)
		b, _ := excelize.CoordinatesToCellName(c2+1, r2+1)
		if err := f.MergeCell("Sheet1", a, b); err != nil {
			t.Fatal(err)
		}
	}
	set(0, 0, fixtureTitle)
	merge(0, 0, 5, 0)
	for r, row := range table {
		for c, v := range row {
			if v == "<" || v == "^" {
				continue
			}
			set(c, r+1, v)
			if cols, rows := spanOf(table, r, c); withMerges && (cols > 1 || rows > 1) {
				merge(c, r+1, c+cols-1, r+rows)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fixtureDOCX is the table as Word writes it: the title a paragraph
// above, w:gridSpan for the heading rows, w:vMerge restart/continue for
// the 事项名称 cells, a paragraph per line, after a small table that is
// not a task table (a document's 联系人 table).
func fixtureDOCX(t testing.TB) []byte { return tableDOCX(t, fixtureTable) }

// tableDOCX writes table as fixtureDOCX does.
func tableDOCX(t testing.TB, table [][]string) []byte {
	var b strings.Builder
	p := func(s string) string {
		return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	b.WriteString(`<w:tbl><w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>` + p("联系人") + `</w:tc><w:tc>` + p("张三（虚构）") + `</w:tc></w:tr></w:tbl>`)
	b.WriteString(p(fixtureTitle))
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="a3"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>`)
	for range 6 {
		b.WriteString(`<w:gridCol w:w="1400"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for r, row := range table {
		b.WriteString(`<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>`)
		for c, v := range row {
			switch v {
			case "<":
				continue
			case "^":
				b.WriteString(`<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`)
				continue
			}
			cols, rows := spanOf(table, r, c)
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="1400" w:type="dxa"/>`)
			if cols > 1 {
				fmt.Fprintf(&b, `<w:gridSpan w:val="%d"/>`, cols)
			}
			if rows > 1 {
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			}
			b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
			for _, line := range strings.Split(v, "\n") {
				b.WriteString(p(line))
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl><w:sectPr/></w:body></w:document>`)
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, part := range []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", b.String()},
	} {
		w, err := z.Create(part.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(part.data))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fixtureHTML is the table as Word's "save as web page" or a paste into a
// portal's editor gives it: mso- styles, <p class=MsoNormal> in every
// cell, source lines wrapped inside tags, &nbsp; in empty cells, rowspan
// and colspan without quotes; after a navigation table. charset is the
// page's declared encoding ("gbk" encodes the page in GBK; "undeclared
// gbk" too, without the meta charset).
func fixtureHTML(t testing.TB, charset string) []byte { return tableHTML(t, fixtureTable, charset) }

// tableHTML writes table as fixtureHTML does.
func tableHTML(t testing.TB, table [][]string, charset string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=%s">
<title>关于印发示例县2024年政务公开工作要点的通知</title>
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; text-align:justify; font-size:10.5pt;} --></style>
<script>var nav = "<table><tr><td>主要任务</td><td>牵头单位</td></tr></table>";</script></head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<table class=nav><tr><td><a href="/">首页</a></td><td><a href="/zwgk/">政务公开</a></td></tr></table>
<div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:18.0pt;font-family:
方正小标宋简体;mso-hansi-font-family:宋体'>%s<span lang=EN-US><o:p></o:p></span></span></b></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
`, charset, fixtureTitle)
	for r, row := range table {
		fmt.Fprintf(&b, " <tr style='mso-yfti-irow:%d;height:21.25pt'>\n", r)
		for c, v := range row {
			if v == "<" || v == "^" {
				continue
			}
			cols, rows := spanOf(table, r, c)
			b.WriteString("  <td")
			if cols > 1 {
				fmt.Fprintf(&b, " colspan=%d", cols)
			}
			if rows > 1 {
				fmt.Fprintf(&b, " rowspan=%d", rows)
			}
			b.WriteString(" width=95 valign=top style='width:71.0pt;border:solid windowtext 1.0pt;\n  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n")
			if v == "" {
				b.WriteString("  <p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p>\n")
			}
			for _, line := range strings.Split(v, "\n") {
				if line == "" {
					continue
				}
				fmt.Fprintf(&b, "  <p class=MsoNormal><span style='font-family:仿宋_GB2312;mso-hansi-font-family:\n  宋体'>%s</span><span lang=EN-US><o:p></o:p></span></p>\n", html.EscapeString(line))
			}
			b.WriteString("  </td>\n")
		}
		b.WriteString(" </tr>\n")
	}
	b.WriteString("</table>\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n</div>\n</body>\n</html>\n")
	page := b.String()
	if charset == "undeclared gbk" {
		page = strings.Replace(page, "<meta http-equiv=Content-Type content=\"text/html; charset=undeclared gbk\">", "", 1)
	}
	if strings.HasSuffix(charset, "gbk") {
		out, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	return []byte(page)
}

// TestTaskTableFormats: the same table as a workbook, a Word document, a
// Word-pasted web page and a GBK web page imports to the same tasks, cell
// for cell; notes name the table and row in Word and web pages.
func TestTaskTableFormats(t *testing.T) {
	want, err := Read("table.xlsx", fixtureXLSX(t), report.StatusInProgress)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Plan.Tasks) != 4 || want.Plan.Title != "示例县2024年政务公开工作要点" || want.Range != "Sheet1!A2:F10" {
		t.Fatalf("workbook: %d tasks, title %q, range %q: %+v", len(want.Plan.Tasks), want.Plan.Title, want.Range, want.Plan.Tasks)
	}
	if got := want.Plan.Tasks[2]; got.Item != "行政执法公示" || got.Task != "公开行政执法结果。\n更新执法人员名单。" {
		t.Errorf("task 3: %+v", got)
	}
	if got := want.Plan.Tasks[3]; got.Item != "平台建设" || got.Task != "完成政府网站适老化改造。\n规范政务新媒体。\n优化依申请公开平台。" || got.Lead != "县大数据中心；县委网信办" {
		t.Errorf("task 4 (a 事项 continued without 序号): %+v", got)
	}
	tests := []struct {
		name      string
		data      []byte
		table     string // the grid read
		rng       string
		noteCells []string
	}{
		{"table.docx", fixtureDOCX(t), "表格2", "表格2 第1行至第9行", []string{"表格2 第7行第3列"}},
		{"table.html", fixtureHTML(t, "utf-8"), "表格2", "表格2 第1行至第9行", []string{"表格2 第7行第3列"}},
		{"table.htm", fixtureHTML(t, "gbk"), "表格2", "表格2 第1行至第9行", []string{"表格2 第7行第3列"}},
		{"undeclared.html", fixtureHTML(t, "undeclared gbk"), "表格2", "表格2 第1行至第9行", []string{"表格2 第7行第3列"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(tc.name, tc.data, report.StatusInProgress)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Plan.Tasks, want.Plan.Tasks) {
				t.Errorf("tasks differ from the workbook's:\n%+v\nwant\n%+v", got.Plan.Tasks, want.Plan.Tasks)
			}
			if got.Plan.Title != want.Plan.Title {
				t.Errorf("title %q, want the workbook's %q (from the paragraph above the table)", got.Plan.Title, want.Plan.Title)
			}
			if got.Name != tc.table || got.Range != tc.rng || got.Header != 1 {
				t.Errorf("table %q range %q header %d", got.Name, got.Range, got.Header)
			}
			var cells []string
			for _, n := range got.Notes {
				cells = append(cells, n.Cell)
			}
			var wantCells []string
			for _, n := range want.Notes {
				wantCells = append(wantCells, n.Cell)
			}
			if len(cells) != len(wantCells) || !reflect.DeepEqual(cells, tc.noteCells) {
				t.Errorf("notes at %q, want %q (the workbook's at %q)", cells, tc.noteCells, wantCells)
			}
		})
	}
}

// twoRowHeader is a task table whose header takes two rows: 责任单位
// over 牵头单位 and 配合单位, the other heads merged down over both rows.
var twoRowHeader = [][]string{
	{"序号", "工作任务", "具体要求", "责任单位", "<", "完成时限"},
	{"^", "^", "^", "牵头单位", "配合单位", "^"},
	{"1", "政策解读", "重要政策文件同步解读。", "县政府办公室", "各部门", "2024年6月底"},
	{"2", "平台建设", "完成政府网站适老化改造。", "县大数据中心", "", "2024年第三季度"},
	{"3", "执法公示", "公开行政执法结果。", "县司法局", "执法部门；各乡镇", "长期坚持"},
}

// TestTaskTableTwoRowHeader: a header row over a sub-header row is read as
// one header in every format — the sub-heads give the roles (牵头单位 →
// lead, 配合单位 → units) and the tasks start below the second row.
func TestTaskTableTwoRowHeader(t *testing.T) {
	want := []report.Task{
		{Item: "政策解读", Task: "重要政策文件同步解读。", Lead: "县政府办公室", Units: "各部门", Deadline: "2024年6月底", Status: report.StatusInProgress},
		{Item: "平台建设", Task: "完成政府网站适老化改造。", Lead: "县大数据中心", Deadline: "2024年第三季度", Status: report.StatusInProgress},
		{Item: "执法公示", Task: "公开行政执法结果。", Lead: "县司法局", Units: "执法部门；各乡镇", Deadline: "长期坚持", Status: report.StatusInProgress},
	}
	// A sub-head that is no header word, under a parent that is one.
	coop := slices.Clone(twoRowHeader)
	coop[1] = []string{"^", "^", "^", "牵头单位", "协办", "^"}
	tests := []struct {
		name string
		data []byte
		rng  string
	}{
		{"merged.xlsx", tableXLSX(t, twoRowHeader, true), "Sheet1!A2:F6"},
		{"unmerged.xlsx", tableXLSX(t, twoRowHeader, false), "Sheet1!A2:F6"},
		{"coop.xlsx", tableXLSX(t, coop, true), "Sheet1!A2:F6"},
		{"table.docx", tableDOCX(t, twoRowHeader), "表格2 第1行至第5行"},
		{"table.html", tableHTML(t, twoRowHeader, "utf-8"), "表格2 第1行至第5行"},
		{"table.htm", tableHTML(t, twoRowHeader, "gbk"), "表格2 第1行至第5行"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(tc.name, tc.data, report.StatusInProgress)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Plan.Tasks, want) {
				t.Errorf("tasks:\n%+v\nwant\n%+v", got.Plan.Tasks, want)
			}
			if got.Range != tc.rng {
				t.Errorf("range %q, want %q", got.Range, tc.rng)
			}
			for _, n := range got.Notes {
				t.Errorf("unexpected note: %s", n)
			}
		})
	}
}

// TestTaskTableByContent: a workbook, Word document or web page saved
// under another extension is read by its content, with a note saying so
// and which extension to use; under its own extension, no note.
func TestTaskTableByContent(t *testing.T) {
	want, err := Read("table.xlsx", fixtureXLSX(t), report.StatusInProgress)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		note string
	}{
		{"改名.doc", fixtureDOCX(t), "提示: 文件内容是 Word 文档（.docx），已按 Word 文档读取。建议把扩展名改为 .docx"},
		{"改名.wps", fixtureDOCX(t), "提示: 文件内容是 Word 文档（.docx）"},
		{"改名.xlsx", fixtureDOCX(t), "提示: 文件内容是 Word 文档（.docx）"},
		{"工作簿改名.docx", fixtureXLSX(t), "提示: 文件内容是 Excel 工作簿（.xlsx），已按 Excel 工作簿读取。建议把扩展名改为 .xlsx"},
		{"网页.txt", fixtureHTML(t, "utf-8"), "提示: 文件内容是网页（.html），已按网页读取。建议把扩展名改为 .html"},
		{"网页", fixtureHTML(t, "gbk"), "提示: 文件内容是网页（.html）"},
		{"网页.HTM", fixtureHTML(t, "utf-8"), ""},
		{"表格.DOCX", fixtureDOCX(t), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(tc.name, tc.data, report.StatusInProgress)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Plan.Tasks, want.Plan.Tasks) {
				t.Errorf("tasks differ from the workbook's:\n%+v", got.Plan.Tasks)
			}
			first := ""
			if len(got.Notes) > 0 {
				first = got.Notes[0].String()
			}
			if tc.note == "" && strings.Contains(first, "文件内容是") || !strings.HasPrefix(first, tc.note) {
				t.Errorf("first note %q, want %q", first, tc.note)
			}
		})
	}
}

// TestTaskTableRejects: files without a task table, each refused with a
// message naming the file.
func TestTaskTableRejects(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"table.xlsx", nil, "table.xlsx：文件为空"},
		{"table.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "另存为” .xlsx"},
		{"table.docx", []byte("PK\x03\x04garbage"), "table.docx：文件已损坏或不完整"},
		{"table.docx", nil, "table.docx：文件为空。请选择保存好的任务分解表"},
		{"table.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "table.pdf：这是 PDF 文件，无法从中读取任务分解表"},
		{"table.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "table.png：这不是 Excel 工作簿（.xlsx）、Word 文档（.docx）或网页（.html）"},
		{"table.csv", []byte("事项名称,主要任务\n"), "table.csv：这不是 Excel 工作簿（.xlsx）、Word 文档（.docx）或网页（.html）"},
		{"table.wps", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "Word .doc 格式"},
		{"table.html", []byte("<p>示例县2024年政务公开工作要点</p>"), "table.html：网页中没有表格"},
		{"table.html", []byte("<table><tr><td>姓名</td><td>电话</td></tr></table>"), "table.html：在表格 表格1 中都没有找到任务分解表的表头行"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.name, tc.data, report.StatusInProgress)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want error containing %q, got %v", tc.want, err)
			}
		})
	}
}

func readShenyang(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../xlsx/testdata/shenyang-2022.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestImportShenyang imports the 任务分解表 of 沈政公领发〔2022〕1号:
// 29 事项 in four sections, several spanning rows, header repeated at page
// breaks.
func TestImportShenyang(t *testing.T) {
	res, err := Read("shenyang-2022.xlsx", readShenyang(t), report.StatusInProgress)
	if err != nil {
		t.Fatal(err)
	}
	w := res.Plan
	if w.Title != "沈阳市2022年政务公开工作要点" {
		t.Errorf("title %q", w.Title)
	}
	if len(w.Tasks) != 29 {
		for i, tk := range w.Tasks {
			t.Logf("%d %q", i+1, tk.Item)
		}
		t.Fatalf("want 29 tasks, got %d", len(w.Tasks))
	}
	if res.Name != "任务分解表" || res.Header != 2 || !strings.HasPrefix(res.Range, "任务分解表!A2:E") {
		t.Errorf("sheet %q header %d range %q", res.Name, res.Header, res.Range)
	}
	tests := []struct {
		no                          int
		item, lead, units, deadline string
		taskLines                   int
	}{
		{1, "结构调整“三篇大文章”信息公开", "市工业和信息化局", "市政府有关部门 区县（市）政府", "长期坚持", 1},
		{2, "助企纾困信息公开", "市政府办公室 市营商局", "市政府有关部门 区县（市）政府", "2022年5月", 1},
		{3, "加强涉市场主体信息公开", "市发展改革委 市营商局；市营商局；市市场监管局", "市政府有关部门 区县（市）政府", "长期坚持", 3},
		{4, "加强涉税费信息公开", "市政府办公室；市财政局", "市政府有关部门 区县（市）政府", "2022年6月", 2},
		{5, "加强涉及扩大有效投资信息公开", "市发展改革委", "市政府有关部门 区县（市）政府", "2022年6月", 3},
		{17, "完成互联网公开平台IPv6改造", "市信息中心 市政府办公室", "市政府有关部门 区县（市）政府", "2022年9月", 1},
		{19, "用好新闻发布权威平台", "市政府新闻办", "市政府有关部门 区县（市）政府", "长期坚持", 1},
		{29, "加强检查考核力度", "市政府办公室", "市政府有关部门 区县（市）政府", "长期坚持", 2},
	}
	for _, tc := range tests {
		tk := w.Tasks[tc.no-1]
		if tk.Item != tc.item || tk.Lead != tc.lead || tk.Units != tc.units || tk.Deadline != tc.deadline {
			t.Errorf("task %d: got %q / %q / %q / %q", tc.no, tk.Item, tk.Lead, tk.Units, tk.Deadline)
		}
		if n := len(strings.Split(tk.Task, "\n")); n != tc.taskLines {
			t.Errorf("task %d: %d 主要任务 lines, want %d:\n%s", tc.no, n, tc.taskLines, tk.Task)
		}
		if tk.Status != report.StatusInProgress {
			t.Errorf("task %d: status %q", tc.no, tk.Status)
		}
	}
	for i, tk := range w.Tasks {
		if _, ok := report.ParseDeadline(tk.Deadline); !ok {
			t.Errorf("task %d: deadline %q does not parse", i+1, tk.Deadline)
		}
		if strings.Contains(tk.Task, "<p>") {
			t.Errorf("task %d keeps markup: %q", i+1, tk.Task)
		}
	}
	// The imported plan, written by MarshalWorkPlan into a report, loads
	// back without problems.
	out := datafile.MarshalWorkPlan(res.Plan)
	r, ps := datafile.Parse("x.yaml", append(datafile.Scaffold(2022, "沈阳市人民政府办公室"), out...))
	for _, p := range ps {
		if strings.HasPrefix(p.Path, "work_plan") {
			t.Errorf("%s", p)
		}
	}
	if len(r.WorkPlan.Tasks) != 29 {
		t.Errorf("reloaded %d tasks", len(r.WorkPlan.Tasks))
	}
}

// FuzzRead feeds Read arbitrary bytes as a workbook,
// a Word document and a web page, seeded with the fixtures: an error, or
// a table with tasks; never a panic.
func FuzzRead(f *testing.F) {
	f.Add(readShenyang(f), ".xlsx")
	f.Add(fixtureXLSX(f), ".xlsx")
	f.Add(fixtureDOCX(f), ".docx")
	f.Add(fixtureHTML(f, "gbk"), ".html")
	f.Add([]byte("PK\x03\x04"), ".xlsx")
	f.Add(tableHTML(f, twoRowHeader, "utf-8"), ".txt")
	f.Add(tableDOCX(f, twoRowHeader), ".doc")
	f.Add([]byte("<table><tr><td>序号</td><td>主要任务</td><td>完成时限</td></tr><tr><td>1</td><td>清理，<br>更新。<br>1. 建库</td><td>2024年底</td></tr></table>"), ".html")
	f.Add([]byte("%PDF-1.4\n"), ".pdf")
	f.Fuzz(func(t *testing.T, data []byte, ext string) {
		res, err := Read("fuzz"+ext, data, report.StatusInProgress)
		if err == nil && (res == nil || res.Plan == nil || len(res.Plan.Tasks) == 0) {
			t.Errorf("no error and no tasks")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz"+ext) {
			t.Errorf("error does not name the file: %v", err)
		}
	})
}

// TestTaskTableTooBig: a table larger than the readers read is imported
// with a warning naming the limit, in a Word document's reader and a web
// page's alike.
func TestTaskTableTooBig(t *testing.T) {
	table := [][]string{{"序号", "主要任务", "牵头单位", "完成时限"}}
	for i := range 6000 {
		table = append(table, []string{fmt.Sprint(i + 1), fmt.Sprintf("任务%d。", i+1), "办公室", "2024年底"})
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"big.html", tableHTML(t, table, "utf-8")},
		{"big.docx", tableDOCX(t, table)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(tc.name, tc.data, report.StatusInProgress)
			if err != nil {
				t.Fatal(err)
			}
			var warned bool
			for _, n := range res.Notes {
				warned = warned || n.Warning && strings.Contains(n.Msg, "超过读取上限（每个表格 20000 个单元格）") ||
					strings.Contains(n.Msg, "超过任务分解表的上限 5000 行")
			}
			if !warned || len(res.Plan.Tasks) >= 6000 {
				t.Errorf("%d tasks, notes %v", len(res.Plan.Tasks), res.Notes)
			}
		})
	}
}

// TestTaskTableLineBreaks: a line break inside a sentence of a cell (a
// <br> in a web page, a paragraph break in Word) joins; breaks after a
// sentence and before numbered items stay.
func TestTaskTableLineBreaks(t *testing.T) {
	page := `<table><tr><td>序号</td><td>主要任务</td><td>完成时限</td></tr>
<tr><td>1</td><td><p class=MsoNormal>对现行有效的规范性文件进行清理，<br>及时更新文件库。</p></td><td>2024年底</td></tr>
<tr><td>2</td><td>工作如下：<br>1. 建成政策<br>文件库<br>2. 清理文件。<br>开展解读。</td><td>2024年底</td></tr></table>`
	table := [][]string{{"序号", "主要任务", "完成时限"},
		{"1", "对现行有效的规范性文件进行清理，\n及时更新文件库。", "2024年底"},
		{"2", "工作如下：\n1. 建成政策\n文件库\n2. 清理文件。\n开展解读。", "2024年底"}}
	want := []string{"对现行有效的规范性文件进行清理，及时更新文件库。", "工作如下：\n1. 建成政策文件库\n2. 清理文件。\n开展解读。"}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"br.html", []byte(page)},
		{"paragraphs.docx", tableDOCX(t, table)},
		{"paragraphs.html", tableHTML(t, table, "utf-8")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(tc.name, tc.data, report.StatusInProgress)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tk := range res.Plan.Tasks {
				got = append(got, tk.Task)
			}
			if !slices.Equal(got, want) {
				t.Errorf("tasks %q, want %q", got, want)
			}
		})
	}
}
