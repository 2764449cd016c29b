package report

// Pos is a position in a source file, 1-based. The zero Pos means "the file
// as a whole".
type Pos struct{ Line, Col int }

// Scope is the kind of report: the organ's own, or the 本级政府 report that
// aggregates an administrative area.
type Scope string

const (
	ScopeOrgan  Scope = "organ"
	ScopeRegion Scope = "region"
)

// Report is one organ's annual report for one year, as loaded from its YAML
// file. Tables are stored aligned with the edition's definitions in
// edition.go; every value keeps the position it was read from.
type Report struct {
	File    string // path as given by the user; used in messages
	Year    int
	Organ   string
	Edition Edition
	// FormatOverrideReason explains a deliberate year/edition mismatch.
	FormatOverrideReason string
	Scope                Scope
	Date                 string // YYYY-MM-DD or ""
	CarryOverNote        string

	// Publication metadata for the portal's information table and <meta>
	// tags (all optional, "" when absent): 索引号, 发布机构 (default: Organ,
	// see Doc.Publisher), 文号, 发布日期 YYYY-MM-DD (default: Date, see
	// Doc.Published) and 主题分类.
	IndexNumber, Publisher, DocumentNumber, Published, Topic string

	Text     [4]Text      // aligned with TextSections
	Active   []Cell       // aligned with Edition.Table2Cells()
	ProcUnit string       // 2019: unit of procurement.amount, 元 or 万元
	Requests []AppRow     // aligned with Edition.Table3()
	Appeals  [3]AppealRow // aligned with Table4Rows
	Fees     *Fees        // nil when the file has no processing_fees
	// WorkPlan is the optional 政务公开工作要点 ledger (work_plan), reported
	// in section 六; nil when the file has none.
	WorkPlan *WorkPlan
	// MergedUnits is the roll-up ledger of a region report (merged_units):
	// every unit of the merge with its status, as merge wrote it; nil for
	// an organ's own report.
	MergedUnits []MergedUnit
	// Source is where a report read back from a published document came
	// from (`nianbao ingest`); nil for a data file typed by the office.
	Source *Source

	Pos Positions
}

// MergedUnit is one unit of a region report's roll-up (merged_units:).
type MergedUnit struct {
	Organ  string
	Status string // one of MergedStatuses
	File   string // the unit's data file, relative to the manifest, slash-separated; "" when none
	Pos    Pos
}

// MergedStatuses are the statuses of merged_units, as UnitState prints them.
// 未能读取 (a file that is no report) is listed, never counted
// (MergedCounted).
var MergedStatuses = []string{"已报送", "零报告", "未报送", "有错误", "未能读取"}

// stockColumns are the 表二 columns that count what stands at the year's
// end or start rather than what happened in the year: 现行有效件数 (2021),
// 对外公开总数量 and 上一年项目数量 (2019).
var stockColumns = map[string]bool{"in_force": true, "total": true, "previous": true}

// AllZero reports whether r is a 零报告 (a unit with no activity in the
// year): every figure of its tables (表二, 表三, 表四 and 信息处理费) is
// zero, except the 表二 stock columns (现行有效件数; 2019: 对外公开总数量,
// 上一年项目数量), which a unit without activity still reports.
func (r *Report) AllZero() bool {
	cells := r.Edition.Table2Cells()
	for i, c := range r.Active {
		if i < len(cells) && stockColumns[cells[i].ColKey] {
			continue
		}
		if c.Int != 0 || c.Amount.Mant != 0 {
			return false
		}
	}
	for _, row := range r.Requests {
		for _, v := range row.Cells {
			if v != 0 {
				return false
			}
		}
	}
	for _, a := range r.Appeals {
		for _, v := range a.Vals {
			if v != 0 {
				return false
			}
		}
	}
	if f := r.Fees; f != nil && (f.Notices != 0 || f.NotifiedAmount.Mant != 0 || f.Collected.Mant != 0) {
		return false
	}
	return true
}

// Positions remembers where top-level values were found.
type Positions struct {
	Year, Organ, Format, Date, CarryOverNote, Scope, Requests, Active, Appeals, Text, Fees, WorkPlan, MergedUnits Pos
	IndexNumber, Publisher, DocumentNumber, Published, Topic                                                      Pos
}

// Text is one narrative section.
type Text struct {
	Body string
	Pos  Pos
	// BodyLine is the line of the first character of Body (after a block
	// scalar's indicator line), used to place problems inside the text.
	BodyLine int
	// Literal is true for a `|` block scalar: Body's lines map 1:1 to file lines.
	Literal bool
}

// Cell is one value of 表二. Int holds counts and changes; Amount holds amounts.
type Cell struct {
	Int    int64
	Amount Decimal
	Pos    Pos
}

// AppRow is one row of 表三: six applicant columns and the optional printed 总计.
type AppRow struct {
	Cells    [6]int64
	Printed  int64 // the 7th number as written, when HasTotal
	HasTotal bool
	Pos      Pos    // position of the row (the sequence)
	CellPos  [7]Pos // position of each number
}

// Sum is the row's 总计 computed from its six applicant columns.
func (r AppRow) Sum() int64 {
	var s int64
	for _, v := range r.Cells {
		s += v
	}
	return s
}

// AppealRow is one group of 表四.
type AppealRow struct {
	Vals     [4]int64 // upheld, corrected, other, pending
	Printed  int64
	HasTotal bool
	Pos      Pos
	ValPos   [5]Pos
}

// Sum is the group's 总计 computed from its four outcome columns.
func (a AppealRow) Sum() int64 { return a.Vals[0] + a.Vals[1] + a.Vals[2] + a.Vals[3] }

// Fees are the 信息处理费 figures of section 六.
type Fees struct {
	Notices        int64
	NotifiedAmount Decimal
	Collected      Decimal
	Pos            [3]Pos
}

// Row returns the 表三 row with the given id (see Edition.Table3).
func (r *Report) Row(id string) AppRow {
	i := r.Edition.T3Index(id)
	if i < 0 || i >= len(r.Requests) {
		return AppRow{}
	}
	return r.Requests[i]
}

// ActiveCell returns the 表二 cell rowKey.colKey, and whether the edition has it.
func (r *Report) ActiveCell(rowKey, colKey string) (Cell, bool) {
	i := r.Edition.Table2Index(rowKey, colKey)
	if i < 0 || i >= len(r.Active) {
		return Cell{}, false
	}
	return r.Active[i], true
}

// TextOf returns the narrative section with the given key.
func (r *Report) TextOf(key string) Text {
	for i, s := range TextSections {
		if s.Key == key {
			return r.Text[i]
		}
	}
	return Text{}
}

// ConcludedTotal is （七）总计 across all applicant columns: the computed sum.
func (r *Report) ConcludedTotal() int64 { return r.Row("total").Sum() }

// Source records where a data file read back from a published report came
// from (the data file's `source:` block, written by `nianbao ingest`). The
// loader does not read it back and check and build ignore it; it is kept
// for the person who compares the file with what was published.
type Source struct {
	File   string // base name of the published file
	SHA256 string // hex digest of its bytes
	Format string // html, docx or pdf
	Tables []SourceTable
	// Blank lists the data paths (requests.received[2], active.rules.issued,
	// appeals.review.upheld, processing_fees.notices) of cells the
	// published report left blank or that could not be read: the data file
	// writes them as null, so check reports each one (blank is not zero).
	Blank []string
}

// SourceTable is how one statutory table was read: where it was found
// (an element path such as body/div[2]/table[1], a page such as 第3页, or
// "图片" / "未找到"), how many cells were read and how many could not be.
type SourceTable struct {
	Name       string // table2, table3, table4
	Where      string
	Read       int
	Unreadable int
}
