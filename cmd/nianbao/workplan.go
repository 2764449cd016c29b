package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
)

var workplanCmd = &command{
	name:    "workplan",
	summary: "从任务分解表（.xlsx）导入政务公开工作要点，写入报告数据文件的 work_plan",
	run:     runWorkplan,
}

func runWorkplan(e *env, args []string) error {
	if err := subcommand(args, "import", "nianbao workplan import 任务分解表.xlsx --into 2024.yaml"); err != nil {
		return err
	}
	fs := flag.NewFlagSet("workplan import", flag.ContinueOnError)
	into := fs.String("into", "", "")
	out := fs.String("o", "", "")
	status := fs.String("status", report.StatusInProgress, "")
	title := fs.String("title", "", "")
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return usagef("请给出任务分解表文件（.xlsx）")
	case len(rest) > 1:
		return usagef("多余的参数：%s。一次导入一个任务分解表", strings.Join(rest[1:], " "))
	case (*into == "") == (*out == ""):
		return usagef("请用 --into 报告.yaml 写入报告数据文件，或用 -o 文件 只输出 work_plan 片段（二选一）")
	case !slices.Contains(report.TaskStatuses, *status):
		return usagef("--status 应为 %s 之一，实际为“%s”", strings.Join(report.TaskStatuses, "、"), *status)
	case *into != "" && !datafile.IsDataFile(*into):
		return usagef("--into 应为报告数据文件（.yaml），实际为 %s", *into)
	}
	table := rest[0]
	data, err := readCapped(table, xlsx.MaxFileSize)
	if err != nil {
		return err
	}
	res, err := xlsx.ImportTaskTable(table, data, *status)
	if err != nil {
		return err // names the file
	}
	for _, n := range res.Notes {
		fmt.Fprintf(e.stderr, "%s: %s\n", table, n)
	}
	if *title != "" {
		res.Plan.Title = strings.Trim(strings.TrimSpace(*title), "《》")
	}
	plan := res.Plan
	if *out != "" {
		frag := datafile.MarshalWorkPlan(plan)
		if *out == "-" {
			_, err := e.stdout.Write(frag)
			return err
		}
		if _, err := publish.WriteFile(*out, frag); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已从 %s 导入 %d 项任务，写入 %s（work_plan 片段，请粘贴到报告数据文件末尾）。\n", res.Range, len(plan.Tasks), *out)
		return nil
	}
	return importInto(e, *into, res)
}

// readCapped reads a file of at most limit bytes.
func readCapped(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s：文件不存在，请检查路径和文件名", path)
		}
		return nil, fmt.Errorf("%s：无法打开文件：%v", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s：这是一个目录，不是文件", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s：读取失败：%v", path, err)
	}
	return data, nil
}

var titleYearRE = regexp.MustCompile(`(\d{4})年`)

// importInto adds or replaces the work_plan section of the report at path,
// keeping the rest of the file byte for byte.
func importInto(e *env, path string, res *xlsx.TaskTable) error {
	src, err := readCapped(path, datafile.MaxFileSize)
	if err != nil {
		return err
	}
	r, ps := datafile.Parse(path, src)
	if r == nil {
		for _, p := range ps {
			fmt.Fprintln(e.stderr, p)
		}
		return fmt.Errorf("%s 无法读取，未导入。请先修正上面的错误", path)
	}
	plan := res.Plan
	kept := 0
	if r.WorkPlan != nil {
		kept = datafile.CarryOver(r.WorkPlan, plan)
	}
	if m := titleYearRE.FindStringSubmatch(plan.Title); m != nil && r.Year != 0 {
		if y, _ := strconv.Atoi(m[1]); y != r.Year {
			fmt.Fprintf(e.stderr, "%s: 警告：工作要点“%s”是 %d 年的，报告是 %d 年度的。请核对是否选对了任务分解表\n", res.Sheet, plan.Title, y, r.Year)
		}
	}
	next, err := datafile.SpliceWorkPlan(src, datafile.MarshalWorkPlan(plan))
	if err != nil {
		return fmt.Errorf("%s：%v，未导入", path, err)
	}
	after, ps2 := datafile.Parse(path, next)
	if after == nil || ps2.Count(report.Error) > ps.Count(report.Error) {
		for _, p := range ps2 {
			if p.Severity == report.Error {
				fmt.Fprintln(e.stderr, p)
			}
		}
		return fmt.Errorf("写入 work_plan 后 %s 无法正常读取，未改动文件", path)
	}
	if _, err := publish.WriteFile(path, next); err != nil {
		return err
	}
	verb := "加入"
	if r.WorkPlan != nil {
		verb = "替换"
	}
	fmt.Fprintf(e.stdout, "已从 %s 导入 %d 项任务，%s %s 的 work_plan。\n", res.Range, len(plan.Tasks), verb, path)
	if kept > 0 {
		fmt.Fprintf(e.stdout, "其中 %d 项任务沿用了原有的落实状态和落实情况。\n", kept)
	}
	if n := len(plan.Tasks) - kept; n > 0 && !res.StatusFromTable {
		fmt.Fprintf(e.stdout, "%d 项新任务的落实状态暂为“%s”：请逐项填写 status（已完成 / 推进中 / 未完成）和 result（落实情况），再运行 nianbao check %s\n",
			n, plan.Tasks[len(plan.Tasks)-1].Status, path)
	}
	return nil
}
