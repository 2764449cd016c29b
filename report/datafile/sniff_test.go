package datafile_test

import (
	"archive/zip"
	"bytes"
	. "nianbao/report/datafile"
	"strings"
	"testing"
)

// zipWith is a zip archive holding the named (empty) parts.
func zipWith(t *testing.T, names ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, n := range names {
		if _, err := z.Create(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestNotADataFile: a file of another kind given as a data file (to
// check, build, merge…) gives one S-1 saying what it is and what to run,
// with its paths quoted for a shell — not a complaint about its encoding
// or its YAML. Text that only looks like a weak signature is still read
// as YAML.
func TestNotADataFile(t *testing.T) {
	workbook := zipWith(t, "[Content_Types].xml", "xl/workbook.xml")
	for _, tc := range []struct {
		name string
		data []byte
		want string // the single S-1 problem contains this; "" when the file is read as YAML
	}{
		{"units/jyj-ok.xlsx", workbook, "这是 Excel 工作簿（.xlsx），不是数据文件（.yaml）。请先运行 nianbao import units/jyj-ok.xlsx -o units/jyj-ok.yaml"},
		{"单位 报表.xlsx", workbook, "nianbao import '单位 报表.xlsx' -o '单位 报表.yaml'"},
		{"2024.yaml", workbook, "nianbao import 2024.yaml -o 2024-数据.yaml"},
		{"2024.docx", zipWith(t, "word/document.xml"), "这是 Word 文档（.docx），不是数据文件（.yaml）。如果它是已发布的年度报告，请先运行 nianbao ingest 2024.docx -o 2024.yaml"},
		{"cut.xlsx", workbook[:10], "这是 Excel 工作簿（.xlsx）"}, // directory cut off: the extension decides
		{"a.zip", zipWith(t, "a.txt"), "这是 zip 压缩文件"},
		{"old.xls", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 100)...), "这是旧版 Office 文件（.xls、.doc、.et 或 .wps"},
		{"2024.pdf", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "这是 PDF 文件，不是数据文件（.yaml）。如果它是已发布的年度报告，请先运行 nianbao ingest 2024.pdf -o 2024.yaml"},
		{"page.html", []byte("<!DOCTYPE html>\n<html><body>年度报告</body></html>"), "这是网页（HTML），不是数据文件（.yaml）"},
		{"pic.yaml", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "这是图片，不是数据文件（.yaml）"},
		{"bm.yaml", []byte("BM: 1\n"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, ps := Parse(tc.name, tc.data)
			if tc.want == "" {
				for _, p := range ps {
					if strings.Contains(p.Msg, "不是数据文件") {
						t.Errorf("text taken for another kind of file: %s", p)
					}
				}
				return
			}
			if r != nil || len(ps) != 1 || ps[0].Rule != "S-1" || !strings.Contains(ps[0].Msg, tc.want) {
				t.Fatalf("want one S-1 containing %q, got %v", tc.want, ps)
			}
			if strings.Contains(ps[0].Msg, "UTF-8") || strings.Contains(ps[0].Msg, "YAML 语法") {
				t.Errorf("message blames the encoding or syntax: %s", ps[0])
			}
		})
	}
}
