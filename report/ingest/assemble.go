package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"nianbao/report"
)

// MaxFileSize bounds a published report read by any reader (a real one is
// 50 KB – 5 MB; a PDF with scanned pages may be larger).
const MaxFileSize = 64 << 20

// Limits on what a reader keeps of one document.
const (
	maxBlocks = 20000
	maxCells  = 20000 // per table
	maxText   = 4 << 20
)

// blockKind says what a block is.
type blockKind int

const (
	bPara blockKind = iota
	bTable
	bImage
)

// block is one paragraph, table or image of a document, in reading order.
type block struct {
	kind  blockKind
	text  string // paragraph text (bPara)
	where string // element path or page, for messages and source:
	tab   *table // bTable
}

// table is a table as rows of cells. A cell spanning rows (rowspan,
// vMerge) is listed, as the same *tcell, in every row it covers. x0, x1
// are the cell's horizontal extent: grid columns [x0, x1) for HTML and
// DOCX, points for PDF. tol is how far apart two centres may be and still
// be one column (0.5 for grids, a fraction of the font size for PDF).
type table struct {
	rows  [][]*tcell
	where string
	tol   float64
	pdf   bool
	// lines are the PDF rows' label context: for PDF the text of
	// neighbouring rows without figures (a wrapped label) belongs to
	// the row with the figures.
}

type tcell struct {
	text   string
	x0, x1 float64
}

func (c *tcell) centre() float64 { return (c.x0 + c.x1) / 2 }

// Info is what a reader found besides the report: the source block.
type Info = report.Source

// result collects the report being read and its problems.
type result struct {
	name  string
	r     *report.Report
	ps    report.Problems
	blank map[string]bool
	src   *report.Source
	none  bool // no report found: finish gives a nil report
}

func (res *result) add(sev report.Severity, rule, path, format string, args ...any) {
	res.ps = append(res.ps, report.Problem{File: res.name, Path: path, Rule: rule, Severity: sev, Msg: fmt.Sprintf(format, args...)})
}

// newSource starts the source block for data read from name.
func newSource(name, format string, data []byte) *report.Source {
	sum := sha256.Sum256(data)
	return &report.Source{File: path.Base(strings.ReplaceAll(name, "\\", "/")), SHA256: hex.EncodeToString(sum[:]), Format: format}
}

var (
	titleRE = regexp.MustCompile(`^(.*?)((?:19|20)\d\d)\s*年(?:度)?(?:本[级机]关)?(?:政府)?信息公开(?:工作)?(?:年度)?报告`)
	dateRE  = regexp.MustCompile(`^((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
	feeRE   = regexp.MustCompile(`^本年度发出信息处理费收费通知(\d+)件，收费通知总金额([0-9.]+)元，实际收取信息处理费([0-9.]+)元。$`)
	editRE  = regexp.MustCompile(`^[（(]按国办公开办函〔20(19|21)〕\d+号规定的格式编制[)）]$`)
	pageRE  = regexp.MustCompile(`^[—–\-－]?\s*\d{1,4}\s*[—–\-－]?$|^第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?$`)
	wpRE    = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[)）]` + report.WorkPlanHeading + `$`)
	wpSumRE = regexp.MustCompile(`^(?:《(.+)》|本年度政务公开工作要点)共(\d+)项任务`)
)

// norm removes whitespace (including no-break and ideographic spaces) and
// unifies the punctuation offices vary: half-width brackets, dots and
// quotes. It is how labels are compared.
func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b' || r == '\ufeff':
			continue
		case r == '(':
			r = '（'
		case r == ')':
			r = '）'
		case r == '．' || r == '、' && false:
			r = '.'
		case r == '"' || r == '“' || r == '”' || r == '「' || r == '」' || r == '\'':
			continue
		case r == ',':
			r = '，'
		case r == ':':
			r = '：'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// core is a label without its numbering (一、 （一） 1. 1、) and
// punctuation: what two spellings of a label share.
func core(s string) string {
	s = norm(s)
	s = numberingRE.ReplaceAllString(s, "")
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, s)
}

var numberingRE = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.]|（[一二三四五六七八九十]+）|[0-9]+[.、．])`)

// headingIndex returns which statutory heading (0–5) p is, or -1. A
// heading is the statutory text with its number, typed with any spacing.
func headingIndex(p string) int {
	n := norm(p)
	if len([]rune(n)) > 40 {
		return -1
	}
	n = strings.Replace(n, ".", "、", 1)
	n = strings.Replace(n, "．", "、", 1)
	for i, h := range report.SectionHeadings {
		if n == h || strings.HasPrefix(n, h) && len([]rune(n))-len([]rune(h)) <= 2 {
			return i
		}
	}
	return -1
}

// assemble reads the report from a document's blocks. year, organ and
// title are the page's own title when the document has one outside the
// blocks ("" when not).
func assemble(res *result, blocks []block, pageTitle string) {
	r := &report.Report{File: res.name, Scope: report.ScopeOrgan}
	res.r = r
	// Find the headings.
	heads := [6]int{-1, -1, -1, -1, -1, -1}
	next := 0
	for i, b := range blocks {
		if b.kind != bPara {
			continue
		}
		if h := headingIndex(b.text); h >= next {
			heads[h] = i
			next = h + 1
		}
	}
	first := len(blocks)
	for _, h := range heads {
		if h >= 0 {
			first = min(first, h)
			break
		}
	}
	// Title: the paragraphs before heading 一 joined until one reads as a
	// title; else the page title.
	titleEnd := -1
	prev := ""
	for i := 0; i < first && i < len(blocks); i++ {
		b := blocks[i]
		if b.kind != bPara {
			continue
		}
		n := norm(b.text)
		if len([]rune(n)) > 80 {
			prev = ""
			continue // a sentence, not a title
		}
		n = arabicYear(n)
		m := titleRE.FindStringSubmatch(n)
		if (m == nil || m[1] == "") && prev != "" {
			// A title set on two lines: 机关名称 / 2024年…年度报告.
			if j := titleRE.FindStringSubmatch(prev + n); j != nil {
				m = j
			}
		}
		if m != nil {
			setTitle(r, m)
			titleEnd = i
			break
		}
		prev = n
	}
	if r.Year == 0 {
		if m := titleRE.FindStringSubmatch(arabicYear(norm(pageTitle))); m != nil {
			setTitle(r, m)
		}
	}
	if r.Year == 0 {
		res.add(report.Error, "IN-4", "year", "找不到报告标题（如“示例市人民政府办公室2024年政府信息公开工作年度报告”），无法确定年度和报告主体。请在生成的文件中填写 year 和 organ")
	} else if r.Organ == "" {
		res.add(report.Error, "IN-4", "organ", "标题中没有报告主体（机关名称）。请在生成的文件中填写 organ")
	}
	for i, h := range heads {
		if h < 0 {
			res.add(report.Warning, "IN-5", "", "找不到法定标题“%s”：该部分未能读取。请对照原文检查生成的文件", report.SectionHeadings[i])
		}
	}

	// Section ranges.
	end := func(k int) int { // first block after section k
		for j := k + 1; j < 6; j++ {
			if heads[j] >= 0 {
				return heads[j]
			}
		}
		return len(blocks)
	}
	var tables [3][]*block
	var images [3]string
	for k := 1; k <= 3; k++ {
		if heads[k] < 0 {
			continue
		}
		for i := heads[k] + 1; i < end(k); i++ {
			switch blocks[i].kind {
			case bTable:
				tables[k-1] = append(tables[k-1], &blocks[i])
			case bImage:
				if images[k-1] == "" {
					images[k-1] = blocks[i].where
				}
			case bPara:
				if k == 2 {
					if t, ok := strings.CutPrefix(norm(blocks[i].text), "说明："); ok && len(tables[1]) > 0 {
						r.CarryOverNote = t
					}
				}
			}
		}
	}
	// Tables may also be found by their content anywhere (a report whose
	// headings are images or missing).
	if heads[1] < 0 || heads[2] < 0 || heads[3] < 0 {
		for i := range blocks {
			if blocks[i].kind != bTable {
				continue
			}
			if k := classify(blocks[i].tab); k >= 0 && len(tables[k]) == 0 {
				tables[k] = append(tables[k], &blocks[i])
			}
		}
	}
	// Neither a statutory heading nor a statutory table (or an image in
	// its place): not a report, whatever the title says — a notice page
	// whose report is an attachment, an empty document.
	none := true
	for k := range 3 {
		none = none && len(tables[k]) == 0 && images[k] == ""
	}
	for _, h := range heads {
		none = none && h < 0
	}
	if none {
		res.ps, res.none = nil, true
		if r.Year != 0 {
			res.add(report.Error, "IN-3", "", "只有标题“%s%d年……年度报告”，没有年度报告的正文（一、总体情况……）和统计表：正文可能在附件（PDF、Word）或图片中，请读入附件", r.Organ, r.Year)
		} else {
			res.add(report.Error, "IN-3", "", "没有找到年度报告：既没有报告标题（如“示例市人民政府办公室2024年政府信息公开工作年度报告”），也没有法定的各部分标题（一、总体情况……）和统计表")
		}
		return
	}
	r.Edition = editionOf(r.Year, tables)
	if r.Year != 0 && r.Edition != report.EditionForYear(r.Year) {
		r.FormatOverrideReason = ""
		res.add(report.Warning, "IN-5", "format", "%d 年度的报告按 %s 版格式的表格发布（法定应为 %s 版）：已按表格的实际格式读取", r.Year, r.Edition, report.EditionForYear(r.Year))
	}
	r.Active = make([]report.Cell, len(r.Edition.Table2Cells()))
	r.Requests = make([]report.AppRow, len(r.Edition.Table3()))
	if r.Edition == report.Ed2019 {
		r.ProcUnit = "万元"
	}
	readTables(res, tables, images)

	// Text.
	var preface []string
	if first < len(blocks) {
		for i := titleEnd + 1; i < first; i++ {
			if blocks[i].kind == bPara && !generated(blocks[i].text) {
				preface = append(preface, blocks[i].text)
			}
		}
	}
	r.Text[0].Body = strings.Join(preface, "\n")
	texts := map[int]int{0: 1, 4: 2, 5: 3}
	for k, ti := range texts {
		if heads[k] < 0 {
			continue
		}
		r.Text[ti].Body = strings.Join(sectionText(res, blocks[heads[k]+1:end(k)], k == 5), "\n")
	}
	if r.WorkPlan != nil && len(r.WorkPlan.Tasks) == 0 {
		res.add(report.Warning, "IN-5", "work_plan", "第六部分有“%s”，但其中的任务表未能读回（PDF 中的表格不读回）：work_plan 未写入，需要时请用 nianbao workplan import 导入任务分解表", report.WorkPlanHeading)
		r.WorkPlan = nil
	}
	if r.Edition == report.Ed2021 && r.Fees == nil {
		r.Fees = feesFromText(r.Text[3].Body)
		if r.Fees == nil {
			r.Fees = &report.Fees{}
			for _, f := range report.FeeFields {
				res.blank["processing_fees."+f.Key] = true
			}
			res.add(report.Warning, "IN-5", "processing_fees", "第六部分没有找到信息处理费的情况（发出收费通知件数、通知总金额、实际收取金额）：processing_fees 已留空，请对照原文填写")
		}
	}
}

// cnYearRE is a year written in Chinese numerals, as some titles have it:
// 二〇二四年, 二零二四年.
var cnYearRE = regexp.MustCompile(`[〇零○一二三四五六七八九]{4}年`)

// arabicYear writes a year in Chinese numerals in Arabic digits
// (二〇二四年 → 2024年), so the title reads like any other.
func arabicYear(s string) string {
	digit := map[rune]rune{'〇': '0', '零': '0', '○': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9'}
	return cnYearRE.ReplaceAllStringFunc(s, func(y string) string {
		return strings.Map(func(r rune) rune {
			if d, ok := digit[r]; ok {
				return d
			}
			return r
		}, y)
	})
}

func setTitle(r *report.Report, m []string) {
	r.Year, _ = strconv.Atoi(m[2])
	org := strings.TrimSpace(m[1])
	org = strings.TrimSuffix(org, "关于")
	r.Organ = org
}

// generated reports whether p is a line nianbao or a portal adds that is
// not the office's text: the edition line, a page number.
func generated(p string) bool {
	n := norm(p)
	if editRE.MatchString(n) || pageRE.MatchString(n) || n == "" {
		return true
	}
	for _, l := range infoLabels {
		if n == l || strings.HasPrefix(n, l+"：") {
			return true
		}
	}
	return false
}

// infoLabels are the labels of a portal's information table and page
// furniture around an article.
var infoLabels = []string{"索引号", "发布机构", "发文机关", "发布日期", "成文日期", "文号", "主题分类", "信息来源", "来源", "浏览次数", "字号", "打印本页", "关闭窗口", "分享到", "名称", "生效日期", "有效性"}

// sectionText returns the office's paragraphs of a text section, leaving
// out what nianbao generates; in section 六 it reads the fee statement
// and the work-plan ledger, and stops at the signature and appendices.
func sectionText(res *result, bs []block, sixth bool) []string {
	r := res.r
	var out []string
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if b.kind != bPara {
			if sixth && b.kind == bTable && r.WorkPlan != nil && len(r.WorkPlan.Tasks) == 0 {
				readWorkPlan(res, b.tab)
			}
			continue
		}
		n := norm(b.text)
		if generated(b.text) {
			continue
		}
		if strings.HasPrefix(n, "附：") || strings.HasPrefix(n, "附件") || n == "图解" {
			break
		}
		if m := dateRE.FindStringSubmatch(n); m != nil {
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			r.Date = fmt.Sprintf("%s-%02d-%02d", m[1], mo, d)
			// The organ's name above the date is the signature.
			if len(out) > 0 && norm(out[len(out)-1]) == norm(r.Organ) {
				out = out[:len(out)-1]
			}
			break
		}
		if sixth {
			if m := feeRE.FindStringSubmatch(n); m != nil {
				f := &report.Fees{}
				f.Notices, _ = strconv.ParseInt(m[1], 10, 64)
				f.NotifiedAmount, _ = report.ParseDecimal(m[2])
				f.Collected, _ = report.ParseDecimal(m[3])
				r.Fees = f
				continue
			}
			if wpRE.MatchString(n) {
				r.WorkPlan = &report.WorkPlan{}
				continue
			}
			if r.WorkPlan != nil {
				if m := wpSumRE.FindStringSubmatch(n); m != nil {
					r.WorkPlan.Title = m[1]
					continue
				}
			}
		}
		if r.WorkPlan != nil && sixth {
			continue // inside the ledger (a PDF's table rows)
		}
		out = append(out, strings.TrimSpace(b.text))
	}
	if len(out) > 0 && norm(out[len(out)-1]) == norm(r.Organ) {
		out = out[:len(out)-1]
	}
	return out
}

var (
	feeNoticesRE = regexp.MustCompile(`发出(?:信息处理费)?收费通知(?:书)?([0-9]+)(?:件|份)`)
	feeNoneRE    = regexp.MustCompile(`(?:未|没有)[^，。；]*发出[^，。；]*收费通知`)
	feeAmountRE  = regexp.MustCompile(`(?:收费)?通知(?:的)?总?金额(?:共计|合计|共|为)?([0-9]+(?:\.[0-9]+)?)元`)
	feeNoCollRE  = regexp.MustCompile(`未(?:实际)?收取(?:任何)?信息处理费`)
	feeBothRE    = regexp.MustCompile(`通知(?:总)?金额和实际收取(?:总)?金额均为([0-9]+(?:\.[0-9]+)?)元`)
	feeCollRE    = regexp.MustCompile(`实际收取(?:信息处理费)?(?:金额)?(?:为)?([0-9]+(?:\.[0-9]+)?)元`)
)

// feesFromText reads the 信息处理费 figures from the office's own
// sentence in section 六 (when nianbao printed none, the text gives
// them); nil unless all three are found.
func feesFromText(s string) *report.Fees {
	s = norm(s)
	f := &report.Fees{}
	switch m := feeNoticesRE.FindStringSubmatch(s); {
	case m != nil:
		f.Notices, _ = strconv.ParseInt(m[1], 10, 64)
	case feeNoneRE.MatchString(s):
	default:
		return nil
	}
	m := feeAmountRE.FindStringSubmatch(s)
	c := feeCollRE.FindStringSubmatch(s)
	if b := feeBothRE.FindStringSubmatch(s); b != nil {
		m, c = b, b
	}
	if c == nil && feeNoCollRE.MatchString(s) {
		c = []string{"", "0"}
	}
	if m == nil && f.Notices == 0 {
		m = []string{"", "0"} // no notice sent: nothing was notified
	}
	if m == nil || c == nil {
		return nil
	}
	var err1, err2 error
	f.NotifiedAmount, err1 = report.ParseDecimal(m[1])
	f.Collected, err2 = report.ParseDecimal(c[1])
	if err1 != nil || err2 != nil {
		return nil
	}
	return f
}
