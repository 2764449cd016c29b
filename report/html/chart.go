package html

import (
	"html/template"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/render"

	"nianbao/report"
)

// chartView is one chart for the template: the container the script draws
// into, its title and text summary, the ECharts option (already safe for a
// <script> element) and the data table printed beside it.
type chartView struct {
	ID      string
	Title   string
	Summary string
	Option  template.JS
	Table   tableView
}

// chartText is every string we give go-echarts. go-echarts (v2.6.7) writes
// the option JSON with HTML escaping off, so a label holding </script> would
// end our <script> element. Entities cannot be used instead: ECharts draws
// text literally, so "&lt;" would show as "&lt;". So strings go in as they
// are and safeOption escapes <, > and & in the JSON that comes out, as
// \u003c, \u003e, \u0026: the same characters to JavaScript, inert to HTML.
// TestChartEscaping checks that every string reads back unchanged.
func chartText(s string) string { return s }

// optionEscaper rewrites the characters that could end a <script> element
// or start markup. In JSON they can only occur inside strings, where the
// \u escapes mean the same characters.
var optionEscaper = strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`, "\u2028", `\u2028`, "\u2029", `\u2029`)

func safeOption(s string) template.JS {
	return template.JS(optionEscaper.Replace(strings.TrimSpace(s)))
}

// echartsOption builds the chart with go-echarts and returns its option
// JSON: exactly RenderSnippet().Option (TestOptionIsRenderSnippet checks
// it), taken from the chart after the Validate step RenderSnippet runs
// first, because RenderSnippet re-parses three templates per call (about
// 1 ms a chart, most of the page's time budget) to produce an element and a
// script we do not use: our templates write the container and a guarded
// init script themselves. The chart id is the Doc's stable Chart.ID and the
// assets host our own relative assets/ folder (the go-echarts default is a
// public CDN); neither appears in the option.
func echartsOption(c report.Chart, assets string) template.JS {
	return safeOption(string(newEChart(c, assets).JSONNotEscaped()))
}

// snippetOption is the same option through RenderSnippet, for the test.
func snippetOption(c report.Chart, assets string) template.JS {
	return safeOption(newEChart(c, assets).RenderSnippet().Option)
}

// eChart is what the go-echarts chart types we use have in common.
type eChart interface {
	RenderSnippet() render.ChartSnippet
	JSONNotEscaped() template.HTML
	Validate()
}

func newEChart(c report.Chart, assets string) eChart {
	init := opts.Initialization{
		ChartID:    strings.ReplaceAll(c.ID, "-", "_"),
		AssetsHost: assets,
		Renderer:   "svg",
		Width:      "100%",
		Height:     "320px",
		Theme:      "white",
		PageTitle:  chartText(c.Title),
	}
	multi := len(c.Series) > 1
	legend := opts.Legend{Show: opts.Bool(multi), Bottom: "0", Type: "scroll"}
	grid := opts.Grid{Left: "3%", Right: "4%", Top: "36", Bottom: "48", ContainLabel: opts.Bool(true)}
	if !multi {
		grid.Bottom = "12"
	}
	xaxis := opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0", HideOverlap: opts.Bool(false)}}
	yaxis := opts.YAxis{Type: "value", Name: chartText(c.Unit), MinInterval: 1}
	cats := make([]string, len(c.Categories))
	for i, s := range c.Categories {
		cats[i] = chartText(s)
	}
	global := []charts.GlobalOpts{
		charts.WithInitializationOpts(init),
		charts.WithColorsOpts(opts.Colors{"#2f5597", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6"}),
		charts.WithAnimation(false),
		charts.WithLegendOpts(legend),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(grid),
		charts.WithXAxisOpts(xaxis),
		charts.WithYAxisOpts(yaxis),
	}
	var ch eChart
	switch c.Kind {
	case "line":
		l := charts.NewLine()
		l.SetGlobalOptions(global...)
		l.SetXAxis(cats)
		for _, s := range c.Series {
			data := make([]opts.LineData, len(s.Values))
			for i, v := range s.Values {
				data[i] = opts.LineData{Value: v}
			}
			// Values of several lines overlap; the data table beside the chart has them all.
			l.AddSeries(chartText(s.Name), data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(!multi), Position: "top"}))
		}
		ch = l
	default:
		bar := charts.NewBar()
		bar.SetGlobalOptions(global...)
		bar.SetXAxis(cats)
		for _, s := range c.Series {
			data := make([]opts.BarData, len(s.Values))
			for i, v := range s.Values {
				data[i] = opts.BarData{Value: v}
			}
			bar.AddSeries(chartText(s.Name), data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
		}
		ch = bar
	}
	ch.Validate()
	return ch
}

func viewChart(c report.Chart, assets string) chartView {
	return chartView{ID: c.ID, Title: c.Title, Summary: c.Summary, Option: echartsOption(c, assets), Table: chartTable(c)}
}
