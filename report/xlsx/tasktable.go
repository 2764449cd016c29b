package xlsx

// The task-table importer: ImportTaskTable reads a 任务分解表 — the task
// table that comes with a year's 政务公开工作要点 — from an .xlsx workbook
// into a report.WorkPlan.
//
// The header row is found by the roles of its columns, each with its
// synonyms (headerWords): task text (主要任务, 重点任务, 工作任务, 具体要求,
// 工作要求, 工作内容, 具体措施 …), item (事项名称, 类别; 工作任务 when another
// task-text column exists), lead (牵头单位, 牵头部门), units (责任单位,
// 责任部门, 责任科室, 配合单位), deadline (完成时限, 时限要求, 完成时间) and
// 序号, on the first sheet that has one. A header needs a task-text column
// and one more role; a table without a deadline column is accepted.
//
// Rows become tasks thus: a row with its own 序号 is its own task; without
// a 序号 column, a 事项 that spans several rows — by a merged 事项名称 cell
// or by an empty 事项名称 cell under it — becomes one Task whose 主要任务
// lines are joined by newlines; without an item column every row is a task.
// Heading rows (一、…, （一）…, merged across the table or alone in the
// item column) become the item of the tasks below them that have none.
// Title rows and header rows repeated at page breaks are skipped. A column
// that no role claims is named in a note with the whole header as read,
// and its text is never dropped without a warning.
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
		return prefix + ": " + n.Msg
	}
	return n.Cell + ": " + prefix + ": " + n.Msg
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
	var tried, why []string
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
		why = append(why, err.Error())
	}
	if len(tried) == 0 {
		return nil, errors.New("工作簿中没有可读的工作表")
	}
	return nil, fmt.Errorf("在工作表 %s 中都没有找到任务分解表的表头行：表头应含任务内容列（“主要任务”“重点任务”“具体要求”等），以及“事项名称”“牵头单位”“责任单位”“完成时限”等列中的至少一列。%s",
		strings.Join(tried, "、"), strings.Join(why, "；"))
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
	colNo // 序号
	nRoles
)

var roleNames = [nRoles]string{"事项名称", "主要任务", "牵头部门", "责任单位", "完成时限", "落实状态", "落实情况", "序号"}

// roleTaskText marks the task-text synonyms in headerWords: the task column,
// unless another task-text column exists (then 工作任务, or else the
// leftmost, is the item).
const roleTaskText = -2

// headerWords maps a normalised header text to its role.
var headerWords = map[string]int{
	"事项名称": colItem, "事项": colItem, "任务名称": colItem, "工作事项": colItem, "重点事项": colItem, "工作要点": colItem, "项目": colItem,
	"类别": colItem, "任务类别": colItem, "项目名称": colItem,
	"主要任务": roleTaskText, "重点任务": roleTaskText, "工作任务": roleTaskText, "具体要求": roleTaskText, "工作要求": roleTaskText,
	"工作内容": roleTaskText, "具体措施": roleTaskText, "任务内容": roleTaskText, "具体任务": roleTaskText, "主要内容": roleTaskText,
	"具体内容": roleTaskText, "工作措施": roleTaskText, "主要措施": roleTaskText, "任务要求": roleTaskText,
	"牵头部门": colLead, "牵头单位": colLead, "牵头责任单位": colLead, "牵头": colLead, "牵头科室": colLead,
	"责任单位": colUnits, "责任部门": colUnits, "责任科室": colUnits, "配合单位": colUnits, "配合部门": colUnits, "参与单位": colUnits,
	"责任主体": colUnits, "责任处室": colUnits,
	"完成时限": colDeadline, "完成时间": colDeadline, "时限要求": colDeadline, "时间要求": colDeadline, "完成期限": colDeadline, "时限": colDeadline,
	"时间节点": colDeadline,
	"落实状态": colStatus, "完成状态": colStatus, "状态": colStatus, "进展状态": colStatus,
	"落实情况": colResult, "完成情况": colResult, "进展情况": colResult, "工作进展": colResult,
	"序号": colNo, "编号": colNo,
}

// headerRole is the role of one header text, roleTaskText, or -1.
func headerRole(h string) int {
	h = normHead(h)
	if r, ok := headerWords[h]; ok {
		return r
	}
	// 责任单位（部门）, 完成时限（2024年）: the words before the brackets.
	if i := strings.IndexAny(h, "（("); i > 0 {
		if r, ok := headerWords[h[:i]]; ok {
			return r
		}
	}
	return -1
}

var headSpaceRE = regexp.MustCompile(`[\s\x{3000}]+`)

func normHead(s string) string { return headSpaceRE.ReplaceAllString(s, "") }

// headerMap maps one row's cells to roles. cols holds each role's column
// (-1 if absent); taken describes every non-empty header cell and what it
// was taken as (B列“重点任务”→主要任务).
func headerMap(row []string) (cols [nRoles]int, taken []string) {
	for k := range cols {
		cols[k] = -1
	}
	var texts []int // task-text columns, left to right
	role := map[int]int{}
	for j, c := range row {
		if j >= taskMaxCols {
			break
		}
		if normHead(c) == "" {
			continue
		}
		r := headerRole(c)
		switch {
		case r == roleTaskText:
			texts = append(texts, j)
		case r >= 0 && cols[r] < 0:
			cols[r] = j
			role[j] = r
		}
	}
	if len(texts) > 0 {
		if len(texts) > 1 && cols[colItem] < 0 {
			// Two task-text columns: 工作任务 (or else the leftmost) names
			// the item, the next one holds the task.
			item := 0
			for i, j := range texts {
				if normHead(row[j]) == "工作任务" {
					item = i
					break
				}
			}
			cols[colItem] = texts[item]
			role[texts[item]] = colItem
			texts = append(texts[:item:item], texts[item+1:]...)
		}
		cols[colTask] = texts[0]
		role[texts[0]] = colTask
	}
	for j, c := range row {
		if j >= taskMaxCols {
			break
		}
		if normHead(c) == "" {
			continue
		}
		as := "未对应任何一项"
		if r, ok := role[j]; ok {
			as = roleNames[r]
		}
		taken = append(taken, fmt.Sprintf("%s列“%s”→%s", colLetter(j), report.Clip(normHead(c), 20), as))
	}
	return cols, taken
}

// headerFound reports whether cols make a task-table header: a task-text
// column and at least one of item, lead, units and deadline.
func headerFound(cols [nRoles]int) bool {
	if cols[colTask] < 0 {
		return false
	}
	for _, r := range []int{colItem, colLead, colUnits, colDeadline} {
		if cols[r] >= 0 {
			return true
		}
	}
	return false
}

// findHeader returns the header row and each role's column (-1 if absent).
// When there is none, msg describes the row that came closest: the header
// found and what each column was taken as.
func findHeader(rows [][]string) (head int, cols [nRoles]int, taken []string, msg string, ok bool) {
	best, bestN := -1, 0
	var bestTaken []string
	for i, row := range rows {
		if i >= 50 {
			break
		}
		c, t := headerMap(row)
		if headerFound(c) {
			return i, c, t, "", true
		}
		n := 0
		for _, col := range c {
			if col >= 0 {
				n++
			}
		}
		if n > bestN {
			best, bestN, bestTaken = i, n, t
		}
	}
	if best < 0 {
		return 0, cols, nil, "前 50 行中没有一行含有任务分解表的列名", false
	}
	return 0, cols, nil, fmt.Sprintf("最接近表头的是第 %d 行：%s。表头应有任务内容列（%s 之一），以及事项名称、牵头单位、责任单位或完成时限中的至少一列",
		best+1, strings.Join(bestTaken, "，"), strings.Join(taskTextWords, "、")), false
}

// taskTextWords are the task-text column names listed in messages.
var taskTextWords = []string{"主要任务", "重点任务", "工作任务", "具体要求", "工作要求", "工作内容", "具体措施"}

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
	// footnoteRE is a note under the table (说明：…, 注：…, 填表说明：…),
	// which is not a task.
	footnoteRE = regexp.MustCompile(`^\s*(?:填表说明|说明|备注|注)\s*\d*\s*[:：]`)
	tagRE      = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
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

// colLetter is the column letter of 0-based column c (A, B, …).
func colLetter(c int) string {
	n, err := excelize.ColumnNumberToName(c + 1)
	if err != nil {
		return "?"
	}
	return n
}

var (
	subsectionRE = regexp.MustCompile(`^\s*[（(][一二三四五六七八九十]+[)）]`)
	titleLeadRE  = regexp.MustCompile(`^附件\s*\d*\s*[：:]?\s*`)
)

// ParseTaskTable reads the task table from one sheet's rows (as excelize returns
// them: a merged range's value in its top-left cell only) and merged ranges.
// It is the part of ImportTaskTable that does not touch the file format.
func ParseTaskTable(sheet string, rows [][]string, merges []MergedRange, defaultStatus string) (*TaskTable, error) {
	head, cols, taken, msg, ok := findHeader(rows)
	if !ok {
		return nil, fmt.Errorf("工作表“%s”中没有找到表头行：%s", sheet, msg)
	}
	res := &TaskTable{Plan: &report.WorkPlan{}, Sheet: sheet, Header: head + 1, StatusFromTable: cols[colStatus] >= 0}
	headerNote := fmt.Sprintf("表头（第 %d 行）：%s", head+1, strings.Join(taken, "，"))
	for _, role := range []int{colItem, colLead, colUnits, colDeadline} {
		if cols[role] >= 0 {
			continue
		}
		switch role {
		case colDeadline:
			res.Notes = append(res.Notes, TaskNote{Cell: cellName(sheet, 0, head),
				Msg: "表头中没有“完成时限”列，各项任务的完成时限为空（检查时不判断是否到期）"})
		case colItem:
			res.Notes = append(res.Notes, TaskNote{Cell: cellName(sheet, 0, head),
				Msg: "表头中没有“事项名称”列：每行（有序号的按序号）作为一项任务，事项名称取自其上方的标题行（一、……（一）……）"})
		default:
			res.Notes = append(res.Notes, TaskNote{Cell: cellName(sheet, 0, head), Warning: true,
				Msg: fmt.Sprintf("表头中没有“%s”列，导入后此项为空", roleNames[role])})
		}
	}
	// The title: a row above the header, e.g. 示例市2024年政务公开工作要点任务分解表.
	for i := 0; i < head; i++ {
		for _, c := range rows[i] {
			if t := normHead(c); strings.Contains(t, "要点") || strings.Contains(t, "任务分解") || strings.Contains(t, "方案") {
				t = titleLeadRE.ReplaceAllString(t, "")
				t = strings.TrimSuffix(strings.TrimSuffix(t, "任务分解表"), "分解表")
				res.Plan.Title = strings.Trim(t, "《》：:")
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
	// Columns no role claims: their own (unmerged-into) text is counted so
	// that none is dropped silently.
	mapped := map[int]bool{}
	lastCol := 0
	for _, c := range cols {
		if c >= 0 {
			mapped[c] = true
			lastCol = max(lastCol, c)
		}
	}
	width := 0
	for r := head; r < len(rows); r++ {
		width = max(width, min(len(rows[r]), taskMaxCols))
	}
	dropped := map[int]int{} // column → cells with text not imported
	dropFirst := map[int]int{}

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
	// heading and subheading are the last 一、… and （一）… heading rows:
	// the item of the tasks below them that have none of their own.
	heading, subheading := "", ""
	setHeading := func(text string) {
		switch {
		case subsectionRE.MatchString(text):
			subheading = text
		default:
			heading, subheading = text, ""
		}
		cur = nil
	}
	lastRow := head
	for r := head + 1; r < len(rows); r++ {
		item, task := get(r, cols[colItem]), get(r, cols[colTask])
		// Every distinct text of the row, and whether one cell spans it.
		var all []string
		spans := false
		for c := 0; c < width; c++ {
			v := get(r, c)
			if v == "" {
				continue
			}
			if o := originOf(r, c); o.c != c {
				spans = true
				continue
			}
			all = append(all, v)
		}
		if len(all) == 0 {
			continue // blank row
		}
		if len(all) == 1 && cols[colNo] >= 0 && get(r, cols[colNo]) == all[0] && !spans {
			continue // a numbered row left empty (nianbao's own sheet numbers 20)
		}
		if len(all) == 1 && footnoteRE.MatchString(all[0]) {
			continue // 说明：… / 注：… under the table
		}
		if headerRole(task) == roleTaskText && normHead(task) == normHead(rows[head][cols[colTask]]) {
			continue // header repeated at a page break
		}
		lastRow = r
		// A heading or title row merged across the table (一、加强…).
		if len(all) == 1 && spans && (cols[colTask] < 0 || task == "" || originOf(r, cols[colTask]).c != cols[colTask] ||
			(cols[colItem] >= 0 && originOf(r, cols[colTask]) == originOf(r, cols[colItem])) ||
			sectionRE.MatchString(all[0]) || subsectionRE.MatchString(all[0])) {
			setHeading(all[0])
			continue
		}
		if cols[colItem] >= 0 && originOf(r, cols[colTask]) == originOf(r, cols[colItem]) {
			setHeading(task)
			continue
		}
		if task == "" {
			// A section row (一、加强政府信息公开…) or a row without a task.
			if len(all) == 1 && (sectionRE.MatchString(all[0]) || subsectionRE.MatchString(all[0]) || all[0] == item) {
				setHeading(all[0])
				continue
			}
			res.Notes = append(res.Notes, TaskNote{Cell: cellName(sheet, cols[colTask], r), Warning: true,
				Msg: fmt.Sprintf("此行有内容但“%s”为空，已跳过：%s", normHead(rows[head][cols[colTask]]), report.Clip(strings.Join(all, "｜"), 40))})
			continue
		}
		for c := 0; c < width; c++ {
			if mapped[c] || originOf(r, c) != (rc{r, c}) || get(r, c) == "" {
				continue
			}
			if dropped[c] == 0 {
				dropFirst[c] = r
			}
			dropped[c]++
		}
		io := originOf(r, cols[colItem])
		var continues bool
		switch {
		case cur == nil:
		case cols[colNo] >= 0 && get(r, cols[colNo]) != "" && originOf(r, cols[colNo]).r == r:
			// A row with its own 序号 is its own task.
		case cols[colNo] >= 0 && cols[colItem] < 0:
			continues = true // under a merged or empty 序号
		case cols[colItem] >= 0:
			continues = item == "" || (io == cur.itemOrigin && io.r != r)
		}
		if !continues {
			cur = &group{first: r, itemOrigin: io}
			name := item
			if name == "" {
				name = cmp.Or(subheading, heading)
			}
			cur.task.Item = strings.TrimRight(itemNumberRE.ReplaceAllString(name, ""), "。；; ")
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
	for c := 0; c < width; c++ {
		if n := dropped[c]; n > 0 {
			name := "（无列名）"
			if c < len(rows[head]) && normHead(rows[head][c]) != "" {
				name = "“" + report.Clip(normHead(rows[head][c]), 20) + "”"
			}
			res.Notes = append(res.Notes, TaskNote{Cell: cellName(sheet, c, dropFirst[c]), Warning: true,
				Msg: fmt.Sprintf("%s列%s不对应任何一项，其中 %d 个单元格的文字没有导入。%s。如需导入，请把列名改为“主要任务”“事项名称”“牵头单位”“责任单位”“完成时限”之一，或把内容并入这些列",
					colLetter(c), name, n, headerNote)})
		}
	}
	for _, g := range groups {
		t := g.task
		t.Task = strings.Join(g.tasks, "\n")
		t.Lead = strings.Join(g.leads, "；")
		t.Units = strings.Join(g.units, "；")
		t.Deadline = strings.Join(g.dl, "；")
		t.Result = strings.Join(g.result, "\n")
		where := cellName(sheet, max(cols[colItem], cols[colTask], 0), g.first)
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
	res.Range = cellName(sheet, 0, head) + ":" + strings.TrimPrefix(cellName(sheet, max(lastCol, width-1), lastRow), sheet+"!")
	return res, nil
}

func taskName(t report.Task) string { return clip(cmp.Or(t.Item, t.Task)) }
