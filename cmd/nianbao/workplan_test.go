package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestWorkplanScripts runs the txtar scripts in testdata/workplan. Each
// work directory gets the 任务分解表 fixture (a binary .xlsx, which a txtar
// archive cannot hold) as 任务分解表.xlsx, and the report fixtures.
func TestWorkplanScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/workplan",
		Setup: func(env *testscript.Env) error {
			copies := map[string]string{
				"../../report/xlsx/testdata/shenyang-2022.xlsx": "任务分解表.xlsx",
				"../../report/testdata/valid2021.yaml":          "2022.yaml",
			}
			for from, to := range copies {
				data, err := os.ReadFile(filepath.FromSlash(from))
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(env.WorkDir, to), data, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds:          scriptCmds,
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") == "1",
	})
}
