package html

import (
	"bytes"

	"nianbao/report"
)

// BreakdownPage returns the per-unit breakdown of a merge (汇总单位明细)
// as a self-contained HTML page, template "breakdown-page" of
// html/breakdown.tmpl in o.Templates (nil: the built-in one): no scripts,
// no external URLs; every text is escaped by html/template. It lays out b
// and does no arithmetic.
func BreakdownPage(b *report.Breakdown, o Options) ([]byte, error) {
	l, err := load(o.Templates)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := execute(&buf, l, "breakdown-page", b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
