package merge

import (
	"fmt"
	"math/rand/v2"
	. "nianbao/report"
	. "nianbao/report/check"
	. "nianbao/report/datafile"
	"nianbao/report/plain"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var testRegionText = func() [4]Text {
	var t [4]Text
	t[1].Body = "（一）主动公开。各部门按目录公开。\n\n（二）依申请公开。依法答复。\n\n（三）政府信息管理。规范管理。\n\n（四）平台建设。集约化平台。\n\n（五）监督保障。纳入考核，开展社会评议，未发生责任追究。"
	t[2].Body = "部门之间公开质量不均衡。下一步加强培训和通报。"
	t[3].Body = "信息处理费收取情况见各部门报告。"
	return t
}()

var testUnitText = func() [4]Text {
	t := testRegionText
	t[1].Body = "（一）主动公开。按目录公开。\n\n（二）依申请公开。依法答复。\n\n（三）政府信息管理。规范管理。\n\n（四）平台建设。网站集约化。\n\n（五）监督保障。纳入绩效管理。"
	return t
}()

// randomUnit returns a report of ed that passes every table rule: 表三
// adds up per column (T3-1, T3-3), fees are consistent (TX-2).
func randomUnit(rng *rand.Rand, ed Edition, year int, organ string) *Report {
	r := &Report{Year: year, Organ: organ, Edition: ed, Scope: ScopeOrgan, Text: testUnitText,
		Active: make([]Cell, len(ed.Table2Cells())), Requests: make([]AppRow, len(ed.Table3()))}
	nil_ := rng.IntN(5) == 0 // a nil return: all zeros
	n := func(k int) int64 {
		if nil_ {
			return 0
		}
		return int64(rng.IntN(k))
	}
	for i, c := range ed.Table2Cells() {
		switch c.Kind {
		case KindCount:
			r.Active[i].Int = n(500)
		case KindChange:
			r.Active[i].Int = n(40) - 20
		case KindAmount:
			r.Active[i].Amount = Decimal{Mant: n(10_000_000), Scale: rng.IntN(5)}
		}
	}
	if ed == Ed2019 {
		r.ProcUnit = []string{"元", "万元"}[rng.IntN(2)]
	}
	var outcome [6]int64
	for i, row := range ed.Table3() {
		if row.Kind == T3Outcome && (row.ID != "other.fee_unpaid" || rng.IntN(3) == 0) {
			for k := range 6 {
				r.Requests[i].Cells[k] = n(8)
				outcome[k] += r.Requests[i].Cells[k]
			}
		}
	}
	carried, received, forward := r.Edition.T3Index("carried_over"), r.Edition.T3Index("received"), r.Edition.T3Index("carried_forward")
	for k := range 6 {
		c, f := n(5), n(5)
		if outcome[k]+f < c {
			f = c - outcome[k]
		}
		r.Requests[carried].Cells[k] = c
		r.Requests[forward].Cells[k] = f
		r.Requests[received].Cells[k] = outcome[k] + f - c
	}
	for i := range Table4Rows {
		for j := range 4 {
			r.Appeals[i].Vals[j] = n(4)
		}
	}
	if ed == Ed2021 {
		notified := Decimal{Mant: n(100000), Scale: rng.IntN(3)}
		unpaid := r.Row("other.fee_unpaid").Sum()
		if notified.IsZero() && unpaid > 0 {
			notified = Decimal{Mant: 100} // a notice states an amount (TX-2)
		}
		f := &Fees{NotifiedAmount: notified, Collected: Decimal{Mant: notified.Mant / 2, Scale: notified.Scale}}
		if !notified.IsZero() {
			f.Notices = unpaid + 1 + n(5) // at least one notice per application closed unpaid (TX-2)
		}
		r.Fees = f
	}
	return r
}

func randomUnits(rng *rand.Rand, ed Edition, year, count int) []*Report {
	out := make([]*Report, count)
	for i := range out {
		out[i] = randomUnit(rng, ed, year, fmt.Sprintf("测试市第%d局", i+1))
		out[i].File = fmt.Sprintf("u%d.yaml", i+1)
	}
	return out
}

// Property: consistent units merge into a region report that passes check
// (no error, no warning), whose every cell is the exact sum, and which
// survives Marshal → Load unchanged in its figures.
func TestAggregateProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 6))
	for trial := range 200 {
		ed, year := Ed2021, 2024
		if trial%2 == 1 {
			ed, year = Ed2019, 2020
		}
		units := randomUnits(rng, ed, year, 1+rng.IntN(12))
		region, err := Aggregate(RegionIdentity{Organ: "测试市人民政府", Year: year, Date: fmt.Sprintf("%d-03-20", year+1), Text: testRegionText}, units)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		if region.Scope != ScopeRegion {
			t.Fatalf("scope %q", region.Scope)
		}
		for _, p := range Check(region, nil, nil) {
			if p.Severity != Info {
				t.Fatalf("trial %d: merged report: %s", trial, p)
			}
		}
		// Exact sums.
		wantUnit := ""
		for _, u := range units {
			if wantUnit == "" {
				wantUnit = unitOf(u)
			} else if wantUnit != unitOf(u) {
				wantUnit = "万元"
			}
		}
		for i, c := range ed.Table2Cells() {
			var n int64
			var d Decimal
			for _, u := range units {
				n += u.Active[i].Int
				a := u.Active[i].Amount
				if c.Kind == KindAmount && c.RowKey == "procurement" && unitOf(u) != wantUnit {
					a = WanYuan(a, unitOf(u))
				}
				d = d.Add(a)
			}
			if got := region.Active[i]; got.Int != n || got.Amount != d {
				t.Fatalf("trial %d: %s = %d/%s, want %d/%s", trial, c.Path(), got.Int, got.Amount, n, d)
			}
		}
		for i, row := range ed.Table3() {
			if row.Kind == T3Total {
				continue
			}
			for k := range 6 {
				var n int64
				for _, u := range units {
					n += u.Requests[i].Cells[k]
				}
				if region.Requests[i].Cells[k] != n {
					t.Fatalf("trial %d: %s[%d] = %d, want %d", trial, row.ID, k, region.Requests[i].Cells[k], n)
				}
			}
		}
		// Round trip through the data file.
		back, ps := Parse("region.yaml", Marshal(region))
		if back == nil || ps.HasErrors() {
			t.Fatalf("trial %d: merged file does not load: %v", trial, ps)
		}
		if c := Compare(region, back); !allUnchanged(c) {
			t.Fatalf("trial %d: figures changed in the round trip", trial)
		}
		if back.ProcUnit != region.ProcUnit {
			t.Fatalf("trial %d: procurement unit %q, want %q", trial, back.ProcUnit, region.ProcUnit)
		}
	}
}

func allUnchanged(c Comparison) bool {
	for _, r := range c.Rows {
		if r.Base != r.Cur {
			return false
		}
	}
	return true
}

func TestAggregateRefuses(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	id := RegionIdentity{Organ: "测试市人民政府", Year: 2024, Text: testRegionText}
	cases := []struct {
		name  string
		units func() []*Report
		want  string
	}{
		{"none", func() []*Report { return nil }, "没有可汇总的单位报告"},
		{"same organ twice", func() []*Report {
			u := randomUnits(rng, Ed2021, 2024, 2)
			u[1].Organ = u[0].Organ
			return u
		}, "“测试市第1局”出现了两次"},
		{"two years", func() []*Report {
			u := randomUnits(rng, Ed2021, 2024, 2)
			u[1].Year = 2023
			return u
		}, "不能把两个年度混在一起汇总"},
		{"two editions", func() []*Report {
			return append(randomUnits(rng, Ed2021, 2024, 1), randomUnit(rng, Ed2019, 2024, "测试市第9局"))
		}, "必须使用同一版格式"},
		{"edition not for the year", func() []*Report { return randomUnits(rng, Ed2019, 2024, 2) }, "确需沿用时请在汇总清单中写明 format_override_reason"},
		{"sum out of range", func() []*Report {
			u := randomUnits(rng, Ed2021, 2024, 2)
			for _, x := range u {
				x.Active[0].Int = MaxCount
			}
			return u
		}, "超出范围"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Aggregate(id, tc.units())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// writeUnits writes units as data files under dir and returns a manifest text listing them.
func writeUnits(t testing.TB, dir string, units []*Report) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "organ: 测试市人民政府\nyear: %d\ntext: region-text.txt\nunits:\n", units[0].Year)
	for i, u := range units {
		name := fmt.Sprintf("units/u%03d.yaml", i+1)
		if err := os.MkdirAll(filepath.Join(dir, "units"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), Marshal(u), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "  - {organ: %s, file: %s}\n", u.Organ, name)
	}
	text := &Report{Text: testRegionText}
	var tb strings.Builder
	tb.WriteString("text:\n")
	for i, s := range TextSections {
		if text.Text[i].Body == "" {
			continue
		}
		fmt.Fprintf(&tb, "  %s: |\n", s.Key)
		for _, line := range strings.Split(text.Text[i].Body, "\n") {
			fmt.Fprintf(&tb, "    %s\n", line)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "region-text.txt"), []byte(tb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestMerge(t *testing.T) {
	cases := []struct {
		name         string
		edit         func(dir string, manifest string) string // returns the manifest
		allowErrors  bool
		allowMissing bool
		merged       bool
		states       string // one letter per unit: s submitted, m missing, e errors, z 零报告, u unreadable, r refused; + when included
		problem      string // a merge problem contains this
		ledger       string // the region's merged_units, when merged: organ status file; …
	}{
		{name: "all submitted", merged: true, states: "s+s+s+",
			ledger: "测试市第1局 已报送 units/u001.yaml；测试市第2局 已报送 units/u002.yaml；测试市第3局 已报送 units/u003.yaml"},
		{name: "missing unit refused", merged: false, states: "s+s+m", problem: "错误[M-1]: “测试市第3局”未报送：数据文件",
			edit: func(dir, m string) string { os.Remove(filepath.Join(dir, "units/u003.yaml")); return m }},
		{name: "missing unit allowed", merged: true, allowMissing: true, states: "s+s+m", problem: "警告[M-1]: “测试市第3局”未报送：数据文件",
			ledger: "测试市第1局 已报送 units/u001.yaml；测试市第2局 已报送 units/u002.yaml；测试市第3局 未报送 units/u003.yaml",
			edit:   func(dir, m string) string { os.Remove(filepath.Join(dir, "units/u003.yaml")); return m }},
		{name: "unit without file refused", merged: false, states: "s+s+s+m", problem: "“测试市第9局”未报送：清单中没有写数据文件",
			edit: func(dir, m string) string { return m + "  - {organ: 测试市第9局}\n" }},
		{name: "unit without file allowed", merged: true, allowMissing: true, states: "s+s+s+m", problem: "“测试市第9局”未报送：清单中没有写数据文件",
			ledger: "测试市第1局 已报送 units/u001.yaml；测试市第2局 已报送 units/u002.yaml；测试市第3局 已报送 units/u003.yaml；测试市第9局 未报送 ",
			edit:   func(dir, m string) string { return m + "  - {organ: 测试市第9局}\n" }},
		{name: "zero report", merged: true, states: "s+z+s+",
			ledger: "测试市第1局 已报送 units/u001.yaml；测试市第2局 零报告 units/u002.yaml；测试市第3局 已报送 units/u003.yaml",
			edit: func(dir, m string) string {
				ed := Ed2021
				z := &Report{Year: 2024, Organ: "测试市第2局", Edition: ed, Scope: ScopeOrgan, Date: "2025-01-20", Text: testUnitText,
					Active: make([]Cell, len(ed.Table2Cells())), Requests: make([]AppRow, len(ed.Table3())), Fees: &Fees{}}
				os.WriteFile(filepath.Join(dir, "units/u002.yaml"), Marshal(z), 0o644)
				return m
			}},
		{name: "errors refused", merged: false, states: "s+es+", problem: "以下单位的报告有错误，未汇总：“测试市第2局”",
			edit: func(dir, m string) string { breakUnit(t, filepath.Join(dir, "units/u002.yaml")); return m }},
		{name: "errors allowed", merged: true, allowErrors: true, states: "s+e+s+", problem: "已按 --allow-errors 照常汇总",
			edit: func(dir, m string) string { breakUnit(t, filepath.Join(dir, "units/u002.yaml")); return m }},
		{name: "unreadable refused", merged: false, states: "s+us+", problem: "以下单位报送的文件未能读取（见上），不是年度报告数据文件，未汇总：“测试市第2局”",
			edit: func(dir, m string) string {
				os.WriteFile(filepath.Join(dir, "units/u002.yaml"), []byte("PK\x03\x04 not a data file"), 0o644)
				return m
			}},
		{name: "unreadable left out", merged: true, allowErrors: true, states: "s+us+", problem: "警告[M-2]: 以下单位报送的文件未能读取（见上），不是年度报告数据文件，没有可汇总的数字：“测试市第2局”",
			ledger: "测试市第1局 已报送 units/u001.yaml；测试市第2局 未能读取 units/u002.yaml；测试市第3局 已报送 units/u003.yaml",
			edit: func(dir, m string) string {
				os.WriteFile(filepath.Join(dir, "units/u002.yaml"), []byte("year: [2024\n"), 0o644)
				return m
			}},
		{name: "mixed years", merged: false, states: "rs+s+", problem: "是 2023 年度的报告，本次汇总 2024 年度",
			edit: func(dir, m string) string {
				rewrite(t, filepath.Join(dir, "units/u001.yaml"), "year: 2024", "year: 2023")
				return m
			}},
		{name: "region as a unit", merged: false, states: "s+rs+", problem: "u002.yaml:7:8: scope: 错误[M-4]: 这是本级政府汇总报告（scope: region），不能作为单位参与汇总（清单 ",
			edit: func(dir, m string) string {
				rewrite(t, filepath.Join(dir, "units/u002.yaml"), "scope: organ", "scope: region")
				return m
			}},
		{name: "organ does not match", merged: false, states: "s+rs+", problem: "清单中的单位是“测试市第2局”，但其数据文件",
			edit: func(dir, m string) string {
				rewrite(t, filepath.Join(dir, "units/u002.yaml"), "organ: 测试市第2局", "organ: 测试市第二局")
				return m
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			rng := rand.New(rand.NewPCG(7, 7))
			m := writeUnits(t, dir, randomUnits(rng, Ed2021, 2024, 3))
			if tc.edit != nil {
				m = tc.edit(dir, m)
			}
			path := filepath.Join(dir, "units.manifest")
			os.WriteFile(path, []byte(m), 0o644)
			man, ps := LoadManifest(path)
			if man == nil {
				t.Fatalf("manifest: %v", ps)
			}
			res := Merge(man, MergeOptions{AllowErrors: tc.allowErrors, AllowMissing: tc.allowMissing})
			if (res.Region != nil) != tc.merged {
				t.Fatalf("merged = %v, want %v; problems %v", res.Region != nil, tc.merged, res.Problems)
			}
			var states strings.Builder
			for _, u := range res.Units {
				states.WriteByte("smezur"[u.State])
				if u.Included {
					states.WriteByte('+')
				}
			}
			if states.String() != tc.states {
				t.Errorf("states %s, want %s", states.String(), tc.states)
			}
			all := fmt.Sprint(res.Problems)
			if tc.problem != "" && !strings.Contains(all, tc.problem) {
				t.Errorf("problems %s\ndo not contain %q", all, tc.problem)
			}
			if tc.problem == "" && len(res.Problems) > 0 {
				t.Errorf("unexpected problems %s", all)
			}
			if res.Region != nil && tc.ledger != "" {
				var got []string
				for _, u := range res.Region.MergedUnits {
					got = append(got, u.Organ+" "+u.Status+" "+u.File)
				}
				if g := strings.Join(got, "；"); g != tc.ledger {
					t.Errorf("merged_units\n%s\nwant\n%s", g, tc.ledger)
				}
				// The ledger survives Marshal → Load.
				back, ps := Parse("region.yaml", Marshal(res.Region))
				if back == nil || ps.HasErrors() || len(back.MergedUnits) != len(res.Region.MergedUnits) {
					t.Fatalf("merged_units after Marshal → Load: %v", ps)
				}
				for i, u := range back.MergedUnits {
					if w := res.Region.MergedUnits[i]; u.Organ != w.Organ || u.Status != w.Status || u.File != w.File {
						t.Errorf("merged_units[%d] after Marshal → Load: %+v, want %+v", i, u, w)
					}
				}
			}
			if res.Region != nil && !tc.allowErrors {
				for _, p := range Check(res.Region, nil, nil) {
					if p.Severity == Error {
						t.Errorf("merged report: %s", p)
					}
				}
			}
		})
	}
}

func breakUnit(t *testing.T, path string) {
	t.Helper()
	rewrite(t, path, "received: [", "received: [1000, ")
	rewrite(t, path, "[1000, ", "[")
	data, _ := os.ReadFile(path)
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "received:") {
			lines[i] = "  received: [999, 0, 0, 0, 0, 0] # broken on purpose"
		}
	}
	os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
}

func rewrite(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
}

func TestLoadManifestProblems(t *testing.T) {
	cases := []struct {
		name, manifest string
		want           []string
	}{
		{"unknown key", "organ: 测试市人民政府\nyear: 2024\ntext: {overview: x, problems: y, other: z}\nunit: []\n",
			[]string{"m.manifest:4:1: unit: 错误[S-2]: 未知的键“unit”，是不是“units”？", "m.manifest:1:1: units: 错误[S-5]: 缺少所属单位清单 units"}},
		{"duplicate unit", "organ: 测试市人民政府\nyear: 2024\ntext: {overview: x, problems: y, other: z}\nunits:\n  - {organ: 甲局, file: a.yaml}\n  - {organ: 甲局, file: b.yaml}\n",
			[]string{"m.manifest:6:13: units[1].organ: 错误[S-3]: 单位“甲局”重复：第 5 行已经列出"}},
		{"duplicate file", "organ: 测试市人民政府\nyear: 2024\ntext: {overview: x, problems: y, other: z}\nunits:\n  - {organ: 甲局, file: a.yaml}\n  - {organ: 乙局, file: ./a.yaml}\n",
			[]string{"m.manifest:6:23: units[1].file: 错误[S-3]: 文件 ./a.yaml 重复：第 5 行的单位已经使用了它"}},
		{"unit not a mapping", "organ: 测试市人民政府\nyear: 2024\ntext: {overview: x, problems: y, other: z}\nunits:\n  - 甲局\n",
			[]string{"m.manifest:5:5: units[0]: 错误[S-4]: 应为键值映射 {organ: 单位全称, file: 数据文件路径}，实际为文字“甲局”"}},
		{"bad year and missing text file", "organ: 测试市人民政府\nyear: 二〇二四\ntext: nosuch.txt\nunits:\n  - {organ: 甲局}\n",
			[]string{"m.manifest:2:7: year: 错误[S-9]: “二〇二四”：写成 2024（用阿拉伯数字）", "m.manifest:3:7: text: 错误[S-1]: 文字部分文件 nosuch.txt 无法读取：文件不存在"}},
		{"empty units", "organ: 测试市人民政府\nyear: 2024\ntext: {overview: x, problems: y, other: z}\nunits: []\n",
			[]string{"m.manifest:4:8: units: 错误[S-5]: units 为空"}},
		{"missing text section", "organ: 测试市人民政府\nyear: 2024\ntext: {overview: x, problems: y}\nunits:\n  - {organ: 甲局}\n",
			[]string{"text.other: 错误[TX-6]: 缺少“六、其他需要报告的事项”"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, ps := ParseManifest("m.manifest", []byte(tc.manifest))
			if m != nil {
				t.Errorf("manifest with errors loaded")
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			all := strings.Join(got, "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("problems:\n%s\ndo not contain %q", all, w)
				}
			}
		})
	}
}

// The example region merges cleanly: no unit problem, no merge problem,
// and the merged report passes check without warnings.
func TestExampleRegion(t *testing.T) {
	m, ps := LoadManifest("../../data/shili-region/2024.manifest")
	if m == nil {
		t.Fatal(ps)
	}
	res := Merge(m, MergeOptions{})
	if res.Region == nil || len(res.Problems) > 0 {
		t.Fatalf("merge: %v", res.Problems)
	}
	for _, u := range res.Units {
		want := UnitSubmitted
		if u.Organ == "示例市机关事务管理局" {
			want = UnitZero // no activity; only documents in force
		}
		if u.State != want || len(u.Problems) > 0 {
			t.Errorf("%s: %s %v", u.Organ, u.State, u.Problems)
		}
	}
	back, ps := Parse("2024.yaml", Marshal(res.Region))
	if back == nil || ps.HasErrors() {
		t.Fatal(ps)
	}
	for _, p := range Check(back, nil, nil) {
		if p.Severity != Info {
			t.Errorf("%s", p)
		}
	}
	if got := MergedSummary(back.MergedUnits); got != "共 5 个单位：已报送 4 个，零报告 1 个，未报送 0 个，有错误 0 个" {
		t.Errorf("merged_units: %s", got)
	}
	if d := Build(back, nil); len(d.Appendices) != 1 || d.Appendices[0].Heading != "附：汇总单位情况" || len(d.Appendices[0].Table.Body) != 5 {
		t.Errorf("appendices %+v", d.Appendices)
	}
	// The region organ's own work plan travels from the text file into the
	// merged file and its section 六.
	if back.WorkPlan == nil || len(back.WorkPlan.Tasks) != 13 || !m.WorkPlan.Equal(back.WorkPlan) {
		t.Errorf("work plan not carried into the merged file: %+v", back.WorkPlan)
	}
	if subs := Build(back, nil).Sections[5].Subsections; len(subs) != 1 || subs[0].Paras[0].Text != "《示例市2024年政务公开工作要点》共13项任务，已完成11项，推进中2项。" {
		t.Errorf("region ledger: %+v", subs)
	}
	b := NewBreakdown(res.Region, res.Units)
	if got := b.Total.Values[0]; got != "335" {
		t.Errorf("本年新收 total %s, want 335", got)
	}
	if got := b.Units[2].Shares[0]; got != "38.8%" { // 公安局 130 / 335
		t.Errorf("公安局 share %s, want 38.8%%", got)
	}
}

// BenchmarkMerge500 writes 500 synthetic unit files and runs the whole
// merge: load and check every unit, aggregate, marshal. Target: ≤ 2 s/op.
func BenchmarkMerge500(b *testing.B) {
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(500, 500))
	m := writeUnits(b, dir, randomUnits(rng, Ed2021, 2024, 500))
	path := filepath.Join(dir, "units.manifest")
	os.WriteFile(path, []byte(m), 0o644)
	b.ResetTimer()
	for b.Loop() {
		man, ps := LoadManifest(path)
		if man == nil {
			b.Fatal(ps)
		}
		res := Merge(man, MergeOptions{})
		if res.Region == nil {
			b.Fatal(res.Problems)
		}
		_ = Marshal(res.Region)
	}
}

// The breakdown covers every row of every table (表二 every cell, 表三
// every row, 表四 every cell, 信息处理费), one column per unit summed and
// the total, and the units' counts add up to the region's on every line.
func TestBreakdownEveryRow(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 4))
	for _, ed := range []Edition{Ed2019, Ed2021} {
		year := 2024
		if ed == Ed2019 {
			year = 2020
		}
		units := randomUnits(rng, ed, year, 4)
		region, err := Aggregate(RegionIdentity{Organ: "测试市人民政府", Year: year, Text: testRegionText}, units)
		if err != nil {
			t.Fatal(err)
		}
		var st []UnitStatus
		for _, u := range units {
			st = append(st, UnitStatus{Organ: u.Organ, File: u.File, Included: true, Report: u})
		}
		st = append(st, UnitStatus{Organ: "测试市未报送局", State: UnitMissing})
		b := NewBreakdown(region, st)
		keys := map[string]bool{}
		for _, tb := range b.Tables {
			if len(tb.Heads) != len(units)+2 {
				t.Fatalf("%s: heads %v", tb.Caption, tb.Heads)
			}
			for _, l := range tb.Lines {
				keys[l.Key] = true
				if len(l.Cells) != len(units)+1 {
					t.Fatalf("%s: %d cells", l.Key, len(l.Cells))
				}
				if !l.Cells[0].Number {
					continue
				}
				var sum int64
				for _, c := range l.Cells[:len(units)] {
					sum += c.Int
				}
				if total := l.Cells[len(units)]; total.Int != sum {
					t.Errorf("%s %s: units add up to %d, total %d", ed, l.Key, sum, total.Int)
				}
			}
		}
		want := len(ed.Table2Cells()) + len(ed.Table3()) + len(Table4Rows)*len(Table4Cols)
		if ed == Ed2021 {
			want += len(FeeFields)
		}
		if len(keys) != want {
			t.Errorf("%s: %d lines, want %d (every row of every table)", ed, len(keys), want)
		}
	}
}

// TestStatusesAgree: for every status a unit can have, every output of a
// merge says the same about it — the status table (plain.Units), the
// breakdown (its row, its columns of every table), the appendix
// 附：汇总单位情况 of the built report (after Marshal → Load) and the
// totals: a unit's figures are in the totals exactly when every output
// says it is counted. A refused unit (another year) stops the merge; the
// status table says why.
func TestStatusesAgree(t *testing.T) {
	zero := func(dir string, units []*Report) {
		ed := Ed2021
		z := &Report{Year: 2024, Organ: units[1].Organ, Edition: ed, Scope: ScopeOrgan, Date: "2025-01-20", Text: testUnitText,
			Active: make([]Cell, len(ed.Table2Cells())), Requests: make([]AppRow, len(ed.Table3())), Fees: &Fees{}}
		os.WriteFile(filepath.Join(dir, "units/u002.yaml"), Marshal(z), 0o644)
	}
	textError := func(dir string, units []*Report) {
		u := *units[1]
		u.Text[3].Body = "" // 六、其他需要报告的事项 empty: TX-6, an error outside the tables
		os.WriteFile(filepath.Join(dir, "units/u002.yaml"), Marshal(&u), 0o644)
	}
	cases := []struct {
		name         string
		edit         func(dir string, units []*Report)
		allowErrors  bool
		allowMissing bool
		label        string // the second unit's status as the status table and the breakdown print it
		ledger       string // its merged_units status, "" when the merge is refused
		counted      bool   // its figures are in the totals
		advice       string // WrittenAdvice of the merged file contains this ("" when it passes check)
	}{
		{name: "submitted", label: "已报送", ledger: "已报送", counted: true},
		{name: "zero", edit: zero, label: "零报告", ledger: "零报告", counted: true},
		{name: "missing", allowMissing: true, label: "未报送", ledger: "未报送",
			edit: func(dir string, _ []*Report) { os.Remove(filepath.Join(dir, "units/u002.yaml")) }},
		{name: "errors outside the tables", edit: textError, allowErrors: true, label: "有错误（已汇总）", ledger: "有错误", counted: true},
		{name: "errors in the tables", allowErrors: true, label: "有错误（已汇总）", ledger: "有错误", counted: true,
			advice: "来自按 --allow-errors 计入汇总的单位“测试市第2局”（",
			edit:   func(dir string, _ []*Report) { breakUnit(t, filepath.Join(dir, "units/u002.yaml")) }},
		{name: "unreadable", allowErrors: true, label: "未能读取", ledger: "未能读取",
			edit: func(dir string, _ []*Report) {
				os.WriteFile(filepath.Join(dir, "units/u002.yaml"), []byte("PK\x03\x04 a workbook saved as .yaml"), 0o644)
			}},
		{name: "another year", allowErrors: true, allowMissing: true, label: "年度不符（未计入）",
			edit: func(dir string, _ []*Report) {
				rewrite(t, filepath.Join(dir, "units/u002.yaml"), "year: 2024", "year: 2023")
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			units := randomUnits(rand.New(rand.NewPCG(3, 9)), Ed2021, 2024, 3)
			for _, u := range units {
				u.Fees = &Fees{} // no fee notices: the region's text stays consistent
			}
			m := writeUnits(t, dir, units)
			if tc.edit != nil {
				tc.edit(dir, units)
			}
			path := filepath.Join(dir, "units.manifest")
			os.WriteFile(path, []byte(m), 0o644)
			man, ps := LoadManifest(path)
			if man == nil {
				t.Fatalf("manifest: %v", ps)
			}
			res := Merge(man, MergeOptions{AllowErrors: tc.allowErrors, AllowMissing: tc.allowMissing})
			u := res.Units[1]

			// The status table.
			var table strings.Builder
			plain.Units(&table, res.Units)
			line := strings.Split(table.String(), "\n")[2]
			if got := strings.Fields(line)[1]; got != tc.label || u.Label() != tc.label {
				t.Errorf("status table %q (Label %q), want %q", line, u.Label(), tc.label)
			}
			if tc.ledger == "" {
				if res.Region != nil {
					t.Fatalf("merged, want refused")
				}
				return
			}
			if res.Region == nil {
				t.Fatalf("refused: %v", res.Problems)
			}
			if u.Included != tc.counted {
				t.Errorf("Included = %v, want %v", u.Included, tc.counted)
			}

			// The totals: exactly the units said to be counted.
			var received int64
			for _, s := range res.Units {
				if s.Included {
					received += s.Report.Row("received").Sum()
				}
			}
			if got := res.Region.Row("received").Sum(); got != received {
				t.Errorf("region received %d, counted units %d", got, received)
			}

			// The breakdown.
			b := NewBreakdown(res.Region, res.Units)
			row := b.Units[1]
			if row.Status != tc.label || row.Included != tc.counted || (row.Values[0] != NoValue) != tc.counted {
				t.Errorf("breakdown row %+v, want status %q counted %v", row, tc.label, tc.counted)
			}
			for _, tb := range b.Tables {
				if slices.Contains(tb.Heads, u.Organ) != tc.counted {
					t.Errorf("breakdown %s heads %v: counted %v", tb.Caption, tb.Heads, tc.counted)
				}
			}
			if !b.Consistent() {
				t.Error("breakdown: the units do not add up to the totals")
			}

			// The appendix of the built report, from the file as written.
			back, ps := Parse(filepath.Join(dir, "out.yaml"), Marshal(res.Region))
			if back == nil {
				t.Fatalf("merged file does not load: %v", ps)
			}
			if got := back.MergedUnits[1].Status; got != tc.ledger {
				t.Errorf("merged_units status %q, want %q", got, tc.ledger)
			}
			a := Build(back, nil).Appendices[0]
			var cells []string
			for _, c := range a.Table.Body[1] {
				cells = append(cells, c.Text)
			}
			in := map[bool]string{true: "是", false: "否"}[tc.counted]
			if want := []string{"2", u.Organ, tc.ledger, in}; !slices.Equal(cells, want) {
				t.Errorf("appendix row %v, want %v", cells, want)
			}
			if !strings.Contains(a.Paras[0].Text, b.Summary) {
				t.Errorf("appendix %q does not state the breakdown's summary %q", a.Paras[0].Text, b.Summary)
			}
			if !tc.counted && (len(a.Notes) == 0 || !strings.Contains(a.Notes[0].Text, u.Organ) || !strings.Contains(a.Notes[0].Text, "汇总数不含其数字")) {
				t.Errorf("appendix notes %v do not say that %s is not counted", a.Notes, u.Organ)
			}

			// What merge says when the merged file does not pass check.
			written := Written(filepath.Join(dir, "out.yaml"), Marshal(res.Region))
			advice := WrittenAdvice("out.yaml", written, res.Units)
			switch {
			case tc.advice == "" && advice != "":
				t.Errorf("advice %q for a file that passes check: %v", advice, written)
			case tc.advice != "" && (!strings.Contains(advice, tc.advice) || strings.Contains(advice, "请改正汇总清单")):
				t.Errorf("advice %q, want %q and no blame on the manifest", advice, tc.advice)
			}
		})
	}
}
