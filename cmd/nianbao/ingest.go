package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"nianbao/report"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"nianbao/report/ingest"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
)

var ingestCmd = &command{
	name:    "ingest",
	summary: "把已发布的年度报告（网页、Word、PDF）读成数据文件，并做全部检查",
	run:     runIngest,
}

// ingestExts are the published formats ingest reads, by file extension.
var ingestExts = map[string]string{".html": "html", ".htm": "html", ".shtml": "html", ".docx": "docx", ".pdf": "pdf"}

// ingested is one published file read back.
type ingested struct {
	in     string
	r      *report.Report
	ps     report.Problems
	yaml   []byte
	out    string // the data file's path (written or, with --report, virtual)
	err    string // why the file could not be read
	checks report.Problems
}

func runIngest(e *env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	table := fs.String("report", "", "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("请给出已发布的报告文件（.html、.docx、.pdf）或目录，例如 nianbao ingest 2024年报.html -o 2024.yaml")
	}
	inputs, err := ingestInputs(paths)
	if err != nil {
		return err
	}
	if *table != "" {
		return ingestReport(e, inputs, *table, *force)
	}
	if *out == "" {
		return usagef("请用 -o 给出输出：一个文件时为数据文件（-o 2024.yaml），多个文件时为目录（-o 数据目录）")
	}
	single := len(inputs) == 1 && len(paths) == 1
	if single && !datafile.IsDataFile(*out) {
		return usagef("输出文件应以 .yaml 结尾，实际为 %s；读入多个文件时 -o 给出目录", *out)
	}
	if !single {
		if st, err := os.Stat(*out); err == nil && !st.IsDir() {
			return usagef("读入多个文件时 -o 应为目录，%s 是文件", *out)
		}
	}
	bar := newProgress(e.tty)
	bar.label = "读入报告"
	results := make([]*ingested, len(inputs))
	for i, in := range inputs {
		results[i] = readPublished(in)
		bar.set(i+1, len(inputs))
	}
	bar.done()
	// Output names; then write, and check every written file.
	used := map[string]bool{}
	failed := 0
	var written []*ingested
	for _, g := range results {
		if g.r == nil {
			failed++
			fmt.Fprintf(e.stderr, "%s: 无法读取：%s\n", g.in, g.err)
			continue
		}
		if single {
			g.out = *out
		} else {
			g.out = filepath.Join(*out, outName(g.r, used))
		}
		if err := publish.CheckOutput(g.out, paths, *force); err != nil {
			fmt.Fprintln(e.stderr, err)
			failed++
			continue
		}
		if !single {
			if err := os.MkdirAll(*out, 0o755); err != nil {
				return err
			}
		}
		if _, err := publish.WriteFile(g.out, g.yaml); err != nil {
			return err
		}
		written = append(written, g)
	}
	nerrTotal := 0
	for _, g := range written {
		for _, p := range g.ps {
			fmt.Fprintln(e.stderr, p)
		}
		loaded, lps := datafile.Parse(g.out, g.yaml)
		target := datafile.Loaded{Path: g.out, Report: loaded, Problems: lps}
		checks := check.CheckSet([]datafile.Loaded{target}, datafile.Siblings([]string{g.out}))
		for _, p := range checks {
			fmt.Fprintln(e.stdout, p)
		}
		// The reading's own problems (IN-*) count with check's.
		nerr := checks.Count(report.Error) + g.ps.Count(report.Error)
		nwarn := checks.Count(report.Warning) + g.ps.Count(report.Warning)
		nerrTotal += nerr
		fmt.Fprintf(e.stderr, "已读入 %s → %s（%d 年度，%s 版格式；读出 %d 个单元格，无法读取 %d 个）。读取和检查：%d 个错误，%d 个警告\n",
			g.in, g.out, g.r.Year, g.r.Edition, cellsRead(g.r), cellsUnreadable(g.r), nerr, nwarn)
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "%d 个文件未能读入（原因见上）\n", failed)
	}
	if nerrTotal > 0 || failed > 0 {
		return exitCode(1)
	}
	return nil
}

// ingestInputs expands directories into the published files in them
// (.html, .htm, .shtml, .docx, .pdf, any depth, sorted).
func ingestInputs(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, usagef("找不到 %s", p)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && ingestExts[strings.ToLower(filepath.Ext(path))] != "" {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, usagef("目录 %s 中没有 .html、.docx 或 .pdf 文件", p)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// readPublished reads one published file by its extension.
func readPublished(in string) *ingested {
	g := &ingested{in: in}
	kind := ingestExts[strings.ToLower(filepath.Ext(in))]
	if kind == "" {
		g.err = "只能读入 .html、.htm、.docx 或 .pdf 文件（旧版 .doc、.wps 请先另存为 .docx）"
		return g
	}
	data, err := publish.ReadFile(in, ingest.MaxFileSize, "报告文件")
	if err != nil {
		g.err = err.Error()
		return g
	}
	switch kind {
	case "html":
		g.r, _, g.ps = ingest.HTML(in, data)
	case "docx":
		g.r, _, g.ps = ingest.DOCX(in, data)
	case "pdf":
		g.r, _, g.ps = ingest.PDF(in, data)
	}
	if g.r == nil {
		var msgs []string
		for _, p := range g.ps {
			msgs = append(msgs, p.Msg)
		}
		g.err = strings.Join(msgs, "；")
		return g
	}
	g.yaml = datafile.Marshal(g.r)
	return g
}

// outName is a data file name for r: 机关名称-年度.yaml, made unique.
func outName(r *report.Report, used map[string]bool) string {
	organ := strings.Map(func(c rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, c) || c < 0x20 {
			return '_'
		}
		return c
	}, r.Organ)
	if organ == "" {
		organ = "未知机关"
	}
	base := fmt.Sprintf("%s-%d", organ, r.Year)
	name := base + ".yaml"
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s-%d.yaml", base, i)
	}
	used[name] = true
	return name
}

func cellsRead(r *report.Report) int {
	n := 0
	for _, t := range r.Source.Tables {
		n += t.Read
	}
	return n
}

func cellsUnreadable(r *report.Report) int {
	n := 0
	for _, t := range r.Source.Tables {
		n += t.Unreadable
	}
	return n
}

// ingestReport reads every input and writes one table, one row per
// report: organ, year, edition, cells read and unreadable, errors and
// warnings by rule, and the 内容雷同 similarity with the same organ's
// previous year among the inputs.
func ingestReport(e *env, inputs []string, out string, force bool) error {
	ext := strings.ToLower(filepath.Ext(out))
	if ext != ".xlsx" && ext != ".csv" {
		return usagef("--report 的文件应以 .xlsx 或 .csv 结尾，实际为 %s", out)
	}
	if err := publish.CheckOutput(out, inputs, force); err != nil {
		return err
	}
	bar := newProgress(e.tty)
	bar.label = "读入报告"
	var good []*ingested
	var loaded []datafile.Loaded
	failed := 0
	for i, in := range inputs {
		g := readPublished(in)
		bar.set(i+1, len(inputs))
		if g.r == nil {
			bar.done()
			fmt.Fprintf(e.stderr, "%s: 无法读取：%s\n", in, g.err)
			failed++
			continue
		}
		// A virtual data file beside the input, so that the previous
		// year's report among the inputs is found as a sibling.
		g.out = strings.TrimSuffix(in, filepath.Ext(in)) + ".yaml"
		r, lps := datafile.Parse(g.out, g.yaml)
		loaded = append(loaded, datafile.Loaded{Path: g.out, Report: r, Problems: lps})
		good = append(good, g)
	}
	bar.done()
	for i, g := range good {
		pool := slices.Clone(loaded)
		g.checks = check.CheckSet([]datafile.Loaded{loaded[i]}, pool)
	}
	header := []string{"文件", "报告主体", "年度", "格式版本", "读出单元格", "无法读取单元格", "错误数", "警告数", "错误（按规则）", "警告（按规则）", "与上年内容相似度"}
	var rows [][]any
	for i, g := range good {
		ps := append(slices.Clone(g.ps), g.checks...)
		sim := ""
		if prev := previousOf(loaded[i], loaded); prev != nil {
			best := 0
			for _, k := range []string{"overview", "problems", "other"} {
				best = max(best, check.Similarity(loaded[i].Report.TextOf(k).Body, prev.TextOf(k).Body))
			}
			sim = fmt.Sprintf("%d.%d%%", best/10, best%10)
		}
		rows = append(rows, []any{g.in, g.r.Organ, g.r.Year, string(g.r.Edition), cellsRead(g.r), cellsUnreadable(g.r),
			ps.Count(report.Error), ps.Count(report.Warning), byRule(ps, report.Error), byRule(ps, report.Warning), sim})
	}
	var data []byte
	if ext == ".csv" {
		var buf bytes.Buffer
		buf.WriteString("\ufeff") // Excel opens UTF-8 CSV with a BOM correctly
		w := csv.NewWriter(&buf)
		w.Write(header)
		for _, row := range rows {
			rec := make([]string, len(row))
			for i, v := range row {
				rec[i] = fmt.Sprint(v)
			}
			w.Write(rec)
		}
		w.Flush()
		data = buf.Bytes()
	} else {
		var err error
		if data, err = xlsx.Table("年报检查", header, rows); err != nil {
			return err
		}
	}
	if _, err := publish.WriteFile(out, data); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已读入 %d 个报告，写入 %s", len(good), out)
	if failed > 0 {
		fmt.Fprintf(e.stderr, "；%d 个文件未能读入（原因见上）", failed)
	}
	fmt.Fprintln(e.stderr)
	if failed > 0 {
		return exitCode(1)
	}
	return nil
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
