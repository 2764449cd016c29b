package ingest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/publish"
	"nianbao/report/zipguard"
)

// exts are the published formats read, by lower-case file extension.
var exts = map[string]string{".html": "html", ".htm": "html", ".shtml": "html", ".docx": "docx", ".pdf": "pdf"}

// otherExts are the document formats a report may be published in that
// are not read (old Word and WPS documents, RTF, OpenDocument, OFD): Find
// lists them from a directory so that ReadFile says why each cannot be
// read, instead of the report silently missing. Spreadsheets are not
// among them: a report is not published as one, and an office's own
// working sheets in the folder are not reports.
var otherExts = map[string]bool{".doc": true, ".docm": true, ".dot": true, ".wps": true, ".wpt": true, ".rtf": true, ".odt": true, ".ofd": true}

// ArgError is an argument of Find that names nothing to read: a path that
// does not exist, or a directory holding no published file. Its message is
// complete and in Chinese; the command line reports it as a usage error.
type ArgError struct {
	Path  string
	Empty bool // true: a directory without published files; false: Path does not exist
}

func (e *ArgError) Error() string {
	if e.Empty {
		return fmt.Sprintf("目录 %s 中没有 .html、.docx 或 .pdf 文件", e.Path)
	}
	return fmt.Sprintf("找不到 %s", e.Path)
}

// Find expands the arguments of `ingest`: a file stands for itself,
// whatever its extension (ReadFile says why it cannot be read); a
// directory for the published files below it at any depth (.html, .htm,
// .shtml, .docx, .pdf, any letter case) and the office files that may be
// reports in formats not read (.doc, .wps, .rtf, .odt, .ofd …:
// ReadFile says they cannot be read), sorted, hidden directories skipped
// and unreadable entries ignored. Arguments keep their order. The
// error is an *ArgError for the first argument that does not exist or is
// a directory without published files.
func Find(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, &ArgError{Path: p}
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if ext := strings.ToLower(filepath.Ext(path)); !d.IsDir() && (exts[ext] != "" || otherExts[ext]) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, &ArgError{Path: p, Empty: true}
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// Result is one published file read back by ReadFile.
type Result struct {
	Path     string          // the published file, as given
	Report   *report.Report  // the report read; nil when the file could not be read
	Problems report.Problems // the reading's own problems (IN-*), also when Report is nil
	YAML     []byte          // the data file: datafile.Marshal(Report); nil when Report is nil
	// Unreadable says why Report is nil, in Chinese: the extension is
	// not a published format, the file could not be read (publish.ReadFile's
	// error), or the reader's problems joined with “；”. "" when Report
	// is not nil.
	Unreadable string
	// Note, if not "", says the file was read by its content, not its
	// extension (a .docx saved as 年报.doc), in Chinese.
	Note string
}

// ReadFile reads one published report, reading at most MaxFileSize bytes
// of a regular file, and marshals the report as a data file. The reader
// (HTML, DOCX, PDF) is the one the content calls for: a Word document
// saved as 年报.doc or a web page as 年报.txt is read as what it is, with
// a Note; otherwise the extension's (.html, .htm, .shtml, .docx, .pdf). It
// never fails: a file that cannot be read gives a Result with a nil
// Report and Unreadable set.
func ReadFile(path string) Result {
	res := Result{Path: path}
	ext := strings.ToLower(filepath.Ext(path))
	data, err := publish.ReadFile(path, MaxFileSize, "报告文件")
	if err != nil {
		res.Unreadable = err.Error()
		return res
	}
	if len(data) == 0 {
		res.Unreadable = "文件为空"
		return res
	}
	kind := contentKind(data)
	switch {
	case kind != "" && kind != exts[ext]:
		res.Note = fmt.Sprintf("文件内容是%s，已按%s读取。建议把扩展名改为 %s", kindNames[kind], kindNames[kind], kindExts[kind])
	case kind == "" && exts[ext] != "":
		kind = exts[ext] // its reader says what is wrong
	case kind == "":
		res.Unreadable = "只能读入 .html、.htm、.docx 或 .pdf 文件（旧版 .doc、.wps 请先另存为 .docx）"
		return res
	}
	switch kind {
	case "html":
		res.Report, _, res.Problems = HTML(path, data)
	case "docx":
		res.Report, _, res.Problems = DOCX(path, data)
	case "pdf":
		res.Report, _, res.Problems = PDF(path, data)
	}
	if res.Report == nil {
		var msgs []string
		for _, p := range res.Problems {
			msgs = append(msgs, p.Msg)
		}
		res.Unreadable = strings.Join(msgs, "；")
		return res
	}
	res.YAML = datafile.Marshal(res.Report)
	return res
}

// DataFileName is a data file name for r: 机关名称-年度.yaml, the organ's
// characters that no file system takes (/\:*?"<>| and control
// characters) replaced by “_”, 未知机关 for an empty organ. A name already
// in used gets -2, -3, … before .yaml; the name returned is added to used.
func DataFileName(r *report.Report, used map[string]bool) string {
	organ := strings.Map(func(c rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, c) || c < 0x20 {
			return '_'
		}
		return c
	}, r.Organ)
	if organ == "" {
		organ = "未知机关"
	}
	base := fmt.Sprintf("%s-%d", organ, r.Year)
	name := base + ".yaml"
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s-%d.yaml", base, i)
	}
	used[name] = true
	return name
}

// Cells counts the table cells of a report read back, over all its
// tables (r.Source.Tables): those read and those reported unreadable;
// 0, 0 for a report that has no Source (one not read back).
func Cells(r *report.Report) (read, unreadable int) {
	if r.Source == nil {
		return 0, 0
	}
	for _, t := range r.Source.Tables {
		read += t.Read
		unreadable += t.Unreadable
	}
	return read, unreadable
}

// kindNames and kindExts name the kinds of published file in a sentence
// and by their usual extension.
var (
	kindNames = map[string]string{"html": "网页（HTML）", "docx": " Word 文档", "pdf": " PDF"}
	kindExts  = map[string]string{"html": ".html", "docx": ".docx", "pdf": ".pdf"}
)

// contentKind is the reader data calls for by its first bytes: "html",
// "docx" (a zip holding word/document.xml), "pdf", or "" for anything
// else (an old .doc or .wps Compound File, a workbook, text, an image).
func contentKind(data []byte) string {
	switch zipguard.Sniff(data) {
	case zipguard.KindHTML:
		return "html"
	case zipguard.KindPDF:
		return "pdf"
	case zipguard.KindZip:
		if part, _ := docxPart("", data); part != nil {
			part.Close()
			return "docx"
		}
	}
	return ""
}
