// Package report is the domain of nianbao: the statutory model of the
// 政府信息公开工作年度报告 in both editions, problems and the rule registry,
// and the render model (Doc, Build) every output is drawn from. It imports
// only the standard library.
//
// # Where things live
//
// Folder names follow the pipeline; a newcomer finds each step by name:
//
//	report/            model (Report), editions (labels as data), decimals, deadlines,
//	                   problems and the rule registry (rules.go), Doc and Build,
//	                   placeholders, compare / trend / appendix, open data
//	report/datafile/   loading: the one reader of data files (YAML through yaml.Node,
//	                   via fs.FS), marshal, scaffold, JSON Schema, manifests, file
//	                   discovery and an organ's series of years, work-plan splicing
//	report/check/      checking: every rule (T*, X*, TX*, F*, WP*), similarity
//	report/merge/      merging: 汇总 of many units into one region report
//	report/pdf/        output: the official PDF (fpdf)
//	report/html/       output: web pages and charts (html/template, go-echarts)
//	report/docx/       output: the editable Word document, optionally on the
//	                   office's own letterhead (standard library only)
//	report/xlsx/       output and input: the statistics workbook both ways, any
//	                   workbook's sheets as grids (Sheets), the merge breakdown
//	                   workbook (excelize)
//	report/ingest/     input: published reports (HTML, DOCX, PDF) back into the model
//	                   and data files, the batch table of ingest --report; the
//	                   tables of a Word document or web page as grids
//	report/tasktable/  input: the 任务分解表 importer: a workbook, Word document or
//	                   web page (known by content) → grids (xlsx.Sheets,
//	                   ingest.DOCXTables, ingest.HTMLTables) → a WorkPlan
//	report/plain/      output: aligned text tables for the terminal (compare, merge)
//	report/zipguard/   the guard in front of every untrusted zip (xlsx, docx)
//	report/output/     building outputs: every format of each report with one run's
//	                   templates and fonts, batches on every core, unchanged inputs
//	                   skipped (content-hash manifest), the templates overlay
//	report/site/       publishing: the static site (pages, downloads, open data)
//	report/publish/    writing: atomic, only-if-changed output that stays under -o and
//	                   never replaces an input; bounded reads of regular files
//	templates/         embedded templates, CSS, ECharts, fonts
//	cmd/nianbao/       the command line: flags, help, printing, exit codes
//
// Data flows one way:
//
//	datafile.Load → check.CheckSet (with the previous year's file) → [merge.Merge]
//	  → report.Build → *Doc → pdf / html / xlsx → publish
//
// The statutory labels and row order of both editions are written once, as
// data, in edition.go; the rules, with their stable IDs, severities and
// bases, in rules.go. Every figure in every output comes from Build;
// renderers lay the Doc out and do no arithmetic. Grid cells carry their
// row and column (Grid.Place), so renderers never place spans themselves.
//
// Glossary (Go name ↔ YAML key ↔ official label):
//
//	Report.Active    active     表二 主动公开政府信息情况
//	Report.Requests  requests   表三 收到和处理政府信息公开申请情况
//	Report.Appeals   appeals    表四 政府信息公开行政复议、行政诉讼情况
//	Report.Fees      processing_fees  信息处理费
//	Report.WorkPlan  work_plan  政务公开工作要点落实情况（任务分解表）
//	Ed2019 / Ed2021  format     国办公开办函〔2019〕60号 / 〔2021〕30号
//	T3Received … T3CarriedForward     一、本年新收 … 四、结转下年度继续办理
package report

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Doc is the single render model of a report: every label, every number
// (already formatted), every paragraph, in printed order. Renderers (PDF,
// HTML, XLSX) lay it out and do no arithmetic; every figure in every output
// comes from Build.
type Doc struct {
	Organ     string
	Year      int
	Edition   Edition
	Notice    string // the notice that issued the edition
	Scope     Scope
	Source    string // the data file, for messages
	OrganLine int    // line of organ in the data file, for messages about the organ name

	Title    string // 示例市人民政府办公室2024年政府信息公开工作年度报告
	Subject  string // metadata subject
	Keywords string // metadata keywords, comma separated
	Date     string // 落款日期 YYYY-MM-DD, "" when the file has none
	DateCN   string // 落款日期 as printed: 2025年1月20日 ("" when none)
	MetaDate string // YYYY-MM-DD for document metadata: Date, or 1 January of year+1

	// Publication metadata (the portal's information table and <meta>
	// tags): IndexNumber 索引号, DocumentNumber 文号 and Topic 主题分类 as
	// the file gives them ("" when absent); Publisher 发布机构, the file's
	// publisher or else Organ; Published 发布日期 YYYY-MM-DD, the file's
	// published or else Date ("" when neither).
	IndexNumber, Publisher, DocumentNumber, Published, Topic string

	Preface  []Para
	Sections [6]Section
	// Appendices follow the six sections (after the signature block) and
	// come before the chart appendix: 附：汇总单位情况 for a region report
	// with merged_units, then 附：主要数据同比情况 when the previous year's
	// file exists. Each has a Heading, optional Paras, a Table and
	// Notes, drawn like a statutory section.
	Appendices []Section
	Charts     []Chart
}

// Para is one paragraph of text with the file line it came from.
type Para struct {
	Text string
	Line int
}

// Section is one of the six statutory sections.
type Section struct {
	Heading string
	Paras   []Para // text before the table (sections 一, 五, 六) or notes after it
	Table   *Grid  // sections 二, 三, 四
	Notes   []Para // printed after the table: carry-over note, fee statement
	// Subsections are printed after Notes, each as a sub-heading, its
	// Paras, its Table and its Notes: section 六's 本年度政务公开工作要点
	// 落实情况 (summary line and task ledger).
	Subsections []Section
}

// CellKind says how a grid cell is drawn.
type CellKind int

const (
	CellHead   CellKind = iota // a column or block header
	CellLabel                  // a row label
	CellNumber                 // a figure, right- or centre-aligned
	CellNote                   // the 勾稽关系 note of 表三
	// CellText is a value in words that heads nothing (a task's 落实情况, a
	// unit's 报送情况): set like a label, but a data cell, not a row header.
	CellText
)

// GridCell is one cell of a statutory table. Spans are at least 1.
type GridCell struct {
	Text    string
	ColSpan int
	RowSpan int
	Kind    CellKind
	Indent  int    // label level (0, 1, 2)
	Key     string // data path of a number cell, e.g. requests.received[0]; "" otherwise
	Line    int    // data file line of user-written text in the cell (work-plan tasks); 0 otherwise
	// Row and Col are the cell's slot in the grid, 0-based, counted over
	// the header rows then the body rows, as the HTML table algorithm
	// places it (a cell covered by another's span is skipped). Build sets
	// them once (Grid.Place); renderers read them and never place cells.
	Row, Col int
}

// Grid is a statutory table as printed: header rows and body rows of cells
// with merges. A cell covered by another cell's span is not listed, as in HTML.
type Grid struct {
	ID      string // table2, table3, table4
	Caption string // accessible caption, e.g. 表二 主动公开政府信息情况
	Cols    int
	Widths  []int // relative column widths
	Head    [][]GridCell
	Body    [][]GridCell
}

// Place sets every cell's Row and Col as the HTML table algorithm does:
// each cell takes the first slot of its row not covered by a span from
// above or from its left. Spans below 1 count as 1. Build and BuildTrend
// call it on every grid they make; it is idempotent.
func (g *Grid) Place() {
	if g == nil {
		return
	}
	covered := map[[2]int]bool{}
	r := 0
	for _, rows := range [][][]GridCell{g.Head, g.Body} {
		for i := range rows {
			c := 0
			for j := range rows[i] {
				gc := &rows[i][j]
				for covered[[2]int{r, c}] {
					c++
				}
				gc.Row, gc.Col = r, c
				cols, rs := max(gc.ColSpan, 1), max(gc.RowSpan, 1)
				for dr := range rs {
					for dc := range cols {
						covered[[2]int{r + dr, c + dc}] = true
					}
				}
				c += cols
			}
			r++
		}
	}
}

// placeSections places the grids of sections and their subsections.
func placeSections(ss []Section) {
	for i := range ss {
		ss[i].Table.Place()
		placeSections(ss[i].Subsections)
	}
}

// Chart is the data of one chart, shared by the PDF and HTML renderers.
type Chart struct {
	ID         string // stable id: chart-applicants, chart-outcomes, chart-appeals, chart-trend
	Title      string
	Kind       string // bar, line
	Unit       string // 件
	Categories []string
	Series     []Series
	Summary    string // a sentence for screen readers and the PDF caption
}

// Series is one named row of chart values.
type Series struct {
	Name   string
	Values []int64
}

// Build turns a checked report into its render model. history holds the
// same organ's earlier reports (any order; used for the trend chart). A
// text section that would exceed MaxExpandedText characters once expanded
// (rule S-11, which Check reports) keeps its placeholders as typed; use
// BuildDoc to refuse such a report.
func Build(r *Report, history []*Report) *Doc {
	d, _ := BuildDoc(r, history)
	return d
}

// BuildDoc is Build that refuses a report whose text sections would be too
// long once their placeholders are expanded (rule S-11): the error names
// the file, line and field. The Doc is returned either way, with such
// sections unexpanded, so the expanded text is never made.
func BuildDoc(r *Report, history []*Report) (*Doc, error) {
	d := &Doc{
		Organ: r.Organ, Year: r.Year, Edition: r.Edition, Notice: r.Edition.Notice(), Scope: r.Scope, Source: r.File, OrganLine: r.Pos.Organ.Line,
		Title:    fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Organ, r.Year),
		Subject:  fmt.Sprintf("%d年度政府信息公开工作年度报告（%s）", r.Year, r.Edition.Notice()),
		Keywords: fmt.Sprintf("政府信息公开,年度报告,%s,%d", r.Organ, r.Year),
		Date:     r.Date,
		MetaDate: fmt.Sprintf("%d-01-01", r.Year+1),

		IndexNumber: r.IndexNumber, Publisher: cmp.Or(r.Publisher, r.Organ), DocumentNumber: r.DocumentNumber,
		Published: cmp.Or(r.Published, r.Date), Topic: r.Topic,
	}
	if r.Date != "" {
		d.MetaDate = r.Date
		y, _ := strconv.Atoi(r.Date[:4])
		m, _ := strconv.Atoi(r.Date[5:7])
		day, _ := strconv.Atoi(r.Date[8:10])
		d.DateCN = fmt.Sprintf("%d年%d月%d日", y, m, day)
	}
	prev := Previous(r, history)
	tooLong := ExpansionProblems(r, prev)
	para := func(key string) []Para {
		ps := paragraphs(r.TextOf(key))
		if slices.ContainsFunc(tooLong, func(p Problem) bool { return p.Path == "text."+key }) {
			return ps
		}
		for i := range ps {
			ps[i].Text = expandPlaceholders(ps[i].Text, r, prev)
		}
		return ps
	}
	d.Preface = para("preface")
	for i, h := range SectionHeadings {
		d.Sections[i].Heading = h
	}
	d.Sections[0].Paras = para("overview")
	d.Sections[1].Table = table2Grid(r)
	d.Sections[2].Table = table3Grid(r)
	if r.CarryOverNote != "" {
		d.Sections[2].Notes = append(d.Sections[2].Notes, Para{Text: "说明：" + r.CarryOverNote, Line: r.Pos.CarryOverNote.Line})
	}
	d.Sections[3].Table = table4Grid(r)
	d.Sections[4].Paras = para("problems")
	d.Sections[5].Paras = para("other")
	// The fee statement is printed unless the clerk's own text of section
	// 六 already reports the fees (its figures are then checked by TX-1).
	if f := r.Fees; f != nil && !parasMention(d.Sections[5].Paras, "信息处理费") {
		d.Sections[5].Notes = append(d.Sections[5].Notes, Para{Line: r.Pos.Fees.Line, Text: fmt.Sprintf(
			"本年度发出信息处理费收费通知%d件，收费通知总金额%s元，实际收取信息处理费%s元。",
			f.Notices, f.NotifiedAmount, f.Collected)})
	}
	if r.WorkPlan != nil && len(r.WorkPlan.Tasks) > 0 {
		d.Sections[5].Subsections = append(d.Sections[5].Subsections, workPlanSection(r.WorkPlan, d.Sections[5].Paras))
	}
	if len(r.MergedUnits) > 0 {
		d.Appendices = append(d.Appendices, mergedAppendix(r))
	}
	if prev != nil {
		d.Appendices = append(d.Appendices, compareAppendix(prev, r))
	}
	d.Charts = charts(r, history)
	placeSections(d.Sections[:])
	placeSections(d.Appendices)
	if len(tooLong) > 0 {
		msgs := make([]string, len(tooLong))
		for i, p := range tooLong {
			msgs[i] = p.String()
		}
		return d, errors.New(strings.Join(msgs, "\n"))
	}
	return d, nil
}

// parasMention reports whether any paragraph contains word.
func parasMention(ps []Para, word string) bool {
	for _, p := range ps {
		if strings.Contains(p.Text, word) {
			return true
		}
	}
	return false
}

// paragraphs splits a text section into its paragraphs: each line that is
// not empty or only whitespace is one paragraph (clerks type, paste from
// Word and press Alt+Enter in Excel one line per paragraph; blank lines
// between paragraphs are allowed and ignored). Each keeps its line number
// and loses the whitespace around it (an indent typed with 全角空格, too).
func paragraphs(t Text) []Para {
	var out []Para
	for i, l := range strings.Split(t.Body, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		ln := t.BodyLine
		if t.Literal {
			ln += i
		}
		out = append(out, Para{Text: l, Line: ln})
	}
	return out
}

// joinLines joins the lines of one paragraph: with nothing between CJK
// text, with a space between two Latin words.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := b.String()
			last := prev[len(prev)-1]
			if last < 0x80 && l[0] < 0x80 && last != ' ' {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func cell(text string, kind CellKind) GridCell {
	return GridCell{Text: text, ColSpan: 1, RowSpan: 1, Kind: kind}
}

func span(c GridCell, cols, rows int) GridCell {
	c.ColSpan, c.RowSpan = cols, rows
	return c
}

func num(v int64, key string) GridCell {
	c := cell(strconv.FormatInt(v, 10), CellNumber)
	c.Key = key
	return c
}

// table2Grid lays out 表二: four columns (信息内容 + up to three figures);
// a block with fewer figure columns lets its last column span the rest.
func table2Grid(r *Report) *Grid {
	g := &Grid{ID: "table2", Caption: "表二 主动公开政府信息情况", Cols: 4, Widths: []int{28, 24, 24, 24}}
	for _, b := range r.Edition.Table2() {
		g.Body = append(g.Body, []GridCell{span(cell(b.Caption, CellHead), 4, 1)})
		head := []GridCell{cell(T2FirstColHeader, CellHead)}
		for i, c := range b.Cols {
			hc := cell(c.Label, CellHead)
			if i == len(b.Cols)-1 {
				hc.ColSpan = 4 - len(b.Cols)
			}
			head = append(head, hc)
		}
		g.Body = append(g.Body, head)
		for _, row := range b.Rows {
			line := []GridCell{cell(row.Label, CellLabel)}
			for i, c := range b.Cols {
				v, _ := r.ActiveCell(row.Key, c.Key)
				var vc GridCell
				key := "active." + row.Key + "." + c.Key
				switch c.Kind {
				case KindAmount:
					vc = cell(v.Amount.String(), CellNumber)
					if row.Key == "procurement" {
						vc.Text += r.ProcUnit
					}
					vc.Key = key
				default:
					vc = num(v.Int, key)
				}
				if i == len(b.Cols)-1 {
					vc.ColSpan = 4 - len(b.Cols)
				}
				line = append(line, vc)
			}
			g.Body = append(g.Body, line)
		}
	}
	return g
}

// table3Grid lays out 表三: three label columns and seven figure columns,
// with the 勾稽关系 note over the label columns and the group labels
// (三、本年度办理结果, （三）不予公开 …) spanning their rows.
func table3Grid(r *Report) *Grid {
	g := &Grid{ID: "table3", Caption: "表三 收到和处理政府信息公开申请情况", Cols: 10,
		Widths: []int{9, 9, 30, 8, 8, 8, 8, 8, 8, 8}}
	note := span(cell(T3Note, CellNote), 3, 3)
	g.Head = [][]GridCell{
		{note, span(cell(T3ApplicantHead, CellHead), 7, 1)},
		{span(cell(ApplicantColumns[0], CellHead), 1, 2), span(cell(T3LegalGroup, CellHead), 5, 1), span(cell(T3TotalCol, CellHead), 1, 2)},
		{},
	}
	for _, c := range ApplicantColumns[1:] {
		g.Head[2] = append(g.Head[2], cell(c, CellHead))
	}
	rows := r.Edition.Table3()
	// How many rows the results group and each sub-group span.
	resultRows := 0
	groupRows := map[string]int{}
	for _, row := range rows {
		if row.Kind == T3Outcome || row.Kind == T3Total {
			resultRows++
		}
		if row.Group != "" {
			groupRows[row.Group]++
		}
	}
	firstResult := true
	seenGroup := map[string]bool{}
	for i, row := range rows {
		ar := r.Requests[i]
		var line []GridCell
		switch {
		case row.Level == 0:
			lc := span(cell(row.Label, CellLabel), 3, 1)
			line = append(line, lc)
		default:
			if firstResult {
				line = append(line, span(cell(T3ResultsGroup, CellLabel), 1, resultRows))
				firstResult = false
			}
			if row.Group != "" {
				if !seenGroup[row.Group] {
					gc := span(cell(row.Group, CellLabel), 1, groupRows[row.Group])
					gc.Indent = 1
					line = append(line, gc)
					seenGroup[row.Group] = true
				}
				lc := cell(row.Label, CellLabel)
				lc.Indent = 2
				line = append(line, lc)
			} else {
				lc := span(cell(row.Label, CellLabel), 2, 1)
				lc.Indent = 1
				line = append(line, lc)
			}
		}
		vals := ar.Cells
		if row.Kind == T3Total {
			// （七）总计 as the tool computes it (T3-3 makes a printed one equal).
			vals = [6]int64{}
			for j, rr := range rows {
				if rr.Kind == T3Outcome {
					for k := range 6 {
						vals[k] += r.Requests[j].Cells[k]
					}
				}
			}
		}
		var sum int64
		for k, v := range vals {
			line = append(line, num(v, fmt.Sprintf("requests.%s[%d]", row.ID, k)))
			sum += v
		}
		line = append(line, num(sum, fmt.Sprintf("requests.%s[6]", row.ID)))
		g.Body = append(g.Body, line)
	}
	return g
}

// table4Grid lays out 表四: 15 figure columns under two header groups.
func table4Grid(r *Report) *Grid {
	g := &Grid{ID: "table4", Caption: "表四 政府信息公开行政复议、行政诉讼情况", Cols: 15}
	for range 15 {
		g.Widths = append(g.Widths, 1)
	}
	g.Head = [][]GridCell{
		{span(cell(Table4Rows[0].Group, CellHead), 5, 1), span(cell(Table4Rows[1].Group, CellHead), 10, 1)},
		{},
		{},
	}
	for _, c := range Table4Cols {
		g.Head[1] = append(g.Head[1], span(cell(c.Label, CellHead), 1, 2))
	}
	g.Head[1] = append(g.Head[1], span(cell(Table4Rows[1].Label, CellHead), 5, 1), span(cell(Table4Rows[2].Label, CellHead), 5, 1))
	for range 2 {
		for _, c := range Table4Cols {
			g.Head[2] = append(g.Head[2], cell(c.Label, CellHead))
		}
	}
	var line []GridCell
	for i, grp := range Table4Rows {
		a := r.Appeals[i]
		for j := range 4 {
			line = append(line, num(a.Vals[j], "appeals."+grp.Key+"."+Table4Cols[j].Key))
		}
		line = append(line, num(a.Sum(), "appeals."+grp.Key+".total"))
	}
	g.Body = [][]GridCell{line}
	return g
}

// OutcomeGroups are the six outcome groups of 表三 (（一）…（六）) used by
// the outcome chart: label and the row IDs summed into it.
func OutcomeGroups(ed Edition) []struct {
	Label string
	IDs   []string
} {
	var out []struct {
		Label string
		IDs   []string
	}
	idx := map[string]int{}
	for _, row := range ed.Table3() {
		if row.Kind != T3Outcome {
			continue
		}
		label := row.Group
		if label == "" {
			label = row.Label
		}
		label = shortOutcome(label)
		i, ok := idx[label]
		if !ok {
			i = len(out)
			idx[label] = i
			out = append(out, struct {
				Label string
				IDs   []string
			}{Label: label})
		}
		out[i].IDs = append(out[i].IDs, row.ID)
	}
	return out
}

// shortOutcome drops the numbering and the counting instruction:
// （二）部分公开（区分处理的…） → 部分公开.
func shortOutcome(label string) string {
	if i := strings.Index(label, "）"); strings.HasPrefix(label, "（") && i > 0 {
		label = label[i+len("）"):]
	}
	if i := strings.Index(label, "（"); i > 0 {
		label = label[:i]
	}
	return label
}

func charts(r *Report, history []*Report) []Chart {
	var out []Chart
	received := r.Row("received")
	var total int64
	var parts []string
	for k, v := range received.Cells {
		total += v
		parts = append(parts, fmt.Sprintf("%s%d件", ApplicantColumns[k], v))
	}
	out = append(out, Chart{
		ID: "chart-applicants", Title: "本年新收政府信息公开申请（按申请人类型）", Kind: "bar", Unit: "件",
		Categories: ApplicantColumns[:],
		Series:     []Series{{Name: "本年新收申请", Values: received.Cells[:]}},
		Summary:    fmt.Sprintf("本年新收政府信息公开申请共%d件，其中%s。", total, strings.Join(parts, "，")),
	})

	groups := OutcomeGroups(r.Edition)
	oc := Chart{ID: "chart-outcomes", Title: "本年度办理结果", Kind: "bar", Unit: "件", Series: []Series{{Name: "办理结果"}}}
	parts = nil
	var concluded int64
	for _, g := range groups {
		var v int64
		for _, id := range g.IDs {
			v += r.Row(id).Sum()
		}
		concluded += v
		oc.Categories = append(oc.Categories, g.Label)
		oc.Series[0].Values = append(oc.Series[0].Values, v)
		parts = append(parts, fmt.Sprintf("%s%d件", g.Label, v))
	}
	oc.Summary = fmt.Sprintf("本年度办结政府信息公开申请共%d件，其中%s。", concluded, strings.Join(parts, "，"))
	out = append(out, oc)

	ac := Chart{ID: "chart-appeals", Title: "行政复议、行政诉讼结果", Kind: "bar", Unit: "件"}
	for j := range 4 {
		ac.Categories = append(ac.Categories, Table4Cols[j].Label)
	}
	parts = nil
	for i, g := range Table4Rows {
		a := r.Appeals[i]
		ac.Series = append(ac.Series, Series{Name: g.Titled, Values: a.Vals[:]})
		parts = append(parts, fmt.Sprintf("%s%d件（结果维持%d件、结果纠正%d件、其他结果%d件、尚未审结%d件）",
			g.Titled, a.Sum(), a.Vals[0], a.Vals[1], a.Vals[2], a.Vals[3]))
	}
	ac.Summary = strings.Join(parts, "；") + "。"
	out = append(out, ac)

	if t, ok := trendChart(r, history); ok {
		out = append(out, t)
	}
	// A chart whose figures are all zero shows nothing but an empty axis:
	// it is left out (in every renderer, since they all draw d.Charts).
	return slices.DeleteFunc(out, Chart.allZero)
}

// allZero reports whether every value of every series is zero.
func (c Chart) allZero() bool {
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v != 0 {
				return false
			}
		}
	}
	return true
}

// trendChart shows requests received and concluded over every available year.
func trendChart(r *Report, history []*Report) (Chart, bool) {
	byYear := map[int]*Report{r.Year: r}
	minYear := r.Year
	for _, h := range history {
		if h == nil || h.Organ != r.Organ || h.Year >= r.Year {
			continue
		}
		byYear[h.Year] = h
		minYear = min(minYear, h.Year)
	}
	if len(byYear) < 2 {
		return Chart{}, false
	}
	c := Chart{ID: "chart-trend", Title: "历年政府信息公开申请情况", Kind: "line", Unit: "件",
		Series: []Series{{Name: "本年新收申请"}, {Name: "办结申请"}}}
	var parts []string
	for y := minYear; y <= r.Year; y++ {
		h, ok := byYear[y]
		if !ok {
			continue
		}
		rec, con := h.Row("received").Sum(), OutcomeSum(h)
		c.Categories = append(c.Categories, fmt.Sprintf("%d年", y))
		c.Series[0].Values = append(c.Series[0].Values, rec)
		c.Series[1].Values = append(c.Series[1].Values, con)
		parts = append(parts, fmt.Sprintf("%d年新收%d件、办结%d件", y, rec, con))
	}
	c.Summary = strings.Join(parts, "；") + "。"
	return c, true
}
