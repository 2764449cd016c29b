package xlsx

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"nianbao/report"
)

// Sheet names, in workbook order. Messages name cells as 表三!D7.
const (
	sheetInfo  = "基本信息"
	sheetT2    = "表二"
	sheetT3    = "表三"
	sheetT4    = "表四"
	sheetFees  = "信息处理费"
	sheetText  = "文字部分"
	sheetPlan  = "工作要点"
	sheetCheck = "校验"
)

// gridTop is the sheet row where a statutory table starts: row 1 holds the
// table's title, row 2 the organ and year.
const gridTop = 3

// Rows of the 基本信息 sheet (column B holds the value).
const (
	infoYear = 3 + iota
	infoOrgan
	infoFormat
	infoScope
	infoDate
	infoOverride
	infoCarryNote
	infoTool
	// Publication metadata, after the tool mark (B10 identifies workbooks of
	// every version): 索引号, 发布机构, 文号, 发布日期, 主题分类.
	infoIndexNumber
	infoPublisher
	infoDocNumber
	infoPublished
	infoTopic
)

// Rows of the 信息处理费 and 文字部分 sheets: the first value row.
const (
	feesFirstRow = 3
	textFirstRow = 3
)

// The 工作要点 sheet: the title in C3, the column heads in row 4, one task
// per row from row 5 (column A numbers the rows, B–H hold the fields).
const (
	planTitleRow = 3
	planTitleCol = 3
	planHeadRow  = 4
	planFirstRow = 5
	// planSpare is how many empty rows follow the tasks for adding more;
	// a template or a report without tasks gets planMinRows rows.
	planSpare   = 5
	planMinRows = 20
)

// planCols are the task fields in column order (from column B), with the
// column head, the column width and the YAML key.
var planCols = []struct {
	Head  string
	Width float64
	Key   string
	get   func(*report.Task) *string
}{
	{"事项名称", 16, "item", func(t *report.Task) *string { return &t.Item }},
	{"主要任务", 42, "task", func(t *report.Task) *string { return &t.Task }},
	{"牵头部门", 14, "lead", func(t *report.Task) *string { return &t.Lead }},
	{"责任单位", 16, "units", func(t *report.Task) *string { return &t.Units }},
	{"完成时限", 13, "deadline", func(t *report.Task) *string { return &t.Deadline }},
	{"落实状态", 10, "status", func(t *report.Task) *string { return &t.Status }},
	{"落实情况", 42, "result", func(t *report.Task) *string { return &t.Result }},
}

// planCol returns the sheet column of a task key (B = 2), or 0.
func planCol(key string) int {
	for i, c := range planCols {
		if c.Key == key {
			return i + 2
		}
	}
	return 0
}

// Scope names as the workbook shows them.
var scopeNames = map[report.Scope]string{
	report.ScopeOrgan:  "本机关报告",
	report.ScopeRegion: "本级政府汇总报告",
}

// toolMark identifies a workbook written by nianbao (基本信息!B10).
const toolMark = "nianbao 年报工作簿（格式 1）"

// fieldKind says what an input cell holds.
type fieldKind int

const (
	fCount  fieldKind = iota // non-negative whole number
	fChange                  // signed whole number (2019: 本年增/减)
	fAmount                  // non-negative decimal
	fUnit                    // 元 or 万元 (2019: 采购总金额的单位)
)

// field is one input cell of a statutory table or the fees sheet.
type field struct {
	Sheet    string
	Col, Row int
	Path     string // YAML path, as problems name it: requests.received[0]
	Kind     fieldKind
	Label    string // row and column label for messages: 1.属于国家秘密，自然人
	Rule     string // rule broken by a negative value
	Unit     string // unit of an amount, for prompts: 万元, 元
	// intIn and amountIn point at the field's value in a Report: a whole
	// number or an amount (nil for the other kind and the unit).
	intIn    func(*report.Report) *int64
	amountIn func(*report.Report) *report.Decimal
}

// Ref is the cell reference, e.g. D7.
func (f *field) Ref() string { return ref(f.Col, f.Row) }

// Where names the cell for a message: 表三!D7.
func (f *field) Where() string { return f.Sheet + "!" + f.Ref() }

func ref(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// placed is one grid cell at its sheet position (1-based, top-left):
// the grid slot report.Build gave it (GridCell.Row, .Col), moved below the
// title rows.
type placed struct {
	Row, Col int
	report.GridCell
}

// place copies a grid's cells with their sheet positions; the grid is not
// changed.
func place(g *report.Grid, top int) []placed {
	var out []placed
	for _, rows := range [][][]report.GridCell{g.Head, g.Body} {
		for _, row := range rows {
			for _, gc := range row {
				out = append(out, placed{Row: top + gc.Row, Col: 1 + gc.Col, GridCell: gc})
			}
		}
	}
	return out
}

// tableSheet is one statutory table laid out on its sheet.
type tableSheet struct {
	Name  string
	Grid  *report.Grid
	Cells []placed
	Rows  int // grid rows
}

// layout is the complete cell map of the workbook for one edition: where
// every label, input and formula goes. Write and Read share it, so what is
// written is what is read.
type layout struct {
	Ed     report.Edition
	Tables [3]tableSheet // 表二, 表三, 表四
	Fields []*field      // every numeric input, in sheet order
	byPath map[string]*field
	cells  map[string]string // every number cell's YAML path → 表三!D7
	// 表三 rows: sheet row of each Edition.Table3 row.
	T3Rows []int
	// 表四 total columns per group.
	T4Total [3]int
	T4Row   int
}

var (
	layoutMu sync.Mutex
	layouts  = map[report.Edition]*layout{}
)

// layoutFor returns the (cached) layout of the edition, from the grids of
// a blank report's Doc: the importer and CellFor read by it. Write lays out
// the Doc it is given (layoutOf); both agree because the grids' shape and
// labels depend only on the edition (TestGolden, TestRoundTrip).
func layoutFor(ed report.Edition) *layout {
	layoutMu.Lock()
	defer layoutMu.Unlock()
	if l, ok := layouts[ed]; ok {
		return l
	}
	l, err := layoutOf(report.Build(blankReport(ed, 2024, ""), nil))
	if err != nil {
		panic(err) // the edition's own grids: a bug in package report
	}
	layouts[ed] = l
	return l
}

// blankReport is a report of the edition with every value zero, aligned
// with the edition's tables.
func blankReport(ed report.Edition, year int, organ string) *report.Report {
	r := &report.Report{Year: year, Organ: organ, Edition: ed, Scope: report.ScopeOrgan,
		Active: make([]report.Cell, len(ed.Table2Cells())), Requests: make([]report.AppRow, len(ed.Table3()))}
	if ed == report.Ed2019 {
		r.ProcUnit = "万元"
	}
	return r
}

// layoutOf lays out the statutory tables of doc (sections 二, 三, 四).
func layoutOf(doc *report.Doc) (*layout, error) {
	ed := doc.Edition
	l := &layout{Ed: ed, byPath: map[string]*field{}, cells: map[string]string{}}
	names := [3]string{sheetT2, sheetT3, sheetT4}
	for i := range 3 {
		g := doc.Sections[i+1].Table
		if g == nil {
			return nil, fmt.Errorf("报告文档缺少%s，无法生成工作簿", names[i])
		}
		l.Tables[i] = tableSheet{Name: names[i], Grid: g, Cells: place(g, gridTop), Rows: len(g.Head) + len(g.Body)}
	}
	l.T3Rows = make([]int, len(ed.Table3()))
	for ti := range l.Tables {
		ts := &l.Tables[ti]
		for i := range ts.Cells {
			c := &ts.Cells[i]
			if c.Kind != report.CellNumber || c.Key == "" {
				continue
			}
			l.cells[c.Key] = ts.Name + "!" + ref(c.Col, c.Row)
			f := &field{Sheet: ts.Name, Col: c.Col, Row: c.Row, Path: c.Key}
			if ok := [3]func(*field) bool{l.t2Field, l.t3Field, l.t4Field}[ti](f); ok {
				l.add(f)
			}
			if f.Path == "active.procurement.amount" {
				// 表二: the 2019 procurement amount gives its second column to the unit.
				c.ColSpan = 1
				l.add(&field{Sheet: ts.Name, Col: c.Col + 1, Row: c.Row, Path: "active.procurement.unit", Kind: fUnit,
					Label: "政府集中采购，采购总金额的单位", Rule: "S-7"})
			}
		}
	}
	for i, ff := range report.FeeFields {
		f := &field{Sheet: sheetFees, Col: 2, Row: feesFirstRow + i, Path: "processing_fees." + ff.Key, Kind: fCount,
			Label: ff.Label, Rule: "S-4", Unit: "元"}
		switch i {
		case 0:
			f.intIn = func(r *report.Report) *int64 { return &feesOf(r).Notices }
		case 1:
			f.Kind, f.amountIn = fAmount, func(r *report.Report) *report.Decimal { return &feesOf(r).NotifiedAmount }
		case 2:
			f.Kind, f.amountIn = fAmount, func(r *report.Report) *report.Decimal { return &feesOf(r).Collected }
		}
		l.add(f)
	}
	return l, nil
}

// feesOf is the report's fee block, or a throwaway zero one when it has
// none (the writer leaves such cells blank).
func feesOf(r *report.Report) *report.Fees { return cmp.Or(r.Fees, &report.Fees{}) }

func (l *layout) add(f *field) {
	l.Fields = append(l.Fields, f)
	l.byPath[f.Path] = f
}

func (l *layout) t2Field(f *field) bool {
	rowKey, colKey, _ := strings.Cut(strings.TrimPrefix(f.Path, "active."), ".")
	i := l.Ed.Table2Index(rowKey, colKey)
	cell := l.Ed.Table2Cells()[i]
	b := l.Ed.Table2()[cell.Block]
	col := b.Cols[cell.Col]
	f.Label = b.Rows[cell.Row].Label + "，" + col.Label
	f.Rule = "T2-1"
	if l.Ed == report.Ed2019 {
		f.Rule = "T2-2"
	}
	f.Kind = map[report.ValueKind]fieldKind{report.KindChange: fChange, report.KindAmount: fAmount}[col.Kind]
	if f.Kind == fAmount {
		f.amountIn = func(r *report.Report) *report.Decimal { return &r.Active[i].Amount }
		if rowKey != "procurement" {
			f.Unit = "万元"
		}
	} else {
		f.intIn = func(r *report.Report) *int64 { return &r.Active[i].Int }
	}
	return true
}

// t3Field fills a 表三 field; it reports false for computed cells
// (the 总计 column and the （七）总计 row).
func (l *layout) t3Field(f *field) bool {
	id, rest, _ := strings.Cut(strings.TrimPrefix(f.Path, "requests."), "[")
	k, _ := strconv.Atoi(strings.TrimSuffix(rest, "]"))
	i := l.Ed.T3Index(id)
	l.T3Rows[i] = f.Row
	row := l.Ed.Table3()[i]
	if k == 6 || row.Kind == report.T3Total {
		return false
	}
	f.Kind, f.Rule = fCount, "T3-6"
	f.intIn = func(r *report.Report) *int64 { return &r.Requests[i].Cells[k] }
	f.Label = row.Group + row.Label + "，" + report.ApplicantColumns[k]
	return true
}

// t4Field fills a 表四 field; it reports false for the 总计 columns.
func (l *layout) t4Field(f *field) bool {
	grp, col, _ := strings.Cut(strings.TrimPrefix(f.Path, "appeals."), ".")
	l.T4Row = f.Row
	gi := slices.IndexFunc(report.Table4Rows[:], func(g report.T4Row) bool { return g.Key == grp })
	ci := slices.IndexFunc(report.Table4Cols[:], func(c struct{ Key, Label string }) bool { return c.Key == col })
	switch {
	case gi < 0 || ci < 0:
		return false
	case col == "total":
		l.T4Total[gi] = f.Col
		return false
	}
	f.Kind, f.Rule = fCount, "T4-2"
	f.intIn = func(r *report.Report) *int64 { return &r.Appeals[gi].Vals[ci] }
	f.Label = report.Table4Rows[gi].Titled + "，" + report.Table4Cols[ci].Label
	return true
}

// fieldsOn are the inputs of one sheet, in sheet order.
func (l *layout) fieldsOn(sheet string) []*field {
	var out []*field
	for _, f := range l.Fields {
		if f.Sheet == sheet {
			out = append(out, f)
		}
	}
	return out
}

// t3Row is the sheet row of the 表三 row of a kind (the first of them).
func (l *layout) t3Row(kind report.T3Kind) int {
	return l.T3Rows[slices.IndexFunc(l.Ed.Table3(), func(r report.T3Row) bool { return r.Kind == kind })]
}

// t3Groups are the first and last sheet rows of each group of 表三's
// outcome rows （一）…（六） (report.OutcomeGroups), which are contiguous.
func (l *layout) t3Groups() [][2]int {
	var out [][2]int
	for _, g := range report.OutcomeGroups(l.Ed) {
		out = append(out, [2]int{l.T3Rows[l.Ed.T3Index(g.IDs[0])], l.T3Rows[l.Ed.T3Index(g.IDs[len(g.IDs)-1])]})
	}
	return out
}

// CellFor returns the workbook cell (e.g. 表三!D7) that holds the value at
// a YAML path of a report of edition ed, or "" when the path has no cell.
// The import command adds it to problems found in an imported workbook.
func CellFor(ed report.Edition, path string) string {
	if !ed.Valid() {
		return ""
	}
	l := layoutFor(ed)
	if c, ok := l.cells[path]; ok {
		return c
	}
	if f, ok := l.byPath[path]; ok {
		return f.Where() // the 2019 procurement unit
	}
	if row, ok := infoRows[path]; ok {
		return sheetInfo + "!" + ref(2, row)
	}
	if path == "work_plan" || path == "work_plan.title" {
		return sheetPlan + "!" + ref(planTitleCol, planTitleRow)
	}
	if rest, ok := strings.CutPrefix(path, "work_plan.tasks["); ok {
		idx, key, _ := strings.Cut(rest, "]")
		if i, err := strconv.Atoi(idx); err == nil && i >= 0 && i < maxSheetRow {
			col := planCol(strings.TrimPrefix(key, "."))
			if col == 0 {
				col = 2
			}
			return sheetPlan + "!" + ref(col, planFirstRow+i)
		}
	}
	for i, s := range report.TextSections {
		if path == "text."+s.Key || strings.HasPrefix(path, "text."+s.Key+".") {
			return sheetText + "!" + ref(2, textFirstRow+i)
		}
	}
	return ""
}

// infoRows are the rows of the 基本信息 sheet by data path.
var infoRows = map[string]int{
	"year": infoYear, "organ": infoOrgan, "format": infoFormat, "scope": infoScope,
	"date": infoDate, "format_override_reason": infoOverride, "carry_over_note": infoCarryNote,
	"index_number": infoIndexNumber, "publisher": infoPublisher, "document_number": infoDocNumber,
	"published": infoPublished, "topic": infoTopic,
}
