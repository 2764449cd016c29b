package ingest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"nianbao/report"
	"nianbao/report/check"
	"nianbao/report/datafile"
)

// summaryHeader is the header row of the table Summary makes.
var summaryHeader = []string{"文件", "报告主体", "年度", "格式版本", "读出单元格", "无法读取单元格", "错误数", "警告数", "错误（按规则）", "警告（按规则）", "与上年内容相似度"}

// Summary is the table of `nianbao ingest --report`: one row per result
// that was read (results with a nil Report are left out), in the order
// given, with these columns (the header, in Chinese, names them):
//
//	文件 (string, Result.Path), 报告主体 (string), 年度 (int), 格式版本 (string),
//	读出单元格 and 无法读取单元格 (int, see Cells), 错误数 and 警告数 (int),
//	错误（按规则） and 警告（按规则） (string, "S-5×3 T3-1×1": rule IDs
//	sorted, "" when none), 与上年内容相似度 (string, "85.2%"; "" when
//	there is no previous year).
//
// The problems counted are the reading's own (Result.Problems) and those
// of check on the data file. Each result is checked as a data file beside
// its input (the path with its extension replaced by .yaml), against all
// the results, indexed once (check.Index): the same organ's previous year
// among the inputs in the same directory is its previous year. The
// similarity column is the highest 内容雷同 similarity (check.Similarity)
// of the text sections overview, problems and other with the same organ's
// report for the year before among all the results, in any directory.
func Summary(results []Result) (header []string, rows [][]any) {
	var good []Result
	var loaded []datafile.Loaded
	for _, res := range results {
		if res.Report == nil {
			continue
		}
		// A virtual data file beside the input, so that the previous
		// year's report among the inputs is found as a sibling.
		path := strings.TrimSuffix(res.Path, filepath.Ext(res.Path)) + ".yaml"
		r, lps := datafile.Parse(path, res.YAML)
		loaded = append(loaded, datafile.Loaded{Path: path, Report: r, Problems: lps})
		good = append(good, res)
	}
	ix := check.NewIndex(loaded)
	for i, res := range good {
		ps := append(slices.Clone(res.Problems), ix.Check(loaded[i])...)
		sim := ""
		if prev := previousOf(loaded[i], loaded); prev != nil {
			best := 0
			for _, k := range []string{"overview", "problems", "other"} {
				best = max(best, check.Similarity(loaded[i].Report.TextOf(k).Body, prev.TextOf(k).Body))
			}
			sim = fmt.Sprintf("%d.%d%%", best/10, best%10)
		}
		read, unreadable := Cells(res.Report)
		rows = append(rows, []any{res.Path, res.Report.Organ, res.Report.Year, string(res.Report.Edition), read, unreadable,
			ps.Count(report.Error), ps.Count(report.Warning), byRule(ps, report.Error), byRule(ps, report.Warning), sim})
	}
	return slices.Clone(summaryHeader), rows
}

// CSV writes header and rows as CSV for Excel: UTF-8 with a byte order
// mark (Excel needs it to open UTF-8), each value as fmt.Sprint prints it.
// A text (a string value or header) that a spreadsheet would take for a
// formula — starting with = + - @, a tab or a carriage return, as a
// report's title or a file's name can — is written with an apostrophe
// before it (OWASP's advice against CSV injection): Excel shows it as
// text. Numbers (values of number types) are written as they are.
func CSV(header []string, rows [][]any) []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	rec := make([]string, len(header))
	for i, h := range header {
		rec[i] = csvText(h)
	}
	w.Write(rec)
	for _, row := range rows {
		rec := make([]string, len(row))
		for i, v := range row {
			if s, ok := v.(string); ok {
				rec[i] = csvText(s)
			} else {
				rec[i] = fmt.Sprint(v)
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// csvText is s made safe from being read as a formula (see CSV).
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// previousOf is the report of the same organ for the year before among
// pool, or nil.
func previousOf(l datafile.Loaded, pool []datafile.Loaded) *report.Report {
	for _, p := range pool {
		if p.Report != nil && l.Report != nil && p.Report.Organ == l.Report.Organ && p.Report.Year == l.Report.Year-1 {
			return p.Report
		}
	}
	return nil
}

// byRule counts problems of severity s by rule: "S-5×3 T3-1×1".
func byRule(ps report.Problems, s report.Severity) string {
	n := map[string]int{}
	var ids []string
	for _, p := range ps {
		if p.Severity != s {
			continue
		}
		if n[p.Rule] == 0 {
			ids = append(ids, p.Rule)
		}
		n[p.Rule]++
	}
	sort.Strings(ids)
	var parts []string
	for _, id := range ids {
		parts = append(parts, fmt.Sprintf("%s×%d", id, n[id]))
	}
	return strings.Join(parts, " ")
}
