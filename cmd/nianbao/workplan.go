package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strings"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/ingest"
	"nianbao/report/publish"
	"nianbao/report/tasktable"
	"nianbao/report/xlsx"
)

var workplanCmd = &command{
	name:    "workplan",
	summary: "从任务分解表（.xlsx、.docx 或网页）导入政务公开工作要点，写入报告数据文件的 work_plan",
	run:     runWorkplan,
}

func runWorkplan(e *env, args []string) error {
	if err := subcommand(args, "import", "nianbao workplan import 任务分解表.xlsx --into 2024.yaml"); err != nil {
		return err
	}
	fs := flag.NewFlagSet("workplan import", flag.ContinueOnError)
	into := fs.String("into", "", "")
	out := fs.String("o", "", "")
	status := fs.String("status", report.StatusInProgress, "")
	title := fs.String("title", "", "")
	force := fs.Bool("force", false, "")
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return usagef("请给出任务分解表文件（.xlsx、.docx、.html 或 .htm）")
	case len(rest) > 1:
		return usagef("多余的参数：%s。一次导入一个任务分解表", strings.Join(rest[1:], " "))
	case (*into == "") == (*out == ""):
		return usagef("请用 --into 报告.yaml 写入报告数据文件，或用 -o 文件 只输出 work_plan 片段（二选一）")
	case !slices.Contains(report.TaskStatuses, *status):
		return usagef("--status 应为 %s 之一，实际为“%s”", strings.Join(report.TaskStatuses, "、"), *status)
	case *into != "" && !datafile.IsDataFile(*into):
		return usagef("--into 应为报告数据文件（.yaml），实际为 %s", *into)
	}
	table := rest[0]
	if *into != "" {
		// Updating the data file is the purpose of --into; it must not be the table.
		if err := publish.CheckOutput(*into, rest, true); err != nil {
			return err
		}
	} else if *out != "-" {
		if err := publish.CheckOutput(*out, rest, *force); err != nil {
			return err
		}
	}
	data, err := publish.ReadFile(table, taskTableFormatOf(table).maxSize, "任务分解表")
	if err != nil {
		return err
	}
	res, err := importTaskTable(table, data, *status)
	if err != nil {
		return err // names the file
	}
	for _, n := range res.Notes {
		fmt.Fprintf(e.stderr, "%s: %s\n", table, n)
	}
	if *title != "" {
		res.Plan.Title = strings.Trim(strings.TrimSpace(*title), "《》")
	}
	plan := res.Plan
	if *out != "" {
		frag := datafile.MarshalWorkPlan(plan)
		if *out == "-" {
			_, err := e.stdout.Write(frag)
			return err
		}
		if err := writeOutput(*out, frag, rest, *force); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已从 %s 导入 %d 项任务，写入 %s（work_plan 片段，请粘贴到报告数据文件末尾）。\n", res.Range, len(plan.Tasks), *out)
		return nil
	}
	return importInto(e, *into, table, res, *force)
}

// importInto adds or replaces the work_plan section of the report at path
// with the plan read from table, keeping the rest of the file byte for
// byte. Old tasks whose outcome was filled in and that the new table does
// not have are deleted only with force; without it nothing is written.
func importInto(e *env, path, table string, res *tasktable.Table, force bool) error {
	src, err := publish.ReadFile(path, datafile.MaxFileSize, "报告数据文件")
	if err != nil {
		return err
	}
	plan := res.Plan
	in, ps, err := datafile.ImportWorkPlan(path, src, plan)
	printProblems(e.stderr, ps)
	if err != nil {
		return err
	}
	if in.TitleYear != 0 {
		fmt.Fprintf(e.stderr, "%s: %s: 警告: 工作要点“%s”是 %d 年的，报告是 %d 年度的。请核对是否选对了任务分解表\n", table, res.Name, plan.Title, in.TitleYear, in.Year)
	}
	if len(in.Dropped) > 0 && !force {
		return fmt.Errorf("%s：原有 %d 项任务中 %d 项已填写落实情况、不在新表中，导入会删除它们：%s。未改动文件。"+
			"事项名称和主要任务都与原有的相同的任务会沿用落实情况；请核对是否选对了任务分解表，确需替换请加 --force",
			path, in.Old, len(in.Dropped), droppedList(in.Dropped))
	}
	if _, err := publish.WriteFile(path, in.Next); err != nil {
		return err
	}
	verb := "加入"
	if in.Replaced {
		verb = "替换"
	}
	fmt.Fprintf(e.stdout, "已从 %s 导入 %d 项任务，%s %s 的 work_plan。\n", res.Range, len(plan.Tasks), verb, path)
	if len(in.Dropped) > 0 {
		fmt.Fprintf(e.stdout, "按 --force 删除了原有 %d 项任务中已填写落实情况的 %d 项：%s。\n", in.Old, len(in.Dropped), droppedList(in.Dropped))
	}
	if in.Kept > 0 {
		fmt.Fprintf(e.stdout, "其中 %d 项任务沿用了原有的落实状态和落实情况。\n", in.Kept)
	}
	if n := len(plan.Tasks) - in.Kept; n > 0 && !res.StatusFromTable {
		fmt.Fprintf(e.stdout, "%d 项新任务的落实状态暂为“%s”：请逐项填写 status（已完成 / 推进中 / 未完成）和 result（落实情况），再运行 nianbao check %s\n",
			n, plan.Tasks[len(plan.Tasks)-1].Status, report.ShellArg(path))
	}
	return nil
}

// droppedList names the first few dropped tasks: “事项”（原第3项）、…… 等.
func droppedList(ds []datafile.DroppedTask) string {
	const shown = 3
	var names []string
	for _, d := range ds[:min(len(ds), shown)] {
		names = append(names, fmt.Sprintf("“%s”（原第%d项）", report.TaskName(d.Task), d.N))
	}
	list := strings.Join(names, "、")
	if len(ds) > shown {
		list += fmt.Sprintf("等 %d 项", len(ds))
	}
	return list
}

// taskTableFormat is a reader of task tables: the file's tables as grids.
type taskTableFormat struct {
	maxSize int64
	grids   func(name string, data []byte) ([]tasktable.Grid, error)
	none    string // the message when the file has no table
}

// taskTableFormatOf picks the reader by the file's extension: Word
// documents and web pages by theirs, anything else as a workbook (whose
// reader says what a .xls, .csv or .et is and what to do).
func taskTableFormatOf(name string) taskTableFormat {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".docx":
		return taskTableFormat{maxSize: ingest.MaxFileSize, grids: docGrids(ingest.DOCXTables),
			none: "Word 文档中没有表格。任务分解表应是文档中的表格（不是图片或文本框）"}
	case ".html", ".htm":
		return taskTableFormat{maxSize: ingest.MaxFileSize, grids: docGrids(ingest.HTMLTables),
			none: "网页中没有表格（<table>）。任务分解表若是图片或附件链接，请下载附件（.xlsx、.docx）后导入"}
	}
	return taskTableFormat{maxSize: xlsx.MaxFileSize, grids: func(name string, data []byte) ([]tasktable.Grid, error) {
		sheets, err := xlsx.Sheets(name, data)
		var grids []tasktable.Grid
		for _, s := range sheets {
			g := tasktable.Grid{Name: s.Name, Kind: tasktable.Sheet, Rows: s.Rows}
			for _, m := range s.Merges {
				g.Merges = append(g.Merges, tasktable.MergedRange(m))
			}
			grids = append(grids, g)
		}
		return grids, err
	}}
}

// docGrids adapts a reader of a document's tables to tasktable grids.
func docGrids(read func(name string, data []byte) ([]ingest.Grid, error)) func(string, []byte) ([]tasktable.Grid, error) {
	return func(name string, data []byte) ([]tasktable.Grid, error) {
		tables, err := read(name, data)
		var grids []tasktable.Grid
		for _, t := range tables {
			g := tasktable.Grid{Name: t.Name, Kind: tasktable.DocTable, Rows: t.Rows, Above: t.Above, Cut: t.Cut, CutLimit: ingest.MaxTableCells}
			for _, m := range t.Merges {
				g.Merges = append(g.Merges, tasktable.MergedRange(m))
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
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
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
		return kindUnknown
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return kindOLE
	}
	switch ct := http.DetectContentType(data); {
	case strings.HasPrefix(ct, "text/html"):
		return kindHTML
	case ct == "application/pdf":
		return kindPDF
	}
	return kindUnknown
}

// taskTableFormatFor picks the reader of a task table by its content when
// that is a workbook, a Word document or a web page, whatever the
// extension, with a note when the extension says otherwise (改名.doc that
// is a .docx); else by the extension, whose reader says what the file is
// and what to do. A PDF or a file of no known kind under an unknown
// extension is refused here.
func taskTableFormatFor(name string, data []byte) (f taskTableFormat, note string, err error) {
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
		return taskTableFormatOf("x" + kind), note, nil
	case kindPDF:
		return f, "", fmt.Errorf("%s：这是 PDF 文件，无法从中读取任务分解表。请使用任务分解表的原始文件（Excel 工作簿 .xlsx 或 Word 文档 .docx），或发布它的网页（.html）", name)
	case kindUnknown:
		if ext != kindXLSX && ext != kindDOCX && ext != kindHTML {
			return f, "", fmt.Errorf("%s：这不是 Excel 工作簿（.xlsx）、Word 文档（.docx）或网页（.html），无法读取任务分解表。请在 Excel/WPS/Word 中“另存为” .xlsx 或 .docx 后重试", name)
		}
	}
	return taskTableFormatOf(name), "", nil
}

// importTaskTable reads the task table of a workbook (its first sheet with
// a task-table header), a Word document or a web page (its first table
// with one), known by its content (taskTableFormatFor); name is the file's
// name, which starts every error. The findings that do not stop the
// import are the result's Notes.
func importTaskTable(name string, data []byte, status string) (*tasktable.Table, error) {
	f, note, err := taskTableFormatFor(name, data)
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
	res, err := tasktable.ParseFirst(grids, status)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", name, err)
	}
	if note != "" {
		res.Notes = append([]tasktable.Note{{Msg: note}}, res.Notes...)
	}
	return res, nil
}
