package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"nianbao/report/check"
	"nianbao/report/datafile"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"nianbao/report"
	"nianbao/report/publish"
	"nianbao/report/site"
)

var buildCmd = &command{
	name:    "build",
	summary: "生成年度报告（PDF、HTML 等），有错误的文件不生成",
	run:     runBuild,
}

func runBuild(e *env, args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	out := fs.String("o", "", "")
	charts := fs.String("charts", "auto", "")
	strict := fs.Bool("strict", false, "")
	tmplDir := fs.String("templates", "", "")
	nJobs := fs.Int("j", runtime.NumCPU(), "")
	selected := map[string]*bool{}
	renderers := map[string]renderFunc{}
	for _, f := range outputFormats {
		selected[f.name] = fs.Bool(f.name, false, "")
		renderers[f.name] = f.flags(fs)
	}
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("请给出数据文件或目录，例如 nianbao build data/ -o out/")
	}
	if *out == "" {
		return usagef("请用 -o 给出输出目录，例如 -o out/")
	}
	if *nJobs < 1 {
		return usagef("-j 至少为 1，实际为 %d", *nJobs)
	}
	if *charts != "auto" && *charts != "none" {
		return usagef("--charts 只能是 auto 或 none，实际为“%s”", *charts)
	}
	var use []*outputFormat
	for _, f := range outputFormats {
		if *selected[f.name] {
			use = append(use, f)
		}
	}
	if len(use) == 0 {
		use = outputFormats
	}
	if len(use) == 0 {
		return fmt.Errorf("这个版本的 nianbao 没有可用的输出格式")
	}
	go toolID() // hashes the executable when it has no VCS revision: overlap it with loading
	files, err := findFiles(paths)
	if err != nil {
		return err
	}
	tmpl, err := loadTemplates(*tmplDir)
	if err != nil {
		return err
	}
	targets := datafile.LoadFiles(files)
	siblings := datafile.Siblings(files)
	pool := append(append([]datafile.Loaded{}, targets...), siblings...)
	ix := check.NewIndex(pool)
	var poolPaths []string
	for _, l := range pool {
		poolPaths = append(poolPaths, l.Path)
	}
	dirs := byDir(poolPaths)
	hasher := newInputHasher("build", fs, []string{"font-body", "font-title", "font-bold", "docx-template"}, *tmplDir)
	old := publish.ReadManifest(*out)
	man := &publish.Manifest{Version: 1, Reports: map[string]publish.ManifestEntry{}}

	// Output keys are given in input order, as the files were listed, so
	// that two files with the same output name are refused the same way
	// on every run.
	type job struct {
		t      datafile.Loaded
		base   string
		sub    string
		key    string // output path relative to -o, slash-separated, no extension
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
	jobs := make([]*job, len(targets))
	taken := map[string]string{} // output dir + base name → data file
	for i, t := range targets {
		jb := &job{t: t, done: make(chan struct{})}
		jb.base = strings.TrimSuffix(filepath.Base(t.Path), filepath.Ext(t.Path))
		jb.sub = site.Subdir(paths, t.Path)
		jb.key = path.Join(filepath.ToSlash(jb.sub), jb.base)
		full := filepath.Join(*out, jb.sub, jb.base)
		if other, dup := taken[full]; dup {
			jb.dup = other
		} else if t.Report != nil {
			taken[full] = t.Path
		}
		jb.inputs = hasher.report(t.Path, dirs, jb.key)
		if e, ok := old.Reports[jb.key]; ok && jb.inputs != "" && jb.dup == "" && e.Fresh(*out, jb.inputs) {
			jb.skip, jb.entry = true, e
		}
		jobs[i] = jb
	}

	// Cores left over when there are fewer reports than -j go to
	// rendering the formats of a report in parallel.
	formatWorkers := 1
	if len(jobs) < *nJobs {
		formatWorkers = min(len(use), *nJobs/max(len(jobs), 1))
	}
	var stop atomic.Bool
	var assetsMu sync.Mutex
	writtenRoot := map[string]bool{} // shared files (assets/) written by this run
	run := func(jb *job) {
		t := jb.t
		w := &jb.msgs
		if jb.skip {
			jb.built = true
			if jb.entry.Warnings > 0 {
				fmt.Fprintf(w, "%s: 输入未变，沿用上次生成的文件（上次有 %d 个警告，用 nianbao check %s 查看）\n", t.Path, jb.entry.Warnings, t.Path)
			}
			return
		}
		ps := ix.Check(t)
		if printProblems(w, ps) {
			fmt.Fprintf(w, "%s: 有错误，未生成报告。请改正后重试（nianbao check %s）\n", t.Path, t.Path)
			jb.failed = true
			return
		}
		nwarn := ps.Count(report.Warning)
		if *strict && nwarn > 0 {
			fmt.Fprintf(w, "%s: 有 %d 个警告，按 --strict 未生成报告。请改正后重试（nianbao check --strict %s）\n", t.Path, nwarn, t.Path)
			jb.failed = true
			return
		}
		history := datafile.History(t, pool)
		doc, err := report.BuildDoc(t.Report, history)
		if err != nil {
			fmt.Fprintf(w, "%v\n%s: 未生成报告\n", err, t.Path)
			jb.failed = true
			return
		}
		if jb.dup != "" {
			fmt.Fprintf(w, "%s: 输出文件 %s.* 与 %s 的输出重名，未生成。请分两次运行 build，用不同的 -o 目录\n", t.Path, filepath.Join(*out, jb.sub, jb.base), jb.dup)
			jb.failed = true
			return
		}
		in := renderInput{Doc: doc, Report: t.Report, History: history, NoCharts: *charts == "none", Templates: tmpl.FS, TemplatesDir: tmpl.Dir, Site: tmpl.Site,
			Page: jb.key}
		type result struct {
			files    []namedFile
			warnings []report.Problem
			err      error
		}
		results := make([]*result, len(use))
		render := func(i int) *result {
			if results[i] == nil {
				r := &result{}
				r.files, r.warnings, r.err = renderers[use[i].name](in)
				results[i] = r
			}
			return results[i]
		}
		if formatWorkers > 1 {
			// More cores than reports: render this report's formats side
			// by side (renderers only read the Doc). They are taken below
			// in the same order as one by one, so messages do not change.
			site.Parallel(len(use), formatWorkers, func(i int) { render(i) })
		}
		var outputs []publishedFile
		for i, f := range use {
			if stop.Load() {
				return
			}
			r := render(i)
			rendered, warnings, err := r.files, r.warnings, r.err
			var setup setupError
			if errors.As(err, &setup) {
				// An option (a font file) is unusable: no report can be built.
				fmt.Fprintf(w, "%v\n未生成任何 %s 文件，请改正选项后重试。\n", setup.error, strings.ToUpper(f.name))
				jb.setup = true
				stop.Store(true)
				return
			}
			if err != nil {
				fmt.Fprintf(w, "%s: 生成 %s 失败：%v\n", t.Path, strings.ToUpper(f.name), err)
				jb.failed = true
				continue
			}
			for _, wn := range warnings {
				fmt.Fprintln(w, wn)
			}
			nwarn += len(warnings)
			if *strict && len(warnings) > 0 {
				fmt.Fprintf(w, "%s: 生成 %s 时有 %d 个警告，按 --strict 未生成报告\n", t.Path, strings.ToUpper(f.name), len(warnings))
				jb.failed = true
				return
			}
			for _, nf := range rendered {
				name := strings.ReplaceAll(nf.Name, "{base}", jb.base)
				if !nf.Root {
					name = path.Join(filepath.ToSlash(jb.sub), name)
				}
				p, err := publish.Join(*out, filepath.FromSlash(name))
				if err != nil {
					fmt.Fprintln(w, err)
					jb.failed = true
					return
				}
				outputs = append(outputs, publishedFile{p, nf.Data, name, nf.Root})
			}
		}
		if jb.failed {
			return
		}
		// Written only once every format rendered, so that --strict never
		// leaves some formats of a refused report behind.
		jb.entry = publish.ManifestEntry{Inputs: jb.inputs, Warnings: nwarn, Files: map[string]int64{}}
		for _, o := range outputs {
			if o.root {
				// Shared by every page of the tree: written once.
				assetsMu.Lock()
				seen := writtenRoot[o.name]
				writtenRoot[o.name] = true
				assetsMu.Unlock()
				if seen {
					continue
				}
			}
			if _, err := publish.WriteFile(o.path, o.data); err != nil {
				fmt.Fprintln(w, err)
				jb.failed = true
				return
			}
			if !o.root {
				jb.entry.Files[o.name] = int64(len(o.data))
			}
		}
		jb.built = true
	}
	go site.Parallel(len(jobs), *nJobs, func(i int) {
		run(jobs[i])
		close(jobs[i].done)
	})
	failed, built, kept := 0, 0, 0
	for _, jb := range jobs {
		<-jb.done
		e.stderr.Write(jb.msgs.Bytes())
		if jb.setup {
			return exitCode(1)
		}
		switch {
		case jb.built && jb.skip:
			kept++
			man.Reports[jb.key] = jb.entry
		case jb.built:
			built++
			if jb.inputs != "" {
				man.Reports[jb.key] = jb.entry
			}
		case jb.failed:
			failed++
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
		if err := man.Write(*out); err != nil {
			return err
		}
	}
	if kept > 0 {
		fmt.Fprintf(e.stderr, "生成了 %d 份报告，%d 份输入未变（沿用上次生成的文件），%d 个文件未生成。输出目录：%s\n", built, kept, failed, *out)
	} else {
		fmt.Fprintf(e.stderr, "生成了 %d 份报告，%d 个文件未生成。输出目录：%s\n", built, failed, *out)
	}
	if failed > 0 {
		return exitCode(1)
	}
	return nil
}

// publishedFile is one rendered output waiting to be written.
type publishedFile struct {
	path string
	data []byte
	name string // relative to the output tree, slash-separated
	root bool   // shared by the tree (assets/): written once
}
