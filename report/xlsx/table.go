package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Table returns a workbook with one sheet: a bold header row, then rows.
// A cell that is an int or int64 is written as a number, anything else as
// text. It is deterministic (no document dates are set from the clock).
// Used by `nianbao ingest DIR --report` for its one-row-per-report table.
func Table(sheet string, header []string, rows [][]any) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("生成工作簿时出现内部错误：%v", p)
		}
	}()
	w := sheetBook(sheet)
	f := w.f
	head := w.headStyle()
	for i, h := range header {
		w.check(f.SetCellValue(sheet, ref(i+1, 1), h))
		w.check(f.SetCellStyle(sheet, ref(i+1, 1), ref(i+1, 1), head))
	}
	for r, row := range rows {
		for c, v := range row {
			w.check(f.SetCellValue(sheet, ref(c+1, r+2), v))
		}
	}
	w.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	return w.bytes()
}

// sheetBook starts a workbook of one sheet named sheet, for the plain
// tables (the merge breakdown, the ingest report); bytes ends it.
func sheetBook(sheet string) *writer {
	w := &writer{f: newFile()}
	w.check(w.f.SetSheetName("Sheet1", sheet))
	return w
}

// headStyle is the bold, grey, bordered header cell of the plain tables.
func (w *writer) headStyle() int {
	return w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Border: border(), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
}

// bytes closes the workbook and returns it, or the first error met.
func (w *writer) bytes() ([]byte, error) {
	defer w.f.Close()
	if w.err != nil {
		return nil, w.err
	}
	buf, err := w.f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
