package ingest

import (
	"fmt"
	"reflect"
	"testing"

	"nianbao/report"
	"nianbao/report/datafile"
)

// readBack is a Result as ReadFile gives it for a published copy of the
// data file ../../data/shili-office/<year>.yaml at path, with problems of
// its reading.
func readBack(t *testing.T, path string, year int, ps ...report.Problem) Result {
	t.Helper()
	r, lps := datafile.LoadFile(fmt.Sprintf("../../data/shili-office/%d.yaml", year))
	if lps.HasErrors() {
		t.Fatal(lps)
	}
	r.Source = &report.Source{File: path, Format: "html", Tables: []report.SourceTable{
		{Name: "table2", Where: "表格1", Read: 20}, {Name: "table3", Where: "表格2", Read: 100, Unreadable: 1}, {Name: "table4", Where: "表格3", Read: 45}}}
	return Result{Path: path, Report: r, Problems: ps, YAML: datafile.Marshal(r)}
}

func TestSummary(t *testing.T) {
	const organ = "示例市人民政府办公室"
	row := func(path string, year int, edition string, nerr, nwarn int, errs, warns, sim string) []any {
		return []any{path, organ, year, edition, 165, 1, nerr, nwarn, errs, warns, sim}
	}
	warn := func(rule string) report.Problem {
		return report.Problem{File: "x.html", Rule: rule, Severity: report.Warning, Msg: "…"}
	}
	for _, tc := range []struct {
		name    string
		results func(t *testing.T) []Result
		want    [][]any
	}{
		{name: "pool with previous years: similarity with the year before",
			results: func(t *testing.T) []Result {
				return []Result{readBack(t, "pub/2022.html", 2022), readBack(t, "pub/2023.docx", 2023), readBack(t, "pub/2024.pdf", 2024)}
			},
			want: [][]any{
				row("pub/2022.html", 2022, "2021", 0, 0, "", "", ""),
				row("pub/2023.docx", 2023, "2021", 0, 0, "", "", "37.0%"),
				row("pub/2024.pdf", 2024, "2021", 0, 0, "", "", "40.0%"),
			}},
		{name: "input order kept",
			results: func(t *testing.T) []Result {
				return []Result{readBack(t, "pub/2024.pdf", 2024), readBack(t, "pub/2023.docx", 2023)}
			},
			want: [][]any{
				row("pub/2024.pdf", 2024, "2021", 0, 0, "", "", "40.0%"),
				row("pub/2023.docx", 2023, "2021", 0, 0, "", "", ""),
			}},
		{name: "the year before last is not the previous year",
			results: func(t *testing.T) []Result {
				return []Result{readBack(t, "pub/2022.html", 2022), readBack(t, "pub/2024.html", 2024)}
			},
			want: [][]any{
				row("pub/2022.html", 2022, "2021", 0, 0, "", "", ""),
				row("pub/2024.html", 2024, "2021", 0, 0, "", "", ""),
			}},
		{name: "previous year in another directory: similarity all the same",
			results: func(t *testing.T) []Result {
				return []Result{readBack(t, "a/2023.html", 2023), readBack(t, "b/2024.html", 2024)}
			},
			want: [][]any{
				row("a/2023.html", 2023, "2021", 0, 0, "", "", ""),
				row("b/2024.html", 2024, "2021", 0, 0, "", "", "40.0%"),
			}},
		{name: "unreadable results left out, the reading's problems counted by rule",
			results: func(t *testing.T) []Result {
				in1 := report.Problem{File: "x.html", Rule: "IN-1", Severity: report.Error, Msg: "…"}
				return []Result{
					{Path: "pub/notes.txt", Unreadable: "只能读入 .html、.htm、.docx 或 .pdf 文件"},
					readBack(t, "pub/2024.html", 2024, warn("IN-5"), in1, warn("IN-2"), warn("IN-5")),
				}
			},
			want: [][]any{
				row("pub/2024.html", 2024, "2021", 1, 3, "IN-1×1", "IN-2×1 IN-5×2", ""),
			}},
		{name: "same organ and year twice in one directory: check's S-8 on the second",
			results: func(t *testing.T) []Result {
				return []Result{readBack(t, "pub/2024.html", 2024), readBack(t, "pub/2024b.docx", 2024)}
			},
			want: [][]any{
				row("pub/2024.html", 2024, "2021", 0, 0, "", "", ""),
				row("pub/2024b.docx", 2024, "2021", 1, 0, "S-8×1", "", ""),
			}},
		{name: "nothing read", results: func(*testing.T) []Result { return []Result{{Path: "a.pdf", Unreadable: "x"}} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			header, rows := Summary(tc.results(t))
			if len(header) != 11 || header[0] != "文件" || header[10] != "与上年内容相似度" {
				t.Errorf("header %q", header)
			}
			if !reflect.DeepEqual(rows, tc.want) {
				t.Errorf("rows\n%v\nwant\n%v", rows, tc.want)
			}
		})
	}
}

func TestByRule(t *testing.T) {
	p := func(rule string, s report.Severity) report.Problem { return report.Problem{Rule: rule, Severity: s} }
	for _, tc := range []struct {
		name string
		ps   report.Problems
		s    report.Severity
		want string
	}{
		{name: "none", s: report.Error, want: ""},
		{name: "other severities only", ps: report.Problems{p("S-5", report.Warning), p("X-1", report.Info)}, s: report.Error, want: ""},
		{name: "one", ps: report.Problems{p("T3-1", report.Error)}, s: report.Error, want: "T3-1×1"},
		{name: "counted and sorted by rule ID", s: report.Error,
			ps:   report.Problems{p("T3-1", report.Error), p("S-5", report.Error), p("S-5", report.Warning), p("S-5", report.Error), p("IN-1", report.Error), p("S-5", report.Error)},
			want: "IN-1×1 S-5×3 T3-1×1"},
		{name: "warnings", s: report.Warning,
			ps:   report.Problems{p("IN-5", report.Warning), p("T3-1", report.Error), p("IN-2", report.Warning), p("IN-5", report.Warning)},
			want: "IN-2×1 IN-5×2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := byRule(tc.ps, tc.s); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header []string
		rows   [][]any
		want   string
	}{
		{name: "header only", header: []string{"文件", "年度"}, want: "\ufeff文件,年度\n"},
		{name: "values as fmt.Sprint prints them, quoted where CSV needs it",
			header: []string{"文件", "年度", "错误（按规则）", "相似度"},
			rows:   [][]any{{"pub/a,b.html", 2024, "S-5×3 T3-1×1", "40.0%"}, {`say "hi".pdf`, 0, "", ""}},
			want:   "\ufeff文件,年度,错误（按规则）,相似度\n\"pub/a,b.html\",2024,S-5×3 T3-1×1,40.0%\n\"say \"\"hi\"\".pdf\",0,,\n"},
		{name: "texts a spreadsheet would run as formulas get an apostrophe; numbers stay numbers",
			header: []string{"文件", "报告主体", "年度", "增减"},
			rows: [][]any{
				{"=1+2+示例局.html", "+示例局", 2024, -3},
				{"-2+3.pdf", "@SUM(A1)", int64(-1), 1.5},
				{"\tx.pdf", "\r示例局", 0, 0},
				{"示例局=1.html", "示例局-办公室", 2024, 0},
			},
			want: "\ufeff文件,报告主体,年度,增减\n'=1+2+示例局.html,'+示例局,2024,-3\n'-2+3.pdf,'@SUM(A1),-1,1.5\n'\tx.pdf,\"'\r示例局\",0,0\n示例局=1.html,示例局-办公室,2024,0\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(CSV(tc.header, tc.rows)); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}
