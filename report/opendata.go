package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
)

// OpenDataSchema names the open-data encoding of a report written by
// OpenDataJSON and OpenDataCSV. templates/opendata/README.md (published with every site as opendata.html) documents it field
// by field; any change to the fields must change this name.
const OpenDataSchema = "nianbao-opendata/2"

// Figure is one statutory figure of a report in the open-data encoding: a
// cell of 表二, 表三 or 表四, or an 信息处理费 figure.
type Figure struct {
	Key     string      `json:"key"`     // stable data path, e.g. active.rules.issued, requests.received[6], appeals.review.total
	Table   string      `json:"table"`   // 表二, 表三, 表四, 信息处理费
	Group   string      `json:"group"`   // 表二: 第二十条第（一）项; 表三: （三）不予公开 …; 表四: 行政复议 / 行政诉讼; else ""
	Row     string      `json:"row"`     // row label as printed (表四: 行政复议, 未经复议直接起诉, 复议后起诉)
	Column  string      `json:"column"`  // column label as printed
	Value   json.Number `json:"value"`   // exact digits as reported (amounts keep their decimals)
	Unit    string      `json:"unit"`    // 件 for counts of applications and cases, 万元 / 元 for amounts, "" otherwise
	Derived bool        `json:"derived"` // true for totals nianbao computes (总计 column, （七）总计, 表四 总计)
}

// OpenData is the open-data encoding of one report.
type OpenData struct {
	Schema        string            `json:"schema"`
	Organ         string            `json:"organ"`
	Year          int               `json:"year"`
	Format        string            `json:"format"`
	Notice        string            `json:"notice"`
	Scope         string            `json:"scope"`
	Date          string            `json:"date"`
	Title         string            `json:"title"`
	Text          map[string]string `json:"text"`
	CarryOverNote string            `json:"carry_over_note"`
	Figures       []Figure          `json:"figures"`
	// MergedUnits is a region report's roll-up ledger (merged_units),
	// without the data file paths; absent for an organ's own report.
	MergedUnits []OpenDataUnit `json:"merged_units,omitempty"`
}

// OpenDataUnit is one unit of a region report's roll-up in open data.
type OpenDataUnit struct {
	Organ  string `json:"organ"`  // the unit's full name
	Status string `json:"status"` // 已报送, 零报告, 未报送 or 有错误
}

// OpenDataOf encodes r for open data. Totals are computed here, in the
// domain, exactly as Build computes them for the printed tables.
func OpenDataOf(r *Report) *OpenData {
	scope := r.Scope
	if scope == "" {
		scope = ScopeOrgan
	}
	od := &OpenData{
		Schema: OpenDataSchema, Organ: r.Organ, Year: r.Year, Format: string(r.Edition), Notice: r.Edition.Notice(),
		Scope: string(scope), Date: r.Date, Title: fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Organ, r.Year),
		Text: map[string]string{}, CarryOverNote: r.CarryOverNote,
	}
	for i, s := range TextSections {
		od.Text[s.Key] = r.Text[i].Body
	}
	for _, u := range r.MergedUnits {
		od.MergedUnits = append(od.MergedUnits, OpenDataUnit{Organ: u.Organ, Status: u.Status})
	}
	num := func(v int64) json.Number { return json.Number(fmt.Sprint(v)) }

	for _, b := range r.Edition.Table2() {
		for _, row := range b.Rows {
			for _, c := range b.Cols {
				v, _ := r.ActiveCell(row.Key, c.Key)
				f := Figure{Key: "active." + row.Key + "." + c.Key, Table: "表二", Group: b.Caption, Row: row.Label, Column: c.Label}
				switch c.Kind {
				case KindAmount:
					f.Value = json.Number(v.Amount.String())
					f.Unit = "万元"
					if row.Key == "procurement" {
						f.Unit = r.ProcUnit
						if f.Unit == "" {
							f.Unit = "万元"
						}
					}
				default:
					f.Value = num(v.Int)
				}
				od.Figures = append(od.Figures, f)
			}
		}
	}

	rows := r.Edition.Table3()
	var total [6]int64
	for i, row := range rows {
		if row.Kind == T3Outcome && i < len(r.Requests) {
			for k, v := range r.Requests[i].Cells {
				total[k] += v
			}
		}
	}
	for i, row := range rows {
		var cells [6]int64
		if i < len(r.Requests) {
			cells = r.Requests[i].Cells
		}
		if row.Kind == T3Total {
			cells = total
		}
		group := row.Group
		if row.Level > 0 && group == "" {
			group = T3ResultsGroup
		}
		var sum int64
		for k, v := range cells {
			sum += v
			od.Figures = append(od.Figures, Figure{Key: fmt.Sprintf("requests.%s[%d]", row.ID, k), Table: "表三", Group: group,
				Row: row.Label, Column: ApplicantColumns[k], Value: num(v), Unit: "件", Derived: row.Kind == T3Total})
		}
		od.Figures = append(od.Figures, Figure{Key: fmt.Sprintf("requests.%s[6]", row.ID), Table: "表三", Group: group,
			Row: row.Label, Column: T3TotalCol, Value: num(sum), Unit: "件", Derived: true})
	}

	for i, g := range Table4Rows {
		a := r.Appeals[i]
		row := g.Label
		if row == "" {
			row = g.Group
		}
		for j, c := range Table4Cols {
			v := a.Sum()
			if j < 4 {
				v = a.Vals[j]
			}
			od.Figures = append(od.Figures, Figure{Key: "appeals." + g.Key + "." + c.Key, Table: "表四", Group: g.Group,
				Row: row, Column: c.Label, Value: num(v), Unit: "件", Derived: j == 4})
		}
	}

	if f := r.Fees; f != nil {
		vals := [3]json.Number{num(f.Notices), json.Number(f.NotifiedAmount.String()), json.Number(f.Collected.String())}
		units := [3]string{"件", "元", "元"}
		for i, ff := range FeeFields {
			od.Figures = append(od.Figures, Figure{Key: "processing_fees." + ff.Key, Table: "信息处理费",
				Row: "信息处理费", Column: ff.Label, Value: vals[i], Unit: units[i]})
		}
	}
	return od
}

// OpenDataJSON is the report's open data as indented JSON (UTF-8, <, > and
// & escaped as \u003c, \u003e, \u0026, a final newline).
func OpenDataJSON(r *Report) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(OpenDataOf(r)); err != nil {
		return nil, fmt.Errorf("开放数据 JSON 编码失败：%w", err)
	}
	return b.Bytes(), nil
}

// OpenDataCSVHeader is the header row of OpenDataCSV.
var OpenDataCSVHeader = []string{"organ", "year", "format", "key", "table", "group", "row", "column", "value", "unit", "derived"}

// OpenDataCSV is the report's figures as CSV: a UTF-8 byte order mark (so
// that spreadsheet programs on Windows read the Chinese correctly), the
// header OpenDataCSVHeader, one line per figure, CRLF line ends (RFC 4180).
// An organ name that a spreadsheet would take for a formula is prefixed
// with an apostrophe.
func OpenDataCSV(r *Report) ([]byte, error) {
	od := OpenDataOf(r)
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write(OpenDataCSVHeader)
	organ := csvText(od.Organ)
	for _, f := range od.Figures {
		w.Write([]string{organ, fmt.Sprint(od.Year), od.Format, f.Key, f.Table, f.Group, f.Row, f.Column,
			string(f.Value), f.Unit, fmt.Sprint(f.Derived)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("开放数据 CSV 编码失败：%w", err)
	}
	return b.Bytes(), nil
}

// csvText defuses spreadsheet formula injection in a free-text field.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
