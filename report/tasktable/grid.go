package tasktable

import (
	"errors"
	"fmt"
	"strings"

	"nianbao/report"
)

// Bounds of the search: rows and columns of a grid that Parse reads.
const (
	MaxRows = 5000
	MaxCols = 40
)

// Grid is one sheet or table as a reader gives it: the texts of its cells
// and its merged ranges. See the package documentation for the shape.
type Grid struct {
	// Name names the grid in messages: the sheet's name (任务分解表), or
	// 表格2 for the second table of a document.
	Name   string
	Kind   Kind
	Rows   [][]string    // Rows[r][c], 0-based; a merged range's text in its top-left cell
	Merges []MergedRange // 0-based, inclusive
	// Above are the paragraphs just above a Word or web table, the
	// nearest last: the plan's title when no row of the grid holds it.
	Above []string
	// Cut is true when the reader stopped before the end of the table, at
	// its bound of CutLimit cells: Parse warns that the rows after the
	// last were not read.
	Cut      bool
	CutLimit int
}

// MergedRange is a merged range, 0-based and inclusive.
type MergedRange struct{ Row1, Col1, Row2, Col2 int }

// Kind says what a grid is, and so how its places are named in messages.
type Kind int

const (
	// Sheet is an Excel worksheet: the grid is 工作表“Sheet1”, a cell
	// Sheet1!B5, a column B列, a range Sheet1!A2:E30.
	Sheet Kind = iota
	// DocTable is a table of a Word document or a web page, named 表格2
	// by its place among the document's tables: a cell 表格2 第5行第2列,
	// a column 第2列, a range 表格2 第2行至第30行.
	DocTable
)

// Table is a task table read from a grid.
type Table struct {
	Plan   *report.WorkPlan
	Name   string // the grid's name (Grid.Name)
	Header int    // 1-based row of the header
	Range  string // the cells read: Sheet1!A3:E70, or 表格2 第3行至第70行
	Notes  []Note
	// StatusFromTable is true when the table has a 落实状态 column.
	StatusFromTable bool
}

// Note is one finding about the table, in Chinese, with the cell it
// concerns (Sheet1!B7, 表格2 第7行第2列), or "" for the table as a whole.
type Note struct {
	Cell    string
	Msg     string
	Warning bool // false: informational
}

func (n Note) String() string {
	prefix := "提示"
	if n.Warning {
		prefix = "警告"
	}
	if n.Cell == "" {
		return prefix + ": " + n.Msg
	}
	return n.Cell + ": " + prefix + ": " + n.Msg
}

// ParseFirst reads the task table of the first grid that has a task-table
// header, in the order given (a workbook's sheets, a document's tables).
// When none has one, the error names every grid and says why for each:
// 在工作表 Sheet1、Sheet2 中都没有找到任务分解表的表头行：…. Its messages
// do not name the file; the caller puts the file's name in front.
func ParseFirst(grids []Grid, defaultStatus string) (*Table, error) {
	if len(grids) == 0 {
		return nil, errors.New("没有可读的表格")
	}
	var tried, why []string
	for _, g := range grids {
		res, err := Parse(g, defaultStatus)
		if err == nil {
			return res, nil
		}
		tried = append(tried, g.Name)
		why = append(why, err.Error())
	}
	where := "表格 "
	if grids[0].Kind == Sheet {
		where = "工作表 "
	}
	return nil, fmt.Errorf("在%s%s 中都没有找到任务分解表的表头行：表头应含任务内容列（“主要任务”“重点任务”“具体要求”等），以及“事项名称”“牵头单位”“责任单位”“完成时限”等列中的至少一列。%s",
		where, strings.Join(tried, "、"), strings.Join(why, "；"))
}

// title is the grid as named at the start of a message: 工作表“Sheet1”, 表格2.
func (g *Grid) title() string {
	if g.Kind == Sheet {
		return "工作表“" + g.Name + "”"
	}
	return g.Name
}

// cell names the cell at 0-based (col, row): Sheet1!B5, 表格2 第5行第2列.
// Out of a worksheet's bounds it is the sheet's name.
func (g *Grid) cell(col, row int) string {
	if g.Kind == Sheet {
		if col < 0 || col >= 16384 || row < 0 || row >= 1048576 {
			return g.Name
		}
		return fmt.Sprintf("%s!%s%d", g.Name, colLetter(col), row+1)
	}
	if col < 0 || row < 0 {
		return g.Name
	}
	return fmt.Sprintf("%s 第%d行第%d列", g.Name, row+1, col+1)
}

// column names 0-based column c as messages do before 列: B, 第2.
func (g *Grid) column(c int) string {
	if g.Kind == Sheet {
		return colLetter(c)
	}
	return fmt.Sprintf("第%d", c+1)
}

// span names the cells read: Sheet1!A3:E70, 表格2 第3行至第70行.
func (g *Grid) span(col1, row1, col2, row2 int) string {
	if g.Kind == Sheet {
		return g.cell(col1, row1) + ":" + strings.TrimPrefix(g.cell(col2, row2), g.Name+"!")
	}
	return fmt.Sprintf("%s 第%d行至第%d行", g.Name, row1+1, row2+1)
}

// colLetter is the spreadsheet letter of 0-based column c (A, B, …, Z,
// AA, …), or ? out of a worksheet's 16,384 columns.
func colLetter(c int) string {
	if c < 0 || c >= 16384 {
		return "?"
	}
	var b []byte
	for n := c + 1; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}
