package main

import (
	"errors"
	"flag"
	"fmt"
	"nianbao/report/datafile"
	"strings"

	"nianbao/report"
)

var initCmd = &command{
	name:    "init",
	summary: "生成某机关某年度的完整数据文件模板（各行为 0，带中文注释）",
	run:     runInit,
}

func runInit(e *env, args []string) error {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	yo := newScaffoldFlags(fs)
	from := fs.String("from", "", "")
	var year int
	var name string
	var err error
	var data []byte
	if hasFrom(args) {
		year, data, err = rollForward(fs, yo, from, args)
	} else {
		year, name, err = yo.parse(fs, args)
		data = datafile.Scaffold(year, name)
	}
	if err != nil {
		return err
	}
	out, force := yo.out, yo.force
	if *out == "" {
		_, err := e.stdout.Write(data)
		return err
	}
	var inputs []string
	if *from != "" {
		inputs = []string{*from}
	}
	if err := writeOutput(*out, data, inputs, *force); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已生成 %s（%d 年度，%s 版格式）。填写后运行：nianbao check %s\n", *out, year, report.EditionForYear(year), report.ShellArg(*out))
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

// hasFrom reports whether args use --from.
func hasFrom(args []string) bool {
	for _, a := range args {
		if a == "--from" || a == "-from" || strings.HasPrefix(a, "--from=") || strings.HasPrefix(a, "-from=") {
			return true
		}
	}
	return false
}

// rollForward parses init --from (and xlsx template --from) and returns
// the year and the data file begun from last year's
// (datafile.RollForwardFile).
func rollForward(fs *flag.FlagSet, f scaffoldFlags, from *string, args []string) (int, []byte, error) {
	if err := parseNoArgs(fs, args); err != nil {
		return 0, nil, err
	}
	year, data, err := datafile.RollForwardFile(*from, *f.year, strings.TrimSpace(*f.organ))
	if ae := (*datafile.ArgError)(nil); errors.As(err, &ae) {
		return 0, nil, usagef("%s", ae.Msg)
	}
	return year, data, err
}
