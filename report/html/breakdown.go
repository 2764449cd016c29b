package html

import (
	"bytes"
	"html/template"

	"nianbao/report"
)

var breakdownPage = template.Must(template.New("breakdown").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #111; }
h1 { font-size: 1.4em; text-align: center; }
p.summary { text-align: center; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
caption { caption-side: top; text-align: left; padding: 0.4em 0; color: #333; }
th, td { border: 1px solid #444; padding: 0.3em 0.5em; }
th { background: #f2f2f2; font-weight: bold; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.share { text-align: right; color: #555; white-space: nowrap; }
tr.missing td, tr.invalid td { background: #fff4e5; }
tr.total td, tr.total th { font-weight: bold; background: #f7f7f7; }
td.file { font-family: monospace; font-size: 0.85em; color: #555; }
h2 { font-size: 1.15em; margin-top: 1.6em; }
div.wide { overflow-x: auto; }
table.lines th[scope="row"] { text-align: left; font-weight: normal; background: none; min-width: 16em; }
table.lines th.level1 { padding-left: 1.5em; }
table.lines th.level2 { padding-left: 2.5em; }
table.lines td:last-child { font-weight: bold; background: #f7f7f7; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="summary">{{.Summary}}</p>
<table>
<caption>各单位主要数字（件）及占{{.Region}}汇总数的比例</caption>
<thead>
<tr><th rowspan="2" scope="col">单位</th><th rowspan="2" scope="col">报送情况</th>{{range .Columns}}<th colspan="2" scope="colgroup">{{.}}</th>{{end}}{{if .Files}}<th rowspan="2" scope="col">数据文件</th>{{end}}</tr>
<tr>{{range .Columns}}<th scope="col">件数</th><th scope="col">占比</th>{{end}}</tr>
</thead>
<tbody>
{{range .Units}}{{$u := .}}<tr{{if eq .Status "未报送"}} class="missing"{{else if not .Included}} class="invalid"{{end}}><th scope="row">{{.Organ}}</th><td>{{.Status}}</td>{{range $i, $v := .Values}}<td class="num">{{$v}}</td><td class="share">{{index $u.Shares $i}}</td>{{end}}{{if $.Files}}<td class="file">{{.File}}</td>{{end}}</tr>
{{end}}</tbody>
<tfoot>
<tr class="total"><th scope="row">{{.Total.Organ}}</th><td></td>{{range $i, $v := .Total.Values}}<td class="num">{{$v}}</td><td class="share">{{index $.Total.Shares $i}}</td>{{end}}{{if .Files}}<td></td>{{end}}</tr>
</tfoot>
</table>
{{range .Tables}}
<h2>{{.Caption}}{{if .Unit}}（{{.Unit}}）{{end}}</h2>
<div class="wide">
<table class="lines">
<thead>
<tr>{{range .Heads}}<th scope="col">{{.}}</th>{{end}}</tr>
</thead>
<tbody>
{{range .Lines}}<tr><th scope="row" class="level{{.Level}}">{{.Label}}</th>{{range .Cells}}<td class="num">{{.Text}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
{{end}}
</body>
</html>
`))

// BreakdownPage returns the per-unit breakdown of a merge (汇总单位明细)
// as a self-contained HTML page: no scripts, no external URLs; every text
// is escaped by html/template. It lays out b and does no arithmetic.
func BreakdownPage(b *report.Breakdown) ([]byte, error) {
	var buf bytes.Buffer
	if err := breakdownPage.Execute(&buf, b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
