package datafile

import (
	"bytes"
	"fmt"
	"nianbao/report"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Marshal writes r in the canonical shape of the data contract, with a
// Chinese comment naming every row as the statutory table prints it. The
// output loads back into an equal report.Report (see TestMarshalRoundTrip). yaml
// does all quoting, so any text is safe.
//
// A report read back from a published document (r.Source set, see
// report.Source) is written as published: the cells in Source.Blank as
// null (check then reports each: blank is not zero), a printed 总计 row
// and 总计 column kept for check to verify, and the source: block last.
func Marshal(r *report.Report) []byte {
	blank := map[string]bool{}
	if r.Source != nil {
		for _, p := range r.Source.Blank {
			blank[p] = true
		}
	}
	orNull := func(path string, n *yaml.Node) *yaml.Node {
		if blank[path] {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
		}
		return n
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: fmt.Sprintf(
		"# %d年度政府信息公开工作年度报告数据（%s版格式，%s）\n# 填写说明：每个数都要填写，没有的填 0（空白不等于 0）；检查：nianbao check 本文件",
		r.Year, r.Edition, r.Edition.Notice())}
	m := mapping()
	doc.Content = []*yaml.Node{m}
	put(m, "year", intNode(int64(r.Year)), "报告年度，统计期限为该年1月1日至12月31日")
	put(m, "organ", strNode(r.Organ), "报告主体（机关全称）")
	put(m, "format", strNode(string(r.Edition)), "格式版本："+r.Edition.Notice())
	if r.FormatOverrideReason != "" {
		put(m, "format_override_reason", strNode(r.FormatOverrideReason), "")
	}
	scope := r.Scope
	if scope == "" {
		scope = report.ScopeOrgan
	}
	put(m, "scope", strNode(string(scope)), "organ：本机关报告；region：本级政府汇总报告")
	if r.Date != "" {
		put(m, "date", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: r.Date, Style: 0}, "落款日期")
	}
	for _, f := range []struct{ key, value, comment string }{
		{"index_number", r.IndexNumber, "索引号（政府网站信息表）"},
		{"publisher", r.Publisher, "发布机构；不写时为报告主体"},
		{"document_number", r.DocumentNumber, "文号"},
		{"published", r.Published, "发布日期 YYYY-MM-DD；不写时为落款日期"},
		{"topic", r.Topic, "主题分类"},
	} {
		if f.value != "" {
			put(m, f.key, strNode(f.value), f.comment)
		}
	}
	if r.CarryOverNote != "" {
		put(m, "carry_over_note", strNode(r.CarryOverNote), "上年结转与上年度报告不一致的说明（印在报告中）")
	}

	text := mapping()
	for i, s := range report.TextSections {
		put(text, s.Key, textNode(r.Text[i].Body), s.Title)
	}
	put(m, "text", text, "文字部分，每行一段（段落之间可以空一行）")

	active := mapping()
	cells := r.Edition.Table2Cells()
	for bi, b := range r.Edition.Table2() {
		for ri, row := range b.Rows {
			rm := mapping()
			rm.Style = yaml.FlowStyle
			for ci, c := range b.Cols {
				var v *yaml.Node
				idx := -1
				for k, cell := range cells {
					if cell.Block == bi && cell.Row == ri && cell.Col == ci {
						idx = k
					}
				}
				cell := report.Cell{}
				if idx >= 0 && idx < len(r.Active) {
					cell = r.Active[idx]
				}
				if c.Kind == report.KindAmount {
					v = amountNode(cell.Amount)
				} else {
					v = intNode(cell.Int)
				}
				put(rm, c.Key, orNull("active."+row.Key+"."+c.Key, v), "")
			}
			if row.Key == "procurement" {
				unit := r.ProcUnit
				if unit == "" {
					unit = "万元"
				}
				put(rm, "unit", strNode(unit), "")
			}
			put(active, row.Key, rm, t2Comment(b, row))
		}
	}
	put(m, "active", active, "表二 主动公开政府信息情况")

	req := mapping()
	groups := map[string]*yaml.Node{}
	for i, row := range r.Edition.Table3() {
		ar := report.AppRow{}
		if i < len(r.Requests) {
			ar = r.Requests[i]
		}
		if row.Kind == report.T3Total && (r.Source == nil || !ar.HasTotal) {
			continue // computed by the tool; a printed total may be added as a 7th number
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for k, v := range ar.Cells {
			seq.Content = append(seq.Content, orNull(fmt.Sprintf("requests.%s[%d]", row.ID, k), intNode(v)))
		}
		if r.Source != nil && ar.HasTotal {
			seq.Content = append(seq.Content, intNode(ar.Printed))
		}
		g, k, nested := cutID(row.ID)
		if !nested {
			put(req, row.ID, seq, row.Label)
			continue
		}
		gm, ok := groups[g]
		if !ok {
			gm = mapping()
			groups[g] = gm
			put(req, g, gm, row.Group)
		}
		put(gm, k, seq, row.Label)
	}
	req.Content[0].HeadComment = "# 每行 6 个数：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]；可加第 7 个数（总计），工具会核对"
	put(m, "requests", req, "表三 收到和处理政府信息公开申请情况")

	app := mapping()
	for i, g := range report.Table4Rows {
		a := r.Appeals[i]
		am := mapping()
		am.Style = yaml.FlowStyle
		for j := range 4 {
			put(am, report.Table4Cols[j].Key, orNull("appeals."+g.Key+"."+report.Table4Cols[j].Key, intNode(a.Vals[j])), "")
		}
		if r.Source != nil && a.HasTotal {
			put(am, "total", intNode(a.Printed), "")
		}
		put(app, g.Key, am, g.Titled+"：结果维持、结果纠正、其他结果、尚未审结")
	}
	put(m, "appeals", app, "表四 政府信息公开行政复议、行政诉讼情况")

	if r.Fees != nil || r.Edition == report.Ed2021 {
		f := r.Fees
		if f == nil {
			f = &report.Fees{}
		}
		fm := mapping()
		put(fm, "notices", orNull("processing_fees.notices", intNode(f.Notices)), report.FeeFields[0].Label)
		put(fm, "notified_amount", orNull("processing_fees.notified_amount", amountNode(f.NotifiedAmount)), report.FeeFields[1].Label)
		put(fm, "collected", orNull("processing_fees.collected", amountNode(f.Collected)), report.FeeFields[2].Label)
		put(m, "processing_fees", fm, "信息处理费（在“六、其他需要报告的事项”中报告）")
	}
	if r.WorkPlan != nil {
		put(m, "work_plan", marshalWorkPlan(r.WorkPlan), "政务公开工作要点落实情况（在“六、其他需要报告的事项”中报告）")
	}
	if r.MergedUnits != nil {
		put(m, "merged_units", marshalMergedUnits(r.MergedUnits), "汇总单位情况：参与汇总的单位及其报送情况（已报送、零报告、未报送、有错误、未能读取），file 相对于汇总清单")
	}

	if r.Source != nil {
		put(m, "source", marshalSource(r.Source), "来源：由 nianbao ingest 从已发布的报告读入（check 和 build 不读取此项）")
	}

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		// The node tree is built here from plain values; encoding cannot fail.
		panic("datafile.Marshal: " + err.Error())
	}
	enc.Close()
	return buf.Bytes()
}

func t2Comment(b report.T2Block, row report.T2Row) string {
	s := b.Caption + " " + row.Label + "："
	for i, c := range b.Cols {
		if i > 0 {
			s += "、"
		}
		s += c.Label
	}
	return s
}

func cutID(id string) (group, key string, nested bool) {
	for i := 0; i < len(id); i++ {
		if id[i] == '.' {
			return id[:i], id[i+1:], true
		}
	}
	return "", id, false
}

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }

func put(m *yaml.Node, key string, v *yaml.Node, comment string) {
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	if comment != "" {
		switch {
		case v.Style == yaml.FlowStyle:
			v.LineComment = "# " + comment
		case v.Kind == yaml.MappingNode:
			k.HeadComment = "# " + comment
		default:
			k.LineComment = "# " + comment
		}
	}
	m.Content = append(m.Content, k, v)
}

func intNode(v int64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v, 10)}
}

func amountNode(d report.Decimal) *yaml.Node {
	tag := "!!int"
	if d.Scale > 0 {
		tag = "!!float"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: d.String()}
}

func strNode(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func textNode(s string) *yaml.Node {
	n := strNode(s)
	if s != "" {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// Scaffold returns a complete data file for organ and year: every statutory
// row present as zeros, every row commented, the text sections empty (check
// reports them until they are written).
func Scaffold(year int, organ string) []byte {
	ed := report.EditionForYear(year)
	r := &report.Report{Year: year, Organ: organ, Edition: ed, Scope: report.ScopeOrgan,
		Active: make([]report.Cell, len(ed.Table2Cells())), Requests: make([]report.AppRow, len(ed.Table3()))}
	if ed == report.Ed2019 {
		r.ProcUnit = "万元"
	}
	if ed == report.Ed2021 {
		r.Fees = &report.Fees{}
	}
	return addMetaComment(Marshal(r))
}

// metaComment lists the optional publication metadata keys, commented
// out, for Scaffold.
const metaComment = `# 以下为可选的网页发布信息（政府网站信息表和 <meta> 标签），需要时删去行首的 # 并填写：
# index_number: 000000000/2025-00001   # 索引号
# publisher: 示例市人民政府办公室       # 发布机构；不写时为报告主体
# document_number: 示政办〔2025〕1号    # 文号；没有的不写
# published: 2025-01-22                 # 发布日期；不写时为落款日期
# topic: 综合政务/政务公开              # 主题分类
`

// addMetaComment puts metaComment before the text: key of a marshalled
// file, without the example lines of keys the file already has; with all
// of them there, it adds nothing.
func addMetaComment(b []byte) []byte {
	i := bytes.Index(b, []byte("\n# 文字部分"))
	if i < 0 {
		return b
	}
	lines := strings.SplitAfter(metaComment, "\n")
	var keep []string
	for _, l := range lines[1:] {
		key, _, _ := strings.Cut(strings.TrimPrefix(l, "# "), ":")
		if l != "" && !bytes.Contains(b, []byte("\n"+key+":")) {
			keep = append(keep, l)
		}
	}
	if len(keep) == 0 {
		return b
	}
	return slices.Concat(b[:i+1], []byte(lines[0]+strings.Join(keep, "")), b[i+1:])
}

// marshalSource writes the source: block (see report.Source).
func marshalSource(s *report.Source) *yaml.Node {
	m := mapping()
	put(m, "file", strNode(s.File), "已发布的文件")
	put(m, "sha256", strNode(s.SHA256), "")
	put(m, "format", strNode(s.Format), "html、docx 或 pdf")
	tables := mapping()
	for _, t := range s.Tables {
		tm := mapping()
		tm.Style = yaml.FlowStyle
		put(tm, "where", strNode(t.Where), "")
		put(tm, "read", intNode(int64(t.Read)), "")
		put(tm, "unreadable", intNode(int64(t.Unreadable)), "")
		put(tables, t.Name, tm, "")
	}
	put(m, "tables", tables, "每个表：位置（网页元素路径、页码，或“图片”“未找到”）、读出的单元格数、无法读取的单元格数")
	return m
}
