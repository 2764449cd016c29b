package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/publish"
	"nianbao/report/tasktable"
)

var workplanCmd = &command{
	name:    "workplan",
	summary: "从任务分解表（.xlsx、.docx 或网页）导入政务公开工作要点，写入报告数据文件的 work_plan",
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
	force := fs.Bool("force", false, "")
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return usagef("请给出任务分解表文件（.xlsx、.docx、.html 或 .htm）")
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
	if *into != "" {
		// Updating the data file is the purpose of --into; it must not be the table.
		if err := publish.CheckOutput(*into, rest, true); err != nil {
			return err
		}
	} else if *out != "-" {
		if err := publish.CheckOutput(*out, rest, *force); err != nil {
			return err
		}
	}
	data, err := publish.ReadFile(table, tasktable.MaxFileSize(table), "任务分解表")
	if err != nil {
		return err
	}
	res, err := tasktable.Read(table, data, *status)
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
		if err := writeOutput(*out, frag, rest, *force); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已从 %s 导入 %d 项任务，写入 %s（work_plan 片段，请粘贴到报告数据文件末尾）。\n", res.Range, len(plan.Tasks), *out)
		return nil
	}
	return importInto(e, *into, table, res, *force)
}

// importInto adds or replaces the work_plan section of the report at path
// with the plan read from table, keeping the rest of the file byte for
// byte. Old tasks whose outcome was filled in and that the new table does
// not have are deleted only with force; without it nothing is written.
func importInto(e *env, path, table string, res *tasktable.Table, force bool) error {
	src, err := publish.ReadFile(path, datafile.MaxFileSize, "报告数据文件")
	if err != nil {
		return err
	}
	plan := res.Plan
	in, ps, err := datafile.ImportWorkPlan(path, src, plan)
	printProblems(e.stderr, ps)
	if err != nil {
		return err
	}
	if in.TitleYear != 0 {
		fmt.Fprintf(e.stderr, "%s: %s: 警告: 工作要点“%s”是 %d 年的，报告是 %d 年度的。请核对是否选对了任务分解表\n", table, res.Name, plan.Title, in.TitleYear, in.Year)
	}
	if len(in.Dropped) > 0 && !force {
		return fmt.Errorf("%s：原有 %d 项任务中 %d 项已填写落实情况、不在新表中，导入会删除它们：%s。未改动文件。"+
			"事项名称和主要任务都与原有的相同的任务会沿用落实情况；请核对是否选对了任务分解表，确需替换请加 --force",
			path, in.Old, len(in.Dropped), droppedList(in.Dropped))
	}
	if _, err := publish.WriteFile(path, in.Next); err != nil {
		return err
	}
	verb := "加入"
	if in.Replaced {
		verb = "替换"
	}
	fmt.Fprintf(e.stdout, "已从 %s 导入 %d 项任务，%s %s 的 work_plan。\n", res.Range, len(plan.Tasks), verb, path)
	if len(in.Dropped) > 0 {
		fmt.Fprintf(e.stdout, "按 --force 删除了原有 %d 项任务中已填写落实情况的 %d 项：%s。\n", in.Old, len(in.Dropped), droppedList(in.Dropped))
	}
	if in.Kept > 0 {
		fmt.Fprintf(e.stdout, "其中 %d 项任务沿用了原有的落实状态和落实情况。\n", in.Kept)
	}
	if n := len(plan.Tasks) - in.Kept; n > 0 && !res.StatusFromTable {
		fmt.Fprintf(e.stdout, "%d 项新任务的落实状态暂为“%s”：请逐项填写 status（已完成 / 推进中 / 未完成）和 result（落实情况），再运行 nianbao check %s\n",
			n, plan.Tasks[len(plan.Tasks)-1].Status, report.ShellArg(path))
	}
	return nil
}

// droppedList names the first few dropped tasks: “事项”（原第3项）、…… 等.
func droppedList(ds []datafile.DroppedTask) string {
	const shown = 3
	var names []string
	for _, d := range ds[:min(len(ds), shown)] {
		names = append(names, fmt.Sprintf("“%s”（原第%d项）", report.TaskName(d.Task), d.N))
	}
	list := strings.Join(names, "、")
	if len(ds) > shown {
		list += fmt.Sprintf("等 %d 项", len(ds))
	}
	return list
}
