package ingest

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/report"
)

// checkResult asserts what any input must give: no panic (the fuzzer
// catches it), a report with tables of the edition's shape, or nil with a
// problem saying why.
func checkResult(t *testing.T, r *report.Report, src *report.Source, ps report.Problems) {
	if r == nil {
		if len(ps) == 0 {
			t.Fatal("no report and no problem")
		}
		return
	}
	if len(r.Active) != len(r.Edition.Table2Cells()) || len(r.Requests) != len(r.Edition.Table3()) {
		t.Fatalf("tables of the wrong shape for edition %q", r.Edition)
	}
	if src == nil || r.Source != src || len(src.Tables) != 3 {
		t.Fatalf("source block %+v", src)
	}
}

// FuzzHTML: any bytes as a page.
func FuzzHTML(f *testing.F) {
	if rs, err := renderOnce(); err == nil {
		for _, x := range rs[:2] {
			f.Add(x.html)
			f.Add([]byte(portalPage(x.doc, "gbk", nil, map[string]bool{"table3": true})))
		}
	}
	f.Add([]byte(`<table><tr><td rowspan=100000 colspan=100000>一、总体情况</td></tr></table><p>二、主动公开政府信息情况</p>`))
	f.Add([]byte(`<meta charset="gb18030"><p>示例2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>六、其他需要报告的事项</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, src, ps := HTML("f.html", data)
		checkResult(t, r, src, ps)
	})
}

// FuzzDOCX: any bytes as a Word document (most are refused by zipguard;
// the seeds are real documents).
func FuzzDOCX(f *testing.F) {
	if rs, err := renderOnce(); err == nil {
		for _, x := range rs[:2] {
			f.Add(x.docx)
		}
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, src, ps := DOCX("f.docx", data)
		checkResult(t, r, src, ps)
	})
}

// FuzzDOCXBody: any word/document.xml body, wrapped in a valid package.
func FuzzDOCXBody(f *testing.F) {
	f.Add(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>一、本年新收</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl>`)
	f.Add(`<w:p><w:r><w:t>示例2024年政府信息公开工作年度报告</w:t></w:r></w:p><w:p><w:r><w:t>一、总体情况</w:t><w:drawing/></w:r></w:p>`)
	f.Fuzz(func(t *testing.T, body string) {
		blocks, _ := docxBlocks(stringsReader(`<w:document xmlns:w="w"><w:body>`+body+`</w:body></w:document>`), false)
		res := &result{name: "f.docx", blank: map[string]bool{}, src: newSource("f.docx", "docx", nil)}
		assemble(res, blocks, "")
		r, src, ps := finish(res)
		checkResult(t, r, src, ps)
	})
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

// FuzzPDFWords: any words with any boxes, as pdftotext gives them (one
// word a line: x0 y0 x1 y1 text; a line "page" starts the next page),
// laid out into lines, paragraphs and tables and read as a report: never
// a panic, and any report of the right shape. The seeds are a 表三 and a
// 表四 whose figures sit a space from their labels, between headers and
// across them, the same whose last header is cut off, and text sections whose paragraphs are told by indent,
// short lines, gaps, heading numbers and a hanging list, across a page.
func FuzzPDFWords(f *testing.F) {
	f.Add(`100 50 400 65 示例市2024年政府信息公开工作年度报告
56 80 200 95 一、总体情况
56 100 500 115 本年度……
56 120 300 135 三、收到和处理政府信息公开申请情况
332 140 392 155 申请人情况
228 160 264 175 自然人
269 160 317 175 商业企业
471 160 495 175 总计
63 200 219 215 一、本年新收政府信息公开申
227 200 233 215 1
268 200 274 215 0
300 200 480 215 0
139 220 223 235 确认或重新出具
227 220 233 235 1
240 220 270 235 2
56 300 300 315 四、政府信息公开行政复议、行政诉讼情况
106 320 154 335 行政复议
59 340 83 355 结果
89 340 113 355 结果
59 355 83 370 维持
89 355 113 370 纠正
60 380 66 395 2
86 380 92 395 1
120 380 126 395 0
130 380 136 395 0
56 420 300 435 五、存在的主要问题及改进情况`)
	f.Add(`114 75 466 96 示例县2024年政府信息公开工作年度报告
122 98 490 119 　　本年度报告根据条例编制，集中报告示例县虚构局的
90 121 490 142 政府信息公开工作情况，统计期限自2024年1月1日起至
90 144 300 165 2024年12月31日止。
122 167 218 188 一、总体情况
90 190 234 211 （一）主动公开情况
122 213 490 234 全年公开文件18件、废止6件，截至年底现行有效
90 236 490 257 174件，已全部纳入政策文件库。
90 259 490 280 （二）依申请公开。本年新收申请97件，上年结转
90 282 458 303 6件，办结101件，咨询电话0000-
page
90 96 300 117 12345678。
122 150 346 171 五、存在的主要问题及改进情况
90 173 98 194 1.
122 173 490 194 建立办理到期预警，全年未出现超期答复；推出解读
122 196 282 217 产品3.5万份。
90 219 130 240 （1）
161 219 490 240 与市财政局完成线上缴款对接，全年服务
122 242 400 263 NaN次。
122 280 298 301 六、其他需要报告的事项
90 303 490 324 本年度发出收费通知0件，收费通知总金额0元，实际收
90 326 200 347 取信息处理费0元。`)
	// 表三 and 表四 of a page wider than the paper: the last header cut
	// off, its figures there (see TestPDFTableShapes).
	f.Add(pdfTitle + t3Header +
		figureRow(270, 90.7, 282.7, "一、本年新收政府信息公开申请数量", "318.0:78", "359.3:5", "412.5:0", "451.8:0", "501.0:1", "564.3:2", "593.6:86") +
		figureRow(290, 90.7, 282.7, "二、上年结转政府信息公开申请数量", "318.0:3", "359.3:0", "451.8:0", "505.0:4", "564.3:0", "593.6:7") +
		t4Header + figureRow(560, 0, 0, "", "58.2:2", "98.6:0", "217.6:4", "553.7:123456", "592.7:78") + pdfEnd)
	f.Fuzz(func(t *testing.T, text string) {
		r, src, ps := readWords(text)
		checkResult(t, r, src, ps)
	})
}

// readWords reads a report from words as pdftotext gives them (one word a
// line: x0 y0 x1 y1 text, points from the page's top left; a line "page"
// starts the next page; at most 20 pages and 2000 words), as PDF does.
func readWords(text string) (*report.Report, *report.Source, report.Problems) {
	pages := [][]word{nil}
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if line == "page" && len(pages) < 20 {
			pages = append(pages, nil)
			continue
		}
		var w word
		k, _ := fmt.Sscan(line, &w.x0, &w.y0, &w.x1, &w.y1, &w.text)
		if k == 5 && n < 2000 {
			pages[len(pages)-1] = append(pages[len(pages)-1], trimWord(w))
			n++
		}
	}
	res := &result{name: "f.pdf", blank: map[string]bool{}, src: newSource("f.pdf", "pdf", nil)}
	assemble(res, pdfBlocks(pages), "")
	return finish(res)
}
