// Package datafile is the one reader and writer of nianbao's data files
// (YAML, data-format.md): Load and Parse through yaml.Node with the line
// and column of every value and every problem collected; Marshal and
// Scaffold; the JSON Schema; merge manifests; finding data files and
// grouping them into an organ's series of years. Files are read through
// fs.FS (LoadFile for a path on disk); report and report/check take loaded
// reports, never paths.
package datafile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"nianbao/report"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest data file Load accepts (1 MiB). A real report is
// a few kilobytes; anything larger is a mistake or an attack.
const MaxFileSize = 1 << 20

// Parse decodes one report from YAML data; file names it in problems. It collects every problem it finds
// rather than stopping at the first; the returned report.Report is nil only when the
// file could not be parsed at all. A file of another kind (an Excel
// workbook, a Word document, an old Office file, a PDF, a web page, an
// image: notDataFile) gives one S-1 saying what it is and what to run
// instead. Parse never panics.
func Parse(file string, data []byte) (rep *report.Report, ps report.Problems) {
	l := &loader{file: file}
	defer func() {
		if r := recover(); r != nil {
			rep = nil
			ps = append(l.ps, report.Problemf(file, report.Pos{}, "", "S-1", "无法解析此文件（解析器内部错误：%v）。请检查文件是否为本工具的 YAML 数据文件", r))
		}
	}()
	if msg := notDataFile(file, data); msg != "" {
		return nil, report.Problems{report.Problemf(file, report.Pos{}, "", "S-1", "%s", msg)}
	}
	root := l.parse(data)
	if root == nil {
		return nil, l.ps
	}
	r := &report.Report{File: file}
	l.report(root, r)
	l.ps.Sort()
	if !r.Edition.Valid() {
		return nil, l.ps // the file is not a report at all
	}
	return r, l.ps
}

type loader struct {
	file string
	ps   report.Problems
	top  report.Pos // where the top-level mapping starts: missing top-level keys point here
	data []byte     // the source as decoded, for positions inside values
	// bad holds value nodes already reported as part of a number split by
	// a thousands separator ({amount: 75,394,432.52}); they are not read.
	bad map[*yaml.Node]bool
}

func posOf(n *yaml.Node) report.Pos {
	if n == nil {
		return report.Pos{}
	}
	return report.Pos{Line: n.Line, Col: n.Column}
}

func (l *loader) add(n *yaml.Node, path, rule, format string, args ...any) {
	l.ps = append(l.ps, report.Problemf(l.file, posOf(n), path, rule, format, args...))
}

func (l *loader) addAt(pos report.Pos, path, rule, format string, args ...any) {
	l.ps = append(l.ps, report.Problemf(l.file, pos, path, rule, format, args...))
}

// parse checks size and encoding and returns the document's root node.
func (l *loader) parse(data []byte) *yaml.Node {
	if len(data) > MaxFileSize {
		l.addAt(report.Pos{}, "", "S-1", "文件超过 1 MiB（%d 字节以上），不像年度报告数据文件。请检查是否选错了文件", MaxFileSize)
		return nil
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		l.addAt(report.Pos{Line: 1, Col: 1}, "", "S-1", "文件是 UTF-16 编码。请在编辑器中“另存为”UTF-8 编码后重试")
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		line, col := 1, 1
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += size
		}
		l.addAt(report.Pos{Line: line, Col: col}, "", "S-1", "此处有不是 UTF-8 编码的字节（文件可能是 GBK/GB2312 编码）。请在编辑器中“另存为”UTF-8 编码后重试")
		return nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line := 1 + bytes.Count(data[:i], []byte("\n"))
		l.addAt(report.Pos{Line: line}, "", "S-1", "文件含有空字符（NUL），不是文本文件。请检查是否选错了文件")
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		l.addAt(report.Pos{}, "", "S-1", "文件为空。可用 `nianbao init --year 年度 --organ 机关名称` 生成一份完整的模板")
		return nil
	}
	l.data = data
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			l.addAt(report.Pos{}, "", "S-1", "文件只有注释，没有数据。可用 `nianbao init` 生成一份完整的模板")
			return nil
		}
		l.syntaxError(data, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		l.add(&extra, "", "S-1", "文件包含多个 YAML 文档（出现了第二个 `---`）。一个文件只放一个年度的报告，请拆分为多个文件")
		return nil
	} else if !errors.Is(err, io.EOF) {
		l.syntaxError(data, err)
		return nil
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return root
}

var topKeys = []string{"year", "organ", "format", "format_override_reason", "scope", "date", "carry_over_note",
	"index_number", "publisher", "document_number", "published", "topic", "text", "active", "requests", "appeals", "processing_fees", "work_plan", "merged_units", "source"}

func (l *loader) report(root *yaml.Node, r *report.Report) {
	top, ok := l.fields(root, "", "键值映射（year: 、organ: 、text: 等）", topKeys, nil)
	if !ok {
		return
	}
	l.top = posOf(root)
	// Identity first: the edition decides the shape of the tables.
	if f, ok := top["year"]; ok {
		r.Pos.Year = posOf(f.val)
		if y, ok := l.integer(f.val, "year", "S-4"); ok {
			if y < 2019 || y > 2100 {
				l.add(f.val, "year", "S-7", "年度 %d 不在支持范围内：本工具支持 2019 年度起（新条例施行后）的报告", y)
			} else {
				r.Year = int(y)
			}
		}
	} else {
		l.addAt(l.top, "year", "S-5", "缺少报告年度 year，例如 `year: 2024`")
	}
	if f, ok := top["organ"]; ok {
		r.Pos.Organ = posOf(f.val)
		if s, ok := l.str(f.val, "organ"); ok {
			if !l.identity(deref(f.val), "organ", "报告主体 organ", s) {
				s = strings.Map(func(r rune) rune {
					if report.Invisible(r) {
						return -1
					}
					return r
				}, s)
			}
			if strings.TrimSpace(s) == "" {
				l.add(f.val, "organ", "S-5", "报告主体 organ 为空，请填写机关全称，例如“示例市人民政府办公室”")
			}
			r.Organ = strings.TrimSpace(s)
		}
	} else {
		l.addAt(l.top, "organ", "S-5", "缺少报告主体 organ，请填写机关全称，例如 `organ: 示例市人民政府办公室`")
	}
	if f, ok := top["format_override_reason"]; ok {
		if s, ok := l.str(f.val, "format_override_reason"); ok {
			r.FormatOverrideReason = strings.TrimSpace(l.cleanText(deref(f.val), "format_override_reason", s))
		}
	}
	l.edition(top, r)
	if f, ok := top["scope"]; ok {
		r.Pos.Scope = posOf(f.val)
		if s, ok := l.str(f.val, "scope"); ok {
			switch report.Scope(s) {
			case report.ScopeOrgan, report.ScopeRegion:
				r.Scope = report.Scope(s)
			default:
				l.add(f.val, "scope", "S-7", "scope 应为 organ（本机关报告）或 region（本级政府汇总报告），实际为“%s”", s)
			}
		}
	}
	if r.Scope == "" {
		r.Scope = report.ScopeOrgan
	}
	if f, ok := top["date"]; ok {
		r.Pos.Date = posOf(f.val)
		l.date(f.val, r)
	}
	l.publication(top, r)
	if f, ok := top["carry_over_note"]; ok {
		r.Pos.CarryOverNote = posOf(f.val)
		if s, ok := l.str(f.val, "carry_over_note"); ok {
			r.CarryOverNote = strings.TrimSpace(l.cleanText(deref(f.val), "carry_over_note", s))
		}
	}
	if f, ok := top["text"]; ok {
		r.Pos.Text = posOf(f.key)
		l.text(f.val, r)
	} else {
		l.addAt(l.top, "text", "TX-6", "缺少文字部分 text（总体情况、存在的主要问题及改进情况、其他需要报告的事项）")
	}
	r.Active = make([]report.Cell, len(r.Edition.Table2Cells()))
	if f, ok := top["active"]; ok {
		r.Pos.Active = posOf(f.key)
		l.active(f.val, r)
	} else {
		l.addAt(l.top, "active", "S-5", "缺少表二 active（主动公开政府信息情况）。可用 `nianbao init` 生成完整模板")
	}
	r.Requests = make([]report.AppRow, len(r.Edition.Table3()))
	if f, ok := top["requests"]; ok {
		r.Pos.Requests = posOf(f.key)
		l.requests(f.val, r)
	} else {
		l.addAt(l.top, "requests", "S-5", "缺少表三 requests（收到和处理政府信息公开申请情况）。可用 `nianbao init` 生成完整模板")
	}
	if f, ok := top["appeals"]; ok {
		r.Pos.Appeals = posOf(f.key)
		l.appeals(f.val, r)
	} else {
		l.addAt(l.top, "appeals", "S-5", "缺少表四 appeals（政府信息公开行政复议、行政诉讼情况）。没有案件时各项填 0")
	}
	if f, ok := top["processing_fees"]; ok {
		r.Pos.Fees = posOf(f.key)
		l.fees(f.val, r)
	}
	if f, ok := top["work_plan"]; ok {
		r.Pos.WorkPlan = posOf(f.key)
		l.workPlan(f.val, r)
	}
	if f, ok := top["merged_units"]; ok {
		r.Pos.MergedUnits = posOf(f.key)
		l.mergedUnits(f.val, r)
	}
}

func (l *loader) edition(top map[string]field, r *report.Report) {
	f, ok := top["format"]
	if !ok {
		r.Edition = report.EditionForYear(r.Year)
		return
	}
	r.Pos.Format = posOf(f.val)
	v := deref(f.val)
	ed := report.Edition(v.Value)
	if v.Kind != yaml.ScalarNode || !ed.Valid() {
		l.add(v, "format", "S-7", "format 应为 \"2019\"（国办公开办函〔2019〕60号试行格式）或 \"2021\"（国办公开办函〔2021〕30号），实际为%s", kindName(v))
		r.Edition = report.EditionForYear(r.Year)
		return
	}
	r.Edition = ed
	if r.Year == 0 {
		return
	}
	if want := report.EditionForYear(r.Year); want != ed {
		if r.FormatOverrideReason != "" {
			l.ps = append(l.ps, report.Problem{File: l.file, Pos: posOf(v), Path: "format", Rule: "X-5", Severity: report.Warning,
				Msg: fmt.Sprintf("%d 年度应使用 %s 版格式（%s），本文件使用 %s 版，理由：%s", r.Year, want, want.Notice(), ed, r.FormatOverrideReason)})
		} else {
			l.add(v, "format", "X-5", "%d 年度应使用 %s 版格式（%s），本文件写的是 format: \"%s\"。请改为 \"%s\"（表格也要按该版填写），确需沿用时写明 format_override_reason", r.Year, want, want.Notice(), ed, want)
		}
	}
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func (l *loader) date(n *yaml.Node, r *report.Report) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || !dateRE.MatchString(n.Value) {
		l.add(n, "date", "S-7", "落款日期 date 应写成 YYYY-MM-DD，例如 2025-01-20，实际为%s", kindName(n))
		return
	}
	d, err := time.Parse("2006-01-02", n.Value)
	if err != nil {
		l.add(n, "date", "S-7", "落款日期 %s 不是有效日期", n.Value)
		return
	}
	if r.Year != 0 && d.Year() <= r.Year {
		l.add(n, "date", "S-7", "落款日期 %s 早于统计期结束（%d 年 12 月 31 日）。年度报告在次年发布，请核对年度或日期", n.Value, r.Year)
		return
	}
	r.Date = n.Value
}

// metaKeys are the optional publication metadata keys (one line of text
// each, for the portal's information table and <meta> tags): key, Chinese
// name, destination in the report and position.
func metaKeys(r *report.Report) []struct {
	key, what string
	dst       *string
	pos       *report.Pos
} {
	return []struct {
		key, what string
		dst       *string
		pos       *report.Pos
	}{
		{"index_number", "索引号 index_number", &r.IndexNumber, &r.Pos.IndexNumber},
		{"publisher", "发布机构 publisher", &r.Publisher, &r.Pos.Publisher},
		{"document_number", "文号 document_number", &r.DocumentNumber, &r.Pos.DocumentNumber},
		{"topic", "主题分类 topic", &r.Topic, &r.Pos.Topic},
	}
}

// maxMetaRunes bounds a publication metadata value (one line of a table).
const maxMetaRunes = 200

// publication reads the optional publication metadata: index_number,
// publisher, document_number, topic (one line of text each) and published
// (a date YYYY-MM-DD).
func (l *loader) publication(top map[string]field, r *report.Report) {
	for _, m := range metaKeys(r) {
		f, ok := top[m.key]
		if !ok {
			continue
		}
		*m.pos = posOf(f.val)
		s, ok := l.str(f.val, m.key)
		if !ok || !l.identity(deref(f.val), m.key, m.what, s) {
			continue
		}
		s = strings.TrimSpace(s)
		if n := utf8.RuneCountInString(s); n > maxMetaRunes {
			l.add(f.val, m.key, "S-7", "%s 太长（%d 个字），应为一行，不超过 %d 个字", m.what, n, maxMetaRunes)
			continue
		}
		*m.dst = s
	}
	if f, ok := top["published"]; ok {
		r.Pos.Published = posOf(f.val)
		n := deref(f.val)
		if n.Kind != yaml.ScalarNode || !dateRE.MatchString(n.Value) {
			l.add(n, "published", "S-7", "发布日期 published 应写成 YYYY-MM-DD，例如 2025-01-22，实际为%s", kindName(n))
		} else if _, err := time.Parse("2006-01-02", n.Value); err != nil {
			l.add(n, "published", "S-7", "发布日期 %s 不是有效日期", n.Value)
		} else {
			r.Published = n.Value
		}
	}
}

func (l *loader) str(n *yaml.Node, path string) (string, bool) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		l.add(n, path, "S-4", "应为文字，实际为%s", kindName(n))
		return "", false
	}
	return n.Value, true
}
