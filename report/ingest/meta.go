package ingest

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"nianbao/report"
)

// Page metadata. A portal's article page shows an information table (索引号,
// 发布机构, 发布日期, 文号, 主题分类) above the report, as label and value
// cells (<td>索引号：</td><td>…</td>, <dt>索引号</dt><dd>…</dd>) or as
// "索引号：…" in one element, and carries the government-website guideline's
// <meta> tags (PubDate, ContentSource). They become the data file's CMS
// keys, so `init --from` on an ingested report keeps them.

// metaKeys maps the information table's labels to the data file's keys.
var metaKeys = map[string]string{
	"索引号": "index_number", "发布机构": "publisher", "发文机关": "publisher",
	"文号": "document_number", "发文字号": "document_number",
	"发布日期": "published", "主题分类": "topic",
}

// metaLabels are metaKeys' labels in a fixed order (deterministic reading).
var metaLabels = []string{"索引号", "发布机构", "发文机关", "文号", "发文字号", "发布日期", "主题分类"}

var metaDateRE = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)

// pageMeta reads the information table and the <meta> tags of doc; the
// result maps data-file keys to values. The first value of a key wins.
func pageMeta(doc *html.Node) map[string]string {
	out := map[string]string{}
	set := func(key, val string) {
		val = strings.TrimSpace(val)
		if key == "published" {
			m := metaDateRE.FindStringSubmatch(val)
			if m == nil {
				return
			}
			val = m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
		}
		if _, done := out[key]; !done && val != "" && len([]rune(val)) <= 200 && !strings.ContainsFunc(val, report.Invisible) {
			out[key] = val
		}
	}
	count := 0
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if count++; count > 1_000_000 || depth > 400 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				switch strings.ToLower(attr(n, "name")) {
				case "pubdate":
					set("published", attr(n, "content"))
				case "contentsource":
					set("publisher", attr(n, "content"))
				}
			case atom.Td, atom.Th, atom.Dt, atom.Span, atom.Li, atom.Div, atom.P, atom.Label, atom.B, atom.Strong:
				text := norm(textContent(n, 300))
				if len([]rune(text)) > 120 {
					break
				}
				if key, ok := metaKeys[strings.TrimRight(text, "：:")]; ok {
					// A label cell: the value is the next cell.
					if nx := nextElement(n); nx != nil {
						set(key, cutAtLabel(norm(textContent(nx, 300))))
					}
					break
				}
				// "索引号：…主题分类：…": every label of the line with its value.
				for _, label := range metaLabels {
					key := metaKeys[label]
					for _, colon := range []string{"：", ":"} {
						if k := strings.Index(text, label+colon); k >= 0 && (k == 0 || !strings.HasSuffix(text[:k], "发")) {
							set(key, cutAtLabel(text[k+len(label+colon):]))
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1)
		}
	}
	visit(doc, 0)
	return out
}

// cutAtLabel ends a value where the next label of the information table
// begins (索引号：…主题分类：… in one line).
func cutAtLabel(v string) string {
	for _, l := range infoLabels {
		if i := strings.Index(v, l+"："); i >= 0 {
			v = v[:i]
		}
		if i := strings.Index(v, l+":"); i >= 0 {
			v = v[:i]
		}
	}
	return v
}

// nextElement is the element after n among its siblings (the value cell
// after a label cell), or nil.
func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// setMeta puts the page's metadata into r: 发布机构 only when it is not the
// organ itself (the default), the others as found.
func setMeta(r *report.Report, m map[string]string) {
	if r == nil {
		return
	}
	r.IndexNumber = m["index_number"]
	if p := m["publisher"]; p != r.Organ {
		r.Publisher = p
	}
	r.DocumentNumber = m["document_number"]
	r.Published = m["published"]
	r.Topic = m["topic"]
}
