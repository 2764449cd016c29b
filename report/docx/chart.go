package docx

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/report"
)

// Charts are native DrawingML charts (ECMA-376 Part 1 §21.2), one chart
// part each, drawn by Word, WPS and LibreOffice from the values cached in
// the part (there is no embedded workbook: the figures are the report's,
// edited in its data file). Each chart is followed by its data table and
// its text summary, as in the PDF and HTML.

const appendixHeading = "附：图解"

// seriesColors are the PDF's print-friendly colours (RGB hex).
var seriesColors = []string{"26467D", "C47028", "787878", "468C5A"}

func chartTitle(i int, t string) string { return fmt.Sprintf("图%d　%s", i+1, t) }

// chartAppendix writes 附：图解 on a new page: for each chart its title,
// the chart, the data table and the summary.
func (w *bodyWriter) chartAppendix(cs []report.Chart) {
	w.para(w.st.h1, `<w:pageBreakBefore/><w:ind w:firstLineChars="0" w:firstLine="0"/>`, appendixHeading)
	for i, c := range cs {
		w.para(w.st.h2, `<w:keepNext/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>`, chartTitle(i, c.Title))
		rel := w.chartRels[i]
		w.docPr++
		b := &w.b
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="`)
		esc(b, w.st.chart)
		b.WriteString(`"/><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`)
		fmt.Fprintf(b, `<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`, textWTw*emuPerTw, chartHTw*emuPerTw)
		fmt.Fprintf(b, `<wp:docPr id="%d" name="图表 %d" descr="`, w.docPr, w.docPr)
		esc(b, c.Summary)
		b.WriteString(`"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="`)
		b.WriteString(rel)
		b.WriteString(`"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`)
		w.table(chartGrid(c))
		w.para(w.st.body, indent2, c.Summary)
	}
}

// chartGrid is the chart's data table: a row per category, a column per
// series, the values as Build gave them.
func chartGrid(c report.Chart) *report.Grid {
	g := &report.Grid{ID: c.ID + "-data", Caption: c.Title + "（数据表，单位：" + c.Unit + "）", Cols: 1 + len(c.Series)}
	g.Widths = append(g.Widths, 2*max(len(c.Series), 1))
	head := []report.GridCell{{Text: "项目", ColSpan: 1, RowSpan: 1, Kind: report.CellHead}}
	for _, s := range c.Series {
		g.Widths = append(g.Widths, 1)
		head = append(head, report.GridCell{Text: s.Name + "（" + c.Unit + "）", ColSpan: 1, RowSpan: 1, Kind: report.CellHead})
	}
	g.Head = [][]report.GridCell{head}
	for i, cat := range c.Categories {
		line := []report.GridCell{{Text: cat, ColSpan: 1, RowSpan: 1, Kind: report.CellLabel}}
		for _, s := range c.Series {
			v := ""
			if i < len(s.Values) {
				v = strconv.FormatInt(s.Values[i], 10)
			}
			line = append(line, report.GridCell{Text: v, ColSpan: 1, RowSpan: 1, Kind: report.CellNumber})
		}
		g.Body = append(g.Body, line)
	}
	g.Place()
	return g
}

// colName is the spreadsheet column letter of 0-based column i (the chart
// formulas name a notional Sheet1 laid out like the data table).
func colName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// chartPart returns the chart part (c:chartSpace) of c: a clustered
// column chart or a line chart with markers, values shown on the bars or
// points, a legend below when there are several series, text in the body
// font.
func chartPart(c report.Chart) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	b.WriteString(`<c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>`)
	line := c.Kind == "line"
	if line {
		b.WriteString(`<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>`)
	} else {
		b.WriteString(`<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>`)
	}
	n := len(c.Categories)
	for si, s := range c.Series {
		col := seriesColors[si%len(seriesColors)]
		fmt.Fprintf(&b, `<c:ser><c:idx val="%d"/><c:order val="%d"/><c:tx><c:strRef><c:f>Sheet1!$%s$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>`, si, si, colName(si+1))
		esc(&b, s.Name)
		b.WriteString(`</c:v></c:pt></c:strCache></c:strRef></c:tx>`)
		if line {
			fmt.Fprintf(&b, `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="%s"/></a:solidFill><a:round/></a:ln></c:spPr>`, col)
			fmt.Fprintf(&b, `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="%s"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="%s"/></a:solidFill></a:ln></c:spPr></c:marker>`, col, col)
		} else {
			fmt.Fprintf(&b, `<c:spPr><a:solidFill><a:srgbClr val="%s"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`, col)
		}
		b.WriteString(`<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`)
		b.WriteString(textProps(800))
		pos := "outEnd"
		if line {
			pos = "t"
		}
		fmt.Fprintf(&b, `<c:dLblPos val="%s"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`, pos)
		fmt.Fprintf(&b, `<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$%d</c:f><c:strCache><c:ptCount val="%d"/>`, n+1, n)
		for i, cat := range c.Categories {
			fmt.Fprintf(&b, `<c:pt idx="%d"><c:v>`, i)
			esc(&b, cat)
			b.WriteString(`</c:v></c:pt>`)
		}
		b.WriteString(`</c:strCache></c:strRef></c:cat>`)
		fmt.Fprintf(&b, `<c:val><c:numRef><c:f>Sheet1!$%s$2:$%s$%d</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="%d"/>`, colName(si+1), colName(si+1), n+1, n)
		for i, v := range s.Values {
			if i >= n {
				break
			}
			fmt.Fprintf(&b, `<c:pt idx="%d"><c:v>%d</c:v></c:pt>`, i, v)
		}
		b.WriteString(`</c:numCache></c:numRef></c:val>`)
		if line {
			b.WriteString(`<c:smooth val="0"/>`)
		}
		b.WriteString(`</c:ser>`)
	}
	if line {
		b.WriteString(`<c:marker val="1"/><c:axId val="100"/><c:axId val="200"/></c:lineChart>`)
	} else {
		b.WriteString(`<c:gapWidth val="80"/><c:axId val="100"/><c:axId val="200"/></c:barChart>`)
	}
	b.WriteString(`<c:catAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></c:spPr>`)
	b.WriteString(textProps(900))
	b.WriteString(`<c:crossAx val="200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`)
	b.WriteString(`<c:valAx><c:axId val="200"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="C8C8C8"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`)
	if c.Unit != "" {
		b.WriteString(`<c:title><c:tx><c:rich><a:bodyPr rot="0" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900" b="0"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="900" b="0"><a:latin typeface="` + fontLatin + `"/><a:ea typeface="` + fontBody + `"/></a:rPr><a:t>`)
		esc(&b, "单位："+c.Unit)
		b.WriteString(`</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`)
	}
	b.WriteString(`<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></c:spPr>`)
	b.WriteString(textProps(900))
	b.WriteString(`<c:crossAx val="100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`)
	b.WriteString(`<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>`)
	if len(c.Series) > 1 {
		b.WriteString(`<c:legend><c:legendPos val="b"/><c:overlay val="0"/>`)
		b.WriteString(textProps(900))
		b.WriteString(`</c:legend>`)
	}
	b.WriteString(`<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`)
	b.WriteString(`<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>`)
	b.WriteString(textProps(900))
	b.WriteString(`</c:chartSpace>`)
	return []byte(b.String())
}

// textProps is a c:txPr in the body fonts at size (hundredths of a point).
func textProps(size int) string {
	return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="` + strconv.Itoa(size) + `"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="` + fontLatin + `"/><a:ea typeface="` + fontBody + `"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`
}
