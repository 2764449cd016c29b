package report

// This file writes down, once, the statutory layout of both editions of the
// 政府信息公开工作年度报告格式: section headings, the blocks, rows and columns
// of 表二, the rows of 表三 and the columns of 表四, each with its YAML key.
// Everything else in nianbao — the loader, the checks, the renderers, the
// Excel workbook — reads them from here.

// Edition is the statutory format edition of a report.
type Edition string

const (
	// Ed2019 is the trial format of 国办公开办函〔2019〕60号 (report years 2019–2020).
	Ed2019 Edition = "2019"
	// Ed2021 is the revised format of 国办公开办函〔2021〕30号 (report years 2021 onwards).
	Ed2021 Edition = "2021"
)

// EditionForYear is the edition the law prescribes for a report year.
func EditionForYear(year int) Edition {
	if year <= 2020 {
		return Ed2019
	}
	return Ed2021
}

// Notice is the document that issued the edition.
func (e Edition) Notice() string {
	if e == Ed2019 {
		return "国办公开办函〔2019〕60号"
	}
	return "国办公开办函〔2021〕30号"
}

// Valid reports whether e is a known edition.
func (e Edition) Valid() bool { return e == Ed2019 || e == Ed2021 }

// SectionHeadings are the six statutory section headings, in order.
var SectionHeadings = [6]string{
	"一、总体情况",
	"二、主动公开政府信息情况",
	"三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况",
	"五、存在的主要问题及改进情况",
	"六、其他需要报告的事项",
}

// TextSection describes one narrative section of the `text` map.
type TextSection struct {
	Key      string // YAML key under text
	Title    string // how users name it
	Required bool
	Heading  int // index into SectionHeadings, -1 for the preface
}

// TextSections lists the narrative sections in report order.
var TextSections = []TextSection{
	{Key: "preface", Title: "前言", Required: false, Heading: -1},
	{Key: "overview", Title: "一、总体情况", Required: true, Heading: 0},
	{Key: "problems", Title: "五、存在的主要问题及改进情况", Required: true, Heading: 4},
	{Key: "other", Title: "六、其他需要报告的事项", Required: true, Heading: 5},
}

// ValueKind says what a 表二 cell holds.
type ValueKind int

const (
	KindCount  ValueKind = iota // non-negative whole number (件, 个)
	KindChange                  // signed whole number (2019: 本年增/减)
	KindAmount                  // non-negative decimal, kept digit for digit
)

// T2Col is one column of a 表二 block.
type T2Col struct {
	Key   string
	Label string
	Kind  ValueKind
}

// T2Row is one row of a 表二 block.
type T2Row struct {
	Key   string
	Label string
}

// T2Block is one block of 表二, headed by its 第二十条 caption.
type T2Block struct {
	Caption string
	Cols    []T2Col
	Rows    []T2Row
}

// T2FirstColHeader heads the label column of every 表二 block.
const T2FirstColHeader = "信息内容"

var table2By = map[Edition][]T2Block{
	Ed2021: {
		{Caption: "第二十条第（一）项", Cols: []T2Col{
			{"issued", "本年制发件数", KindCount},
			{"repealed", "本年废止件数", KindCount},
			{"in_force", "现行有效件数", KindCount},
		}, Rows: []T2Row{{"rules", "规章"}, {"normative_documents", "行政规范性文件"}}},
		{Caption: "第二十条第（五）项", Cols: []T2Col{
			{"decisions", "本年处理决定数量", KindCount},
		}, Rows: []T2Row{{"licensing", "行政许可"}}},
		{Caption: "第二十条第（六）项", Cols: []T2Col{
			{"decisions", "本年处理决定数量", KindCount},
		}, Rows: []T2Row{{"penalty", "行政处罚"}, {"coercion", "行政强制"}}},
		{Caption: "第二十条第（八）项", Cols: []T2Col{
			{"amount", "本年收费金额（单位：万元）", KindAmount},
		}, Rows: []T2Row{{"fees", "行政事业性收费"}}},
	},
	Ed2019: {
		{Caption: "第二十条第（一）项", Cols: []T2Col{
			{"made", "本年新制作数量", KindCount},
			{"published", "本年新公开数量", KindCount},
			{"total", "对外公开总数量", KindCount},
		}, Rows: []T2Row{{"rules", "规章"}, {"normative_documents", "规范性文件"}}},
		{Caption: "第二十条第（五）项", Cols: []T2Col{
			{"previous", "上一年项目数量", KindCount},
			{"change", "本年增/减", KindChange},
			{"decisions", "处理决定数量", KindCount},
		}, Rows: []T2Row{{"licensing", "行政许可"}, {"other_services", "其他对外管理服务事项"}}},
		{Caption: "第二十条第（六）项", Cols: []T2Col{
			{"previous", "上一年项目数量", KindCount},
			{"change", "本年增/减", KindChange},
			{"decisions", "处理决定数量", KindCount},
		}, Rows: []T2Row{{"penalty", "行政处罚"}, {"coercion", "行政强制"}}},
		{Caption: "第二十条第（八）项", Cols: []T2Col{
			{"previous", "上一年项目数量", KindCount},
			{"change", "本年增/减", KindChange},
		}, Rows: []T2Row{{"fees", "行政事业性收费"}}},
		{Caption: "第二十条第（九）项", Cols: []T2Col{
			{"items", "采购项目数量", KindCount},
			{"amount", "采购总金额", KindAmount},
		}, Rows: []T2Row{{"procurement", "政府集中采购"}}},
	},
}

// Table2 returns the blocks of 表二 for the edition.
func (e Edition) Table2() []T2Block { return table2By[e] }

// T2Cell names one cell of 表二 in reading order (block by block, row by
// row, column by column). Report.Active is aligned with Edition.Table2Cells.
type T2Cell struct {
	Block, Row, Col int
	RowKey, ColKey  string
	Kind            ValueKind
}

// Path is the YAML path of the cell, e.g. "active.rules.issued".
func (c T2Cell) Path() string { return "active." + c.RowKey + "." + c.ColKey }

var table2CellsBy = map[Edition][]T2Cell{}

func init() {
	for ed, blocks := range table2By {
		var cells []T2Cell
		for bi, b := range blocks {
			for ri, r := range b.Rows {
				for ci, c := range b.Cols {
					cells = append(cells, T2Cell{Block: bi, Row: ri, Col: ci, RowKey: r.Key, ColKey: c.Key, Kind: c.Kind})
				}
			}
		}
		table2CellsBy[ed] = cells
	}
	for ed, rows := range table3By {
		idx := map[string]int{}
		for i, r := range rows {
			idx[r.ID] = i
		}
		table3Index[ed] = idx
	}
}

// Table2Cells lists every cell of 表二 in reading order.
func (e Edition) Table2Cells() []T2Cell { return table2CellsBy[e] }

// Table2Index returns the position in Table2Cells of the cell rowKey.colKey, or -1.
func (e Edition) Table2Index(rowKey, colKey string) int {
	for i, c := range table2CellsBy[e] {
		if c.RowKey == rowKey && c.ColKey == colKey {
			return i
		}
	}
	return -1
}

// Applicant columns of 表三, in order. The 7th column, 总计, is derived.
var ApplicantColumns = [6]string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}

// Header texts of 表三.
const (
	T3Note          = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
	T3ApplicantHead = "申请人情况"
	T3LegalGroup    = "法人或其他组织"
	T3TotalCol      = "总计"
	T3ResultsGroup  = "三、本年度办理结果"
)

// T3Kind says what role a 表三 row plays in the arithmetic.
type T3Kind int

const (
	T3Received       T3Kind = iota // 一、本年新收
	T3CarriedOver                  // 二、上年结转
	T3Outcome                      // one of the outcome rows summed into （七）总计
	T3Total                        // （七）总计
	T3CarriedForward               // 四、结转下年度继续办理
)

// T3Row is one data row of 表三.
type T3Row struct {
	ID    string // YAML path under requests, e.g. "withheld.state_secret"
	Label string // as the table prints it
	Group string // the group label it sits under ("（三）不予公开"), or ""
	Level int    // 0: 一、二、四、; 1: （一）…（七）; 2: 1.…
	Kind  T3Kind
}

func t3rows(other []T3Row) []T3Row {
	rows := []T3Row{
		{ID: "received", Label: "一、本年新收政府信息公开申请数量", Level: 0, Kind: T3Received},
		{ID: "carried_over", Label: "二、上年结转政府信息公开申请数量", Level: 0, Kind: T3CarriedOver},
		{ID: "granted", Label: "（一）予以公开", Level: 1, Kind: T3Outcome},
		{ID: "partially_granted", Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Level: 1, Kind: T3Outcome},
	}
	group := func(g string, ids, labels []string) {
		for i := range ids {
			rows = append(rows, T3Row{ID: ids[i], Label: labels[i], Group: g, Level: 2, Kind: T3Outcome})
		}
	}
	group("（三）不予公开",
		[]string{"withheld.state_secret", "withheld.prohibited_by_law", "withheld.endangers_security", "withheld.third_party_rights",
			"withheld.internal_affairs", "withheld.process_information", "withheld.enforcement_files", "withheld.inquiry_matters"},
		[]string{"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
			"5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"})
	group("（四）无法提供",
		[]string{"unavailable.not_held", "unavailable.needs_creation", "unavailable.still_unclear"},
		[]string{"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"})
	group("（五）不予处理",
		[]string{"not_processed.complaint", "not_processed.duplicate", "not_processed.publication", "not_processed.excessive", "not_processed.confirmation"},
		[]string{"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"})
	rows = append(rows, other...)
	rows = append(rows,
		T3Row{ID: "total", Label: "（七）总计", Level: 1, Kind: T3Total},
		T3Row{ID: "carried_forward", Label: "四、结转下年度继续办理", Level: 0, Kind: T3CarriedForward},
	)
	return rows
}

var table3By = map[Edition][]T3Row{
	Ed2019: t3rows([]T3Row{{ID: "other", Label: "（六）其他处理", Level: 1, Kind: T3Outcome}}),
	Ed2021: t3rows([]T3Row{
		{ID: "other.no_correction", Label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Group: "（六）其他处理", Level: 2, Kind: T3Outcome},
		{ID: "other.fee_unpaid", Label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Group: "（六）其他处理", Level: 2, Kind: T3Outcome},
		{ID: "other.other", Label: "3.其他", Group: "（六）其他处理", Level: 2, Kind: T3Outcome},
	}),
}

var table3Index = map[Edition]map[string]int{}

// Table3 returns the data rows of 表三 in printed order.
func (e Edition) Table3() []T3Row { return table3By[e] }

// T3Index returns the position of row id in Table3, or -1.
func (e Edition) T3Index(id string) int {
	if i, ok := table3Index[e][id]; ok {
		return i
	}
	return -1
}

// T4Row is one group of 表四 (a row of our data, a column group of the printed table).
type T4Row struct {
	Key    string
	Group  string // 行政复议 or 行政诉讼
	Label  string // sub-group label, "" for 行政复议
	Titled string // full name for messages
}

// Table4Rows are the three groups of 表四, the same in both editions.
var Table4Rows = [3]T4Row{
	{Key: "review", Group: "行政复议", Label: "", Titled: "行政复议"},
	{Key: "litigation_direct", Group: "行政诉讼", Label: "未经复议直接起诉", Titled: "行政诉讼（未经复议直接起诉）"},
	{Key: "litigation_after_review", Group: "行政诉讼", Label: "复议后起诉", Titled: "行政诉讼（复议后起诉）"},
}

// Table4Cols are the outcome columns of every 表四 group; the last, 总计, is derived.
var Table4Cols = [5]struct{ Key, Label string }{
	{"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"}, {"pending", "尚未审结"}, {"total", "总计"},
}

// FeeFields are the 信息处理费 figures (2021 edition, section 六).
var FeeFields = [3]struct {
	Key, Label string
	Kind       ValueKind
}{
	{"notices", "发出收费通知的件数", KindCount},
	{"notified_amount", "发出收费通知的总金额（元）", KindAmount},
	{"collected", "实际收取的总金额（元）", KindAmount},
}

// T3Label is a 表三 row's label with its group prefix, as messages quote it:
// （三）本年度办理结果 rows read 1.予以公开 → “（三）本年度办理结果1.予以公开”… as
// the statutory form prints the group and the row together.
func T3Label(row T3Row) string {
	if row.Group != "" {
		return row.Group + row.Label
	}
	return row.Label
}

// Labels returns the statutory text of edition e as printed: the six
// section headings and the headings, row labels and notes of tables 二,
// 三 and 四 (figures left out). A font that lacks any character of it
// cannot print a report of the edition (rule PDF-2).
func (e Edition) Labels() []string {
	r := &Report{Edition: e, Requests: make([]AppRow, len(e.Table3())), Active: make([]Cell, len(e.Table2Cells()))}
	out := append([]string{}, SectionHeadings[:]...)
	for _, g := range []*Grid{table2Grid(r), table3Grid(r), table4Grid(r)} {
		for _, rows := range [][][]GridCell{g.Head, g.Body} {
			for _, row := range rows {
				for _, c := range row {
					if c.Kind != CellNumber {
						out = append(out, c.Text)
					}
				}
			}
		}
	}
	return out
}
