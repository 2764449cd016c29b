package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"nianbao/report"
	"nianbao/report/docx"
	"nianbao/report/output"
	"nianbao/report/publish"
	"nianbao/templates"
)

var templatesCmd = &command{
	name:    "templates",
	summary: "把内置的网页模板、样式表和 PDF 版式写到一个目录，供本单位修改（配合 --templates 使用）",
	run:     runTemplates,
}

func runTemplates(e *env, args []string) error {
	if err := subcommand(args, "init", "nianbao templates init 模板目录"); err != nil {
		return err
	}
	fset := flag.NewFlagSet("templates init", flag.ContinueOnError)
	force := fset.Bool("force", false, "")
	organ := fset.String("organ", "××××××", "")
	rest, err := parseFlags(fset, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("请给出一个模板目录，例如 nianbao templates init 本单位模板/")
	}
	dir := rest[0]
	files, err := output.TemplateFiles()
	if err != nil {
		return err
	}
	// Besides the built-in files, an example Word letterhead (红头) for
	// build --docx: made for --organ, for the office to adapt in Word.
	files = append(files, output.LetterheadFile)
	if !*force {
		for _, name := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if _, err := os.Lstat(p); err == nil {
				return fmt.Errorf("%s 已存在，未写入任何文件。确需覆盖请加 --force（会覆盖已修改的模板）", p)
			}
		}
	}
	for _, name := range files {
		var data []byte
		if name == output.LetterheadFile {
			data = docx.Letterhead(strings.TrimSpace(*organ))
		} else if data, err = fs.ReadFile(templates.FS, name); err != nil {
			return err
		}
		p, err := publish.Join(dir, name)
		if err != nil {
			return err
		}
		if _, err := publish.WriteFile(p, data); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stderr, "已在 %s 写入 %d 个文件（说明见 %s）。修改后用 --templates %s 生成，例如：\n  nianbao build data/ -o out/ --templates %s\n  nianbao site data/ -o public/ --templates %s\n",
		dir, len(files), filepath.Join(dir, "README.md"), report.ShellArg(dir), report.ShellArg(dir), report.ShellArg(dir))
	return nil
}
