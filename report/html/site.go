package html

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"nianbao/report"
)

// Home is the site's home page: every organ with its years, newest first.
type Home struct {
	Title    string
	Intro    string
	Organs   []HomeOrgan
	DataNote []string // paragraphs explaining the open data downloads
	DataDoc  Link     // link to the open data format document; empty Href when none
}

// HomeOrgan is one organ on the home page.
type HomeOrgan struct {
	ID        string // HTML id of its heading, unique on the page
	Name      string
	TrendHref string // relative link to its trend page, "" when none
	Span      string // 2019—2024年
	Years     []HomeYear
}

// HomeYear is one report listed on the home page.
type HomeYear struct {
	Label     string // 2024年度报告
	Href      string
	Note      string // （2021年版格式）
	Downloads []HomeDownload
}

// HomeDownload is a download link of a listed report; AriaLabel names the
// file fully (2024年度报告 PDF) since the visible label is just "PDF".
type HomeDownload struct {
	Label     string
	AriaLabel string
	Href      string
	Type      string
}

type homeView struct {
	pageView
	Home *Home
}

// WriteHome writes the site's home page. Only o.AssetsDir, o.Mode,
// o.Breadcrumb and o.Templates are used.
func WriteHome(w io.Writer, h *Home, o Options) error {
	l, err := load(o.Templates)
	if err != nil {
		return err
	}
	v := homeView{pageView: newPage(l, o, h.Title, nil), Home: h}
	v.Description = h.Intro
	v.Meta = meta(o, h.Intro, siteKeywords, nil)
	return execute(w, l, "home-page", v)
}

type docView struct {
	pageView
	Body template.HTML
}

// WriteTextPage writes a document page of the site (the open data format
// description): the title as its heading and text, in Markdown, below.
func WriteTextPage(w io.Writer, title, text string, o Options) error {
	l, err := load(o.Templates)
	if err != nil {
		return err
	}
	body, err := markdown(text)
	if err != nil {
		return err
	}
	v := docView{pageView: newPage(l, o, title, nil), Body: body}
	v.Description = title
	v.Meta = meta(o, title, siteKeywords, nil)
	return execute(w, l, "text-page", v)
}

// md renders nianbao's own Markdown documents (CommonMark with GFM tables)
// through goldmark with its defaults for safety: raw HTML is omitted, never
// passed through. Soft line breaks between Chinese characters are dropped
// (a browser would show them as spaces). docLayout fits the result into a
// page that prints its own title.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft))),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(docLayout{}, 0))),
	// A smaller priority wins: docLayout draws tables instead of the table
	// extension (500).
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(docLayout{}, 100))),
)

func markdown(src string) (template.HTML, error) {
	var b strings.Builder
	if err := md.Convert([]byte(src), &b); err != nil {
		return "", fmt.Errorf("文档无法转换为网页：%w", err)
	}
	return template.HTML(b.String()), nil
}

// docLayout drops the document's first "#" heading (the page prints its
// title as the h1) and moves every other heading one level down, marks the
// header cells of tables as column headers, and draws tables with the
// site's table style inside a box that scrolls on phones.
type docLayout struct{}

func (docLayout) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var title ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c, ok := n.(*east.TableCell); ok {
			if _, head := c.Parent().(*east.TableHeader); head {
				c.SetAttributeString("scope", "col")
			}
			return ast.WalkSkipChildren, nil
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			return ast.WalkContinue, nil
		}
		if h.Level == 1 && title == nil {
			title = h
		}
		h.Level = min(h.Level+1, 6)
		return ast.WalkSkipChildren, nil
	})
	if title != nil {
		title.Parent().RemoveChild(title.Parent(), title)
	}
}

func (docLayout) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(east.KindTable, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<div class="nb-table-box"><table class="nb-table nb-doc-table">` + "\n")
		} else {
			_, _ = w.WriteString("</table></div>\n")
		}
		return ast.WalkContinue, nil
	})
}

type trendView struct {
	pageView
	Trend   *report.TrendDoc
	Tables  []tableView
	Reports []Link
}

// WriteTrend writes an organ's multi-year page; reports links each year's
// report page.
func WriteTrend(w io.Writer, t *report.TrendDoc, reports []Link, o Options) error {
	l, err := load(o.Templates)
	if err != nil {
		return err
	}
	v := trendView{pageView: newPage(l, o, t.Title, t.Charts), Trend: t, Reports: reports}
	v.Description = t.Title
	v.Meta = meta(o, t.Title, siteKeywords, nil)
	for _, g := range t.Tables {
		tv := viewGrid(g)
		tv.Class = "nb-trend-table"
		v.Tables = append(v.Tables, tv)
	}
	return execute(w, l, "trend-page", v)
}
