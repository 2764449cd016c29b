package html

import (
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"title dropped, levels shifted", "# 标题\n\n## 小节\n### 细节", "<h3>小节</h3>\n<h4>细节</h4>\n"},
		{"Chinese lines joined", "第一行\n第二行\n\n下一段", "<p>第一行第二行</p>\n<p>下一段</p>\n"},
		{"code and escaping", "写作 `<script>` & `a&b`", "<p>写作 <code>&lt;script&gt;</code> &amp; <code>a&amp;b</code></p>\n"},
		{"raw HTML omitted", "段落 <b onclick=x>粗</b>\n\n<script>alert(1)</script>\n", "<p>段落 <!-- raw HTML omitted -->粗<!-- raw HTML omitted --></p>\n<!-- raw HTML omitted -->\n"},
		{"list", "- 一项\n  续行\n- 二项", "<ul>\n<li>一项续行</li>\n<li>二项</li>\n</ul>\n"},
		{"table", "| 字段 | 含义 |\n|---|---|\n| `key` | 路径 <b> |", `<div class="nb-table-box"><table class="nb-table nb-doc-table">` + "\n" +
			"<thead>\n<tr>\n<th scope=\"col\">字段</th>\n<th scope=\"col\">含义</th>\n</tr>\n</thead>\n<tbody>\n" +
			"<tr>\n<td><code>key</code></td>\n<td>路径 <!-- raw HTML omitted --></td>\n</tr>\n</tbody>\n</table></div>\n"},
		{"second h1 kept as h2", "# 一\n# 二", "<h2>二</h2>\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := markdown(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want {
				t.Errorf("markdown(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func TestMarkdownDangerousLink(t *testing.T) {
	got, err := markdown("[点击](javascript:alert(1))")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(got), "javascript:") {
		t.Errorf("markdown kept a javascript: link: %q", got)
	}
}
