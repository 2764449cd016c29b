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
