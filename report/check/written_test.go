package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWritten: a file just written is checked against the files beside it
// on disk (last year's carry-over, X-1) and its problems name its lines.
func TestWritten(t *testing.T) {
	src := filepath.Join("..", "..", "data", "shili-office")
	cur, err := os.ReadFile(filepath.Join(src, "2024.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	prev, err := os.ReadFile(filepath.Join(src, "2023.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		lastYear bool // 2023.yaml beside it
		edit     func(string) string
		want     string // a rule among the errors, "" none
	}{
		{"alone", false, nil, ""},
		{"with last year", true, nil, ""},
		{"carry-over differs from last year", true, func(s string) string {
			return strings.Replace(s, "carried_over:      [5, 1, 0, 0, 0, 0, 6]", "carried_over:      [9, 1, 0, 0, 0, 0, 10]", 1)
		}, "X-1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if c.lastYear {
				os.WriteFile(filepath.Join(dir, "2023.yaml"), prev, 0o644)
			}
			data := string(cur)
			if c.edit != nil {
				data = c.edit(data)
			}
			ps := Written(filepath.Join(dir, "2024.yaml"), []byte(data))
			var rules []string
			for _, p := range ps {
				if p.Severity.Key() == "error" {
					rules = append(rules, p.Rule)
					if p.Pos.Line == 0 && p.Rule == c.want {
						t.Errorf("%s names no line: %v", p.Rule, p)
					}
				}
			}
			got := strings.Join(rules, " ")
			if (c.want == "") != (got == "") || c.want != "" && !strings.Contains(got, c.want) {
				t.Errorf("errors %q, want %q", got, c.want)
			}
		})
	}
}
