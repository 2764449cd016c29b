package html

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

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
var templateErrRE = regexp.MustCompile(`template: ([^:\s]+\.tmpl):(\d+)(?::(\d+))?: (.*)`)

// TemplateError rewrites an error of html/template so that it reads
// "html/report.tmpl:12: 模板有错误：…": file, line and cause. Other errors
// (a missing stylesheet) come back with a Chinese lead.
func TemplateError(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		cause := m[4]
		// The escaper names a template by its define, the cause is enough.
		cause = strings.TrimPrefix(cause, "html/template:")
		return &TemplateErr{File: "html/" + m[1], Line: m[2], Col: m[3], Cause: explain(strings.TrimSpace(cause)), err: err}
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
	Col   string // "" when html/template gives none
	Cause string // in Chinese for the common errors (explain), else as html/template words it
	err   error
}

func (e *TemplateErr) Error() string {
	pos := e.Line
	if e.Col != "" {
		pos += ":" + e.Col
	}
	return fmt.Sprintf("%s:%s: 模板有错误：%s。请改正模板后重试", e.File, pos, e.Cause)
}

// templateMessages explain the common errors of text/template and
// html/template (parsing and executing) in Chinese; $1 … are the
// submatches. The first that matches is taken. Compiled on the first
// error, not at every start of the program.
var templateMessages = sync.OnceValue(func() []templateMessage {
	return []templateMessage{
		{regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: can't evaluate field (\S+) in type (\S+)$`), "模板引用了不存在的字段 $2（在 {{$1}} 处）。可用的字段见模板目录的 README.md"},
		{regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: nil pointer evaluating (\S+)$`), "{{$1}} 处的数据为空（$2），请先用 {{if}} 判断"},
		{regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: error calling (\S+): (.*)$`), "{{$1}} 处调用 $2 出错：$3"},
		{regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: wrong type for value; expected (\S+); got (\S+)$`), "{{$1}} 处的值类型不对：应为 $2，实际为 $3"},
		{regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: range can't iterate over (.*)$`), "{{$1}} 处的 range 不能遍历 $2"},
		{regexp.MustCompile(`^executing "[^"]*" at <([^>]*)>: (.*)$`), "{{$1}} 处执行出错：$2"},
		{regexp.MustCompile(`^function "([^"]*)" not defined$`), "没有名为 $1 的函数（模板只能用内置函数和 README.md 列出的函数）"},
		{regexp.MustCompile(`^unexpected EOF$`), "文件意外结束：有 {{if}}、{{range}}、{{with}} 或 {{define}} 缺少对应的 {{end}}"},
		{regexp.MustCompile(`^unexpected \{\{end\}\}$`), "多出一个 {{end}}，没有与之对应的 {{if}}、{{range}}、{{with}} 或 {{define}}"},
		{regexp.MustCompile(`^unexpected \{\{else\}\}$`), "{{else}} 不在 {{if}}、{{range}} 或 {{with}} 之内"},
		{regexp.MustCompile(`^unexpected <define> in command$`), "{{define}} 出现在另一段模板之内：前面有 {{if}}、{{range}} 或 {{with}} 缺少对应的 {{end}}"},
		{regexp.MustCompile(`^unexpected "([^"]*)" in (\S+)$`), "{{$2 …}} 中出现了不该有的“$1”"},
		{regexp.MustCompile(`^unexpected (.*) in (\S+)$`), "{{$2 …}} 中出现了不该有的 $1"},
		{regexp.MustCompile(`^unexpected (.*)$`), "出现了不该有的 $1"},
		{regexp.MustCompile(`^missing value for (\S+)$`), "{{$1}} 后缺少条件或值"},
		{regexp.MustCompile(`^unclosed action(?: started at \S+)?$`), "{{ 没有对应的 }}"},
		{regexp.MustCompile(`^unterminated (?:raw )?quoted string$`), "引号没有闭合"},
		{regexp.MustCompile(`^unterminated character constant$`), "单引号字符没有闭合"},
		{regexp.MustCompile(`^bad character (.*)$`), "{{ }} 中有不能出现的字符 $1"},
		{regexp.MustCompile(`^undefined variable "([^"]*)"$`), "变量 $1 没有定义"},
		{regexp.MustCompile(`^wrong number of args for (\S+): want (\d+) got (\d+)$`), "$1 的参数个数不对：应为 $2 个，实际为 $3 个"},
		{regexp.MustCompile(`^expected end; found (.*)$`), "此处应为 {{end}}，实际为 $1"},
		{regexp.MustCompile(`no such template "([^"]*)"`), "没有名为“$1”的模板（{{template}} 或 {{define}} 的名称有误）"},
		{regexp.MustCompile(`^template: ([^:]*): "([^"]*)" is an incomplete or empty template$`), "模板“$2”不完整或为空"},
		{regexp.MustCompile(`branches end in different contexts`), "{{if}} 的各分支结束时处于不同的 HTML 位置（例如一个分支里的标签或引号没有闭合）"},
		{regexp.MustCompile(`ends in a non-text context`), "模板结束时 HTML 标签、属性或引号没有闭合"},
		{regexp.MustCompile(`appears in an ambiguous context within a URL`), "网址中 {{ }} 的位置有歧义，请把整个网址或整段查询参数放进 {{ }}"},
	}
})

type templateMessage struct {
	re *regexp.Regexp
	zh string
}

// explain is cause in Chinese when it is one of templateMessages, else
// cause after a Chinese lead.
func explain(cause string) string {
	for _, m := range templateMessages() {
		if sub := m.re.FindStringSubmatchIndex(cause); sub != nil {
			return string(m.re.ExpandString(nil, m.zh, cause, sub))
		}
	}
	return "模板引擎报告：" + cause
}

func (e *TemplateErr) Unwrap() error { return e.err }
