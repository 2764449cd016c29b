package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"nianbao/report"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"nianbao/report/publish"
	"nianbao/report/site"
)

// BuildOptions are the inputs of Build.
type BuildOptions struct {
	Out   string   // the output tree (-o)
	Args  []string // the paths the user gave, for output subfolders (site.Subdir)
	Files []string // the data files found under Args (datafile.FindDataFiles)
	// Formats are the formats to write, in the order of Formats.
	Formats []string
	Strict  bool // a warning refuses the report (--strict)
	Jobs    int  // reports rendered at once; at least 1
	// Hasher hashes the inputs for the manifest; nil rebuilds every
	// report.
	Hasher   *Hasher
	Renderer *Renderer
	// InputFiles are the run's input files besides the data files: the
	// files its options name (fonts, the Word template) and those of the
	// templates folder (FolderFiles). No output replaces one of them, nor
	// a data file.
	InputFiles []string
}

// BuildResult counts what Build did. Setup is true when an option (a font
// file, a Word template) or a file of the templates folder proved unusable
// and the run stopped before writing anything.
type BuildResult struct {
	Built, Kept, Failed int
	Setup               bool
}

// Build builds the report of each data file of o.Files into o.Out: it
// checks each against the other files and those beside them (one
// check.Index), refuses those with errors (and, Strict, warnings), builds
// the Doc and renders every format on o.Jobs goroutines, and writes a
// report's files only once all its formats rendered. The shared assets/
// are written once per tree. A report whose inputs (data file, the files
// its checks read, templates, options, tool: see Hasher) are those the
// manifest of o.Out recorded, with its files still there, is left as it
// was. Messages for the user, in Chinese, go to w in input order, each
// report's together. The error is one writing the manifest.
func Build(o BuildOptions, w io.Writer) (BuildResult, error) {
	var res BuildResult
	if !o.Renderer.prepare(o.Formats, w) {
		res.Setup = true
		return res, nil
	}
	targets, siblings := datafile.LoadSet(o.Files)
	pool := append(append([]datafile.Loaded{}, targets...), siblings...)
	ix := check.NewIndex(pool)
	var poolPaths []string
	for _, l := range pool {
		poolPaths = append(poolPaths, l.Path)
	}
	dirs := ByDir(poolPaths)
	inputs := publish.NewInputs(append(slices.Clone(o.InputFiles), poolPaths...))
	old := publish.ReadManifest(o.Out)
	man := &publish.Manifest{Version: 1, Reports: map[string]publish.ManifestEntry{}}

	// Output keys are given in input order, as the files were listed, so
	// that two files with the same output name are refused the same way
	// on every run.
	jobs := make([]*job, len(targets))
	taken := map[string]string{} // output dir + base name → data file
	for i, t := range targets {
		jb := &job{t: t, done: make(chan struct{})}
		jb.base = strings.TrimSuffix(filepath.Base(t.Path), filepath.Ext(t.Path))
		jb.sub = site.Subdir(o.Args, t.Path)
		jb.key = path.Join(filepath.ToSlash(jb.sub), jb.base)
		full := filepath.Join(o.Out, jb.sub, jb.base)
		if other, dup := taken[full]; dup {
			jb.dup = other
		} else if t.Report != nil {
			taken[full] = t.Path
		}
		jb.inputs = o.Hasher.Report(t.Path, dirs, jb.key)
		if e, ok := old.Reports[jb.key]; ok && jb.inputs != "" && jb.dup == "" && e.Fresh(o.Out, jb.inputs) {
			jb.skip, jb.entry = true, e
		}
		jobs[i] = jb
	}
	b := &batch{o: o, ix: ix, pool: pool, inputs: inputs, written: map[string]bool{}}
	// Cores left over when there are fewer reports than Jobs go to
	// rendering the formats of a report in parallel.
	b.formatWorkers = 1
	if len(jobs) < o.Jobs {
		b.formatWorkers = min(len(o.Formats), o.Jobs/max(len(jobs), 1))
	}
	go site.Parallel(len(jobs), o.Jobs, func(i int) {
		b.run(jobs[i])
		close(jobs[i].done)
	})
	for _, jb := range jobs {
		<-jb.done
		w.Write(jb.msgs.Bytes())
		if jb.setup {
			res.Setup = true
			return res, nil
		}
		switch {
		case jb.built && jb.skip:
			res.Kept++
			man.Reports[jb.key] = jb.entry
		case jb.built:
			res.Built++
			if jb.inputs != "" {
				man.Reports[jb.key] = jb.entry
			}
		case jb.failed:
			res.Failed++
			if jb.dup == "" {
				staleNote(w, o, inputs, jb, old.Reports[jb.key])
			}
		}
	}
	if len(man.Reports) > 0 || len(old.Reports) > 0 {
		// Reports of other runs into the same tree are kept.
		mine := map[string]bool{}
		for _, jb := range jobs {
			mine[jb.key] = true
		}
		for k, e := range old.Reports {
			if !mine[k] {
				man.Reports[k] = e
			}
		}
		if err := man.Write(o.Out); err != nil {
			return res, err
		}
	}
	return res, nil
}

// renderCost ranks the formats by their render time (BenchmarkBuildOne's
// profile: PDF 12 ms, XLSX 9, DOCX 5, HTML 2).
var renderCost = map[string]int{"pdf": 4, "xlsx": 3, "docx": 2, "html": 1}

// job is one data file of a Build.
type job struct {
	t      datafile.Loaded
	base   string
	sub    string
	key    string // output path relative to Out, slash-separated, no extension
	dup    string // the data file that already has this output name
	inputs string // hash of the inputs, "" unknown
	skip   bool   // built from the same inputs before: nothing to do
	msgs   bytes.Buffer
	failed bool
	setup  bool // an option is unusable: stop
	built  bool
	entry  publish.ManifestEntry
	done   chan struct{}
}

// batch is what the jobs of a Build share.
type batch struct {
	o             BuildOptions
	ix            *check.Index
	pool          []datafile.Loaded
	inputs        *publish.Inputs
	formatWorkers int
	stop          atomic.Bool
	mu            sync.Mutex
	written       map[string]bool // shared files (assets/) written by this run
}

// pending is one rendered output waiting to be written.
type pending struct {
	path string
	data []byte
	name string // relative to the output tree, slash-separated
	root bool   // shared by the tree (assets/): written once
}

func (b *batch) run(jb *job) {
	o, t, w := b.o, jb.t, &jb.msgs
	if jb.skip {
		jb.built = true
		if jb.entry.Warnings > 0 {
			fmt.Fprintf(w, "%s: 输入未变，沿用上次生成的文件（上次有 %d 个警告，用 nianbao check %s 查看）\n", t.Path, jb.entry.Warnings, report.ShellArg(t.Path))
		}
		return
	}
	ps := b.ix.Check(t)
	if writeProblems(w, ps) {
		fmt.Fprintf(w, "%s: 有错误，未生成报告。请改正后重试（nianbao check %s）\n", t.Path, report.ShellArg(t.Path))
		jb.failed = true
		return
	}
	nwarn := ps.Count(report.Warning)
	if o.Strict && nwarn > 0 {
		fmt.Fprintf(w, "%s: 有 %d 个警告，按 --strict 未生成报告。请改正后重试（nianbao check --strict %s）\n", t.Path, nwarn, report.ShellArg(t.Path))
		jb.failed = true
		return
	}
	history := datafile.History(t, b.pool)
	doc, err := report.BuildDoc(t.Report, history)
	if err != nil {
		fmt.Fprintf(w, "%v\n%s: 未生成报告\n", err, t.Path)
		jb.failed = true
		return
	}
	if jb.dup != "" {
		fmt.Fprintf(w, "%s: 输出文件 %s.* 与 %s 的输出重名，未生成。请分两次运行 build，用不同的 -o 目录\n", t.Path, filepath.Join(o.Out, jb.sub, jb.base), jb.dup)
		jb.failed = true
		return
	}
	in := Input{Doc: doc, Report: t.Report, History: history, Page: jb.key}
	type result struct {
		files    []File
		warnings report.Problems
		err      error
	}
	results := make([]*result, len(o.Formats))
	render := func(i int) *result {
		if results[i] == nil {
			r := &result{}
			r.files, r.warnings, r.err = o.Renderer.Render(o.Formats[i], in)
			results[i] = r
		}
		return results[i]
	}
	if b.formatWorkers > 1 {
		// More cores than reports: render this report's formats side by
		// side (renderers only read the Doc). They are taken below in the
		// same order as one by one, so messages do not change.
		// The slowest first (PDF, then the workbook), so that the short
		// ones fill in beside them.
		order := make([]int, len(o.Formats))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return renderCost[o.Formats[b]] - renderCost[o.Formats[a]] })
		site.Parallel(len(order), b.formatWorkers, func(i int) { render(order[i]) })
	}
	var outputs []pending
	for i, f := range o.Formats {
		if b.stop.Load() {
			return
		}
		r := render(i)
		var setup SetupError
		if errors.As(r.err, &setup) {
			// An option (a font file) is unusable: no report can be built.
			fmt.Fprintf(w, "%v\n未生成任何 %s 文件，请改正选项后重试。\n", setup.Err, strings.ToUpper(f))
			jb.setup = true
			b.stop.Store(true)
			return
		}
		if r.err != nil {
			fmt.Fprintf(w, "%s: 生成 %s 失败：%v\n", t.Path, strings.ToUpper(f), r.err)
			jb.failed = true
			continue
		}
		for _, wn := range r.warnings {
			fmt.Fprintln(w, wn)
		}
		nwarn += len(r.warnings)
		if o.Strict && len(r.warnings) > 0 {
			fmt.Fprintf(w, "%s: 生成 %s 时有 %d 个警告，按 --strict 未生成报告\n", t.Path, strings.ToUpper(f), len(r.warnings))
			jb.failed = true
			return
		}
		for _, nf := range r.files {
			name := strings.ReplaceAll(nf.Name, "{base}", jb.base)
			if !nf.Root {
				name = path.Join(filepath.ToSlash(jb.sub), name)
			}
			p, err := publish.Join(o.Out, filepath.FromSlash(name))
			if err != nil {
				fmt.Fprintln(w, err)
				jb.failed = true
				return
			}
			outputs = append(outputs, pending{p, nf.Data, name, nf.Root})
		}
	}
	if jb.failed {
		return
	}
	// No output may replace an input (a data file, a template, the Word
	// template given as --docx-template out/2024.docx).
	for _, out := range outputs {
		if err := b.inputs.Check(out.path); err != nil {
			fmt.Fprintf(w, "%s: %v\n", t.Path, err)
			jb.failed = true
			return
		}
	}
	// Written only once every format rendered, so that Strict never
	// leaves some formats of a refused report behind.
	jb.entry = publish.ManifestEntry{Inputs: jb.inputs, Warnings: nwarn, Files: map[string]int64{}}
	for _, out := range outputs {
		// Every file a report's pages need is in its entry, the shared
		// assets too: one deleted is written again by the next run.
		jb.entry.Files[out.name] = int64(len(out.data))
		if out.root {
			// Shared by every page of the tree: written once.
			b.mu.Lock()
			seen := b.written[out.name]
			b.written[out.name] = true
			b.mu.Unlock()
			if seen {
				continue
			}
		}
		if _, err := publish.WriteFile(out.path, out.data); err != nil {
			fmt.Fprintln(w, err)
			jb.failed = true
			return
		}
	}
	jb.built = true
}

// staleNote names, on w, the files an earlier run wrote for the failed
// report of jb that are still in the output tree (those its manifest
// entry e lists, else those of this run's formats; never an input): they
// no longer match its data. They are left in place: the user decides.
func staleNote(w io.Writer, o BuildOptions, inputs *publish.Inputs, jb *job, e publish.ManifestEntry) {
	var names []string
	if len(e.Files) > 0 {
		for name := range e.Files {
			if !strings.HasPrefix(name, "assets/") {
				names = append(names, name)
			}
		}
	} else {
		for _, f := range o.Formats {
			names = append(names, path.Join(filepath.ToSlash(jb.sub), jb.base+"."+f))
			if f == "html" {
				names = append(names, path.Join(filepath.ToSlash(jb.sub), jb.base+".fragment.html"))
			}
		}
	}
	slices.Sort(names)
	var stale []string
	for _, name := range names {
		p := filepath.Join(o.Out, filepath.FromSlash(name))
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && !inputs.Contains(p) {
			stale = append(stale, p)
		}
	}
	if len(stale) > 0 {
		fmt.Fprintf(w, "%s: 输出目录中上次生成的 %s 已过时（本次未生成，与数据不符），请勿发布；改正后重新运行 build 即可更新\n", jb.t.Path, strings.Join(stale, "、"))
	}
}

// SetupAdvice is the line printed after a setup error of Prepare: what
// was not written and what to correct.
func SetupAdvice(err error) string {
	var te TemplateError
	if errors.As(err, &te) {
		return "未写出任何文件。请改正模板目录中的这个文件后重试"
	}
	return "未写出任何文件。请改正选项后重试"
}

// writeProblems writes the errors and warnings of ps (not the infos), one
// a line, and reports whether there was an error.
func writeProblems(w io.Writer, ps report.Problems) bool {
	for _, p := range ps {
		if p.Severity != report.Info {
			fmt.Fprintln(w, p)
		}
	}
	return ps.HasErrors()
}
