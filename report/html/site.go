package html

import (
	"html/template"
	"io"

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

// WriteHome writes the site's home page. Only o.AssetsDir, o.Mode and
// o.Breadcrumb are used.
func WriteHome(w io.Writer, h *Home, o Options) error {
	l, err := load()
	if err != nil {
		return err
	}
	v := homeView{pageView: newPage(l, o, h.Title, nil), Home: h}
	v.Description = h.Intro
	return execute(w, l, "home-page", v)
}

type docView struct {
	pageView
	Body template.HTML
}

// WriteTextPage writes a document page of the site (the open data format
// description): the title as its heading and text, in the Markdown subset
// of markdown(), below.
func WriteTextPage(w io.Writer, title, text string, o Options) error {
	l, err := load()
	if err != nil {
		return err
	}
	v := docView{pageView: newPage(l, o, title, nil), Body: markdown(text)}
	v.Description = title
	return execute(w, l, "text-page", v)
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
	l, err := load()
	if err != nil {
		return err
	}
	v := trendView{pageView: newPage(l, o, t.Title, t.Charts), Trend: t, Reports: reports}
	v.Description = t.Title
	for _, g := range t.Tables {
		tv := viewGrid(g)
		tv.Class = "nb-trend-table"
		v.Tables = append(v.Tables, tv)
	}
	return execute(w, l, "trend-page", v)
}
