package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/report"
	"nianbao/report/html"
	"nianbao/report/publish"
	"nianbao/report/xlsx"
)

var mergeCmd = &command{
	name:    "merge",
	summary: "汇总各单位的报告数据，生成本级政府年度报告数据文件",
	usage: `用法：nianbao merge --manifest 汇总清单 -o 输出文件.yaml [--allow-errors]

按汇总清单把本行政区域各单位的年度报告数据相加，生成本级政府的年度报告数据
文件（scope: region），再用 nianbao build 生成报告。表二、表三、表四和信息处理费
逐项精确相加（金额不经过浮点数；政府集中采购金额单位不同时统一换算为万元）。
本级政府自己的文字部分取自清单中 text 指定的文件。

汇总清单（YAML，建议扩展名 .manifest，以免被 nianbao check 当作数据文件）：
  organ: 示例市人民政府            # 本级政府（报告主体）
  year: 2024
  date: 2025-03-20                 # 可选：落款日期
  text: 2024.region-text           # 本级政府文字部分：写有 text: 的文件（或直接写各部分）
  units:                           # 应汇总的全部单位；路径相对于清单所在目录
    - {organ: 示例市发展和改革委员会, file: units/fgw/2024.yaml}
    - {organ: 示例市教育局, file: units/jyj/2024.yaml}

每个单位的报送情况：
  已报送   数据文件存在且检查没有错误（没有业务的单位报送全 0 的“零报告”，也算已报送）
  未报送   清单中没有写文件，或文件不存在；不计入汇总数（警告）
  有错误   数据文件有错误；默认拒绝汇总并列出这些单位，--allow-errors 时照常计入
单位的数据文件属于其他机关、其他年度，或各单位混用 2019 版和 2021 版格式时不汇总。

输出：
  输出文件.yaml              汇总后的数据文件，生成后立即按 nianbao check 的规则检查
  输出文件-breakdown.html    各单位主要数字（本年新收、上年结转、办结、结转下年度、
  输出文件-breakdown.xlsx    行政复议、行政诉讼）及占汇总数的比例
本级政府的“上年结转”等于各单位“上年结转”之和，因此用同一批单位汇总的上一年度
文件与本年度文件放在同一目录时，上年结转衔接检查（X-1）照常进行。

选项：
  --manifest 文件   汇总清单（必填）
  -o 文件           输出的数据文件（必填），如 out/2024.yaml
  --allow-errors    有错误的单位也计入汇总

退出码：0 已生成且检查没有错误（可以有警告）；1 未生成或汇总结果有错误；2 用法错误。

示例：
  nianbao merge --manifest data/shili-region/2024.manifest -o out/shili-region/2024.yaml
  nianbao build out/shili-region/2024.yaml -o site/
`,
	run: runMerge,
}

func init() {
	mergeCmd.order = 61
	registerCommand(mergeCmd)
}

func runMerge(e *env, args []string) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	manifest := fs.String("manifest", "", "")
	out := fs.String("o", "", "")
	allowErrors := fs.Bool("allow-errors", false, "")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("多余的参数：%s。汇总清单请用 --manifest 给出", strings.Join(rest, " "))
	}
	if *manifest == "" {
		return usagef("请用 --manifest 给出汇总清单，例如 --manifest data/shili-region/2024.manifest")
	}
	if *out == "" {
		return usagef("请用 -o 给出输出的数据文件，例如 -o out/2024.yaml")
	}
	if !report.IsDataFile(*out) {
		return usagef("输出文件应以 .yaml 结尾，实际为 %s", *out)
	}
	m, ps := report.LoadManifest(*manifest)
	for _, p := range ps {
		fmt.Fprintln(e.stderr, p)
	}
	if m == nil {
		return fmt.Errorf("汇总清单 %s 有错误，未汇总", *manifest)
	}
	res := report.Merge(m, report.MergeOptions{AllowErrors: *allowErrors})
	writeUnitTable(e, res.Units)
	for _, u := range res.Units {
		for _, p := range u.Problems {
			fmt.Fprintln(e.stderr, p)
		}
	}
	for _, p := range res.Problems {
		fmt.Fprintln(e.stderr, p)
	}
	if res.Region == nil {
		return fmt.Errorf("未生成汇总报告")
	}

	base := strings.TrimSuffix(*out, filepath.Ext(*out))
	bd := report.NewBreakdown(res.Region, res.Units)
	page, err := html.BreakdownPage(bd)
	if err != nil {
		return fmt.Errorf("生成汇总单位明细（HTML）失败：%v", err)
	}
	book, err := xlsx.BreakdownWorkbook(bd)
	if err != nil {
		return fmt.Errorf("生成汇总单位明细（XLSX）失败：%v", err)
	}
	files := []struct {
		path string
		data []byte
	}{{*out, report.Marshal(res.Region)}, {base + "-breakdown.html", page}, {base + "-breakdown.xlsx", book}}
	var names []string
	for _, f := range files {
		if _, err := publish.WriteFile(f.path, f.data); err != nil {
			return err
		}
		names = append(names, f.path)
	}

	// The merged file must pass check like any data file, against last
	// year's region file when it is beside it.
	written := report.LoadFiles([]string{*out})
	cps := report.CheckSet(written, report.Siblings([]string{*out}))
	for _, p := range cps {
		if p.Severity != report.Info {
			fmt.Fprintln(e.stderr, p)
		}
	}
	included := 0
	for _, u := range res.Units {
		if u.Included {
			included++
		}
	}
	fmt.Fprintf(e.stderr, "汇总了 %d 个单位（%s）。已写入 %s\n", included, bd.Summary, strings.Join(names, "、"))
	if cps.HasErrors() {
		fmt.Fprintf(e.stderr, "%s: 汇总结果有错误（见上）。请改正汇总清单或本级政府文字部分后重新汇总\n", *out)
		return exitCode(1)
	}
	return nil
}

// writeUnitTable prints each unit's status as an aligned table.
func writeUnitTable(e *env, units []report.UnitStatus) {
	t := &cjkTable{align: []byte("llrrl"), head: []string{"单位", "报送情况", "错误", "警告", "数据文件"}}
	for _, u := range units {
		status := u.State.String()
		if u.State == report.UnitInvalid && u.Included {
			status += "（已汇总）"
		}
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
	t.write(e.stdout)
}
