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

// findHeader returns the header row and each role's column (-1 if absent).
// When there is none, msg describes the row that came closest: the header
// found and what each column was taken as.
func (g *Grid) findHeader(rows [][]string) (head int, cols [nRoles]int, taken []string, msg string, ok bool) {
	best, bestN := -1, 0
	var bestTaken []string
	for i, row := range rows {
		if i >= 50 {
			break
		}
		c, t := g.headerMap(row)
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
