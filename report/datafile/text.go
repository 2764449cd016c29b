package datafile

import (
	"nianbao/report"
	"strings"

	"go.yaml.in/yaml/v3"
)

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
		t.Body = strings.TrimSpace(l.cleanText(v, path, v.Value))
		if t.Body == "" && s.Required {
			l.add(v, path, "TX-6", "“%s”为空。这是条例第五十条要求的内容，请填写；确实没有的也应写明情况", s.Title)
		}
		r.Text[i] = t
	}
}
