package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"sync"

	"nianbao/report/pdf"
)

// The "pdf" output of `nianbao build`: the report as an official document.
func init() {
	registerFormat(&outputFormat{
		name:    "pdf",
		summary: "PDF 公文版：{文件名}.pdf（A4，宋体，法定表格，页码，书签，附图解）；--font-body、--font-title、--font-bold 指定本单位的 .ttf 字体（如仿宋_GB2312、方正小标宋、黑体）",
		flags: func(fs *flag.FlagSet) renderFunc {
			body := fs.String("font-body", "", "")
			title := fs.String("font-title", "", "")
			bold := fs.String("font-bold", "", "")
			// Fonts are read and parsed once per build, on first use.
			load := sync.OnceValues(func() (pdf.Options, error) {
				var o pdf.Options
				for _, f := range []struct {
					flag, path string
					dst        **pdf.Font
				}{{"--font-body", *body, &o.Body}, {"--font-title", *title, &o.Title}, {"--font-bold", *bold, &o.Bold}} {
					if f.path == "" {
						continue
					}
					data, err := os.ReadFile(f.path)
					if err != nil {
						return o, fmt.Errorf("%s：无法读取字体文件 %s：%v", f.flag, f.path, err)
					}
					font, err := pdf.ParseFont(f.path, data)
					if err != nil {
						return o, fmt.Errorf("%s：%v", f.flag, err)
					}
					*f.dst = font
				}
				return o, nil
			})
			return func(in renderInput) (renderOutput, error) {
				opts, err := load()
				if err != nil {
					return renderOutput{}, setupError{err}
				}
				opts.NoCharts = in.NoCharts
				var b bytes.Buffer
				warnings, err := pdf.Write(&b, in.Doc, opts)
				if err != nil {
					return renderOutput{Warnings: warnings}, err
				}
				return renderOutput{Files: []namedFile{{Name: "{base}.pdf", Data: b.Bytes()}}, Warnings: warnings}, nil
			}
		},
	})
}
