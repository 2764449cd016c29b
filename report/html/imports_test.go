package html

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports: each renderer (this one and report/pdf) imports report, templates and its own libraries,
// never another renderer or another renderer's library (architecture.md).
func TestImports(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not found")
	}
	for pkg, own := range map[string][]string{
		"nianbao/report/html": {"github.com/go-echarts/", "github.com/yuin/goldmark"},
		"nianbao/report/pdf":  {"codeberg.org/go-pdf/fpdf"},
	} {
		out, err := exec.Command(goTool, "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for dep := range strings.FieldsSeq(string(out)) {
			switch {
			case dep == pkg, dep == "nianbao/report", dep == "nianbao/templates":
			case strings.HasPrefix(dep, "nianbao/"):
				t.Errorf("%s imports %s", pkg, dep)
			case !strings.Contains(strings.SplitN(dep, "/", 2)[0], "."):
				// standard library
			case dep == "go.yaml.in/yaml/v3": // through nianbao/report
			default:
				ok := false
				for _, p := range own {
					ok = ok || strings.HasPrefix(dep, p)
				}
				if !ok {
					t.Errorf("%s imports %s, which is not its own library", pkg, dep)
				}
			}
		}
	}
}
