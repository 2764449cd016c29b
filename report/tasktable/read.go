package tasktable

import (
	"archive/zip"
	"bytes"
	"fmt"
	"nianbao/report/ingest"
	"nianbao/report/xlsx"
	"nianbao/report/zipguard"
	"path/filepath"
	"strings"
)

// format is a reader of task tables: the file's tables as grids.
type format struct {
	maxSize int64
	grids   func(name string, data []byte) ([]Grid, error)
	none    string // the message when the file has no table
}

// formatOf picks the reader by the file's extension: Word
// documents and web pages by theirs, anything else as a workbook (whose
// reader says what a .xls, .csv or .et is and what to do).
func formatOf(name string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx":
		return format{maxSize: ingest.MaxFileSize, grids: docGrids(ingest.DOCXTables),
			none: "Word 文档中没有表格。任务分解表应是文档中的表格（不是图片或文本框）"}
	case ".html", ".htm":
		return format{maxSize: ingest.MaxFileSize, grids: docGrids(ingest.HTMLTables),
			none: "网页中没有表格（<table>）。任务分解表若是图片或附件链接，请下载附件（.xlsx、.docx）后导入"}
	}
	return format{maxSize: xlsx.MaxFileSize, grids: func(name string, data []byte) ([]Grid, error) {
		sheets, err := xlsx.Sheets(name, data)
		var grids []Grid
		for _, s := range sheets {
			g := Grid{Name: s.Name, Kind: Sheet, Rows: s.Rows}
			for _, m := range s.Merges {
				g.Merges = append(g.Merges, MergedRange(m))
			}
			grids = append(grids, g)
		}
		return grids, err
	}}
}

// docGrids adapts a reader of a document's tables to tasktable grids.
func docGrids(read func(name string, data []byte) ([]ingest.Grid, error)) func(string, []byte) ([]Grid, error) {
	return func(name string, data []byte) ([]Grid, error) {
		tables, err := read(name, data)
		var grids []Grid
		for _, t := range tables {
			g := Grid{Name: t.Name, Kind: DocTable, Rows: t.Rows, Above: t.Above, Cut: t.Cut, CutLimit: ingest.MaxTableCells}
			for _, m := range t.Merges {
				g.Merges = append(g.Merges, MergedRange(m))
			}
			grids = append(grids, g)
		}
		return grids, err
	}
}

// Kinds of task-table file, as found from the content (contentKind).
const (
	kindUnknown = ""
	kindXLSX    = ".xlsx"
	kindDOCX    = ".docx"
	kindHTML    = ".html"
	kindPDF     = ".pdf"
	kindOLE     = "ole" // a Compound File: .xls, .doc, .et, .wps, or encrypted
)

// kindNames name the kinds in a sentence, spaced as Chinese text spaces
// Latin words.
var kindNames = map[string]string{kindXLSX: " Excel 工作簿", kindDOCX: " Word 文档", kindHTML: "网页"}

// contentKind says what data is from its first bytes (and, for a zip, its
// directory): a workbook, a Word document, a web page, a PDF, an old
// Compound File, or unknown.
func contentKind(data []byte) string {
	switch zipguard.Sniff(data) {
	case zipguard.KindZip:
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return kindUnknown
		}
		for _, f := range z.File {
			switch f.Name {
			case "word/document.xml":
				return kindDOCX
			case "xl/workbook.xml":
				return kindXLSX
			}
		}
	case zipguard.KindOLE:
		return kindOLE
	case zipguard.KindHTML:
		return kindHTML
	case zipguard.KindPDF:
		return kindPDF
	}
	return kindUnknown
}

// formatFor picks the reader of a task table by its content when
// that is a workbook, a Word document or a web page, whatever the
// extension, with a note when the extension says otherwise (改名.doc that
// is a .docx); else by the extension, whose reader says what the file is
// and what to do. A PDF or a file of no known kind under an unknown
// extension is refused here.
func formatFor(name string, data []byte) (f format, note string, err error) {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".htm" {
		ext = kindHTML
	}
	if len(data) == 0 {
		return f, "", fmt.Errorf("%s：文件为空。请选择保存好的任务分解表（.xlsx、.docx 或 .html）", name)
	}
	kind := contentKind(data)
	switch kind {
	case kindXLSX, kindDOCX, kindHTML:
		if kind != ext {
			note = fmt.Sprintf("文件内容是%s（%s），已按%s读取。建议把扩展名改为 %s", kindNames[kind], kind, kindNames[kind], kind)
		}
		return formatOf("x" + kind), note, nil
	case kindPDF:
		return f, "", fmt.Errorf("%s：这是 PDF 文件，无法从中读取任务分解表。请使用任务分解表的原始文件（Excel 工作簿 .xlsx 或 Word 文档 .docx），或发布它的网页（.html）", name)
	case kindUnknown:
		if ext != kindXLSX && ext != kindDOCX && ext != kindHTML {
			return f, "", fmt.Errorf("%s：这不是 Excel 工作簿（.xlsx）、Word 文档（.docx）或网页（.html），无法读取任务分解表。请在 Excel/WPS/Word 中“另存为” .xlsx 或 .docx 后重试", name)
		}
	}
	return formatOf(name), "", nil
}

// Read reads the task table of a workbook (its first sheet with
// a task-table header), a Word document or a web page (its first table
// with one), known by its content (formatFor); name is the file's
// name, which starts every error. The findings that do not stop the
// import are the result's Notes.
func Read(name string, data []byte, status string) (*Table, error) {
	f, note, err := formatFor(name, data)
	if err != nil {
		return nil, err
	}
	grids, err := f.grids(name, data)
	if err != nil {
		return nil, err // names the file
	}
	if len(grids) == 0 {
		return nil, fmt.Errorf("%s：%s", name, f.none)
	}
	res, err := ParseFirst(grids, status)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", name, err)
	}
	if note != "" {
		res.Notes = append([]Note{{Msg: note}}, res.Notes...)
	}
	return res, nil
}

// MaxFileSize is the largest task-table file Read is given, by the file's
// extension: a Word document or a web page (ingest.MaxFileSize) may be
// larger than a workbook (xlsx.MaxFileSize). For publish.ReadFile.
func MaxFileSize(name string) int64 { return formatOf(name).maxSize }
