package check

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nianbao/report"
)

// ruleID is the shape of every rule ID: a family (S, T3, TX, PDF…) and a number.
var ruleID = regexp.MustCompile(`^(S|T[0-9]|X|M|F|TX|WP|PDF|XL|IN|D)-[0-9]+$`)

// TestEveryEmittedRuleRegistered scans every non-test Go file of the
// module (every package: report/..., cmd/..., and any added later) for
// string literals shaped like a rule ID and requires each to be in
// report.Rules, so `nianbao rules` lists every ID any command can print,
// including the PDF renderer's, the importers' and the merge's. It also
// requires every registered rule to be emitted somewhere.
func TestEveryEmittedRuleRegistered(t *testing.T) {
	emitted := map[string]string{} // ID → first file
	dirs := map[string]bool{}      // package directories scanned
	fset := token.NewFileSet()
	for _, root := range []string{"../.."} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != root && (d.Name() == "testdata" || d.Name() == "vendor" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			dirs[filepath.ToSlash(filepath.Dir(path))] = true
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err == nil && ruleID.MatchString(s) {
					if _, seen := emitted[s]; !seen {
						emitted[s] = fset.Position(lit.Pos()).String()
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	registered := map[string]bool{}
	for _, r := range report.Rules {
		if registered[r.ID] {
			t.Errorf("rule %s is registered twice", r.ID)
		}
		registered[r.ID] = true
		if r.Title == "" || r.Basis == "" {
			t.Errorf("rule %s has no title or basis", r.ID)
		}
	}
	for id, where := range emitted {
		if !registered[id] {
			t.Errorf("%s: rule %s is emitted but not registered in report.Rules", where, id)
		}
	}
	for id := range registered {
		if _, ok := emitted[id]; !ok {
			t.Errorf("rule %s is registered but no code emits it", id)
		}
	}
	// The packages that emit rule IDs must be among those scanned.
	for _, dir := range []string{"report", "report/check", "report/datafile", "report/merge", "report/pdf", "report/xlsx", "cmd/nianbao"} {
		if !dirs["../../"+dir] {
			t.Errorf("the scan did not read package %s", dir)
		}
	}
	if len(emitted) < 30 {
		t.Fatalf("found only %d rule IDs; the scan is broken", len(emitted))
	}
}
