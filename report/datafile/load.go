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
	"io/fs"
	"nianbao/report"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest data file Load accepts (1 MiB). A real report is
// a few kilobytes; anything larger is a mistake or an attack.
const MaxFileSize = 1 << 20

// Load reads the data file name from fsys and decodes it with Parse.
// Only regular files are read (a FIFO or device named *.yaml would block
// or never end), and at most MaxFileSize+1 bytes of them. Problems name the
// file as name. Tests pass an fstest.MapFS; commands pass LoadFile's.
func Load(fsys fs.FS, name string) (*report.Report, report.Problems) {
	return load(fsys, name, name)
}

// LoadFile is Load for a path on disk, named as given in messages.
func LoadFile(path string) (*report.Report, report.Problems) {
	return load(os.DirFS(filepath.Dir(path)), filepath.Base(path), path)
}

func load(fsys fs.FS, name, shown string) (*report.Report, report.Problems) {
	fail := func(format string, args ...any) (*report.Report, report.Problems) {
		return nil, report.Problems{report.Problemf(shown, report.Pos{}, "", "S-1", format, args...)}
	}
	st, err := fs.Stat(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail("文件不存在，请检查路径和文件名")
	case errors.Is(err, fs.ErrPermission):
		return fail("没有读取权限，请检查文件权限")
	case err != nil:
		return fail("无法打开文件：%v", err)
	case st.IsDir():
		return fail("这是一个目录，不是数据文件")
	case !st.Mode().IsRegular():
		return fail("这不是普通文件（是管道、设备或套接字），不能作为数据文件读取")
	}
	f, err := fsys.Open(name)
	if err != nil {
		return fail("无法打开文件：%v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return fail("读取文件失败：%v", err)
	}
	return Parse(shown, data)
}

// Parse decodes one report from YAML data; file names it in problems. It collects every problem it finds
// rather than stopping at the first; the returned report.Report is nil only when the
// file could not be parsed at all. Parse never panics.
func Parse(file string, data []byte) (rep *report.Report, ps report.Problems) {
	l := &loader{file: file}
	defer func() {
		if r := recover(); r != nil {
			rep = nil
			ps = append(l.ps, report.Problemf(file, report.Pos{}, "", "S-1", "无法解析此文件（解析器内部错误：%v）。请检查文件是否为本工具的 YAML 数据文件", r))
		}
	}()
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

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

var yamlMessages = []struct{ en, zh string }{
	{"mapping values are not allowed in this context", "此处不能出现“键: 值”（常见原因：冒号后缺少空格、缩进不齐，或文字中含有未加引号的英文冒号）"},
	{"did not find expected key", "缩进不一致或缺少键名，请检查本行及上一行的缩进"},
	{"found character that cannot start any token", "出现了不能出现在这里的字符（常见原因：用制表符 Tab 缩进，请改用空格）"},
	{"found a tab character", "用了制表符 Tab 缩进，请改用空格"},
	{"did not find expected ',' or ']'", "方括号列表未闭合或缺少逗号，例如应写成 [1, 0, 0, 0, 0, 0]"},
	{"did not find expected ',' or '}'", "花括号映射未闭合或缺少逗号，例如应写成 {issued: 0, repealed: 0, in_force: 3}"},
	{"could not find expected ':'", "缺少英文冒号“:”"},
	{"did not find expected node content", "缺少值"},
	{"found unexpected end of stream", "文件意外结束（引号或括号未闭合）"},
	{"found undefined alias", "引用了未定义的锚点（*名称）"},
	{"block sequence entries are not allowed in this context", "此处不能出现“- ”列表项，请检查缩进"},
	{"control characters are not allowed", "含有不可见的控制字符，请删除"},
	{"did not find expected alphabetic or numeric character", "锚点或引用名称不合法"},
	{"found unknown escape character", "双引号内有无效的转义符“\\”，请改用单引号或去掉反斜杠"},
	{"did not find expected comment or line break", "值后面有多余内容，请检查引号"},
	{"found unexpected ':'", "出现了多余的英文冒号"},
	{"did not find expected '-' indicator", "列表项缩进不一致"},
	{"excessive aliasing", "锚点引用（别名）过多，疑似“别名炸弹”，拒绝处理"},
}

var unknownAnchorRE = regexp.MustCompile(`unknown anchor '([^']*)' referenced`)

func (l *loader) syntaxError(data []byte, err error) {
	msg := err.Error()
	pos := report.Pos{}
	if m := unknownAnchorRE.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			pos.Line = 1 + bytes.Count(data[:i], []byte("\n"))
			pos.Col = 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i])
		}
		l.addAt(pos, "", "S-1", "引用了未定义的锚点“*%s”：请先用“&%s”定义，或直接写出数值", m[1], m[1])
		return
	}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		pos.Line = n
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	for _, t := range yamlMessages {
		if strings.Contains(msg, t.en) {
			l.addAt(pos, "", "S-1", "YAML 语法错误：%s", t.zh)
			return
		}
	}
	l.addAt(pos, "", "S-1", "YAML 语法错误（解析器原文：%s）。请对照 `nianbao init` 生成的模板检查格式", msg)
}

// deref follows an alias to its anchored node. Aliases are followed only
// where the fixed schema expects a value, so the walk stays bounded.
func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "键值映射"
	case yaml.SequenceNode:
		return "列表"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "空值"
		case "!!int", "!!float":
			return "数字 " + n.Value
		case "!!bool":
			return "布尔值 " + n.Value
		}
		return "文字“" + report.Clip(n.Value, 20) + "”"
	}
	return "其他内容"
}

// field is one key/value pair of a mapping.
type field struct {
	key, val *yaml.Node
}

// fields checks that n is a mapping, reports duplicate and unknown keys, and
// returns the pairs by key. allowed lists the valid keys; hints maps keys
// that are valid elsewhere (e.g. in the other edition) to an explanation.
func (l *loader) fields(n *yaml.Node, path, want string, allowed []string, hint func(key string) (string, bool)) (map[string]field, bool) {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		hint := ""
		if n.Kind == yaml.SequenceNode {
			hint = "（这里不是列表：请去掉行首的“- ”，写成“键: 值”）"
		}
		l.add(n, path, "S-4", "应为%s，实际为%s%s", want, kindName(n), hint)
		return nil, false
	}
	out := make(map[string]field, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			l.add(k, path, "S-4", "键应为简单的英文名称，实际为%s", kindName(deref(k)))
			continue
		}
		if k.Value == "<<" {
			l.add(k, path, "S-2", "不支持合并键“<<”，请把各项直接写出")
			continue
		}
		if prev, dup := out[k.Value]; dup {
			l.add(k, joinPath(path, k.Value), "S-3", "重复的键“%s”：第 %d 行已经写过。请删除其中一个", k.Value, prev.key.Line)
			continue
		}
		if !contains(allowed, k.Value) {
			msg := fmt.Sprintf("未知的键“%s”", k.Value)
			if h, ok := callHint(hint, k.Value); ok {
				msg += "：" + h
			} else if s := report.Nearest(k.Value, allowed); s != "" {
				msg += fmt.Sprintf("，是不是“%s”？", s)
			} else {
				msg += "。此处可用的键：" + strings.Join(allowed, "、")
			}
			l.add(k, joinPath(path, k.Value), "S-2", "%s", msg)
			continue
		}
		out[k.Value] = field{key: k, val: v}
	}
	return out, true
}

func callHint(hint func(string) (string, bool), key string) (string, bool) {
	if hint == nil {
		return "", false
	}
	return hint(key)
}

func joinPath(base, key string) string {
	if base == "" {
		return key
	}
	return base + "." + key
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var topKeys = []string{"year", "organ", "format", "format_override_reason", "scope", "date", "carry_over_note",
	"text", "active", "requests", "appeals", "processing_fees", "work_plan"}

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
			r.FormatOverrideReason = strings.TrimSpace(s)
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
	if f, ok := top["carry_over_note"]; ok {
		r.Pos.CarryOverNote = posOf(f.val)
		if s, ok := l.str(f.val, "carry_over_note"); ok {
			r.CarryOverNote = strings.TrimSpace(s)
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

func (l *loader) str(n *yaml.Node, path string) (string, bool) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		l.add(n, path, "S-4", "应为文字，实际为%s", kindName(n))
		return "", false
	}
	return n.Value, true
}

// isInt reports whether s is a plain decimal integer with an optional sign.
func isInt(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

const chineseDigits = "零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟"

// integer reads a whole number; rule is the rule ID for a fractional value.
func (l *loader) integer(n *yaml.Node, path, rule string) (int64, bool) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode {
		l.add(n, path, "S-4", "应为整数，实际为%s", kindName(n))
		return 0, false
	}
	switch n.ShortTag() {
	case "!!null":
		l.add(n, path, "S-5", "此处为空。空白不等于 0：没有的请填写 0")
		return 0, false
	case "!!int":
		if !isInt(n.Value) {
			l.add(n, path, "S-4", "应为十进制整数，实际为“%s”", n.Value)
			return 0, false
		}
		v, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil || v > report.MaxCount || v < -report.MaxCount {
			l.add(n, path, "S-4", "数值 %s 过大，请核对", n.Value)
			return 0, false
		}
		return v, true
	case "!!float":
		if isInt(n.Value) {
			l.add(n, path, "S-4", "数值 %s 过大，请核对", n.Value)
		} else {
			l.add(n, path, rule, "应为整数（件数），实际为小数 %s。请填写整数", n.Value)
		}
		return 0, false
	case "!!str":
		v := strings.TrimSpace(n.Value)
		switch {
		case v == "" || v == "/" || v == "／" || v == "-" || v == "—" || v == "无":
			l.add(n, path, "S-5", "此处为“%s”。空白或“/”不等于 0：没有的请填写 0", n.Value)
		case strings.ContainsAny(v, chineseDigits):
			l.add(n, path, "S-4", "应为阿拉伯数字，实际为文字“%s”。请改写为阿拉伯数字", report.Clip(v, 20))
		case isInt(v):
			l.add(n, path, "S-4", "应为数字，实际为带引号的文字“%s”。请去掉引号", v)
		default:
			l.add(n, path, "S-4", "应为整数，实际为文字“%s”", report.Clip(v, 20))
		}
		return 0, false
	}
	l.add(n, path, "S-4", "应为整数，实际为%s", kindName(n))
	return 0, false
}

// count reads a non-negative whole number; rule names the table's rule.
func (l *loader) count(n *yaml.Node, path, rule string) (int64, bool) {
	v, ok := l.integer(n, path, rule)
	if ok && v < 0 {
		l.add(deref(n), path, rule, "件数不能为负数，实际为 %d", v)
		return 0, false
	}
	return v, ok
}

// amount reads a non-negative decimal keeping its digits.
func (l *loader) amount(n *yaml.Node, path, rule, unitHint string) (report.Decimal, bool) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode {
		l.add(n, path, "S-4", "应为金额（数字），实际为%s", kindName(n))
		return report.Decimal{}, false
	}
	switch n.ShortTag() {
	case "!!null":
		l.add(n, path, "S-5", "此处为空。空白不等于 0：没有的请填写 0")
		return report.Decimal{}, false
	case "!!int", "!!float":
		d, err := report.ParseDecimal(n.Value)
		if err != nil {
			if errors.Is(err, report.ErrDecimalRange) {
				l.add(n, path, "S-4", "金额 %s 位数过多（最多 %d 位有效数字），请核对", n.Value, report.MaxDecimalDigits)
			} else {
				l.add(n, path, "S-4", "金额应写成普通小数，例如 12.5，实际为“%s”", n.Value)
			}
			return report.Decimal{}, false
		}
		if d.Neg() {
			l.add(n, path, rule, "金额不能为负数，实际为 %s", n.Value)
			return report.Decimal{}, false
		}
		return d, true
	case "!!str":
		v := strings.TrimSpace(n.Value)
		num := strings.TrimRight(v, "元万 ")
		switch {
		case v == "" || v == "/" || v == "／" || v == "-" || v == "—" || v == "无":
			l.add(n, path, "S-5", "此处为“%s”。空白或“/”不等于 0：没有的请填写 0", n.Value)
		case num != v && num != "":
			l.add(n, path, "S-4", "金额中不要写单位，实际为“%s”。请只写数字%s", v, unitHint)
		case strings.Contains(v, ","):
			l.add(n, path, "S-4", "金额中不要用千分位逗号，实际为“%s”", v)
		default:
			l.add(n, path, "S-4", "应为金额（数字），实际为文字“%s”", report.Clip(v, 20))
		}
		return report.Decimal{}, false
	}
	l.add(n, path, "S-4", "应为金额（数字），实际为%s", kindName(n))
	return report.Decimal{}, false
}

func (l *loader) text(n *yaml.Node, r *report.Report) {
	keys := make([]string, len(report.TextSections))
	for i, s := range report.TextSections {
		keys[i] = s.Key
	}
	fs, ok := l.fields(n, "text", "键值映射（overview: 、problems: 、other: ）", keys, nil)
	if !ok {
		return
	}
	for i, s := range report.TextSections {
		f, ok := fs[s.Key]
		path := "text." + s.Key
		if !ok {
			if s.Required {
				l.add(deref(n), path, "TX-6", "缺少“%s”（text.%s）。这是条例第五十条要求的内容，请填写", s.Title, s.Key)
			}
			continue
		}
		v := deref(f.val)
		t := report.Text{Pos: posOf(v), BodyLine: v.Line}
		if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" {
			if s.Required {
				l.add(v, path, "TX-6", "“%s”为空。这是条例第五十条要求的内容，请填写；确实没有的也应写明情况", s.Title)
			}
			r.Text[i] = t
			continue
		}
		if v.Kind != yaml.ScalarNode {
			l.add(v, path, "S-4", "“%s”应为一段文字（可用 | 开始多行文字），实际为%s", s.Title, kindName(v))
			continue
		}
		if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			t.BodyLine = v.Line + 1
			t.Literal = v.Style&yaml.LiteralStyle != 0
		}
		if t.Literal {
			lead := v.Value[:len(v.Value)-len(strings.TrimLeft(v.Value, " \t\r\n"))]
			t.BodyLine += strings.Count(lead, "\n")
		}
		t.Body = strings.TrimSpace(v.Value)
		if t.Body == "" && s.Required {
			l.add(v, path, "TX-6", "“%s”为空。这是条例第五十条要求的内容，请填写；确实没有的也应写明情况", s.Title)
		}
		r.Text[i] = t
	}
}

// otherEditionHint explains, lazily, keys that belong to the other edition.
func otherEditionHint(ed report.Edition, keys []string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		if !contains(keys, k) {
			return "", false
		}
		return fmt.Sprintf("这是 %s 版格式的键，本报告按 %s 版（%s）填写。请按 `nianbao init` 生成的 %s 版模板改写", otherEdition(ed), ed, ed.Notice(), ed), true
	}
}

func (l *loader) active(n *yaml.Node, r *report.Report) {
	ed := r.Edition
	blocks := ed.Table2()
	var rowKeys []string
	for _, b := range blocks {
		for _, row := range b.Rows {
			rowKeys = append(rowKeys, row.Key)
		}
	}
	var otherRows []string
	for _, b := range otherEdition(ed).Table2() {
		for _, row := range b.Rows {
			if !contains(rowKeys, row.Key) {
				otherRows = append(otherRows, row.Key)
			}
		}
	}
	rule := "T2-1"
	if ed == report.Ed2019 {
		rule = "T2-2"
	}
	rows, ok := l.fields(n, "active", "键值映射（表二各行）", rowKeys, otherEditionHint(ed, otherRows))
	if !ok {
		return
	}
	for _, b := range blocks {
		for _, row := range b.Rows {
			path := "active." + row.Key
			f, ok := rows[row.Key]
			if !ok {
				l.add(deref(n), path, "S-5", "缺少表二“%s”一行（%s）。没有的请各项填 0", row.Label, b.Caption)
				continue
			}
			colKeys := make([]string, 0, len(b.Cols)+1)
			for _, c := range b.Cols {
				colKeys = append(colKeys, c.Key)
			}
			if row.Key == "procurement" {
				colKeys = append(colKeys, "unit")
			}
			var otherCols []string
			for _, ob := range otherEdition(ed).Table2() {
				for _, oc := range ob.Cols {
					if !contains(colKeys, oc.Key) && !contains(otherCols, oc.Key) {
						otherCols = append(otherCols, oc.Key)
					}
				}
			}
			cs, ok := l.fields(f.val, path, "键值映射，例如 {"+strings.Join(colKeys, ": 0, ")+": 0}", colKeys, otherEditionHint(ed, otherCols))
			if !ok {
				continue
			}
			for _, c := range b.Cols {
				cp := path + "." + c.Key
				cf, ok := cs[c.Key]
				if !ok {
					l.add(deref(f.val), cp, "S-5", "缺少“%s”的“%s”（%s）。空白不等于 0：没有的请填写 0", row.Label, c.Label, c.Key)
					continue
				}
				idx := ed.Table2Index(row.Key, c.Key)
				cell := report.Cell{Pos: posOf(deref(cf.val))}
				switch c.Kind {
				case report.KindCount:
					cell.Int, _ = l.count(cf.val, cp, rule)
				case report.KindChange:
					cell.Int, _ = l.integer(cf.val, cp, rule)
				case report.KindAmount:
					hint := "，单位为万元"
					if row.Key == "procurement" {
						hint = "，单位写在 unit: 元 或 unit: 万元"
					}
					cell.Amount, _ = l.amount(cf.val, cp, rule, hint)
				}
				r.Active[idx] = cell
			}
			if row.Key == "procurement" {
				r.ProcUnit = "万元"
				if uf, ok := cs["unit"]; ok {
					if s, ok := l.str(uf.val, path+".unit"); ok {
						if s != "元" && s != "万元" {
							l.add(deref(uf.val), path+".unit", "T2-2", "采购总金额的单位应为“元”或“万元”，实际为“%s”", s)
						} else {
							r.ProcUnit = s
						}
					}
				}
			}
		}
	}
}

func otherEdition(ed report.Edition) report.Edition {
	if ed == report.Ed2019 {
		return report.Ed2021
	}
	return report.Ed2019
}

// requests reads 表三. Its YAML shape is derived from the edition's row IDs:
// "withheld.state_secret" is key state_secret inside the map withheld.
func (l *loader) requests(n *yaml.Node, r *report.Report) {
	ed := r.Edition
	rows := ed.Table3()
	var topKeys []string
	groups := map[string][]string{}
	for _, row := range rows {
		g, k, nested := strings.Cut(row.ID, ".")
		if !nested {
			topKeys = append(topKeys, row.ID)
			continue
		}
		if _, seen := groups[g]; !seen {
			topKeys = append(topKeys, g)
		}
		groups[g] = append(groups[g], k)
	}
	fs, ok := l.fields(n, "requests", "键值映射（表三各行）", topKeys, nil)
	if !ok {
		return
	}
	groupFields := map[string]map[string]field{}
	for _, g := range topKeys {
		members, isGroup := groups[g]
		if !isGroup {
			continue
		}
		f, ok := fs[g]
		if !ok {
			l.add(deref(n), "requests."+g, "S-5", "缺少表三“%s”一组（%s）。没有的请各项填 [0, 0, 0, 0, 0, 0]", rows[ed.T3Index(g+"."+members[0])].Group, strings.Join(members, "、"))
			continue
		}
		v := deref(f.val)
		if ed == report.Ed2021 && g == "other" && v.Kind == yaml.SequenceNode {
			l.add(v, "requests.other", "S-4", "2021 版的“（六）其他处理”分为三项，应写成 no_correction、fee_unpaid、other 三行（各 6 个数）；只有 2019 版才是一行")
			continue
		}
		if gf, ok := l.fields(f.val, "requests."+g, "键值映射（"+strings.Join(members, "、")+"）", members, nil); ok {
			groupFields[g] = gf
		}
	}
	for i, row := range rows {
		path := "requests." + row.ID
		var f field
		var ok bool
		if g, k, nested := strings.Cut(row.ID, "."); nested {
			gf, gok := groupFields[g]
			if !gok {
				continue // reported above
			}
			f, ok = gf[k]
			if !ok {
				l.add(deref(fs[g].val), path, "S-5", "缺少表三“%s %s”一行。空白不等于 0：没有的请填 [0, 0, 0, 0, 0, 0]", row.Group, row.Label)
				continue
			}
		} else {
			f, ok = fs[row.ID]
			if !ok {
				if row.Kind == report.T3Total {
					continue // optional: computed when absent
				}
				l.add(deref(n), path, "S-5", "缺少表三“%s”一行。空白不等于 0：没有的请填 [0, 0, 0, 0, 0, 0]", row.Label)
				continue
			}
			if ed == report.Ed2019 && row.ID == "other" && deref(f.val).Kind == yaml.MappingNode {
				l.add(deref(f.val), path, "S-4", "2019 版的“（六）其他处理”只有一行，应写成 6 个数的列表，例如 other: [0, 0, 0, 0, 0, 0]；分三项是 2021 版格式")
				continue
			}
		}
		r.Requests[i] = l.appRow(f.val, path, row.Label)
	}
}

func (l *loader) appRow(n *yaml.Node, path, label string) report.AppRow {
	n = deref(n)
	row := report.AppRow{Pos: posOf(n)}
	if n.Kind != yaml.SequenceNode {
		if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
			l.add(n, path, "S-5", "“%s”为空。空白不等于 0：没有的请填 [0, 0, 0, 0, 0, 0]", label)
		} else {
			l.add(n, path, "S-4", "“%s”应为 6 个数的列表 [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]，实际为%s", label, kindName(n))
		}
		return row
	}
	if k := len(n.Content); k != 6 && k != 7 {
		l.add(n, path, "S-6", "“%s”有 %d 个数，应为 6 个（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）或 7 个（再加总计）。请补齐，没有的填 0", label, k)
		return row
	}
	for j, c := range n.Content {
		col := "总计"
		if j < 6 {
			col = report.ApplicantColumns[j]
		}
		cd := deref(c)
		row.CellPos[j] = posOf(cd)
		var v int64
		var ok bool
		if cd.Kind == yaml.ScalarNode && cd.ShortTag() == "!!int" && isInt(cd.Value) && cd.Value[0] != '-' && len(cd.Value) < 13 {
			v, _ = strconv.ParseInt(cd.Value, 10, 64) // the common case, no path needed
			ok = true
		} else {
			v, ok = l.count(c, fmt.Sprintf("%s[%d]", path, j), "T3-6")
		}
		if !ok {
			// Name the column: the generic message does not.
			last := &l.ps[len(l.ps)-1]
			last.Msg = fmt.Sprintf("“%s”的“%s”列：%s", label, col, last.Msg)
			continue
		}
		if j < 6 {
			row.Cells[j] = v
		} else {
			row.Printed, row.HasTotal = v, true
		}
	}
	return row
}

func (l *loader) appeals(n *yaml.Node, r *report.Report) {
	keys := []string{report.Table4Rows[0].Key, report.Table4Rows[1].Key, report.Table4Rows[2].Key}
	fs, ok := l.fields(n, "appeals", "键值映射（review、litigation_direct、litigation_after_review）", keys, nil)
	if !ok {
		return
	}
	colKeys := make([]string, len(report.Table4Cols))
	for i, c := range report.Table4Cols {
		colKeys[i] = c.Key
	}
	for i, g := range report.Table4Rows {
		path := "appeals." + g.Key
		f, ok := fs[g.Key]
		if !ok {
			l.add(deref(n), path, "S-5", "缺少表四“%s”一组。没有案件的请各项填 0", g.Titled)
			continue
		}
		cs, ok := l.fields(f.val, path, "键值映射，例如 {upheld: 0, corrected: 0, other: 0, pending: 0, total: 0}", colKeys, nil)
		if !ok {
			continue
		}
		row := report.AppealRow{Pos: posOf(deref(f.val))}
		for j, c := range report.Table4Cols {
			cf, ok := cs[c.Key]
			if !ok {
				if c.Key != "total" {
					l.add(deref(f.val), path+"."+c.Key, "S-5", "缺少“%s”的“%s”（%s）。空白不等于 0：没有的请填写 0", g.Titled, c.Label, c.Key)
				}
				continue
			}
			row.ValPos[j] = posOf(deref(cf.val))
			v, ok := l.count(cf.val, path+"."+c.Key, "T4-2")
			if !ok {
				continue
			}
			if j < 4 {
				row.Vals[j] = v
			} else {
				row.Printed, row.HasTotal = v, true
			}
		}
		r.Appeals[i] = row
	}
}

func (l *loader) fees(n *yaml.Node, r *report.Report) {
	keys := []string{report.FeeFields[0].Key, report.FeeFields[1].Key, report.FeeFields[2].Key}
	fs, ok := l.fields(n, "processing_fees", "键值映射（notices、notified_amount、collected）", keys, nil)
	if !ok {
		return
	}
	fee := &report.Fees{}
	for i, ff := range report.FeeFields {
		path := "processing_fees." + ff.Key
		f, ok := fs[ff.Key]
		if !ok {
			l.add(deref(n), path, "S-5", "缺少信息处理费的“%s”（%s）。没有的请填写 0", ff.Label, ff.Key)
			continue
		}
		fee.Pos[i] = posOf(deref(f.val))
		switch ff.Kind {
		case report.KindCount:
			fee.Notices, _ = l.count(f.val, path, "S-4")
		case report.KindAmount:
			d, _ := l.amount(f.val, path, "S-4", "，单位为元")
			if i == 1 {
				fee.NotifiedAmount = d
			} else {
				fee.Collected = d
			}
		}
	}
	r.Fees = fee
}
