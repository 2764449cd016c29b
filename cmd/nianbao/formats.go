package main

import (
	"flag"

	"nianbao/report/output"
)

// formatSummaries describe the output formats (output.Formats) in build's
// help, in Chinese.
var formatSummaries = map[string]string{
	"html": "网页：{文件名}.html 及 assets/（样式和图表脚本）；--self-contained 生成单个文件，--fragment 生成可粘贴到网站内容管理系统的片段",
	"pdf":  "PDF 公文版：{文件名}.pdf（A4，宋体，法定表格，页码，书签，附图解）；--font-body、--font-title、--font-bold 指定本单位的 .ttf 字体（如仿宋_GB2312、方正小标宋、黑体）",
	"docx": "Word 文档：{文件名}.docx（可在 Word/WPS 中修改；公文版式，法定表格，页码，附图解）；--docx-template 文件 用本单位的红头模板（.docx），报告正文放在模板中写有 {{正文}} 的段落处，没有该段落时放在末尾",
	"xlsx": "Excel 工作簿（表二至表四、信息处理费、文字部分，带校验表；与 nianbao export 相同）",
}

// fontFlags are --font-body, --font-title and --font-bold (build and
// check): font files that replace the fonts of layout.yaml.
type fontFlags struct{ body, title, bold *string }

func addFontFlags(fs *flag.FlagSet) fontFlags {
	return fontFlags{fs.String("font-body", "", ""), fs.String("font-title", "", ""), fs.String("font-bold", "", "")}
}

// options are the render options the flags give.
func (f fontFlags) options() output.Options {
	return output.Options{FontBody: *f.body, FontTitle: *f.title, FontBold: *f.bold}
}

// files are the font files named, for the input hash.
func (f fontFlags) files() []string {
	var out []string
	for _, p := range []string{*f.body, *f.title, *f.bold} {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// flagSettings are the options of fs that shape the outputs, as
// "name=value" in name order, for the input hash: every flag except -o
// and -j, which name no input.
func flagSettings(fs *flag.FlagSet) []string {
	var out []string
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name != "o" && f.Name != "j" {
			out = append(out, f.Name+"="+f.Value.String())
		}
	})
	return out
}
