package xlsx

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"github.com/xuri/nfp"

	"nianbao/report"
	"nianbao/report/zipguard"
)

// MaxFileSize is the largest workbook file Read and Sheets accept.
const MaxFileSize = 10 << 20

// guard are the limits a workbook must pass before excelize opens it (see
// package zipguard): far above any real report, far below what would make
// excelize pad or compare its way into gigabytes.
var guard = zipguard.Limits{
	MaxFileSize: MaxFileSize,
	MaxEntries:  1000,
	MaxUnpacked: 32 << 20,
	MaxEntry:    16 << 20,
	MaxRows:     maxSheetRow,
	MaxCols:     200,
	MaxCells:    200000,
	MaxMerges:   5000,
}

// statsGuard is guard for the statistics workbook (Read): its messages
// speak of .xlsx only — nianbao import reads nothing else.
var statsGuard = func() zipguard.Limits { l := guard; l.Want = ".xlsx"; return l }()

// maxSheetRow is the last row a sheet may use (the guard's row cap).
const maxSheetRow = 10000

// Messages for a Word document given as a workbook: what to do depends on
// what the workbook was for.
const (
	// wordForStatistics: nianbao import wants the statistics workbook.
	wordForStatistics = "这是 Word 文档（.docx），不是 Excel 工作簿（.xlsx）。nianbao import 读入的是统计表工作簿（如 nianbao export 导出的 .xlsx）；Word 格式的年度报告请用 nianbao ingest 读回数据文件"
	// wordForSheets: any workbook's sheets; the caller may read Word documents itself.
	wordForSheets = "这是 Word 文档（.docx），不是 Excel 工作簿（.xlsx）。请把扩展名改为 .docx 后重试"
)

// open checks data with the guard lim, then opens it with excelize under
// unzip limits. A refusal is a *zipguard.Error naming the file (and the
// sheet at fault); word is its message when data is a Word document.
func open(name string, data []byte, lim zipguard.Limits, word string) (*excelize.File, error) {
	if err := zipguard.CheckWorkbook(name, data, lim); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim.MaxUnpacked, UnzipXMLSizeLimit: lim.MaxEntry})
	if err != nil { // excelize's message is English and says little
		if isWordDocument(data) {
			return nil, &zipguard.Error{File: name, Msg: word}
		}
		return nil, &zipguard.Error{File: name, Msg: "这不是 Excel 工作簿（.xlsx），或文件已损坏，无法打开。OpenDocument（.ods）、WPS（.et）等文件请先在 Excel/WPS 中“另存为”Excel 工作簿（.xlsx）"}
	}
	return f, nil
}

// isWordDocument reports whether data, a zip the guard let through, is a
// WordprocessingML package (a .docx saved under a workbook's name).
func isWordDocument(data []byte) bool {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			return true
		}
	}
	return false
}

// reader collects the problems of one import.
type reader struct {
	name string
	f    *excelize.File
	ps   report.Problems
}

func (x *reader) add(where, rule, format string, args ...any) {
	x.ps = append(x.ps, report.Problem{File: x.name, Path: where, Rule: rule,
		Severity: report.RuleByID(rule).Severity, Msg: fmt.Sprintf(format, args...)})
}

// Read imports a filled workbook written by Write (a report or a Template) — also
// after Excel, WPS or LibreOffice saved it — back into a Report. It
// returns the report, or nil and the problems that prevented it; every
// problem names the sheet and cell (表三!D7) and the row and column labels.
// Read never panics and never trusts a formula's cached value: totals are
// computed from the inputs.
//
// Untrusted input reaches excelize only after package zipguard passed it
// (signature, zip directory, worksheet sizes; see guard), and is opened
// with excelize's unzip limits.
//
// Amounts keep the digits the clerk sees. A number cell's stored value is
// read as written when it has at most 15 significant digits (Excel's
// precision); longer values such as 12.356000000000001 are float artefacts
// and are rounded to 15 significant digits (12.356). The number of decimal
// places is then the larger of the digits the value needs and the digits
// the cell's number format shows: 75.926 in a cell formatted 0.0000 reads
// as 75.9260, exactly as displayed.
func Read(name string, data []byte) (rep *report.Report, ps report.Problems) {
	x := &reader{name: name}
	defer func() {
		if p := recover(); p != nil {
			rep = nil
			ps = append(x.ps, report.Problem{File: name, Rule: "S-1", Severity: report.Error,
				Msg: fmt.Sprintf("无法读取此工作簿（读取程序内部错误：%v）。请在 Excel/WPS 中重新另存为 .xlsx 后重试", p)})
		}
	}()
	f, err := open(name, data, statsGuard, wordForStatistics)
	if ge := (*zipguard.Error)(nil); errors.As(err, &ge) {
		x.add(ge.Sheet, "S-1", "%s", ge.Msg)
		return nil, x.ps
	} else if err != nil {
		x.add("", "S-1", "%v", err)
		return nil, x.ps
	}
	x.f = f
	defer x.f.Close()
	r := x.report()
	if r == nil || x.ps.HasErrors() {
		return nil, x.ps
	}
	return r, x.ps
}

func clip(s string) string { return report.Clip(s, 20) }

// raw is what a cell holds, as stored.
type raw struct {
	typ     excelize.CellType // Unset: a number or nothing
	val     string            // the stored value; shared and inline strings resolved
	formula string
	hasF    bool
	style   int
}

// number reports whether the cell holds a number (or nothing).
func (c raw) number() bool {
	return c.typ == excelize.CellTypeNumber || c.typ == excelize.CellTypeUnset
}

func (x *reader) cell(sheet string, col, row int) raw {
	cell := ref(col, row)
	v, err := x.f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		return raw{}
	}
	t, _ := x.f.GetCellType(sheet, cell)
	fm, _ := x.f.GetCellFormula(sheet, cell)
	st, _ := x.f.GetCellStyle(sheet, cell)
	return raw{typ: t, val: v, formula: fm, hasF: fm != "", style: st}
}

// numFmt is the number format of a cell style: a built-in id, or a custom
// format code.
func (x *reader) numFmt(style int) (id int, code string) {
	st, err := x.f.GetStyle(style)
	if err != nil || st == nil {
		return 0, ""
	}
	if st.CustomNumFmt != nil {
		return -1, *st.CustomNumFmt
	}
	return st.NumFmt, ""
}

// text reads a text cell; numbers are taken as written.
func (x *reader) text(sheet string, col, row int, what string) (string, bool) {
	s, ok := x.rawText(sheet, col, row, what)
	return tidy(s), ok
}

// section reads a text section from its row of the 文字部分 sheet: column B
// and the cells to its right that continue a text longer than one cell
// holds (see splitText), joined.
func (x *reader) section(row int, what string) string {
	var b strings.Builder
	for col := 2; col <= guard.MaxCols; col++ {
		s, _ := x.rawText(sheetText, col, row, what)
		if s == "" && col > 2 {
			break
		}
		b.WriteString(s)
	}
	return tidy(b.String())
}

// tidy trims a text and makes its line ends \n.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(strings.ReplaceAll(s, "\r", "\n"))
}

// rawText reads a text cell as stored.
func (x *reader) rawText(sheet string, col, row int, what string) (string, bool) {
	c := x.cell(sheet, col, row)
	if c.hasF {
		x.add(sheet+"!"+ref(col, row), "S-4", "“%s”是公式（=%s），请直接填写文字", what, clip(c.formula))
		return "", false
	}
	switch c.typ {
	case excelize.CellTypeBool, excelize.CellTypeError:
		x.add(sheet+"!"+ref(col, row), "S-4", "“%s”应为文字，实际为“%s”", what, clip(c.val))
		return "", false
	}
	return c.val, true
}

func (x *reader) report() *report.Report {
	have := map[string]bool{}
	for _, s := range x.f.GetSheetList() {
		have[s] = true
	}
	for _, s := range []string{sheetInfo, sheetT2, sheetT3, sheetT4, sheetText} {
		if !have[s] {
			x.add("", "S-1", "工作簿中没有“%s”工作表，不是 nianbao 的年报工作簿（或工作表被改名）。请用 nianbao xlsx template 或 nianbao export 生成的工作簿填写", s)
		}
	}
	if x.ps.HasErrors() {
		return nil
	}
	year, ed, ok := x.identity()
	if !ok {
		return nil
	}
	l := layoutFor(ed)
	if bad := x.verifyLabels(l, have[sheetFees]); len(bad) > 0 {
		// Tables laid out for the other edition: the 格式版本 (or the
		// 报告年度 with it) was changed, no row was moved.
		if other := otherEdition(ed); len(x.verifyLabels(layoutFor(other), have[sheetFees])) == 0 {
			x.editionChanged(year, ed, other)
		} else {
			x.ps = append(x.ps, bad...)
		}
		return nil
	}
	if !x.yearFits(year, ed) {
		return nil
	}
	r := blankReport(ed, year, "")
	r.File = x.name
	x.info(r)
	for _, f := range l.Fields {
		if f.Sheet == sheetFees {
			continue
		}
		x.value(r, f)
	}
	if have[sheetFees] {
		x.fees(r, l)
	}
	for i, s := range report.TextSections {
		r.Text[i] = report.Text{Body: x.section(textFirstRow+i, s.Title), Literal: true}
	}
	if have[sheetPlan] {
		x.workPlan(r)
	}
	// （七）总计 as the tool computes it; the workbook's formula is not read.
	var total [6]int64
	for i, row := range ed.Table3() {
		if row.Kind == report.T3Outcome {
			for k := range 6 {
				total[k] += r.Requests[i].Cells[k]
			}
		}
	}
	r.Requests[ed.T3Index("total")].Cells = total
	if !x.ps.HasErrors() {
		x.typedTotals(r, l)
	}
	return r
}

// typedTotals warns about each total cell (表三's 总计 column and （七）总计
// row, 表四's 总计 columns) where the clerk typed a number over the
// formula that differs from the total the tool computed: the typed figure
// is not imported. Cells that still hold a formula are not read (their
// cached value is not trusted, see Read); blank or text cells say nothing.
// Rules: T3-4 (a row's 总计), T3-3 (the （七）总计 row), T4-1 (表四), as
// warnings.
func (x *reader) typedTotals(r *report.Report, l *layout) {
	ed := r.Edition
	for _, ts := range l.Tables[1:] {
		for _, c := range ts.Cells {
			if c.Kind != report.CellNumber || c.Key == "" || l.byPath[c.Key] != nil {
				continue // a label or an input
			}
			cell := x.cell(ts.Name, c.Col, c.Row)
			typed, err := strconv.ParseFloat(strings.TrimSpace(cell.val), 64)
			if cell.hasF || !cell.number() || err != nil || math.IsNaN(typed) || math.IsInf(typed, 0) {
				continue
			}
			var sum int64
			var rule, of string
			if grp, ok := strings.CutPrefix(c.Key, "appeals."); ok {
				gi := slices.IndexFunc(report.Table4Rows[:], func(g report.T4Row) bool { return g.Key+".total" == grp })
				if gi < 0 {
					continue
				}
				sum, rule, of = r.Appeals[gi].Sum(), "T4-1", "结果维持、结果纠正、其他结果、尚未审结之和"
			} else {
				id, rest, _ := strings.Cut(strings.TrimPrefix(c.Key, "requests."), "[")
				k, _ := strconv.Atoi(strings.TrimSuffix(rest, "]"))
				i := ed.T3Index(id)
				if i < 0 || k < 0 || k > 6 {
					continue
				}
				switch {
				case k == 6:
					sum, rule, of = r.Requests[i].Sum(), "T3-4", "各列之和"
				default:
					sum, rule, of = r.Requests[i].Cells[k], "T3-3", "（一）至（六）各行之和"
				}
			}
			if typed == float64(sum) {
				continue
			}
			where := ts.Name + "!" + ref(c.Col, c.Row)
			x.ps = append(x.ps, report.Problem{File: x.name, Path: where, Rule: rule, Severity: report.Warning,
				Msg: fmt.Sprintf("此处填写的 %s 与%s %d 不符，已按 %d 导入（总计由各项相加，不必填写）", roundSig(typed), of, sum, sum)})
		}
	}
}

// identity reads the year and the edition, which fix the layout.
func (x *reader) identity() (int, report.Edition, bool) {
	yc := x.cell(sheetInfo, 2, infoYear)
	year, err := strconv.Atoi(strings.TrimSpace(yc.val))
	if err != nil || year < 2019 || year > 2100 {
		x.add(sheetInfo+"!"+ref(2, infoYear), "S-7", "报告年度应为 2019 年起的年份，实际为“%s”。请用 nianbao xlsx template 重新生成工作簿", clip(yc.val))
		return 0, "", false
	}
	ec := x.cell(sheetInfo, 2, infoFormat)
	ed := report.Edition(strings.TrimSpace(ec.val))
	if !ed.Valid() {
		x.add(sheetInfo+"!"+ref(2, infoFormat), "S-7", "格式版本应为 2019 或 2021，实际为“%s”。请用 nianbao xlsx template 重新生成工作簿", clip(ec.val))
		return 0, "", false
	}
	return year, ed, true
}

var spaceRE = regexp.MustCompile(`\s+`)

func normLabel(s string) string {
	return strings.ReplaceAll(spaceRE.ReplaceAllString(s, ""), "，", "、")
}

// verifyLabels checks every label of the tables against the layout l and
// returns the problems, one per sheet at most (nil when every label is in
// place): a workbook whose rows or columns were moved cannot be read by
// position.
func (x *reader) verifyLabels(l *layout, fees bool) report.Problems {
	var bad report.Problems
	check := func(sheet string, col, row int, want string) bool {
		got := x.cell(sheet, col, row).val
		if normLabel(got) == normLabel(want) {
			return true
		}
		bad = append(bad, report.Problemf(x.name, report.Pos{}, sheet+"!"+ref(col, row), "S-1",
			"此处应为“%s”，实际为“%s”。表格的行列位置被改动过（插入、删除或移动了行列？），无法按位置读取。请在 nianbao 生成的工作簿中填写，不要增删行列",
			clip(want), clip(got)))
		return false
	}
	for _, ts := range l.Tables {
		for _, c := range ts.Cells {
			if c.Kind == report.CellNumber {
				continue
			}
			if !check(ts.Name, c.Col, c.Row, c.Text) {
				break // one message per sheet is enough
			}
		}
	}
	if fees {
		for i, ff := range report.FeeFields {
			if !check(sheetFees, 1, feesFirstRow+i, ff.Label) {
				break
			}
		}
	}
	return bad
}

// otherEdition is the edition that is not ed.
func otherEdition(ed report.Edition) report.Edition {
	if ed == report.Ed2019 {
		return report.Ed2021
	}
	return report.Ed2019
}

// editionChanged reports (S-7, at 基本信息!B5) a 格式版本 that is not the
// edition tables the workbook's tables are laid out for. The layout was
// fixed when the workbook was generated, from its year: when the 报告年度
// still calls for the tables' edition, the cell is to be changed back;
// otherwise the year was changed too and a workbook for that year is needed.
func (x *reader) editionChanged(year int, ed, tables report.Edition) {
	where := sheetInfo + "!" + ref(2, infoFormat)
	if report.EditionForYear(year) == tables {
		x.add(where, "S-7", "格式版本“%s”与本工作簿的表格（%s 版）不符，请改回 %s。工作簿的表格版式在生成时已按报告年度确定，改格式版本不会改变表格",
			ed, tables, tables)
		return
	}
	x.add(where, "S-7", "格式版本“%s”与本工作簿的表格（%s 版）不符。工作簿的表格版式在生成时已按报告年度确定，改格式版本或报告年度都不会改变表格：%d 年度应使用 %s 版格式，请用 %s 生成新的工作簿重新填写（如报告年度填错了，把报告年度和格式版本都改回；确需沿用 %s 版时把格式版本改回 %s，并在 %s 填写格式版本说明）",
		ed, tables, year, ed, x.templateCommand(year), tables, tables, sheetInfo+"!"+ref(2, infoOverride))
}

// yearFits reports whether the 报告年度 calls for the edition of the
// workbook's tables, or the 格式版本说明 gives a reason to keep it; if not,
// it reports X-5 at 基本信息!B3: the tables cannot follow a changed year.
func (x *reader) yearFits(year int, ed report.Edition) bool {
	want := report.EditionForYear(year)
	if want == ed || strings.TrimSpace(x.cell(sheetInfo, 2, infoOverride).val) != "" {
		return true
	}
	x.add(sheetInfo+"!"+ref(2, infoYear), "X-5", "报告年度 %d 应使用 %s 版格式（%s），本工作簿的表格是 %s 版。工作簿的表格版式在生成时已按报告年度确定，只改报告年度不会改变表格：请用 %s 生成新的工作簿重新填写（如报告年度填错了，请改回；确需沿用 %s 版时在 %s 填写格式版本说明）",
		year, want, want.Notice(), ed, x.templateCommand(year), ed, sheetInfo+"!"+ref(2, infoOverride))
	return false
}

// templateCommand is the command that generates a blank workbook for year
// and the workbook's organ: nianbao xlsx template --year 2020 --organ 示例县教育局.
func (x *reader) templateCommand(year int) string {
	organ := tidy(x.cell(sheetInfo, 2, infoOrgan).val)
	if organ == "" || strings.ContainsAny(organ, " \t\n\"'") || utf8.RuneCountInString(organ) > 50 {
		organ = "机关全称"
	}
	return fmt.Sprintf("nianbao xlsx template --year %d --organ %s", year, organ)
}

var dateRE = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)

func (x *reader) info(r *report.Report) {
	where := func(row int) string { return sheetInfo + "!" + ref(2, row) }
	if organ, ok := x.text(sheetInfo, 2, infoOrgan, "报告主体"); ok {
		if organ == "" {
			x.add(where(infoOrgan), "S-5", "“报告主体”未填写。请填写机关全称，例如：示例市人民政府办公室")
		}
		r.Organ = organ
	}
	if scope, ok := x.text(sheetInfo, 2, infoScope, "报告范围"); ok {
		switch scope {
		case "", scopeNames[report.ScopeOrgan], string(report.ScopeOrgan):
			r.Scope = report.ScopeOrgan
		case scopeNames[report.ScopeRegion], string(report.ScopeRegion):
			r.Scope = report.ScopeRegion
		default:
			x.add(where(infoScope), "S-7", "“报告范围”应为“本机关报告”或“本级政府汇总报告”，实际为“%s”", clip(scope))
		}
	}
	switch dc := x.cell(sheetInfo, 2, infoDate); {
	case dc.hasF:
		x.add(where(infoDate), "S-7", "“落款日期”是公式，请直接填写日期，例如 2025-01-20")
	default:
		d, ok := dateOf(dc)
		if !ok {
			x.add(where(infoDate), "S-7", "“落款日期”应写成 2025-01-20 这样的日期，实际为“%s”", clip(strings.TrimSpace(dc.val)))
		}
		r.Date = d
	}
	if s, ok := x.text(sheetInfo, 2, infoOverride, "格式版本说明"); ok {
		r.FormatOverrideReason = s
	}
	if s, ok := x.text(sheetInfo, 2, infoCarryNote, "上年结转说明"); ok {
		r.CarryOverNote = s
	}
	for _, m := range []struct {
		row   int
		label string
		dst   *string
	}{
		{infoIndexNumber, "索引号", &r.IndexNumber}, {infoPublisher, "发布机构", &r.Publisher},
		{infoDocNumber, "文号", &r.DocumentNumber}, {infoTopic, "主题分类", &r.Topic},
	} {
		if s, ok := x.text(sheetInfo, 2, m.row, m.label); ok {
			if strings.ContainsAny(s, "\r\n") || utf8.RuneCountInString(s) > 200 {
				x.add(where(m.row), "S-7", "“%s”应为一行，不超过 200 个字", m.label)
				continue
			}
			*m.dst = s
		}
	}
	switch dc := x.cell(sheetInfo, 2, infoPublished); {
	case dc.hasF:
		x.add(where(infoPublished), "S-7", "“发布日期”是公式，请直接填写日期，例如 2025-01-22")
	default:
		d, ok := dateOf(dc)
		if !ok {
			x.add(where(infoPublished), "S-7", "“发布日期”应写成 2025-01-22 这样的日期，实际为“%s”", clip(strings.TrimSpace(dc.val)))
		}
		r.Published = d
	}
}

// dateOf reads a date cell as YYYY-MM-DD: an Excel serial number, an ISO
// date (t="d") or text such as 2025-01-20, 2025/1/20 or 2025年1月20日. A
// blank cell gives "", true; anything else false.
func dateOf(c raw) (string, bool) {
	s := strings.TrimSpace(c.val)
	var t time.Time
	var err error
	switch {
	case s == "":
		return "", true
	case c.number():
		v, perr := strconv.ParseFloat(s, 64)
		if perr != nil || v < 1 || v > 2958465 {
			return "", false
		}
		t, err = excelize.ExcelDateToTime(v, false)
	case c.typ == excelize.CellTypeDate:
		t, err = time.Parse("2006-01-02", s[:min(10, len(s))])
	default:
		m := dateRE.FindStringSubmatch(s)
		if m == nil {
			return "", false
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if t = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC); t.Year() != y || int(t.Month()) != mo || t.Day() != d {
			return "", false
		}
	}
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// value reads one numeric input into r.
func (x *reader) value(r *report.Report, f *field) {
	switch f.Kind {
	case fAmount:
		if d, ok := x.amount(f); ok {
			*f.amountIn(r) = d
		}
	case fUnit:
		s, ok := x.text(f.Sheet, f.Col, f.Row, f.Label)
		switch {
		case !ok:
		case s == "":
			x.add(f.Where(), "S-5", "（%s）未填写。请选择“元”或“万元”", f.Label)
		case s != "元" && s != "万元":
			x.add(f.Where(), "S-7", "（%s）应为“元”或“万元”，实际为“%s”", f.Label, clip(s))
		default:
			r.ProcUnit = s
		}
	default:
		if v, ok := x.integer(f); ok {
			*f.intIn(r) = v
		}
	}
}

// number reads a numeric cell's stored value; anything else, a blank cell
// too, is reported.
func (x *reader) number(f *field) (val string, ok bool) {
	c := x.cell(f.Sheet, f.Col, f.Row)
	where, what := f.Where(), f.Label
	if c.hasF {
		x.add(where, "S-4", "（%s）是公式（=%s）。请直接填写数字", what, clip(c.formula))
		return "", false
	}
	s := strings.TrimSpace(c.val)
	switch {
	case s == "" && c.typ != excelize.CellTypeError:
		x.add(where, "S-5", "（%s）未填写。空白不等于 0：没有的请填写 0", what)
	case c.number():
		return s, true
	case c.typ == excelize.CellTypeBool:
		x.add(where, "S-4", "（%s）应为数字，实际为逻辑值", what)
	case c.typ == excelize.CellTypeError:
		x.add(where, "S-4", "（%s）显示错误值“%s”。请填写数字", what, clip(s))
	case c.typ == excelize.CellTypeDate:
		x.add(where, "S-4", "（%s）应为数字，实际为日期“%s”", what, clip(s))
	default:
		x.numberText(f, s)
	}
	return "", false
}

// numberText reports text typed where a number belongs, as the data-file
// loader does (report.NumberText): a number typed the way offices type it
// (1,026, 3件, −18, １２, 三) is S-9 with what to type instead.
func (x *reader) numberText(f *field, s string) {
	where, what := f.Where(), f.Label
	switch kind, hint := report.NumberText(s, f.Kind != fAmount); kind {
	case report.TextBlank:
		x.add(where, "S-5", "（%s）为“%s”。空白或“/”不等于 0：没有的请填写 0", what, s)
	case report.TextTyped:
		switch {
		case f.Kind != fAmount || !strings.Contains(hint, "单位"):
		case f.Unit == "":
			hint += "。单位在右侧单元格中选择"
		default:
			hint += "。单位为" + f.Unit
		}
		x.add(where, "S-9", "（%s）“%s”：%s", what, report.Clip(s, 30), hint)
	case report.TextChinese:
		x.add(where, "S-4", "（%s）应为阿拉伯数字，实际为文字“%s”。请改写为阿拉伯数字", what, clip(s))
	case report.TextPlain:
		x.add(where, "S-4", "（%s）是文字形式的数字“%s”。请把单元格格式改为“常规”或“数值”后重新输入数字", what, clip(s))
	default:
		x.add(where, "S-4", "（%s）应为数字，实际为文字“%s”", what, clip(s))
	}
}

// integer reads a count (or a signed change).
func (x *reader) integer(f *field) (int64, bool) {
	s, ok := x.number(f)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		x.add(f.Where(), "S-4", "（%s）应为整数，实际为“%s”", f.Label, clip(s))
		return 0, false
	}
	rv := math.Round(v)
	if math.Abs(v-rv) > 1e-9*max(1, math.Abs(v)) {
		x.add(f.Where(), f.Rule, "（%s）应为整数（件数），实际为小数 %s。请填写整数", f.Label, roundSig(v))
		return 0, false
	}
	if math.Abs(rv) > report.MaxCount {
		x.add(f.Where(), "S-4", "（%s）数值 %s 过大，请核对", f.Label, roundSig(v))
		return 0, false
	}
	n := int64(rv)
	if n < 0 && f.Kind != fChange {
		x.add(f.Where(), f.Rule, "（%s）件数不能为负数，实际为 %d", f.Label, n)
		return 0, false
	}
	return n, true
}

// amount reads a non-negative decimal keeping the digits the cell shows
// (see Read).
func (x *reader) amount(f *field) (report.Decimal, bool) {
	s, ok := x.number(f)
	if !ok {
		return report.Decimal{}, false
	}
	d, err := decimalOf(s, x.formatDecimals(f))
	if err != nil {
		x.add(f.Where(), "S-4", "（%s）应为金额，实际为“%s”", f.Label, clip(s))
		return report.Decimal{}, false
	}
	if d.Neg() {
		x.add(f.Where(), f.Rule, "（%s）金额不能为负数，实际为 %s", f.Label, d)
		return report.Decimal{}, false
	}
	return d, true
}

// decimalOf turns a stored number into the decimal the clerk sees: as
// written when it has at most 15 significant digits, otherwise rounded to
// 15; then padded to the decimals of the cell's number format.
func decimalOf(s string, fmtDecimals int) (report.Decimal, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= 1e15 {
		return report.Decimal{}, fmt.Errorf("not a number")
	}
	lit := s
	if strings.ContainsAny(s, "eE") || sigDigits(s) > 15 {
		lit = roundSig(v)
	}
	d, err := report.ParseDecimal(lit)
	if err != nil {
		return report.Decimal{}, err
	}
	// Trailing zeros in the stored value beyond the format's decimals are
	// dropped (1.50 stored in a General cell shows as 1.5).
	for d.Scale > fmtDecimals && d.Mant%10 == 0 {
		d.Mant /= 10
		d.Scale--
	}
	for d.Scale < fmtDecimals && d.Scale < 15 && math.Abs(float64(d.Mant)) < 1e16 {
		d.Mant *= 10
		d.Scale++
	}
	return d, nil
}

// roundSig formats v with at most 15 significant digits, no exponent.
func roundSig(v float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'e', 14, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func sigDigits(s string) int {
	s = strings.TrimLeft(strings.TrimLeft(s, "+-"), "0.")
	return len(strings.ReplaceAll(s, ".", ""))
}

// Built-in number formats that show a fixed number of decimals.
var builtinDecimals = map[int]int{2: 2, 4: 2, 7: 2, 8: 2, 39: 2, 40: 2, 43: 2, 44: 2}

// formatDecimals is the number of decimals the cell's number format shows
// (0 for General).
func (x *reader) formatDecimals(f *field) int {
	id, code := x.numFmt(x.cell(f.Sheet, f.Col, f.Row).style)
	if id < 0 {
		return codeDecimals(code)
	}
	return builtinDecimals[id]
}

// codeDecimals counts the fixed decimals (0 placeholders after the point)
// of a number format code such as "0.0000" or "#,##0.00;[Red]-#,##0.00",
// parsed as excelize parses it; date, percent, scientific, fraction and
// text formats count as 0.
func codeDecimals(code string) int {
	p := nfp.NumberFormatParser()
	secs := p.Parse(code)
	if len(secs) == 0 {
		return 0
	}
	n, point := 0, false
	for _, t := range secs[0].Items {
		switch t.TType {
		case nfp.TokenTypePercent, nfp.TokenTypeExponential, nfp.TokenTypeDateTimes, nfp.TokenTypeElapsedDateTimes,
			nfp.TokenTypeTextPlaceHolder, nfp.TokenTypeFraction, nfp.TokenTypeDenominator:
			return 0
		case nfp.TokenTypeDecimalPoint:
			point = true
		case nfp.TokenTypeZeroPlaceHolder:
			if point {
				n += len(t.TValue)
			}
		default:
			point = false
		}
	}
	return min(n, 10)
}

// fees reads the 信息处理费 sheet. All blank means not reported: the
// report has no processing_fees (and check warns, F-1), never zeros. A
// partly filled sheet is refused, naming each blank cell.
func (x *reader) fees(r *report.Report, l *layout) {
	var blank []*field
	fields := l.fieldsOn(sheetFees)
	for _, f := range fields {
		if c := x.cell(f.Sheet, f.Col, f.Row); strings.TrimSpace(c.val) == "" && !c.hasF {
			blank = append(blank, f)
		}
	}
	if len(blank) == len(fields) {
		return
	}
	r.Fees = &report.Fees{}
	for _, f := range fields {
		if slices.Contains(blank, f) {
			x.add(f.Where(), "S-5", "信息处理费只填写了一部分：%s（%s）未填写。三项应都填写（没有的填 0），或都不填写（表示不报告信息处理费）",
				f.Where(), f.Label)
			continue
		}
		x.value(r, f)
	}
}

// workPlan reads the 工作要点 sheet: a row with any field filled is a
// task; no title and no task means the report has no work plan. Rows may
// have been inserted or deleted (the sheet allows it), so every row up to
// the sheet's last is read.
func (x *reader) workPlan(r *report.Report) {
	s := sheetPlan
	for i, c := range planCols {
		got := x.cell(s, i+2, planHeadRow).val
		if normLabel(got) != normLabel(c.Head) {
			x.add(s+"!"+ref(i+2, planHeadRow), "S-1", "此处应为“%s”，实际为“%s”。工作要点表的列被改动过，无法按位置读取。请不要增删或移动列",
				c.Head, clip(got))
			return
		}
	}
	title, _ := x.text(s, planTitleCol, planTitleRow, "工作要点名称")
	wp := &report.WorkPlan{Title: strings.Trim(title, "《》")}
	rows, _ := x.f.GetRows(s)
	lastRow := len(rows)
	for row := planFirstRow; row <= lastRow; row++ {
		var t report.Task
		empty, ok := true, true
		for i, c := range planCols {
			v, good := x.planText(row, i+2, c.Key, c.Head)
			ok = ok && good
			*c.get(&t) = v
			if v != "" {
				empty = false
			}
		}
		if empty && ok {
			continue
		}
		where := func(key string) string { return s + "!" + ref(planCol(key), row) }
		no := len(wp.Tasks) + 1
		if t.Task == "" {
			x.add(where("task"), "S-5", "第 %d 项任务（第 %d 行）的主要任务未填写。请照任务分解表填写，或删除整行内容", no, row)
		}
		switch {
		case t.Status == "":
			x.add(where("status"), "S-5", "第 %d 项任务（第 %d 行）的落实状态未填写，应为“已完成”“推进中”“未完成”之一", no, row)
		case !slices.Contains(report.TaskStatuses, t.Status):
			x.add(where("status"), "S-7", "第 %d 项任务（第 %d 行）的落实状态应为“已完成”“推进中”“未完成”之一，实际为“%s”", no, row, clip(t.Status))
		}
		wp.Tasks = append(wp.Tasks, t)
	}
	if wp.Title == "" && len(wp.Tasks) == 0 {
		return
	}
	if len(wp.Tasks) == 0 {
		x.add(s+"!"+ref(planCol("task"), planFirstRow), "S-5", "填写了工作要点名称，但没有任务。请逐行填写任务，或清空工作要点名称")
	}
	r.WorkPlan = wp
}

// planText reads one task field as text; a date typed into the 完成时限
// column reads as 2024-06-30.
func (x *reader) planText(row, col int, key, head string) (string, bool) {
	c := x.cell(sheetPlan, col, row)
	if key == "deadline" && c.number() && !c.hasF && x.isDateFormat(c.style) {
		if d, ok := dateOf(c); ok && d != "" {
			return d, true
		}
	}
	return x.text(sheetPlan, col, row, fmt.Sprintf("第 %d 行的%s", row, head))
}

// isDateFormat reports whether a cell style shows numbers as dates.
func (x *reader) isDateFormat(style int) bool {
	id, code := x.numFmt(style)
	if id < 0 {
		code = strings.ToLower(code)
		return strings.Contains(code, "yy") || strings.Contains(code, "d") && strings.Contains(code, "m")
	}
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
}

// CellsFor names the workbook cells that hold the values at the data paths
// of a report of edition ed, for a message: 表三!D6:D26、D28，表二!B5 —
// sheets in order of first mention, runs of three or more cells down a
// column or along a row as a range. Paths without a cell are left out; ""
// when none has one. The import command names the cells a rule read with it
// (report.Problem.ReplaceLines).
func CellsFor(ed report.Edition, paths []string) string {
	type pt struct{ col, row int }
	var sheets []string
	cells := map[string][]pt{}
	for _, p := range paths {
		sheet, cell, ok := strings.Cut(CellFor(ed, p), "!")
		if !ok {
			continue
		}
		col, row, err := excelize.CellNameToCoordinates(cell)
		if err != nil {
			continue
		}
		if _, seen := cells[sheet]; !seen {
			sheets = append(sheets, sheet)
		}
		if !slices.Contains(cells[sheet], pt{col, row}) {
			cells[sheet] = append(cells[sheet], pt{col, row})
		}
	}
	var out []string
	for _, sheet := range sheets {
		pts := cells[sheet]
		// Runs down each column, then single cells joined along their row.
		slices.SortFunc(pts, func(a, b pt) int { return cmp.Or(a.col-b.col, a.row-b.row) })
		type run struct{ a, b pt }
		var runs []run
		for _, p := range pts {
			if n := len(runs); n > 0 && runs[n-1].b.col == p.col && runs[n-1].b.row+1 == p.row {
				runs[n-1].b = p
				continue
			}
			runs = append(runs, run{p, p})
		}
		var rows []run
		for _, r := range runs {
			if n := len(rows); n > 0 && r.a == r.b && rows[n-1].a.row == rows[n-1].b.row &&
				rows[n-1].b.row == r.a.row && rows[n-1].b.col+1 == r.a.col {
				rows[n-1].b = r.a
				continue
			}
			rows = append(rows, r)
		}
		var parts []string
		for _, r := range rows {
			switch n := max(r.b.row-r.a.row, r.b.col-r.a.col) + 1; {
			case n >= 3:
				parts = append(parts, ref(r.a.col, r.a.row)+":"+ref(r.b.col, r.b.row))
			case n == 2:
				parts = append(parts, ref(r.a.col, r.a.row), ref(r.b.col, r.b.row))
			default:
				parts = append(parts, ref(r.a.col, r.a.row))
			}
		}
		out = append(out, sheet+"!"+strings.Join(parts, "、"))
	}
	return strings.Join(out, "，")
}
