package datafile

import (
	"nianbao/report"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A merge manifest (汇总清单) names the region organ, the year and every
// unit whose report.report is merged into the region's 本级政府 report:
//
//	organ: 示例市人民政府          # the region's 报告主体
//	year: 2024
//	date: 2025-03-20             # optional 落款日期 of the region report.report
//	text: 2024.region-text       # the region's own text sections (a file
//	                             # holding `text:` as in a data file), or
//	                             # the `text:` map itself, inline
//	carry_over_note: …           # optional, copied to the region report.report
//	format_override_reason: …    # optional, copied to the region report.report
//	units:
//	  - {organ: 示例市发展和改革委员会, file: units/fgw/2024.yaml}
//	  - {organ: 示例市教育局}      # no file yet: 未报送
//
// Paths are relative to the manifest. The manifest is loaded as strictly as
// a data file: every problem with its line and column, unknown keys and
// duplicate units are errors.

// Manifest is a loaded merge manifest.
type Manifest struct {
	File                 string
	Organ                string
	Year                 int
	Date                 string
	CarryOverNote        string
	FormatOverrideReason string
	TextFile             string         // the text file as resolved, "" when inline
	Text                 [4]report.Text // aligned with TextSections
	// WorkPlan is the region organ's own 工作要点 ledger, from the text
	// file's work_plan: (it is the region's, not a sum of the units').
	WorkPlan *report.WorkPlan
	Units    []ManifestUnit
}

// ManifestUnit is one expected unit.
type ManifestUnit struct {
	Organ string
	File  string // resolved against the manifest's directory; "" when none given
	Pos   report.Pos
}

var manifestKeys = []string{"organ", "year", "date", "text", "carry_over_note", "format_override_reason", "units"}

// LoadManifest reads and loads a merge manifest. It returns nil when the
// manifest has errors; all of them are in report.Problems.
func LoadManifest(path string) (*Manifest, report.Problems) {
	data, ps := readPath(path)
	if ps != nil {
		return nil, ps
	}
	return ParseManifest(path, data)
}

// ParseManifest loads a manifest from data; file names it in messages and
// is the base of relative paths.
func ParseManifest(file string, data []byte) (m *Manifest, ps report.Problems) {
	l := &loader{file: file}
	defer func() {
		if r := recover(); r != nil {
			m = nil
			ps = append(l.ps, report.Problemf(file, report.Pos{}, "", "S-1", "无法解析此文件（解析器内部错误：%v）", r))
		}
	}()
	root := l.parse(data)
	if root == nil {
		return nil, l.ps
	}
	m = &Manifest{File: file}
	top, ok := l.fields(root, "", "键值映射（organ: 、year: 、text: 、units: ）", manifestKeys, nil)
	if !ok {
		return nil, l.ps
	}
	l.top = posOf(root)
	if f, ok := top["organ"]; ok {
		if s, ok := l.str(f.val, "organ"); ok && l.identity(deref(f.val), "organ", "汇总报告主体 organ", s) {
			m.Organ = strings.TrimSpace(s)
			if m.Organ == "" {
				l.add(deref(f.val), "organ", "S-5", "汇总报告主体 organ 为空，请填写本级政府全称，例如“示例市人民政府”")
			}
		}
	} else {
		l.addAt(l.top, "organ", "S-5", "缺少汇总报告主体 organ，例如 `organ: 示例市人民政府`")
	}
	tmp := &report.Report{}
	if f, ok := top["year"]; ok {
		if y, ok := l.integer(f.val, "year", "S-4"); ok {
			if y < 2019 || y > 2100 {
				l.add(deref(f.val), "year", "S-7", "年度 %d 不在支持范围内：本工具支持 2019 年度起的报告", y)
			} else {
				m.Year = int(y)
				tmp.Year = m.Year
			}
		}
	} else {
		l.addAt(l.top, "year", "S-5", "缺少汇总年度 year，例如 `year: 2024`")
	}
	if f, ok := top["date"]; ok {
		l.date(f.val, tmp)
		m.Date = tmp.Date
	}
	for _, k := range []struct {
		key string
		dst *string
	}{{"carry_over_note", &m.CarryOverNote}, {"format_override_reason", &m.FormatOverrideReason}} {
		if f, ok := top[k.key]; ok {
			if s, ok := l.str(f.val, k.key); ok {
				*k.dst = strings.TrimSpace(l.cleanText(deref(f.val), k.key, s))
			}
		}
	}
	if f, ok := top["text"]; ok {
		l.manifestText(f.val, m)
	} else {
		l.addAt(l.top, "text", "S-5", "缺少本级政府自己的文字部分 text：写文字文件的路径（如 `text: 2024.region-text`），或直接写 overview、problems、other 等各部分")
	}
	if f, ok := top["units"]; ok {
		l.manifestUnits(f.val, m)
	} else {
		l.addAt(l.top, "units", "S-5", "缺少所属单位清单 units，例如\n  units:\n    - {organ: 示例市教育局, file: units/jyj/2024.yaml}")
	}
	l.ps.Sort()
	if l.ps.HasErrors() {
		return nil, l.ps
	}
	return m, l.ps
}

// manifestText reads the region's own text: inline, or from the file named.
func (l *loader) manifestText(n *yaml.Node, m *Manifest) {
	v := deref(n)
	tmp := &report.Report{}
	if v.Kind == yaml.MappingNode {
		l.text(v, tmp)
		m.Text = tmp.Text
		return
	}
	name, ok := l.str(v, "text")
	if !ok || !l.identity(v, "text", "文字部分文件名", name) {
		return
	}
	name = strings.TrimSpace(name)
	if name == "" {
		l.add(v, "text", "S-5", "text 为空：请写本级政府文字部分文件的路径，例如 `text: 2024.region-text`")
		return
	}
	path := manifestPath(l.file, name)
	m.TextFile = path
	data, ps := readPath(path)
	if ps != nil {
		l.add(v, "text", "S-1", "文字部分文件 %s 无法读取：%s", path, ps[0].Msg)
		return
	}
	tl := &loader{file: path}
	root := tl.parse(data)
	if root != nil {
		if top, ok := tl.fields(root, "", "键值映射（text: 、work_plan: ）", []string{"text", "work_plan"}, nil); ok {
			if f, ok := top["work_plan"]; ok {
				tmp.Pos.WorkPlan = posOf(f.key)
				tl.workPlan(f.val, tmp)
				m.WorkPlan = tmp.WorkPlan
			}
			if f, ok := top["text"]; ok {
				tl.text(f.val, tmp)
				m.Text = tmp.Text
			} else {
				tl.addAt(posOf(root), "text", "S-5", "缺少 text：本文件应写成与数据文件相同的 text: 部分（preface、overview、problems、other）")
			}
		}
	}
	l.ps = append(l.ps, tl.ps...)
}

// manifestPath resolves name against the directory of file, unless absolute.
func manifestPath(file, name string) string {
	name = filepath.FromSlash(name)
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(filepath.Dir(file), name)
}

func (l *loader) manifestUnits(n *yaml.Node, m *Manifest) {
	v := deref(n)
	if v.Kind != yaml.SequenceNode {
		l.add(v, "units", "S-4", "units 应为列表，每项写成 - {organ: 单位全称, file: 数据文件路径}，实际为%s", kindName(v))
		return
	}
	if len(v.Content) == 0 {
		l.add(v, "units", "S-5", "units 为空：请列出本级政府汇总的全部单位")
		return
	}
	byOrgan := map[string]int{}
	byFile := map[string]int{}
	for i, item := range v.Content {
		path := "units[" + strconv.Itoa(i) + "]"
		fs, ok := l.fields(item, path, "键值映射 {organ: 单位全称, file: 数据文件路径}", []string{"organ", "file"}, nil)
		if !ok {
			continue
		}
		u := ManifestUnit{Pos: posOf(deref(item))}
		f, ok := fs["organ"]
		if !ok {
			l.add(deref(item), path+".organ", "S-5", "第 %d 个单位缺少 organ（单位全称）", i+1)
			continue
		}
		s, ok := l.str(f.val, path+".organ")
		if !ok || !l.identity(deref(f.val), path+".organ", "单位名称 organ", s) {
			continue
		}
		u.Organ = strings.TrimSpace(s)
		if u.Organ == "" {
			l.add(deref(f.val), path+".organ", "S-5", "第 %d 个单位的 organ 为空，请填写单位全称", i+1)
			continue
		}
		if line, dup := byOrgan[u.Organ]; dup {
			l.add(deref(f.val), path+".organ", "S-3", "单位“%s”重复：第 %d 行已经列出。每个单位只能列一次", u.Organ, line)
			continue
		}
		byOrgan[u.Organ] = deref(f.val).Line
		if ff, ok := fs["file"]; ok {
			name, ok := l.str(ff.val, path+".file")
			if !ok || !l.identity(deref(ff.val), path+".file", "数据文件名 file", name) {
				continue
			}
			if name = strings.TrimSpace(name); name != "" {
				u.File = manifestPath(l.file, name)
				key := filepath.Clean(u.File)
				if line, dup := byFile[key]; dup {
					l.add(deref(ff.val), path+".file", "S-3", "文件 %s 重复：第 %d 行的单位已经使用了它。每个单位应有自己的数据文件", name, line)
					continue
				}
				byFile[key] = deref(ff.val).Line
			}
		}
		m.Units = append(m.Units, u)
	}
}
