// Command mkfixtures regenerates test fixtures that are made from seed
// documents outside the repository. Today: the task table (任务分解表)
// report/xlsx/testdata/shenyang-2022.xlsx, from the text of
// 沈政公领发〔2022〕1号 (one table row a line, cells separated by tabs; a
// task spanning several rows has empty leading cells on its later rows).
//
// Usage (from the repository root):
//
//	go run ./cmd/mkfixtures SEED.txt [OUT.xlsx]
//
// e.g. go run ./cmd/mkfixtures /work/shared/seeds/shenyang-2022-work-plan-with-task-table.txt
//
// The workbook is written as a clerk's would be: a title row merged across
// the table, the header row, section rows merged across, each 事项's
// 事项名称, 责任单位 and 完成时限 merged down its rows (and 牵头部门 too
// when its later rows have none), and the header repeated where the printed
// table breaks pages.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 {
		fmt.Fprintln(os.Stderr, "用法：go run ./cmd/mkfixtures 种子文本.txt [输出.xlsx]")
		os.Exit(2)
	}
	out := "report/xlsx/testdata/shenyang-2022.xlsx"
	if len(os.Args) == 3 {
		out = os.Args[2]
	}
	if err := taskTable(os.Args[1], out); err != nil {
		fmt.Fprintln(os.Stderr, "mkfixtures:", err)
		os.Exit(1)
	}
}

// taskTable writes the task-table workbook out from the seed text.
func taskTable(seed, out string) (err error) {
	src, err := os.ReadFile(seed)
	if err != nil {
		return err
	}
	check := func(e error) {
		if e != nil && err == nil {
			err = e
		}
	}
	text := string(src)
	start := strings.Index(text, "沈阳市2022年政务公开工作要点任务分解表")
	if start < 0 {
		return errors.New("seed: no task table")
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
	check(f.SetSheetName("Sheet1", sheet))
	set := func(r, c int, v string) {
		name, _ := excelize.CoordinatesToCellName(c+1, r+1)
		check(f.SetCellStr(sheet, name, v))
	}
	merge := func(r1, c1, r2, c2 int) {
		a, _ := excelize.CoordinatesToCellName(c1+1, r1+1)
		b, _ := excelize.CoordinatesToCellName(c2+1, r2+1)
		check(f.MergeCell(sheet, a, b))
	}
	set(0, 0, "沈阳市2022年政务公开工作要点任务分解表")
	merge(0, 0, 0, 4)
	at := 1
	for i := 0; i < len(rows); i++ {
		row := rows[i]
		isSection := row[0] != "" && row[1] == "" && row[2] == "" && row[3] == "" && row[4] == ""
		for c, v := range row {
			set(at, c, v)
		}
		if isSection {
			merge(at, 0, at, 4)
			at++
			continue
		}
		if row[0] == "" || row[0] == "事项名称" {
			at++
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
				set(at+j-i, c, rows[j][c])
			}
			j++
		}
		if n := j - i; n > 1 {
			merge(at, 0, at+n-1, 0)
			merge(at, 3, at+n-1, 3)
			merge(at, 4, at+n-1, 4)
			if leadEmpty {
				merge(at, 2, at+n-1, 2)
			}
		}
		at += j - i
		i = j - 1
	}
	for c, w := range []float64{28, 60, 22, 22, 14} {
		col, _ := excelize.ColumnNumberToName(c + 1)
		_ = f.SetColWidth(sheet, col, col, w)
	}
	if err != nil {
		return err
	}
	if err := f.SaveAs(out); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d rows\n", out, at)
	return nil
}
