package check

import (
	"nianbao/report"
	"regexp"
	"strconv"
	"strings"
)

// posIn returns the file position of byte offset off within a text section.
func posIn(t report.Text, off int) report.Pos {
	if !t.Literal {
		return report.Pos{Line: t.BodyLine}
	}
	return report.Pos{Line: t.BodyLine + strings.Count(t.Body[:off], "\n")}
}

func (c *checker) text() {
	r := c.r
	// TX-1: figures quoted in the text.
	for _, key := range []string{"preface", "overview", "other"} {
		if c.ok("text." + key) {
			c.textFigures(key)
		}
	}
	// TX-10: the statistical period the text states is the report's year.
	for i, sec := range report.TextSections {
		if c.ok("text." + sec.Key) {
			c.periodYear(r.Text[i], "text."+sec.Key)
		}
	}
	// TX-4: the five topics of 总体情况.
	if c.ok("text.overview") {
		t := r.TextOf("overview")
		if t.Body != "" {
			var missing []string
			for _, topic := range overviewTopics {
				if !containsAny(t.Body, topic.words) {
					missing = append(missing, topic.name)
				}
			}
			if len(missing) > 0 {
				c.add(t.Pos, "text.overview", "TX-4", "“一、总体情况”应涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五方面，未见：%s",
					strings.Join(missing, "、"))
			}
			if r.Scope == report.ScopeRegion || strings.HasSuffix(r.Organ, "人民政府") {
				var gm []string
				for _, w := range []string{"考核", "评议", "责任追究"} {
					if !strings.Contains(t.Body, w) {
						gm = append(gm, w)
					}
				}
				if len(gm) > 0 {
					c.add(t.Pos, "text.overview", "TX-4", "各级人民政府的报告应在监督保障部分说明工作考核、社会评议和责任追究结果情况（条例第五十条第四项），未见：%s",
						strings.Join(gm, "、"))
				}
			}
		}
	}
}

// periodRE finds a statement of the statistical period: 统计期限自2024年1月1日
// 起至2024年12月31日止, 统计期限为2024年1月1日至12月31日, 2024年1月1日至
// 2024年12月31日. Group 1 is the first year, group 2 the last one (if given).
var periodRE = regexp.MustCompile(`(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|－|-)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日`)

// periodYear warns (TX-10) where the text states a statistical period of
// another year than the report's: last year's preface kept by init --from
// ("本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止" in the
// 2025 report).
func (c *checker) periodYear(t report.Text, path string) {
	if c.r.Year < 2019 {
		return // the year itself is wrong: S-4/S-7 say so
	}
	for _, m := range periodRE.FindAllStringSubmatchIndex(t.Body, 10) {
		for _, g := range [][2]int{{m[2], m[3]}, {m[4], m[5]}} {
			if g[0] < 0 {
				continue
			}
			if y, _ := strconv.Atoi(t.Body[g[0]:g[1]]); y != c.r.Year {
				c.add(posIn(t, m[0]), path, "TX-10", "正文写的统计期限“%s”是 %d 年，报告是 %d 年度的（统计期限应为 %d年1月1日至12月31日）。请改正年份；从上年度报告复制的文字须按本年度重写",
					report.Clip(t.Body[m[0]:m[1]], 40), y, c.r.Year, c.r.Year)
				break
			}
		}
	}
}

var overviewTopics = []struct {
	name  string
	words []string
}{
	{"主动公开", []string{"主动公开"}},
	{"依申请公开", []string{"依申请公开", "依申请"}},
	{"政府信息管理", []string{"政府信息管理", "信息管理"}},
	{"政府信息公开平台建设", []string{"平台建设", "平台"}},
	{"监督保障", []string{"监督保障", "监督", "保障"}},
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
