package zipguard

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func zipOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wb = `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表三" r:id="rId3"/></sheets></workbook>`
const rels = `<Relationships><Relationship Id="rId3" Target="worksheets/sheet3.xml"/></Relationships>`

// TestLimits: each limit refuses just above itself and names the sheet;
// a sheet within every limit and parts that are not worksheets pass.
func TestLimits(t *testing.T) {
	lim := Limits{MaxFileSize: 1 << 20, MaxEntries: 8, MaxUnpacked: 1 << 20, MaxEntry: 1 << 19, MaxRows: 10, MaxCols: 5, MaxCells: 20, MaxMerges: 2}
	sheet := func(body string) []byte {
		return zipOf(t, map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels,
			"xl/worksheets/sheet3.xml": `<worksheet><dimension ref="A1"/>` + body + `</worksheet>`,
			"xl/styles.xml":            `<styleSheet>` + strings.Repeat(`<c r="ZZ99"/>`, 100) + `</styleSheet>`})
	}
	many := map[string]string{}
	for i := range 9 {
		many[fmt.Sprintf("f%d.xml", i)] = "<x/>"
	}
	cases := []struct {
		name string
		data []byte
		want string // "" passes
	}{
		{"within limits", sheet(`<sheetData><row r="9"><c r="E9"/></row><row><c/><c/><c/></row></sheetData><mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/></mergeCells>`), ""},
		{"row", sheet(`<sheetData><row r="11"/></sheetData>`), "行号（第 11 行）超过了上限 10"},
		{"cell row", sheet(`<sheetData><row><c r="A11"/></row></sheetData>`), "行号（A11 单元格）"},
		{"column", sheet(`<sheetData><row><c r="F1"/></row></sheetData>`), "列号（第 1 行第 6 列）"},
		{"padded cells", sheet(`<sheetData><row r="1"><c r="E1"/></row><row r="2"><c r="E2"/></row><row r="3"><c r="E3"/></row><row r="4"><c r="E4"/></row><row r="5"><c r="A5"/></row></sheetData>`), "单元格数（到第 5 行）"},
		{"merges", sheet(`<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/><mergeCell ref="A3:B3"/></mergeCells>`), "合并单元格数"},
		{"entries", zipOf(t, many), "9 个部件"},
		{"entry size", zipOf(t, map[string]string{"a.xml": strings.Repeat(" ", 1<<19+1)}), "压缩炸弹"},
	}
	for _, c := range cases {
		err := CheckWorkbook("a.xlsx", c.data, lim)
		var ge *Error
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want == "":
		case !errors.As(err, &ge) || !strings.Contains(ge.Msg, c.want):
			t.Errorf("%s: want %q, got %v", c.name, c.want, err)
		case strings.Contains(c.name, "row") || c.name == "column" || c.name == "merges" || c.name == "padded cells":
			if ge.Sheet != "表三" || !strings.HasPrefix(err.Error(), "a.xlsx：工作表“表三”：") {
				t.Errorf("%s: sheet %q, error %q", c.name, ge.Sheet, err)
			}
		}
	}
}

func TestSplitRef(t *testing.T) {
	for ref, want := range map[string][2]int{"A1": {1, 1}, "XFD1048576": {16384, 1048576}, "aa7": {27, 7}, "7": {0, 7}, "": {0, 0}, strings.Repeat("Z", 40) + "1": {1 << 20, 1}} {
		if c, r := splitRef(ref); c != want[0] || r != want[1] {
			t.Errorf("splitRef(%q) = %d, %d; want %v", ref, c, r, want)
		}
	}
}

// TestNotZip: a file that is not a zip is named by what it looks like.
func TestNotZip(t *testing.T) {
	for _, c := range []struct {
		name string
		data string
		want string
	}{
		{"page.xlsx", "<!DOCTYPE html><html><body><table></table></body></html>", "网页"},
		{"scan.xlsx", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"},
		{"data.xlsx", "报告主体,年度\n示例局,2024\n", "纯文本"},
		{"photo.docx", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "图片"},
		{"blob.docx", "\x00\x01\x02\x03\xff\xfe\xfd", "zip 格式"},
	} {
		_, err := Check(c.name, []byte(c.data), Default)
		var ze *Error
		if !errors.As(err, &ze) || !strings.Contains(ze.Msg, c.want) || !strings.HasPrefix(err.Error(), c.name) {
			t.Errorf("%s: %v, want a message saying %q", c.name, err, c.want)
		}
	}
}

// TestSniff: what a file is, from its first bytes.
func TestSniff(t *testing.T) {
	for _, c := range []struct {
		data string
		want Kind
	}{
		{"PK\x03\x04rest", KindZip},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", KindOLE},
		{"%PDF-1.4\n", KindPDF},
		{"\xEF\xBB\xBF  <!DOCTYPE HTML PUBLIC>", KindHTML},
		{"\r\n<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">", KindHTML},
		{"<table border=1><tr><td>主要任务</td></tr></table>", KindHTML},
		{"<?xml version=\"1.0\"?><w:document/>", KindHTML},
		{"<!-- saved from url -->", KindHTML},
		{"<p>段落</p>", KindHTML},
		{"<pre-not-a-tag", KindText},
		{"\x89PNG\r\n\x1a\n\x00", KindImage},
		{"\xFF\xD8\xFF\xE0", KindImage},
		{"GIF89a", KindImage},
		{"RIFF\x00\x00\x00\x00WEBPVP8 ", KindImage},
		{"序号,主要任务\n1,公开预决算\n", KindText},
		{"\xd0\xf2\xba\xc5,\xd6\xf7\xd2\xaa", KindText}, // GBK 序号,主要
		{"\x00\x01\x02", KindUnknown},
		{"", KindUnknown},
	} {
		if got := Sniff([]byte(c.data)); got != c.want {
			t.Errorf("Sniff(%q) = %d, want %d", c.data, got, c.want)
		}
	}
}

// TestWant: the messages name the one kind of file the caller reads
// (Limits.Want), or both when it reads either.
func TestWant(t *testing.T) {
	ole := "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 504)
	for _, c := range []struct {
		want, data  string
		say, notSay []string
	}{
		{".xlsx", "报告主体,年度\n", []string{"这不是 .xlsx 文件（文件内容是纯文本", "在 Excel/WPS 中“另存为” .xlsx 后重试"}, []string{"docx", "Word"}},
		{".xlsx", "", []string{"请选择保存好的 .xlsx 文件"}, []string{"docx"}},
		{".xlsx", ole, []string{"Excel 97-2003 .xls、WPS .et 格式", "在 Excel/WPS 中“另存为” .xlsx 后重试"}, []string{"docx", "Word", ".doc"}},
		{".xlsx", "PK\x03\x04broken", []string{"请重新另存为 .xlsx"}, []string{"docx"}},
		{".xlsx", "PK\x03\x04" + strings.Repeat("\x00", 10<<20), []string{"不像年报工作簿（"}, []string{"Word"}},
		{"", "PK\x03\x04" + strings.Repeat("\x00", 10<<20), []string{"不像年报工作簿、Word 文档或任务分解表"}, nil},
		{".docx", "<html><body></body></html>", []string{"这不是 .docx 文件（文件内容是网页", "在 Word/WPS 中“另存为” .docx 后重试"}, []string{"xlsx", "Excel"}},
		{".docx", ole, []string{"Word 97-2003 .doc、WPS .wps 格式"}, []string{"xlsx", "Excel"}},
		{"", "报告主体,年度\n", []string{"这不是 .xlsx 或 .docx 文件", "在 Excel/WPS/Word 中“另存为” .xlsx 或 .docx 后重试"}, nil},
		{"", ole, []string{"Excel 97-2003 .xls、WPS .et、Word .doc 格式"}, nil},
	} {
		lim := Default
		lim.Want = c.want
		_, err := Check("f", []byte(c.data), lim)
		var ze *Error
		if !errors.As(err, &ze) {
			t.Errorf("%q %q: %v, want a refusal", c.want, c.data, err)
			continue
		}
		for _, s := range c.say {
			if !strings.Contains(ze.Msg, s) {
				t.Errorf("Want %q, %q: %s; want it to say %q", c.want, c.data, ze.Msg, s)
			}
		}
		for _, s := range c.notSay {
			if strings.Contains(ze.Msg, s) {
				t.Errorf("Want %q, %q: %s; want no %q", c.want, c.data, ze.Msg, s)
			}
		}
	}
}
