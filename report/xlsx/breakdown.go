package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/report"
)

// breakdownSheet is the first sheet of the breakdown workbook: units,
// statuses and key figures; breakdownLinesSheet holds every row of every
// table, unit by unit.
const (
	breakdownSheet      = "汇总单位明细"
	breakdownLinesSheet = "各表逐行明细"
)

// linesSheet writes b.Tables on their own sheet: per table a caption row,
// a head row (项目, units, 合计) and a row per statutory row; counts are
// number cells, amounts and — text.
func linesSheet(w *writer, b *report.Breakdown, head, text, num, right int) {
	f := w.f
	_, err := f.NewSheet(breakdownLinesSheet)
	w.check(err)
	bold := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	set := func(col, row int, v any, style int) {
		r := ref(col, row)
		w.check(f.SetCellValue(breakdownLinesSheet, r, v))
		w.check(f.SetCellStyle(breakdownLinesSheet, r, r, style))
	}
	row, cols := 1, 1
	for _, t := range b.Tables {
		cap := t.Caption
		if t.Unit != "" {
			cap += "（" + t.Unit + "）"
		}
		set(1, row, cap, bold)
		row++
		for i, h := range t.Heads {
			set(1+i, row, h, head)
		}
		cols = max(cols, len(t.Heads))
		row++
		for _, l := range t.Lines {
			set(1, row, strings.Repeat("　", l.Level)+l.Label, text)
			for i, c := range l.Cells {
				if c.Number {
					set(2+i, row, c.Int, num)
				} else {
					set(2+i, row, c.Text, right)
				}
			}
			row++
		}
		row++
	}
	w.check(f.SetColWidth(breakdownLinesSheet, "A", "A", 48))
	if cols > 1 {
		w.check(f.SetColWidth(breakdownLinesSheet, "B", colName(cols), 14))
	}
}

// BreakdownWorkbook returns the per-unit breakdown of a merge (汇总单位明细)
// as a workbook with one sheet: per unit its status, each figure (a number
// cell when the unit was included, else its text) and its share, then the
// total row. It lays out b and does no arithmetic. It is deterministic: the
// document dates come from the data (Breakdown.MetaDate), never the clock.
func BreakdownWorkbook(b *report.Breakdown) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("生成工作簿时出现内部错误：%v", p)
		}
	}()
	w := sheetBook(breakdownSheet)
	f := w.f
	head := w.headStyle()
	text := w.style(&excelize.Style{Border: border(), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	num := w.style(&excelize.Style{Border: border(), NumFmt: 1})
	right := w.style(&excelize.Style{Border: border(), Alignment: &excelize.Alignment{Horizontal: "right"}})
	title := w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	totalText := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border()})
	totalNum := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border(), NumFmt: 1})
	totalRight := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border(), Alignment: &excelize.Alignment{Horizontal: "right"}})

	lastCol := 2 + 2*len(b.Columns) + 1
	cell := ref
	set := func(col, row int, v any, style int) {
		ref := cell(col, row)
		w.check(f.SetCellValue(breakdownSheet, ref, v))
		w.check(f.SetCellStyle(breakdownSheet, ref, ref, style))
	}
	set(1, 1, b.Title, title)
	w.check(f.MergeCell(breakdownSheet, cell(1, 1), cell(lastCol, 1)))
	set(1, 2, b.Summary, w.style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}}))
	w.check(f.MergeCell(breakdownSheet, cell(1, 2), cell(lastCol, 2)))

	// Two header rows: figure names spanning 件数 and 占比.
	set(1, 3, "单位", head)
	set(2, 3, "报送情况", head)
	if b.Files {
		set(lastCol, 3, "数据文件", head)
	}
	for _, c := range []int{1, 2, lastCol} {
		set(c, 4, "", head)
		w.check(f.MergeCell(breakdownSheet, cell(c, 3), cell(c, 4)))
	}
	for i, name := range b.Columns {
		col := 3 + 2*i
		set(col, 3, name, head)
		set(col+1, 3, "", head)
		w.check(f.MergeCell(breakdownSheet, cell(col, 3), cell(col+1, 3)))
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
		if b.Files {
			set(lastCol, row, u.File, text)
		}
		row++
	}
	set(1, row, b.Total.Organ, totalText)
	set(2, row, "", totalText)
	for i := range b.Columns {
		set(3+2*i, row, b.Total.Counts[i], totalNum)
		set(4+2*i, row, b.Total.Shares[i], totalRight)
	}
	set(lastCol, row, "", totalText)

	w.check(f.SetColWidth(breakdownSheet, "A", "A", 30))
	w.check(f.SetColWidth(breakdownSheet, "B", "B", 16))
	w.check(f.SetColWidth(breakdownSheet, "C", colName(lastCol-1), 9))
	w.check(f.SetColWidth(breakdownSheet, colName(lastCol), colName(lastCol), 36))
	linesSheet(w, b, head, text, num, right)
	w.check(f.SetPanes(breakdownSheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 4, TopLeftCell: "B5", ActivePane: "bottomRight"}))
	stamp := b.MetaDate + "T00:00:00Z"
	w.check(f.SetDocProps(&excelize.DocProperties{Title: b.Title, Subject: b.Subject, Creator: b.Region, LastModifiedBy: b.Region,
		Keywords:    fmt.Sprintf("政府信息公开,年度报告,汇总,%s,%d", b.Region, b.Year),
		Description: "由 nianbao merge 生成。", Language: "zh-CN", Created: stamp, Modified: stamp}))
	return w.bytes()
}
