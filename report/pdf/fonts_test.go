package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/report"
	"nianbao/templates"
)

// embeddedFont returns a copy of an embedded font's bytes (a test may
// change it; the embedded bytes must never change).
func embeddedFont(t testing.TB, name string) []byte {
	t.Helper()
	switch name {
	case "NianbaoSerifSC-Regular.ttf":
		return slices.Clone(templates.FontRegular)
	case "NianbaoSerifSC-Bold.ttf":
		return slices.Clone(templates.FontBold)
	}
	t.Fatalf("no embedded font %s", name)
	return nil
}

// withFsType returns a copy of a TrueType font with its OS/2 embedding
// flags set to fs.
func withFsType(t *testing.T, font []byte, fs uint16) []byte {
	t.Helper()
	out := bytes.Clone(font)
	n := int(binary.BigEndian.Uint16(out[4:]))
	for i := range n {
		rec := 12 + 16*i
		if string(out[rec:rec+4]) == "OS/2" {
			off := int(binary.BigEndian.Uint32(out[rec+8:]))
			binary.BigEndian.PutUint16(out[off+8:], fs)
			return out
		}
	}
	t.Fatal("no OS/2 table")
	return nil
}

// TestParseFontRejects: every font the PDF writer cannot embed is refused
// with a Chinese message that names the file, says what it is and what to
// supply; none panics.
func TestParseFontRejects(t *testing.T) {
	reg := embeddedFont(t, "NianbaoSerifSC-Regular.ttf")
	cases := []struct {
		name string
		file string
		data []byte
		want []string
	}{
		{"collection", "simsun.ttc", append([]byte("ttcf\x00\x02\x00\x00"), make([]byte, 64)...),
			[]string{"simsun.ttc", "TrueType 集合（.ttc）", "请提供 .ttf 文件"}},
		{"cff otf", "FZXBSJW.otf", append([]byte("OTTO"), make([]byte, 64)...),
			[]string{"FZXBSJW.otf", "OpenType CFF", "请提供 .ttf 文件"}},
		{"woff", "web.woff2", append([]byte("wOF2"), make([]byte, 64)...),
			[]string{"web.woff2", "WOFF", "请提供 .ttf 文件"}},
		{"garbage", "notes.ttf", []byte("这不是字体文件，只是一段文字。"),
			[]string{"notes.ttf", "不是 TrueType 字体", "请提供 .ttf 字体文件"}},
		{"empty", "empty.ttf", nil, []string{"empty.ttf", "不是 TrueType 字体"}},
		{"truncated", "cut.ttf", reg[:4000], []string{"cut.ttf", "已损坏", "请提供完整的 .ttf 字体文件"}},
		{"header only", "head.ttf", reg[:12], []string{"head.ttf", "已损坏"}},
		{"no embedding", "locked.ttf", withFsType(t, reg, 0x0002), []string{"locked.ttf", "不允许", "嵌入 PDF"}},
		{"no subsetting", "bitmap.ttf", withFsType(t, reg, 0x0100), []string{"bitmap.ttf", "不允许"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := ParseFont("/some/dir/"+c.file, c.data)
			if err == nil {
				t.Fatalf("ParseFont accepted it: %+v", f)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message lacks %q:\n%v", w, err)
				}
			}
			if strings.Contains(err.Error(), "/some/dir") {
				t.Errorf("message names the full path: %v", err)
			}
		})
	}
}

// TestParseFontAccepts: the embedded fonts and an installable-embedding
// copy load.
func TestParseFontAccepts(t *testing.T) {
	reg := embeddedFont(t, "NianbaoSerifSC-Regular.ttf")
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"regular", reg},
		{"bold", embeddedFont(t, "NianbaoSerifSC-Bold.ttf")},
		{"editable embedding", withFsType(t, reg, 0x0008)},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := ParseFont(c.name+".ttf", c.data)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range "政府信息公开堃镕，。（）0123456789ABCxyz—□" {
				if !f.Has(r) {
					t.Errorf("font lacks %q", r)
				}
			}
			if f.Has('😀') || f.Has(0x20000) || f.Has(-1) || f.Has(0xFFFF) {
				t.Error("Has reports a rune the PDF cannot print")
			}
		})
	}
}

// FuzzParseFont: any bytes give a font or an error, never a panic, and a
// font that parses can be subset and used in a PDF.
func FuzzParseFont(f *testing.F) {
	reg := embeddedFont(f, "NianbaoSerifSC-Regular.ttf")
	sub, err := mustFont(f, reg).Subset([]rune("政府信息公开，。□"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sub)
	f.Add(sub[:200])
	f.Add([]byte("ttcf"))
	f.Add([]byte("\x00\x01\x00\x00\x00\x09"))
	f.Fuzz(func(t *testing.T, data []byte) {
		font, err := ParseFont("f.ttf", data)
		if err != nil {
			return
		}
		var runes []rune
		for r := rune(0x20); r < 0xFFFF && len(runes) < 50; r++ {
			if font.Has(r) {
				runes = append(runes, r)
			}
		}
		if _, err := font.Subset(runes); err != nil {
			return
		}
		d := &report.Doc{Title: "政府信息公开工作年度报告", Organ: "示例市", MetaDate: "2025-01-01"}
		d.Sections[0] = report.Section{Heading: "一、总体情况", Paras: []report.Para{{Text: "政府信息公开，0123 ABC。", Line: 1}}}
		_, _ = Write(io.Discard, d, Options{Body: font, Title: font, Bold: font}) // an error is fine, a panic is not
	})
}

func mustFont(t testing.TB, data []byte) *Font {
	t.Helper()
	f, err := ParseFont("f.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestUserFonts: a user's .ttf for each role is embedded (here: subsets of
// the embedded fonts that lack some characters, standing in for an
// office's 仿宋_GB2312 and 方正小标宋); what a font lacks becomes a PDF-1
// warning and a substitute, never a failure.
func TestUserFonts(t *testing.T) {
	d := loadDoc(t, fixtures[3].Path)
	reg := mustFont(t, embeddedFont(t, "NianbaoSerifSC-Regular.ttf"))
	var all []rune
	for r := rune(0x20); r < 0xFFFF; r++ {
		if reg.Has(r) && r != '县' { // the organ's 县 is missing from the office's body font
			all = append(all, r)
		}
	}
	data, err := reg.Subset(all)
	if err != nil {
		t.Fatal(err)
	}
	body := mustFont(t, data)
	pdf, ps := writePDF(t, d, Options{Body: body})
	if len(ps) == 0 {
		t.Fatal("no warning for a character missing from the body font")
	}
	for _, p := range ps {
		if p.Rule != "PDF-1" || p.Severity != report.Warning || !strings.Contains(p.Msg, "“县”") || !strings.Contains(p.Msg, "--font-body") {
			t.Errorf("unexpected problem: %v", p)
		}
	}
	if !strings.Contains(pdfText(t, pdf), "测试□人民政府办公室") {
		t.Error("the missing character is not printed as □")
	}
	fonts := runTool(t, pdf, "pdffonts")
	if n := strings.Count(fonts, "CID TrueType"); n != 2 {
		t.Errorf("%d fonts embedded, want 2 (the user's body font and the default bold):\n%s", n, fonts)
	}
}

// TestBadRunes: characters above U+FFFF and characters missing from the
// font never crash the writer: each is reported once per line as a PDF-1
// warning with the file and line of the text, and printed as □.
func TestBadRunes(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(d *report.Doc)
		want  []string // problems as printed
		text  []string // in the PDF text
		avoid []string // not in the PDF text
	}{
		{
			name: "emoji in overview",
			edit: func(d *report.Doc) {
				d.Sections[0].Paras[1].Text = "依申请公开😀工作有序开展😀。"
			},
			want: []string{"valid2021.yaml:%d: text.overview: 警告[PDF-1]: 字符“😀”（U+1F600）位于 Unicode 辅助平面"},
			text: []string{"依申请公开□工作有序开展□。"},
		},
		{
			name: "CJK Ext-B name",
			edit: func(d *report.Doc) { d.Sections[4].Paras[0].Text = "由𠀾同志负责整改。" },
			want: []string{"valid2021.yaml:%d: text.problems: 警告[PDF-1]: 字符“𠀾”（U+2003E）"},
			text: []string{"由□同志负责整改。"},
		},
		{
			name: "Hangul missing from the font",
			edit: func(d *report.Doc) { d.Preface[0].Text = "한국어版本另行发布。" },
			want: []string{
				"valid2021.yaml:%d: text.preface: 警告[PDF-1]: 字体“NianbaoSerif SC”中没有字符“한”（U+D55C），PDF 中以“□”代替",
				"valid2021.yaml:%d: text.preface: 警告[PDF-1]: 字体“NianbaoSerif SC”中没有字符“국”（U+AD6D）",
				"valid2021.yaml:%d: text.preface: 警告[PDF-1]: 字体“NianbaoSerif SC”中没有字符“어”（U+C5B4）",
			},
			text: []string{"□□□版本另行发布。"},
		},
		{
			// The embedded face holds GB 2312 and 通用规范汉字表, not every
			// CJK ideograph: 丆 (U+4E06) is in neither.
			name: "rare hanzi outside the embedded face",
			edit: func(d *report.Doc) { d.Sections[5].Paras[0].Text = "本年度丆未收取信息处理费。" },
			want: []string{"valid2021.yaml:%d: text.other: 警告[PDF-1]: 字体“NianbaoSerif SC”中没有字符“丆”（U+4E06），PDF 中以“□”代替"},
			text: []string{"本年度□未收取信息处理费。"},
		},
		{
			name:  "private use and control characters",
			edit:  func(d *report.Doc) { d.Sections[5].Paras[0].Text = "本年度\uE000未收取\x07信息处理费。" },
			want:  []string{"valid2021.yaml:%d: text.other: 警告[PDF-1]: 字体“NianbaoSerif SC”中没有字符“\uE000”（U+E000）"},
			text:  []string{"本年度□未收取信息处理费。"},
			avoid: []string{"\x07"},
		},
		{
			name: "the same character twice on a line is reported once",
			edit: func(d *report.Doc) { d.Sections[0].Paras[0].Text = "😀😀😀" },
			want: []string{"valid2021.yaml:%d: text.overview: 警告[PDF-1]: 字符“😀”"},
			text: []string{"□□□"},
		},
		{
			name: "table label and organ",
			edit: func(d *report.Doc) {
				d.Organ += "😀"
				d.Sections[1].Table.Body[2][0].Text = "规章😀"
			},
			want: []string{
				"valid2021.yaml:3: organ: 警告[PDF-1]: 字符“😀”",
				"valid2021.yaml: 表二 主动公开政府信息情况: 警告[PDF-1]: 字符“😀”",
			},
			text: []string{"规章□"},
		},
		{
			// A work-plan cell names the line of its task.
			name: "work-plan ledger cell",
			edit: func(d *report.Doc) {
				d.Sections[5].Subsections = []report.Section{{
					Heading: "（三）本年度政务公开工作要点落实情况",
					Table: &report.Grid{ID: "workplan", Caption: "工作要点落实情况", Cols: 2, Widths: []int{1, 3},
						Head: [][]report.GridCell{{{Text: "序号", Kind: report.CellHead}, {Text: "主要任务", Kind: report.CellHead}}},
						Body: [][]report.GridCell{{{Text: "1", Kind: report.CellNumber, Key: "work_plan.tasks[0]", Line: 41}, {Text: "公开𠀀清单", Kind: report.CellLabel, Line: 41}}}},
				}}
				d.Sections[5].Subsections[0].Table.Place()
			},
			want: []string{"valid2021.yaml:41: 工作要点落实情况: 警告[PDF-1]: 字符“𠀀”"},
			text: []string{"公开□清单"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := loadDoc(t, fixtures[3].Path)
			c.edit(d)
			data, ps := writePDF(t, d, Options{})
			lines := map[string]int{"text.overview": d.Sections[0].Paras[0].Line, "text.problems": d.Sections[4].Paras[0].Line,
				"text.preface": d.Preface[0].Line, "text.other": d.Sections[5].Paras[0].Line}
			if c.name == "emoji in overview" {
				lines["text.overview"] = d.Sections[0].Paras[1].Line
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if len(got) != len(c.want) {
				t.Errorf("%d problems, want %d:\n%s", len(got), len(c.want), strings.Join(got, "\n"))
			}
			for i, w := range c.want {
				if strings.Contains(w, "%d") {
					for path, ln := range lines {
						if strings.Contains(w, path) {
							if ln <= 0 {
								t.Fatalf("%s has no line", path)
							}
							w = fmt.Sprintf(w, ln)
						}
					}
				}
				if i >= len(got) || !strings.HasPrefix(got[i], "../testdata/"+w) {
					t.Errorf("problem %d:\n got %q\nwant prefix %q", i, got, w)
				}
			}
			text := pdfText(t, data)
			for _, s := range c.text {
				if !strings.Contains(text, squeeze(s)) {
					t.Errorf("PDF text lacks %q", s)
				}
			}
			for _, s := range c.avoid {
				if strings.Contains(text, s) {
					t.Errorf("PDF text has %q", s)
				}
			}
		})
	}
}

// outsideFace is the hanzi tests use for one the embedded face lacks
// (scripts/fontchars.py leaves it out of the corpus too).
const outsideFace = '丆'

// TestEmbeddedFaceCoversCorpus: every CJK ideograph of the repository's own
// text (statutory labels and messages in report/ and cmd/, data/, test
// scripts and golden files) is in both embedded fonts. When it fails, run
// `/usr/bin/python3 scripts/fontchars.py corpus` and `make fonts`.
func TestEmbeddedFaceCoversCorpus(t *testing.T) {
	reg, bold, err := DefaultFonts()
	if err != nil {
		t.Fatal(err)
	}
	han := func(r rune) bool {
		return r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF
	}
	exts := []string{".go", ".yaml", ".yml", ".txt", ".txtar", ".json", ".md", ".tmpl", ".golden"}
	missing := map[rune]string{}
	files := 0
	for _, dir := range []string{"../../report", "../../cmd", "../../data", "../../templates"} {
		err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && (strings.HasSuffix(p, "templates/fonts") || strings.HasSuffix(p, "templates/assets")) {
				return filepath.SkipDir
			}
			if e.IsDir() || !slices.Contains(exts, filepath.Ext(p)) {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files++
			for _, r := range string(b) {
				if han(r) && r != outsideFace && (!reg.Has(r) || !bold.Has(r)) {
					if _, ok := missing[r]; !ok {
						missing[r] = p
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 100 {
		t.Fatalf("only %d files scanned", files)
	}
	for r, p := range missing {
		t.Errorf("%c (U+%04X) in %s is not in the embedded fonts", r, r, p)
	}
}
