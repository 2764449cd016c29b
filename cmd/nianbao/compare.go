package main

import (
	"flag"
	"fmt"
	"io"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"os"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"nianbao/report"
	"nianbao/report/site"
)

var compareCmd = &command{
	name:    "compare",
	summary: "比较两个年度的报告：每个数字的增减和增减率",
	run:     runCompare,
}

func runCompare(e *env, args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	all := fs.Bool("all", false, "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	var pairs [][2]datafile.Loaded
	var notes []string
	switch len(paths) {
	case 0:
		return usagef("请给出两个年度的数据文件，或一个机关的目录，例如 nianbao compare 2023.yaml 2024.yaml")
	case 1:
		st, err := os.Stat(paths[0])
		if err != nil {
			return fmt.Errorf("%s: 找不到此文件或目录", paths[0])
		}
		if !st.IsDir() {
			return usagef("只给出了一个文件：请再给出要比较的另一个年度的文件，或给出目录")
		}
		files, err := findFiles(paths)
		if err != nil {
			return err
		}
		loaded, err := loadForCompare(e.stderr, files)
		if err != nil {
			return err
		}
		pairs, notes = site.Pairs(loaded)
	case 2:
		loaded, err := loadForCompare(e.stderr, paths)
		if err != nil {
			return err
		}
		a, b := loaded[0], loaded[1]
		if a.Report.Year > b.Report.Year {
			a, b = b, a
		}
		pairs = [][2]datafile.Loaded{{a, b}}
	default:
		return usagef("最多给出两个文件；比较多个年度请给出目录")
	}
	for i, p := range pairs {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		writeComparison(e.stdout, report.Compare(p[0].Report, p[1].Report), *all)
	}
	for _, n := range notes {
		fmt.Fprintln(e.stderr, n)
	}
	return nil
}

// loadForCompare loads and checks files. Load errors stop the comparison;
// check errors are reported as a caution on stderr.
func loadForCompare(stderr io.Writer, files []string) ([]datafile.Loaded, error) {
	loaded := datafile.LoadFiles(files)
	bad := 0
	for _, l := range loaded {
		if l.Report == nil || l.Problems.HasErrors() {
			for _, p := range l.Problems {
				if p.Severity == report.Error {
					fmt.Fprintln(stderr, p)
				}
			}
			bad++
		}
	}
	if bad > 0 {
		return nil, fmt.Errorf("%d 个文件有错误，无法比较。请先改正（nianbao check）", bad)
	}
	ps := check.CheckSet(loaded, datafile.Siblings(files))
	for _, l := range loaded {
		n := 0
		for _, p := range ps {
			if p.File == l.Path && p.Severity == report.Error {
				n++
			}
		}
		if n > 0 {
			fmt.Fprintf(stderr, "%s: 有 %d 个检查错误，比较结果仅供参考（nianbao check %s）\n", l.Path, n, l.Path)
		}
	}
	return loaded, nil
}

var compareHeadings = map[string]string{
	"表二":    "表二 " + strings.TrimPrefix(report.SectionHeadings[1], "二、"),
	"表三":    "表三 " + strings.TrimPrefix(report.SectionHeadings[2], "三、"),
	"表四":    "表四 " + strings.TrimPrefix(report.SectionHeadings[3], "四、"),
	"信息处理费": "信息处理费（" + report.SectionHeadings[5] + "）",
}

// writeComparison prints a comparison as an aligned table, one block per
// statutory table.
func writeComparison(w io.Writer, c report.Comparison, all bool) {
	if c.BaseYear == 0 {
		fmt.Fprintf(w, "%s %d 年度（无比较基准）\n", c.Organ, c.CurYear)
	} else if c.BaseOrgan != c.Organ {
		fmt.Fprintf(w, "%s %d 年度 → %s %d 年度\n", c.BaseOrgan, c.BaseYear, c.Organ, c.CurYear)
	} else {
		fmt.Fprintf(w, "%s %d 年度 → %d 年度\n", c.Organ, c.BaseYear, c.CurYear)
	}
	for _, n := range c.Notes {
		fmt.Fprintf(w, "说明：%s\n", n)
	}
	baseHead := NoYear
	if c.BaseYear != 0 {
		baseHead = fmt.Sprintf("%d年度", c.BaseYear)
	}
	t := &cjkTable{align: []byte("lrrrrl")}
	curHead := fmt.Sprintf("%d年度", c.CurYear)
	if c.BaseYear == c.CurYear {
		baseHead, curHead = "基准数", "比较数"
	}
	t.head = []string{"项目", baseHead, curHead, "增减", "增减率", "说明"}
	table := ""
	for _, r := range c.Rows {
		if r.Detail && !all {
			continue
		}
		if r.Table != table {
			table = r.Table
			t.sections = append(t.sections, len(t.rows))
			t.titles = append(t.titles, compareHeadings[r.Table])
		}
		delta := r.Delta
		if !r.Comparable && r.Base != report.NoValue && r.Cur != report.NoValue {
			delta = "不可比"
		}
		label := r.Label
		if r.Detail {
			label = "  " + label
		}
		t.rows = append(t.rows, []string{label, r.Base, r.Cur, delta, r.Percent, r.Reason})
	}
	t.write(w)
}

// NoYear heads the base column when there is no base report.
const NoYear = "上一年度"

// cjkTable is a plain-text table aligned for terminals: CJK characters take
// two columns (see cjkWidth). align has one letter per column: l or r. The
// last column is not padded.
type cjkTable struct {
	head     []string
	rows     [][]string
	align    []byte
	sections []int    // row indexes where a titled section starts
	titles   []string // section titles, aligned with sections
}

func (t *cjkTable) write(w io.Writer) {
	widths := make([]int, len(t.head))
	for _, row := range append([][]string{t.head}, t.rows...) {
		for i, c := range row {
			widths[i] = max(widths[i], cjkWidth(c))
		}
	}
	line := func(cells []string) {
		var b strings.Builder
		for i, c := range cells {
			last := i == len(cells)-1
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-cjkWidth(c))
			switch {
			case t.align[i] == 'r':
				b.WriteString(pad + c)
			case last:
				b.WriteString(c)
			default:
				b.WriteString(c + pad)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	if len(t.sections) == 0 {
		line(t.head)
	}
	for i, row := range t.rows {
		if s := slices.Index(t.sections, i); s >= 0 {
			fmt.Fprintln(w)
			fmt.Fprintln(w, t.titles[s])
			line(t.head)
		}
		line(row)
	}
}

// cjkWidth is the number of terminal columns s takes: East Asian Wide and
// Fullwidth characters take two, combining marks and zero-width characters
// none, everything else one. East Asian Ambiguous characters (“”, —, −)
// count as one, as in most terminals outside a CJK legacy locale.
func cjkWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeColumns(r)
	}
	return n
}

func runeColumns(r rune) int {
	switch {
	case r < 0x20 || r == 0x7F:
		return 0
	case r >= 0x200B && r <= 0x200F, r == 0x2060, r == 0xFEFF, unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
