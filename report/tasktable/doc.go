// Package tasktable recognises a 任务分解表 in a grid of cell texts and
// reads it into a report.WorkPlan.
//
// A 任务分解表 (task table) comes with a year's 政务公开工作要点: the
// office that issues the 工作要点 splits it into tasks, one or more rows
// each, with the task text (主要任务), the 事项 it belongs to, the lead
// and responsible units and a deadline. Offices publish it as an Excel
// workbook, as a table in a Word document, or as a table on a web page
// (often pasted from Word). Read takes such a file, known by its content
// whatever its extension: the readers (report/xlsx for workbooks,
// report/ingest for Word documents and web pages) turn each sheet or
// table into a Grid, and ParseFirst finds the first with a task-table
// header (Parse reads one grid).
//
// A Grid is the texts of the cells, Rows[r][c] (0-based; rows may be of
// different lengths), and its merged ranges (0-based, inclusive). A
// merged range's text is in its top-left cell only, as excelize gives a
// sheet; its other cells are empty or missing. Kind says how places are
// named in messages: Sheet1!B5 and B列 for a worksheet, 表格2 第5行第2列
// and 第2列 for a table of a document.
//
// The header row is found by the roles of its columns, each with its
// synonyms (headerWords): task text (主要任务, 重点任务, 工作任务, 具体要求,
// 工作要求, 工作内容, 具体措施 …), item (事项名称, 类别; 工作任务 when another
// task-text column exists), lead (牵头单位, 牵头部门), units (责任单位,
// 责任部门, 责任科室, 配合单位), deadline (完成时限, 时限要求, 完成时间) and
// 序号, among the first 50 rows; ParseFirst takes the first grid that has
// one. A header needs a task-text column and one more role; a table
// without a deadline column is accepted. A header row over a sub-header
// row (责任单位 merged across 牵头单位 and 配合单位, the other heads merged
// down over both rows, or left blank in a sheet without merges) is one
// header of two rows: the sub-heads give their columns' roles, and tasks
// start below the second row.
//
// Rows become tasks thus: a row with its own 序号 is its own task; without
// a 序号 column, a 事项 that spans several rows — by a merged 事项名称 cell
// or by an empty 事项名称 cell under it — becomes one Task whose 主要任务
// lines are joined by newlines; without an item column every row is a task.
// Inside a cell, a line break in the middle of a sentence (a <br>, a Word
// paragraph cut mid-sentence) joins the lines (joinWrapped); breaks after
// 。；！？： and before numbered items (1. （一） 一、) stay.
// Heading rows (一、…, （一）…, merged across the table or alone in the
// item column) become the item of the tasks below them that have none.
// Title rows and header rows repeated at page breaks are skipped. A column
// that no role claims is named in a note with the whole header as read,
// and its text is never dropped without a warning.
//
// Errors and notes are in Chinese and name the grid (工作表“Sheet1”,
// 表格2) and the cell. Input is untrusted: Parse reads at most MaxRows
// rows and MaxCols columns of a grid and never panics.
//
// The package imports only the standard library and nianbao/report.
package tasktable
