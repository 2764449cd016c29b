package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/docx"
	"nianbao/report/html"
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
	files, err := templateFiles()
	if err != nil {
		return err
	}
	// Besides the built-in files, an example Word letterhead (红头) for
	// build --docx: made for --organ, for the office to adapt in Word.
	files = append(files, letterheadFile)
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
		if name == letterheadFile {
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
		dir, len(files), filepath.Join(dir, "README.md"), dir, dir, dir)
	return nil
}

// templateFiles lists every file of the built-in templates (templates.FS,
// whatever it holds: HTML templates, stylesheets, ECharts, the PDF layout,
// README.md, site.yaml …), sorted. The PDF fonts are not in it.
func templateFiles() ([]string, error) {
	var out []string
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		out = append(out, p)
		return nil
	})
	slices.Sort(out)
	return out, err
}

// templatesFS returns the templates the renderers use for --templates dir:
// the office's folder laid over the built-in templates.FS (a file present
// in dir replaces the built-in one of the same name; any other comes from
// the built-in set). dir "" gives templates.FS itself. The renderers
// (html.Options.Templates, and the PDF layout) read only through it.
func templatesFS(dir string) (fs.FS, error) {
	if dir == "" {
		return templates.FS, nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("--templates %s: 找不到此目录。可用 nianbao templates init %s 生成", dir, dir)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("--templates %s: 不是目录", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return overlayFS{top: os.DirFS(abs), base: templates.FS}, nil
}

// overlayFS reads a name from top, or from base when top has no such
// file; a directory lists the entries of both. It is comparable (html
// caches parsed templates per file system).
type overlayFS struct {
	top, base fs.FS
}

func (o overlayFS) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		return f, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return o.base.Open(name)
	}
	return nil, err
}

func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	top, terr := fs.ReadDir(o.top, name)
	base, berr := fs.ReadDir(o.base, name)
	if terr != nil && berr != nil {
		return nil, terr
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range top {
		seen[e.Name()] = true
		out = append(out, e)
	}
	for _, e := range base {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// dirPrefix is dir as the start of a file name in a message ("" for none).
func dirPrefix(dir string) string {
	if dir == "" {
		return ""
	}
	return strings.TrimSuffix(filepath.ToSlash(filepath.Clean(dir)), "/") + "/"
}

// templateSet is what --templates gives a command: the overlay, the site
// settings of its site.yaml, and the HTML options to start from.
// letterheadFile is the office's Word letterhead in a templates folder:
// the base of build --docx when no --docx-template is given.
const letterheadFile = "letterhead.docx"

type templateSet struct {
	FS   fs.FS
	Dir  string // the --templates folder, "" for the built-in set
	Site report.Site
}

// loadTemplates opens --templates dir, reads its site.yaml and renders
// every kind of page once with a sample report, so that a mistake in a
// template stops the command before it writes anything. The error names
// the file, line and cause.
func loadTemplates(dir string) (templateSet, error) {
	fsys, err := templatesFS(dir)
	if err != nil {
		return templateSet{}, err
	}
	if dir == "" {
		return templateSet{FS: fsys}, nil // the built-in set is tested; its site.yaml is empty
	}
	site, err := datafile.LoadSite(fsys)
	if err != nil {
		return templateSet{}, fmt.Errorf("%s%v", dirPrefix(dir), err)
	}
	sample := datafile.LoadBytes("示例.yaml", string(datafile.Scaffold(2024, "示例市人民政府办公室")))
	if sample.Report == nil {
		return templateSet{}, fmt.Errorf("内部错误：示例数据无法加载")
	}
	if err := html.Check(html.Options{Templates: fsys, Site: site}, sample.Report); err != nil {
		var te *html.TemplateErr
		if errors.As(err, &te) {
			return templateSet{}, fmt.Errorf("%s%v", dirPrefix(dir), err)
		}
		return templateSet{}, fmt.Errorf("--templates %s: %v", dir, err)
	}
	return templateSet{FS: fsys, Dir: dir, Site: site}, nil
}
