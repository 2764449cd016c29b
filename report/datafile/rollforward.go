package datafile

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"nianbao/report"
)

// ArgError is a year or organ given to RollForwardFile that does not
// follow from last year's file: a mistake in the caller's arguments, in
// Chinese.
type ArgError struct{ Msg string }

func (e *ArgError) Error() string { return e.Msg }

// RollForwardFile begins the data file of year from the data file at
// path, last year's (RollForward): year 0 means the year after it; organ,
// if given, must be its organ. It returns the year and the data file. An
// *ArgError is a year outside 2019–2100 or not after the file's, or
// another organ; any other error says, in Chinese, why the file could not
// be read, with its problems.
func RollForwardFile(path string, year int, organ string) (int, []byte, error) {
	prev, ps := LoadFile(path)
	if prev == nil || prev.Organ == "" || prev.Year == 0 {
		msgs := make([]string, 0, len(ps))
		for _, p := range ps {
			if p.Severity == report.Error {
				msgs = append(msgs, p.String())
			}
		}
		return 0, nil, fmt.Errorf("无法读取上年度数据文件 %s：\n%s", path, strings.Join(msgs, "\n"))
	}
	if year == 0 {
		year = prev.Year + 1
	}
	switch {
	case year < 2019 || year > 2100:
		return 0, nil, &ArgError{fmt.Sprintf("年度 %d 不在支持范围内：本工具支持 2019 年度起的报告", year)}
	case year <= prev.Year:
		return 0, nil, &ArgError{fmt.Sprintf("--year %d 应晚于上年度数据文件的年度 %d", year, prev.Year)}
	case organ != "" && organ != prev.Organ:
		return 0, nil, &ArgError{fmt.Sprintf("--organ “%s”与上年度数据文件的报告主体“%s”不同；用 --from 时不必给出 --organ", organ, prev.Organ)}
	}
	return year, RollForward(prev, year), nil
}

// RollForward returns the data file for year (normally prev.Year+1) begun
// from last year's report prev (nianbao init --from):
//
//   - organ, scope and the CMS metadata publisher and topic are kept; the
//     year-bound date, published, index_number (索引号: it identifies one
//     published document), document_number, carry_over_note and work_plan
//     are not (a new year has its own; X-6 warns when a report keeps last
//     year's 索引号);
//   - requests.carried_over (上年结转) is last year's carried_forward
//     (结转下年度继续办理), column by column, so X-1 holds;
//   - 2019 edition: 表二's 上一年项目数量 is last year's 上一年项目数量
//     plus its 本年增/减, so X-3 holds;
//   - every other figure is 0 as in Scaffold, except 表二's stock column
//     (现行有效件数; 2019: 对外公开总数量), left blank (null) for the clerk
//     with a comment giving last year's figure;
//   - last year's text is kept as a draft under a comment saying it must
//     be rewritten (TX-5 warns until it is).
//
// The edition is the one the law prescribes for year.
func RollForward(prev *report.Report, year int) []byte {
	ed := report.EditionForYear(year)
	r := &report.Report{Year: year, Organ: prev.Organ, Edition: ed, Scope: prev.Scope,
		Publisher: prev.Publisher, Topic: prev.Topic,
		Active: make([]report.Cell, len(ed.Table2Cells())), Requests: make([]report.AppRow, len(ed.Table3())),
		Text: prev.Text}
	if ed == report.Ed2019 {
		r.ProcUnit = "万元"
	}
	if ed == report.Ed2021 {
		r.Fees = &report.Fees{}
	}
	if i, j := ed.T3Index("carried_over"), prev.Edition.T3Index("carried_forward"); i >= 0 && j >= 0 && j < len(prev.Requests) {
		r.Requests[i].Cells = prev.Requests[j].Cells
	}
	// 2019 edition: this year's 上一年项目数量 is last year's 上一年项目数量
	// plus its 本年增/减, row by row.
	if ed == report.Ed2019 && prev.Edition == report.Ed2019 {
		for i, c := range ed.Table2Cells() {
			if c.ColKey != "previous" {
				continue
			}
			p, ok1 := prev.ActiveCell(c.RowKey, "previous")
			d, ok2 := prev.ActiveCell(c.RowKey, "change")
			if ok1 && ok2 {
				r.Active[i].Int = p.Int + d.Int
			}
		}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(Marshal(r), &root); err != nil || len(root.Content) == 0 {
		return Marshal(r) // cannot happen: Marshal's output parses
	}
	top := root.Content[0]
	root.HeadComment = fmt.Sprintf("# %d年度政府信息公开工作年度报告数据（%s版格式，%s）\n# 由 %d 年度的数据文件生成（nianbao init --from）：上年结转已按上年度结转下年度填写；\n# 其余数字为 0 或留空，请按本年度实际填写；文字部分是上年度的原文，必须重写。检查：nianbao check 本文件",
		year, ed, ed.Notice(), prev.Year)
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "text":
			k.HeadComment = fmt.Sprintf("# 文字部分，每行一段（段落之间可以空一行）。\n# 以下是 %d 年度报告的原文，仅作起草参考：必须按 %d 年度的实际情况重写，\n# 未重写时 nianbao check 会一直提示内容雷同（TX-5）", prev.Year, year)
		case "active":
			stock := "in_force"
			if ed == report.Ed2019 {
				stock = "total"
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				rowKey, row := v.Content[j].Value, v.Content[j+1]
				for c := 0; c+1 < len(row.Content); c += 2 {
					if row.Content[c].Value != stock {
						continue
					}
					row.Content[c+1] = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
					label := "现行有效件数"
					if ed == report.Ed2019 {
						label = "对外公开总数量"
					}
					last := "上年度报告中没有这一项"
					if cell, ok := prev.ActiveCell(rowKey, stock); ok && prev.Edition == ed {
						last = fmt.Sprintf("上年度为 %d", cell.Int)
					}
					row.LineComment = fmt.Sprintf("# %s：请填写截至 %d 年底的数（%s）。%s", label, year, last, trimHash(row.LineComment))
				}
			}
		case "requests":
			for j := 0; j+1 < len(v.Content); j += 2 {
				if v.Content[j].Value == "carried_over" {
					v.Content[j+1].LineComment = fmt.Sprintf("# 二、上年结转政府信息公开申请数量：取自 %d 年度报告的“结转下年度继续办理”", prev.Year)
				}
			}
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&root); err != nil {
		return Marshal(r)
	}
	enc.Close()
	return addMetaComment(buf.Bytes())
}

func trimHash(s string) string {
	for len(s) > 0 && (s[0] == '#' || s[0] == ' ') {
		s = s[1:]
	}
	return s
}
