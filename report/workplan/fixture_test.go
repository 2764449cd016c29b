package workplan

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "regenerate testdata/shenyang-2022.xlsx from the seed task table")

// seedTable is the source document the fixture is made from: the 任务分解表
// of 沈政公领发〔2022〕1号 as text, one table row a line, cells separated by
// tabs; a task spanning several rows has empty leading cells on its later
// rows. It is outside the repository; the generated workbook is committed.
const seedTable = "/work/shared/seeds/shenyang-2022-work-plan-with-task-table.txt"

// TestGenerateFixture writes testdata/shenyang-2022.xlsx as a clerk's
// workbook would be: a title row merged across the table, the header row,
// section rows merged across, each 事项's 事项名称, 责任单位 and 完成时限
// merged down its rows (and 牵头部门 too when its later rows have none), and
// the header repeated where the printed table breaks pages.
func TestGenerateFixture(t *testing.T) {
	if !*update {
		t.Skip("run with -update to regenerate the fixture")
	}
	src, err := os.ReadFile(seedTable)
	if err != nil {
		t.Skip("seed table not available:", err)
	}
	text := string(src)
	start := strings.Index(text, "沈阳市2022年政务公开工作要点任务分解表")
	if start < 0 {
		t.Fatal("seed: no task table")
	}
	var rows [][]string
	for _, line := range strings.Split(text[start:], "\n")[1:] {
		if strings.TrimSpace(line) == "" {
			continue
		}
		cells := strings.Split(line, "\t")
		for len(cells) < 5 {
			cells = append(cells, "")
		}
		for i, c := range cells {
			c = strings.ReplaceAll(c, "</p> <p>", "\n")
			c = strings.ReplaceAll(strings.ReplaceAll(c, "<p>", ""), "</p>", "")
			cells[i] = strings.TrimSpace(c)
		}
		rows = append(rows, cells[:5])
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := "任务分解表"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	set := func(r, c int, v string) {
		name, _ := excelize.CoordinatesToCellName(c+1, r+1)
		if err := f.SetCellStr(sheet, name, v); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(r1, c1, r2, c2 int) {
		a, _ := excelize.CoordinatesToCellName(c1+1, r1+1)
		b, _ := excelize.CoordinatesToCellName(c2+1, r2+1)
		if err := f.MergeCell(sheet, a, b); err != nil {
			t.Fatal(err)
		}
	}
	set(0, 0, "沈阳市2022年政务公开工作要点任务分解表")
	merge(0, 0, 0, 4)
	out := 1
	for i := 0; i < len(rows); i++ {
		row := rows[i]
		isSection := row[0] != "" && row[1] == "" && row[2] == "" && row[3] == "" && row[4] == ""
		for c, v := range row {
			set(out, c, v)
		}
		if isSection {
			merge(out, 0, out, 4)
			out++
			continue
		}
		if row[0] == "" || row[0] == "事项名称" {
			out++
			continue
		}
		// A 事项: its continuation rows follow, with an empty 事项名称 (a
		// repeated header between them ends it).
		j := i + 1
		leadEmpty := true
		for j < len(rows) && rows[j][0] == "" {
			if rows[j][2] != "" {
				leadEmpty = false
			}
			for c := 1; c < 5; c++ {
				set(out+j-i, c, rows[j][c])
			}
			j++
		}
		if n := j - i; n > 1 {
			merge(out, 0, out+n-1, 0)
			merge(out, 3, out+n-1, 3)
			merge(out, 4, out+n-1, 4)
			if leadEmpty {
				merge(out, 2, out+n-1, 2)
			}
		}
		out += j - i
		i = j - 1
	}
	for c, w := range []float64{28, 60, 22, 22, 14} {
		col, _ := excelize.ColumnNumberToName(c + 1)
		_ = f.SetColWidth(sheet, col, col, w)
	}
	path := filepath.Join("testdata", "shenyang-2022.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %d rows", path, out)
}

// buildWorkbook writes rows (and merged ranges such as "A1:E1") into a
// one-sheet workbook.
func buildWorkbook(t testing.TB, sheet string, rows [][]string, merges []string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			t.Fatal(err)
		}
	}
	for r, row := range rows {
		for c, v := range row {
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(sheet, name, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, m := range merges {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell(sheet, a, b); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
