package html

import (
	"strings"
	"testing"
)

// TestExplain: the common errors of html/template are explained in
// Chinese, keeping the names they quote.
func TestExplain(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`executing "report-page" at <.Doc.NoSuchField>: can't evaluate field NoSuchField in type *report.Doc`, "模板引用了不存在的字段 NoSuchField（在 {{.Doc.NoSuchField}} 处）"},
		{`unexpected "/" in if`, "{{if …}} 中出现了不该有的“/”"},
		{`unexpected EOF`, "缺少对应的 {{end}}"},
		{`unexpected {{end}}`, "多出一个 {{end}}"},
		{`function "safeHTML" not defined`, "没有名为 safeHTML 的函数"},
		{`missing value for range`, "{{range}} 后缺少条件或值"},
		{`unclosed action`, "{{ 没有对应的 }}"},
		{`unterminated quoted string`, "引号没有闭合"},
		{`undefined variable "$x"`, "变量 $x 没有定义"},
		{`wrong number of args for len: want 1 got 2`, "len 的参数个数不对：应为 1 个，实际为 2 个"},
		{`no such template "info"`, "没有名为“info”的模板"},
		{`executing "x" at <.Doc.Preface>: nil pointer evaluating *report.Doc.Preface`, "{{.Doc.Preface}} 处的数据为空"},
		{`something new`, "模板引擎报告：something new"},
	} {
		if got := explain(tc.in); !strings.Contains(got, tc.want) {
			t.Errorf("explain(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
