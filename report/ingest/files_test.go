package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/docx"
	"nianbao/report/html"
)

// writeTree creates files (slash-separated paths) with some content under dir.
func writeTree(t *testing.T, dir string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir,
		"pub/b.html", "pub/a.PDF", "pub/c.docx", "pub/d.htm", "pub/e.shtml",
		"pub/notes.txt", "pub/old.doc", "pub/f.WPS", "pub/g.png", "pub/sub/z.html", "pub/sub/a.html",
		"olddocs/a.wps", "olddocs/b.odt", "olddocs/sheet.et", "olddocs/sheet.xls",
		"pub/.hidden/x.html", "pub/sub/.git/y.html",
		"hiddenonly/.h/x.html", "hiddenonly/readme.txt",
		"empty/.keep",
		"notes.txt",
	)
	if err := os.MkdirAll(filepath.Join(dir, ".top"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeTree(t, dir, ".top/r.html")
	in := func(ps ...string) []string {
		for i, p := range ps {
			ps[i] = filepath.Join(dir, filepath.FromSlash(p))
		}
		return ps
	}
	for _, tc := range []struct {
		name    string
		args    []string
		want    []string
		wantErr *ArgError
		msg     string
	}{
		{name: "directory: published files and old office documents (for ReadFile to refuse) at any depth, sorted, hidden directories skipped",
			args: in("pub"),
			want: in("pub/a.PDF", "pub/b.html", "pub/c.docx", "pub/d.htm", "pub/e.shtml", "pub/f.WPS", "pub/old.doc", "pub/sub/a.html", "pub/sub/z.html")},
		{name: "a directory of old documents only is not empty: each is listed, not skipped; spreadsheets are not reports",
			args: in("olddocs"), want: in("olddocs/a.wps", "olddocs/b.odt")},
		{name: "a hidden directory given by name is walked",
			args: in(".top"), want: in(".top/r.html")},
		{name: "a file stands for itself, whatever its extension",
			args: in("notes.txt"), want: in("notes.txt")},
		{name: "arguments keep their order",
			args: in("pub/sub", "notes.txt", "pub/b.html"),
			want: in("pub/sub/a.html", "pub/sub/z.html", "notes.txt", "pub/b.html")},
		{name: "missing path",
			args: in("pub", "nope.html"), wantErr: &ArgError{Path: filepath.Join(dir, "nope.html")},
			msg: "找不到 " + filepath.Join(dir, "nope.html")},
		{name: "directory with published files only in hidden directories",
			args: in("hiddenonly"), wantErr: &ArgError{Path: filepath.Join(dir, "hiddenonly"), Empty: true},
			msg: "目录 " + filepath.Join(dir, "hiddenonly") + " 中没有 .html、.docx 或 .pdf 文件"},
		{name: "empty directory",
			args: in("empty"), wantErr: &ArgError{Path: filepath.Join(dir, "empty"), Empty: true},
			msg: "目录 " + filepath.Join(dir, "empty") + " 中没有 .html、.docx 或 .pdf 文件"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Find(tc.args)
			if tc.wantErr != nil {
				var ae *ArgError
				if !errors.As(err, &ae) || *ae != *tc.wantErr {
					t.Fatalf("err = %#v, want %#v", err, tc.wantErr)
				}
				if err.Error() != tc.msg {
					t.Errorf("message %q, want %q", err, tc.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	l, ps := datafile.LoadFile("../testdata/valid2021.yaml")
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	var page bytes.Buffer
	if err := html.Write(&page, report.Build(l, nil), html.Options{}); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"report.html":   page.Bytes(),
		"REPORT.SHTML":  page.Bytes(),
		"notes.txt":     []byte("not a report"),
		"old.doc":       []byte("not a report"),
		"empty.html":    []byte("<html><body><p>通知</p></body></html>"),
		"zero.html":     nil,
		"zero.docx":     nil,
		"notice.html":   []byte("<html><head><title>示例县2024年政府信息公开工作年度报告_示例县人民政府</title></head><body><h1>示例县2024年政府信息公开工作年度报告</h1><p>附件：<a href=r.pdf>年报.pdf</a></p></body></html>"),
		"untitled.html": []byte("<html><body><p>一、总体情况</p><p>本年度……</p><p>二、主动公开政府信息情况</p></body></html>"),
		"bad.pdf":       []byte("not a pdf"),
		"bad.docx":      []byte("not a zip"),
		"page.doc":      page.Bytes(),
		"page.txt":      page.Bytes(),
		"page.docx":     page.Bytes(),
		"ole.wps":       []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an old WPS document"),
	}
	var word bytes.Buffer
	if err := docx.Write(&word, report.Build(l, nil), docx.Options{}); err != nil {
		t.Fatal(err)
	}
	files["word.doc"] = word.Bytes()
	files["word.wps"] = word.Bytes()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const wrongExt = "只能读入 .html、.htm、.docx 或 .pdf 文件（旧版 .doc、.wps 请先另存为 .docx）"
	for _, tc := range []struct {
		file       string
		read       bool   // a report is read
		organ      string // the organ read
		rule       string // a rule among the reading's problems
		unreadable string // Unreadable contains this
		note       string // Note contains this (read by content, not extension)
	}{
		{file: "report.html", read: true, organ: l.Organ},
		{file: "REPORT.SHTML", read: true, organ: l.Organ},
		// A page without a title is read all the same when it has the
		// statutory headings or tables: year and organ are left for the
		// clerk, and the reading says so.
		{file: "untitled.html", read: true, rule: "IN-4"},
		// A page with neither, or only a title (the report is an
		// attachment), is not a report; nor is an empty file.
		{file: "empty.html", unreadable: "没有找到年度报告"},
		{file: "notice.html", unreadable: "正文可能在附件"},
		{file: "zero.html", unreadable: "文件为空"},
		{file: "zero.docx", unreadable: "文件为空"},
		{file: "notes.txt", unreadable: wrongExt},
		{file: "old.doc", unreadable: wrongExt},
		{file: "missing.html", unreadable: "missing.html"},
		{file: "bad.pdf", unreadable: "这不是 PDF 文件"},
		{file: "bad.docx", unreadable: ".docx"},
		// Read by content whatever the extension, with a note.
		{file: "page.doc", read: true, organ: l.Organ, note: "网页（HTML），已按网页（HTML）读取。建议把扩展名改为 .html"},
		{file: "page.txt", read: true, organ: l.Organ, note: "改为 .html"},
		{file: "page.docx", read: true, organ: l.Organ, note: "改为 .html"},
		{file: "word.doc", read: true, organ: l.Organ, note: "Word 文档，已按 Word 文档读取。建议把扩展名改为 .docx"},
		{file: "word.wps", read: true, organ: l.Organ, note: "改为 .docx"},
		{file: "ole.wps", unreadable: wrongExt},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			res := ReadFile(path)
			if res.Path != path {
				t.Errorf("Path = %q, want %q", res.Path, path)
			}
			if !tc.read {
				if res.Report != nil || res.YAML != nil {
					t.Fatalf("read a report from %s", tc.file)
				}
				if !strings.Contains(res.Unreadable, tc.unreadable) {
					t.Errorf("Unreadable = %q, want it to contain %q", res.Unreadable, tc.unreadable)
				}
				return
			}
			if res.Report == nil {
				t.Fatalf("not read: %s %v", res.Unreadable, res.Problems)
			}
			if res.Unreadable != "" {
				t.Errorf("Unreadable = %q for a report read", res.Unreadable)
			}
			if !strings.Contains(res.Note, tc.note) || (tc.note == "") != (res.Note == "") {
				t.Errorf("Note = %q, want %q", res.Note, tc.note)
			}
			if res.Report.Organ != tc.organ {
				t.Errorf("organ %q, want %q", res.Report.Organ, tc.organ)
			}
			if tc.rule != "" && !slices.ContainsFunc(res.Problems, func(p report.Problem) bool { return p.Rule == tc.rule }) {
				t.Errorf("problems %v, want one of rule %s", res.Problems, tc.rule)
			}
			if !bytes.Equal(res.YAML, datafile.Marshal(res.Report)) {
				t.Error("YAML is not datafile.Marshal(Report)")
			}
		})
	}
}

func TestDataFileName(t *testing.T) {
	for _, tc := range []struct {
		name  string
		organ string
		year  int
		used  []string
		want  string
	}{
		{name: "organ and year", organ: "示例市人民政府办公室", year: 2024, want: "示例市人民政府办公室-2024.yaml"},
		{name: "characters no file system takes", organ: `a/b\c:d*e?f"g<h>i|j`, year: 2024, want: "a_b_c_d_e_f_g_h_i_j-2024.yaml"},
		{name: "control characters", organ: "示例\t市\n办公室\x00", year: 2023, want: "示例_市_办公室_-2023.yaml"},
		{name: "dots and spaces are kept", organ: "../示例 局", year: 2023, want: ".._示例 局-2023.yaml"},
		{name: "no organ", organ: "", year: 2024, want: "未知机关-2024.yaml"},
		{name: "second of a name", organ: "示例局", year: 2024, used: []string{"示例局-2024.yaml"}, want: "示例局-2024-2.yaml"},
		{name: "third of a name", organ: "示例局", year: 2024, used: []string{"示例局-2024.yaml", "示例局-2024-2.yaml"}, want: "示例局-2024-3.yaml"},
		{name: "another year is free", organ: "示例局", year: 2023, used: []string{"示例局-2024.yaml"}, want: "示例局-2023.yaml"},
		{name: "unsafe names that meet", organ: "a/b", year: 2024, used: []string{"a_b-2024.yaml"}, want: "a_b-2024-2.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			used := map[string]bool{}
			for _, u := range tc.used {
				used[u] = true
			}
			got := DataFileName(&report.Report{Organ: tc.organ, Year: tc.year}, used)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if !used[got] || len(used) != len(tc.used)+1 {
				t.Errorf("used = %v: the name returned is not added", used)
			}
		})
	}
}

func TestCells(t *testing.T) {
	for _, tc := range []struct {
		name             string
		src              *report.Source
		read, unreadable int
	}{
		{name: "no source", src: nil},
		{name: "no tables", src: &report.Source{}},
		{name: "three tables", src: &report.Source{Tables: []report.SourceTable{
			{Name: "table2", Read: 20, Unreadable: 1}, {Name: "table3", Read: 100}, {Name: "table4", Read: 45, Unreadable: 2}}},
			read: 165, unreadable: 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			read, unreadable := Cells(&report.Report{Source: tc.src})
			if read != tc.read || unreadable != tc.unreadable {
				t.Errorf("Cells = %d, %d, want %d, %d", read, unreadable, tc.read, tc.unreadable)
			}
		})
	}
}
