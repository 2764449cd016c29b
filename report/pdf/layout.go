package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// LayoutFile is the name of the PDF layout file in a templates folder.
const LayoutFile = "layout.yaml"

// maxLayoutFile bounds layout.yaml: a layout is a few hundred bytes.
const maxLayoutFile = 1 << 20

// Role is a part of the document with its own font and size.
type Role int

const (
	RoleTitle    Role = iota // the document title (GB/T 9704: 2号小标宋)
	RoleBody                 // body text, signature, page numbers (3号仿宋)
	RoleHeading1             // section headings 一、… (3号黑体)
	RoleHeading2             // subsection headings (3号楷体)
	RoleTable                // the tables' text (5号)
	NumRoles
)

// roleKeys are the roles' keys in layout.yaml, roleNames their names in
// messages.
var (
	roleKeys  = [NumRoles]string{"title", "body", "heading1", "heading2", "table"}
	roleNames = [NumRoles]string{"标题", "正文", "一级标题", "二级标题", "表格"}
)

// FontSpec is one role's font in layout.yaml: a font name (family or full
// name, as the system lists it) or a font file name, and a size in points.
type FontSpec struct {
	Font string  // "" = the built-in face
	Size float64 // points; 0 = the default size of the role
	Line int     // line of font: in layout.yaml, for messages
	Col  int
}

// Layout is the PDF layout an office chooses in layout.yaml. The zero
// Layout is today's document: built-in fonts, page numbers centred, no
// 版头, no 印章 area, no 版记.
type Layout struct {
	File  string // the file it was read from, for messages
	Fonts [NumRoles]FontSpec
	// OuterPageNumbers prints page numbers on the outer side (odd pages
	// right, even pages left) as GB/T 9704 does; false centres them.
	OuterPageNumbers bool
	// Header is the optional 版头: a red 发文机关标志, a 发文字号 and a red
	// rule the width of the type area.
	Header struct {
		Organ  string // 发文机关标志, e.g. 示例市人民政府办公室文件
		Number string // 发文字号, e.g. 示府办〔2025〕1号
	}
	// Seal leaves room for the seal (印章) over the signature.
	Seal bool
	// Record is the optional 版记 at the end of the document.
	Record struct {
		CC     string // 抄送
		Issuer string // 印发机关
		Date   string // 印发日期, e.g. 2025年1月20日
	}
}

// sizeNames are the traditional Chinese type sizes (字号) in points. 三号
// is 15.75 here, not 16: 28 characters then fill the 156 mm line exactly.
var sizeNames = map[string]float64{
	"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
	"三号": 15.75, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
}

// sizeLimits are the sizes each role accepts, in points.
var sizeLimits = [NumRoles][2]float64{{12, 42}, {9, 22}, {9, 26}, {9, 26}, {6, 15.75}}

// parseSize reads a size: points (16, 15.75) or a 字号 (三号, 3号, 小四).
func parseSize(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(s, "pt"), "磅"), 64); err == nil {
		return v, true
	}
	digits := strings.NewReplacer("1", "一", "2", "二", "3", "三", "4", "四", "5", "五", "0", "初")
	s = digits.Replace(s)
	if !strings.HasSuffix(s, "号") && !strings.HasPrefix(s, "小") {
		s += "号"
	}
	if v, ok := sizeNames[s]; ok {
		return v, true
	}
	v, ok := sizeNames[strings.TrimSuffix(s, "号")]
	return v, ok
}

// LayoutError is an error in layout.yaml, at a line and column.
type LayoutError struct {
	File      string
	Line, Col int
	Key       string
	Msg       string
	// YAML is yaml.v3's error when the file is not valid YAML (Msg then
	// quotes it), for a caller that explains it better; nil otherwise.
	YAML error
}

func (e *LayoutError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + "：")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// LoadLayout reads layout.yaml from fsys (a templates folder laid over the
// built-in templates). A missing file is the default Layout. Errors are in
// Chinese and name the file, line, column and key.
func LoadLayout(fsys fs.FS) (Layout, error) {
	f, err := fsys.Open(LayoutFile)
	if errors.Is(err, fs.ErrNotExist) {
		return Layout{File: LayoutFile}, nil
	}
	if err != nil {
		return Layout{}, fmt.Errorf("无法读取 %s：%v", LayoutFile, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxLayoutFile+1))
	if err != nil {
		return Layout{}, fmt.Errorf("无法读取 %s：%v", LayoutFile, err)
	}
	if len(data) > maxLayoutFile {
		return Layout{}, fmt.Errorf("%s 超过 %d KiB，不像是版式文件", LayoutFile, maxLayoutFile>>10)
	}
	return ParseLayout(LayoutFile, data)
}

// ParseLayout reads a layout.yaml's bytes; name is the file for messages.
func ParseLayout(name string, data []byte) (l Layout, err error) {
	l.File = name
	defer func() {
		if r := recover(); r != nil {
			l, err = Layout{File: name}, &LayoutError{File: name, Msg: fmt.Sprintf("无法读取（%v）", r)}
		}
	}()
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return l, nil // empty file: the default layout
		}
		line := 0
		msg := err.Error()
		if _, rest, ok := strings.Cut(msg, "line "); ok {
			n, tail, _ := strings.Cut(rest, ":")
			line, _ = strconv.Atoi(n)
			msg = strings.TrimSpace(tail)
		}
		return l, &LayoutError{File: name, Line: line, Col: 1, Msg: "YAML 格式错误（" + msg + "）：请检查缩进、冒号和引号", YAML: err}
	}
	if len(doc.Content) == 0 {
		return l, nil
	}
	p := layoutParser{file: name}
	p.layout(doc.Content[0], &l)
	if p.err != nil {
		return Layout{File: name}, p.err
	}
	return l, nil
}

type layoutParser struct {
	file string
	err  *LayoutError
}

func (p *layoutParser) fail(n *yaml.Node, key, format string, args ...any) {
	if p.err == nil {
		p.err = &LayoutError{File: p.file, Line: n.Line, Col: n.Column, Key: key, Msg: fmt.Sprintf(format, args...)}
	}
}

// fields walks a mapping node, calling fn for each known key; unknown keys
// are errors naming the keys allowed.
func (p *layoutParser) fields(n *yaml.Node, path string, keys []string, fn func(key string, v *yaml.Node)) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		p.fail(n, path, "应为“键: 值”的映射，实际不是：可用的键有 %s", strings.Join(keys, "、"))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content) && p.err == nil; i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		full := key
		if path != "" {
			full = path + "." + key
		}
		if !containsString(keys, key) {
			p.fail(k, full, "未知的键“%s”：可用的键有 %s", key, strings.Join(keys, "、"))
			return
		}
		if seen[key] {
			p.fail(k, full, "键“%s”重复出现", key)
			return
		}
		seen[key] = true
		fn(full, v)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// str reads a scalar as text ("" for null).
func (p *layoutParser) str(n *yaml.Node, key string) string {
	if n.Kind == yaml.AliasNode {
		p.fail(n, key, "不支持 YAML 别名（*），请直接写出取值")
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		p.fail(n, key, "应为一个文字取值")
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	if len(n.Value) > 200 {
		p.fail(n, key, "取值过长（%d 字节，上限 200）", len(n.Value))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (p *layoutParser) layout(n *yaml.Node, l *Layout) {
	p.fields(n, "", []string{"fonts", "page_numbers", "header", "seal", "record"}, func(key string, v *yaml.Node) {
		switch key {
		case "fonts":
			p.fields(v, key, roleKeys[:], func(rk string, rv *yaml.Node) {
				role := Role(0)
				for i, k := range roleKeys {
					if key+"."+k == rk {
						role = Role(i)
					}
				}
				p.font(rv, rk, role, &l.Fonts[role])
			})
		case "page_numbers":
			switch s := p.str(v, key); s {
			case "", "center", "centre", "居中":
			case "outer", "外侧":
				l.OuterPageNumbers = true
			default:
				p.fail(v, key, "取值“%s”无效：应为 center（居中，默认）或 outer（单页码居右、双页码居左）", s)
			}
		case "header":
			p.fields(v, key, []string{"organ", "number"}, func(hk string, hv *yaml.Node) {
				if hk == "header.organ" {
					l.Header.Organ = p.str(hv, hk)
				} else {
					l.Header.Number = p.str(hv, hk)
				}
			})
		case "seal":
			switch s := p.str(v, key); s {
			case "", "false", "no", "否":
			case "true", "yes", "是":
				l.Seal = true
			default:
				p.fail(v, key, "取值“%s”无效：应为 true（留出印章位置）或 false", s)
			}
		case "record":
			p.fields(v, key, []string{"cc", "issuer", "date"}, func(rk string, rv *yaml.Node) {
				switch rk {
				case "record.cc":
					l.Record.CC = p.str(rv, rk)
				case "record.issuer":
					l.Record.Issuer = p.str(rv, rk)
				default:
					l.Record.Date = p.str(rv, rk)
				}
			})
		}
	})
}

// font reads a role: either a font name (title: 方正小标宋简体) or a
// mapping with font and size.
func (p *layoutParser) font(n *yaml.Node, key string, role Role, spec *FontSpec) {
	if n.Kind == yaml.ScalarNode {
		spec.Font = p.str(n, key)
		spec.Line, spec.Col = n.Line, n.Column
		return
	}
	p.fields(n, key, []string{"font", "size"}, func(k string, v *yaml.Node) {
		if strings.HasSuffix(k, ".font") {
			spec.Font = p.str(v, k)
			spec.Line, spec.Col = v.Line, v.Column
			return
		}
		s := p.str(v, k)
		if s == "" {
			return
		}
		size, ok := parseSize(s)
		lim := sizeLimits[role]
		if !ok {
			p.fail(v, k, "字号“%s”无效：请写磅值（如 15.75）或字号（如 三号、小四、5号）", s)
			return
		}
		if size < lim[0] || size > lim[1] {
			p.fail(v, k, "%s字号 %g 磅超出可用范围（%g–%g 磅）", roleNames[role], size, lim[0], lim[1])
			return
		}
		spec.Size = size
	})
	if spec.Line == 0 {
		spec.Line, spec.Col = n.Line, n.Column
	}
}
