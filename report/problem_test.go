package report

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestProblemsJSON: check --json's document: counts by severity, each
// problem with its position, and no HTML escaping of 《》<>.
func TestProblemsJSON(t *testing.T) {
	ps := Problems{
		{File: "a.yaml", Pos: Pos{Line: 3, Col: 5}, Path: "requests.received[0]", Rule: "T3-1", Severity: Error, Msg: "《表三》<不符>"},
		{File: "a.yaml", Rule: "TX-5", Severity: Warning, Msg: "雷同"},
		{File: "b.yaml", Rule: "S-5", Severity: Error, Msg: "未填写"},
	}
	out := ps.JSON(2)
	var doc struct {
		Files, Errors, Warnings, Infos int
		Problems                       []map[string]any
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Files != 2 || doc.Errors != 2 || doc.Warnings != 1 || doc.Infos != 0 || len(doc.Problems) != 3 {
		t.Errorf("counts: %+v", doc)
	}
	if p := doc.Problems[0]; p["line"] != 3.0 || p["column"] != 5.0 || p["severity"] != "error" || p["path"] != "requests.received[0]" {
		t.Errorf("first problem: %v", p)
	}
	if _, ok := doc.Problems[1]["line"]; ok {
		t.Errorf("a problem without a line has a line: %v", doc.Problems[1])
	}
	if !strings.Contains(string(out), "《表三》<不符>") || !strings.HasSuffix(string(out), "}\n") {
		t.Errorf("escaped or unterminated: %s", out)
	}
	if n := ps.CountRule(Error, "S-5"); n != 1 {
		t.Errorf("CountRule(Error, S-5) = %d", n)
	}
	if empty := string(Problems(nil).JSON(0)); !strings.Contains(empty, `"problems": []`) {
		t.Errorf("no problems: %s", empty)
	}
}
