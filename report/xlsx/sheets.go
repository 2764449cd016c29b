package xlsx

import (
	"errors"
	"fmt"

	"github.com/xuri/excelize/v2"

	"nianbao/report/zipguard"
)

// Sheet is one worksheet as a grid of cell texts, for tables that are not
// the statistics workbook (a 任务分解表, read by package tasktable).
type Sheet struct {
	Name string
	// Rows are the cells' formatted texts, Rows[r][c] 0-based, as
	// excelize's GetRows gives them: rows end at their last non-empty
	// cell, a merged range's text is in its top-left cell only.
	Rows   [][]string
	Merges []Merge
}

// Merge is a merged range of a sheet, 0-based and inclusive.
type Merge struct{ Row1, Col1, Row2, Col2 int }

// Sheets reads every worksheet of a workbook, in the workbook's order;
// name is the file's name for messages. The workbook is untrusted: it
// passes the same guard as Read (package zipguard) before excelize opens
// it with unzip limits. Sheets that cannot be read are left out. The
// error (in Chinese, starting with name) says why the file is not a
// readable .xlsx, which limit it exceeds (naming the sheet), or that no
// sheet could be read. Sheets never panics.
func Sheets(name string, data []byte) (sheets []Sheet, err error) {
	defer func() {
		if r := recover(); r != nil {
			sheets, err = nil, fmt.Errorf("无法读取此工作簿（内部错误：%v）。请用 Excel 或 WPS 打开后另存为 .xlsx 再试", r)
		}
		if ge := (*zipguard.Error)(nil); err != nil && !errors.As(err, &ge) {
			err = fmt.Errorf("%s：%w", name, err)
		}
	}()
	f, err := open(name, data, guard, wordForSheets)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: false})
		if err != nil {
			continue
		}
		s := Sheet{Name: sheet, Rows: rows}
		merges, _ := f.GetMergeCells(sheet)
		for _, m := range merges {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 == nil && err2 == nil {
				s.Merges = append(s.Merges, Merge{Row1: r1 - 1, Col1: c1 - 1, Row2: r2 - 1, Col2: c2 - 1})
			}
		}
		sheets = append(sheets, s)
	}
	if len(sheets) == 0 {
		return nil, errors.New("工作簿中没有可读的工作表")
	}
	return sheets, nil
}
