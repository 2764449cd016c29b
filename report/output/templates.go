package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/html"
	"nianbao/templates"
)

// LetterheadFile is the office's Word letterhead in a templates folder:
// the base of the Word output when no --docx-template is given.
const LetterheadFile = "letterhead.docx"

// Templates are what --templates gives the renderers: the office's folder
// laid over the built-in templates (FS), the folder itself (Dir, "" for
// the built-in set; its fonts/ holds the PDF layout's font files) and the
// portal settings of its site.yaml.
type Templates struct {
	FS   fs.FS
	Dir  string
	Site report.Site
}

// LoadTemplates opens the templates folder dir ("" for the built-in set),
// reads its site.yaml and renders every kind of page once with a sample
// report, so that a mistake in a template stops a command before it writes
// anything. The error, in Chinese, names the file, line and cause.
func LoadTemplates(dir string) (Templates, error) {
	fsys, err := overlay(dir)
	if err != nil {
		return Templates{}, err
	}
	if dir == "" {
		return Templates{FS: fsys}, nil // the built-in set is tested; its site.yaml is empty
	}
	site, err := datafile.LoadSite(fsys)
	if err != nil {
		return Templates{}, fmt.Errorf("%s%v", dirPrefix(dir), err)
	}
	sample := datafile.LoadBytes("示例.yaml", string(datafile.Scaffold(2024, "示例市人民政府办公室")))
	if sample.Report == nil {
		return Templates{}, fmt.Errorf("内部错误：示例数据无法加载")
	}
	if err := html.Check(html.Options{Templates: fsys, Site: site}, sample.Report); err != nil {
		var te *html.TemplateErr
		if errors.As(err, &te) {
			return Templates{}, fmt.Errorf("%s%v", dirPrefix(dir), err)
		}
		return Templates{}, fmt.Errorf("--templates %s: %v", dir, err)
	}
	return Templates{FS: fsys, Dir: dir, Site: site}, nil
}

// FolderFiles lists the regular files of the templates folder dir ("":
// none), the run's inputs that no output may replace.
func FolderFiles(dir string) []string {
	if dir == "" {
		return nil
	}
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// TemplateFiles lists every file of the built-in templates (templates.FS,
// whatever it holds: HTML templates, stylesheets, ECharts, the PDF layout,
// README.md, site.yaml …), sorted. The PDF fonts are not in it.
func TemplateFiles() ([]string, error) {
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

// dirPrefix is dir as the start of a file name in a message ("" for none).
func dirPrefix(dir string) string {
	if dir == "" {
		return ""
	}
	return strings.TrimSuffix(filepath.ToSlash(filepath.Clean(dir)), "/") + "/"
}

// overlay returns the templates the renderers use for --templates dir:
// the office's folder laid over the built-in templates.FS (a file present
// in dir replaces the built-in one of the same name; any other comes from
// the built-in set). dir "" gives templates.FS itself. The renderers
// (html.Options.Templates, and the PDF layout) read only through it.
func overlay(dir string) (fs.FS, error) {
	if dir == "" {
		return templates.FS, nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("--templates %s: 找不到此目录。可用 nianbao templates init %s 生成", dir, report.ShellArg(dir))
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
