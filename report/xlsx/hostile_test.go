package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// workbookWithSheet is a minimal workbook whose one sheet, 表一, is the
// given worksheet XML (sheetData and what follows it), behind a
// <dimension> that claims the sheet is one cell.
func workbookWithSheet(t testing.TB, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表一" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/>` + body + `</worksheet>`},
	} {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// hostile are files that would cost excelize seconds and gigabytes (or
// that it must not see at all), each with the refusal it must get.
func hostile(t testing.TB) []struct {
	name, sheet, want string
	data              []byte
} {
	var b strings.Builder
	// One cell per row in column XFD: excelize pads every row to 16,384 cells.
	b.WriteString("<sheetData>")
	for r := 1; r <= 2000; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
	}
	b.WriteString("</sheetData>")
	xfd := workbookWithSheet(t, b.String())
	// 40,000 and 200,000 merged ranges: excelize compares every pair
	// (29 s; over 10 minutes).
	mergesOf := func(n int) []byte {
		b.Reset()
		fmt.Fprintf(&b, `<sheetData/><mergeCells count="%d">`, n)
		for r := 1; r <= n; r++ {
			fmt.Fprintf(&b, `<mergeCell ref="A%d:B%d"/>`, r, r)
		}
		b.WriteString("</mergeCells>")
		return workbookWithSheet(t, b.String())
	}
	// 2,000 rows of 150 cells without references: 300,000 cells.
	b.Reset()
	b.WriteString("<sheetData>")
	row := "<row>" + strings.Repeat("<c><v>1</v></c>", 150) + "</row>"
	for range 2000 {
		b.WriteString(row)
	}
	b.WriteString("</sheetData>")
	cells := workbookWithSheet(t, b.String())
	// A sheet whose XML inflates to 384 MiB from a few hundred KB.
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte("<row/>"), 1<<16)
	for range 1 << 10 {
		w.Write(chunk)
	}
	zw.Close()
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i/13)
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 4096)...)
	return []struct {
		name, sheet, want string
		data              []byte
	}{
		{"zip bomb", "", "压缩炸弹", bomb.Bytes()},
		{"OLE header", "", "另存为” .xlsx", ole},
		{"random bytes", "", "这不是 .xlsx", random},
		{"XFD column rows", "表一", "列号（第 1 行第 16384 列）超过了上限 200", xfd},
		{"40000 merged ranges", "表一", "合并单元格数（共 5001 处以上）超过了上限 5000", mergesOf(40000)},
		{"200000 merged ranges", "表一", "合并单元格数（共 5001 处以上）超过了上限 5000", mergesOf(200000)},
		{"row beyond the limit", "表一", "行号（第 1048576 行）超过了上限 10000",
			workbookWithSheet(t, `<sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>`)},
		{"too many cells", "表一", "单元格数（到第 1334 行）超过了上限 200000", cells},
	}
}

// importers are the two readers of untrusted workbooks, each returning
// its refusal as the message a user sees.
var importers = []struct {
	name string
	run  func(data []byte) (imported bool, where, msg string)
}{
	{"Read", func(data []byte) (bool, string, string) {
		r, ps := Read("hostile.xlsx", data)
		if len(ps) != 1 {
			return r != nil, "", fmt.Sprint(ps)
		}
		return r != nil, ps[0].File + "：" + ps[0].Path, ps[0].Msg
	}},
	{"Sheets", func(data []byte) (bool, string, string) {
		sheets, err := Sheets("hostile.xlsx", data)
		if err == nil {
			return sheets != nil, "", ""
		}
		return false, "", err.Error()
	}},
}

// TestHostile: every hostile file is refused by Read and by
// Sheets with a message naming the file and the sheet at fault,
// and refusing it allocates under 200 MB.
func TestHostile(t *testing.T) {
	for _, h := range hostile(t) {
		for _, imp := range importers {
			t.Run(h.name+"/"+imp.name, func(t *testing.T) {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				imported, where, msg := imp.run(h.data)
				runtime.ReadMemStats(&after)
				if n := after.TotalAlloc - before.TotalAlloc; n > 200<<20 {
					t.Errorf("refusing it allocated %d MB", n>>20)
				}
				wantWhere := "hostile.xlsx：" + h.sheet // Read: Problem.File and .Path
				if imp.name == "Sheets" {
					where, wantWhere = msg, "hostile.xlsx："
					if h.sheet != "" {
						wantWhere += "工作表“" + h.sheet + "”："
					}
				}
				if imported || !strings.HasPrefix(where, wantWhere) || !strings.Contains(msg, h.want) {
					t.Errorf("want a refusal at %q containing %q, got %q: %s", wantWhere, h.want, where, msg)
				}
			})
		}
	}
}

// BenchmarkHostile: refusing each hostile file, by each importer (the zip
// bomb from the zip directory alone; the others after a bounded scan of
// the sheet XML).
func BenchmarkHostile(b *testing.B) {
	for _, h := range hostile(b) {
		for _, imp := range importers {
			b.Run(strings.ReplaceAll(h.name, " ", "_")+"/"+imp.name, func(b *testing.B) {
				for b.Loop() {
					if imported, _, _ := imp.run(h.data); imported {
						b.Fatal("imported")
					}
				}
			})
		}
	}
}
