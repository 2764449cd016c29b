package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"testing/fstest"

	"nianbao/templates"
)

func TestLoadLayoutBuiltIn(t *testing.T) {
	l, err := LoadLayout(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	if l.Fonts != ([NumRoles]FontSpec{}) && l.Fonts[RoleTitle].Font != "" {
		t.Errorf("built-in layout names fonts: %+v", l.Fonts)
	}
	for r, f := range l.Fonts {
		if f.Font != "" || f.Size != 0 {
			t.Errorf("role %s: %+v, want the built-in face", roleKeys[r], f)
		}
	}
	if l.OuterPageNumbers || l.Seal || l.Header.Organ != "" || l.Record.CC != "" {
		t.Errorf("built-in layout is not today's document: %+v", l)
	}
	// The default layout prints exactly today's PDF.
	d := loadDoc(t, fixtures[0].Path)
	a, _ := writePDF(t, d, Options{})
	b, _ := writePDF(t, d, Options{Layout: l})
	if !bytes.Equal(a, b) {
		t.Error("built-in layout.yaml changes the PDF")
	}
	// Missing file: the default layout.
	if l, err := LoadLayout(fstest.MapFS{}); err != nil || l.Fonts[RoleBody].Font != "" {
		t.Errorf("missing layout.yaml: %+v, %v", l, err)
	}
}

func TestParseLayout(t *testing.T) {
	cases := []struct {
		name, yaml string
		err        string // substring of the error; "" = valid
		check      func(t *testing.T, l Layout)
	}{
		{"empty", "", "", nil},
		{"gbt9704", `fonts:
  title: {font: 方正小标宋简体, size: 二号}
  body: {font: 仿宋_GB2312, size: 3号}
  heading1: 黑体
  heading2: {font: 楷体_GB2312}
  table: {size: 小五}
page_numbers: outer
header: {organ: 示例市人民政府办公室文件, number: 示府办〔2025〕1号}
seal: true
record: {cc: 各成员单位, issuer: 示例市人民政府办公室, date: 2025年1月20日}
`, "", func(t *testing.T, l Layout) {
			want := [NumRoles]FontSpec{{Font: "方正小标宋简体", Size: 22}, {Font: "仿宋_GB2312", Size: 15.75}, {Font: "黑体"}, {Font: "楷体_GB2312"}, {Size: 9}}
			for r := range want {
				if l.Fonts[r].Font != want[r].Font || l.Fonts[r].Size != want[r].Size {
					t.Errorf("%s = %+v, want %+v", roleKeys[r], l.Fonts[r], want[r])
				}
			}
			if l.Fonts[RoleHeading1].Line != 4 || l.Fonts[RoleHeading1].Col != 13 {
				t.Errorf("heading1 at %d:%d, want 4:13", l.Fonts[RoleHeading1].Line, l.Fonts[RoleHeading1].Col)
			}
			if !l.OuterPageNumbers || !l.Seal || l.Header.Number != "示府办〔2025〕1号" || l.Record.Date != "2025年1月20日" {
				t.Errorf("layout %+v", l)
			}
		}},
		{"size in points", "fonts:\n  body: {size: 16}\n", "", func(t *testing.T, l Layout) {
			if l.Fonts[RoleBody].Size != 16 {
				t.Errorf("size %v", l.Fonts[RoleBody].Size)
			}
		}},
		{"unknown key", "fonts:\n  titel: 黑体\n", "layout.yaml:2:3: fonts.titel：未知的键“titel”", nil},
		{"unknown top key", "colour: red\n", "layout.yaml:1:1: colour：未知的键", nil},
		{"bad size", "fonts:\n  body: {font: 仿宋, size: 大号}\n", "layout.yaml:2:26: fonts.body.size：字号“大号”无效", nil},
		{"size out of range", "fonts:\n  table: {size: 30}\n", "fonts.table.size：表格字号 30 磅超出可用范围", nil},
		{"bad page numbers", "page_numbers: left\n", "layout.yaml:1:15: page_numbers：取值“left”无效", nil},
		{"bad seal", "seal: maybe\n", "seal：取值“maybe”无效", nil},
		{"not a mapping", "fonts: [a, b]\n", "layout.yaml:1:8: fonts：应为“键: 值”的映射", nil},
		{"duplicate", "seal: true\nseal: false\n", "", nil}, // yaml.v3 rejects duplicates itself
		{"bad yaml", "fonts:\n  title: {font: a\n", "layout.yaml:", nil},
		{"alias", "a: &x 1\n", "未知的键", nil},
		{"alias value", "header:\n  organ: &o 示例\n  number: *o\n", "layout.yaml:3:11: header.number：不支持 YAML 别名", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := ParseLayout("layout.yaml", []byte(c.yaml))
			if c.name == "duplicate" {
				if err == nil {
					t.Error("duplicate key accepted")
				}
				return
			}
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.check != nil {
				c.check(t, l)
			}
		})
	}
}

func FuzzLoadLayout(f *testing.F) {
	if data, err := templates.FS.ReadFile(LayoutFile); err == nil {
		f.Add(data)
	}
	f.Add([]byte("fonts:\n  title: {font: 黑体, size: 二号}\npage_numbers: outer\nheader: {organ: 文件}\nrecord: {cc: 各单位}\nseal: true\n"))
	f.Add([]byte("fonts: [1, 2]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := LoadLayout(fstest.MapFS{LayoutFile: {Data: data}})
		if err != nil {
			if !strings.HasPrefix(err.Error(), LayoutFile) {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		for r, s := range l.Fonts {
			lim := sizeLimits[r]
			if s.Size != 0 && (s.Size < lim[0] || s.Size > lim[1]) {
				t.Errorf("size %v out of range", s.Size)
			}
		}
	})
}

// debianLayout names fonts that Debian packages provide: AR PL SungtiL GB
// (fonts-arphic-gbsn00lp, .ttf) for the title and tables, AR PL KaitiM GB
// (fonts-arphic-gkai00mp, .ttf) for the body and second-level headings,
// WenQuanYi Zen Hei (fonts-wqy-zenhei, a .ttc collection) for first-level
// headings.
const debianLayout = `fonts:
  title: {font: AR PL SungtiL GB, size: 二号}
  body: {font: 文鼎ＰＬ简中楷, size: 三号}
  heading1: {font: WenQuanYi Zen Hei, size: 三号}
  heading2: {font: AR PL KaitiM GB}
  table: {font: gbsn00lp.ttf, size: 五号}
page_numbers: outer
header:
  organ: 示例市人民政府办公室文件
  number: 示府办〔2025〕1号
seal: true
record:
  cc: 市政务公开领导小组各成员单位
  issuer: 示例市人民政府办公室
  date: 2025年1月20日
`

// TestDebianFonts: the example 2024 report with a layout naming Debian's
// fonts prints title, body and headings in different faces (pdffonts).
func TestDebianFonts(t *testing.T) {
	needTool(t, "pdffonts")
	if _, err := exec.LookPath("fc-list"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fc-list not found: install fontconfig")
		}
		t.Skip("fc-list not found")
	}
	l, err := ParseLayout("layout.yaml", []byte(debianLayout))
	if err != nil {
		t.Fatal(err)
	}
	fonts, warnings := l.FontsFor(FontFinder{Dirs: []string{"/usr/share/fonts/truetype/arphic-gbsn00lp"}})
	if len(warnings) > 0 {
		if os.Getenv("CI") == "true" {
			t.Fatalf("fonts missing (apt-get install fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-zenhei): %v", warnings)
		}
		t.Skipf("Debian fonts not installed: %v", warnings)
	}
	if fonts[RoleHeading1].File != "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc" {
		t.Errorf("heading1 from %s, want the .ttc collection", fonts[RoleHeading1].File)
	}
	d := loadDoc(t, fixtures[0].Path)
	data, ps := writePDF(t, d, Options{Fonts: fonts, Layout: l})
	savePDF(t, "debian-fonts", data)
	for _, p := range ps {
		t.Logf("warning: %s", p)
	}
	out := runTool(t, data, "pdffonts")
	for _, want := range []string{"bousungeg-light-gb", "gbzenkai-medium", "wenquanyizenhei"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdffonts lacks %s:\n%s", want, out)
		}
	}
	if n := len(strings.Split(strings.TrimSpace(out), "\n")) - 2; n != 3 {
		t.Errorf("%d fonts embedded, want 3:\n%s", n, out)
	}
	text := pdfText(t, data)
	for _, want := range []string{"示例市人民政府办公室文件", "示府办〔2025〕1号", "抄送：市政务公开领导小组各成员单位", "2025年1月20日印发"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	// Outer page numbers: page 1 right, page 2 left.
	raw := runTool(t, data, "pdftotext", "-layout", "-enc", "UTF-8")
	pages := strings.Split(raw, "\f")
	if len(pages) < 2 {
		t.Fatal("one page")
	}
	numberLine := func(pg string) string {
		ls := strings.Split(strings.TrimRight(pg, "\n "), "\n")
		return ls[len(ls)-1]
	}
	l1, l2 := numberLine(pages[0]), numberLine(pages[1])
	if i1, i2 := strings.Index(l1, "—"), strings.Index(l2, "—"); i1 <= i2 {
		t.Errorf("page numbers not on the outer side: %q, %q", l1, l2)
	}
}

// TestFontNotFound: a font no machine has falls back to the built-in face
// with a PDF-3 warning naming the role and the font.
func TestFontNotFound(t *testing.T) {
	l, err := ParseLayout("tpl/layout.yaml", []byte("fonts:\n  body: {font: 不存在的字体XYZ}\n  title: 不存在的字体XYZ\n"))
	if err != nil {
		t.Fatal(err)
	}
	fonts, ws := l.FontsFor(FontFinder{Dirs: []string{t.TempDir()}, NoSystem: true})
	if fonts != ([NumRoles]*Font{}) {
		t.Errorf("fonts %v, want none", fonts)
	}
	if len(ws) != 2 {
		t.Fatalf("warnings %v, want 2", ws)
	}
	for _, w := range ws {
		if w.Rule != "PDF-3" || !strings.Contains(w.Msg, "不存在的字体XYZ") || !strings.Contains(w.String(), "tpl/layout.yaml:") {
			t.Errorf("warning %s", w)
		}
	}
	if !strings.Contains(ws[0].Msg, "标题") || !strings.Contains(ws[1].Msg, "正文") {
		t.Errorf("warnings do not name the roles: %v", ws)
	}
}
