package report

import "testing"

func TestNumberHint(t *testing.T) {
	for _, tc := range []struct {
		text  string
		whole bool
		why   []string
		hint  string // "" when not recognisably a number or written plainly
	}{
		{text: "12", whole: true},
		{text: "-3", whole: true},
		{text: "8.0635"},
		{text: "abc", whole: true},
		{text: "1,026", whole: true, hint: "写成 1026（不要千位分隔符）"},
		{text: "75,394,432.52", hint: "写成 75394432.52（不要千位分隔符）"},
		{text: "1，026", whole: true, hint: "写成 1026（用半角（英文）数字和符号，不要用全角字符；不要千位分隔符）"},
		{text: "1,0,2", whole: true},
		{text: "1 702", whole: true, hint: "写成 1702（数字中间不要空格）"},
		{text: "1\u00a0234\u202f567.5", hint: "写成 1234567.5（数字中间不要空格）"},
		{text: "１　７０２", whole: true, hint: "写成 1702（用半角（英文）数字和符号，不要用全角字符；数字中间不要空格）"},
		{text: "12 34", whole: true},
		{text: "1 2", whole: true},
		{text: "−18", whole: true, hint: "写成 -18（开头的“−”（U+2212 数学减号）不是减号，负数请用半角减号“-”）"},
		{text: "–5", whole: true, hint: "写成 -5（开头的“–”（U+2013 短破折号）不是减号，负数请用半角减号“-”）"},
		{text: "１２", whole: true, hint: "写成 12（用半角（英文）数字和符号，不要用全角字符）"},
		{text: "3件", whole: true, hint: "写成 3（不要写单位“件”）"},
		{text: " 3 件次 ", whole: true, hint: "写成 3（不要写单位“件次”）"},
		{text: "8.0635万元", hint: "写成 8.0635（不要写单位“万元”）"},
		{text: "万元"},
		{text: "三", whole: true, hint: "写成 3（用阿拉伯数字）"},
		{text: "三百一十", whole: true, hint: "写成 310（用阿拉伯数字）"},
		{text: "一万二千", whole: true, hint: "写成 12000（用阿拉伯数字）"},
		{text: "二〇二四", whole: true, hint: "写成 2024（用阿拉伯数字）"},
		{text: "万", whole: true},
		{text: "1e3", whole: true, hint: "写成 1000（不要用科学计数法）"},
		{text: "1.5E2", hint: "写成 150（不要用科学计数法）"},
		{text: "1e20", whole: true, hint: "不要用科学计数法（如 1e3），请写出完整的数字"},
		{text: "2.5e0", whole: true, hint: "写成 2.5（不要用科学计数法；件数应为整数）"},
		{text: ".inf", whole: true, hint: "“.inf”在 YAML 中表示无穷大或“非数”，不是数字，请写出实际数字"},
		{text: "-.NaN", hint: "“-.NaN”在 YAML 中表示无穷大或“非数”，不是数字，请写出实际数字"},
		{text: "0x1F", whole: true, hint: "写成 31（用十进制，不要写成十六进制、八进制或二进制）"},
		{text: "0o466", whole: true, hint: "写成 310（用十进制，不要写成十六进制、八进制或二进制）"},
		{text: "0xFFFFFFFFFFFFFFFFFF", whole: true, hint: "请写十进制数字"},
		{text: "1_000", whole: true, hint: "写成 1000（不要用下划线分隔数字）"},
		{text: "007", whole: true, hint: "写成 7（数字前不要补 0）"},
		{text: "-00.5", hint: "写成 -0.5（数字前不要补 0）"},
		{text: "0", whole: true},
		{text: "0.5"},
		{text: "3", whole: true, why: []string{"不要写类型标记“!!float”"}, hint: "写成 3（不要写类型标记“!!float”）"},
		{text: "x", whole: true, why: []string{"不要写类型标记“!!float”"}},
	} {
		hint, ok := NumberHint(tc.text, tc.whole, tc.why...)
		if hint != tc.hint || ok != (tc.hint != "") {
			t.Errorf("NumberHint(%q, %v, %q) = %q, %v; want %q", tc.text, tc.whole, tc.why, hint, ok, tc.hint)
		}
	}
}

func TestNumberText(t *testing.T) {
	for _, tc := range []struct {
		text  string
		whole bool
		kind  TextKind
	}{
		{"", true, TextBlank},
		{"  ", true, TextBlank},
		{"/", true, TextBlank},
		{"／", true, TextBlank},
		{"-", true, TextBlank},
		{"—", false, TextBlank},
		{"无", true, TextBlank},
		{"1,026", true, TextTyped},
		{"3件", true, TextTyped},
		{"−18", true, TextTyped},
		{"１２", true, TextTyped},
		{"三", true, TextTyped},
		{"8.0635万元", false, TextTyped},
		{"三十多", true, TextChinese},
		{"约三件", true, TextChinese},
		{"12", true, TextPlain},
		{" -5 ", true, TextPlain},
		{"1.5", false, TextPlain},
		{"1.5", true, TextPlain},
		{"abc", true, TextOther},
		{"1,0,2", true, TextOther},
		{"12 件 3", true, TextOther},
	} {
		kind, hint := NumberText(tc.text, tc.whole)
		if kind != tc.kind || (hint != "") != (kind == TextTyped) {
			t.Errorf("NumberText(%q, %v) = %d, %q; want kind %d", tc.text, tc.whole, kind, hint, tc.kind)
		}
	}
}

func TestPlainNumbers(t *testing.T) {
	for _, tc := range []struct {
		s                   string
		integer, lead, deci bool
	}{
		{"12", true, false, true},
		{"+12", true, false, true},
		{"-0", true, false, true},
		{"017", true, true, true},
		{"00.5", false, true, true},
		{"0.5", false, false, true},
		{"1.", false, false, false},
		{".5", false, false, false},
		{"1.-5", false, false, false},
		{"", false, false, false},
		{"-", false, false, false},
		{"1e3", false, false, false},
	} {
		if got := IsPlainInt(tc.s); got != tc.integer {
			t.Errorf("IsPlainInt(%q) = %v", tc.s, got)
		}
		if got := HasLeadingZero(tc.s); got != tc.lead {
			t.Errorf("HasLeadingZero(%q) = %v", tc.s, got)
		}
		if got := isDecimal(tc.s); got != tc.deci {
			t.Errorf("isDecimal(%q) = %v", tc.s, got)
		}
	}
}
