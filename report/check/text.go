package check

import (
	"nianbao/report"
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
