package datafile

import (
	"fmt"
	"nianbao/report"
	"strings"

	"go.yaml.in/yaml/v3"
)

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
			return "数字 " + report.Visible(n.Value)
		case "!!bool":
			return "布尔值 " + report.Visible(n.Value)
		}
		return "文字“" + report.Clip(report.Visible(n.Value), 20) + "”"
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
		if j := l.splitMapNumber(n, i, path); j > i {
			i = j - 2
			continue
		}
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
			l.add(k, joinPath(path, report.Visible(k.Value)), "S-3", "重复的键“%s”：第 %d 行已经写过。请删除其中一个", report.Visible(k.Value), prev.key.Line)
			continue
		}
		if !contains(allowed, k.Value) {
			msg := fmt.Sprintf("未知的键“%s”", report.Visible(k.Value))
			if h, ok := callHint(hint, k.Value); ok {
				msg += "：" + h
			} else if s := report.Nearest(k.Value, allowed); s != "" {
				msg += fmt.Sprintf("，是不是“%s”？", s)
			} else {
				msg += "。此处可用的键：" + strings.Join(allowed, "、")
			}
			l.add(k, joinPath(path, report.Visible(k.Value)), "S-2", "%s", msg)
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
