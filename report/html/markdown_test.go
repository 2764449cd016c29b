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
		{"paragraph lines joined", "第一行\n第二行\n\n下一段", "<p>第一行第二行</p>\n<p>下一段</p>\n"},
		{"code and escaping", "写作 `<script>` & `a&b`", "<p>写作 <code>&lt;script&gt;</code> &amp; <code>a&amp;b</code></p>\n"},
		{"unclosed backtick stays text", "a `b", "<p>a `b</p>\n"},
		{"list with continuation", "- 一项\n  续行\n- 二项", "<ul>\n<li>一项续行</li>\n<li>二项</li>\n</ul>\n"},
		{"table", "| 字段 | 含义 |\n|---|---|\n| `key` | 路径 <b> |", `<div class="nb-table-box"><table class="nb-table nb-doc-table">` + "\n" +
			`<thead><tr><th scope="col">字段</th><th scope="col">含义</th></tr></thead>` + "\n<tbody>\n" +
			"<tr><td><code>key</code></td><td>路径 &lt;b&gt;</td></tr>\n</tbody></table></div>\n"},
		{"second h1 kept as h2", "# 一\n# 二", "<h2>二</h2>\n"},
		{"lone dash", "- ", "<p>-</p>\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := string(markdown(c.in)); got != c.want {
				t.Errorf("markdown(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// FuzzMarkdown: any text renders without panicking and never lets a tag
// through.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"# a\n- b\n  c\n| x | y |\n|---|---|\n| `z` | <i> |", "`", "|", "- ", "#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(markdown(s))
		clean := strings.NewReplacer("<p>", "", "</p>", "", "<h2>", "", "</h2>", "", "<h3>", "", "</h3>", "", "<h4>", "", "</h4>", "",
			"<h5>", "", "</h5>", "", "<h6>", "", "</h6>", "", "<ul>", "", "</ul>", "", "<li>", "", "</li>", "", "<code>", "", "</code>", "",
			`<div class="nb-table-box"><table class="nb-table nb-doc-table">`, "", "</tbody></table></div>", "", "<thead><tr>", "",
			"</tr></thead>", "", "<tbody>", "", "<tr>", "", "</tr>", "", `<th scope="col">`, "", "</th>", "", "<td>", "", "</td>", "").Replace(out)
		if strings.Contains(clean, "<") {
			t.Fatalf("markdown(%q) let markup through: %q", s, out)
		}
	})
}
