package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"nianbao/report/datafile"
	"nianbao/report/output"
	"os"
	"regexp"
	"strings"

	"nianbao/report"
	"nianbao/report/publish"
)

// command is one subcommand of nianbao. Its full help, in Chinese with
// examples, is help/{name}.txt.
type command struct {
	name    string
	summary string // one line, Chinese
	run     func(e *env, args []string) error
}

// helpFiles hold the help of nianbao (nianbao.txt) and of each command:
// user documentation, kept as text so it reads and diffs as such.
//
//go:embed help/*.txt
var helpFiles embed.FS

func helpText(name string) string {
	b, err := helpFiles.ReadFile("help/" + name + ".txt")
	if err != nil {
		panic(err) // a command without help is a build mistake
	}
	return string(b)
}

// help is the command's full help. {{formats}} (in build's) lists the
// build formats.
func (c *command) help() string {
	var fl strings.Builder
	for _, f := range output.Formats {
		fmt.Fprintf(&fl, "  --%-6s  %s\n", f, formatSummaries[f])
	}
	return strings.Replace(helpText(c.name), "{{formats}}\n", fl.String(), 1)
}

// env is what a command may touch: its output streams. Commands get
// everything else (files, flags) from their arguments. stdout and stderr
// escape control characters (terminalSafe); tty is the raw stderr, for the
// progress bar's own control sequences.
type env struct {
	stdout, stderr io.Writer
	tty            io.Writer
}

// terminalSafe passes text through with every character a terminal would
// act on rather than show (report.Printable's set, except newline and tab)
// written as \uXXXX: a file name or a value from a hostile file cannot
// move the cursor, clear the screen or reverse the text of a message.
type terminalSafe struct{ w io.Writer }

func (t terminalSafe) Write(p []byte) (int, error) {
	s := string(p)
	if safe := report.PrintableText(s); safe != s {
		_, err := io.WriteString(t.w, safe)
		return len(p), err
	}
	return t.w.Write(p)
}

// exitCode is returned by a command to end with a specific status without
// printing anything more.
type exitCode int

func (c exitCode) Error() string { return fmt.Sprintf("exit %d", int(c)) }

// usageError is a mistake in how the command was called (exit status 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// commands are nianbao's subcommands, in the order of the main help.
var commands = []*command{
	initCmd, checkCmd, buildCmd, siteCmd, xlsxCmd, exportCmd, importCmd, ingestCmd,
	compareCmd, mergeCmd, workplanCmd, templatesCmd, rulesCmd, placeholdersCmd, schemaCmd, versionCmd,
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func printMainUsage(w io.Writer) {
	var b strings.Builder
	width := 0
	for _, c := range commands {
		width = max(width, len(c.name))
	}
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintf(w, helpText("nianbao"), b.String())
}

// Main runs nianbao with args (without the program name) and returns the
// exit status: 0 success, 1 problems found or the job failed, 2 usage error.
func Main(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: terminalSafe{stdout}, stderr: terminalSafe{stderr}, tty: stderr}
	if len(args) == 0 {
		printMainUsage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "--version", "-version", "-V":
		name, args = "version", []string{"version"}
	case "-h", "--help", "-help", "help":
		if name == "help" && len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				fmt.Fprint(stdout, c.help())
				return 0
			}
			fmt.Fprintf(stderr, "nianbao: 没有“%s”这个命令\n", args[1])
			printMainUsage(stderr)
			return 2
		}
		printMainUsage(stdout)
		return 0
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(stderr, "nianbao: 没有“%s”这个命令\n\n", name)
		printMainUsage(stderr)
		return 2
	}
	err := c.run(e, args[1:])
	var code exitCode
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, c.help())
		return 0
	case errors.As(err, &code):
		return int(code)
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "nianbao %s: %s\n运行 nianbao %s --help 查看用法\n", c.name, ue.msg, c.name)
		return 2
	default:
		fmt.Fprintf(stderr, "nianbao %s: %s\n", c.name, err)
		return 1
	}
}

// parseFlags parses flags anywhere among args (flag stops at the first
// positional argument; users write `check data/ --strict`) and returns the
// positional arguments. Errors come back in Chinese.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{translateFlagError(err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

var (
	flagUndefinedRE = regexp.MustCompile(`^flag provided but not defined: (.*)$`)
	flagNeedsArgRE  = regexp.MustCompile(`^flag needs an argument: (.*)$`)
	flagInvalidRE   = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for flag (\S+): (.*)$`)
)

func translateFlagError(err error) string {
	msg := err.Error()
	if m := flagUndefinedRE.FindStringSubmatch(msg); m != nil {
		return "没有这个选项：" + m[1]
	}
	if m := flagNeedsArgRE.FindStringSubmatch(msg); m != nil {
		return "选项 " + m[1] + " 需要一个值"
	}
	if m := flagInvalidRE.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("选项 %s 的值“%s”无效", m[2], m[1])
	}
	return msg
}

// parseNoArgs parses the flags of a command that takes no arguments.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	rest, err := parseFlags(fs, args)
	if err == nil && len(rest) > 0 {
		err = usagef("多余的参数：%s", strings.Join(rest, " "))
	}
	return err
}

// findFiles lists the data files under paths; finding none is an error.
func findFiles(paths []string) ([]string, error) {
	files, err := datafile.FindDataFiles(paths)
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("在 %s 中没有找到 .yaml 数据文件", strings.Join(paths, "、"))
	}
	return files, err
}

// printProblems prints the errors and warnings of ps (not the infos) and
// reports whether there was an error.
func printProblems(w io.Writer, ps report.Problems) bool {
	for _, p := range ps {
		if p.Severity != report.Info {
			fmt.Fprintln(w, p)
		}
	}
	return ps.HasErrors()
}

// writeOutput writes data to path atomically (through publish). It never
// replaces one of the command's inputs, and replaces another existing file
// only with force.
func writeOutput(path string, data []byte, inputs []string, force bool) error {
	if err := publish.CheckOutput(path, inputs, force); err != nil {
		return err
	}
	_, err := publish.WriteFile(path, data)
	return err
}

// subcommand checks that args start with the only subcommand name of a
// command (example shows a whole call), or asks for help.
func subcommand(args []string, name, example string) error {
	switch {
	case len(args) == 0:
		return usagef("请给出子命令，例如 %s", example)
	case args[0] == "-h", args[0] == "--help", args[0] == "-help", args[0] == "help":
		return flag.ErrHelp
	case args[0] != name:
		return usagef("没有“%s”这个子命令；可用的子命令：%s", args[0], name)
	}
	return nil
}

// checkOutDir refuses an -o that cannot be an output directory: an
// existing file (saying so when it is one of the data files), or a path
// below a file. It writes nothing.
func checkOutDir(out string, dataFiles []string) error {
	st, err := os.Stat(out)
	switch {
	case err == nil && !st.IsDir():
		what := "文件"
		if publish.NewInputs(dataFiles).Contains(out) {
			what = "文件（输入数据文件）"
		}
		return usagef("-o 应为目录，%s 是%s。请另给一个输出目录，例如 -o out/", out, what)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return usagef("-o %s 不能用作输出目录：%s", out, publish.Reason(err))
	}
	return nil
}
