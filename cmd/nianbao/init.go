package main

import (
	"flag"
	"fmt"
	"strings"

	"nianbao/report"
)

var initCmd = &command{
	name:    "init",
	summary: "生成某机关某年度的完整数据文件模板（各行为 0，带中文注释）",
	usage: `用法：nianbao init --year 年度 --organ 机关全称 [-o 文件]

生成一份完整的年度报告数据文件：按该年度适用的格式版本（2019—2020 年度用
国办公开办函〔2019〕60号，2021 年度起用国办公开办函〔2021〕30号）列出每一个法定
行和单元格，数字都为 0，每行带有表格中的中文名称注释。填好数字和文字后用
nianbao check 检查。

选项：
  --year 年度     报告年度，例如 2024（必填）
  --organ 名称    报告主体（机关全称），例如 示例市人民政府办公室（必填）
  -o 文件         写入文件（默认输出到屏幕）；文件已存在时不覆盖，除非加 --force
  --force         覆盖已存在的文件

示例：
  nianbao init --year 2024 --organ 示例市人民政府办公室 -o 2024.yaml
  nianbao init --year 2020 --organ 示例县统计局 > 2020.yaml
`,
	run: runInit,
}

func runInit(e *env, args []string) error {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	yo := newScaffoldFlags(fs)
	year, name, err := yo.parse(fs, args)
	if err != nil {
		return err
	}
	out, force := yo.out, yo.force
	data := report.Scaffold(year, name)
	if *out == "" {
		_, err := e.stdout.Write(data)
		return err
	}
	if err := writeNew(*out, data, *force); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已生成 %s（%d 年度，%s 版格式）。填写后运行：nianbao check %s\n", *out, year, report.EditionForYear(year), *out)
	return nil
}

// scaffoldFlags are the options of the commands that write a blank report
// for an organ and year (init, xlsx template).
type scaffoldFlags struct {
	year  *int
	organ *string
	out   *string
	force *bool
}

func newScaffoldFlags(fs *flag.FlagSet) scaffoldFlags {
	return scaffoldFlags{
		year:  fs.Int("year", 0, ""),
		organ: fs.String("organ", "", ""),
		out:   fs.String("o", "", ""),
		force: fs.Bool("force", false, ""),
	}
}

// parse parses args and validates --year and --organ.
func (f scaffoldFlags) parse(fs *flag.FlagSet, args []string) (year int, organ string, err error) {
	if err := parseNoArgs(fs, args); err != nil {
		return 0, "", err
	}
	if *f.year == 0 {
		return 0, "", usagef("请用 --year 给出报告年度，例如 --year 2024")
	}
	if *f.year < 2019 || *f.year > 2100 {
		return 0, "", usagef("年度 %d 不在支持范围内：本工具支持 2019 年度起的报告", *f.year)
	}
	organ = strings.TrimSpace(*f.organ)
	if organ == "" {
		return 0, "", usagef("请用 --organ 给出报告主体（机关全称），例如 --organ 示例市人民政府办公室")
	}
	return *f.year, organ, nil
}
