package ingest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/report"
)

// portalPage renders d the way a government portal publishes a report
// pasted from Word: navigation, scripts and an information table around
// the article; a layout table; paragraphs of nested span/font with
// &nbsp;; the statutory tables with rowspan/colspan, every figure in its
// own <font>, some split in two spans. edit may change a figure cell's
// text (by its data path) and image lists the tables (table2…) published
// as pictures. charset is written in the meta tag.
func portalPage(d *report.Doc, charset string, edit map[string]string, image map[string]bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"><html><head><meta http-equiv="Content-Type" content="text/html; charset=%s"><title>%s_示例市人民政府门户网站</title>
<script>var nav = "一、总体情况 二、主动公开政府信息情况";</script><style>p{margin:0}</style></head><body>
<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li>互动交流</li></ul></div>
<table width="1000" class="layout"><tr><td class="left"><ul><li>政府信息公开指南</li><li>政府信息公开制度</li><li>政府信息公开年报</li></ul></td><td class="main">
<table class="xxgk"><tr><td>索引号：</td><td>000014349/2025-00012</td><td>主题分类：</td><td>综合政务</td></tr><tr><td>发布机构：</td><td>%s</td><td>发布日期：</td><td>2025-01-22</td></tr></table>
<h1 class="title">%s</h1><div class="info">来源：%s&nbsp;&nbsp;浏览次数：<span id="count">128</span>&nbsp;字号：[大 中 小]</div>
<div id="zoom" class="TRS_Editor"><div class="Custom_UnionStyle">
`, charset, d.Title, d.Organ, d.Title, d.Organ)
	para := func(s string) {
		// Word-pasted: an indent of &nbsp;, text in nested span/font,
		// split mid-sentence.
		rs := []rune(s)
		cut := len(rs) / 2
		fmt.Fprintf(&b, `<p class="MsoNormal" style="text-indent:32pt"><span style="font-family:仿宋_GB2312">&nbsp;&nbsp;<font face="仿宋">%s</font><span lang="EN-US"><font size="3">%s</font></span></span></p>`+"\n",
			esc(string(rs[:cut])), esc(string(rs[cut:])))
	}
	heading := func(s string) {
		fmt.Fprintf(&b, `<p class="MsoNormal"><b><span style="font-family:黑体">%s<o:p></o:p></span></b></p>`+"\n", esc(s))
	}
	table := func(g *report.Grid) {
		if image[g.ID] {
			fmt.Fprintf(&b, `<p align="center"><img src="/u/cms/%s.png" width="600"></p>`+"\n", g.ID)
			return
		}
		b.WriteString(`<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0">` + "\n")
		for _, rows := range [][][]report.GridCell{g.Head, g.Body} {
			for _, row := range rows {
				b.WriteString("<tr>")
				for _, c := range row {
					attrs := ""
					if c.ColSpan > 1 {
						attrs += fmt.Sprintf(` colspan="%d"`, c.ColSpan)
					}
					if c.RowSpan > 1 {
						attrs += fmt.Sprintf(` rowspan="%d"`, c.RowSpan)
					}
					text := c.Text
					if v, ok := edit[c.Key]; ok {
						text = v
					}
					content := esc(text)
					if rs := []rune(text); c.Kind == report.CellNumber && len(rs) >= 2 {
						// A figure split across two elements.
						content = `<font face="宋体">` + esc(string(rs[:1])) + `</font><span lang="EN-US">` + esc(string(rs[1:])) + `</span>`
					}
					fmt.Fprintf(&b, `<td%s valign="center"><p class="MsoNormal" align="center"><span style="font-size:10.5pt">%s</span></p></td>`, attrs, content)
				}
				b.WriteString("</tr>\n")
			}
		}
		b.WriteString("</table>\n")
	}
	for _, p := range d.Preface {
		para(p.Text)
	}
	for _, s := range d.Sections {
		heading(s.Heading)
		for _, p := range s.Paras {
			para(p.Text)
		}
		if s.Table != nil {
			table(s.Table)
		}
		for _, p := range s.Notes {
			para(p.Text)
		}
		for _, sub := range s.Subsections {
			heading(sub.Heading)
			for _, p := range sub.Paras {
				para(p.Text)
			}
			if sub.Table != nil {
				table(sub.Table)
			}
		}
	}
	fmt.Fprintf(&b, `<p align="right"><span>%s</span></p><p align="right"><span>%s</span></p>`+"\n", d.Organ, d.DateCN)
	b.WriteString(`</div></div><div class="share">分享到：<a>微信</a></div><div class="print"><a>打印本页</a> <a>关闭窗口</a></div>
</td></tr></table><div class="footer">主办：示例市人民政府办公室 网站标识码：0000000000</div><script>window.print && 0;</script></body></html>`)
	return b.String()
}

func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// TestPortalPages reads portal-shaped pages made from every file in
// data/: the same figures and text as the data file; a GBK page; cells
// typed with separators, full-width digits, “/” and text; tables as
// images.
func TestPortalPages(t *testing.T) {
	rs, err := renderOnce()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range rs {
		page := portalPage(x.doc, "utf-8", nil, nil)
		r, src, ps := HTML(x.name+".portal.html", []byte(page))
		if r == nil {
			t.Fatalf("%s: %v", x.name, ps)
		}
		for _, p := range ps {
			t.Errorf("%s: %s", x.name, p)
		}
		diff(t, x.name+" portal", figures(x.orig), figures(r))
		if len(src.Blank) > 0 {
			t.Errorf("%s: blank %v", x.name, src.Blank)
		}
		want := []string{docParas(x.doc.Preface), docParas(x.doc.Sections[0].Paras), docParas(x.doc.Sections[4].Paras), docParas(x.doc.Sections[5].Paras)}
		for i, s := range report.TextSections {
			if got := r.Text[i].Body; got != want[i] {
				t.Errorf("%s: text.%s:\nwant %q\n got %q", x.name, s.Key, want[i], got)
			}
		}
	}

	// GBK, with the meta charset.
	x := rs[len(rs)-1]
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(portalPage(x.doc, "gb2312", nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	r, _, ps := HTML("gbk.html", []byte(gbk))
	if r == nil || len(ps) > 0 {
		t.Fatalf("GBK page: %v", ps)
	}
	diff(t, "GBK page", figures(x.orig), figures(r))

	// GBK without a declaration (no meta charset, no BOM).
	undeclared := strings.Replace(gbk, `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "", 1)
	if undeclared == gbk {
		t.Fatal("meta charset not removed")
	}
	r, _, ps = HTML("gbk-undeclared.html", []byte(undeclared))
	if r == nil || len(ps) > 0 {
		t.Fatalf("GBK page without charset: %v", ps)
	}
	diff(t, "GBK page without charset", figures(x.orig), figures(r))
}

// TestDecodePage: a page's encoding as declared; undeclared, UTF-8 when
// valid and otherwise GB18030; bytes that are not text in any of them
// are refused with a Chinese message.
func TestDecodePage(t *testing.T) {
	const text = "<p>示例县2024年政府信息公开工作年度报告，𠀀</p>"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	const bmp = "<p>示例县政府信息公开工作年度报告</p>"
	gbBMP, err := simplifiedchinese.GBK.NewEncoder().String(bmp)
	if err != nil {
		t.Fatal(err)
	}
	noise := make([]byte, 600)
	for i := range noise {
		noise[i] = byte(0x80 + (i*37)%0x7f) // high bytes: not UTF-8, mostly not GB18030
	}
	for _, c := range []struct {
		name, page, want string
		err              bool
	}{
		{"UTF-8, undeclared", text, text, false},
		{"GB18030, undeclared", gb, text, false},
		{"GB2312, declared", `<meta charset="gb2312">` + gbBMP, `<meta charset="gb2312">` + bmp, false},
		{"UTF-8 with a BOM", "\ufeff" + text, text, false},
		{"not text", string(noise), "", true},
	} {
		got, err := decodePage([]byte(c.page), 1<<20)
		switch {
		case c.err && (err == nil || !strings.Contains(err.Error(), "网页编码无法识别，可能是 GBK")):
			t.Errorf("%s: err %v, want 网页编码无法识别", c.name, err)
		case !c.err && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case !c.err && strings.TrimPrefix(string(got), "\ufeff") != c.want:
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPortalCells: every way a cell is typed, read or named.
func TestPortalCells(t *testing.T) {
	rs, err := renderOnce()
	if err != nil {
		t.Fatal(err)
	}
	var x rendered
	for _, y := range rs {
		if y.orig.Edition == report.Ed2021 && y.orig.Row("received").Cells[0] >= 10 {
			x = y
		}
	}
	recv := x.orig.Row("received").Cells[0]
	tests := []struct {
		name, key, text string
		rule            string // problem expected on key; "" none
		blank           bool
		want            int64
	}{
		{"thousands", "requests.received[0]", fmt.Sprintf("%d,%03d", recv/1000, recv%1000), "IN-2", false, recv},
		{"full-width", "requests.received[0]", strings.Map(func(r rune) rune { return r - '0' + '０' }, fmt.Sprint(recv)), "IN-2", false, recv},
		{"slash", "requests.received[0]", "/", "", true, 0},
		{"dash", "requests.received[0]", "—", "", true, 0},
		{"empty", "requests.received[0]", "", "", true, 0},
		{"text", "requests.received[0]", "若干", "IN-1", true, 0},
		{"unit", "requests.received[0]", fmt.Sprintf("%d件", recv), "IN-2", false, recv},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := portalPage(x.doc, "utf-8", map[string]string{tc.key: tc.text}, nil)
			r, src, ps := HTML("p.html", []byte(page))
			var rules []string
			for _, p := range ps {
				if p.Path == tc.key {
					rules = append(rules, p.Rule)
				} else {
					t.Errorf("unexpected %s", p)
				}
			}
			if tc.rule != "" && !slices.Contains(rules, tc.rule) || tc.rule == "" && len(rules) > 0 {
				t.Errorf("problems %v, want %q", rules, tc.rule)
			}
			if got := slices.Contains(src.Blank, tc.key); got != tc.blank {
				t.Errorf("blank = %v, want %v", got, tc.blank)
			}
			if !tc.blank && r.Row("received").Cells[0] != tc.want {
				t.Errorf("read %d, want %d", r.Row("received").Cells[0], tc.want)
			}
		})
	}
}

// TestImageTables: tables published as pictures are named (IN-3), left
// blank, and the text is still read.
func TestImageTables(t *testing.T) {
	rs, err := renderOnce()
	if err != nil {
		t.Fatal(err)
	}
	x := rs[len(rs)-1]
	page := portalPage(x.doc, "utf-8", nil, map[string]bool{"table2": true, "table3": true, "table4": true})
	r, src, ps := HTML("img.html", []byte(page))
	n := 0
	for _, p := range ps {
		if p.Rule == "IN-3" {
			n++
			if !strings.Contains(p.Msg, "图片") {
				t.Errorf("%s", p)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d IN-3 problems, want 3: %v", n, ps)
	}
	for _, tb := range src.Tables {
		if !strings.HasPrefix(tb.Where, "图片") || tb.Read != 0 || tb.Unreadable == 0 {
			t.Errorf("%+v", tb)
		}
	}
	want := len(x.orig.Edition.Table2Cells()) + 6*(len(x.orig.Edition.Table3())-1) + 12
	if len(src.Blank) != want {
		t.Errorf("%d blank cells, want %d", len(src.Blank), want)
	}
	if r.Text[1].Body != docParas(x.doc.Sections[0].Paras) {
		t.Errorf("overview not read: %q", r.Text[1].Body)
	}
}

// TestRuleIDs: each ingest rule is emitted where its case arises.
func TestRuleIDs(t *testing.T) {
	rs, err := renderOnce()
	if err != nil {
		t.Fatal(err)
	}
	x := rs[len(rs)-1]
	page := portalPage(x.doc, "utf-8", map[string]string{"requests.granted[1]": "约3", "requests.granted[2]": "1,0"}, map[string]bool{"table4": true})
	tests := []struct {
		name, page string
		want       []string
	}{
		{"cells and image", page, []string{"IN-1", "IN-3"}},
		{"no title", strings.Replace(strings.ReplaceAll(page, "年政府信息公开工作年度报告", "年报"), "一、总体情况", "总体", -1), []string{"IN-4", "IN-5"}},
		{"not a page", "", []string{"IN-3"}},
		{"not a report", "<p>通知</p>", []string{"IN-3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, ps := HTML("x.html", []byte(tc.page))
			for _, id := range tc.want {
				if !slices.ContainsFunc(ps, func(p report.Problem) bool { return p.Rule == id }) {
					t.Errorf("no %s in %v", id, ps)
				}
			}
		})
	}
}

// TestTitleChineseYear: a title with the year in Chinese numerals
// (二〇二四年, 二零二四年) gives the year and the organ like any other.
func TestTitleChineseYear(t *testing.T) {
	rs, err := renderOnce()
	if err != nil {
		t.Fatal(err)
	}
	x := rs[len(rs)-1]
	for _, cn := range []string{"二〇二四年", "二零二四年"} {
		d := *x.doc
		d.Title = strings.Replace(d.Title, fmt.Sprintf("%d年", x.orig.Year), cn, 1)
		if x.orig.Year != 2024 || d.Title == x.doc.Title {
			t.Fatalf("fixture %s is not a 2024 report: %q", x.name, x.doc.Title)
		}
		r, _, ps := HTML("cn-year.html", []byte(portalPage(&d, "utf-8", nil, nil)))
		if r == nil || r.Year != 2024 || r.Organ != x.orig.Organ {
			t.Errorf("%s: read year %v organ %q, want 2024 %q (%v)", cn, r != nil && r.Year == 2024, func() string {
				if r == nil {
					return ""
				}
				return r.Organ
			}(), x.orig.Organ, ps)
		}
	}
}

// TestPageMeta: the information table and <meta> tags of a page become the
// data file's CMS keys (索引号, 发布机构, 文号, 发布日期, 主题分类), so that
// init --from of an ingested report keeps them.
func TestPageMeta(t *testing.T) {
	rs, err := renderOnce()
	if err != nil {
		t.Fatal(err)
	}
	var own rendered
	for _, x := range rs {
		if strings.HasSuffix(x.name, "shili-office/2024.yaml") {
			own = x
		}
	}
	if own.orig == nil || own.orig.IndexNumber == "" || own.orig.Topic == "" {
		t.Fatalf("office 2024 example has no metadata to read back")
	}
	oneLine := strings.Replace(portalPage(own.doc, "utf-8", nil, nil), `<table class="xxgk">`,
		`<div class="meta">索引号：11111/2024-1 主题分类：政务公开 文号：示府办〔2025〕9号 发布日期：2025年1月5日</div><table class="xxgk">`, 1)
	for _, tc := range []struct {
		name string
		page string
		want [5]string // index_number, publisher, document_number, published, topic
	}{
		{"nianbao's own page", string(own.html), [5]string{own.orig.IndexNumber, own.orig.Publisher, own.orig.DocumentNumber, own.orig.Published, own.orig.Topic}},
		{"portal table", portalPage(own.doc, "utf-8", nil, nil), [5]string{"000014349/2025-00012", "", "", "2025-01-22", "综合政务"}},
		{"one line of labels", oneLine, [5]string{"11111/2024-1", "", "示府办〔2025〕9号", "2025-01-05", "政务公开"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _, _ := HTML("meta.html", []byte(tc.page))
			if r == nil {
				t.Fatal("not read")
			}
			got := [5]string{r.IndexNumber, r.Publisher, r.DocumentNumber, r.Published, r.Topic}
			if got != tc.want {
				t.Errorf("metadata %q, want %q", got, tc.want)
			}
		})
	}
}
