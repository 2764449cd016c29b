package pdf

import (
	"math"
	"strconv"

	"nianbao/report"
)

// Charts are drawn as vector graphics (rules, rectangles, text) in an
// appendix after the signature block, so the statutory body keeps exactly
// the prescribed format. Values are printed as given (report.Build made
// them); only the axis scale is computed here.

const (
	chartTitlePt = 12
	chartPt      = 9
	chartValPt   = 8
	captionPt    = 10.5
	plotH        = 55.0 // height of the plot area
	axisW        = 14.0 // room for the tick labels left of the axis
	captionLine  = captionPt * ptMM * 1.5
)

// seriesColors are print-friendly colours that stay distinct in greyscale.
var seriesColors = [][3]int{{38, 70, 125}, {196, 112, 40}, {120, 120, 120}, {70, 140, 90}}

func (w *writer) charts(cs []report.Chart) {
	w.newPage()
	w.setFont(w.h1, w.h1Pt)
	w.p.Bookmark(w.appendix, 0, w.y)
	em := w.h1Pt * ptMM
	w.p.Text(mLeft, w.y+pitch/2+0.37*em, w.appendix)
	w.y += pitch * 1.5
	for _, c := range cs {
		h := w.chartHeight(c)
		w.ensure(h)
		w.setFont(w.h1, chartTitlePt)
		w.p.Bookmark(c.Title, 1, w.y)
		w.chart(c)
		w.y += 8
	}
}

// chart geometry shared by chartHeight and chart.
type chartGeom struct {
	labelLines [][]string // category labels, broken
	labelH     float64
	captions   []line
}

func (w *writer) chartGeom(c report.Chart) chartGeom {
	var g chartGeom
	w.setFont(w.body, chartPt)
	slot := (textW - axisW) / float64(max(len(c.Categories), 1))
	maxLines := 1
	for _, cat := range c.Categories {
		var ls []string
		for _, l := range breakLines(cat, slot-1.5, 0, w.measure) {
			ls = append(ls, l.Text())
		}
		g.labelLines = append(g.labelLines, ls)
		maxLines = max(maxLines, len(ls))
	}
	g.labelH = float64(maxLines)*chartPt*ptMM*1.3 + 2
	w.setFont(w.body, captionPt)
	g.captions = breakLines(c.Summary, textW, 0, w.measure)
	return g
}

func (w *writer) chartHeight(c report.Chart) float64 {
	g := w.chartGeom(c)
	h := 10.0 + 8 + plotH + g.labelH + float64(len(g.captions))*captionLine + 4
	if len(c.Series) > 1 {
		h += 7
	}
	return h
}

// niceScale returns the top of the value axis and the tick step: 1, 2 or 5
// times a power of ten, at most six steps.
func niceScale(maxV int64) (top, step int64) {
	if maxV <= 0 {
		return 5, 1
	}
	raw := float64(maxV) / 5
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			step = int64(math.Max(1, m*p))
			break
		}
	}
	top = (maxV + step - 1) / step * step
	if top == maxV && top/step < 6 {
		// leave headroom for the value labels
		top += step
	}
	return top, step
}

func (w *writer) chart(c report.Chart) {
	p := w.p
	g := w.chartGeom(c)
	em := chartTitlePt * ptMM

	// Title, centred.
	w.setFont(w.h1, chartTitlePt)
	p.Text(mLeft+(textW-w.measure(c.Title))/2, w.y+5+0.37*em, c.Title)
	w.y += 10

	// Unit above the value axis.
	w.setFont(w.body, chartPt)
	cem := chartPt * ptMM
	if c.Unit != "" {
		p.Text(mLeft, w.y+2+0.37*cem, w.unitPrefix+c.Unit)
	}
	w.y += 8

	var maxV int64
	for _, s := range c.Series {
		for _, v := range s.Values {
			maxV = max(maxV, v)
		}
	}
	top, step := niceScale(maxV)
	x0, x1 := mLeft+axisW, mLeft+textW
	y0, y1 := w.y, w.y+plotH // plot top and bottom (the zero line)
	yOf := func(v int64) float64 { return y1 - plotH*float64(v)/float64(top) }

	// Grid lines and tick labels.
	p.SetLineWidth(0.1)
	p.SetDrawColor(200, 200, 200)
	for v := int64(0); v <= top; v += step {
		y := yOf(v)
		if v > 0 {
			p.Line(x0, y, x1, y)
		}
		s := strconv.FormatInt(v, 10)
		p.Text(x0-1.5-w.measure(s), y+0.37*cem, s)
	}
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.25)
	p.Line(x0, y0, x0, y1)
	p.Line(x0, y1, x1, y1)

	n := max(len(c.Categories), 1)
	slot := (x1 - x0) / float64(n)
	// Category labels.
	for i, ls := range g.labelLines {
		cx := x0 + slot*(float64(i)+0.5)
		ly := y1 + 1.5
		for _, l := range ls {
			p.Text(cx-w.measure(l)/2, ly+cem*1.3/2+0.37*cem, l)
			ly += cem * 1.3
		}
	}

	vem := chartValPt * ptMM
	switch c.Kind {
	case "line":
		for si, s := range c.Series {
			col := seriesColors[si%len(seriesColors)]
			p.SetDrawColor(col[0], col[1], col[2])
			p.SetFillColor(col[0], col[1], col[2])
			p.SetLineWidth(0.5)
			for i := 1; i < len(s.Values) && i < n; i++ {
				p.Line(x0+slot*(float64(i)-0.5), yOf(s.Values[i-1]), x0+slot*(float64(i)+0.5), yOf(s.Values[i]))
			}
			w.setFont(w.body, chartValPt)
			for i, v := range s.Values {
				if i >= n {
					break
				}
				cx, cy := x0+slot*(float64(i)+0.5), yOf(v)
				p.Circle(cx, cy, 0.8, "F")
				// The label goes above the point for the highest series at
				// this category and below it for the others.
				above := true
				for sj, o := range c.Series {
					if sj != si && i < len(o.Values) && (o.Values[i] > v || (o.Values[i] == v && sj < si)) {
						above = false
					}
				}
				t := strconv.FormatInt(v, 10)
				ty := cy - 1.6
				if !above {
					ty = cy + 1.6 + vem*0.75
				}
				p.Text(cx-w.measure(t)/2, ty, t)
			}
		}
	default: // bar
		ns := max(len(c.Series), 1)
		group := slot * 0.7
		if ns == 1 {
			group = slot * 0.5
		}
		bw := group / float64(ns)
		w.setFont(w.body, chartValPt)
		for si, s := range c.Series {
			col := seriesColors[si%len(seriesColors)]
			p.SetFillColor(col[0], col[1], col[2])
			for i, v := range s.Values {
				if i >= n {
					break
				}
				bx := x0 + slot*float64(i) + (slot-group)/2 + bw*float64(si)
				by := yOf(v)
				if v > 0 {
					p.Rect(bx+0.15, by, bw-0.3, y1-by, "F")
				}
				t := strconv.FormatInt(v, 10)
				p.Text(bx+bw/2-w.measure(t)/2, by-1.2, t)
			}
		}
	}
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(ruleW)
	w.y = y1 + g.labelH

	// Legend for several series, centred.
	if len(c.Series) > 1 {
		w.setFont(w.body, chartPt)
		total := 0.0
		for _, s := range c.Series {
			total += 4 + 1.5 + w.measure(s.Name) + 6
		}
		x := mLeft + (textW-total+6)/2
		for si, s := range c.Series {
			col := seriesColors[si%len(seriesColors)]
			p.SetFillColor(col[0], col[1], col[2])
			if c.Kind == "line" {
				p.SetDrawColor(col[0], col[1], col[2])
				p.SetLineWidth(0.5)
				p.Line(x-0.5, w.y+3, x+4.5, w.y+3)
				p.Circle(x+2, w.y+3, 0.8, "F")
				p.SetDrawColor(0, 0, 0)
			} else {
				p.Rect(x, w.y+1.5, 4, 3, "F")
			}
			p.Text(x+5.5, w.y+3+0.37*cem, s.Name)
			x += 4 + 1.5 + w.measure(s.Name) + 6
		}
		w.y += 7
	}
	p.SetFillColor(255, 255, 255)

	// Caption: the chart's summary sentence.
	w.setFont(w.body, captionPt)
	cap := captionPt * ptMM
	w.y += 2
	for _, l := range g.captions {
		w.drawLine(l, mLeft, w.y+captionLine/2+0.37*cap, textW, cap)
		w.y += captionLine
	}
}
