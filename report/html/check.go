package html

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"nianbao/report"
)

// Check loads the templates and assets of o.Templates and renders every
// kind of page once, into nothing, with r as sample data (a full page, a
// self-contained page, a fragment, the home, trend and document pages of
// the site, and the breakdown of a merge), so that a mistake in an
// office's templates stops a command before it writes any file. The error
// names the template file, line and cause (see TemplateError).
func Check(o Options, r *report.Report) error {
	if _, err := load(o.Templates); err != nil {
		return TemplateError(err)
	}
	d := report.Build(r, nil)
	o.Breadcrumb = []Link{{Label: "首页", Href: "../index.html"}, {Label: d.Title}}
	o.Downloads = []Link{{Label: "PDF 版", Href: "x.pdf", Type: "application/pdf", Download: true}}
	steps := []func() error{}
	for _, m := range []Mode{ModePage, ModeSelfContained, ModeFragment} {
		o := o
		o.Mode = m
		steps = append(steps, func() error { return Write(io.Discard, d, o) })
	}
	o.Mode = ModePage
	home := &Home{Title: "政府信息公开工作年度报告", Intro: "示例", DataNote: []string{"示例"}, DataDoc: Link{Label: "开放数据格式说明", Href: "opendata.html"},
		Organs: []HomeOrgan{{ID: "organ-1", Name: r.Organ, TrendHref: "x/index.html", Span: "2024年",
			Years: []HomeYear{{Label: "2024年度报告", Href: "x/2024.html", Note: "（2021年版格式）",
				Downloads: []HomeDownload{{Label: "PDF", AriaLabel: "PDF", Href: "x/2024.pdf", Type: "application/pdf"}}}}}}}
	steps = append(steps,
		func() error { return WriteHome(io.Discard, home, o) },
		func() error {
			return WriteTrend(io.Discard, report.BuildTrend([]*report.Report{r}), []Link{{Label: "2024年度报告", Href: "2024.html"}}, o)
		},
		func() error {
			return WriteTextPage(io.Discard, "示例", "# 示例\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", o)
		},
		func() error { _, err := BreakdownPage(report.NewBreakdown(r, nil), o); return err },
	)
	for _, step := range steps {
		if err := step(); err != nil {
			return TemplateError(err)
		}
	}
	return nil
}

// templateErrRE matches the position html/template gives its errors:
// "template: report.tmpl:12: …" or "template: report.tmpl:12:5: executing …".
var templateErrRE = regexp.MustCompile(`template: ([^:\s]+\.tmpl):(\d+)(?::\d+)?: (.*)`)

// TemplateError rewrites an error of html/template so that it reads
// "html/report.tmpl:12: 模板有错误：…": file, line and cause. Other errors
// (a missing stylesheet) come back with a Chinese lead.
func TemplateError(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		cause := m[3]
		// The escaper names a template by its define, the cause is enough.
		cause = strings.TrimPrefix(cause, "html/template:")
		return &TemplateErr{File: "html/" + m[1], Line: m[2], Cause: strings.TrimSpace(cause), err: err}
	}
	var te *TemplateErr
	if errors.As(err, &te) {
		return err
	}
	return fmt.Errorf("模板或样式文件有错误：%w", err)
}

// TemplateErr is a mistake in a template file: where and what.
type TemplateErr struct {
	File  string // html/report.tmpl
	Line  string
	Cause string // as html/template words it
	err   error
}

func (e *TemplateErr) Error() string {
	return fmt.Sprintf("%s:%s: 模板有错误：%s。请改正模板后重试", e.File, e.Line, e.Cause)
}

func (e *TemplateErr) Unwrap() error { return e.err }
