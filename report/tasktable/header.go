package tasktable

// Header recognition: the roles of a header row's columns.

import (
	"fmt"
	"regexp"
	"strings"

	"nianbao/report"
)

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
// was taken as (B列“重点任务”→主要任务), its columns named as g names them.
func (g *Grid) headerMap(row []string) (cols [nRoles]int, taken []string) {
	for k := range cols {
		cols[k] = -1
	}
	var texts []int // task-text columns, left to right
	role := map[int]int{}
	for j, c := range row {
		if j >= MaxCols {
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
		if j >= MaxCols {
			break
		}
		if normHead(c) == "" {
			continue
		}
		as := "未对应任何一项"
		if r, ok := role[j]; ok {
			as = roleNames[r]
		}
		taken = append(taken, fmt.Sprintf("%s列“%s”→%s", g.column(j), report.Clip(normHead(c), 20), as))
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

// header is the header as found: its first row, how many rows it takes
// (1, or 2 with a sub-header row), the text of each column as read
// (a sub-head under a parent cell gives its column's text), the roles'
// columns and what each header cell was taken as.
type header struct {
	row, rows int
	text      []string
	cols      [nRoles]int
	taken     []string
}

// findHeader returns the header. When there is none, msg describes the row
// that came closest: the header found and what each column was taken as.
// A header row followed by a sub-header row (责任单位 over 牵头单位 and
// 配合单位) is read as one header of two rows (subHeader).
func (g *Grid) findHeader(rows [][]string) (h header, msg string, ok bool) {
	best, bestN := -1, 0
	var bestTaken []string
	for i, row := range rows {
		if i >= 50 {
			break
		}
		c, t := g.headerMap(row)
		if text, ok := g.subHeader(rows, i); ok {
			if c2, t2 := g.headerMap(text); headerFound(c2) {
				return header{row: i, rows: 2, text: text, cols: c2, taken: t2}, "", true
			}
		}
		if headerFound(c) {
			return header{row: i, rows: 1, text: row, cols: c, taken: t}, "", true
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
		return h, "前 50 行中没有一行含有任务分解表的列名", false
	}
	return h, fmt.Sprintf("最接近表头的是第 %d 行：%s。表头应有任务内容列（%s 之一），以及事项名称、牵头单位、责任单位或完成时限中的至少一列",
		best+1, strings.Join(bestTaken, "，"), strings.Join(taskTextWords, "、")), false
}

// subHeader reads rows i and i+1 as one header when row i+1 is a
// sub-header: its cells (those not covered by a merge from row i) are
// header words or sit under a parent cell spanning several columns, and at
// least one sits under such a span — a cell of row i merged across
// columns, or left empty beside its parent (a sheet without merges). text
// is each column's header: the sub-head where there is one (配合单位), the
// parent's text with the sub-head in brackets when the sub-head is no
// header word (责任单位（协办）), else row i's own text (序号 merged down
// over both rows). Row i must hold two header words or more (a title row
// over the header is no parent).
func (g *Grid) subHeader(rows [][]string, i int) (text []string, ok bool) {
	if i+1 >= len(rows) {
		return nil, false
	}
	// Row i is a header row itself (a title row above the header is not).
	heads := 0
	for j, c := range rows[i] {
		if j < MaxCols && headerRole(c) != -1 {
			heads++
		}
	}
	if heads < 2 {
		return nil, false
	}
	// covered[r][c]: the top-left cell of the merge covering (r, c), for
	// rows i and i+1.
	type rc struct{ r, c int }
	origin := map[rc]rc{}
	for _, m := range g.Merges {
		if m.Row2 < i || m.Row1 > i+1 || m.Col2 < m.Col1 || m.Row2 < m.Row1 {
			continue
		}
		for r := max(m.Row1, i); r <= min(m.Row2, i+1); r++ {
			for c := max(m.Col1, 0); c <= m.Col2 && c < MaxCols; c++ {
				origin[rc{r, c}] = rc{m.Row1, m.Col1}
			}
		}
	}
	own := func(r, c int) string {
		if o, ok := origin[rc{r, c}]; ok && o != (rc{r, c}) {
			return ""
		}
		if c < len(rows[r]) {
			return normHead(rows[r][c])
		}
		return ""
	}
	width := min(max(len(rows[i]), len(rows[i+1])), MaxCols)
	// parent is the text of the row-i cell over column c: its merge's,
	// or the nearest text to its left when it is empty.
	parent := func(c int) (string, bool) {
		if o, ok := origin[rc{i, c}]; ok {
			if o.r != i {
				return "", false
			}
			return own(o.r, o.c), true
		}
		for k := c; k >= 0; k-- {
			if _, merged := origin[rc{i, k}]; merged && k < c {
				return "", false
			}
			if t := own(i, k); t != "" {
				return t, true
			}
		}
		return "", false
	}
	// spanned: row i's cell over c is part of a span of several columns
	// (merged across, or empty beside its parent) that stops at row i.
	spanned := func(c int) bool {
		if o, ok := origin[rc{i, c}]; ok {
			o2, ok2 := origin[rc{i + 1, c}]
			wide := false
			for _, d := range []int{c - 1, c + 1} {
				if od, ok := origin[rc{i, d}]; ok && od == o {
					wide = true
				}
			}
			return wide && (!ok2 || o2 != o)
		}
		_, has := parent(c)
		return own(i, c) == "" && has
	}
	text = make([]string, width)
	subs, under := 0, 0
	for c := 0; c < width; c++ {
		s := own(i+1, c)
		if s == "" {
			if o, ok := origin[rc{i, c}]; !ok || o == (rc{i, c}) {
				text[c] = own(i, c)
			}
			continue
		}
		subs++
		p, hasParent := parent(c)
		sp := spanned(c)
		if sp {
			under++
		}
		switch {
		case headerRole(s) != -1:
			text[c] = s
		case sp && hasParent && headerRole(p) != -1:
			text[c] = p + "（" + s + "）"
		default:
			return nil, false // a cell that is no sub-head: row i+1 holds data
		}
	}
	if subs == 0 || under == 0 {
		return nil, false
	}
	return text, true
}

// taskTextWords are the task-text column names listed in messages.
var taskTextWords = []string{"主要任务", "重点任务", "工作任务", "具体要求", "工作要求", "工作内容", "具体措施"}
