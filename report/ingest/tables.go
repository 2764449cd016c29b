package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"nianbao/report"
)

var tableNames = [3]string{"表二", "表三", "表四"}
var tableKeys = [3]string{"table2", "table3", "table4"}

// textOf is all the text of a table, normalised.
func textOf(t *table) string {
	var b strings.Builder
	seen := map[*tcell]bool{}
	for _, row := range t.rows {
		for _, c := range row {
			if !seen[c] {
				seen[c] = true
				b.WriteString(norm(c.text))
			}
		}
		if b.Len() > 1<<16 {
			break
		}
	}
	return b.String()
}

// classify says which statutory table t is by its labels: 0 表二, 1 表三,
// 2 表四, -1 none.
func classify(t *table) int {
	s := textOf(t)
	switch {
	case strings.Contains(s, "申请人情况") || strings.Contains(s, "本年新收"):
		return 1
	case strings.Contains(s, "行政复议") && strings.Contains(s, "结果维持"):
		return 2
	case strings.Contains(s, "第二十条") || strings.Contains(s, "信息内容"):
		return 0
	}
	return -1
}

// editionOf is the edition of the year unless the tables' shape says
// otherwise: 2019's 表二 columns (本年新制作数量, 对外公开总数量, 采购)
// and 表三's single （六）其他处理 row; 2021's 本年制发件数 and the three
// rows under （六）.
func editionOf(year int, tables [3][]*block) report.Edition {
	ed := report.EditionForYear(year)
	var s2, s3 string
	for _, b := range tables[0] {
		s2 += textOf(b.tab)
	}
	for _, b := range tables[1] {
		s3 += textOf(b.tab)
	}
	switch {
	case strings.Contains(s2, "本年新制作数量") || strings.Contains(s2, "对外公开总数量") || strings.Contains(s2, "政府集中采购"):
		return report.Ed2019
	case strings.Contains(s2, "本年制发件数") || strings.Contains(s2, "现行有效件数"):
		return report.Ed2021
	case strings.Contains(s3, "逾期不补正") || strings.Contains(s3, "逾期未按收费通知"):
		return report.Ed2021
	case s3 != "" && strings.Contains(s3, "其他处理"):
		return report.Ed2019
	}
	return ed
}

// reader reads cells of one table, counting and reporting.
type reader struct {
	res         *result
	table       string // 表二 …
	read, unrd  int
	unreadNames []string
}

// value reads one cell's text. kind is the column's kind. It returns
// ok=false for a blank cell (recorded blank) and for an unreadable one
// (reported); a number typed the way offices type it is read and reported.
func (rd *reader) value(path, label, text string, kind report.ValueKind) (v report.Decimal, ok bool) {
	raw := strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\u3000' || r == '\u200b' {
			return ' '
		}
		return r
	}, text))
	// A number split across elements or lines: drop inner whitespace.
	s := strings.Join(strings.Fields(raw), "")
	whole := kind != report.KindAmount
	k, hint := report.NumberText(s, whole)
	switch k {
	case report.TextBlank:
		rd.read++
		rd.res.blank[path] = true
		return v, false
	case report.TextPlain:
		d, err := report.ParseDecimal(s)
		if err == nil && (!whole || d.Scale == 0) && (kind == report.KindChange || !d.Neg()) {
			rd.read++
			return d, true
		}
	case report.TextTyped:
		if w, ok := strings.CutPrefix(hint, "写成 "); ok {
			num, why, _ := strings.Cut(w, "（")
			d, err := report.ParseDecimal(num)
			if err == nil && (!whole || d.Scale == 0) && (kind == report.KindChange || !d.Neg()) {
				rd.read++
				rd.res.add(report.Warning, "IN-2", path, "%s %s：原文写作“%s”，按 %s 读入（%s",
					rd.table, label, report.Clip(raw, 30), num, strings.TrimSuffix(why, "）")+"）")
				return d, true
			}
		}
	}
	rd.unread(path, label, fmt.Sprintf("原文为“%s”，不是可读的数字", report.Clip(raw, 30)))
	return v, false
}

func (rd *reader) unread(path, label, why string) {
	rd.unrd++
	rd.res.blank[path] = true
	rd.unreadNames = append(rd.unreadNames, label)
	rd.res.add(report.Error, "IN-1", path, "%s %s 无法读取：%s。已留空，请对照原文填写", rd.table, label, why)
}

// readTables reads 表二, 表三 and 表四 from the blocks found in their
// sections, and records each in the source block.
func readTables(res *result, tables [3][]*block, images [3]string) {
	r := res.r
	for k := range 3 {
		rd := &reader{res: res, table: tableNames[k]}
		where := ""
		var t *table
		for _, b := range tables[k] {
			if t == nil {
				t = &table{where: b.where, tol: b.tab.tol, pdf: b.tab.pdf}
				where = b.where
			}
			t.rows = append(t.rows, b.tab.rows...)
		}
		switch {
		case t == nil && images[k] != "":
			where = "图片 " + images[k]
			res.add(report.Error, "IN-3", tableKeys[k], "%s是图片（%s），无法读取其中的数字：该表已全部留空，请对照原文填写", tableNames[k], images[k])
		case t == nil:
			where = "未找到"
			res.add(report.Error, "IN-3", tableKeys[k], "找不到%s：该表已全部留空，请对照原文填写", tableNames[k])
		default:
			switch k {
			case 0:
				readT2(rd, t)
			case 1:
				readT3(rd, t)
			case 2:
				readT4(rd, t)
			}
		}
		if t == nil {
			blankTable(res, k)
			rd.unrd = cellCount(r.Edition, k)
		}
		res.src.Tables = append(res.src.Tables, report.SourceTable{Name: tableKeys[k], Where: where, Read: rd.read, Unreadable: rd.unrd})
	}
}

func cellCount(ed report.Edition, k int) int {
	switch k {
	case 0:
		return len(ed.Table2Cells())
	case 1:
		return 6 * (len(ed.Table3()) - 1)
	}
	return 12
}

// blankTable marks every cell of table k blank.
func blankTable(res *result, k int) {
	ed := res.r.Edition
	switch k {
	case 0:
		for _, c := range ed.Table2Cells() {
			res.blank[c.Path()] = true
		}
	case 1:
		for _, row := range ed.Table3() {
			for j := range 6 {
				if row.Kind != report.T3Total {
					res.blank[fmt.Sprintf("requests.%s[%d]", row.ID, j)] = true
				}
			}
		}
	case 2:
		for _, g := range report.Table4Rows {
			for j := range 4 {
				res.blank["appeals."+g.Key+"."+report.Table4Cols[j].Key] = true
			}
		}
	}
}

// readT2 reads 表二: a caption row (第二十条第（X）项) opens a block, a
// header row (信息内容 …) names its columns, each data row is matched by
// its label.
func readT2(rd *reader, t *table) {
	r := rd.res.r
	ed := r.Edition
	blocks := ed.Table2()
	cur := -1
	var cols []column
	found := map[int]bool{}      // Table2Cells index → row found
	placedAt := map[int][]slot{} // PDF: row index → its cells by column
	for ix, row := range t.rows {
		if len(row) == 0 {
			continue
		}
		first := norm(row[0].text)
		all := ""
		for _, c := range row {
			all += norm(c.text)
		}
		if strings.Contains(all, "第二十条") {
			for bi, b := range blocks {
				if strings.Contains(all, norm(b.Caption)) {
					cur, cols = bi, nil
				}
			}
			continue
		}
		if first == report.T2FirstColHeader || strings.HasPrefix(all, report.T2FirstColHeader) {
			// A header row: match each column label of the current block
			// (or of whichever block has these labels).
			for bi, b := range blocks {
				cs := make([]column, len(b.Cols))
				n := 0
				for ci, col := range b.Cols {
					for _, c := range row[1:] {
						if labelMatch(c.text, col.Label) {
							cs[ci] = column{c.x0, c.x1, true}
							n++
							break
						}
					}
				}
				if n == len(b.Cols) && (cur < 0 || bi == cur || len(blocks[cur].Cols) != n || !sameLabels(blocks[cur], b)) {
					if cur < 0 || !sameLabels(blocks[cur], b) {
						cur = bi
					}
					cols = cs
					break
				}
			}
			continue
		}
		// A data row: the label in the first cell.
		bi, ri := -1, -1
		for i, b := range blocks {
			for j, rw := range b.Rows {
				if labelMatch(row[0].text, rw.Label) {
					bi, ri = i, j
				}
			}
		}
		if bi < 0 {
			continue
		}
		b := blocks[bi]
		own := false // columns from this row's own cells
		if bi != cur || cols == nil {
			// No header of this block: its cells in order, if there are
			// exactly as many as columns.
			own = true
			vals := distinctAfter(row, row[0])
			if len(vals) != len(b.Cols) {
				for _, col := range b.Cols {
					idx := ed.Table2Index(b.Rows[ri].Key, col.Key)
					found[idx] = true
					rd.unread(ed.Table2Cells()[idx].Path(), b.Rows[ri].Label+"·"+col.Label, "找不到该块的表头（信息内容……）")
				}
				continue
			}
			cols = make([]column, len(vals))
			for i, c := range vals {
				cols[i] = column{c.x0, c.x1, true}
			}
		}
		var slots []slot
		switch {
		case t.pdf && own:
			slots = placeRows([][]*tcell{row}, cols)[0]
		case t.pdf:
			if placedAt[ix] == nil {
				// This row and the data rows after it under the same header.
				end := ix + 1
				for end < len(t.rows) && !t2Header(t.rows[end]) {
					end++
				}
				for k, ss := range placeRows(t.rows[ix:end], cols) {
					placedAt[ix+k] = ss
				}
			}
			slots = placedAt[ix]
		}
		for ci, col := range b.Cols {
			idx := ed.Table2Index(b.Rows[ri].Key, col.Key)
			cell := ed.Table2Cells()[idx]
			found[idx] = true
			label := b.Rows[ri].Label + "·" + col.Label
			text := ""
			switch {
			case t.pdf && slots[ci].why != "":
				rd.unread(cell.Path(), label, slots[ci].why)
				continue
			case t.pdf:
				text = slots[ci].text
			case cols[ci].ok:
				if c := cellAt(row[1:], cols[ci].x0, cols[ci].x1, t.tol); c != nil {
					text = c.text
				}
			}
			if b.Rows[ri].Key == "procurement" && col.Kind == report.KindAmount {
				n := norm(text)
				for _, u := range []string{"万元", "元"} {
					if s, ok := strings.CutSuffix(n, u); ok {
						r.ProcUnit, text = u, s
						break
					}
				}
			}
			v, ok := rd.value(cell.Path(), label, text, col.Kind)
			if ok {
				if col.Kind == report.KindAmount {
					r.Active[idx].Amount = v
				} else {
					r.Active[idx].Int = v.Mant
				}
			}
		}
	}
	for idx, c := range ed.Table2Cells() {
		if !found[idx] {
			b := blocks[c.Block]
			rd.unread(c.Path(), b.Rows[c.Row].Label+"·"+b.Cols[c.Col].Label, "表中没有这一行")
		}
	}
}

// t2Header reports whether a row of 表二 opens a block or names its
// columns (第二十条第（X）项, 信息内容 …).
func t2Header(row []*tcell) bool {
	if len(row) == 0 {
		return false
	}
	all := rowText(row)
	return strings.Contains(all, "第二十条") || norm(row[0].text) == report.T2FirstColHeader || strings.HasPrefix(all, report.T2FirstColHeader)
}

func sameLabels(a, b report.T2Block) bool {
	if len(a.Cols) != len(b.Cols) {
		return false
	}
	for i := range a.Cols {
		if a.Cols[i].Label != b.Cols[i].Label {
			return false
		}
	}
	return true
}

// distinctAfter returns the distinct cells of row other than skip.
func distinctAfter(row []*tcell, skip *tcell) []*tcell {
	var out []*tcell
	seen := map[*tcell]bool{skip: true}
	for _, c := range row {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// labelMatch reports whether cell text names the statutory label: equal
// once normalised, or equal in their cores.
func labelMatch(text, label string) bool {
	a, b := norm(text), norm(label)
	if a == "" {
		return false
	}
	if a == b {
		return true
	}
	ca, cb := core(text), core(label)
	return ca != "" && ca == cb
}

// readT3 reads 表三.
func readT3(rd *reader, t *table) {
	r := rd.res.r
	ed := r.Edition
	labels := append(report.ApplicantColumns[:], report.T3TotalCol)
	// Columns from the header: clusters whose text is an applicant label.
	hasNum := withFigures(2)
	head, body := splitHeader(t, hasNum)
	cl := headerClusters(head, t.tol, t.pdf)
	var cols [7]column
	for i, l := range labels {
		for _, c := range cl {
			txt := strings.NewReplacer("申请人情况", "", report.T3LegalGroup, "").Replace(c.text)
			if txt == l {
				cols[i] = column{c.x0, c.x1, true}
			}
		}
	}
	for i := range 6 {
		if !cols[i].ok {
			for _, row := range ed.Table3() {
				if row.Kind != report.T3Total {
					rd.unread(fmt.Sprintf("requests.%s[%d]", row.ID, i), report.T3Label(row)+"·"+labels[i], "表头中找不到“"+labels[i]+"”列")
				}
			}
		}
	}
	left := math.Inf(1)
	for _, c := range cols {
		if c.ok {
			left = min(left, c.x0)
		}
	}
	// Data rows with their label context.
	headText := map[string]bool{}
	for _, row := range head {
		headText[rowText(row)] = true
	}
	type drow struct {
		cells []*tcell
		ctx   string
	}
	var drs []drow
	var pending []string // label text of rows without figures (PDF)
	for _, row := range body {
		if headText[rowText(row)] {
			continue // a header repeated on a new page
		}
		var lab strings.Builder
		seen := map[*tcell]bool{}
		for _, c := range row {
			if c.x1 <= left+t.tol && !seen[c] && !(t.pdf && isFigure(c.text)) {
				seen[c] = true
				lab.WriteString(norm(c.text))
			}
		}
		if !hasNum(row) {
			pending = append(pending, lab.String())
			if t.pdf && len(drs) > 0 {
				drs[len(drs)-1].ctx += lab.String()
			}
			continue
		}
		ctx := lab.String()
		if t.pdf {
			ctx = strings.Join(pending, "") + ctx
		}
		pending = nil
		drs = append(drs, drow{row, ctx})
	}
	rows := ed.Table3()
	ctxs := make([]string, len(drs))
	for i, d := range drs {
		ctxs[i] = d.ctx
	}
	match := align(ctxs, rows)
	var placed [][]slot
	if t.pdf {
		cells := make([][]*tcell, len(drs))
		for i, d := range drs {
			cells[i] = d.cells
		}
		placed = placeRows(cells, cols[:])
	}
	got := map[int]bool{}
	for i, j := range match {
		if j < 0 {
			continue
		}
		row := rows[j]
		got[j] = true
		ar := &r.Requests[j]
		var slots []slot
		if t.pdf {
			slots = placed[i]
		}
		for k := range 7 {
			if !cols[k].ok {
				continue
			}
			path := fmt.Sprintf("requests.%s[%d]", row.ID, k)
			label := report.T3Label(row) + "·" + labels[k]
			text := ""
			if t.pdf {
				if slots[k].why != "" {
					if k < 6 && row.Kind != report.T3Total {
						rd.unread(path, label, slots[k].why)
					}
					continue
				}
				text = slots[k].text
			} else if c := cellAt(drs[i].cells, cols[k].x0, cols[k].x1, t.tol); c != nil {
				text = c.text
			}
			if k == 6 {
				// The printed 总计: kept for check (T3-4) when readable.
				if v, ok := quietInt(text); ok {
					ar.Printed, ar.HasTotal = v, true
				}
				continue
			}
			if v, ok := rd.value(path, label, text, report.KindCount); ok {
				ar.Cells[k] = v.Mant
			}
		}
		if row.Kind == report.T3Total && !ar.HasTotal {
			// Marshal writes the 总计 row when HasTotal; its 总计 column
			// could not be read, so it is the row's sum.
			ar.Printed, ar.HasTotal = ar.Sum(), true
		}
	}
	for j, row := range rows {
		if !got[j] && row.Kind != report.T3Total {
			for k := range 6 {
				if cols[k].ok {
					rd.unread(fmt.Sprintf("requests.%s[%d]", row.ID, k), report.T3Label(row)+"·"+labels[k], "表中找不到这一行")
				}
			}
		}
	}
	// The total row is written only when read; its blank marks go.
	if ti := ed.T3Index("total"); ti >= 0 && !got[ti] {
		r.Requests[ti].HasTotal = false
	}
}

// quietInt reads a plain whole number without reporting.
func quietInt(s string) (int64, bool) {
	s = strings.Join(strings.Fields(s), "")
	if report.IsPlainInt(s) {
		v, err := strconv.ParseInt(s, 10, 64)
		return v, err == nil && v >= 0
	}
	return 0, false
}

func rowText(row []*tcell) string {
	var b strings.Builder
	for _, c := range row {
		b.WriteString(norm(c.text))
	}
	return b.String()
}

// align matches data rows (by their label context) to statutory rows in
// order, maximising label similarity: a monotone alignment in which a
// data row may match a statutory row only if the row's label is mostly
// found in its context. It returns, per data row, the row index or -1.
func align(ctxs []string, rows []report.T3Row) []int {
	n, m := len(ctxs), len(rows)
	score := make([][]float64, n)
	for i := range n {
		score[i] = make([]float64, m)
		for j := range m {
			score[i][j] = similarity(ctxs[i], rows[j])
		}
	}
	dp := make([][]float64, n+1)
	for i := range dp {
		dp[i] = make([]float64, m+1)
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			best := max(dp[i-1][j], dp[i][j-1])
			if s := score[i-1][j-1]; s >= 0.5 {
				best = max(best, dp[i-1][j-1]+s)
			}
			dp[i][j] = best
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	for i, j := n, m; i > 0 && j > 0; {
		s := score[i-1][j-1]
		switch {
		case s >= 0.5 && dp[i][j] == dp[i-1][j-1]+s:
			out[i-1] = j - 1
			i, j = i-1, j-1
		case dp[i][j] == dp[i-1][j]:
			i--
		default:
			j--
		}
	}
	return out
}

// similarity is the share of the row label's character pairs found in
// ctx (1 when the label is there, wrapped or not); a label with a group
// (（三）不予公开 1.属于国家秘密) counts its own text only. A context that
// holds the label exactly gets a bonus so that a short label (3.其他)
// beats a long one merely mentioned.
func similarity(ctx string, row report.T3Row) float64 {
	c := core(row.Label)
	x := strings.Map(func(r rune) rune {
		if r < 0x80 && (r == '.' || r == ',') {
			return -1
		}
		return r
	}, ctx)
	rs := []rune(c)
	if len(rs) == 0 {
		return 0
	}
	if len(rs) == 1 {
		if strings.Contains(x, c) {
			return 1
		}
		return 0
	}
	hit := 0
	for i := 0; i+1 < len(rs); i++ {
		if strings.Contains(x, string(rs[i:i+2])) {
			hit++
		}
	}
	s := float64(hit) / float64(len(rs)-1)
	if strings.Contains(norm(ctx), norm(row.Label)) {
		s += 0.5
	}
	// Penalise contexts much longer than the label (a neighbour's label).
	extra := len([]rune(x)) - len(rs)
	if extra > 0 {
		s -= 0.002 * float64(extra)
	}
	return s
}

// readT4 reads 表四: 15 value columns under three groups.
func readT4(rd *reader, t *table) {
	r := rd.res.r
	hasNum := withFigures(4)
	head, body := splitHeader(t, hasNum)
	cl := headerClusters(head, t.tol, t.pdf)
	var outs []hcluster // outcome columns in order
	var groups [3][]hcluster
	for _, c := range cl {
		for _, o := range report.Table4Cols {
			if strings.HasSuffix(c.text, o.Label) {
				outs = append(outs, c)
			}
		}
		switch {
		case strings.Contains(c.text, "复议后起诉"):
			groups[2] = append(groups[2], c)
		case strings.Contains(c.text, "直接起诉"):
			groups[1] = append(groups[1], c)
		case strings.Contains(c.text, "行政复议"):
			groups[0] = append(groups[0], c)
		}
	}
	// Group of each outcome column: the group cell covering it, else the
	// nearest group label.
	type col struct {
		g, o int
		x0   float64
		x1   float64
	}
	var cols []col
	for _, oc := range outs {
		o := -1
		for j, c := range report.Table4Cols {
			if strings.HasSuffix(oc.text, c.Label) {
				o = j
			}
		}
		x := (oc.x0 + oc.x1) / 2
		g, bd := -1, math.Inf(1)
		for gi, gs := range groups {
			for _, gc := range gs {
				d := 0.0
				if x < gc.x0 || x >= gc.x1 {
					d = math.Abs((gc.x0+gc.x1)/2 - x)
				}
				if d < bd {
					g, bd = gi, d
				}
			}
		}
		if g >= 0 {
			cols = append(cols, col{g, o, oc.x0, oc.x1})
		}
	}
	var data []*tcell
	for _, row := range body {
		if hasNum(row) {
			data = row
		}
	}
	// In a PDF the figures are placed under all 15 columns in the table's
	// order (group by group, 结果维持 to 总计), found or not: a column
	// whose header is missing (cut off at the page's edge) keeps its
	// place, and its figure is not given to a neighbour.
	var slots []slot
	if t.pdf && data != nil {
		cs := make([]column, len(report.Table4Rows)*len(report.Table4Cols))
		for _, c := range cols {
			cs[c.g*len(report.Table4Cols)+c.o] = column{c.x0, c.x1, true}
		}
		slots = placeRows([][]*tcell{data}, cs)[0]
	}
	for gi, grp := range report.Table4Rows {
		for o := range 5 {
			path := "appeals." + grp.Key + "." + report.Table4Cols[o].Key
			label := grp.Titled + "·" + report.Table4Cols[o].Label
			var c *col
			for i := range cols {
				if cols[i].g == gi && cols[i].o == o {
					c = &cols[i]
				}
			}
			if c == nil || data == nil {
				if o < 4 {
					why := "表头中找不到该列"
					if data == nil {
						why = "表中没有数字行"
					}
					rd.unread(path, label, why)
				}
				continue
			}
			text := ""
			if t.pdf {
				sl := slots[gi*len(report.Table4Cols)+o]
				if sl.why != "" {
					if o < 4 {
						rd.unread(path, label, sl.why)
					}
					continue
				}
				text = sl.text
			} else if cell := cellAt(data, c.x0, c.x1, t.tol); cell != nil {
				text = cell.text
			}
			if o == 4 {
				if v, ok := quietInt(text); ok {
					r.Appeals[gi].Printed, r.Appeals[gi].HasTotal = v, true
				}
				continue
			}
			if v, ok := rd.value(path, label, text, report.KindCount); ok {
				r.Appeals[gi].Vals[o] = v.Mant
			}
		}
	}
}

// readWorkPlan reads nianbao's ledger table (序号, 事项名称, 主要任务,
// 牵头部门, 完成时限, 落实状态, 落实情况) into r.WorkPlan.
func readWorkPlan(res *result, t *table) {
	if len(t.rows) < 2 {
		return
	}
	keys := map[string]string{}
	for k, v := range report.TaskField {
		keys[v] = k
	}
	hdr := t.rows[0]
	field := make([]string, len(hdr))
	for i, c := range hdr {
		field[i] = keys[norm(c.text)]
	}
	for _, row := range t.rows[1:] {
		var tk report.Task
		for i, c := range row {
			if i >= len(field) {
				break
			}
			v := strings.TrimSpace(c.text)
			if v == report.NoValue {
				v = ""
			}
			switch field[i] {
			case "item":
				tk.Item = v
			case "task":
				tk.Task = v
			case "lead":
				tk.Lead = v
			case "units":
				tk.Units = v
			case "deadline":
				tk.Deadline = v
			case "status":
				tk.Status = v
			case "result":
				tk.Result = v
			}
		}
		res.r.WorkPlan.Tasks = append(res.r.WorkPlan.Tasks, tk)
	}
}
