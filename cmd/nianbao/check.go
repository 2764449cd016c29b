package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"nianbao/report/check"
	"nianbao/report/datafile"

	"nianbao/report"
)

var checkCmd = &command{
	name:    "check",
	summary: "检查数据文件：表格勾稽关系、跨年度衔接、文字与表格一致等全部规则",
	run:     runCheck,
}

type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Path     string `json:"path,omitempty"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type jsonResult struct {
	Files    int           `json:"files"`
	Errors   int           `json:"errors"`
	Warnings int           `json:"warnings"`
	Infos    int           `json:"infos"`
	Problems []jsonProblem `json:"problems"`
}

func runCheck(e *env, args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	strict := fs.Bool("strict", false, "")
	asJSON := fs.Bool("json", false, "")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("请给出要检查的文件或目录，例如 nianbao check data/")
	}
	files, err := datafile.FindDataFiles(paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("在 %v 中没有找到 .yaml 数据文件", paths)
	}
	targets := datafile.LoadFiles(files)
	ps := check.CheckSet(targets, datafile.Siblings(files))
	if *strict {
		for i := range ps {
			if ps[i].Severity == report.Warning {
				ps[i].Severity = report.Error
			}
		}
	}
	nerr, nwarn, ninfo := ps.Count(report.Error), ps.Count(report.Warning), ps.Count(report.Info)
	if *asJSON {
		res := jsonResult{Files: len(files), Errors: nerr, Warnings: nwarn, Infos: ninfo, Problems: []jsonProblem{}}
		for _, p := range ps {
			res.Problems = append(res.Problems, jsonProblem{File: p.File, Line: p.Pos.Line, Column: p.Pos.Col,
				Path: p.Path, Rule: p.Rule, Severity: p.Severity.Key(), Message: p.Msg})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else {
		for _, p := range ps {
			fmt.Fprintln(e.stdout, p)
		}
		verdict := "通过"
		if nerr > 0 {
			verdict = "未通过"
		}
		fmt.Fprintf(e.stdout, "检查了 %d 个文件：%d 个错误，%d 个警告，%d 条提示。%s\n", len(files), nerr, nwarn, ninfo, verdict)
	}
	if nerr > 0 {
		return exitCode(1)
	}
	return nil
}
