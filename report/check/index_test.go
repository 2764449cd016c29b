package check

import (
	"path/filepath"
	"reflect"
	"testing"

	"nianbao/report/datafile"
)

// TestIndexMatchesCheckSet: checking each file against an Index of the
// pool gives what CheckSet gives for that file alone.
func TestIndexMatchesCheckSet(t *testing.T) {
	for _, dir := range []string{"../../data/shili-office", "../../data/shili-region/units/fgw", "testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if len(files) == 0 {
			continue
		}
		targets := datafile.LoadFiles(files)
		pool := append(append([]datafile.Loaded{}, targets...), datafile.Siblings(files)...)
		ix := NewIndex(pool)
		for _, tg := range targets {
			want := CheckSet([]datafile.Loaded{tg}, pool)
			if got := ix.Check(tg); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: Index.Check gives %d problems, CheckSet %d:\n%v\n%v", tg.Path, len(got), len(want), got, want)
			}
		}
	}
}
