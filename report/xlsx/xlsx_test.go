package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	goldenpkg "nianbao/report/internal/golden"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/report"
)

var update = goldenpkg.Update // the one -update flag of all tests

// dump lists a workbook cell by cell: sheet!cell=value, sheet!cell==formula,
// inputs (unlocked cells) marked, then merges, validations, protection,
// page setup and document properties.
func dump(t testing.TB, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	props, _ := f.GetDocProps()
	fmt.Fprintf(&b, "docProps: title=%q creator=%q created=%s modified=%s language=%s\n", props.Title, props.Creator, props.Created, props.Modified, props.Language)
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== %s\n", sheet)
		covered := map[string]bool{}
		if merges, err := f.GetMergeCells(sheet); err == nil {
			for _, m := range merges {
				c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
				c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
				for r := r0; r <= r1; r++ {
					for c := c0; c <= c1; c++ {
						if r != r0 || c != c0 {
							covered[ref(c, r)] = true
						}
					}
				}
			}
		}
		rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		maxCol := 0
		for _, r := range rows {
			maxCol = max(maxCol, len(r))
		}
		for ri := range rows {
			for ci := 0; ci < maxCol+2; ci++ {
				cell := ref(ci+1, ri+1)
				if covered[cell] {
					continue
				}
				v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
				fm, _ := f.GetCellFormula(sheet, cell)
				input := ""
				if id, _ := f.GetCellStyle(sheet, cell); id != 0 {
					if st, _ := f.GetStyle(id); st != nil && st.Protection != nil && !st.Protection.Locked {
						input = " [输入]"
						if st.CustomNumFmt != nil {
							input = " [输入 " + *st.CustomNumFmt + "]"
						}
					}
				}
				switch {
				case fm != "":
					fmt.Fprintf(&b, "%s!%s==%s%s\n", sheet, cell, fm, input)
				case v != "" || input != "":
					fmt.Fprintf(&b, "%s!%s=%s%s\n", sheet, cell, strings.ReplaceAll(clipDump(v), "\n", "⏎"), input)
				}
			}
		}
		merges, _ := f.GetMergeCells(sheet)
		var ms []string
		for _, m := range merges {
			ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		slices.Sort(ms)
		fmt.Fprintf(&b, "merged: %s\n", strings.Join(ms, " "))
		dvs, _ := f.GetDataValidations(sheet)
		for _, dv := range dvs {
			prompt := ""
			if dv.Prompt != nil {
				prompt = *dv.Prompt
			}
			fmt.Fprintf(&b, "validation %s: %s %s %s %s ; %s\n", dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2, prompt)
		}
		prot, _ := f.GetSheetProtection(sheet)
		fmt.Fprintf(&b, "protection: algorithm=%q password=%q\n", prot.AlgorithmName, prot.Password)
		pl, _ := f.GetPageLayout(sheet)
		fmt.Fprintf(&b, "page: size=%d orientation=%s fitToWidth=%d fitToHeight=%d\n", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
	}
	return b.String()
}

func clipDump(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; run go test ./report/xlsx -update and review the diff", name)
	}
}

// TestGolden compares a cell dump of exported workbooks and of a template
// with golden files, and keeps the testdata workbooks (fuzz seeds) current.
func TestGolden(t *testing.T) {
	for _, y := range []string{"2019", "2024"} {
		data := export(t, loadFile(t, "../../data/shili-office/"+y+".yaml"))
		golden(t, "shili-"+y+".dump", dump(t, data))
		if *update {
			if err := os.WriteFile(filepath.Join("testdata", "shili-"+y+".xlsx"), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := writeTemplate(&buf, 2021, "示例县统计局"); err != nil {
		t.Fatal(err)
	}
	golden(t, "template-2021.dump", dump(t, buf.Bytes()))
	data := export(t, loadFile(t, "testdata/workplan-2024.yaml"))
	golden(t, "workplan-2024.dump", sheetDump(dump(t, data), sheetPlan))
	if *update {
		if err := os.WriteFile(filepath.Join("testdata", "workplan-2024.xlsx"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// sheetDump keeps one sheet's part of a dump.
func sheetDump(d, sheet string) string {
	_, rest, _ := strings.Cut(d, "\n== "+sheet+"\n")
	rest, _, _ = strings.Cut(rest, "\n== ")
	return "== " + sheet + "\n" + rest
}

// TestUpdateLibreOfficeCopies refreshes the committed LibreOffice-saved
// workbooks (with -update and LibreOffice installed).
func TestUpdateLibreOfficeCopies(t *testing.T) {
	if !*update {
		t.Skip("only with -update")
	}
	books := map[string][]byte{}
	for _, y := range []string{"2019", "2024"} {
		books["lo-shili-"+y+".xlsx"] = export(t, loadFile(t, "../../data/shili-office/"+y+".yaml"))
	}
	for name, data := range resave(t, books) {
		if err := os.WriteFile(filepath.Join("testdata", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCommittedWorkbooks imports the committed workbooks, including the
// copies LibreOffice saved, without needing LibreOffice.
func TestCommittedWorkbooks(t *testing.T) {
	for _, y := range []string{"2019", "2024"} {
		want := loadFile(t, "../../data/shili-office/"+y+".yaml")
		for _, name := range []string{"shili-" + y + ".xlsx", "lo-shili-" + y + ".xlsx"} {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			got, ps := Read(name, data)
			if got == nil {
				t.Fatalf("%s: %v", name, ps)
			}
			sameMeaning(t, name, want, got)
		}
	}
}

func TestTemplate(t *testing.T) {
	for _, year := range []int{2020, 2024} {
		var buf bytes.Buffer
		if err := writeTemplate(&buf, year, "示例县统计局"); err != nil {
			t.Fatal(err)
		}
		// A blank template does not import: every cell must be filled.
		r, ps := Read("t.xlsx", buf.Bytes())
		if r != nil {
			t.Fatalf("%d: blank template imported", year)
		}
		ed := report.EditionForYear(year)
		blanks := ps.Count(report.Error)
		l := layoutFor(ed)
		want := 0
		for _, f := range l.Fields {
			if f.Sheet != sheetFees {
				want++
			}
		}
		if blanks != want {
			t.Errorf("%d: %d problems, want one per input (%d):\n%v", year, blanks, want, ps)
		}
		// Filled with zeros it imports, as the scaffold would.
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		for _, fl := range l.Fields {
			switch fl.Kind {
			case fUnit:
				f.SetCellValue(fl.Sheet, fl.Ref(), "万元")
			default:
				f.SetCellInt(fl.Sheet, fl.Ref(), 0)
			}
		}
		var out bytes.Buffer
		if err := f.Write(&out); err != nil {
			t.Fatal(err)
		}
		r, ps = Read("t.xlsx", out.Bytes())
		if r == nil {
			t.Fatalf("%d: zero-filled template: %v", year, ps)
		}
		if r.Organ != "示例县统计局" || r.Year != year || r.Edition != ed || r.Date != "" {
			t.Errorf("%d: identity %q %d %s %q", year, r.Organ, r.Year, r.Edition, r.Date)
		}
	}
}

// edit opens an exported workbook, applies fn and writes it again.
func edit(t *testing.T, data []byte, fn func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	fn(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// patchPart rewrites one part of a zip with fn.
func patchPart(t *testing.T, data []byte, part string, fn func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		content := b.Bytes()
		if zf.Name == part {
			found = true
			content = []byte(fn(string(content)))
		}
		w, _ := zw.Create(zf.Name)
		w.Write(content)
	}
	zw.Close()
	if !found {
		t.Fatalf("no part %s", part)
	}
	return buf.Bytes()
}

// setCellXML replaces the XML of one cell in a sheet part, keeping its style.
func setCellXML(t *testing.T, data []byte, sheetIndex int, cell, typ, inner string) []byte {
	t.Helper()
	re := regexp.MustCompile(`<c r="` + cell + `"( s="\d+")?[^>]*?(/>|>.*?</c>)`)
	return patchPart(t, data, fmt.Sprintf("xl/worksheets/sheet%d.xml", sheetIndex), func(s string) string {
		m := re.FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("cell %s not found", cell)
		}
		attr := m[1]
		if typ != "" {
			attr += ` t="` + typ + `"`
		}
		return strings.Replace(s, m[0], `<c r="`+cell+`"`+attr+`>`+inner+`</c>`, 1)
	})
}

// zipOf builds a zip from name → content.
func zipOf(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(parts[n])
	}
	zw.Close()
	return buf.Bytes()
}

// TestRefusals: each case is one edit of a valid exported workbook (or a
// hostile file) and the problem it must produce.
func TestRefusals(t *testing.T) {
	base := export(t, loadFile(t, "../../data/shili-office/2024.yaml"))
	base19 := export(t, loadFile(t, "../../data/shili-office/2019.yaml"))
	plan := export(t, loadFile(t, "testdata/workplan-2024.yaml"))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i/13)
	}
	// A zip bomb: one sheet whose XML inflates beyond the limit (~17 MiB of
	// zeros compress to ~17 KB).
	bomb := zipOf(t, map[string][]byte{
		"[Content_Types].xml":      []byte(`<Types/>`),
		"xl/workbook.xml":          []byte(`<workbook/>`),
		"xl/worksheets/sheet1.xml": bytes.Repeat([]byte("0"), int(guard.MaxEntry)+1),
	})
	// A sheet that reaches far beyond the table (excelize would expand it).
	wide := setCellXML(t, base, 3, "D8", "", `<v>1</v></c><c r="XFD8"><v>1</v>`)
	cases := []struct {
		name  string
		data  []byte
		where string // Problem.Path
		want  string // substring of the message
	}{
		{"empty", nil, "", "文件为空"},
		{"ole", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...), "", "Excel 97-2003 .xls"},
		{"text file", []byte("year: 2024\n"), "", "这不是 .xlsx"},
		{"random bytes", random, "", "这不是 .xlsx"},
		{"encrypted (CFB with EncryptionInfo)", append(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...), "", "取消打开密码"},
		{"too big", append([]byte("PK\x03\x04"), make([]byte, MaxFileSize)...), "", "文件超过 10 MiB"},
		{"truncated zip", base[:len(base)/2], "", "文件已损坏或不完整"},
		{"zip bomb", bomb, "", "压缩炸弹"},
		{"a Word document", zipOf(t, map[string][]byte{"[Content_Types].xml": []byte("<Types/>"), "word/document.xml": []byte("<w:document/>")}), "", "这是 Word 文档（.docx），不是 Excel 工作簿（.xlsx）"},
		{"not a workbook", zipOf(t, map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.spreadsheet")}), "", "这不是 Excel 工作簿（.xlsx）"},
		{"cell far outside", wide, "表三", "列号（第 8 行第 16384 列）超过了上限 200"},
		{"text in count", edit(t, base, func(f *excelize.File) { f.SetCellValue("表三", "D8", "三十多") }), "表三!D8", "（（一）予以公开，自然人）应为阿拉伯数字，实际为文字“三十多”。请改写为阿拉伯数字"},
		{"other text in count", edit(t, base, func(f *excelize.File) { f.SetCellValue("表三", "D8", "见附件") }), "表三!D8", "（（一）予以公开，自然人）应为数字，实际为文字“见附件”"},
		{"numeric text", edit(t, base, func(f *excelize.File) { f.SetCellValue("表三", "E9", "12") }), "表三!E9", "文字形式的数字“12”"},
		{"inline string", setCellXML(t, base, 4, "A6", "inlineStr", "<is><t>abc</t></is>"), "表四!A6", "（行政复议，结果维持）应为数字，实际为文字“abc”"},
		{"slash", edit(t, base, func(f *excelize.File) { f.SetCellValue("表二", "B5", "/") }), "表二!B5", "空白或“/”不等于 0"},
		{"negative count", edit(t, base, func(f *excelize.File) { f.SetCellInt("表三", "D6", -2) }), "表三!D6", "件数不能为负数，实际为 -2"},
		{"negative appeal", edit(t, base, func(f *excelize.File) { f.SetCellInt("表四", "B6", -1) }), "表四!B6", "（行政复议，结果纠正）件数不能为负数"},
		{"negative amount", edit(t, base, func(f *excelize.File) { f.SetCellFloat("表二", "B16", -1.5, -1, 64) }), "表二!B16", "金额不能为负数，实际为 -1.5"},
		{"blank", edit(t, base, func(f *excelize.File) { f.SetCellValue("表三", "I18", nil) }), "表三!I18", "（（四）无法提供1.本机关不掌握相关政府信息，其他）未填写。空白不等于 0"},
		{"blank text cell", edit(t, base, func(f *excelize.File) { f.SetCellValue("表三", "I20", "  ") }), "表三!I20", "未填写"},
		{"fraction", edit(t, base, func(f *excelize.File) { f.SetCellFloat("表二", "B9", 2.5, -1, 64) }), "表二!B9", "（行政许可，本年处理决定数量）应为整数（件数），实际为小数 2.5"},
		{"formula input", edit(t, base, func(f *excelize.File) { f.SetCellFormula("表三", "D6", "1+2") }), "表三!D6", "是公式（=1+2）"},
		{"bool", setCellXML(t, base, 4, "C6", "b", "<v>1</v>"), "表四!C6", "逻辑值"},
		{"error value", setCellXML(t, base, 4, "C6", "e", "<v>#N/A</v>"), "表四!C6", "错误值“#N/A”"},
		{"moved rows", edit(t, base, func(f *excelize.File) { f.UnprotectSheet("表三"); f.InsertRows("表三", 8, 1) }), "表三!A8", "表格的行列位置被改动过"},
		{"missing sheet", edit(t, base, func(f *excelize.File) { f.DeleteSheet("表四") }), "", "工作簿中没有“表四”工作表"},
		{"bad year", edit(t, base, func(f *excelize.File) { f.SetCellValue("基本信息", "B3", "二〇二四") }), "基本信息!B3", "报告年度应为 2019 年起的年份"},
		// The tables' layout is fixed by the year the workbook was made for:
		// a changed 格式版本 or 报告年度 is named as such, not as moved rows.
		{"format changed", edit(t, base, func(f *excelize.File) { f.SetCellValue("基本信息", "B5", "2019") }), "基本信息!B5",
			"格式版本“2019”与本工作簿的表格（2021 版）不符，请改回 2021"},
		{"format changed, 2019 workbook", edit(t, base19, func(f *excelize.File) { f.SetCellValue("基本信息", "B5", "2021") }), "基本信息!B5",
			"格式版本“2021”与本工作簿的表格（2019 版）不符，请改回 2019"},
		{"year and format changed", edit(t, base, func(f *excelize.File) {
			f.SetCellValue("基本信息", "B3", 2020)
			f.SetCellValue("基本信息", "B5", "2019")
		}), "基本信息!B5", "2020 年度应使用 2019 版格式，请用 nianbao xlsx template --year 2020 --organ 示例市人民政府办公室 生成新的工作簿"},
		{"year changed", edit(t, base, func(f *excelize.File) { f.SetCellValue("基本信息", "B3", 2020) }), "基本信息!B3",
			"报告年度 2020 应使用 2019 版格式（国办公开办函〔2019〕60号），本工作簿的表格是 2021 版。工作簿的表格版式在生成时已按报告年度确定，只改报告年度不会改变表格：请用 nianbao xlsx template --year 2020 --organ 示例市人民政府办公室 生成新的工作簿"},
		{"year changed, 2019 workbook", edit(t, base19, func(f *excelize.File) { f.SetCellValue("基本信息", "B3", 2024) }), "基本信息!B3",
			"报告年度 2024 应使用 2021 版格式"},
		{"bad date", edit(t, base, func(f *excelize.File) { f.SetCellValue("基本信息", "B7", "2025-02-30") }), "基本信息!B7", "落款日期"},
		{"no organ", edit(t, base, func(f *excelize.File) { f.SetCellValue("基本信息", "B4", "") }), "基本信息!B4", "“报告主体”未填写"},
		{"bad scope", edit(t, base, func(f *excelize.File) { f.SetCellValue("基本信息", "B6", "全市") }), "基本信息!B6", "“报告范围”应为"},
		{"partial fees", edit(t, base, func(f *excelize.File) { f.SetCellValue("信息处理费", "B4", nil) }), "信息处理费!B4", "（发出收费通知的总金额（元））未填写"},
		{"task status", edit(t, plan, func(f *excelize.File) { f.SetCellValue("工作要点", "G5", "完成了") }), "工作要点!G5", "第 1 项任务（第 5 行）的落实状态应为“已完成”“推进中”“未完成”之一，实际为“完成了”"},
		{"task without task", edit(t, plan, func(f *excelize.File) { f.SetCellValue("工作要点", "C7", nil) }), "工作要点!C7", "第 3 项任务（第 7 行）的主要任务未填写"},
		{"task without status", edit(t, plan, func(f *excelize.File) {
			f.SetCellValue("工作要点", "B12", "新增事项")
			f.SetCellValue("工作要点", "C12", "新增任务")
		}), "工作要点!G12", "第 4 项任务（第 12 行）的落实状态未填写"},
		{"plan columns moved", edit(t, plan, func(f *excelize.File) { f.UnprotectSheet("工作要点"); f.InsertCols("工作要点", "C", 1) }), "工作要点!C4", "工作要点表的列被改动过"},
		{"unit", edit(t, base19, func(f *excelize.File) { f.SetCellValue("表二", "D20", "美元") }), "表二!D20", "应为“元”或“万元”，实际为“美元”"},
		{"negative change allowed, fraction not", edit(t, base19, func(f *excelize.File) { f.SetCellFloat("表二", "C9", -1.5, -1, 64) }), "表二!C9", "应为整数"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, ps := Read("book.xlsx", c.data)
			if r != nil {
				t.Fatalf("imported; want a problem %q", c.want)
			}
			for _, p := range ps {
				if p.Path == c.where && strings.Contains(p.Msg, c.want) && p.Severity == report.Error {
					return
				}
			}
			t.Errorf("want %s: …%s…; got:\n%v", c.where, c.want, ps)
		})
	}
}

// TestTypedNumbers: a text cell holding a number typed the way offices
// type it gets S-9 with the data-file loader's advice (report.NumberHint),
// naming the cell; the same figure as a number cell imports.
func TestTypedNumbers(t *testing.T) {
	base := export(t, loadFile(t, "../../data/shili-office/2024.yaml"))
	base19 := export(t, loadFile(t, "../../data/shili-office/2019.yaml"))
	for _, tc := range []struct {
		book        []byte
		sheet, cell string
		text        string
		want        string // the whole message
	}{
		{base, "表三", "D8", "1,026", "（（一）予以公开，自然人）“1,026”：写成 1026（不要千位分隔符）"},
		{base, "表三", "D8", "1，026", "（（一）予以公开，自然人）“1，026”：写成 1026（用半角（英文）数字和符号，不要用全角字符；不要千位分隔符）"},
		{base, "表三", "D8", "3件", "（（一）予以公开，自然人）“3件”：写成 3（不要写单位“件”）"},
		{base, "表三", "D8", "１２", "（（一）予以公开，自然人）“１２”：写成 12（用半角（英文）数字和符号，不要用全角字符）"},
		{base, "表三", "D8", "三", "（（一）予以公开，自然人）“三”：写成 3（用阿拉伯数字）"},
		{base, "表三", "D8", "007", "（（一）予以公开，自然人）“007”：写成 7（数字前不要补 0）"},
		{base, "表三", "D8", "1e3", "（（一）予以公开，自然人）“1e3”：写成 1000（不要用科学计数法）"},
		{base, "表三", "D8", "2.5件", "（（一）予以公开，自然人）“2.5件”：写成 2.5（不要写单位“件”；件数应为整数）"},
		{base19, "表二", "C9", "−18", "（行政许可，本年增/减）“−18”：写成 -18（开头的“−”（U+2212 数学减号）不是减号，负数请用半角减号“-”）"},
		{base, "表二", "B16", "8.0635万元", "（行政事业性收费，本年收费金额（单位：万元））“8.0635万元”：写成 8.0635（不要写单位“万元”）。单位为万元"},
		{base, "信息处理费", "B4", "1,200.50元", "（发出收费通知的总金额（元））“1,200.50元”：写成 1200.50（不要写单位“元”；不要千位分隔符）。单位为元"},
		{base19, "表二", "C20", "75,394,432.52", "（政府集中采购，采购总金额）“75,394,432.52”：写成 75394432.52（不要千位分隔符）"},
		{base19, "表二", "C20", "12万元", "（政府集中采购，采购总金额）“12万元”：写成 12（不要写单位“万元”）。单位在右侧单元格中选择"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			r, ps := Read("book.xlsx", edit(t, tc.book, func(f *excelize.File) { f.SetCellStr(tc.sheet, tc.cell, tc.text) }))
			if r != nil {
				t.Fatal("imported")
			}
			for _, p := range ps {
				if p.Path == tc.sheet+"!"+tc.cell && p.Rule == "S-9" && p.Severity == report.Error && p.Msg == tc.want {
					return
				}
			}
			t.Errorf("want %s!%s: S-9 %s; got:\n%v", tc.sheet, tc.cell, tc.want, ps)
		})
	}
}

// TestZipBomb: a bomb whose sheet inflates to 384 MiB is refused from the
// zip directory, without inflating it (BenchmarkImport-style timing is
// left to benchmarks: tests do not time).
func TestZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := zw.Create(n)
		w.Write([]byte("<x/>"))
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte("<row/>"), 1<<16)
	for range 1 << 10 { // 384 MiB inflated
		w.Write(chunk)
	}
	zw.Close()
	if buf.Len() > MaxFileSize {
		t.Fatalf("bomb is %d bytes", buf.Len())
	}
	r, ps := Read("bomb.xlsx", buf.Bytes())
	if r != nil || len(ps) == 0 || !strings.Contains(ps[0].Msg, "压缩炸弹") {
		t.Fatalf("not refused: %v", ps)
	}
}

// BenchmarkZipBomb: refusing the bomb costs about as much as reading its
// zip directory.
func BenchmarkZipBomb(b *testing.B) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte("<row/>"), 1<<16)
	for range 1 << 10 {
		w.Write(chunk)
	}
	zw.Close()
	for b.Loop() {
		if r, _ := Read("bomb.xlsx", buf.Bytes()); r != nil {
			b.Fatal("bomb imported")
		}
	}
}

func TestAmounts(t *testing.T) {
	cases := []struct {
		stored string
		fmtDec int
		want   string
	}{
		{"12.356000000000001", 0, "12.356"},
		{"12.356", 0, "12.356"},
		{"75.926", 4, "75.9260"},
		{"73802895.9", 2, "73802895.90"},
		{"73802895.90", 2, "73802895.90"},
		{"8.0635", 0, "8.0635"},
		{"0.30000000000000004", 0, "0.3"},
		{"1.50", 0, "1.5"},
		{"12.345", 2, "12.345"},
		{"1E-3", 0, "0.001"},
		{"24252.311082", 0, "24252.311082"},
		{"0", 2, "0.00"},
		{"5", 0, "5"},
	}
	for _, c := range cases {
		d, err := decimalOf(c.stored, c.fmtDec)
		if err != nil || d.String() != c.want {
			t.Errorf("decimalOf(%s, %d) = %s, %v; want %s", c.stored, c.fmtDec, d, err, c.want)
		}
	}
	for code, want := range map[string]int{"0.0000": 4, "#,##0.00;[Red]-#,##0.00": 2, "0": 0, "General": 0, "0.00%": 0, `0.0"万元"`: 1, "yyyy-mm-dd": 0, "0.00E+00": 0} {
		if got := codeDecimals(code); got != want {
			t.Errorf("codeDecimals(%q) = %d, want %d", code, got, want)
		}
	}
}

// TestFloatArtefactCell: an amount stored with float noise (as some
// programs write it) imports as the digits the clerk typed.
func TestFloatArtefactCell(t *testing.T) {
	base := export(t, loadFile(t, "../../data/shili-office/2024.yaml"))
	data := setCellXML(t, base, 2, "B16", "", "<v>12.356000000000001</v>")
	data = setCellXML(t, data, 3, "D6", "n", "<v>84.999999999999986</v>")
	r, ps := Read("book.xlsx", data)
	if r == nil {
		t.Fatal(ps)
	}
	if got := r.Active[r.Edition.Table2Index("fees", "amount")].Amount.String(); got != "12.3560" {
		t.Errorf("fees amount = %s, want 12.3560 (cell format 0.0000)", got)
	}
	if got := r.Row("received").Cells[0]; got != 85 {
		t.Errorf("received[0] = %d, want 85", got)
	}
}

func TestCellFor(t *testing.T) {
	for path, want := range map[string]string{
		"requests.received[0]":              "表三!D6",
		"requests.total[6]":                 "表三!J29",
		"requests.withheld.state_secret[1]": "表三!E10",
		"appeals.review.total":              "表四!E6",
		"active.fees.amount":                "表二!B16",
		"text.overview":                     "文字部分!B4",
		"processing_fees.collected":         "信息处理费!B5",
		"date":                              "基本信息!B7",
		"nonsense":                          "",
	} {
		if got := CellFor(report.Ed2021, path); got != want {
			t.Errorf("CellFor(%s) = %q, want %q", path, got, want)
		}
	}
}

// TestEditionKept: a workbook may keep its tables' edition for a year that
// calls for the other one when the 格式版本说明 gives the reason (check
// then warns, X-5); the workbook imports as it is.
func TestEditionKept(t *testing.T) {
	for _, tc := range []struct {
		file string
		year int
		ed   report.Edition
	}{
		{"../../data/shili-office/2024.yaml", 2020, report.Ed2021},
		{"../../data/shili-office/2019.yaml", 2021, report.Ed2019},
	} {
		book := edit(t, export(t, loadFile(t, tc.file)), func(f *excelize.File) {
			f.SetCellValue("基本信息", "B3", tc.year)
			f.SetCellValue("基本信息", "B8", "按上级要求沿用原格式")
		})
		r, ps := Read("book.xlsx", book)
		if r == nil {
			t.Fatalf("%d: not imported: %v", tc.year, ps)
		}
		if r.Year != tc.year || r.Edition != tc.ed || r.FormatOverrideReason != "按上级要求沿用原格式" {
			t.Errorf("%d: read %d %s %q", tc.year, r.Year, r.Edition, r.FormatOverrideReason)
		}
	}
}

// TestTypedTotals: a number typed over a total's formula (the clerk
// unprotected the sheet) that differs from the computed total is a warning
// naming the cell, the typed figure and the total imported; a formula, a
// typed figure that agrees, or text say nothing. The typed figure is never
// imported.
func TestTypedTotals(t *testing.T) {
	r := loadFile(t, "../../data/shili-office/2024.yaml")
	base := export(t, r)
	l := layoutFor(r.Edition)
	recv := r.Row("received").Sum()
	totalRow := l.T3Rows[r.Edition.T3Index("total")]
	t4 := fmt.Sprintf("%s%d", colName(l.T4Total[0]), l.T4Row)
	typed := func(sheet, cell string, v any) []byte {
		return edit(t, base, func(f *excelize.File) {
			f.UnprotectSheet(sheet)
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		})
	}
	for _, tc := range []struct {
		name string
		book []byte
		path string // "" when no warning
		rule string
		msg  string
	}{
		{"formula untouched", base, "", "", ""},
		{"row total typed over", typed("表三", "J6", 99), "表三!J6", "T3-4",
			fmt.Sprintf("此处填写的 99 与各列之和 %d 不符，已按 %d 导入（总计由各项相加，不必填写）", recv, recv)},
		{"row total typed, right", typed("表三", "J6", recv), "", "", ""},
		{"row total typed as a fraction", typed("表三", "J6", float64(recv)+0.5), "表三!J6", "T3-4",
			fmt.Sprintf("填写的 %d.5 与各列之和 %d 不符", recv, recv)},
		{"row total as text", typed("表三", "J6", "见上"), "", "", ""},
		{"（七）总计 row typed over", typed("表三", fmt.Sprintf("D%d", totalRow), 1234), fmt.Sprintf("表三!D%d", totalRow), "T3-3",
			"填写的 1234 与（一）至（六）各行之和"},
		{"表四 total typed over", typed("表四", t4, 77), "表四!" + t4, "T4-1",
			"填写的 77 与结果维持、结果纠正、其他结果、尚未审结之和"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ps := Read("book.xlsx", tc.book)
			if got == nil {
				t.Fatalf("not imported: %v", ps)
			}
			if got.Row("received").Sum() != recv || got.Row("received").Cells != r.Row("received").Cells {
				t.Errorf("received %v, want %v", got.Row("received").Cells, r.Row("received").Cells)
			}
			if tc.path == "" {
				if len(ps) > 0 {
					t.Errorf("want no problem, got %v", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Path != tc.path || ps[0].Rule != tc.rule || ps[0].Severity != report.Warning || !strings.Contains(ps[0].Msg, tc.msg) {
				t.Errorf("want one warning %s %s …%s…; got %v", tc.path, tc.rule, tc.msg, ps)
			}
		})
	}
}

// TestCellsFor: the cells behind a list of data paths, compact.
func TestCellsFor(t *testing.T) {
	col := func(k int, ids ...string) []string {
		var out []string
		for _, id := range ids {
			out = append(out, fmt.Sprintf("requests.%s[%d]", id, k))
		}
		return out
	}
	var outcomes []string
	for _, row := range report.Ed2021.Table3() {
		if row.Kind == report.T3Outcome {
			outcomes = append(outcomes, row.ID)
		}
	}
	for _, tc := range []struct {
		name  string
		paths []string
		want  string
	}{
		{"none", nil, ""},
		{"no cell", []string{"nonsense", "organ_code"}, ""},
		{"one", []string{"requests.received[0]"}, "表三!D6"},
		{"a row's six columns", []string{"requests.received[0]", "requests.received[1]", "requests.received[2]",
			"requests.received[3]", "requests.received[4]", "requests.received[5]"}, "表三!D6:I6"},
		{"two along a row", []string{"requests.received[1]", "requests.received[0]"}, "表三!D6、E6"},
		{"a column, the total row left out", col(0, append([]string{"received", "carried_over", "carried_forward"}, outcomes...)...), "表三!D6:D28、D30"},
		{"duplicates once", []string{"requests.received[0]", "requests.received[0]"}, "表三!D6"},
		{"two sheets", []string{"requests.received[0]", "active.fees.amount", "appeals.review.upheld"}, "表三!D6，表二!B16，表四!A6"},
		{"scattered", []string{"requests.received[0]", "requests.carried_over[2]"}, "表三!D6、F7"},
	} {
		if got := CellsFor(report.Ed2021, tc.paths); got != tc.want {
			t.Errorf("%s: CellsFor(%v) = %q, want %q", tc.name, tc.paths, got, tc.want)
		}
	}
}

// TestStatisticsOnlyXLSX: what Read says of a file that is not a workbook
// speaks of .xlsx only (nianbao import reads nothing else); Sheets, whose
// callers read Word documents too, names both.
func TestStatisticsOnlyXLSX(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "请选择保存好的 .xlsx 文件"},
		{"text", []byte("year: 2024\n"), "这不是 .xlsx 文件（文件内容是纯文本，如 .csv 或 .txt）。请在 Excel/WPS 中“另存为” .xlsx 后重试"},
		{"page", []byte("<html><body><table></table></body></html>"), "这不是 .xlsx 文件（文件内容是网页"},
		{"old format", ole, "Excel 97-2003 .xls、WPS .et 格式），无法读取。请取消打开密码，并在 Excel/WPS 中“另存为” .xlsx 后重试"},
		{"truncated", []byte("PK\x03\x04broken"), "请重新另存为 .xlsx"},
	} {
		_, ps := Read("book.xlsx", tc.data)
		if len(ps) != 1 || !strings.Contains(ps[0].Msg, tc.want) || strings.Contains(ps[0].Msg, "docx") || strings.Contains(ps[0].Msg, "Word") {
			t.Errorf("%s: %v; want one message saying %q, no .docx", tc.name, ps, tc.want)
		}
	}
	if _, err := Sheets("table.xlsx", []byte("year: 2024\n")); err == nil || !strings.Contains(err.Error(), ".xlsx 或 .docx") {
		t.Errorf("Sheets: %v; want .xlsx 或 .docx", err)
	}
}
