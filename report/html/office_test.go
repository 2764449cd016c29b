package html

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	xhtml "golang.org/x/net/html"

	"nianbao/report"
	"nianbao/templates"
)

// builtinCopy is a writable copy of the built-in templates.
func builtinCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(templates.FS, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.FS, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestOfficeShellAndCSS: an office's own page shell and stylesheet both
// show in the output, in every kind of full page.
func TestOfficeShellAndCSS(t *testing.T) {
	m := builtinCopy(t)
	common := string(m["html/common.tmpl"].Data)
	const shell = `<div class="portal-head">示例市人民政府门户网站</div>`
	common = strings.Replace(common, `<a class="nb-skip" href="#main">跳到正文</a>`, `<a class="nb-skip" href="#main">跳到正文</a>`+"\n"+shell, 1)
	m["html/common.tmpl"] = &fstest.MapFile{Data: []byte(common)}
	m["html/nianbao.css"] = &fstest.MapFile{Data: append(m["html/nianbao.css"].Data, "\n.nianbao { --nb-accent: #0b4f8a; }\n"...)}
	reports := loadFixtures(t)
	d := docOf(reports, 3)
	for _, o := range []Options{{Mode: ModeSelfContained, Templates: m}, {Templates: m}} {
		page := renderPage(t, d, o)
		if !bytes.Contains(page, []byte(shell)) {
			t.Errorf("mode %v: the office's shell is missing", o.Mode)
		}
		css := page
		if o.Mode == ModePage {
			files, err := Assets(o)
			if err != nil {
				t.Fatal(err)
			}
			css = files[0].Data
		}
		if !bytes.Contains(css, []byte("--nb-accent: #0b4f8a;")) {
			t.Errorf("mode %v: the office's stylesheet is missing", o.Mode)
		}
	}
	var b bytes.Buffer
	if err := WriteHome(&b, homeOf(reports), Options{Templates: m}); err != nil || !bytes.Contains(b.Bytes(), []byte(shell)) {
		t.Errorf("home page: shell missing (err %v)", err)
	}
	if err := Check(Options{Templates: m}, reports[3]); err != nil {
		t.Errorf("Check of a good template set: %v", err)
	}
}

// TestTemplateErrors: a mistake in a template is found by Check and named
// by file, line and cause; a template cannot call a function that would
// switch off escaping.
func TestTemplateErrors(t *testing.T) {
	reports := loadFixtures(t)
	for _, tc := range []struct {
		name, old, new string
		want           []string
	}{
		{"unknown field", `<h1 class="nb-title">{{.Doc.Title}}</h1>`, `<h1 class="nb-title">{{.Doc.Titel}}</h1>`,
			[]string{"html/report.tmpl:", "模板引用了不存在的字段 Titel（在 {{.Doc.Titel}} 处）"}},
		{"unescaping function", `<h1 class="nb-title">{{.Doc.Title}}</h1>`, `<h1 class="nb-title">{{.Doc.Title | safeHTML}}</h1>`,
			[]string{"html/report.tmpl:", "没有名为 safeHTML 的函数"}},
		{"syntax", `{{define "info-table" -}}`, `{{define "info-table" -}}{{if}}`,
			[]string{"html/report.tmpl:", "{{if}} 后缺少条件或值"}},
		{"stray character", `{{define "info-table" -}}`, `{{define "info-table" -}}{{if /x}}{{end}}`,
			[]string{"html/report.tmpl:", "{{if …}} 中出现了不该有的“/”"}},
		{"unclosed if", `{{define "info-table" -}}`, `{{define "info-table" -}}{{if .Doc}}`,
			[]string{"html/report.tmpl:", "缺少对应的 {{end}}"}},
		{"stray end", `{{define "info-table" -}}`, `{{define "info-table" -}}{{end}}{{end}}`,
			[]string{"html/report.tmpl:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := builtinCopy(t)
			src := string(m["html/report.tmpl"].Data)
			if !strings.Contains(src, tc.old) {
				t.Fatalf("report.tmpl lacks %q", tc.old)
			}
			m["html/report.tmpl"] = &fstest.MapFile{Data: []byte(strings.Replace(src, tc.old, tc.new, 1))}
			err := Check(Options{Templates: m}, reports[3])
			if err == nil {
				t.Fatal("Check passed a broken template")
			}
			var te *TemplateErr
			if !errors.As(err, &te) || te.Line == "" {
				t.Errorf("error %v is not a TemplateErr with a line", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			// The library's English is explained, never shown.
			if strings.Contains(err.Error(), "unexpected") || strings.Contains(err.Error(), "can't evaluate") || strings.Contains(err.Error(), "模板引擎报告") {
				t.Errorf("error %q is not in Chinese", err)
			}
		})
	}
}

// TestMetaAndInfoTable: every full page carries the guideline's <meta>
// tags, escaped; the report page shows the information table.
func TestMetaAndInfoTable(t *testing.T) {
	reports := loadFixtures(t)
	d := docOf(reports, 3)
	d.IndexNumber, d.DocumentNumber, d.Topic, d.Published = "000014349/2023-00001", "测政办〔2023〕1号", "综合政务/政务公开", "2023-01-22"
	site := report.Site{Name: `测试县"人民政府<script>`, Domain: "www.ce.example", IDCode: "0000000009", Column: "年报", BaseURL: "https://www.ce.example/nb/"}
	page := renderPage(t, d, Options{Site: site, URL: "organ/2022.html"})
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	walk(doc, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "meta" && attr(n, "name") != "" {
			got[attr(n, "name")] = attr(n, "content")
		}
	})
	want := map[string]string{
		"SiteName": site.Name, "SiteDomain": "www.ce.example", "SiteIDCode": "0000000009", "ColumnName": "年报",
		"ArticleTitle": d.Title, "PubDate": "2023-01-22", "ContentSource": d.Organ, "Keywords": d.Keywords,
		"Author": d.Organ, "Description": d.Subject, "Url": "https://www.ce.example/nb/organ/2022.html",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("meta %s = %q, want %q", k, got[k], v)
		}
	}
	if bytes.Contains(page, []byte("<script>\"")) || bytes.Contains(page, []byte(`人民政府<script>`)) {
		t.Error("the site name is not escaped")
	}
	for _, s := range []string{"<dt>索引号</dt><dd>000014349/2023-00001</dd>", "<dt>文号</dt><dd>测政办〔2023〕1号</dd>",
		"<dt>主题分类</dt><dd>综合政务/政务公开</dd>", "<dt>发布日期</dt><dd>2023-01-22</dd>", "<dt>发布机构</dt><dd>" + d.Organ + "</dd>"} {
		if !bytes.Contains(page, []byte(s)) {
			t.Errorf("information table lacks %s", s)
		}
	}
	var b bytes.Buffer
	if err := WriteHome(&b, homeOf(reports), Options{Site: site, URL: "index.html"}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`<meta name="SiteIDCode" content="0000000009">`, `<meta name="Url" content="https://www.ce.example/nb/index.html">`} {
		if !bytes.Contains(b.Bytes(), []byte(s)) {
			t.Errorf("home page lacks %s", s)
		}
	}
	frag := renderPage(t, d, Options{Mode: ModeFragment, Site: site})
	if bytes.Contains(frag, []byte("<meta")) || bytes.Contains(frag, []byte("nb-info\"")) {
		t.Error("a fragment carries <meta> tags or the information table")
	}
}

// TestFragmentInlineStyles: in a fragment every table, caption and cell
// carries its rules in a style attribute, so the tables stay ruled when a
// CMS strips the <style> block.
func TestFragmentInlineStyles(t *testing.T) {
	d := docOf(loadFixtures(t), 3)
	page := renderPage(t, d, Options{Mode: ModeFragment})
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	walk(doc, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		switch n.Data {
		case "table", "th", "td":
			counts[n.Data]++
			if !strings.Contains(attr(n, "style"), "border") {
				t.Errorf("<%s id=%q> has no border in its style attribute", n.Data, attr(n, "id"))
			}
		case "caption":
			if !strings.Contains(attr(n, "style"), "font-weight:bold") {
				t.Errorf("caption %q has no style", attr(n, "id"))
			}
		}
	})
	if counts["table"] < 3 || counts["td"] < 100 {
		t.Errorf("fragment has %v tables and cells, want the statutory tables", counts)
	}
	full := renderPage(t, d, Options{})
	if bytes.Contains(full, []byte(` style="border`)) {
		t.Error("a full page carries inline table styles")
	}
}
