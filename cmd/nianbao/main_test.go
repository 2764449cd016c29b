package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

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
	"setcell":    setCellCmd,
}

// setCellCmd: setcell FILE SHEET CELL VALUE [CELL VALUE]... types values
// into a workbook as a clerk would in Excel: the sheet's protection is
// lifted, a whole number is stored as a number (replacing a formula), any
// other value as text.
func setCellCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 4 || len(args)%2 != 0 {
		ts.Fatalf("usage: setcell FILE SHEET CELL VALUE [CELL VALUE]...")
	}
	path, sheet := ts.MkAbs(args[0]), args[1]
	f, err := excelize.OpenFile(path)
	ts.Check(err)
	defer f.Close()
	ts.Check(f.UnprotectSheet(sheet))
	for i := 2; i < len(args); i += 2 {
		var v any = args[i+1]
		if n, err := strconv.Atoi(args[i+1]); err == nil {
			v = n
		}
		ts.Check(f.SetCellValue(sheet, args[i], v))
	}
	ts.Check(f.Save())
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

func TestVersionLine(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, tc := range []struct {
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{nil, false, "nianbao（没有构建信息）"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"},
			Settings: settings("vcs.revision", "0123456789abcdef0123", "vcs.time", "2026-11-29T20:00:00Z", "vcs.modified", "false")},
			true, "nianbao v1.2.0，提交 0123456789ab（2026-11-29T20:00:00Z），go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: settings("vcs.revision", "abc", "vcs.modified", "true")},
			true, "nianbao 开发版，提交 abc，含未提交的修改，go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8"}, true, "nianbao 开发版，源代码提交不明（不是从 git 检出的目录构建），go1.26.8"},
	} {
		if got := versionLine(tc.info, tc.ok); got != tc.want {
			t.Errorf("versionLine = %q, want %q", got, tc.want)
		}
	}
}

// TestTerminalSafe: a file name with terminal control sequences and bidi
// controls is printed escaped, never raw.
func TestTerminalSafe(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("control characters are not allowed in Windows file names")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "x\x1b[2J\u202Eevil.yaml")
	if err := os.WriteFile(name, []byte("year: [1,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	code := Main([]string{"check", name}, &stdout, &stderr)
	out := stdout.String() + stderr.String()
	if code != 1 || strings.ContainsAny(out, "\x1b\u202E") || !strings.Contains(out, `x\u001B[2J\u202Eevil.yaml`) {
		t.Errorf("exit %d, output %q: want exit 1 and the name escaped", code, out)
	}
}
