package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"nianbao/report"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
)

var workplanCmd = &command{
	name:    "workplan",
	summary: "从任务分解表（.xlsx）导入政务公开工作要点，写入报告数据文件的 work_plan",
	usage: `用法：nianbao workplan import 任务分解表.xlsx --into 报告.yaml [--status 推进中]
      nianbao workplan import 任务分解表.xlsx -o 片段.yaml   （- 表示输出到屏幕）

把本年度政务公开工作要点的任务分解表导入报告数据文件的 work_plan 部分。报告第
六部分据此印出“本年度政务公开工作要点落实情况”：一句汇总（共几项任务、已完成几项）
和逐项任务表；nianbao check 对完成时限在本报告年度内却未“已完成”的任务给出警告（WP-1）。

任务分解表：
  表头行按列名查找（不必在第一行）：事项名称、主要任务、牵头部门（或牵头单位）、
  责任单位、完成时限；有“落实状态”“落实情况”列的也一并导入。第一个有表头的工作表
  被导入。一个事项占多行（事项名称合并单元格，或下面几行事项名称为空）时合为一项任务，
  各行的主要任务分行保留。标题行、“一、……”这样的分组行、分页处重复的表头行自动跳过。
  只接受 .xlsx（旧版 .xls 请先另存为 .xlsx），不超过 10 MiB。

--into 报告.yaml：
  把 work_plan 写入这个报告数据文件：已有 work_plan 的整段替换，没有的加在文件末尾；
  文件其余部分（包括注释）原样保留。重新导入时，事项名称和主要任务相同的任务保留已
  填写的 status 和 result。写入前先检查结果能正常读取，否则不改动文件。

-o 文件：
  只输出 work_plan 片段，供核对后手工粘贴到报告数据文件末尾。

落实状态：
  新导入的任务 status 为 --status 的值（默认“推进中”），result 为空。请逐项改为
  已完成 / 推进中 / 未完成，并在 result 中写明落实情况，再运行 nianbao check。

选项：
  --into 文件     写入的报告数据文件（.yaml）
  -o 文件         只输出 work_plan 片段（与 --into 二选一）
  --status 状态   新任务的落实状态：推进中（默认）、未完成 或 已完成
  --title 名称    工作要点名称，如 示例市2024年政务公开工作要点（默认取表格标题）

退出码：0 已导入（可以有警告）；1 未导入；2 用法错误。

示例：
  nianbao workplan import 2024任务分解表.xlsx --into data/shili-office/2024.yaml
  nianbao workplan import 2024任务分解表.xlsx -o -
`,
	run: runWorkplan,
}

func init() {
	workplanCmd.order = 62
	registerCommand(workplanCmd)
}

func runWorkplan(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("请给出子命令，例如 nianbao workplan import 任务分解表.xlsx --into 2024.yaml")
	}
	switch args[0] {
	case "-h", "--help", "-help", "help":
		return flag.ErrHelp
	case "import":
	default:
		return usagef("没有“%s”这个子命令；可用的子命令：import", args[0])
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
	case !contains(report.TaskStatuses, *status):
		return usagef("--status 应为 %s 之一，实际为“%s”", strings.Join(report.TaskStatuses, "、"), *status)
	case *into != "" && !report.IsDataFile(*into):
		return usagef("--into 应为报告数据文件（.yaml），实际为 %s", *into)
	}
	table := rest[0]
	data, err := readCapped(table, xlsx.MaxFileSize)
	if err != nil {
		return err
	}
	res, err := xlsx.ImportTaskTable(data, *status)
	if err != nil {
		return fmt.Errorf("%s：%v", table, err)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(e.stderr, "%s: %s\n", table, n)
	}
	if *title != "" {
		res.Plan.Title = strings.Trim(strings.TrimSpace(*title), "《》")
	}
	plan := res.Plan
	if *out != "" {
		frag := report.MarshalWorkPlan(plan)
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
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
	src, err := readCapped(path, report.MaxFileSize)
	if err != nil {
		return err
	}
	r, ps := report.Load(path, src)
	if r == nil {
		for _, p := range ps {
			fmt.Fprintln(e.stderr, p)
		}
		return fmt.Errorf("%s 无法读取，未导入。请先修正上面的错误", path)
	}
	plan := res.Plan
	kept := 0
	if r.WorkPlan != nil {
		kept = carryOver(r.WorkPlan, plan)
	}
	if m := titleYearRE.FindStringSubmatch(plan.Title); m != nil && r.Year != 0 {
		if y, _ := strconv.Atoi(m[1]); y != r.Year {
			fmt.Fprintf(e.stderr, "%s: 警告：工作要点“%s”是 %d 年的，报告是 %d 年度的。请核对是否选对了任务分解表\n", res.Sheet, plan.Title, y, r.Year)
		}
	}
	next, err := spliceWorkPlan(src, report.MarshalWorkPlan(plan))
	if err != nil {
		return fmt.Errorf("%s：%v，未导入", path, err)
	}
	after, ps2 := report.Load(path, next)
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

// carryOver copies status and result from old tasks to the new plan's
// tasks with the same 事项名称 and 主要任务, and returns how many it matched.
func carryOver(old, plan *report.WorkPlan) int {
	byKey := map[string]report.Task{}
	for _, t := range old.Tasks {
		byKey[t.Item+"\x00"+t.Task] = t
	}
	n := 0
	for i, t := range plan.Tasks {
		if o, ok := byKey[t.Item+"\x00"+t.Task]; ok && o.Status != "" {
			plan.Tasks[i].Status, plan.Tasks[i].Result = o.Status, o.Result
			n++
		}
	}
	return n
}

// spliceWorkPlan replaces the top-level work_plan block of src (with the
// comment lines right above its key) by frag, or appends frag when src has
// none. Everything else stays as written.
func spliceWorkPlan(src, frag []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, errors.New("文件不是有效的 YAML")
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("文件顶层不是“键: 值”映射")
	}
	top := doc.Content[0]
	if top.Style&yaml.FlowStyle != 0 {
		return nil, errors.New("文件顶层写成了 { } 形式，无法插入；请改为每个键一行")
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	isNote := func(l []byte) bool {
		t := bytes.TrimSpace(l)
		return len(t) == 0 || t[0] == '#'
	}
	start, end := -1, len(lines)
	for i := 0; i+1 < len(top.Content); i += 2 {
		k := top.Content[i]
		if k.Value != "work_plan" {
			continue
		}
		if k.Column != 1 {
			return nil, errors.New("work_plan 键没有顶格书写")
		}
		start = k.Line - 1
		for start > 0 && isNote(lines[start-1]) && len(bytes.TrimSpace(lines[start-1])) > 0 {
			start-- // its own comment lines
		}
		if i+2 < len(top.Content) {
			end = top.Content[i+2].Line - 1
			for end > start && isNote(lines[end-1]) {
				end-- // comments and blank lines above the next key are the next key's
			}
		}
		break
	}
	var out bytes.Buffer
	if start < 0 {
		out.Write(src)
		if len(src) > 0 && !bytes.HasSuffix(src, []byte("\n")) {
			out.WriteByte('\n')
		}
		out.WriteByte('\n')
		out.Write(frag)
		return out.Bytes(), nil
	}
	for _, l := range lines[:start] {
		out.Write(l)
	}
	out.Write(frag)
	if end < len(lines) {
		out.WriteByte('\n')
	}
	for _, l := range lines[end:] {
		out.Write(l)
	}
	return out.Bytes(), nil
}
