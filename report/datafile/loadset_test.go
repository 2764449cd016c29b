package datafile

import (
	"path/filepath"
	"reflect"
	"testing"
)

// TestLoadSet: the targets come back in their order and the files beside
// them sorted, each loaded as LoadFile loads it alone, however the loads
// were spread over the cores.
func TestLoadSet(t *testing.T) {
	dir := filepath.Join("..", "..", "data", "shili-office")
	for _, c := range []struct {
		name     string
		targets  []string
		siblings []string
	}{
		{"one year", []string{"2024.yaml"}, []string{"2019.yaml", "2020.yaml", "2021.yaml", "2022.yaml", "2023.yaml"}},
		{"two years, out of order", []string{"2023.yaml", "2020.yaml"}, []string{"2019.yaml", "2021.yaml", "2022.yaml", "2024.yaml"}},
		{"none", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var paths []string
			for _, p := range c.targets {
				paths = append(paths, filepath.Join(dir, p))
			}
			for range 3 {
				targets, siblings := LoadSet(paths)
				for i, set := range [][]Loaded{targets, siblings} {
					want := [][]string{c.targets, c.siblings}[i]
					if len(set) != len(want) {
						t.Fatalf("set %d: %d files, want %d", i, len(set), len(want))
					}
					for k, l := range set {
						p := filepath.Join(dir, want[k])
						r, ps := LoadFile(p)
						if l.Path != p || !reflect.DeepEqual(l.Report, r) || !reflect.DeepEqual(l.Problems, ps) {
							t.Errorf("set %d, file %d: %s, want %s loaded alone", i, k, l.Path, p)
						}
					}
				}
			}
		})
	}
}
