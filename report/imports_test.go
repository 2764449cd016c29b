package report_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestImportRules enforces the layout of architecture.md with `go list
// -deps`: the domain imports only the standard library, only datafile
// reads YAML, no renderer imports another renderer, and the readers of
// tables (xlsx, ingest) know nothing of the task-table importer
// (tasktable), which reads their grids.
func TestImportRules(t *testing.T) {
	renderers := []string{"nianbao/report/pdf", "nianbao/report/html", "nianbao/report/xlsx", "nianbao/report/docx", "nianbao/report/plain"}
	for _, tc := range []struct {
		pkg     string
		allowed []string // non-standard-library dependencies allowed (prefixes)
		denied  []string // never allowed (prefixes), checked even when allowed matches
	}{
		{pkg: "nianbao/report"},
		{pkg: "nianbao/report/publish", allowed: []string{"nianbao/report"}},
		{pkg: "nianbao/report/zipguard"},
		{pkg: "nianbao/report/tasktable", allowed: []string{"nianbao/report", "nianbao/report/xlsx", "nianbao/report/ingest", "nianbao/report/zipguard", "nianbao/report/datafile", "nianbao/report/check", "nianbao/report/publish", "nianbao/templates", "go.yaml.in/yaml/v3", "github.com/xuri/", "github.com/richardlehane/", "github.com/tiendc/", "golang.org/x/"}, denied: []string{"nianbao/report/pdf", "nianbao/report/html", "nianbao/report/docx", "nianbao/report/plain", "nianbao/report/output"}},
		{pkg: "nianbao/report/datafile", allowed: []string{"nianbao/report", "nianbao/report/zipguard", "go.yaml.in/yaml/v3"}, denied: append(renderers, "nianbao/report/check")},
		{pkg: "nianbao/report/check", allowed: []string{"nianbao/report", "nianbao/report/datafile", "nianbao/report/zipguard", "go.yaml.in/yaml/v3"}, denied: renderers},
		{pkg: "nianbao/report/ingest", allowed: []string{"nianbao/report", "nianbao/report/datafile", "nianbao/report/check", "nianbao/report/publish", "nianbao/report/zipguard", "go.yaml.in/yaml/v3", "golang.org/x/"}, denied: append(renderers, "nianbao/report/tasktable")},
		{pkg: "nianbao/report/merge", allowed: []string{"nianbao/report", "nianbao/report/datafile", "nianbao/report/zipguard", "nianbao/report/check", "go.yaml.in/yaml/v3"}, denied: renderers},
		{pkg: "nianbao/report/site", allowed: []string{"nianbao/report", "nianbao/report/datafile", "nianbao/report/zipguard", "nianbao/report/check", "nianbao/report/html", "nianbao/report/publish", "nianbao/templates", "go.yaml.in/yaml/v3", "github.com/go-echarts/", "github.com/yuin/goldmark", "golang.org/x/"}, denied: []string{"nianbao/report/pdf", "nianbao/report/xlsx", "nianbao/report/docx"}},
		{pkg: "nianbao/report/output", allowed: []string{"nianbao/", "codeberg.org/go-pdf/fpdf", "github.com/", "go.yaml.in/yaml/v3", "golang.org/x/"}, denied: []string{"nianbao/cmd"}},
		{pkg: "nianbao/report/pdf", allowed: []string{"nianbao/report", "nianbao/templates", "codeberg.org/go-pdf/fpdf", "go.yaml.in/yaml/v3", "golang.org/x/"}, denied: without(renderers, "nianbao/report/pdf")},
		{pkg: "nianbao/report/html", allowed: []string{"nianbao/report", "nianbao/templates", "github.com/go-echarts/", "github.com/yuin/goldmark", "golang.org/x/"}, denied: without(renderers, "nianbao/report/html")},
		{pkg: "nianbao/report/plain", allowed: []string{"nianbao/report", "golang.org/x/"}, denied: without(renderers, "nianbao/report/plain")},
		{pkg: "nianbao/report/docx", allowed: []string{"nianbao/report", "nianbao/report/zipguard", "nianbao/templates"}, denied: without(renderers, "nianbao/report/docx")},
		{pkg: "nianbao/report/xlsx", allowed: []string{"nianbao/report", "nianbao/report/zipguard", "nianbao/templates", "github.com/xuri/", "github.com/richardlehane/", "github.com/tiendc/", "golang.org/x/"}, denied: append(without(renderers, "nianbao/report/xlsx"), "nianbao/report/tasktable", "nianbao/report/ingest")},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", tc.pkg).CombinedOutput()
			if err != nil {
				t.Fatalf("go list %s: %v\n%s", tc.pkg, err, out)
			}
			for _, dep := range strings.Fields(string(out)) {
				if dep == tc.pkg {
					continue
				}
				for _, d := range tc.denied {
					if dep == d || strings.HasPrefix(dep, d+"/") {
						t.Errorf("%s imports %s, which the layout forbids", tc.pkg, dep)
					}
				}
				if !slices.ContainsFunc(tc.allowed, func(a string) bool {
					switch {
					case dep == a:
						return true
					case strings.HasSuffix(a, "/"): // a module path prefix
						return strings.HasPrefix(dep, a)
					case strings.HasPrefix(a, "nianbao"): // our packages: exactly
						return false
					default: // a module and its packages
						return strings.HasPrefix(dep, a+"/")
					}
				}) {
					t.Errorf("%s imports %s, which is not in its allowed list", tc.pkg, dep)
				}
			}
		})
	}
}

func without(list []string, s string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(x string) bool { return x == s })
}

// TestNoNetwork: nianbao never goes on the network, and its binary carries
// no network stack: net/http would bring TLS, 1.5 MB and megabytes of
// start-up memory into every process (zipguard.Sniff sniffs content
// instead of http.DetectContentType).
func TestNoNetwork(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "nianbao/cmd/nianbao").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "net/http" || dep == "crypto/tls" || dep == "net/rpc" {
			t.Errorf("nianbao/cmd/nianbao depends on %s", dep)
		}
	}
}
