package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"nianbao/report/pdf"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"nianbao": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the txtar scripts in testdata/script. Each work
// directory gets the report fixtures under fixtures/.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			dir := filepath.Join(env.WorkDir, "fixtures")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			for _, name := range []string{"valid2021.yaml", "valid2019.yaml", "prev2021.yaml", "prev2019.yaml"} {
				data, err := os.ReadFile(filepath.Join("..", "..", "report", "testdata", name))
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds:          scriptCmds,
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") == "1",
	})
}

// scriptCmds are the script commands of nianbao's txtar scripts besides
// testscript's own, so that no script runs a Unix tool (sed, cat) and the
// scripts run on Windows too.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"replace":    replaceCmd,
	"cat":        catCmd,
	"subsetfont": subsetFontCmd,
}

// subsetFontCmd: subsetfont FILE CHARS writes a TrueType font cut from the
// embedded body font without the characters of CHARS, standing in for an
// office's incomplete font.
func subsetFontCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: subsetfont FILE CHARS")
	}
	reg, _, err := pdf.DefaultFonts()
	ts.Check(err)
	var keep []rune
	for r := rune(0x20); r < 0xFFFF; r++ {
		if reg.Has(r) && !strings.ContainsRune(args[1], r) {
			keep = append(keep, r)
		}
	}
	data, err := reg.Subset(keep)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// replaceCmd: replace [-once] FILE OLD NEW [OLD NEW]...
// replaces every occurrence of each literal OLD in FILE by NEW (only the
// first with -once); \n in OLD and NEW stands for a line break. It fails
// when an OLD does not occur.
func replaceCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! replace")
	}
	n := -1
	if len(args) > 0 && args[0] == "-once" {
		n, args = 1, args[1:]
	}
	if len(args) < 3 || len(args)%2 == 0 {
		ts.Fatalf("usage: replace [-once] FILE OLD NEW [OLD NEW]...")
	}
	text := ts.ReadFile(args[0])
	for i := 1; i < len(args); i += 2 {
		old, repl := strings.ReplaceAll(args[i], `\n`, "\n"), strings.ReplaceAll(args[i+1], `\n`, "\n")
		if !strings.Contains(text, old) {
			ts.Fatalf("replace: %s does not contain %q", args[0], old)
		}
		text = strings.Replace(text, old, repl, n)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(text), 0o644))
}

// catCmd: cat FILE... writes the files one after another to stdout.
func catCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! cat")
	}
	for _, f := range args {
		_, err := ts.Stdout().Write([]byte(ts.ReadFile(f)))
		ts.Check(err)
	}
}
