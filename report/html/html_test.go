package html

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"nianbao/report/datafile"
	goldenpkg "nianbao/report/internal/golden"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	xhtml "golang.org/x/net/html"

	"nianbao/report"
	"nianbao/templates"
)

var update = goldenpkg.Update // the one -update flag of all tests

// The fixtures: one organ, 2019–2022, across the 2019 → 2021 edition change.
var fixtureFiles = []string{"prev2019.yaml", "valid2019.yaml", "prev2021.yaml", "valid2021.yaml"}

func loadFixtures(t testing.TB) []*report.Report {
	t.Helper()
	var out []*report.Report
	for _, name := range fixtureFiles {
		r, ps := datafile.LoadFile(filepath.Join("..", "testdata", name))
		if r == nil || ps.HasErrors() {
			t.Fatalf("%s: %v", name, ps)
		}
		out = append(out, r)
	}
	return out
}

// docOf builds the Doc of reports[i] with the earlier ones as history.
func docOf(reports []*report.Report, i int) *report.Doc {
	return report.Build(reports[i], reports[:i])
}

func renderPage(t testing.TB, d *report.Doc, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func siteOptions() Options {
	return Options{
		AssetsDir: "../assets/",
		Breadcrumb: []Link{
			{Label: "首页", Href: "../index.html"}, {Label: "测试县人民政府办公室", Href: "index.html"}, {Label: "2022年度报告"},
		},
		Downloads: []Link{
			{Label: "PDF 版", Href: "2022.pdf", Type: "application/pdf", Download: true},
			{Label: "JSON 数据", Href: "2022.json", Type: "application/json", Download: true},
		},
	}
}

func homeOf(reports []*report.Report) *Home {
	h := &Home{Title: "政府信息公开工作年度报告", Intro: "本站收录1个机关的4份政府信息公开工作年度报告。",
		DataNote: []string{"每份报告都提供 JSON 和 CSV 两种开放数据文件。"}}
	o := HomeOrgan{ID: "organ-1", Name: reports[0].Organ, TrendHref: "organ/index.html", Span: "2019—2022年"}
	for i := len(reports) - 1; i >= 0; i-- {
		r := reports[i]
		y := HomeYear{Label: "年度报告", Href: "organ/x.html", Note: "（" + string(r.Edition) + "年版格式）"}
		y.Downloads = []HomeDownload{{Label: "CSV", AriaLabel: r.Organ + " CSV", Href: "organ/x.csv", Type: "text/csv"}}
		o.Years = append(o.Years, y)
	}
	h.Organs = []HomeOrgan{o}
	return h
}

func trendLinks() []Link {
	return []Link{{Label: "2022年度报告", Href: "2022.html"}, {Label: "2019年度报告", Href: "2019.html"}}
}

// pages renders every kind of page once; names are the golden file names.
func pages(t testing.TB, reports []*report.Report) map[string][]byte {
	t.Helper()
	out := map[string][]byte{
		"report2022.html":          renderPage(t, docOf(reports, 3), Options{}),
		"report2020.html":          renderPage(t, docOf(reports, 1), Options{}),
		"report2022-site.html":     renderPage(t, docOf(reports, 3), siteOptions()),
		"report2022-fragment.html": renderPage(t, docOf(reports, 3), Options{Mode: ModeFragment}),
	}
	var b bytes.Buffer
	if err := WriteHome(&b, homeOf(reports), Options{}); err != nil {
		t.Fatal(err)
	}
	out["home.html"] = bytes.Clone(b.Bytes())
	b.Reset()
	if err := WriteTrend(&b, report.BuildTrend(reports), trendLinks(), Options{AssetsDir: "../assets/"}); err != nil {
		t.Fatal(err)
	}
	out["trend.html"] = bytes.Clone(b.Bytes())
	return out
}

func TestGolden(t *testing.T) {
	for name, got := range pages(t, loadFixtures(t)) {
		path := filepath.Join("testdata", name+".golden")
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./report/html -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test ./report/html -update and review the diff)", name, path)
		}
	}
}

// Building and rendering twice gives the same bytes, in every mode.
func TestDeterminism(t *testing.T) {
	a, b := pages(t, loadFixtures(t)), pages(t, loadFixtures(t))
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s: two renders differ", name)
		}
	}
	reports := loadFixtures(t)
	for _, mode := range []Options{{Mode: ModeSelfContained}, {Mode: ModeFragment, InlineJS: true}} {
		if !bytes.Equal(renderPage(t, docOf(reports, 3), mode), renderPage(t, docOf(reports, 3), mode)) {
			t.Errorf("mode %v: two renders differ", mode.Mode)
		}
	}
}

// Every page is well-formed enough for the HTML parser, has lang="zh-CN"
// (full pages), one h1 (full report pages), and headings that never skip a level.
func TestStructure(t *testing.T) {
	for name, page := range pages(t, loadFixtures(t)) {
		checkHeadings(t, name, page)
	}
}

func checkHeadings(t *testing.T, name string, page []byte) {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var h1 int
	last := 0
	var langOK bool
	fragment := !bytes.HasPrefix(page, []byte("<!DOCTYPE"))
	if fragment {
		last = 1 // a fragment sits under the CMS article's own h1
	}
	walk(doc, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		if n.Data == "html" && attr(n, "lang") == "zh-CN" {
			langOK = true
		}
		if len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			level := int(n.Data[1] - '0')
			if level == 1 {
				h1++
			}
			if level > last+1 {
				t.Errorf("%s: heading h%d follows h%d", name, level, last)
			}
			last = level
		}
	})
	if !fragment && (!langOK || h1 != 1) {
		t.Errorf("%s: lang zh-CN %v, %d h1 (want 1)", name, langOK, h1)
	}
	if fragment && (bytes.Contains(page, []byte("<html")) || bytes.Contains(page, []byte("<head")) || h1 != 0) {
		t.Errorf("%s: a fragment must have no <html>, <head> or <h1>", name)
	}
}

func walk(n *xhtml.Node, fn func(*xhtml.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// urlAttrs are the attributes that make a browser fetch or navigate.
var urlAttrs = map[string]bool{"src": true, "href": true, "action": true, "formaction": true, "poster": true,
	"data": true, "srcset": true, "xlink:href": true, "background": true, "cite": true, "manifest": true}

var cssURL = regexp.MustCompile(`(?i)url\s*\(|@import|@font-face`)

// No generated src or href points outside the output folder, and no
// stylesheet pulls anything in (no url(), @import or web fonts).
func TestNoExternalURL(t *testing.T) {
	reports := loadFixtures(t)
	all := pages(t, reports)
	all["self-contained.html"] = renderPage(t, docOf(reports, 3), Options{Mode: ModeSelfContained})
	all["fragment-inline.html"] = renderPage(t, docOf(reports, 3), Options{Mode: ModeFragment, InlineJS: true})
	for name, page := range all {
		z := xhtml.NewTokenizer(bytes.NewReader(page))
		for {
			tt := z.Next()
			if tt == xhtml.ErrorToken {
				break
			}
			if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if urlAttrs[a.Key] && (strings.Contains(v, "http:") || strings.Contains(v, "https:") || strings.HasPrefix(v, "//") ||
					strings.HasPrefix(v, "/") || strings.Contains(v, "javascript:")) {
					t.Errorf("%s: <%s %s=%q> leaves the folder", name, tok.Data, a.Key, a.Val)
				}
				if a.Key == "style" && cssURL.MatchString(v) {
					t.Errorf("%s: <%s style=%q> loads a resource", name, tok.Data, a.Val)
				}
			}
		}
	}
	for _, css := range []string{"html/nianbao.css", "html/page.css"} {
		data, err := fs.ReadFile(templates.FS, css)
		if err != nil {
			t.Fatal(err)
		}
		if cssURL.Match(stripComments(data)) {
			t.Errorf("%s loads a resource (url(), @import or @font-face)", css)
		}
	}
}

var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

func stripComments(b []byte) []byte { return cssComment.ReplaceAll(b, nil) }

// Every selector of the fragment stylesheet is scoped under .nianbao.
func TestScopedCSS(t *testing.T) {
	data, err := fs.ReadFile(templates.FS, "html/nianbao.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(stripComments(data))
	// Selectors are the text before each "{" that is not an at-rule.
	for _, part := range regexp.MustCompile(`[^{}]*\{`).FindAllString(css, -1) {
		sel := strings.TrimSpace(strings.TrimSuffix(part, "{"))
		if sel == "" || strings.HasPrefix(sel, "@") {
			continue
		}
		for _, s := range strings.Split(sel, ",") {
			s = strings.TrimSpace(s)
			if !strings.HasPrefix(s, ".nianbao") {
				t.Errorf("selector %q is not under .nianbao", s)
			}
		}
	}
}

// Merged header cells: every data cell of 表三 names the headers a sighted
// reader sees above and to the left of it, and every id it names exists.
func TestTableHeaders(t *testing.T) {
	d := docOf(loadFixtures(t), 3)
	tv := viewGrid(d.Sections[2].Table)
	text := map[string]string{}
	for _, rows := range [][][]cellView{tv.Head, tv.Body} {
		for _, row := range rows {
			for _, c := range row {
				if c.Header {
					text[c.ID] = c.Text
				}
			}
		}
	}
	found := false
	for _, row := range tv.Body {
		for _, c := range row {
			if c.Header {
				continue
			}
			if c.Headers == "" {
				t.Fatalf("data cell %q has no headers", c.Text)
			}
			var names []string
			for _, id := range strings.Fields(c.Headers) {
				name, ok := text[id]
				if !ok {
					t.Fatalf("headers names missing id %s", id)
				}
				names = append(names, name)
			}
			got := strings.Join(names, "|")
			if strings.Contains(got, "1.属于国家秘密") && strings.Contains(got, "商业企业") {
				found = true
				want := "申请人情况|法人或其他组织|商业企业|三、本年度办理结果|（三）不予公开|1.属于国家秘密"
				if got != want {
					t.Errorf("headers of 表三 国家秘密 × 商业企业 = %s, want %s", got, want)
				}
			}
		}
	}
	if !found {
		t.Error("cell 国家秘密 × 商业企业 not found")
	}
	// 表四: the first 复议后起诉 cell sits under 行政诉讼 › 复议后起诉 › 结果维持.
	tv4 := viewGrid(d.Sections[3].Table)
	for _, row := range tv4.Head {
		for _, c := range row {
			text[c.ID] = c.Text
		}
	}
	var names []string
	for _, id := range strings.Fields(tv4.Body[0][10].Headers) {
		names = append(names, text[id])
	}
	if got := strings.Join(names, "|"); got != "行政诉讼|复议后起诉|结果维持" {
		t.Errorf("headers of 表四 column 11 = %s", got)
	}
}

const evil = `<script>alert("x")</script>'"{{.}}&amp;&</script><!--`

// Every user text (organ, every narrative section, the carry-over note) is
// escaped in every mode: the page has exactly the script elements nianbao
// writes, and the text reads back unchanged.
func TestEscaping(t *testing.T) {
	reports := loadFixtures(t)
	for _, r := range reports {
		r.Organ = "恶意机关" + evil
		for i := range r.Text {
			r.Text[i].Body = "第一段" + evil + "\n\n第二段" + evil
		}
		r.CarryOverNote = "说明" + evil
	}
	d := docOf(reports, 3)
	check := func(name string, page []byte, wantScripts int) {
		t.Helper()
		if bytes.Contains(page, []byte(`<script>alert`)) || bytes.Contains(page, []byte(`</script><!--`)) {
			t.Errorf("%s: user text reached the page unescaped", name)
		}
		scripts, texts := 0, 0
		z := xhtml.NewTokenizer(bytes.NewReader(page))
		for {
			tt := z.Next()
			if tt == xhtml.ErrorToken {
				break
			}
			tok := z.Token()
			if tt == xhtml.StartTagToken && tok.Data == "script" {
				scripts++
			}
			if tt == xhtml.TextToken && strings.Contains(tok.Data, evil) {
				texts++
			}
			for _, a := range tok.Attr {
				if strings.Contains(a.Val, "恶意机关") && !strings.Contains(a.Val, evil) {
					t.Errorf("%s: attribute %s=%q mangles the organ name", name, a.Key, a.Val)
				}
			}
		}
		if scripts != wantScripts {
			t.Errorf("%s: %d <script> elements, want %d", name, scripts, wantScripts)
		}
		if texts == 0 {
			t.Errorf("%s: the user text does not read back unchanged", name)
		}
	}
	// Appendices, subsections, their tables and a chart's every string
	// (title, category, series, summary) in every mode.
	hd := handDoc(evil)
	check("hand-built page", renderPage(t, hd, Options{}), 2)
	check("hand-built self-contained", renderPage(t, hd, Options{Mode: ModeSelfContained}), 2)
	check("hand-built fragment", renderPage(t, hd, Options{Mode: ModeFragment}), 2)
	check("hand-built fragment, inline script", renderPage(t, hd, Options{Mode: ModeFragment, InlineJS: true}), 2)
	check("page", renderPage(t, d, siteOptions()), 2)
	check("self-contained", renderPage(t, d, Options{Mode: ModeSelfContained}), 2)
	check("fragment", renderPage(t, d, Options{Mode: ModeFragment}), 2)
	var b bytes.Buffer
	h := homeOf(reports)
	h.Title += evil
	if err := WriteHome(&b, h, Options{}); err != nil {
		t.Fatal(err)
	}
	check("home", b.Bytes(), 0)
	b.Reset()
	if err := WriteTrend(&b, report.BuildTrend(reports), trendLinks(), Options{}); err != nil {
		t.Fatal(err)
	}
	check("trend", b.Bytes(), 2)
}

// Strings given to a chart come out of go-echarts as JSON that cannot end
// the <script> element and that decodes to the original text.
func TestChartEscaping(t *testing.T) {
	c := report.Chart{ID: "chart-x", Title: evil, Kind: "bar", Unit: evil, Categories: []string{evil, "二"},
		Series: []report.Series{{Name: evil, Values: []int64{1, 2}}, {Name: "b", Values: []int64{3, 4}}}}
	for _, kind := range []string{"bar", "line"} {
		c.Kind = kind
		opt := string(echartsOption(c, "assets/"))
		if strings.ContainsAny(opt, "<>&") {
			t.Fatalf("%s: option holds a raw <, > or &: %s", kind, opt)
		}
		var v struct {
			XAxis  []struct{ Data []string } `json:"xAxis"`
			YAxis  []struct{ Name string }   `json:"yAxis"`
			Series []struct{ Name string }   `json:"series"`
		}
		if err := json.Unmarshal([]byte(opt), &v); err != nil {
			t.Fatalf("%s: option is not JSON: %v\n%s", kind, err, opt)
		}
		if v.XAxis[0].Data[0] != evil || v.Series[0].Name != evil || v.YAxis[0].Name != evil {
			t.Errorf("%s: chart text changed: %+v", kind, v)
		}
		if strings.Contains(opt, "http") {
			t.Errorf("%s: option names a URL: %s", kind, opt)
		}
	}
}

// Normal pages link assets/ (or the given folder) and Assets returns the files.
func TestAssets(t *testing.T) {
	files, err := Assets(Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range files {
		names[f.Name] = len(f.Data) > 0
	}
	for _, n := range []string{"assets/echarts.min.js", "assets/nianbao.css", "assets/ECHARTS-LICENSE.txt", "assets/ECHARTS-NOTICE.txt"} {
		if !names[n] {
			t.Errorf("Assets lacks %s", n)
		}
	}
	reports := loadFixtures(t)
	page := string(renderPage(t, docOf(reports, 3), Options{}))
	if !strings.Contains(page, `<script src="assets/echarts.min.js">`) || !strings.Contains(page, `href="assets/nianbao.css"`) {
		t.Error("page does not link assets/")
	}
	self := string(renderPage(t, docOf(reports, 3), Options{Mode: ModeSelfContained}))
	if strings.Contains(self, "<script src") || strings.Contains(self, "<link") || !strings.Contains(self, "Apache Software Foundation") {
		t.Error("self-contained page must inline its CSS and ECharts")
	}
	frag := string(renderPage(t, docOf(reports, 3), Options{Mode: ModeFragment}))
	if !strings.HasPrefix(frag, `<div class="nianbao nb-fragment">`) || strings.Contains(frag, "@page") || strings.Contains(frag, "body {") {
		t.Error("fragment must be one .nianbao div with only the scoped stylesheet")
	}
	// Every chart's id is the Doc's stable Chart.ID.
	for _, c := range docOf(reports, 3).Charts {
		if !strings.Contains(page, `id="`+c.ID+`"`) {
			t.Errorf("chart %s has no container with its id", c.ID)
		}
	}
}

// BenchmarkWriteHTML measures one report page (ModePage). Target ≤ 5 ms.
func BenchmarkWriteHTML(b *testing.B) {
	reports := loadFixtures(b)
	d := docOf(reports, 3)
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err != nil { // warm up the template cache
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/page")
}

// The option embedded in the page is exactly go-echarts' RenderSnippet().Option.
func TestOptionIsRenderSnippet(t *testing.T) {
	reports := loadFixtures(t)
	trend := report.BuildTrend(reports)
	for _, c := range append(docOf(reports, 3).Charts, trend.Charts...) {
		if got, want := echartsOption(c, "assets/"), snippetOption(c, "assets/"); got != want {
			t.Errorf("%s: option differs from RenderSnippet's:\n%s\n%s", c.ID, got, want)
		}
	}
}

// handDoc is a Doc built by hand with an appendix and a subsection, each
// with a table, as report.Build fills them in: section 六's work-plan
// ledger and the year-over-year appendix. text is put into every string.
func handDoc(text string) *report.Doc {
	grid := func(id, caption string) *report.Grid {
		c := func(s string, k report.CellKind) report.GridCell {
			return report.GridCell{Text: s, ColSpan: 1, RowSpan: 1, Kind: k}
		}
		g := &report.Grid{ID: id, Caption: caption + text, Cols: 3, Widths: []int{50, 25, 25},
			Head: [][]report.GridCell{{c("项目"+text, report.CellHead), c("2023年", report.CellHead), c("2024年"+text, report.CellHead)}},
			Body: [][]report.GridCell{
				{report.GridCell{Text: "表三" + text, ColSpan: 3, RowSpan: 1, Kind: report.CellHead}},
				{c("本年新收申请"+text, report.CellLabel), c("12", report.CellNumber), c("9"+text, report.CellNumber)},
				{report.GridCell{Text: "表四", ColSpan: 3, RowSpan: 1, Kind: report.CellHead}},
				{c("行政复议", report.CellLabel), c("1", report.CellNumber), c("2", report.CellNumber)},
			}}
		g.Place() // as report.Build does
		return g
	}
	d := &report.Doc{Organ: "机关" + text, Year: 2024, Edition: report.Ed2021, Notice: report.Ed2021.Notice(),
		Title: "机关" + text + "2024年政府信息公开工作年度报告", DateCN: "2025年1月20日"}
	for i, h := range report.SectionHeadings {
		d.Sections[i].Heading = h
		d.Sections[i].Paras = []report.Para{{Text: "正文" + text}}
	}
	d.Sections[5].Notes = []report.Para{{Text: "收费说明" + text}}
	d.Sections[5].Subsections = []report.Section{{
		Heading: "本年度政务公开工作要点落实情况" + text,
		Paras:   []report.Para{{Text: "要点共12项，已完成11项" + text}},
		Table:   grid("", "政务公开工作要点落实情况"),
		Notes:   []report.Para{{Text: "注：未完成事项已列入下一年度计划" + text}},
	}}
	d.Appendices = []report.Section{{
		Heading: "附：主要数据同比情况" + text,
		Paras:   []report.Para{{Text: "与上一年度相比" + text}},
		Table:   grid("yoy", "主要数据同比情况"),
		Notes:   []report.Para{{Text: "“—”表示无法比较" + text}},
	}}
	d.Charts = []report.Chart{{ID: "chart-x", Title: "图" + text, Kind: "bar", Unit: "件", Categories: []string{"甲" + text},
		Series: []report.Series{{Name: "乙" + text, Values: []int64{3}}}, Summary: "共3件" + text}}
	return d
}

// Appendices come after the signature and before the charts, as h2
// sections; a subsection comes after its section's notes as an h3; their
// tables have a caption, th with scope and td with headers.
func TestAppendicesAndSubsections(t *testing.T) {
	page := renderPage(t, handDoc(""), Options{})
	s := string(page)
	order := []string{
		`<h2 id="section-6">六、其他需要报告的事项</h2>`,
		`<p>收费说明</p>`,
		`<h3 id="section-6-1">本年度政务公开工作要点落实情况</h3>`,
		`<p>要点共12项，已完成11项</p>`,
		`<table id="section-6-1-table" class="nb-table">`,
		`<caption id="section-6-1-table-caption">政务公开工作要点落实情况</caption>`,
		`<p class="nb-table-note">注：未完成事项已列入下一年度计划</p>`,
		`<p class="nb-signature">`,
		`<h2 id="appendix-1">附：主要数据同比情况</h2>`,
		`<p>与上一年度相比</p>`,
		`<table id="yoy" class="nb-table">`,
		`<th id="yoy-r0c0" scope="col" class="nb-head">项目</th>`,
		`<th id="yoy-r1c0" scope="rowgroup" colspan="3" class="nb-head">表三</th>`,
		`<th id="yoy-r2c0" scope="row" class="nb-label">本年新收申请</th><td headers="yoy-r1c0 yoy-r0c1 yoy-r2c0" class="nb-num">12</td>`,
		// A second block keeps the column headers of the thead.
		`<th id="yoy-r4c0" scope="row" class="nb-label">行政复议</th><td headers="yoy-r3c0 yoy-r0c1 yoy-r4c0" class="nb-num">1</td>`,
		`<p class="nb-table-note">“—”表示无法比较</p>`,
		`<h2 id="charts-heading">附：图解</h2>`,
	}
	at := 0
	for _, want := range order {
		i := strings.Index(s[at:], want)
		if i < 0 {
			t.Fatalf("after byte %d the page lacks (or has out of order) %s", at, want)
		}
		at += i + len(want)
	}
	for _, mode := range []Options{{}, {Mode: ModeFragment}, {Mode: ModeSelfContained}} {
		checkHeadings(t, fmt.Sprintf("hand-built Doc, mode %d", mode.Mode), renderPage(t, handDoc(""), mode))
	}
}

// TestNoCharts: Options.NoCharts writes what a Doc without charts writes
// and leaves the Doc as it was.
func TestNoCharts(t *testing.T) {
	d := docOf(loadFixtures(t), 3)
	n := len(d.Charts)
	if n == 0 {
		t.Fatal("fixture has no charts")
	}
	for _, o := range []Options{{}, {Mode: ModeSelfContained}, {Mode: ModeFragment}} {
		no := o
		no.NoCharts = true
		a := renderPage(t, d, no)
		if len(d.Charts) != n {
			t.Fatalf("Write changed the Doc: %d charts, was %d", len(d.Charts), n)
		}
		c := *d
		c.Charts = nil
		if b := renderPage(t, &c, o); !bytes.Equal(a, b) {
			t.Errorf("mode %v: NoCharts differs from a Doc without charts", o.Mode)
		}
		if bytes.Contains(a, []byte("echarts")) {
			t.Errorf("mode %v: NoCharts page still mentions echarts", o.Mode)
		}
	}
}

// TestTemplatesFS: the templates and assets come from Options.Templates:
// a copy of the built-in files renders the same page, a changed
// stylesheet shows in the page and the assets, a missing script is an
// error.
func TestTemplatesFS(t *testing.T) {
	m := fstest.MapFS{}
	err := fs.WalkDir(templates.FS, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.FS, p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d := docOf(loadFixtures(t), 3)
	self := Options{Mode: ModeSelfContained}
	own := self
	own.Templates = m
	if !bytes.Equal(renderPage(t, d, self), renderPage(t, d, own)) {
		t.Error("a copy of the built-in templates renders a different page")
	}
	m["html/page.css"] = &fstest.MapFile{Data: []byte("/* 本单位样式 */\n")}
	if !bytes.Contains(renderPage(t, d, own), []byte("/* 本单位样式 */")) {
		t.Error("the page ignores Options.Templates")
	}
	files, err := Assets(own)
	if err != nil || len(files) == 0 || !bytes.HasPrefix(files[0].Data, []byte("/* 本单位样式 */")) {
		t.Errorf("Assets ignores Options.Templates: %v", err)
	}
	delete(m, "assets/"+ScriptFile)
	if err := Write(io.Discard, d, own); err == nil || !strings.Contains(err.Error(), ScriptFile) {
		t.Errorf("missing script: got %v, want an error naming %s", err, ScriptFile)
	}
}

// TestHasScriptEnd: "</script" in any case ends an inline script.
func TestHasScriptEnd(t *testing.T) {
	cases := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"var a = 1 < 2;", false},
		{"a</scrip", false},
		{"x</div></script>", true},
		{"x</ScRiPt >", true},
		{"</</script", true},
		{"<\\/script>", false},
		{"</sсript>", false}, // Cyrillic с
	}
	for _, c := range cases {
		if got := hasScriptEnd(c.s); got != c.want {
			t.Errorf("hasScriptEnd(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
