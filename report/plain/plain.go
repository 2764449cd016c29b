// Package plain renders for a terminal: the year-over-year comparison of
// `nianbao compare` and the unit table of `nianbao merge`, as plain-text
// tables aligned for CJK text (a wide character takes two columns). Like
// every renderer it does no arithmetic: every figure comes from the model.
package plain

import (
	"fmt"
	"io"
	"nianbao/report"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

var compareHeadings = map[string]string{
	"表二":    "表二 " + strings.TrimPrefix(report.SectionHeadings[1], "二、"),
	"表三":    "表三 " + strings.TrimPrefix(report.SectionHeadings[2], "三、"),
	"表四":    "表四 " + strings.TrimPrefix(report.SectionHeadings[3], "四、"),
	"信息处理费": "信息处理费（" + report.SectionHeadings[5] + "）",
}

// Comparison prints a comparison as an aligned table, one block per
// statutory table.
func Comparison(w io.Writer, c report.Comparison, all bool) {
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

// Units prints each unit of a merge (汇总) with its status, its numbers
// of errors and warnings and its data file, as an aligned table.
func Units(w io.Writer, units []report.UnitStatus) {
	t := &cjkTable{align: []byte("llrrl"), head: []string{"单位", "报送情况", "错误", "警告", "数据文件"}}
	for _, u := range units {
		status := u.Label()
		errs, warns := fmt.Sprint(u.Errors), fmt.Sprint(u.Warnings)
		if u.State == report.UnitMissing {
			errs, warns = report.NoValue, report.NoValue
		}
		file := filepath.ToSlash(u.File)
		if file == "" {
			file = "（清单中未写）"
		}
		t.rows = append(t.rows, []string{u.Organ, status, errs, warns, file})
	}
	t.write(w)
}
