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
	f := newFile()
	defer f.Close()
	w := &writer{f: f}
	w.check(f.SetSheetName("Sheet1", sheet))
	head := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Border: border(), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
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
	if w.err != nil {
		return nil, w.err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
