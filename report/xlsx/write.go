// Package xlsx is nianbao's Excel side, through excelize: the statutory
// workbook both ways (Write from a report.Doc and its Report; Read back
// into a Report, naming every problem's cell as 表三!D7; CellFor maps a data
// path to its cell), any workbook's sheets as grids of cell texts (Sheets:
// a 任务分解表, which package tasktable then reads) and the merge
// breakdown workbook (BreakdownWorkbook).
//
// Every workbook read here is untrusted: package zipguard checks it first
// (zip signature, zip directory, worksheet rows, columns, cells and merged
// ranges; see guard) and excelize opens it with unzip limits. Written
// workbooks are deterministic: document dates come from the data.
package xlsx

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/report"
)

// maxCellChars is the most characters a cell can hold (Excel's limit).
const maxCellChars = 32767

// fontName is the typeface of the workbook; spreadsheet programs without it
// substitute their default CJK font.
const fontName = "宋体"

// Options are the inputs of Write beside the Doc.
type Options struct {
	// Report is the data the Doc was built from (report.Build). The input
	// cells hold its figures and its texts as written (placeholders not
	// expanded), so that Read gives the same Report back. Required.
	Report *report.Report
	// Blank leaves every input cell empty: a template to fill in (see
	// Template). Blank is not zero: the clerk types 0 where there were none.
	Blank bool
	// Keep lists what a Blank workbook still fills in from Report: input
	// cells whose YAML path starts with one of these prefixes
	// ("requests.carried_over" for 上年结转), and "text" for the text
	// sections (a draft to rewrite). For `xlsx template --from`.
	Keep []string
}

// Write writes the statutory workbook of doc to w: one sheet per table
// laid out from doc's grids (GridCell.Row/Col), the figures of
// opts.Report in unlocked input cells, totals as formulas, the text
// sections, the work plan and a live 校验 sheet. Document properties come
// from doc, so the bytes depend only on doc and opts. Write neither builds
// nor changes doc. It fails, in Chinese, when doc and opts.Report do not
// belong together or a work-plan field exceeds Excel's 32,767 characters
// per cell (a longer text section continues in the cells to its right).
func Write(w io.Writer, doc *report.Doc, opts Options) (err error) {
	r := opts.Report
	if doc == nil || r == nil || !r.Edition.Valid() || len(r.Requests) != len(r.Edition.Table3()) ||
		len(r.Active) != len(r.Edition.Table2Cells()) || doc.Edition != r.Edition || doc.Year != r.Year {
		return errors.New("报告数据不完整，无法生成工作簿")
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("生成工作簿时出现内部错误：%v", p)
		}
	}()
	l, err := layoutOf(doc)
	if err != nil {
		return err
	}
	f := newFile()
	defer f.Close()
	wr := &writer{f: f, r: r, doc: doc, l: l, blank: opts.Blank, keep: opts.Keep}
	wr.write()
	if wr.err != nil {
		return wr.err
	}
	_, err = f.WriteTo(w)
	return err
}

// Template is the empty report a workbook template is made from: organ
// and year filled in, the edition the year prescribes, every figure zero.
// Write it with Options{Report: t, Blank: true} and report.Build(t, nil).
func Template(year int, organ string) *report.Report {
	ed := report.EditionForYear(year)
	r := blankReport(ed, year, organ)
	if ed == report.Ed2021 {
		r.Fees = &report.Fees{}
	}
	return r
}

type writer struct {
	f     *excelize.File
	r     *report.Report
	doc   *report.Doc
	l     *layout
	blank bool
	keep  []string // Options.Keep
	st    styles
	err   error
}

type styles struct {
	title, info, head, label, note, labelCenter int
	input, inputText, inputWrap, formula        int
	amount                                      map[int]int
	ok, bad, textLabel                          int
}

func (w *writer) check(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

func (w *writer) write() {
	r, doc := w.r, w.doc
	w.styles()
	w.check(w.f.SetSheetName("Sheet1", sheetInfo))
	w.info()
	for i := range w.l.Tables {
		w.table(&w.l.Tables[i])
	}
	if r.Fees != nil || r.Edition == report.Ed2021 {
		w.fees()
	}
	w.text()
	w.workPlan()
	w.checks()
	for _, s := range w.f.GetSheetList() {
		w.pageSetup(s)
	}
	stamp := doc.MetaDate + "T00:00:00Z"
	w.check(w.f.SetDocProps(&excelize.DocProperties{
		Title: doc.Title, Subject: doc.Subject, Creator: r.Organ, LastModifiedBy: r.Organ, Keywords: doc.Keywords,
		Description: "由 nianbao 生成。填写黄色单元格后可用 nianbao import 导入为数据文件。",
		Language:    "zh-CN", Created: stamp, Modified: stamp,
	}))
	w.check(w.f.SetAppProps(&excelize.AppProperties{Application: "nianbao"}))
}

func border() []excelize.Border {
	var b []excelize.Border
	for _, t := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: t, Color: "000000", Style: 1})
	}
	return b
}

// style registers a cell style; its font defaults to 宋体 11 points.
func (w *writer) style(s *excelize.Style) int {
	if s.Font == nil {
		s.Font = &excelize.Font{}
	}
	if s.Font.Family == "" {
		s.Font.Family = fontName
	}
	if s.Font.Size == 0 {
		s.Font.Size = 11
	}
	id, err := w.f.NewStyle(s)
	w.check(err)
	return id
}

var (
	fillHead  = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	fillInput = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF8DC"}}
	fillCalc  = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF7"}}
	unlocked  = &excelize.Protection{Locked: false}
)

func (w *writer) styles() {
	w.check(w.f.SetDefaultFont(fontName))
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	w.st.title = w.style(&excelize.Style{Font: &excelize.Font{Size: 14, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	w.st.info = w.style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	w.st.head = w.style(&excelize.Style{Border: border(), Fill: fillHead, Alignment: center,
		Font: &excelize.Font{Bold: true}})
	w.st.label = w.style(&excelize.Style{Border: border(), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	w.st.labelCenter = w.style(&excelize.Style{Border: border(), Alignment: center})
	w.st.note = w.style(&excelize.Style{Border: border(), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true},
		Font: &excelize.Font{Size: 10}})
	w.st.textLabel = w.style(&excelize.Style{Border: border(), Fill: fillHead,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true},
		Font:      &excelize.Font{Family: fontName, Size: 11, Bold: true}})
	w.st.amount = map[int]int{}
	w.st.input = w.style(&excelize.Style{Border: border(), Fill: fillInput, Protection: unlocked, Alignment: center})
	text := "@"
	w.st.inputText = w.style(&excelize.Style{Border: border(), Fill: fillInput, Protection: unlocked, CustomNumFmt: &text,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	w.st.inputWrap = w.style(&excelize.Style{Border: border(), Fill: fillInput, Protection: unlocked, CustomNumFmt: &text,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}})
	w.st.formula = w.style(&excelize.Style{Border: border(), Fill: fillCalc, Alignment: center,
		Font: &excelize.Font{Bold: true}})
	var err error
	w.st.ok, err = w.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "006100", Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}}})
	w.check(err)
	w.st.bad, err = w.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006", Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	w.check(err)
}

// amountStyle is the input style of an amount shown with scale decimals
// (0 = General), so 75.9260 shows, and reads back, as 75.9260.
func (w *writer) amountStyle(scale int) int {
	if id, ok := w.st.amount[scale]; ok {
		return id
	}
	s := &excelize.Style{Border: border(), Fill: fillInput, Protection: unlocked,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}
	if scale > 0 {
		code := "0." + strings.Repeat("0", scale)
		s.CustomNumFmt = &code
	}
	id := w.style(s)
	w.st.amount[scale] = id
	return id
}

// headerRows writes the title (row 1) and the organ and year (row 2, a
// formula on 基本信息 so it follows edits) across cols columns.
func (w *writer) headerRows(sheet, title string, cols int) {
	w.titleRow(sheet, title, cols)
	w.formula(sheet, 1, 2, fmt.Sprintf(`"报告主体："&'%s'!B%d&"　　报告年度："&'%s'!B%d&"年"`, sheetInfo, infoOrgan, sheetInfo, infoYear))
	w.merge(sheet, 1, 2, cols, 1)
	w.styleRange(sheet, 1, 2, cols, 1, w.st.info)
}

// titleRow writes a sheet's title in row 1 across cols columns.
func (w *writer) titleRow(sheet, title string, cols int) {
	w.set(sheet, 1, 1, title)
	w.merge(sheet, 1, 1, cols, 1)
	w.styleRange(sheet, 1, 1, cols, 1, w.st.title)
	w.rowHeight(sheet, 1, 28)
}

// headRow writes column heads into row, from column A.
func (w *writer) headRow(sheet string, row int, heads ...string) {
	for i, h := range heads {
		w.set(sheet, i+1, row, h)
	}
	w.styleRange(sheet, 1, row, len(heads), 1, w.st.head)
}

func (w *writer) info() {
	s := sheetInfo
	w.titleRow(s, "政府信息公开工作年度报告 基本信息", 3)
	w.headRow(s, 2, "项目", "内容", "填写说明")
	r := w.r
	scope := r.Scope
	if scope == "" {
		scope = report.ScopeOrgan
	}
	rows := []struct {
		row         int
		label, help string
		value       any
		input       bool
	}{
		{infoYear, "报告年度", "统计期限为该年1月1日至12月31日。年度决定表格格式，不能修改；其他年度请另行生成工作簿", r.Year, false},
		{infoOrgan, "报告主体", "机关全称，例如：示例市人民政府办公室", r.Organ, true},
		{infoFormat, "格式版本", "本工作簿的表格按" + r.Edition.Notice() + "规定的格式排列，不能修改", string(r.Edition), false},
		{infoScope, "报告范围", "本机关报告：本机关自身的年度报告；本级政府汇总报告：汇总本行政区域的报告", scopeNames[scope], true},
		{infoDate, "落款日期", "格式如 2025-01-20；尚未确定的可不填", r.Date, true},
		{infoOverride, "格式版本说明", "报告年度与格式版本不一致时写明原因；一般不填", r.FormatOverrideReason, true},
		{infoCarryNote, "上年结转说明", "本年“上年结转”与上一年度报告“结转下年度继续办理”不一致时写明原因（印在报告中）；一般不填", r.CarryOverNote, true},
		{infoTool, "生成工具", "请勿修改本表的格式与其他各表的行列位置；填写黄色单元格即可", toolMark, false},
		{infoIndexNumber, "索引号", "网站信息公开目录中的索引号，显示在报告网页的信息表中；可不填", r.IndexNumber, true},
		{infoPublisher, "发布机构", "不填时为报告主体", r.Publisher, true},
		{infoDocNumber, "文号", "例如 示政办〔2025〕3号；没有的不填", r.DocumentNumber, true},
		{infoPublished, "发布日期", "报告在网站发布的日期，格式如 2025-01-22；不填时为落款日期", r.Published, true},
		{infoTopic, "主题分类", "例如 综合政务/政务公开；可不填", r.Topic, true},
	}
	for _, row := range rows {
		w.set(s, 1, row.row, row.label)
		w.styleRange(s, 1, row.row, 1, 1, w.st.labelCenter)
		if str, ok := row.value.(string); !ok || str != "" {
			w.set(s, 2, row.row, row.value)
		}
		st := w.st.labelCenter
		if row.input {
			st = w.st.inputText
		}
		w.styleRange(s, 2, row.row, 1, 1, st)
		w.set(s, 3, row.row, row.help)
		w.styleRange(s, 3, row.row, 1, 1, w.st.note)
		lines := max(lineCount(row.help, 48), lineCount(fmt.Sprint(row.value), 38))
		w.rowHeight(s, row.row, rowHeight(lines))
	}
	w.colWidths(s, 16, 40, 50)
	w.validate(s, ref(2, infoScope), rule{dropList(scopeNames[report.ScopeOrgan], scopeNames[report.ScopeRegion]),
		"报告范围", "请从下拉列表中选择：本机关报告，或本级政府汇总报告。", "请从下拉列表中选择“本机关报告”或“本级政府汇总报告”。"})
	w.validate(s, ref(2, infoOrgan), rule{textLength(1, 200), "报告主体", "请填写机关全称，例如：示例市人民政府办公室。", "请填写机关全称（不超过 200 字）。"})
	w.validate(s, ref(2, infoDate), rule{textLength(10, 10), "落款日期", "格式：年-月-日，例如 2025-01-20。尚未确定的可不填。",
		"请按“2025-01-20”的格式填写落款日期（年-月-日，共 10 个字符）。"})
	w.validate(s, ref(2, infoPublished), rule{textLength(10, 10), "发布日期", "格式：年-月-日，例如 2025-01-22。可不填。",
		"请按“2025-01-22”的格式填写发布日期（年-月-日，共 10 个字符）。"})
	w.protect(s)
}

// table writes one statutory table from its grid.
func (w *writer) table(ts *tableSheet) {
	s := ts.Name
	w.newSheet(s)
	g := ts.Grid
	w.headerRows(s, g.Caption, g.Cols)
	widths := sheetWidths(ts)
	w.colWidths(s, widths...)
	need := map[int]float64{} // row → height in points
	for _, c := range ts.Cells {
		cols, rows := max(c.ColSpan, 1), max(c.RowSpan, 1)
		switch c.Kind {
		case report.CellNumber:
			continue // below
		case report.CellHead:
			w.set(s, c.Col, c.Row, c.Text)
			w.styleRange(s, c.Col, c.Row, cols, rows, w.st.head)
		case report.CellNote:
			w.set(s, c.Col, c.Row, c.Text)
			w.styleRange(s, c.Col, c.Row, cols, rows, w.st.note)
		default:
			w.set(s, c.Col, c.Row, c.Text)
			st := w.st.label
			if rows > 2 || (c.Indent == 1 && rows > 1) {
				st = w.st.labelCenter
			}
			w.styleRange(s, c.Col, c.Row, cols, rows, st)
		}
		w.merge(s, c.Col, c.Row, cols, rows)
		var width float64
		for k := range cols {
			width += widths[c.Col-1+k]
		}
		h := rowHeight(lineCount(c.Text, width)) / float64(rows)
		for k := range rows {
			need[c.Row+k] = max(need[c.Row+k], h)
		}
	}
	for row := gridTop; row < gridTop+ts.Rows; row++ {
		w.rowHeight(s, row, max(need[row], 20))
	}
	// Inputs, then formulas.
	for _, c := range ts.Cells {
		if c.Kind != report.CellNumber {
			continue
		}
		f, ok := w.l.byPath[c.Key]
		if !ok {
			w.totalFormula(ts, c)
			continue
		}
		w.input(f, max(c.ColSpan, 1))
		if f.Path == "active.procurement.amount" {
			w.input(w.l.byPath["active.procurement.unit"], 1)
		}
	}
	w.validations(s)
	w.protect(s)
	if ts.Name == sheetT3 {
		// Repeat the column headers on every printed page.
		w.printTitles(s, gridTop, gridTop+len(ts.Grid.Head)-1)
	}
}

// sheetWidths converts a grid's relative widths into column widths (in
// characters) that print on one A4 landscape page width.
func sheetWidths(ts *tableSheet) []float64 {
	switch ts.Name {
	case sheetT2:
		return []float64{26, 24, 24, 24}
	case sheetT3:
		return []float64{10, 10, 34, 9, 9, 9, 11, 11, 9, 9}
	}
	out := make([]float64, ts.Grid.Cols)
	for i := range out {
		out[i] = 8.5
	}
	return out
}

// lineCount estimates how many lines text takes in a wrapped cell width
// characters wide (a CJK character is about two widths of "0").
func lineCount(text string, width float64) int {
	if width <= 2 {
		return 1
	}
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		var w float64
		for _, r := range para {
			if r < 0x2E80 {
				w += 1.1
			} else {
				w += 2.05
			}
		}
		lines += max(1, int((w+width-2.5)/(width-1.5)))
	}
	return max(lines, 1)
}

// rowHeight is the height in points of lines of 11-point text.
func rowHeight(lines int) float64 { return min(409, float64(lines)*14.5+6) }

// kept reports whether a blank workbook still fills in path (Options.Keep).
func (w *writer) kept(path string) bool {
	return slices.ContainsFunc(w.keep, func(k string) bool { return strings.HasPrefix(path, k) })
}

// input writes one input cell: its value (unless blank), style and span.
func (w *writer) input(f *field, span int) {
	if w.blank && w.kept(f.Path) {
		saved := w.blank
		w.blank = false
		defer func() { w.blank = saved }()
	}
	s := f.Sheet
	st := w.st.input
	switch f.Kind {
	case fAmount:
		d := *f.amountIn(w.r)
		st = w.amountStyle(d.Scale)
		if !w.blank {
			w.check(w.f.SetCellDefault(s, ref(f.Col, f.Row), d.String()))
		}
	case fUnit:
		st = w.st.inputText
		if !w.blank {
			w.set(s, f.Col, f.Row, w.r.ProcUnit)
		}
	default:
		if !w.blank {
			w.set(s, f.Col, f.Row, *f.intIn(w.r))
		}
	}
	w.styleRange(s, f.Col, f.Row, span, 1, st)
	w.merge(s, f.Col, f.Row, span, 1)
}

// totalFormula writes a computed cell: 表三's 总计 column and （七）总计
// row, 表四's 总计 columns.
func (w *writer) totalFormula(ts *tableSheet, c placed) {
	s := ts.Name
	var expr string
	switch ts.Name {
	case sheetT3:
		if c.Col == 10 {
			expr = fmt.Sprintf("SUM(D%d:I%d)", c.Row, c.Row)
		} else {
			g := w.l.t3Groups()
			col := colName(c.Col)
			expr = fmt.Sprintf("SUM(%s%d:%s%d)", col, g[0][0], col, g[len(g)-1][1])
		}
	case sheetT4:
		expr = fmt.Sprintf("SUM(%s%d:%s%d)", colName(c.Col-4), c.Row, colName(c.Col-1), c.Row)
	default:
		return
	}
	w.formula(s, c.Col, c.Row, expr)
	w.styleRange(s, c.Col, c.Row, 1, 1, w.st.formula)
}

// rule is a data validation with its Chinese prompts: set restricts the
// value (nil: any), err is the alert for a refused value.
type rule struct {
	set               func(*excelize.DataValidation) error
	title, input, err string
}

// Value restrictions of data validation.
func whole(lo, hi float64) func(*excelize.DataValidation) error {
	return func(dv *excelize.DataValidation) error {
		return dv.SetRange(lo, hi, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
	}
}

func textLength(lo, hi float64) func(*excelize.DataValidation) error {
	return func(dv *excelize.DataValidation) error {
		return dv.SetRange(lo, hi, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween)
	}
}

func dropList(items ...string) func(*excelize.DataValidation) error {
	return func(dv *excelize.DataValidation) error { return dv.SetDropList(items) }
}

// validate adds the data validation v to the cells of sqref.
func (w *writer) validate(sheet, sqref string, v rule) {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	if v.set != nil {
		w.check(v.set(dv))
	}
	dv.SetInput(v.title, v.input)
	if v.err != "" {
		dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误", v.err)
	}
	w.check(w.f.AddDataValidation(sheet, dv))
}

// kindRules are the validations of the input kinds other than amounts.
var kindRules = map[fieldKind]rule{
	fCount:  {whole(0, 1000000000), "请填写件数", "填写非负整数（0、1、2……）。没有的请填 0，不要留空。", "此处只能填写非负整数（件数）。没有的请填 0。"},
	fChange: {whole(-1000000000, 1000000000), "本年增/减", "填写整数：增加填正数，减少填负数（如 -3），没有变化填 0。", "此处只能填写整数（可为负数，如 -3）。没有变化请填 0。"},
	fUnit:   {dropList("元", "万元"), "金额单位", "请选择采购总金额的单位：元或万元。", "单位只能是“元”或“万元”，请从下拉列表中选择。"},
}

// validations adds data validation with Chinese prompts to a sheet's inputs.
func (w *writer) validations(sheet string) {
	byKind := map[fieldKind][]*field{}
	var kinds []fieldKind
	var amounts []*field
	for _, f := range w.l.fieldsOn(sheet) {
		if f.Kind == fAmount {
			amounts = append(amounts, f)
			continue
		}
		if _, ok := byKind[f.Kind]; !ok {
			kinds = append(kinds, f.Kind)
		}
		byKind[f.Kind] = append(byKind[f.Kind], f)
	}
	for _, k := range kinds {
		w.validate(sheet, strings.Join(ranges(byKind[k]), " "), kindRules[k])
	}
	for _, f := range amounts {
		unit := "（单位：" + f.Unit + "）"
		if f.Unit == "" {
			unit = "（单位在右侧单元格中选择）"
		}
		w.validate(sheet, f.Ref(), rule{func(dv *excelize.DataValidation) error {
			return dv.SetRange(0, 1e14, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
		}, "请填写金额", "填写非负金额" + unit + "，可带小数，如 12.5。不要写单位或千分位逗号；没有的请填 0。", "此处只能填写不小于 0 的数字（金额）" + unit + "。"})
	}
}

// protect locks the sheet without a password (no hash): labels and
// formulas cannot be changed by mistake, input cells stay editable, rows
// and columns stay resizable, and anyone may lift the protection from the
// menu. rows also allows inserting and deleting rows (工作要点).
func (w *writer) protect(sheet string, rows ...bool) {
	allow := len(rows) > 0 && rows[0]
	w.check(w.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{FormatColumns: true, FormatRows: true,
		InsertRows: allow, DeleteRows: allow, SelectLockedCells: true, SelectUnlockedCells: true}))
}

// newSheet adds a worksheet after the others.
func (w *writer) newSheet(name string) {
	_, err := w.f.NewSheet(name)
	w.check(err)
}

// pageSetup prints a sheet on A4 landscape, fitted to the page width (the
// 校验 sheet on one page), centred, with narrow margins.
func (w *writer) pageSetup(sheet string) {
	size, orient, wide, tall := 9, "landscape", 1, 0
	if sheet == sheetCheck {
		tall = 1 // the rules and the note on one page
	}
	yes, zero, half, margin := true, 0.0, 0.5, 0.6
	w.check(w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	w.check(w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}))
	w.check(w.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &half, Right: &half, Top: &margin, Bottom: &margin,
		Header: &zero, Footer: &zero, Horizontally: &yes}))
}

// printTitles repeats rows r0…r1 of sheet on every printed page.
func (w *writer) printTitles(sheet string, r0, r1 int) {
	w.check(w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, r0, r1)}))
}

func (w *writer) fees() {
	s := sheetFees
	w.newSheet(s)
	w.headerRows(s, "信息处理费（在“六、其他需要报告的事项”中报告）", 2)
	w.colWidths(s, 40, 24)
	blank := w.blank || w.r.Fees == nil
	saved := w.blank
	w.blank = blank
	for i, ff := range report.FeeFields {
		row := feesFirstRow + i
		w.set(s, 1, row, ff.Label)
		w.styleRange(s, 1, row, 1, 1, w.st.label)
		w.rowHeight(s, row, 22)
		w.input(w.l.byPath["processing_fees."+ff.Key], 1)
	}
	w.blank = saved
	w.set(s, 1, feesFirstRow+len(report.FeeFields)+1, "说明：2021 年度起的报告应填写；本年度没有发生的请填 0。三项都不填表示不报告信息处理费（检查时会提示）。")
	w.validations(s)
	w.protect(s)
}

func (w *writer) text() {
	s := sheetText
	w.newSheet(s)
	w.headerRows(s, "文字部分（每行一段）", 2)
	w.colWidths(s, 18, 120)
	for i, sec := range report.TextSections {
		row := textFirstRow + i
		label := sec.Title
		if !sec.Required {
			label += "（可不填）"
		}
		w.set(s, 1, row, label)
		w.styleRange(s, 1, row, 1, 1, w.st.textLabel)
		body := w.r.Text[i].Body
		parts := splitText(body)
		if w.blank && !w.kept("text") {
			parts = nil
		}
		for k, part := range parts {
			w.set(s, 2+k, row, part)
		}
		w.styleRange(s, 2, row, max(len(parts), 1), 1, w.st.inputWrap)
		w.rowHeight(s, row, max(rowHeight(lineCount(body, 120)), 60))
	}
	w.validate(s, fmt.Sprintf("B%d:B%d", textFirstRow, textFirstRow+len(report.TextSections)-1),
		rule{title: "文字部分", input: "直接输入或粘贴正文；每行一段，段落之间可以空一行（单元格内换行：Alt+Enter）。"})
	w.set(s, 1, textFirstRow+len(report.TextSections)+1, fmt.Sprintf("说明：一个单元格最多容纳 %d 个字符（Excel 的上限）。更长的文字依次接在同一行右侧的单元格（C、D……列）中，导入时按顺序连接。", maxCellChars))
	w.protect(s)
}

// workPlan writes the 工作要点 sheet: the year's 政务公开工作要点 and its
// tasks (任务分解表), one row each, followed by empty rows for more. The
// sheet is always there, so a clerk can fill in a plan the data lacks.
func (w *writer) workPlan() {
	s := sheetPlan
	w.newSheet(s)
	cols := len(planCols) + 1
	w.headerRows(s, "政务公开工作要点落实情况（在“六、其他需要报告的事项”中报告；可不填）", cols)
	w.colWidth(s, 1, 1, 6)
	for i, c := range planCols {
		w.colWidth(s, i+2, i+2, c.Width)
	}
	var plan report.WorkPlan
	if w.r.WorkPlan != nil && !w.blank {
		plan = *w.r.WorkPlan
	}
	w.set(s, 1, planTitleRow, "工作要点名称")
	w.merge(s, 1, planTitleRow, 2, 1)
	w.styleRange(s, 1, planTitleRow, 2, 1, w.st.textLabel)
	if plan.Title != "" {
		w.set(s, planTitleCol, planTitleRow, plan.Title)
	}
	w.merge(s, planTitleCol, planTitleRow, cols-planTitleCol+1, 1)
	w.styleRange(s, planTitleCol, planTitleRow, cols-planTitleCol+1, 1, w.st.inputText)
	w.rowHeight(s, planTitleRow, 22)
	w.set(s, 1, planHeadRow, "序号")
	for i, c := range planCols {
		w.set(s, i+2, planHeadRow, c.Head)
	}
	w.styleRange(s, 1, planHeadRow, cols, 1, w.st.head)
	rows := max(len(plan.Tasks)+planSpare, planMinRows)
	for i := range rows {
		row := planFirstRow + i
		w.set(s, 1, row, i+1)
		lines := 1
		if i < len(plan.Tasks) {
			t := plan.Tasks[i]
			for k, c := range planCols {
				if v := *c.get(&t); v != "" {
					w.set(s, k+2, row, v)
					lines = max(lines, lineCount(v, c.Width))
				}
			}
		}
		w.rowHeight(s, row, max(rowHeight(lines), 20))
	}
	last := planFirstRow + rows - 1
	w.styleRange(s, 1, planFirstRow, 1, rows, w.st.labelCenter)
	w.styleRange(s, 2, planFirstRow, len(planCols), rows, w.st.inputWrap)
	w.printTitles(s, planHeadRow, planHeadRow)
	column := func(key string) string {
		c := colName(planCol(key))
		return fmt.Sprintf("%s%d:%s%d", c, planFirstRow, c, last)
	}
	w.validate(s, column("status"), rule{dropList(report.TaskStatuses...), "落实状态", "请从下拉列表中选择：已完成、推进中或未完成。",
		"落实状态只能是“已完成”“推进中”或“未完成”，请从下拉列表中选择。"})
	w.validate(s, column("deadline"), rule{title: "完成时限", input: "照任务分解表填写，如 2024年6月底、2024年第三季度、长期坚持。"})
	w.set(s, 1, last+2, "说明：每项任务占一行，主要任务和落实状态必填；行不够时可取消工作表保护（无密码）后插入行。没有工作要点的，本表留空即可。")
	w.protect(s, true)
}
