package datafile

import (
	"bytes"
	"fmt"
	"nianbao/report"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

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
	pos, msg := YAMLSyntax(data, err)
	l.addAt(pos, "", "S-1", "%s", msg)
}

// YAMLSyntax explains in Chinese a syntax error err that yaml.v3 gave
// decoding data (a data file, site.yaml, layout.yaml): the position of
// the mistake (line and column, 1-based; zero when unknown) and the
// message, "YAML 语法错误：…" for the known classes of error, with the
// parser's own words only for an unknown one. Every YAML file of nianbao
// explains its syntax errors with it.
func YAMLSyntax(data []byte, err error) (report.Pos, string) {
	msg := err.Error()
	pos := report.Pos{}
	if m := unknownAnchorRE.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			pos.Line = 1 + bytes.Count(data[:i], []byte("\n"))
			pos.Col = 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i])
		}
		return pos, fmt.Sprintf("引用了未定义的锚点“*%s”：请先用“&%s”定义，或直接写出数值", m[1], m[1])
	}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		pos.Line = n
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if p, zh, ok := truePos(data, pos.Line, msg); ok {
		pos = p
		if zh != "" {
			return pos, "YAML 语法错误：" + zh
		}
	}
	for _, t := range yamlMessages {
		if strings.Contains(msg, t.en) {
			return pos, "YAML 语法错误：" + t.zh
		}
	}
	return pos, fmt.Sprintf("YAML 语法错误（解析器原文：%s）。请对照 `nianbao init` 生成的模板检查格式", msg)
}
