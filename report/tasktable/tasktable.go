package tasktable

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"nianbao/report"
)

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

// listMarkRE starts a line that is an item of a list: 1. 1、 (1) （一）
// 一、 ① • — 一是 第一，.
var listMarkRE = regexp.MustCompile(`^(?:\d+\s*[.．、)）]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、是]|[①-⑳]|[•●◆■▪·\-—–*]|第[一二三四五六七八九十\d]+[，、,是条项步])`)

// sentenceEnd are the characters after which a line break is a real one.
const sentenceEnd = "。；;！!？?：:…"

// joinWrapped joins the lines of a cell's text that a line break cut in
// the middle of a sentence (a <br> or a paragraph break inside a
// sentence): a break stays when the line before ends a sentence (。；！？：)
// or the line after starts a list item (1. （1） 一、 ①); otherwise the lines
// join without a break, with a space only between two Latin letters or
// digits.
func joinWrapped(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) < 2 {
		return s
	}
	var b strings.Builder
	b.WriteString(lines[0])
	for i := 1; i < len(lines); i++ {
		prev, next := lines[i-1], lines[i]
		last, _ := utf8.DecodeLastRuneInString(prev)
		first, _ := utf8.DecodeRuneInString(next)
		switch {
		case prev == "" || next == "" || strings.ContainsRune(sentenceEnd, last) || listMarkRE.MatchString(next):
			b.WriteByte('\n')
		case isLatin(last) && isLatin(first):
			b.WriteByte(' ')
		}
		b.WriteString(next)
	}
	return b.String()
}

func isLatin(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

var (
	subsectionRE = regexp.MustCompile(`^\s*[（(][一二三四五六七八九十]+[)）]`)
	titleLeadRE  = regexp.MustCompile(`^附件\s*\d*\s*[：:]?\s*`)
)

// Parse reads the task table of one grid. defaultStatus is given to tasks
// whose row has no status of its own ("" leaves them empty). It returns an
// error (in Chinese, starting with the grid's name: 工作表“Sheet1”中没有找到
// 表头行：…, 表格2的表头（第 1 行）下没有任务) when the grid has no header
// row or no task under it; findings that do not stop the import are Notes.
// Only the first MaxRows rows and MaxCols columns are read; a note warns
// when text lies beyond them.
func Parse(grid Grid, defaultStatus string) (*Table, error) {
	rows, merges := grid.Rows, grid.Merges
	// Rows past MaxRows and cells past MaxCols are not read; those with
	// text are counted for a note, so nothing is cut off silently.
	hasText := func(row []string) bool {
		return slices.ContainsFunc(row, func(c string) bool { return strings.TrimSpace(c) != "" })
	}
	cutRows := 0
	if len(rows) > MaxRows {
		for _, row := range rows[MaxRows:] {
			if hasText(row) {
				cutRows++
			}
		}
		rows = rows[:MaxRows]
	}
	cutCells, cutFirst := 0, -1
	for r, row := range rows {
		if len(row) > MaxCols && hasText(row[MaxCols:]) {
			for _, c := range row[MaxCols:] {
				if strings.TrimSpace(c) != "" {
					cutCells++
				}
			}
			if cutFirst < 0 {
				cutFirst = r
			}
		}
	}
	h, msg, ok := grid.findHeader(rows)
	if !ok {
		return nil, fmt.Errorf("%s中没有找到表头行：%s", grid.title(), msg)
	}
	head, cols, hdr := h.row, h.cols, h.text
	hdrAt := func(c int) string {
		if c >= 0 && c < len(hdr) {
			return normHead(hdr[c])
		}
		return ""
	}
	res := &Table{Plan: &report.WorkPlan{}, Name: grid.Name, Header: head + 1, StatusFromTable: cols[colStatus] >= 0}
	if cutRows > 0 {
		res.Notes = append(res.Notes, Note{Cell: grid.cell(0, MaxRows), Warning: true,
			Msg: fmt.Sprintf("%s共 %d 行，超过任务分解表的上限 %d 行：第 %d 行及以后没有读取，其中 %d 行有文字未导入。正常的任务分解表只有几十到几百行，请检查是否选错了文件，或删去多余的行后重新导入",
				grid.title(), len(grid.Rows), MaxRows, MaxRows+1, cutRows)})
	}
	if cutRows == 0 && grid.Cut {
		res.Notes = append(res.Notes, Note{Cell: grid.cell(0, len(rows)-1), Warning: true,
			Msg: fmt.Sprintf("%s过大，超过读取上限（每个表格 %d 个单元格），只读取了前 %d 行，之后的行没有读取。正常的任务分解表只有几十到几百行，请检查是否选错了文件，或删去多余的行后重新导入",
				grid.title(), grid.CutLimit, len(rows))})
	}
	if cutCells > 0 {
		res.Notes = append(res.Notes, Note{Cell: grid.cell(MaxCols, cutFirst), Warning: true,
			Msg: fmt.Sprintf("%s超过 %d 列：%s列及以后没有读取，其中 %d 个单元格有文字未导入。请删去多余的列，或把内容并入前面的列后重新导入",
				grid.title(), MaxCols, grid.column(MaxCols), cutCells)})
	}
	headRows := fmt.Sprintf("第 %d 行", head+1)
	if h.rows == 2 {
		headRows = fmt.Sprintf("第 %d、%d 行", head+1, head+2)
	}
	headerNote := fmt.Sprintf("表头（%s）：%s", headRows, strings.Join(h.taken, "，"))
	for _, role := range []int{colItem, colLead, colUnits, colDeadline} {
		if cols[role] >= 0 {
			continue
		}
		switch role {
		case colDeadline:
			res.Notes = append(res.Notes, Note{Cell: grid.cell(0, head),
				Msg: "表头中没有“完成时限”列，各项任务的完成时限为空（检查时不判断是否到期）"})
		case colItem:
			res.Notes = append(res.Notes, Note{Cell: grid.cell(0, head),
				Msg: "表头中没有“事项名称”列：每行（有序号的按序号）作为一项任务，事项名称取自其上方的标题行（一、……（一）……）"})
		default:
			res.Notes = append(res.Notes, Note{Cell: grid.cell(0, head), Warning: true,
				Msg: fmt.Sprintf("表头中没有“%s”列，导入后此项为空", roleNames[role])})
		}
	}
	// The title: a row above the header, e.g. 示例市2024年政务公开工作要点任务分解表,
	// else the nearest paragraph above a Word or web table that reads as one.
	for i := 0; i < head; i++ {
		for _, c := range rows[i] {
			if t, ok := planTitle(c); ok {
				res.Plan.Title = t
			}
		}
	}
	for i := len(grid.Above) - 1; i >= 0 && res.Plan.Title == ""; i-- {
		if t, ok := planTitle(grid.Above[i]); ok && utf8.RuneCountInString(t) <= 100 {
			res.Plan.Title = t
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
			for c := m.Col1; c <= m.Col2 && c < MaxCols; c++ {
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
		width = max(width, min(len(rows[r]), MaxCols))
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
	// ownTexts are the texts of row r's own cells (not merged into from
	// another column), to know a header row repeated at a page break.
	ownTexts := func(r int) []string {
		var out []string
		for c := 0; c < width; c++ {
			if o := originOf(r, c); o.c == c && o.r == r && r < len(rows) && c < len(rows[r]) {
				if v := normHead(rows[r][c]); v != "" {
					out = append(out, v)
				}
			}
		}
		return out
	}
	var headTexts [][]string
	for k := range h.rows {
		headTexts = append(headTexts, ownTexts(head+k))
	}
	lastRow := head + h.rows - 1
	for r := head + h.rows; r < len(rows); r++ {
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
		if headerRole(task) == roleTaskText && normHead(task) == hdrAt(cols[colTask]) {
			continue // header repeated at a page break
		}
		if own := ownTexts(r); slices.ContainsFunc(headTexts, func(h []string) bool { return slices.Equal(h, own) }) {
			continue // a header row repeated at a page break (the sub-header too)
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
			res.Notes = append(res.Notes, Note{Cell: grid.cell(cols[colTask], r), Warning: true,
				Msg: fmt.Sprintf("此行有内容但“%s”为空，已跳过：%s", hdrAt(cols[colTask]), report.Clip(strings.Join(all, "｜"), 40))})
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
			cur.task.Item = strings.TrimRight(itemNumberRE.ReplaceAllString(joinWrapped(name), ""), "。；; ")
			groups = append(groups, cur)
		}
		cur.last = r
		cur.tasks = append(cur.tasks, joinWrapped(task))
		cur.leads = addUnique(cur.leads, get(r, cols[colLead]))
		cur.units = addUnique(cur.units, get(r, cols[colUnits]))
		cur.dl = addUnique(cur.dl, get(r, cols[colDeadline]))
		cur.status = addUnique(cur.status, get(r, cols[colStatus]))
		cur.result = addUnique(cur.result, joinWrapped(get(r, cols[colResult])))
	}
	for c := 0; c < width; c++ {
		if n := dropped[c]; n > 0 {
			name := "（无列名）"
			if hdrAt(c) != "" {
				name = "“" + report.Clip(hdrAt(c), 20) + "”"
			}
			res.Notes = append(res.Notes, Note{Cell: grid.cell(c, dropFirst[c]), Warning: true,
				Msg: fmt.Sprintf("%s列%s不对应任何一项，其中 %d 个单元格的文字没有导入。%s。如需导入，请把列名改为“主要任务”“事项名称”“牵头单位”“责任单位”“完成时限”之一，或把内容并入这些列",
					grid.column(c), name, n, headerNote)})
		}
	}
	for _, g := range groups {
		t := g.task
		t.Task = strings.Join(g.tasks, "\n")
		t.Lead = strings.Join(g.leads, "；")
		t.Units = strings.Join(g.units, "；")
		t.Deadline = strings.Join(g.dl, "；")
		t.Result = strings.Join(g.result, "\n")
		where := grid.cell(max(cols[colItem], cols[colTask], 0), g.first)
		if len(g.dl) > 1 {
			res.Notes = append(res.Notes, Note{Cell: where, Warning: true,
				Msg: fmt.Sprintf("事项“%s”的各行完成时限不同（%s），已合并为一项；如需分别跟踪，请拆分", taskName(t), strings.Join(g.dl, "、"))})
		}
		switch {
		case len(g.status) == 1 && slices.Contains(report.TaskStatuses, g.status[0]):
			t.Status = g.status[0]
		case len(g.status) > 0:
			res.Notes = append(res.Notes, Note{Cell: where, Warning: true,
				Msg: fmt.Sprintf("事项“%s”的落实状态“%s”不是“已完成”“推进中”“未完成”之一，已设为“%s”", taskName(t), strings.Join(g.status, "、"), defaultStatus)})
			t.Status = defaultStatus
		default:
			t.Status = defaultStatus
		}
		if t.Deadline != "" {
			if _, ok := report.ParseDeadline(t.Deadline); !ok && len(g.dl) == 1 {
				res.Notes = append(res.Notes, Note{Cell: grid.cell(cols[colDeadline], g.first), Warning: true,
					Msg: fmt.Sprintf("完成时限“%s”无法识别，照原样导入；检查时将提示（WP-2）", t.Deadline)})
			}
		}
		res.Plan.Tasks = append(res.Plan.Tasks, t)
	}
	if len(res.Plan.Tasks) == 0 {
		return nil, fmt.Errorf("%s的表头（第 %d 行）下没有任务", grid.title(), head+1)
	}
	res.Range = grid.span(0, head, max(lastCol, width-1), lastRow)
	return res, nil
}

func taskName(t report.Task) string { return report.Clip(cmp.Or(t.Item, t.Task), 20) }

// planTitle reads a title such as 附件1：示例市2024年政务公开工作要点任务分解表
// as the plan's title (示例市2024年政务公开工作要点); ok is false for text
// that names no 要点, 任务分解 or 方案.
func planTitle(s string) (string, bool) {
	t := normHead(s)
	if !strings.Contains(t, "要点") && !strings.Contains(t, "任务分解") && !strings.Contains(t, "方案") {
		return "", false
	}
	t = titleLeadRE.ReplaceAllString(t, "")
	t = strings.TrimSuffix(strings.TrimSuffix(t, "任务分解表"), "分解表")
	return strings.Trim(t, "《》：:"), true
}
