package xlsx

// The task-table importer: ImportTaskTable reads a 任务分解表 — the task
// table that comes with a year's 政务公开工作要点 — from an .xlsx workbook
// into a report.WorkPlan.
//
// The header row is found by its column names (事项名称, 主要任务, 牵头部门
// or 牵头单位, 责任单位, 完成时限, and common variants), on the first sheet
// that has one. A 事项 that spans several rows — by a merged 事项名称 cell or
// by an empty 事项名称 cell under it — becomes one Task whose 主要任务 lines
// are joined by newlines. Title rows, section rows (一、加强…, with no task)
// and header rows repeated at page breaks are skipped.
//
// Input is untrusted: it passes the same guard as Read (package zipguard)
// before excelize opens it, with excelize's unzip limits set.

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/report"
	"nianbao/report/zipguard"
)

// Bounds of the task-table search: rows and columns read per sheet.
const (
	taskMaxRows = 5000
	taskMaxCols = 40
)

// TaskNote is one finding about the workbook, in Chinese, with the cell it
// concerns (Sheet1!B7), or "" for the workbook as a whole.
type TaskNote struct {
	Cell    string
	Msg     string
	Warning bool // false: informational
}

func (n TaskNote) String() string {
	prefix := "提示"
	if n.Warning {
		prefix = "警告"
	}
	if n.Cell == "" {
		return prefix + "：" + n.Msg
	}
	return n.Cell + "：" + prefix + "：" + n.Msg
}

// TaskTable is an imported table.
type TaskTable struct {
	Plan   *report.WorkPlan
	Sheet  string
	Header int    // 1-based row of the header
	Range  string // the cells read, e.g. Sheet1!A3:E70
	Notes  []TaskNote
	// StatusFromTable is true when the workbook has a 落实状态 column.
	StatusFromTable bool
}

// ImportTaskTable reads a 任务分解表 workbook; name is the file's name for
// messages. It returns an error (in Chinese, starting with name) when the
// file is not a readable .xlsx, exceeds the guard's limits (naming the
// sheet) or has no task table; findings that do not stop the import are
// Notes. defaultStatus is given to tasks whose row has no status of its own
// ("" leaves them empty). ImportTaskTable never panics.
func ImportTaskTable(name string, data []byte, defaultStatus string) (res *TaskTable, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("无法读取此工作簿（内部错误：%v）。请用 Excel 或 WPS 打开后另存为 .xlsx 再试", r)
		}
		if ge := (*zipguard.Error)(nil); err != nil && !errors.As(err, &ge) {
			err = fmt.Errorf("%s：%w", name, err)
		}
	}()
	f, err := open(name, data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var tried []string
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: false})
		if err != nil {
			continue
		}
		if len(rows) > taskMaxRows {
			rows = rows[:taskMaxRows]
		}
		merges, _ := f.GetMergeCells(sheet)
		var ms []MergedRange
		for _, m := range merges {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 == nil && err2 == nil {
				ms = append(ms, MergedRange{Row1: r1 - 1, Col1: c1 - 1, Row2: r2 - 1, Col2: c2 - 1})
			}
		}
		res, err := ParseTaskTable(sheet, rows, ms, defaultStatus)
		if err == nil {
			return res, nil
		}
		tried = append(tried, sheet)
	}
	if len(tried) == 0 {
		return nil, errors.New("工作簿中没有可读的工作表")
	}
	return nil, fmt.Errorf("在工作表 %s 中都没有找到任务分解表的表头行：表头应含“主要任务”，以及“事项名称”“牵头部门”（或“牵头单位”）“责任单位”“完成时限”等列", strings.Join(tried, "、"))
}

// MergedRange is a merged range, 0-based and inclusive.
type MergedRange struct{ Row1, Col1, Row2, Col2 int }

// column roles.
const (
	colItem = iota
	colTask
	colLead
	colUnits
	colDeadline
	colStatus
	colResult
	nRoles
)

var roleNames = [nRoles]string{"事项名称", "主要任务", "牵头部门", "责任单位", "完成时限", "落实状态", "落实情况"}

// headerWords maps a normalised header text to its role.
var headerWords = map[string]int{
	"事项名称": colItem, "事项": colItem, "任务名称": colItem, "工作事项": colItem, "重点事项": colItem, "工作要点": colItem, "项目": colItem,
	"主要任务": colTask, "任务内容": colTask, "工作任务": colTask, "具体任务": colTask, "工作内容": colTask, "主要内容": colTask, "重点任务": colTask, "具体内容": colTask,
	"牵头部门": colLead, "牵头单位": colLead, "牵头责任单位": colLead, "牵头": colLead,
	"责任单位": colUnits, "责任部门": colUnits, "配合单位": colUnits, "配合部门": colUnits, "参与单位": colUnits,
	"完成时限": colDeadline, "完成时间": colDeadline, "时限要求": colDeadline, "时间要求": colDeadline, "完成期限": colDeadline, "时限": colDeadline,
	"落实状态": colStatus, "完成状态": colStatus, "状态": colStatus, "进展状态": colStatus,
	"落实情况": colResult, "完成情况": colResult, "进展情况": colResult, "工作进展": colResult,
}

var headSpaceRE = regexp.MustCompile(`[\s\x{3000}]+`)

func normHead(s string) string { return headSpaceRE.ReplaceAllString(s, "") }

// findHeader returns the header row and each role's column (-1 if absent).
func findHeader(rows [][]string) (int, [nRoles]int, bool) {
	for i, row := range rows {
		if i >= 50 {
			break
		}
		var cols [nRoles]int
		for k := range cols {
			cols[k] = -1
		}
		for j, c := range row {
			if j >= taskMaxCols {
				break
			}
			if role, ok := headerWords[normHead(c)]; ok && cols[role] < 0 {
				cols[role] = j
			}
		}
		found := 0
		for _, c := range cols[:colStatus] {
			if c >= 0 {
				found++
			}
		}
		if cols[colTask] >= 0 && found >= 3 {
			return i, cols, true
		}
	}
	return 0, [nRoles]int{}, false
}

func cellName(sheet string, col, row int) string {
	taskName, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		return sheet
	}
	return sheet + "!" + taskName
}

var (
	itemNumberRE = regexp.MustCompile(`^\s*(?:\d+\s*[.．、,，]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)\s*`)
	sectionRE    = regexp.MustCompile(`^\s*[一二三四五六七八九十]+、`)
	tagRE        = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

// cleanCell tidies one cell: tags left by a web copy removed, lines trimmed,
// blank lines dropped.
func cleanCell(s string) string {
	s = tagRE.ReplaceAllString(s, "\n")
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\u3000", " ")); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// ParseTaskTable reads the task table from one sheet's rows (as excelize returns
// them: a merged range's value in its top-left cell only) and merged ranges.
// It is the part of ImportTaskTable that does not touch the file format.
func ParseTaskTable(sheet string, rows [][]string, merges []MergedRange, defaultStatus string) (*TaskTable, error) {
	head, cols, ok := findHeader(rows)
	if !ok {
		return nil, fmt.Errorf("工作表“%s”中没有找到表头行", sheet)
	}
	res := &TaskTable{Plan: &report.WorkPlan{}, Sheet: sheet, Header: head + 1, StatusFromTable: cols[colStatus] >= 0}
	for role, c := range cols[:colStatus] {
		if c < 0 && role != colTask {
			res.Notes = append(res.Notes, TaskNote{Cell: cellName(sheet, 0, head), Warning: true,
				Msg: fmt.Sprintf("表头中没有“%s”列，导入后此项为空", roleNames[role])})
		}
	}
	// The title: a row above the header, e.g. 示例市2024年政务公开工作要点任务分解表.
	for i := 0; i < head; i++ {
		for _, c := range rows[i] {
			if t := normHead(c); strings.Contains(t, "要点") || strings.Contains(t, "任务分解") || strings.Contains(t, "方案") {
				t = strings.TrimSuffix(strings.TrimSuffix(t, "任务分解表"), "分解表")
				t = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSuffix(t, "》"), "《"), "附件")
				res.Plan.Title = strings.Trim(t, "《》：:0123456789")
			}
		}
	}
	// origin[r][c] is the top-left cell of the merge covering (r, c).
	type rc struct{ r, c int }
	origin := map[rc]rc{}
	for _, m := range merges {
		if m.Row2 < m.Row1 || m.Col2 < m.Col1 || (m.Row2-m.Row1+1)*(m.Col2-m.Col1+1) > 200_000 {
			continue
		}
		for r := m.Row1; r <= m.Row2 && r < len(rows); r++ {
			for c := m.Col1; c <= m.Col2 && c < taskMaxCols; c++ {
				origin[rc{r, c}] = rc{m.Row1, m.Col1}
			}
		}
	}
	get := func(r, c int) string {
		if c < 0 {
			return ""
		}
		if o, ok := origin[rc{r, c}]; ok {
			r, c = o.r, o.c
		}
		if r < len(rows) && c < len(rows[r]) {
			return cleanCell(rows[r][c])
		}
		return ""
	}
	originOf := func(r, c int) rc {
		if o, ok := origin[rc{r, c}]; ok {
			return o
		}
		return rc{r, c}
	}
	type group struct {
		task                    report.Task
		tasks, leads, units, dl []string
		first, last             int
		itemOrigin              rc
		status, result          []string
	}
	var cur *group
	var groups []*group
	addUnique := func(list []string, v string) []string {
		if v == "" || slices.Contains(list, v) {
			return list
		}
		return append(list, v)
	}
	lastRow := head
	for r := head + 1; r < len(rows); r++ {
		item, task := get(r, cols[colItem]), get(r, cols[colTask])
		var all []string
		for _, c := range cols {
			if v := get(r, c); v != "" {
				all = append(all, v)
			}
		}
		if len(all) == 0 {
			continue // blank row
		}
		if role, ok := headerWords[normHead(task)]; ok && role == colTask {
			continue // header repeated at a page break
		}
		lastRow = r
		if cols[colItem] >= 0 && originOf(r, cols[colTask]) == originOf(r, cols[colItem]) {
			cur = nil // a title or section row merged across the table
			continue
		}
		if task == "" {
			// A section row (一、加强政府信息公开…) or a row without a task.
			if item != "" && (sectionRE.MatchString(item) || len(slices.Compact(all)) == 1) {
				cur = nil
				continue
			}
			res.Notes = append(res.Notes, TaskNote{Cell: cellName(sheet, cols[colTask], r), Warning: true,
				Msg: "此行有内容但“主要任务”为空，已跳过"})
			continue
		}
		io := originOf(r, cols[colItem])
		continues := cur != nil && (item == "" || (io == cur.itemOrigin && io.r != r))
		if !continues {
			cur = &group{first: r, itemOrigin: io}
			cur.task.Item = strings.TrimRight(itemNumberRE.ReplaceAllString(item, ""), "。；; ")
			groups = append(groups, cur)
		}
		cur.last = r
		cur.tasks = append(cur.tasks, task)
		cur.leads = addUnique(cur.leads, get(r, cols[colLead]))
		cur.units = addUnique(cur.units, get(r, cols[colUnits]))
		cur.dl = addUnique(cur.dl, get(r, cols[colDeadline]))
		cur.status = addUnique(cur.status, get(r, cols[colStatus]))
		cur.result = addUnique(cur.result, get(r, cols[colResult]))
	}
	for _, g := range groups {
		t := g.task
		t.Task = strings.Join(g.tasks, "\n")
		t.Lead = strings.Join(g.leads, "；")
		t.Units = strings.Join(g.units, "；")
		t.Deadline = strings.Join(g.dl, "；")
		t.Result = strings.Join(g.result, "\n")
		where := cellName(sheet, max(cols[colItem], 0), g.first)
		if len(g.dl) > 1 {
			res.Notes = append(res.Notes, TaskNote{Cell: where, Warning: true,
				Msg: fmt.Sprintf("事项“%s”的各行完成时限不同（%s），已合并为一项；如需分别跟踪，请拆分", taskName(t), strings.Join(g.dl, "、"))})
		}
		switch {
		case len(g.status) == 1 && slices.Contains(report.TaskStatuses, g.status[0]):
			t.Status = g.status[0]
		case len(g.status) > 0:
			res.Notes = append(res.Notes, TaskNote{Cell: where, Warning: true,
				Msg: fmt.Sprintf("事项“%s”的落实状态“%s”不是“已完成”“推进中”“未完成”之一，已设为“%s”", taskName(t), strings.Join(g.status, "、"), defaultStatus)})
			t.Status = defaultStatus
		default:
			t.Status = defaultStatus
		}
		if t.Deadline != "" {
			if _, ok := report.ParseDeadline(t.Deadline); !ok && len(g.dl) == 1 {
				res.Notes = append(res.Notes, TaskNote{Cell: cellName(sheet, cols[colDeadline], g.first), Warning: true,
					Msg: fmt.Sprintf("完成时限“%s”无法识别，照原样导入；检查时将提示（WP-2）", t.Deadline)})
			}
		}
		res.Plan.Tasks = append(res.Plan.Tasks, t)
	}
	if len(res.Plan.Tasks) == 0 {
		return nil, fmt.Errorf("工作表“%s”的表头（第 %d 行）下没有任务", sheet, head+1)
	}
	lastCol := 0
	for _, c := range cols {
		lastCol = max(lastCol, c)
	}
	res.Range = cellName(sheet, 0, head) + ":" + strings.TrimPrefix(cellName(sheet, lastCol, lastRow), sheet+"!")
	return res, nil
}

func taskName(t report.Task) string { return clip(cmp.Or(t.Item, t.Task)) }
