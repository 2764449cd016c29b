package check

import (
	"fmt"
	"nianbao/report"
)

// checkPlaceholders reports unknown names (error) and 上年/同比 forms without
// a previous year's file (warning), with their lines.
func (c *checker) checkPlaceholders() {
	// S-11: sections too long once expanded, counted without expanding.
	for _, p := range report.ExpansionProblems(c.r, c.prev) {
		if c.ok(p.Path) {
			c.ps = append(c.ps, p)
		}
	}
	for i, s := range report.TextSections {
		path := "text." + s.Key
		t := c.r.Text[i]
		for _, ref := range report.FindPlaceholders(t.Body) {
			def, known := report.PlaceholderByName[ref.Name]
			pos := func() report.Pos { return posIn(t, ref.Start) }
			switch {
			case !known:
				msg := fmt.Sprintf("未知的占位符“{{%s}}”，可用的名称见 nianbao placeholders", ref.Name)
				if n := report.Nearest(ref.Name, placeholderNames()); n != "" {
					msg = fmt.Sprintf("未知的占位符“{{%s}}”，是不是“{{%s}}”？可用的名称见 nianbao placeholders", ref.Name, n)
				}
				c.add(pos(), path, "TX-7", "%s", msg)
			case ref.Suffix != "" && ref.Suffix != "上年" && ref.Suffix != "同比":
				c.add(pos(), path, "TX-7", "占位符“{{%s.%s}}”的后缀无效：只能是 .上年 或 .同比", ref.Name, ref.Suffix)
			case ref.Suffix != "" && def.Count == nil:
				c.add(pos(), path, "TX-7", "占位符“{{%s}}”没有 .%s 形式", ref.Name, ref.Suffix)
			case ref.Suffix != "" && c.prev == nil:
				p := report.Problemf(c.r.File, pos(), path, "TX-7", "占位符“{{%s.%s}}”需要上一年度报告文件（同一目录、同一机关、%d 年度），没有找到，将印为“—”",
					ref.Name, ref.Suffix, c.r.Year-1)
				p.Severity = report.Warning
				c.ps = append(c.ps, p)
			}
		}
	}
}

func placeholderNames() []string {
	out := make([]string, len(report.Placeholders))
	for i, p := range report.Placeholders {
		out[i] = p.Name
	}
	return out
}
