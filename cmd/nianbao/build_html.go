package main

import (
	"bytes"
	"flag"

	"nianbao/report/html"
)

// The "html" output of `nianbao build`: the report as a web page.
func init() {
	registerFormat(&outputFormat{
		name:    "html",
		summary: "网页：{文件名}.html 及 assets/（样式和图表脚本）；--self-contained 生成单个文件，--fragment 生成可粘贴到网站内容管理系统的片段",
		flags: func(fs *flag.FlagSet) renderFunc {
			self := fs.Bool("self-contained", false, "")
			frag := fs.Bool("fragment", false, "")
			return func(in renderInput) (renderOutput, error) {
				return renderHTML(in, *self, *frag)
			}
		},
	})
}

// renderHTML writes the report page. Plain: {base}.html plus assets/.
// --self-contained: {base}.html with CSS and ECharts inlined, nothing else.
// --fragment: {base}.fragment.html (no <html>/<head>, no title; scoped CSS),
// plus assets/ for the chart script unless --self-contained is also given.
func renderHTML(in renderInput, selfContained, fragment bool) (renderOutput, error) {
	opts := html.Options{NoCharts: in.NoCharts}
	name := "{base}.html"
	switch {
	case fragment:
		opts.Mode = html.ModeFragment
		opts.InlineJS = selfContained
		name = "{base}.fragment.html"
	case selfContained:
		opts.Mode = html.ModeSelfContained
	}
	var b bytes.Buffer
	if err := html.Write(&b, in.Doc, opts); err != nil {
		return renderOutput{}, err
	}
	out := renderOutput{Files: []namedFile{{Name: name, Data: b.Bytes()}}}
	if opts.Mode == html.ModePage || (fragment && !selfContained && len(in.Doc.Charts) > 0 && !in.NoCharts) {
		assets, err := html.Assets(opts)
		if err != nil {
			return renderOutput{}, err
		}
		for _, a := range assets {
			out.Files = append(out.Files, namedFile{Name: a.Name, Data: a.Data})
		}
	}
	return out, nil
}
