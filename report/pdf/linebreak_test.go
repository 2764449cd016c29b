package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fakeMeasure: ASCII is half a unit wide, everything else one unit.
func fakeMeasure(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

func texts(ls []line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Text())
	}
	return out
}

func TestBreakLines(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		width  float64
		indent float64
		want   []string
	}{
		{"fits", "一二三", 5, 0, []string{"一二三"}},
		{"plain CJK", "一二三四五六七", 3, 0, []string{"一二三", "四五六", "七"}},
		{"indent", "一二三四五六七", 4, 2, []string{"一二", "三四五六", "七"}},
		// 。 may not start a line: 三 moves down with it.
		{"no-start comma", "一二三。四五", 3, 0, []string{"一二", "三。四", "五"}},
		{"no-start chain", "一二三”。四", 3, 0, []string{"一二", "三”。", "四"}},
		// “ may not end a line: it moves down with the word it opens.
		{"no-end quote", "一二三“四五”", 4, 0, []string{"一二三", "“四五”"}},
		{"no-end bracket", "一二（三）", 3, 0, []string{"一二", "（三）"}},
		// Latin and digit runs stay together.
		{"digits", "共计12345件", 3, 0, []string{"共计", "12345", "件"}},
		{"digits fit", "共12件", 4, 0, []string{"共12件"}},
		{"latin word", "发送至gkk@shili.example。", 10, 0, []string{"发送至", "gkk@shili.example。"}},
		{"spaces", "hello world foo", 4, 0, []string{"hello ", "world ", "foo"}},
		// A run wider than a line is split between characters.
		{"long run", "abcdefghij", 2, 0, []string{"abcd", "efgh", "ij"}},
		{"ellipsis pair", "一二……三", 3, 0, []string{"一", "二……", "三"}},
		{"dash pair", "一二——三", 3, 0, []string{"一", "二——", "三"}},
		{"percent", "增长12%，很好", 3, 0, []string{"增长", "12%，", "很好"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := texts(breakLines(c.in, c.width, c.indent, fakeMeasure))
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("breakLines(%q, %v)\n got %q\nwant %q", c.in, c.width, got, c.want)
			}
			if strings.Join(got, "") != c.in {
				t.Errorf("characters lost: %q", got)
			}
		})
	}
}

func TestBreakCell(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		width float64
		want  []string
	}{
		// A short bracketed group moves down whole.
		{"group", "上年（2023年）", 6, []string{"上年", "（2023年）"}},
		{"unit group", "本年收费金额（单位：万元）", 10, []string{"本年收费金额", "（单位：万元）"}},
		// A group wider than the line is cut, starting on the current line.
		{"long group", "第1项（政策文件库建设）", 6, []string{"第1项（政策", "文件库建设）"}},
		// A group too long to keep together is broken like any text.
		{"very long group", "部分公开（区分处理的，只计这一情形，不计其他情形）", 12,
			[]string{"部分公开（区分处理的，只", "计这一情形，不计其他", "情形）"}},
		// No single character alone on the last line.
		{"orphan", "（三）不予公开", 3, []string{"（三）", "不予", "公开"}},
		{"orphan with stop", "一二三四五六。", 5, []string{"一二三四", "五六。"}},
		{"orphan with stop, no room above", "一二三四五六。", 3, []string{"一二三", "四五", "六。"}},
		{"two characters are no orphan", "一二三四五六七。", 4, []string{"一二三四", "五六七。"}},
		{"orphan moved", "一二三四", 3, []string{"一二", "三四"}},
		{"no room to fix", "一二三四", 1.5, []string{"一", "二", "三", "四"}},
		{"no new orphan above", "一二三四五", 2, []string{"一二", "三四", "五"}},
		{"fits", "已完成", 3, []string{"已完成"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := texts(breakCell(c.in, c.width, fakeMeasure))
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("breakCell(%q, %v)\n got %q\nwant %q", c.in, c.width, got, c.want)
			}
		})
	}
}

// TestBreakRules checks 避头尾 and width on a long real paragraph at many widths.
func TestBreakRules(t *testing.T) {
	in := "本年度报告根据《中华人民共和国政府信息公开条例》编制，集中报告示例市人民政府办公室2024年政府信息公开工作。" +
		"报告在示例市人民政府门户网站“政府信息公开”专栏发布，提供网页、PDF和长辈版三种版本（PDF版可直接下载）；" +
		"如需咨询，请拨打0000-12345678或发送电子邮件至gkk@shili.example。申请量下降12.5%！是否“首接负责”？"
	for w := 3.0; w <= 40; w++ {
		ls := breakLines(in, w, 2, fakeMeasure)
		if got := strings.Join(texts(ls), ""); got != in {
			t.Fatalf("width %v: text changed:\n%s", w, got)
		}
		for i, l := range ls {
			s := strings.TrimSpace(l.Text())
			first, _ := utf8.DecodeRuneInString(s)
			last, _ := utf8.DecodeLastRuneInString(s)
			if i > 0 && isNoStart(first) {
				t.Errorf("width %v line %d starts with %q: %q", w, i, first, s)
			}
			if i < len(ls)-1 && isNoEnd(last) {
				t.Errorf("width %v line %d ends with %q: %q", w, i, last, s)
			}
			avail := w
			if i == 0 {
				avail -= 2
			}
			if l.width > avail+1e-9 {
				t.Errorf("width %v line %d overflows (%v): %q", w, i, l.width, s)
			}
			if strings.Contains(s, "1234") && !strings.Contains(s, "0000-12345678") && w >= 7 {
				t.Errorf("width %v: number run broken: %q", w, s)
			}
		}
		if !ls[len(ls)-1].last {
			t.Errorf("width %v: last line not marked", w)
		}
	}
}

func TestJustifyGap(t *testing.T) {
	ls := breakLines("一二三四五六七", 3.5, 0, fakeMeasure)
	if g := ls[0].gap(3.5, 1); g != 0.25 {
		t.Errorf("gap = %v, want 0.25 (0.5 spread over 2 gaps)", g)
	}
	if g := ls[len(ls)-1].gap(3.5, 1); g != 0 {
		t.Errorf("last line gap = %v, want 0", g)
	}
}

// FuzzLineBreak: every input rune appears in the output, in order, and no
// line but one made of a single character overflows.
func FuzzLineBreak(f *testing.F) {
	for _, s := range []string{
		"本年度报告根据《中华人民共和国政府信息公开条例》编制。",
		"“三安全一稳定”（区分处理的，只计这一情形，不计其他情形）",
		"gkk@shili.example 0000-12345678 12.5%",
		"😀𠀀한 \t\n",
		"，，，，，，，（（（（（",
		"",
	} {
		f.Add(s, 5.0, 1.0)
	}
	f.Fuzz(func(t *testing.T, s string, width, indent float64) {
		if width < 1 || width > 200 || indent < 0 || indent > width/2 || width != width || indent != indent {
			return
		}
		ls := breakLines(s, width, indent, fakeMeasure)
		if got := strings.Join(texts(ls), ""); got != s {
			t.Fatalf("lost characters:\n in %q\nout %q", s, got)
		}
		if got := strings.Join(texts(avoidOrphan(ls, width)), ""); got != s {
			t.Fatalf("avoidOrphan lost characters:\n in %q\nout %q", s, got)
		}
		for _, l := range breakCell(s, width, fakeMeasure) {
			if l.width > width+1e-9 && l.content() > 1 && utf8.RuneCountInString(strings.TrimSpace(l.Text())) > 1 {
				t.Fatalf("cell line overflows: %q (%v > %v)", l.Text(), l.width, width)
			}
		}
		if got := strings.Join(texts(breakCell(s, width, fakeMeasure)), ""); got != s {
			t.Fatalf("breakCell lost characters:\n in %q\nout %q", s, got)
		}
		for i, l := range ls {
			avail := width
			if i == 0 {
				avail -= indent
			}
			if l.width > avail+1e-9 && utf8.RuneCountInString(strings.TrimSpace(l.Text())) > 1 &&
				len(l.units) > 0 && l.content() > 1 {
				t.Fatalf("line %d overflows: %q (%v > %v)", i, l.Text(), l.width, avail)
			}
		}
	})
}
