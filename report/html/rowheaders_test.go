package html

import (
	"regexp"
	"strings"
	"testing"

	"nianbao/report/internal/golden"
)

// TestWorkPlanRowHeaders: in the work-plan ledger only the task heads its
// row (<th scope="row">); 事项, 牵头单位, 完成时限, 落实状态 and 落实情况 are
// data cells that name it in their headers (screen readers read a row by
// its task, not by six headers).
func TestWorkPlanRowHeaders(t *testing.T) {
	page := string(renderPage(t, golden.LoadDoc(t, "../../data/shili-office/2024.yaml"), Options{}))
	i := strings.Index(page, `<table id="workplan"`)
	if i < 0 {
		t.Fatal("no work-plan table in the office 2024 page")
	}
	table := page[i : i+strings.Index(page[i:], "</table>")]
	body := table[strings.Index(table, "<tbody"):]
	rows := regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(body, -1)
	if len(rows) < 3 {
		t.Fatalf("work-plan table has %d body rows", len(rows))
	}
	for _, r := range rows {
		if n := strings.Count(r[1], `scope="row"`); n != 1 {
			t.Errorf("%d row headers in a ledger row, want 1: %.200s", n, r[1])
		}
		if strings.Count(r[1], "<td") < 5 {
			t.Errorf("ledger row has fewer than 5 data cells: %.200s", r[1])
		}
	}
}
