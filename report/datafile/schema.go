package datafile

import (
	"bytes"
	"encoding/json"
	"nianbao/report"
	"strings"
)

// obj is a JSON object that keeps its keys in insertion order, so the
// schema is byte-for-byte deterministic and reads in table order.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(p.k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := json.Marshal(p.v)
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func countSchema(desc string) obj {
	return obj{{"type", "integer"}, {"minimum", 0}, {"description", desc}}
}

func signedSchema(desc string) obj {
	return obj{{"type", "integer"}, {"description", desc}}
}

func amountSchema(desc string) obj {
	return obj{{"type", "number"}, {"minimum", 0}, {"description", desc + "（照原样保留小数位，不要写单位）"}}
}

func closed(desc string, props obj, required []string) obj {
	o := obj{{"type", "object"}, {"description", desc}, {"additionalProperties", false}, {"properties", props}}
	if len(required) > 0 {
		o = append(o, kv{"required", required})
	}
	return o
}

func rowSchema(label string) obj {
	return obj{
		{"type", "array"},
		{"description", label + "：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]，可加第 7 个数（总计）"},
		{"minItems", 6}, {"maxItems", 7},
		{"items", obj{{"type", "integer"}, {"minimum", 0}}},
	}
}

func activeSchema(ed report.Edition) obj {
	var props obj
	var req []string
	for _, b := range ed.Table2() {
		for _, row := range b.Rows {
			var cp obj
			var creq []string
			for _, c := range b.Cols {
				d := b.Caption + " " + row.Label + "：" + c.Label
				switch c.Kind {
				case report.KindCount:
					cp = append(cp, kv{c.Key, countSchema(d)})
				case report.KindChange:
					cp = append(cp, kv{c.Key, signedSchema(d + "（可为负数）")})
				case report.KindAmount:
					cp = append(cp, kv{c.Key, amountSchema(d)})
				}
				creq = append(creq, c.Key)
			}
			if row.Key == "procurement" {
				cp = append(cp, kv{"unit", obj{{"enum", []string{"元", "万元"}}, {"description", "采购总金额的单位，默认万元"}}})
			}
			props = append(props, kv{row.Key, closed(b.Caption+" "+row.Label, cp, creq)})
			req = append(req, row.Key)
		}
	}
	return closed("表二 主动公开政府信息情况（"+string(ed)+" 版）", props, req)
}

func requestsSchema(ed report.Edition) obj {
	type group struct {
		label string
		props obj
		req   []string
	}
	var order []string
	rows := map[string]obj{}
	groups := map[string]*group{}
	for _, row := range ed.Table3() {
		g, k, nested := cutID(row.ID)
		if !nested {
			order = append(order, row.ID)
			rows[row.ID] = rowSchema(row.Label)
			continue
		}
		gr, ok := groups[g]
		if !ok {
			gr = &group{label: row.Group}
			groups[g] = gr
			order = append(order, g)
		}
		gr.props = append(gr.props, kv{k, rowSchema(row.Group + row.Label)})
		gr.req = append(gr.req, k)
	}
	var props obj
	var req []string
	for _, key := range order {
		if gr, ok := groups[key]; ok {
			props = append(props, kv{key, closed(gr.label, gr.props, gr.req)})
		} else {
			props = append(props, kv{key, rows[key]})
		}
		if key != "total" {
			req = append(req, key)
		}
	}
	return closed("表三 收到和处理政府信息公开申请情况（"+string(ed)+" 版）", props, req)
}

func appealsSchema() obj {
	var props obj
	var req []string
	for _, g := range report.Table4Rows {
		var cp obj
		for _, c := range report.Table4Cols {
			cp = append(cp, kv{c.Key, countSchema(g.Titled + "：" + c.Label)})
		}
		props = append(props, kv{g.Key, closed(g.Titled, cp, []string{"upheld", "corrected", "other", "pending"})})
		req = append(req, g.Key)
	}
	return closed("表四 政府信息公开行政复议、行政诉讼情况", props, req)
}

// JSONSchema returns a JSON Schema (draft-07) of the data contract with
// Chinese descriptions, for editors such as yaml-language-server. The shape
// of active and requests depends on the edition, chosen as Load chooses it.
func JSONSchema() []byte {
	var textProps obj
	var textReq []string
	for _, s := range report.TextSections {
		textProps = append(textProps, kv{s.Key, obj{{"type", "string"}, {"description", s.Title + "（每行一段，段落之间可以空一行）"}}})
		if s.Required {
			textReq = append(textReq, s.Key)
		}
	}
	fees := closed("信息处理费（2021 版在“六、其他需要报告的事项”中报告）", obj{
		{"notices", countSchema(report.FeeFields[0].Label)},
		{"notified_amount", amountSchema(report.FeeFields[1].Label)},
		{"collected", amountSchema(report.FeeFields[2].Label)},
	}, []string{"notices", "notified_amount", "collected"})
	top := obj{
		{"year", obj{{"type", "integer"}, {"minimum", 2019}, {"maximum", 2100}, {"description", "报告年度；统计期限为该年 1 月 1 日至 12 月 31 日"}}},
		{"organ", obj{{"type", "string"}, {"minLength", 1}, {"description", "报告主体（机关全称），例如 示例市人民政府办公室"}}},
		{"format", obj{{"enum", []string{"2019", "2021"}}, {"description", "格式版本：2019（国办公开办函〔2019〕60号，2019—2020 年度）或 2021（国办公开办函〔2021〕30号，2021 年度起）。不写时按年度确定"}}},
		{"format_override_reason", obj{{"type", "string"}, {"description", "年度与格式版本不一致时的理由"}}},
		{"scope", obj{{"enum", []string{"organ", "region"}}, {"description", "organ：本机关报告（默认）；region：本级政府汇总报告"}}},
		{"date", obj{{"type", "string"}, {"pattern", `^\d{4}-\d{2}-\d{2}$`}, {"description", "落款日期 YYYY-MM-DD"}}},
		{"index_number", obj{{"type", "string"}, {"maxLength", 200}, {"description", "索引号：网站信息公开目录的编号，显示在报告网页的信息表和 <meta> 中"}}},
		{"publisher", obj{{"type", "string"}, {"maxLength", 200}, {"description", "发布机构；不写时为报告主体 organ"}}},
		{"document_number", obj{{"type", "string"}, {"maxLength", 200}, {"description", "文号，例如 示政办〔2025〕3号；没有的不写"}}},
		{"published", obj{{"type", "string"}, {"pattern", `^\d{4}-\d{2}-\d{2}$`}, {"description", "发布日期 YYYY-MM-DD（网页的 PubDate）；不写时为落款日期 date"}}},
		{"topic", obj{{"type", "string"}, {"maxLength", 200}, {"description", "主题分类，例如 综合政务/政务公开"}}},
		{"carry_over_note", obj{{"type", "string"}, {"description", "本年“上年结转”与上年度报告“结转下年度继续办理”不一致时的说明，会印在报告中"}}},
		{"text", closed("文字部分", textProps, textReq)},
		{"active", obj{{"description", "表二 主动公开政府信息情况"}}},
		{"requests", obj{{"description", "表三 收到和处理政府信息公开申请情况"}}},
		{"appeals", appealsSchema()},
		{"processing_fees", fees},
		{"work_plan", workPlanSchema()},
		{"merged_units", mergedUnitsSchema()},
		{"source", obj{{"type", "object"}, {"description", "nianbao ingest 读入的已发布报告的来源（file、sha256、format、tables）；check 和 build 不读取"}}},
	}
	is2019 := obj{{"anyOf", []obj{
		{{"properties", obj{{"format", obj{{"const", "2019"}}}}}, {"required", []string{"format"}}},
		{{"properties", obj{{"year", obj{{"maximum", 2020}}}}}, {"not", obj{{"required", []string{"format"}}}}},
	}}}
	schema := obj{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"$id", "nianbao.schema.json"},
		{"title", "政府信息公开工作年度报告数据文件（nianbao 数据约定 v1）"},
		{"type", "object"},
		{"additionalProperties", false},
		{"required", []string{"year", "organ", "text", "active", "requests", "appeals"}},
		{"properties", top},
		{"if", is2019},
		{"then", obj{{"properties", obj{{"active", activeSchema(report.Ed2019)}, {"requests", requestsSchema(report.Ed2019)}}}}},
		{"else", obj{{"properties", obj{{"active", activeSchema(report.Ed2021)}, {"requests", requestsSchema(report.Ed2021)}}}}},
	}
	b, err := json.MarshalIndent(schema, "", "  ")
	if err != nil {
		panic("report.JSONSchema: " + err.Error())
	}
	// MarshalIndent escapes < > & for HTML; the schema has none that matter,
	// but keep descriptions readable.
	s := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b))
	return []byte(s + "\n")
}

func workPlanSchema() obj {
	str := func(key, desc string) kv {
		return kv{key, obj{{"type", "string"}, {"description", report.TaskField[key] + "：" + desc}}}
	}
	task := closed("一项任务（任务分解表的一个事项）", obj{
		str("item", "事项名称，不含序号，例如 加强政策解读"),
		{"task", obj{{"type", "string"}, {"minLength", 1}, {"description", "主要任务：任务分解表中的任务内容（必填）"}}},
		str("lead", "牵头部门"),
		str("units", "责任单位"),
		str("deadline", "完成时限，照原样填写，例如 2024年6月底、2024年12月底、2024年第三季度、长期坚持"),
		{"status", obj{{"enum", report.TaskStatuses}, {"description", "落实状态：已完成、推进中或未完成"}}},
		str("result", "落实情况：做了什么、成效如何；未完成的写明原因和下一步安排"),
	}, []string{"task", "status"})
	return closed("政务公开工作要点落实情况（在“六、其他需要报告的事项”中报告），可用 nianbao workplan import 从任务分解表导入", obj{
		{"title", obj{{"type", "string"}, {"description", "工作要点名称，不加书名号，例如 示例市2024年政务公开工作要点"}}},
		{"tasks", obj{{"type", "array"}, {"minItems", 1}, {"description", "任务列表"}, {"items", task}}},
	}, []string{"tasks"})
}
