package report

// Rule is one statutory or structural rule that Check or Load enforces.
// IDs are stable: other systems key on them (see `nianbao check --json`).
type Rule struct {
	ID       string
	Severity Severity // default severity
	Title    string   // what it checks, one line
	Basis    string   // legal or structural basis
}

// Rules lists every rule in the order `nianbao rules` prints them.
var Rules = []Rule{
	{"S-1", Error, "文件可读：存在、不超过 1 MiB、UTF-8 编码、非空、YAML 语法正确、只含一个文档、无别名滥用", "数据文件约定 v1（data-format.md）"},
	{"S-2", Error, "没有未知的键（拼写错误会给出最接近的正确键名）", "数据文件约定 v1"},
	{"S-3", Error, "同一映射中没有重复的键", "数据文件约定 v1；YAML 1.2 规范"},
	{"S-4", Error, "每个值的类型正确：映射、列表、整数、金额、文字各在其位", "数据文件约定 v1"},
	{"S-5", Error, "每个法定行、单元格都已填写：缺失、null 或空白不等于 0，没有的请填 0", "数据文件约定 v1；格式规范 §5.5"},
	{"S-6", Error, "表三每行为 6 个数（按申请人类型），或 7 个数（第 7 个为总计）", "国办公开办函〔2021〕30号 表三栏目设置"},
	{"S-7", Error, "year、format、scope、date、unit 等取值合法", "数据文件约定 v1"},
	{"S-8", Error, "同一目录下同一机关同一年度只有一个报告文件", "数据文件约定 v1：文件与年度"},
	{"T2-1", Error, "2021 版表二：件数为非负整数，本年收费金额为非负金额（万元）", "国办公开办函〔2021〕30号 表二"},
	{"T2-2", Error, "2019 版表二：本年增/减可为负，其余数量为非负整数，采购总金额为非负金额并注明单位", "国办公开办函〔2019〕60号 表二"},
	{"T3-1", Error, "表三每一列：第一项加第二项之和等于第三项（（七）总计）加第四项之和", "表三勾稽关系注释：“第一项加第二项之和，等于第三项加第四项之和”"},
	{"T3-3", Error, "表三每一列：（七）总计等于（一）至（六）各办理结果之和", "表三结构；（二）注释“只计这一情形，不计其他情形”"},
	{"T3-4", Error, "表三每一行：总计等于自然人与五类法人或其他组织之和", "表三栏目设置"},
	{"T3-6", Error, "表三所有数为非负整数（申请件数）", "表三栏目设置"},
	{"T4-1", Error, "表四每组：总计等于结果维持、结果纠正、其他结果、尚未审结之和", "表四栏目设置"},
	{"T4-2", Error, "表四所有数为非负整数", "表四栏目设置"},
	{"X-0", Info, "找不到上一年度报告文件时，说明跳过了哪些跨年度检查", "数据文件约定 v1：文件与年度"},
	{"X-1", Error, "本年“上年结转”等于上一年度报告“结转下年度继续办理”（每一列）；文件写明 carry_over_note 时降为警告并引用说明", "表三第二项与上一年度第四项的衔接"},
	{"X-2", Warning, "2021 版表二第二十条第（一）项：现行有效件数约等于上年现行有效件数 + 本年制发 − 本年废止", "表二栏目含义"},
	{"X-3", Warning, "2019 版表二：上一年项目数量 + 本年增/减 应等于下一年度的上一年项目数量", "表二栏目含义"},
	{"X-5", Error, "报告年度与格式版本一致：2019—2020 年度用 2019 版，2021 年度起用 2021 版（写明 format_override_reason 时降为警告）", "国办公开办函〔2019〕60号；国办公开办函〔2021〕30号"},
	{"M-1", Warning, "汇总：清单中的每个单位都已报送数据文件（未报送的单位不计入汇总）", "条例第四十九条；本级政府报告应反映本行政区域全貌"},
	{"M-2", Error, "汇总：参与汇总的单位报告没有错误（加 --allow-errors 时降为警告）", "数据准确：汇总前各单位报告须通过检查"},
	{"M-3", Error, "汇总：单位报告与清单一致——机关名称相符、同一年度、同一版格式、每个单位只汇总一次", "避免重复计算和口径混杂"},
	{"F-1", Warning, "2021 版报告应填写 processing_fees（信息处理费）", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；条例第五十条"},
	{"TX-1", Warning, "正文引用的关键数字（本年新收、上年结转、办结、结转下年度、行政复议、行政诉讼）与表格一致", "国办公开办函〔2021〕30号“（四）明确责任”：内容不准确"},
	{"TX-2", Warning, "信息处理费前后一致：实际收取不超过通知金额；有“逾期未缴费”的申请时，第六部分应说明收费通知情况", "国办函〔2020〕109号；表三（六）2"},
	{"TX-4", Warning, "总体情况涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障五方面", "国办公开办函〔2021〕30号“（一）总体情况”"},
	{"TX-5", Warning, "内容雷同：各文字部分与上一年度同一部分的相似度低于 80%", "国办公开办函〔2021〕30号“（四）明确责任”：内容雷同"},
	{"TX-6", Error, "总体情况、存在的主要问题及改进情况、其他需要报告的事项均已填写且非空", "条例第五十条；国办公开办函〔2021〕30号"},
	{"TX-7", Error, "正文中的占位符（如 {{本年新收申请}}）名称有效；.上年、.同比 形式需要上一年度报告文件（缺少时为警告）", "nianbao 占位符约定：正文数字取自表格，避免文字与表格矛盾"},
}

var rulesByID = func() map[string]Rule {
	m := make(map[string]Rule, len(Rules))
	for _, r := range Rules {
		m[r.ID] = r
	}
	return m
}()

// RuleByID returns the rule with the given ID; unknown IDs yield a zero Rule
// with Error severity so a typo cannot hide a problem.
func RuleByID(id string) Rule {
	if r, ok := rulesByID[id]; ok {
		return r
	}
	return Rule{ID: id, Severity: Error}
}
