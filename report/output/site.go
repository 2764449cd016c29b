package output

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"nianbao/report"
	"nianbao/report/datafile"
	"nianbao/report/publish"
	"nianbao/report/site"
	"nianbao/report/xlsx"
)

// SiteOptions are the inputs of Site.
type SiteOptions struct {
	Out   string   // the site folder (-o)
	Files []string // the data files (datafile.FindDataFiles)
	Jobs  int      // pages and files built at once; at least 1
	// PDF, DOCX and XLSX offer those downloads beside each page (rendered
	// by Renderer with its options).
	PDF, DOCX, XLSX bool
	Templates       Templates
	Renderer        *Renderer
	// Hasher hashes the inputs for the manifest; nil rebuilds the site.
	Hasher *Hasher
	// Progress, if not nil, is called as pages are done (site.Options).
	Progress func(done, total int)
	// InputFiles are the run's input files besides the data files (those
	// of the templates folder, FolderFiles): no file of the site
	// replaces one, nor a data file.
	InputFiles []string
}

// SiteResult is what Site did. Setup: the options or the templates folder
// are unusable (the error was printed) and nothing was written. Fresh:
// the inputs were those of the last run, which had no failures, and its
// files are all there, so nothing was written; Previous is then what that
// run recorded. Otherwise Result is site.Build's, Failed counts the data
// files with errors and the pages and files that could not be built, and
// Stale lists the files of the last run's site that this run did not
// write (a download switched off, a report now refused), left in place.
type SiteResult struct {
	Setup    bool
	Fresh    bool
	Previous publish.ManifestEntry
	site.Result
	Failed int
	Stale  []string
}

// siteKey is the manifest entry of the whole site.
const siteKey = "."

// Site builds the static site of o.Files into o.Out (site.Build): every
// file is checked against the others and those beside them; those with
// errors are named on w and left out. A site whose inputs did not change
// since the last run (its manifest says so, and its files are all there)
// costs the load and the hashing only. The error is one writing the
// manifest.
func Site(o SiteOptions, w io.Writer) (SiteResult, error) {
	var res SiteResult
	// The downloads' layout, fonts and Word template are loaded before
	// anything is written: a mistake in them stops the run, said once.
	var formats []string
	if o.PDF {
		formats = append(formats, "pdf")
	}
	if o.DOCX {
		formats = append(formats, "docx")
	}
	if !o.Renderer.prepare(formats, w) {
		res.Setup = true
		return res, nil
	}
	loaded, siblings := datafile.LoadSet(o.Files)
	var all []string
	for _, set := range [][]datafile.Loaded{loaded, siblings} {
		for _, l := range set {
			all = append(all, l.Path)
		}
	}
	inputs := o.Hasher.Site(all)
	old := publish.ReadManifest(o.Out)
	// A run with failures is never skipped: the next one says again what failed.
	if prev, ok := old.Reports[siteKey]; ok && inputs != "" && prev.Warnings == 0 && prev.Fresh(o.Out, inputs) {
		res.Fresh, res.Previous = true, prev
		for _, name := range prev.Stale {
			p := filepath.Join(o.Out, filepath.FromSlash(name))
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				res.Stale = append(res.Stale, p)
			}
		}
		return res, nil
	}
	problems := site.Check(loaded, siblings, o.Jobs)
	var good []datafile.Loaded
	for i, t := range loaded {
		if writeProblems(w, problems[i]) {
			fmt.Fprintf(w, "%s: 有错误，未生成报告。请改正后重试（nianbao check %s）\n", t.Path, report.ShellArg(t.Path))
			res.Failed++
			continue
		}
		good = append(good, t)
	}
	opts := site.Options{Dir: o.Out, Downloads: o.downloads(), Jobs: o.Jobs, Progress: o.Progress,
		Templates: o.Templates.FS, Site: o.Templates.Site, Inputs: publish.NewInputs(append(slices.Clone(o.InputFiles), all...))}
	if o.XLSX {
		opts.BreakdownXLSX = xlsx.BreakdownWorkbook
	}
	res.Result = site.Build(good, append(append([]datafile.Loaded{}, loaded...), siblings...), opts)
	res.Failed += len(res.Errors)
	prev := old.Reports[siteKey]
	var staleNames []string
	for _, name := range append(slices.Sorted(maps.Keys(prev.Files)), prev.Stale...) {
		if _, ok := res.Files[name]; ok || slices.Contains(staleNames, name) {
			continue
		}
		p := filepath.Join(o.Out, filepath.FromSlash(name))
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			staleNames = append(staleNames, name)
		}
	}
	slices.Sort(staleNames)
	for _, name := range staleNames {
		res.Stale = append(res.Stale, filepath.Join(o.Out, filepath.FromSlash(name)))
	}
	if inputs != "" && len(res.Files) > 0 {
		m := &publish.Manifest{Version: 1, Reports: map[string]publish.ManifestEntry{siteKey: {Inputs: inputs, Warnings: res.Failed, Files: res.Files, Stale: staleNames}}}
		if err := m.Write(o.Out); err != nil {
			return res, err
		}
	}
	return res, nil
}

// downloads are the formats offered beside each page of the site: PDF,
// Word and Excel, as chosen.
func (o SiteOptions) downloads() []site.Download {
	var out []site.Download
	for _, d := range []struct {
		on               bool
		ext, label, mime string
	}{
		{o.PDF, "pdf", "PDF 版", "application/pdf"},
		{o.DOCX, "docx", "Word 版", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{o.XLSX, "xlsx", "Excel 统计表", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	} {
		if !d.on {
			continue
		}
		ext := d.ext
		out = append(out, site.Download{Label: d.label, MIME: d.mime, Ext: ext,
			Render: func(doc *report.Doc, r *report.Report, history []*report.Report) ([]byte, error) {
				// Warnings of the renderer were reported by check: the site stays quiet.
				files, _, err := o.Renderer.Render(ext, Input{Doc: doc, Report: r, History: history})
				if err != nil {
					return nil, err
				}
				return files[0].Data, nil
			}})
	}
	return out
}
