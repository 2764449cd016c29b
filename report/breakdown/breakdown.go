// Package breakdown writes the per-unit breakdown of a merge (汇总单位明细)
// as a self-contained HTML page and as an XLSX workbook. It lays out a
// report.Breakdown and does no arithmetic: every figure and share is
// already final text (or, for XLSX number cells, the count itself).
package breakdown

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/xuri/excelize/v2"

	"nianbao/report"
)

var page = template.Must(template.New("breakdown").Parse(`<!DOCTYPE html>
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
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="summary">{{.Summary}}</p>
<table>
<caption>各单位主要数字（件）及占{{.Region}}汇总数的比例</caption>
<thead>
<tr><th rowspan="2" scope="col">单位</th><th rowspan="2" scope="col">报送情况</th>{{range .Columns}}<th colspan="2" scope="colgroup">{{.}}</th>{{end}}<th rowspan="2" scope="col">数据文件</th></tr>
<tr>{{range .Columns}}<th scope="col">件数</th><th scope="col">占比</th>{{end}}</tr>
</thead>
<tbody>
{{range .Units}}{{$u := .}}<tr{{if eq .Status "未报送"}} class="missing"{{else if not .Included}} class="invalid"{{end}}><th scope="row">{{.Organ}}</th><td>{{.Status}}</td>{{range $i, $v := .Values}}<td class="num">{{$v}}</td><td class="share">{{index $u.Shares $i}}</td>{{end}}<td class="file">{{.File}}</td></tr>
{{end}}</tbody>
<tfoot>
<tr class="total"><th scope="row">{{.Total.Organ}}</th><td></td>{{range $i, $v := .Total.Values}}<td class="num">{{$v}}</td><td class="share">{{index $.Total.Shares $i}}</td>{{end}}<td></td></tr>
</tfoot>
</table>
</body>
</html>
`))

// HTML returns the breakdown as a self-contained HTML page: no scripts, no
// external URLs; every text is escaped by html/template.
func HTML(b *report.Breakdown) ([]byte, error) {
	var buf bytes.Buffer
	if err := page.Execute(&buf, b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

const sheetName = "汇总单位明细"

// XLSX returns the breakdown as a workbook with one sheet. It is
// deterministic: the document dates come from the data (Breakdown.MetaDate),
// never from the clock.
func XLSX(b *report.Breakdown) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("生成工作簿时出现内部错误：%v", p)
		}
	}()
	f := excelize.NewFile()
	defer f.Close()
	w := &xw{f: f}
	w.do(f.SetSheetName("Sheet1", sheetName))
	head := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Border: borders(), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	text := w.style(&excelize.Style{Border: borders(), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	num := w.style(&excelize.Style{Border: borders(), NumFmt: 1})
	right := w.style(&excelize.Style{Border: borders(), Alignment: &excelize.Alignment{Horizontal: "right"}})
	title := w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	totalText := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: borders()})
	totalNum := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: borders(), NumFmt: 1})
	totalRight := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: borders(), Alignment: &excelize.Alignment{Horizontal: "right"}})

	lastCol := 2 + 2*len(b.Columns) + 1
	cell := func(col, row int) string {
		name, err := excelize.CoordinatesToCellName(col, row)
		w.do(err)
		return name
	}
	set := func(col, row int, v any, style int) {
		ref := cell(col, row)
		w.do(f.SetCellValue(sheetName, ref, v))
		w.do(f.SetCellStyle(sheetName, ref, ref, style))
	}
	set(1, 1, b.Title, title)
	w.do(f.MergeCell(sheetName, cell(1, 1), cell(lastCol, 1)))
	set(1, 2, b.Summary, w.style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}}))
	w.do(f.MergeCell(sheetName, cell(1, 2), cell(lastCol, 2)))

	// Two header rows: figure names spanning 件数 and 占比.
	set(1, 3, "单位", head)
	set(2, 3, "报送情况", head)
	set(lastCol, 3, "数据文件", head)
	for _, c := range []int{1, 2, lastCol} {
		set(c, 4, "", head)
		w.do(f.MergeCell(sheetName, cell(c, 3), cell(c, 4)))
	}
	for i, name := range b.Columns {
		col := 3 + 2*i
		set(col, 3, name, head)
		set(col+1, 3, "", head)
		w.do(f.MergeCell(sheetName, cell(col, 3), cell(col+1, 3)))
		set(col, 4, "件数", head)
		set(col+1, 4, "占比", head)
	}
	row := 5
	for _, u := range b.Units {
		set(1, row, u.Organ, text)
		set(2, row, u.Status, text)
		for i := range b.Columns {
			if u.Included {
				set(3+2*i, row, u.Counts[i], num)
			} else {
				set(3+2*i, row, u.Values[i], right)
			}
			set(4+2*i, row, u.Shares[i], right)
		}
		set(lastCol, row, u.File, text)
		row++
	}
	set(1, row, b.Total.Organ, totalText)
	set(2, row, "", totalText)
	for i := range b.Columns {
		set(3+2*i, row, b.Total.Counts[i], totalNum)
		set(4+2*i, row, b.Total.Shares[i], totalRight)
	}
	set(lastCol, row, "", totalText)

	w.do(f.SetColWidth(sheetName, "A", "A", 30))
	w.do(f.SetColWidth(sheetName, "B", "B", 16))
	last, err := excelize.ColumnNumberToName(lastCol)
	w.do(err)
	second, err := excelize.ColumnNumberToName(lastCol - 1)
	w.do(err)
	w.do(f.SetColWidth(sheetName, "C", second, 9))
	w.do(f.SetColWidth(sheetName, last, last, 36))
	w.do(f.SetPanes(sheetName, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 4, TopLeftCell: "B5", ActivePane: "bottomRight"}))
	stamp := b.MetaDate + "T00:00:00Z"
	w.do(f.SetDocProps(&excelize.DocProperties{
		Title:          b.Title,
		Subject:        b.Subject,
		Creator:        b.Region,
		LastModifiedBy: b.Region,
		Keywords:       fmt.Sprintf("政府信息公开,年度报告,汇总,%s,%d", b.Region, b.Year),
		Description:    "由 nianbao merge 生成。",
		Language:       "zh-CN",
		Created:        stamp,
		Modified:       stamp,
	}))
	if w.err != nil {
		return nil, w.err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// xw keeps the first excelize error.
type xw struct {
	f   *excelize.File
	err error
}

func (w *xw) do(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

func (w *xw) style(s *excelize.Style) int {
	if s.Font == nil {
		s.Font = &excelize.Font{}
	}
	if s.Font.Family == "" {
		s.Font.Family = "宋体"
	}
	if s.Font.Size == 0 {
		s.Font.Size = 11
	}
	id, err := w.f.NewStyle(s)
	w.do(err)
	return id
}

func borders() []excelize.Border {
	var b []excelize.Border
	for _, t := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: t, Color: "000000", Style: 1})
	}
	return b
}
