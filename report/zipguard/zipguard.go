// Package zipguard checks an untrusted Office Open XML file (.xlsx, .docx)
// before a parser sees it. It uses only the standard library.
//
// Check reads nothing but the zip directory: the file must start with the
// zip signature PK\x03\x04 (an OLE file — encrypted, .xls, .et, .doc — is
// refused with advice to 另存为), and the number of entries and their
// unpacked sizes, as the directory declares them, must stay within Limits.
// archive/zip enforces the declared sizes while inflating, so a zip bomb is
// refused from its directory in microseconds, without inflating anything.
//
// CheckWorkbook also scans every worksheet part with a bounded streaming
// XML tokenizer, never trusting its <dimension> element: it counts rows,
// columns (from the cells' and rows' r references), the cells a row-padding
// reader would hold and the merged ranges. excelize pads every row up to
// its last column (one cell per row in column XFD: 7.5 KB of workbook,
// 67 s and 3.5 GB) and compares every pair of merged ranges (40,000
// merges: 29 s), so those are capped far above any real report.
//
// Every refusal is an *Error whose message, in Chinese, says what was
// found and what to do.
package zipguard

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Limits bound what Check and CheckWorkbook accept. Sizes are in bytes.
type Limits struct {
	MaxFileSize int64 // the file itself
	MaxEntries  int   // entries in the zip directory
	MaxUnpacked int64 // all entries together, unpacked
	MaxEntry    int64 // any one entry, unpacked
	// Worksheets (CheckWorkbook). Rows and columns are 1-based maxima;
	// MaxCells bounds the cells of a sheet counted as a row-padding reader
	// holds them: each row as many cells as its last column.
	MaxRows, MaxCols, MaxCells, MaxMerges int
	// Want is the one kind of file the caller reads, for messages: ".xlsx"
	// (then they speak of Excel/WPS and .xlsx only) or ".docx"; "" for
	// either.
	Want string
}

// wanted names the files lim accepts and the programs that save them, for
// messages: ".xlsx 或 .docx", "Excel/WPS/Word".
func (lim Limits) wanted() (ext, apps string) {
	switch lim.Want {
	case ".xlsx":
		return ".xlsx", "Excel/WPS"
	case ".docx":
		return ".docx", "Word/WPS"
	}
	return ".xlsx 或 .docx", "Excel/WPS/Word"
}

// noun names the files lim accepts in words: 工作簿, Word 文档.
func (lim Limits) noun() string {
	switch lim.Want {
	case ".xlsx":
		return "工作簿"
	case ".docx":
		return "Word 文档"
	}
	return "工作簿或 Word 文档"
}

// Default are the limits for a report workbook or document: a real one is
// 30–300 KB and inflates to well under 2 MiB, its sheets have a few hundred
// rows, at most a dozen columns and a few hundred merged ranges.
var Default = Limits{
	MaxFileSize: 10 << 20,
	MaxEntries:  1000,
	MaxUnpacked: 32 << 20,
	MaxEntry:    16 << 20,
	MaxRows:     10000,
	MaxCols:     200,
	MaxCells:    200000,
	MaxMerges:   5000,
}

// Error is a refusal. Sheet names the worksheet when one is at fault.
type Error struct {
	File  string
	Sheet string
	Msg   string // Chinese: what was found and what to do
}

func (e *Error) Error() string {
	if e.Sheet != "" {
		return fmt.Sprintf("%s：工作表“%s”：%s", e.File, e.Sheet, e.Msg)
	}
	return e.File + "：" + e.Msg
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Check refuses data unless it is a zip archive within lim, judged from the
// signature and the zip directory alone. On success it returns the archive.
func Check(name string, data []byte, lim Limits) (*zip.Reader, error) {
	fail := func(format string, args ...any) (*zip.Reader, error) {
		return nil, &Error{File: name, Msg: fmt.Sprintf(format, args...)}
	}
	ext, apps := lim.wanted()
	switch {
	case len(data) == 0:
		return fail("文件为空。请选择保存好的 %s 文件", ext)
	case int64(len(data)) > lim.MaxFileSize:
		what := "年报工作簿、Word 文档或任务分解表"
		if lim.Want != "" {
			what = "年报" + lim.noun()
		}
		return fail("文件超过 %d MiB，不像%s（正常只有几十到几百 KB）。请检查是否选错了文件", lim.MaxFileSize>>20, what)
	case bytes.HasPrefix(data, oleMagic):
		old := map[string]string{".xlsx": "Excel 97-2003 .xls、WPS .et", ".docx": "Word 97-2003 .doc、WPS .wps"}[lim.Want]
		if old == "" {
			return fail("这是加密或旧版格式的文件（设置了打开密码，或 Excel 97-2003 .xls、WPS .et、Word .doc 格式），无法读取。请取消打开密码，并在 Excel/WPS/Word 中“另存为” .xlsx（或 .docx）后重试")
		}
		return fail("这是加密或旧版格式的文件（设置了打开密码，或 %s 格式），无法读取。请取消打开密码，并在 %s 中“另存为” %s 后重试", old, apps, ext)
	case !bytes.HasPrefix(data, zipMagic):
		return fail("这不是 %s 文件（%s）。请在 %s 中“另存为” %s 后重试", ext, whatItIs(data), apps, ext)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fail("文件已损坏或不完整（zip 结构无法读取），可能是下载或复制时中断了。请重新另存为 %s", ext)
	}
	if len(zr.File) > lim.MaxEntries {
		return fail("文件包含 %d 个部件，远多于正常的%s（上限 %d），拒绝处理。请检查是否选错了文件", len(zr.File), lim.noun(), lim.MaxEntries)
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.UncompressedSize64 > uint64(lim.MaxEntry) || total > uint64(lim.MaxUnpacked) {
			return fail("文件解压后超过 %d MiB（疑似“压缩炸弹”），拒绝处理。正常的%s解压后不到 2 MiB；请检查是否选错了文件", lim.MaxUnpacked>>20, lim.noun())
		}
	}
	return zr, nil
}

// CheckWorkbook is Check followed by a bounded scan of every worksheet of
// an .xlsx workbook (see the package documentation).
func CheckWorkbook(name string, data []byte, lim Limits) error {
	zr, err := Check(name, data, lim)
	if err != nil {
		return err
	}
	names := sheetNames(zr)
	for _, zf := range zr.File {
		if !strings.HasSuffix(strings.ToLower(zf.Name), ".xml") {
			continue
		}
		sheet := names[strings.ToLower(zf.Name)]
		if sheet == "" {
			sheet = zf.Name
		}
		if msg := scanPart(zf, lim); msg != "" {
			return &Error{File: name, Sheet: sheet, Msg: msg}
		}
	}
	return nil
}

// scanPart scans one part; it stops at once when the root element is not a
// worksheet. It returns "" or why the sheet is refused.
func scanPart(zf *zip.File, lim Limits) string {
	rc, err := zf.Open()
	if err != nil {
		return fmt.Sprintf("部件 %s 已损坏（%v）。请在 Excel/WPS 中重新另存为 .xlsx", zf.Name, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, lim.MaxEntry))
	d.Strict = false
	row, col, rowCells, cells, merges, depth := 0, 0, 0, 0, 0, 0
	tooBig := func(what string, limit int, where string) string {
		return fmt.Sprintf("%s（%s）超过了上限 %d，远超年报表格的范围，拒绝处理。请删除表格以外的内容（或另存为新工作簿，只保留年报各表）后重试", what, where, limit)
	}
	for {
		tok, err := d.RawToken()
		if err != nil {
			return "" // the end, or malformed XML: the parser reports that
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 && t.Name.Local != "worksheet" {
				return ""
			}
			switch t.Name.Local {
			case "row":
				row++
				if r, ok := attr(t, "r"); ok {
					if n, err := strconv.Atoi(r); err == nil {
						row = n
					}
				}
				if row > lim.MaxRows || row < 0 {
					return tooBig("行号", lim.MaxRows, "第 "+strconv.Itoa(row)+" 行")
				}
				col, rowCells = 0, 0
			case "c":
				col++
				if r, ok := attr(t, "r"); ok {
					c, rr := splitRef(r)
					if c > 0 {
						col = c
					}
					if rr > lim.MaxRows {
						return tooBig("行号", lim.MaxRows, r+" 单元格")
					}
				}
				if col > lim.MaxCols {
					return tooBig("列号", lim.MaxCols, "第 "+strconv.Itoa(max(row, 1))+" 行第 "+strconv.Itoa(col)+" 列")
				}
				if col > rowCells {
					cells += col - rowCells
					rowCells = col
				}
				if cells > lim.MaxCells {
					return tooBig("单元格数", lim.MaxCells, "到第 "+strconv.Itoa(row)+" 行")
				}
			case "mergeCell":
				merges++
				if merges > lim.MaxMerges {
					return tooBig("合并单元格数", lim.MaxMerges, "共 "+strconv.Itoa(merges)+" 处以上")
				}
			}
		case xml.EndElement:
			depth--
		}
	}
}

func attr(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// splitRef splits a cell reference such as XFD12 into its column and row
// numbers (0 when absent or unreadable); the column saturates above 1<<20.
func splitRef(ref string) (col, row int) {
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = min(col*26+int(c-'a'+1), 1<<20)
	}
	row, _ = strconv.Atoi(ref[i:])
	return col, row
}

// sheetNames maps worksheet parts (lower case) to the sheet names the
// workbook gives them, for messages; unreadable workbooks give none.
func sheetNames(zr *zip.Reader) map[string]string {
	out := map[string]string{}
	parts := map[string]*zip.File{}
	for _, zf := range zr.File {
		parts[strings.ToLower(zf.Name)] = zf
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if decode(parts["xl/workbook.xml"], &wb) != nil || decode(parts["xl/_rels/workbook.xml.rels"], &rels) != nil {
		return out
	}
	for _, s := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID != s.ID {
				continue
			}
			p := strings.ToLower(path.Join("xl", r.Target))
			if strings.HasPrefix(r.Target, "/") {
				p = strings.ToLower(r.Target[1:])
			}
			out[p] = s.Name
		}
	}
	return out
}

// decode unmarshals a small part (its size is bounded by Check).
func decode(zf *zip.File, v any) error {
	if zf == nil {
		return errors.New("missing")
	}
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// whatItIs says what a file that is not a zip archive looks like, from its
// first bytes (Sniff).
func whatItIs(data []byte) string {
	switch Sniff(data) {
	case KindHTML:
		return "文件内容是网页（HTML/XML）"
	case KindPDF:
		return "文件内容是 PDF"
	case KindText:
		return "文件内容是纯文本，如 .csv 或 .txt"
	case KindImage:
		return "文件内容是图片"
	}
	return "文件开头不是它们的 zip 格式"
}

// Kind is what a file is, judged from its first bytes (Sniff).
type Kind int

const (
	KindUnknown Kind = iota
	KindZip          // a zip archive (.xlsx, .docx, …: see the directory)
	KindOLE          // a Compound File: .xls, .doc, .et, .wps, or an encrypted Office file
	KindHTML         // a web page or XML
	KindPDF
	KindImage // PNG, JPEG, GIF, BMP, TIFF or WebP
	KindText  // text without markup, such as .csv or .txt
)

// Sniff says what data is from its first 512 bytes, as a browser sniffs
// (the WHATWG MIME sniffing signatures, the subset that matters here),
// without net/http, which would bring TLS into every nianbao process.
func Sniff(data []byte) Kind {
	head := data[:min(len(data), 512)]
	switch {
	case bytes.HasPrefix(head, zipMagic):
		return KindZip
	case bytes.HasPrefix(head, oleMagic):
		return KindOLE
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return KindPDF
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")), bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}),
		bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")), bytes.HasPrefix(head, []byte("BM")),
		bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")),
		len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return KindImage
	}
	// Markup: after a byte-order mark and white space, a tag a page or an
	// XML document starts with.
	t := bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	t = bytes.ToLower(bytes.TrimLeft(t, " \t\r\n\f"))
	if bytes.HasPrefix(t, []byte("<!--")) || bytes.HasPrefix(t, []byte("<?xml")) {
		return KindHTML
	}
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<table", "<meta", "<title", "<div", "<p", "<script", "<style", "<h1", "<br", "<font", "<iframe", "<a", "<b"} {
		if len(t) > len(tag) && bytes.HasPrefix(t, []byte(tag)) && bytes.IndexByte([]byte(" >\t\r\n\f/"), t[len(tag)]) >= 0 {
			return KindHTML
		}
	}
	// Text: no control bytes other than white space (UTF-8, GBK and the
	// like are all bytes ≥ 0x20 but for these).
	if len(head) == 0 {
		return KindUnknown
	}
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			return KindUnknown
		}
	}
	return KindText
}
