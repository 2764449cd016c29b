package tasktable

import (
	"strconv"
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/report/check"
	"nianbao/report/datafile"
)

func TestParseTables(t *testing.T) {
	header := []string{"序号", "事项名称", "主要任务", "牵头单位", "责任单位", "完成时限"}
	tests := []struct {
		name    string
		rows    [][]string
		merges  []MergedRange
		tasks   []string // Item|Task|Lead|Deadline|Status
		notes   []string // substrings of notes, in order
		wantErr string
	}{
		{name: "plain with 序号 and 牵头单位", rows: [][]string{
			{"示例市2024年政务公开工作要点任务分解表"},
			header,
			{"1", "加强政策解读", "重要文件同步解读。", "市政府办公室", "市直各部门", "2024年6月底"},
			{"2", "规范依申请公开", "修订办理规程。", "市司法局", "", "长期坚持"},
		}, tasks: []string{"加强政策解读|重要文件同步解读。|市政府办公室|2024年6月底|推进中", "规范依申请公开|修订办理规程。|市司法局|长期坚持|推进中"}},
		{name: "continuation by empty item cell", rows: [][]string{
			header,
			{"1", "1. 加强政策解读。", "重要文件同步解读。", "市政府办公室", "", "2024年底"},
			{"", "", "开展解读培训。", "市司法局", "", ""},
			{"2", "2、平台建设", "完成网站改版。", "市大数据局", "", "2024年第三季度"},
		}, tasks: []string{"加强政策解读|重要文件同步解读。\n开展解读培训。|市政府办公室；市司法局|2024年底|推进中", "平台建设|完成网站改版。|市大数据局|2024年第三季度|推进中"}},
		{name: "merged item and section rows", rows: [][]string{
			header,
			{"一、加强信息公开"},
			{"1", "（一）加强政策解读", "重要文件同步解读。", "市政府办公室", "", "2024年底"},
			{"", "", "开展解读培训。", "", "", ""},
			{"二、平台建设"},
			{"2", "平台建设", "完成网站改版。", "市大数据局", "", "2024年9月30日前"},
		}, merges: []MergedRange{{1, 0, 1, 5}, {2, 1, 3, 1}, {2, 3, 3, 3}, {2, 5, 3, 5}, {4, 0, 4, 5}},
			tasks: []string{"加强政策解读|重要文件同步解读。\n开展解读培训。|市政府办公室|2024年底|推进中", "平台建设|完成网站改版。|市大数据局|2024年9月30日前|推进中"}},
		{name: "status and result columns", rows: [][]string{
			{"事项名称", "主要任务", "牵头部门", "完成时限", "落实状态", "落实情况"},
			{"政策解读", "同步解读。", "办公室", "2024年6月", "已完成", "发布解读36篇。"},
			{"网站改版", "完成改版。", "大数据局", "2024年9月", "进行中", ""},
		}, tasks: []string{"政策解读|同步解读。|办公室|2024年6月|已完成", "网站改版|完成改版。|大数据局|2024年9月|推进中"},
			notes: []string{"没有“责任单位”列", "落实状态“进行中”不是"}},
		{name: "unreadable deadline and empty task", rows: [][]string{
			header,
			{"1", "政策解读", "同步解读。", "办公室", "", "尽快"},
			{"2", "网站改版", "", "大数据局", "", "2024年9月"},
		}, tasks: []string{"政策解读|同步解读。|办公室|尽快|推进中"},
			notes: []string{"Sheet1!F2", "完成时限“尽快”无法识别", "Sheet1!C3", "“主要任务”为空"}},
		{name: "repeated header", rows: [][]string{
			header,
			{"1", "政策解读", "同步解读。", "办公室", "", "长期坚持"},
			header,
			{"2", "网站改版", "完成改版。", "大数据局", "", "2024年9月"},
		}, tasks: []string{"政策解读|同步解读。|办公室|长期坚持|推进中", "网站改版|完成改版。|大数据局|2024年9月|推进中"}},
		{name: "two-row header repeated at a page break", rows: [][]string{
			{"序号", "事项名称", "主要任务", "责任单位", "", "完成时限"},
			{"", "", "", "牵头单位", "配合单位", ""},
			{"1", "政策解读", "同步解读。", "办公室", "各科室", "长期坚持"},
			{"序号", "事项名称", "主要任务", "责任单位", "", "完成时限"},
			{"", "", "", "牵头单位", "配合单位", ""},
			{"2", "网站改版", "完成改版。", "大数据局", "", "2024年9月"},
		}, tasks: []string{"政策解读|同步解读。|办公室|长期坚持|推进中", "网站改版|完成改版。|大数据局|2024年9月|推进中"}},
		{name: "a header with a nameless column is not read as two rows", rows: [][]string{
			{"序号", "事项名称", "主要任务", "牵头单位", "", "完成时限"},
			{"1", "政策解读", "同步解读。", "办公室", "备注", "长期坚持"},
		}, tasks: []string{"政策解读|同步解读。|办公室|长期坚持|推进中"}, notes: []string{"没有“责任单位”列", "第 1 行"}},
		{name: "no header", rows: [][]string{{"姓名", "电话"}, {"张三", "123"}}, wantErr: "没有找到表头行"},
		{name: "header only", rows: [][]string{header}, wantErr: "下没有任务"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Parse(Grid{Name: "Sheet1", Rows: tc.rows, Merges: tc.merges}, report.StatusInProgress)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("want error %q, got %v", tc.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tk := range res.Plan.Tasks {
				got = append(got, strings.Join([]string{tk.Item, tk.Task, tk.Lead, tk.Deadline, tk.Status}, "|"))
			}
			if strings.Join(got, "\n---\n") != strings.Join(tc.tasks, "\n---\n") {
				t.Errorf("tasks:\n%s\nwant:\n%s", strings.Join(got, "\n---\n"), strings.Join(tc.tasks, "\n---\n"))
			}
			var notes []string
			for _, n := range res.Notes {
				notes = append(notes, n.String())
			}
			all := strings.Join(notes, "\n")
			for _, want := range tc.notes {
				if !strings.Contains(all, want) {
					t.Errorf("no note containing %q in:\n%s", want, all)
				}
			}
		})
	}
}

// TestTaskTableShapes reads one table (fictional data) of each shape real
// 任务分解表 come in, merged ranges written as in Excel (A1:E1).
func TestTaskTableShapes(t *testing.T) {
	tests := []struct {
		name    string
		rows    [][]string
		merges  []string
		title   string
		tasks   []string // Item|Task|Lead|Units|Deadline
		notes   []string // substrings of the notes
		noNotes []string // substrings no note may contain
	}{
		{name: "序号 重点任务 责任单位 完成时限 牵头单位, no item column", rows: [][]string{
			{"2022年政务公开工作要点任务分解表"},
			{"序号", "重点任务", "责任单位", "完成时限", "牵头单位"},
			{"1", "围绕稳增长政策开展解读，发布图解10篇。", "各区县政府", "2022年6月底前", "测试市发改委"},
			{"2", "公开惠企政策清单并动态更新。", "市直各部门", "年底前", "测试市营商局"},
			{"3", "规范政府信息公开申请办理。", "各区县政府", "持续推进", "测试市司法局"},
		}, merges: []string{"A1:E1"},
			title: "2022年政务公开工作要点",
			tasks: []string{
				"|围绕稳增长政策开展解读，发布图解10篇。|测试市发改委|各区县政府|2022年6月底前",
				"|公开惠企政策清单并动态更新。|测试市营商局|市直各部门|年底前",
				"|规范政府信息公开申请办理。|测试市司法局|各区县政府|持续推进"},
			notes:   []string{"没有“事项名称”列：每行（有序号的按序号）作为一项任务"},
			noNotes: []string{"没有导入"}},
		{name: "工作任务 (merged) 序号 具体要求 责任科室 时限要求", rows: [][]string{
			{"附件1：测试县2023年政务公开工作要点任务分解表"},
			{"工作任务", "序号", "具体要求", "责任科室", "时限要求"},
			{"加强政策解读", "1", "重要政策文件同步解读。", "办公室", "每季度"},
			{"", "2", "开展政策解读进社区活动。", "综合科", "下半年"},
			{"优化平台建设", "3", "完成政府网站适老化改造。", "信息科", "第三季度"},
		}, merges: []string{"A1:E1", "A3:A4"},
			title: "测试县2023年政务公开工作要点",
			tasks: []string{
				"加强政策解读|重要政策文件同步解读。||办公室|每季度",
				"加强政策解读|开展政策解读进社区活动。||综合科|下半年",
				"优化平台建设|完成政府网站适老化改造。||信息科|第三季度"}},
		{name: "no deadline column", rows: [][]string{
			{"事项名称", "主要任务", "牵头部门", "配合单位"},
			{"政策解读", "重要文件同步解读。", "办公室", "各科室"},
			{"依申请公开", "规范答复文书。", "法规科", ""},
		}, tasks: []string{"政策解读|重要文件同步解读。|办公室|各科室|", "依申请公开|规范答复文书。|法规科||"},
			notes: []string{"没有“完成时限”列，各项任务的完成时限为空"}},
		{name: "merged heading rows become items", rows: [][]string{
			{"序号", "工作内容", "牵头单位", "责任部门", "完成时间"},
			{"一、以公开助力经济平稳健康发展"},
			{"1", "公开稳经济一揽子政策措施。", "市发改委", "各部门", "2022年3月底前"},
			{"2", "做好减税降费政策解读。", "市税务局", "", "上半年"},
			{"二、以公开助力法治政府建设"},
			{"（一）规范行政执法公示"},
			{"3", "公开行政执法结果。", "市司法局", "执法部门", "每月"},
			{"", "更新执法人员名单。", "市司法局", "", ""},
		}, merges: []string{"A2:E2", "A5:E5", "A6:E6"},
			tasks: []string{
				"以公开助力经济平稳健康发展|公开稳经济一揽子政策措施。|市发改委|各部门|2022年3月底前",
				"以公开助力经济平稳健康发展|做好减税降费政策解读。|市税务局||上半年",
				"规范行政执法公示|公开行政执法结果。\n更新执法人员名单。|市司法局|执法部门|每月"}},
		{name: "heading merged from the task column on", rows: [][]string{
			{"序号", "具体要求", "责任单位", "完成时限"},
			{"", "一、深化重点领域信息公开"},
			{"1", "公开重大建设项目批准和实施信息。", "市发改委", "2024年11月底前"},
		}, merges: []string{"B2:D2"},
			tasks: []string{"深化重点领域信息公开|公开重大建设项目批准和实施信息。||市发改委|2024年11月底前"}},
		{name: "numbered rows left empty and a note under the table", rows: [][]string{
			{"序号", "事项名称", "主要任务", "牵头部门", "完成时限", "落实状态"},
			{"1", "政策解读", "同步解读。", "办公室", "年底前", "已完成"},
			{"2", "", "", "", "", ""},
			{"3", "", "", "", "", ""},
			{},
			{"说明：每项任务占一行，主要任务和落实状态必填。"},
			{"注1：完成时限按自然年计算。"},
		}, tasks: []string{"政策解读|同步解读。|办公室||年底前"},
			noNotes: []string{"为空，已跳过"}},
		{name: "a row with a number and other text still warns", rows: [][]string{
			{"序号", "事项名称", "主要任务", "牵头部门", "完成时限"},
			{"1", "政策解读", "同步解读。", "办公室", "年底前"},
			{"2", "平台建设", "", "信息科", ""},
		}, tasks: []string{"政策解读|同步解读。|办公室||年底前"},
			notes: []string{"Sheet1!C3", "此行有内容但“主要任务”为空，已跳过：2｜平台建设｜信息科"}},
		{name: "a column of text no role claims", rows: [][]string{
			{"类别", "具体措施", "牵头单位", "完成时限", "备注"},
			{"政策解读", "同步解读。", "办公室", "及时", "与新闻发布会衔接"},
			{"平台建设", "网站改版。", "信息科", "长期坚持", ""},
		}, tasks: []string{"政策解读|同步解读。|办公室||及时", "平台建设|网站改版。|信息科||长期坚持"},
			notes: []string{"Sheet1!E2: 警告: E列“备注”不对应任何一项，其中 1 个单元格的文字没有导入", "表头（第 1 行）：A列“类别”→事项名称，B列“具体措施”→主要任务，C列“牵头单位”→牵头部门，D列“完成时限”→完成时限，E列“备注”→未对应任何一项"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Parse(Grid{Name: "Sheet1", Rows: tc.rows, Merges: merges(t, tc.merges)}, report.StatusInProgress)
			if err != nil {
				t.Fatal(err)
			}
			if res.Plan.Title != tc.title {
				t.Errorf("title %q, want %q", res.Plan.Title, tc.title)
			}
			var got []string
			for _, tk := range res.Plan.Tasks {
				got = append(got, strings.Join([]string{tk.Item, tk.Task, tk.Lead, tk.Units, tk.Deadline}, "|"))
			}
			if strings.Join(got, "\n---\n") != strings.Join(tc.tasks, "\n---\n") {
				t.Errorf("tasks:\n%s\nwant:\n%s", strings.Join(got, "\n---\n"), strings.Join(tc.tasks, "\n---\n"))
			}
			var notes []string
			for _, n := range res.Notes {
				notes = append(notes, n.String())
			}
			all := strings.Join(notes, "\n")
			for _, want := range tc.notes {
				if !strings.Contains(all, want) {
					t.Errorf("no note containing %q in:\n%s", want, all)
				}
			}
			for _, bad := range tc.noNotes {
				if strings.Contains(all, bad) {
					t.Errorf("a note contains %q:\n%s", bad, all)
				}
			}
			// Every imported deadline is understood, and the plan passes
			// check without WP-2 (a blank deadline raises none).
			src := datafile.MarshalWorkPlan(res.Plan)
			r, ps := datafile.Parse("x.yaml", append([]byte(scaffold2022()), src...))
			if r == nil {
				t.Fatal(ps)
			}
			for _, p := range append(ps, check.Check(r, nil, nil)...) {
				if strings.HasPrefix(p.Path, "work_plan") && p.Rule != "WP-1" {
					t.Errorf("%s", p)
				}
			}
		})
	}
}

// When no row can be the header, the message shows the closest row and
// what each of its columns was taken as, and names every grid tried.
func TestTaskTableHeaderMessage(t *testing.T) {
	rows := [][]string{
		{"序号", "工作", "责任单位", "备注"},
		{"1", "同步解读。", "办公室", ""},
	}
	tests := []struct {
		kind Kind
		name string
		want []string
	}{
		{Sheet, "Sheet1", []string{"在工作表 Sheet1、Sheet1 中都没有找到任务分解表的表头行", "工作表“Sheet1”中没有找到表头行",
			"最接近表头的是第 1 行：A列“序号”→序号，B列“工作”→未对应任何一项，C列“责任单位”→责任单位，D列“备注”→未对应任何一项"}},
		{DocTable, "表格1", []string{"在表格 表格1、表格1 中都没有找到任务分解表的表头行", "表格1中没有找到表头行",
			"最接近表头的是第 1 行：第1列“序号”→序号，第2列“工作”→未对应任何一项，第3列“责任单位”→责任单位，第4列“备注”→未对应任何一项"}},
	}
	for _, tc := range tests {
		g := Grid{Name: tc.name, Kind: tc.kind, Rows: rows}
		_, err := ParseFirst([]Grid{g, g}, report.StatusInProgress)
		for _, want := range tc.want {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v\nwant it to contain %q", err, want)
			}
		}
	}
	if _, err := ParseFirst(nil, report.StatusInProgress); err == nil {
		t.Error("no grids: no error")
	}
}

// TestNames: the places notes name, in a worksheet and in a document's
// table.
func TestNames(t *testing.T) {
	rows := [][]string{
		{"示例县2024年政务公开工作要点任务分解表"},
		{"序号", "事项名称", "主要任务", "牵头部门", "完成时限", "备注"},
		{"1", "政策解读", "同步解读。", "办公室", "尽快", "无"},
		{"2", "平台建设", "", "信息科", "", ""},
	}
	tests := []struct {
		kind       Kind
		name       string
		rng, notes string
	}{
		{Sheet, "任务分解表", "任务分解表!A2:F4", `任务分解表!A2: 警告: 表头中没有“责任单位”列，导入后此项为空
任务分解表!C4: 警告: 此行有内容但“主要任务”为空，已跳过：2｜平台建设｜信息科
任务分解表!F3: 警告: F列“备注”不对应任何一项，其中 1 个单元格的文字没有导入。表头（第 2 行）：A列“序号”→序号，B列“事项名称”→事项名称，C列“主要任务”→主要任务，D列“牵头部门”→牵头部门，E列“完成时限”→完成时限，F列“备注”→未对应任何一项。如需导入，请把列名改为“主要任务”“事项名称”“牵头单位”“责任单位”“完成时限”之一，或把内容并入这些列
任务分解表!E3: 警告: 完成时限“尽快”无法识别，照原样导入；检查时将提示（WP-2）`},
		{DocTable, "表格2", "表格2 第2行至第4行", `表格2 第2行第1列: 警告: 表头中没有“责任单位”列，导入后此项为空
表格2 第4行第3列: 警告: 此行有内容但“主要任务”为空，已跳过：2｜平台建设｜信息科
表格2 第3行第6列: 警告: 第6列“备注”不对应任何一项，其中 1 个单元格的文字没有导入。表头（第 2 行）：第1列“序号”→序号，第2列“事项名称”→事项名称，第3列“主要任务”→主要任务，第4列“牵头部门”→牵头部门，第5列“完成时限”→完成时限，第6列“备注”→未对应任何一项。如需导入，请把列名改为“主要任务”“事项名称”“牵头单位”“责任单位”“完成时限”之一，或把内容并入这些列
表格2 第3行第5列: 警告: 完成时限“尽快”无法识别，照原样导入；检查时将提示（WP-2）`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Parse(Grid{Name: tc.name, Kind: tc.kind, Rows: rows}, report.StatusInProgress)
			if err != nil {
				t.Fatal(err)
			}
			var notes []string
			for _, n := range res.Notes {
				notes = append(notes, n.String())
			}
			if res.Range != tc.rng || res.Name != tc.name || res.Header != 2 || res.Plan.Title != "示例县2024年政务公开工作要点" {
				t.Errorf("range %q name %q header %d title %q", res.Range, res.Name, res.Header, res.Plan.Title)
			}
			if got := strings.Join(notes, "\n"); got != tc.notes {
				t.Errorf("notes:\n%s\nwant:\n%s", got, tc.notes)
			}
		})
	}
}

// TestColLetter: spreadsheet column letters.
func TestColLetter(t *testing.T) {
	for c, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16383: "XFD", 16384: "?", -1: "?"} {
		if got := colLetter(c); got != want {
			t.Errorf("colLetter(%d) = %q, want %q", c, got, want)
		}
	}
}

// merges reads merged ranges written as in Excel (A1:E1, 1-based).
func merges(t testing.TB, refs []string) []MergedRange {
	t.Helper()
	var out []MergedRange
	for _, ref := range refs {
		a, b, _ := strings.Cut(ref, ":")
		c1, r1 := cellRef(t, a)
		c2, r2 := cellRef(t, b)
		out = append(out, MergedRange{Row1: r1, Col1: c1, Row2: r2, Col2: c2})
	}
	return out
}

// cellRef reads B5 as 0-based column 1, row 4.
func cellRef(t testing.TB, ref string) (col, row int) {
	t.Helper()
	i := strings.IndexFunc(ref, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 1 {
		t.Fatalf("bad cell %q", ref)
	}
	for _, ch := range ref[:i] {
		col = col*26 + int(ch-'A'+1)
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil {
		t.Fatalf("bad cell %q", ref)
	}
	return col - 1, n - 1
}

func scaffold2022() string {
	return string(datafile.Scaffold(2022, "示例市人民政府办公室"))
}

// TestTitle: the plan's title comes from a row above the header, else from
// the nearest paragraph above a Word or web table that names a plan.
func TestTitle(t *testing.T) {
	head := []string{"序号", "主要任务", "牵头单位", "完成时限"}
	task := []string{"1", "公开预决算。", "县财政局", "2024年6月底"}
	for _, c := range []struct {
		name  string
		rows  [][]string
		above []string
		want  string
	}{
		{"a title row", [][]string{{"示例县2024年政务公开工作要点任务分解表"}, head, task}, nil, "示例县2024年政务公开工作要点"},
		{"a title row wins over the paragraph", [][]string{{"附件：示例县2024年政务公开工作要点分解表"}, head, task},
			[]string{"示例县2023年政务公开工作方案"}, "示例县2024年政务公开工作要点"},
		{"the paragraph above", [][]string{head, task}, []string{"关于印发的通知", "附件1：《示例县2024年政务公开工作要点》任务分解表", "（2024年3月）"},
			"示例县2024年政务公开工作要点"},
		{"no paragraph names a plan", [][]string{head, task}, []string{"联系人：张三（虚构）"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Parse(Grid{Name: "表格1", Kind: DocTable, Rows: c.rows, Above: c.above}, "推进中")
			if err != nil {
				t.Fatal(err)
			}
			if res.Plan.Title != c.want {
				t.Errorf("title %q, want %q", res.Plan.Title, c.want)
			}
		})
	}
}

// TestParseLimits: text past MaxRows rows or MaxCols columns, or a table
// its reader stopped early (Grid.Cut), is never cut off silently.
func TestParseLimits(t *testing.T) {
	header := []string{"序号", "主要任务", "牵头单位", "完成时限"}
	rowsOf := func(n, width int) [][]string {
		rows := [][]string{header}
		for i := range n {
			row := []string{strconv.Itoa(i + 1), "任务" + strconv.Itoa(i+1) + "。", "办公室", "2024年底"}
			for len(row) < width {
				row = append(row, "")
			}
			rows = append(rows, row)
		}
		return rows
	}
	wide := rowsOf(3, MaxCols+3)
	wide[2][MaxCols+1] = "多余"
	wide[3][MaxCols] = "多余"
	blankTail := rowsOf(MaxRows-1, 4)
	for range 10 {
		blankTail = append(blankTail, []string{"", "  "})
	}
	tests := []struct {
		name  string
		grid  Grid
		tasks int
		note  string // the first warning, "" for none about limits
	}{
		{"within", Grid{Name: "Sheet1", Rows: rowsOf(10, 4)}, 10, ""},
		{"too many rows", Grid{Name: "Sheet1", Rows: rowsOf(MaxRows+2, 4)}, MaxRows - 1,
			"Sheet1!A5001: 警告: 工作表“Sheet1”共 5003 行，超过任务分解表的上限 5000 行：第 5001 行及以后没有读取，其中 3 行有文字未导入"},
		{"blank rows past the limit", Grid{Name: "Sheet1", Rows: blankTail}, MaxRows - 1, ""},
		{"too many columns", Grid{Name: "表格1", Kind: DocTable, Rows: wide}, 3,
			"表格1 第3行第41列: 警告: 表格1超过 40 列：第41列及以后没有读取，其中 2 个单元格有文字未导入"},
		{"cut by the reader", Grid{Name: "表格1", Kind: DocTable, Rows: rowsOf(100, 4), Cut: true, CutLimit: 404}, 100,
			"表格1 第101行第1列: 警告: 表格1过大，超过读取上限（每个表格 404 个单元格），只读取了前 101 行"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Parse(tc.grid, report.StatusInProgress)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Plan.Tasks) != tc.tasks {
				t.Errorf("%d tasks, want %d", len(res.Plan.Tasks), tc.tasks)
			}
			var got string
			for _, n := range res.Notes {
				if n.Warning && strings.Contains(n.Msg, "没有读取") {
					got = n.String()
					break
				}
			}
			if tc.note == "" && got != "" || !strings.HasPrefix(got, tc.note) {
				t.Errorf("note %q, want %q", got, tc.note)
			}
		})
	}
}

func TestJoinWrapped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"对现行有效的规范性文件进行清理，\n及时更新文件库。", "对现行有效的规范性文件进行清理，及时更新文件库。"},
		{"建成县政府政策\n文件库", "建成县政府政策文件库"},
		{"公开行政执法结果。\n更新执法人员名单。", "公开行政执法结果。\n更新执法人员名单。"},
		{"规范办理流程；\n完善答复文书", "规范办理流程；\n完善答复文书"},
		{"主要任务如下：\n1. 建库\n2. 清理", "主要任务如下：\n1. 建库\n2. 清理"},
		{"开展以下工作\n1.建库\n2、清理\n（3）更新\n(四)解读\n四、监督\n⑤评估", "开展以下工作\n1.建库\n2、清理\n（3）更新\n(四)解读\n四、监督\n⑤评估"},
		{"一是建库\n二是清理", "一是建库\n二是清理"},
		{"完成IPv6\n改造", "完成IPv6改造"},
		{"升级到 HTTP\n2 协议", "升级到 HTTP 2 协议"},
		{"单行", "单行"},
		{"", ""},
		{"什么时候完成？\n年底前", "什么时候完成？\n年底前"},
	}
	for _, tc := range tests {
		if got := joinWrapped(tc.in); got != tc.want {
			t.Errorf("joinWrapped(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
