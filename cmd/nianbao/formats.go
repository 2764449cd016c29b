package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"sync"

	"nianbao/report"
	"nianbao/report/html"
	"nianbao/report/pdf"
	"nianbao/report/xlsx"
)

// outputFormat is one output of `nianbao build` (and a download of `nianbao site`).
type outputFormat struct {
	name    string // flag name and default extension: pdf, html, xlsx
	summary string // Chinese, for --help
	// flags registers the format's own options and returns a function that
	// renders one report with them. It is called once per build.
	flags func(fs *flag.FlagSet) renderFunc
}

// renderFunc renders one report. history holds the organ's earlier reports
// (oldest first). It returns named files (relative names such as
// "{base}.pdf" or "assets/echarts.min.js") and warnings for the user.
type renderFunc func(in renderInput) ([]namedFile, []report.Problem, error)

// renderInput is one report to render: its Doc, the report and its earlier
// years, --charts none (renderers leave the charts out; the Doc stays
// as Build made it), and the templates of --templates (Templates: the
// office's folder laid over the built-in one, see templatesFS; never nil
// from build and site) with the site settings of its site.yaml.
type renderInput struct {
	Doc       *report.Doc
	Report    *report.Report
	History   []*report.Report
	NoCharts  bool
	Templates fs.FS
	Site      report.Site
	// Page is the report page's path under -o, slash-separated, without
	// extension (shili-office/2024), for the page's <meta name="Url">; "" unknown.
	Page string
}

type namedFile struct {
	Name string
	Data []byte
}

// outputFormats are the formats of `nianbao build`, in the order of its help.
var outputFormats = []*outputFormat{htmlFormat, pdfFormat, xlsxFormat}

// The "html" output: the report as a web page. Plain: {base}.html plus
// assets/. --self-contained: {base}.html with CSS and ECharts inlined,
// nothing else. --fragment: {base}.fragment.html (no <html>/<head>, no
// title; scoped CSS), plus assets/ for the chart script unless
// --self-contained is also given.
var htmlFormat = &outputFormat{
	name:    "html",
	summary: "网页：{文件名}.html 及 assets/（样式和图表脚本）；--self-contained 生成单个文件，--fragment 生成可粘贴到网站内容管理系统的片段",
	flags: func(fs *flag.FlagSet) renderFunc {
		self := fs.Bool("self-contained", false, "")
		frag := fs.Bool("fragment", false, "")
		return func(in renderInput) ([]namedFile, []report.Problem, error) {
			doc := in.Doc
			opts := html.Options{NoCharts: in.NoCharts, Templates: in.Templates, Site: in.Site}
			if in.Page != "" && !*frag {
				opts.URL = in.Page + ".html"
			}
			name := "{base}.html"
			switch {
			case *frag:
				opts.Mode = html.ModeFragment
				opts.InlineJS = *self
				name = "{base}.fragment.html"
			case *self:
				opts.Mode = html.ModeSelfContained
			}
			var b bytes.Buffer
			if err := html.Write(&b, doc, opts); err != nil {
				return nil, nil, err
			}
			files := []namedFile{{Name: name, Data: b.Bytes()}}
			if opts.Mode == html.ModePage || (*frag && !*self && len(doc.Charts) > 0 && !in.NoCharts) {
				assets, err := html.Assets(opts)
				if err != nil {
					return nil, nil, err
				}
				for _, a := range assets {
					files = append(files, namedFile{Name: a.Name, Data: a.Data})
				}
			}
			return files, nil, nil
		}
	},
}

// The "pdf" output: the report as an official document.
var pdfFormat = &outputFormat{
	name:    "pdf",
	summary: "PDF 公文版：{文件名}.pdf（A4，宋体，法定表格，页码，书签，附图解）；--font-body、--font-title、--font-bold 指定本单位的 .ttf 字体（如仿宋_GB2312、方正小标宋、黑体）",
	flags: func(fs *flag.FlagSet) renderFunc {
		load := fontFlags(fs)
		return func(in renderInput) ([]namedFile, []report.Problem, error) {
			opts, err := load()
			if err != nil {
				return nil, nil, setupError{err}
			}
			opts.NoCharts = in.NoCharts
			var b bytes.Buffer
			warnings, err := pdf.Write(&b, in.Doc, opts)
			var unfit *pdf.UnsuitableFontError
			if errors.As(err, &unfit) {
				return nil, warnings, setupError{err}
			}
			if err != nil {
				return nil, warnings, err
			}
			return []namedFile{{Name: "{base}.pdf", Data: b.Bytes()}}, warnings, nil
		}
	},
}

// The "xlsx" output: the report's statistics as the same workbook
// `nianbao export` writes.
var xlsxFormat = &outputFormat{
	name:    "xlsx",
	summary: "Excel 工作簿（表二至表四、信息处理费、文字部分，带校验表；与 nianbao export 相同）",
	flags: func(fs *flag.FlagSet) renderFunc {
		return func(in renderInput) ([]namedFile, []report.Problem, error) {
			var buf bytes.Buffer
			if err := xlsx.Write(&buf, in.Doc, xlsx.Options{Report: in.Report}); err != nil {
				return nil, nil, err
			}
			return []namedFile{{Name: "{base}.xlsx", Data: buf.Bytes()}}, nil, nil
		}
	},
}

// fontFlags registers --font-body, --font-title and --font-bold on fs (for
// build and check alike) and returns a function that reads and parses the
// given fonts once, on first use, through pdf.LoadFontFile; a nil font in
// the options means the embedded one.
func fontFlags(fs *flag.FlagSet) func() (pdf.Options, error) {
	body := fs.String("font-body", "", "")
	title := fs.String("font-title", "", "")
	bold := fs.String("font-bold", "", "")
	return sync.OnceValues(func() (pdf.Options, error) {
		var o pdf.Options
		for _, f := range []struct {
			flag, path string
			dst        **pdf.Font
		}{{"--font-body", *body, &o.Body}, {"--font-title", *title, &o.Title}, {"--font-bold", *bold, &o.Bold}} {
			if f.path == "" {
				continue
			}
			font, err := pdf.LoadFontFile(f.path)
			if err != nil {
				return o, fmt.Errorf("%s：%v", f.flag, err)
			}
			*f.dst = font
		}
		return o, nil
	})
}

// setupError is a render error caused by the command's options (an unusable
// font file), not by one report: build stops at once instead of repeating
// it for every file.
type setupError struct{ error }

func (e setupError) Unwrap() error { return e.error }
