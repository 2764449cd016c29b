package html

import (
	goldenpkg "nianbao/report/internal/golden"
	"strings"
	"testing"
)

func TestBreakdownPage(t *testing.T) {
	page, err := BreakdownPage(goldenpkg.BreakdownSample(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		`<html lang="zh-CN">`,
		"甲局&lt;script&gt;alert(1)&lt;/script&gt;",
		"units/a&amp;b.yaml",
		`<tr class="missing"><th scope="row">乙局</th><td>未报送</td><td class="num">—</td><td class="share">—</td>`,
		`<td class="num">3</td><td class="share">100.0%</td>`,
		"共 2 个单位：已报送 1 个，未报送 1 个，有错误 0 个",
		"<h2>表四 政府信息公开行政复议、行政诉讼情况（件）</h2>",
		`<tr><th scope="col">项目</th><th scope="col">甲局&lt;script&gt;alert(1)&lt;/script&gt;</th><th scope="col">合计</th></tr>`,
		`<tr><th scope="row" class="level0">行政复议：结果维持</th><td class="num">2</td><td class="num">2</td></tr>`,
		`<th scope="row" class="level1">实际收取的总金额（元）</th><td class="num">12.50</td>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page does not contain %q", want)
		}
	}
	for _, bad := range []string{"<script>", "http://", "https://", "src="} {
		if strings.Contains(s, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}

// The published copy (Breakdown.Public) shows no data file paths.
func TestBreakdownPagePublic(t *testing.T) {
	page, err := BreakdownPage(goldenpkg.BreakdownSample().Public(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"units/", "数据文件", `class="file"`} {
		if strings.Contains(string(page), bad) {
			t.Errorf("public page contains %q", bad)
		}
	}
}
