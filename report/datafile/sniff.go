package datafile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"nianbao/report"
	"nianbao/report/zipguard"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// notDataFile says what a file given as a data file is when its first
// bytes (zipguard.Sniff) show another kind of file — an Excel workbook or
// a Word document (zip), an old Office file (Compound File: .xls, .doc,
// .wps), a PDF, a web page or an image — and what to do instead: the
// command that turns it into a data file, with the paths quoted for a
// shell (report.ShellArg). It returns "" for anything else (text, which
// the YAML reader judges). file is the name as given; data at most the
// bytes read (a zip's directory may be cut off: its extension decides).
func notDataFile(file string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(file))
	in := report.ShellArg(file)
	out := strings.TrimSuffix(file, filepath.Ext(file)) + ".yaml"
	if out == file || ext == ".yml" {
		out = strings.TrimSuffix(file, filepath.Ext(file)) + "-数据.yaml"
	}
	outArg := report.ShellArg(out)
	const use = "然后使用写出的数据文件（汇总清单中也写数据文件）"
	ingest := func(what string) string {
		return fmt.Sprintf("这是%s，不是数据文件（.yaml）。如果它是已发布的年度报告，请先运行 nianbao ingest %s -o %s 读成数据文件并核对，%s", what, in, outArg, use)
	}
	switch zipguard.Sniff(data) {
	case zipguard.KindZip:
		kind := zipKind(data)
		if kind == "" {
			switch ext {
			case ".xlsx", ".xlsm":
				kind = "xlsx"
			case ".docx":
				kind = "docx"
			}
		}
		switch kind {
		case "xlsx":
			return fmt.Sprintf("这是 Excel 工作簿（.xlsx），不是数据文件（.yaml）。请先运行 nianbao import %s -o %s 把工作簿转为数据文件，%s", in, outArg, use)
		case "docx":
			return ingest(" Word 文档（.docx）")
		}
		return "这是 zip 压缩文件（或其他 Office 文件），不是数据文件（.yaml）。请选择年度报告的数据文件（.yaml）"
	case zipguard.KindOLE:
		return "这是旧版 Office 文件（.xls、.doc、.et 或 .wps，或加密的 Office 文件），不是数据文件（.yaml）。工作簿请在 Excel/WPS 中“另存为” .xlsx 后用 nianbao import 转为数据文件；已发布的报告请“另存为” .docx 后用 nianbao ingest 读成数据文件。" + use
	case zipguard.KindPDF:
		return ingest(" PDF 文件")
	case zipguard.KindHTML:
		return ingest("网页（HTML）")
	case zipguard.KindImage:
		// A text file may start with the letters of a weak signature
		// ("BM"): only a file that is not text is called an image.
		if !utf8.Valid(data) {
			return "这是图片，不是数据文件（.yaml）。请选择年度报告的数据文件（.yaml）"
		}
	}
	return ""
}

// zipKind is "xlsx" or "docx" when data is a zip whose directory holds a
// workbook or a Word document, else "".
func zipKind(data []byte) string {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	for _, f := range z.File {
		switch f.Name {
		case "xl/workbook.xml":
			return "xlsx"
		case "word/document.xml":
			return "docx"
		}
	}
	return ""
}
