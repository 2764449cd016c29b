package xlsx

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/report"
)

// TestTextEscaping: text the serialiser must escape (markup characters,
// quotes, carriage returns, edge spaces, OOXML _xHHHH_ escapes, characters
// beyond the BMP) reads back unchanged, with nianbao's reader and with
// excelize; a character XML cannot carry becomes U+FFFD, as encoding/xml
// would write it.
func TestTextEscaping(t *testing.T) {
	r := loadFile(t, "../../data/shili-office/2024.yaml")
	texts := []string{
		"a<b & c>d \"引号\" 'x'",
		"  前导与结尾空格  ",
		"第一段\r\n第二段\n\n第三段\t制表",
		"字面 _x000D_ 转义",
		"😀 扩展平面 𠀀",
	}
	for i := range r.Text {
		r.Text[i].Body = texts[i]
	}
	r.WorkPlan = &report.WorkPlan{Title: "a&b", Tasks: []report.Task{{Task: texts[4], Status: "已完成", Result: "控制\x01字符"}}}
	data := export(t, r)
	got, ps := Read("escape.xlsx", data)
	if got == nil {
		t.Fatal(ps)
	}
	for i, w := range texts[:len(r.Text)] {
		// The importer trims a body and may normalise line ends.
		w = strings.TrimSpace(w)
		if g := got.Text[i].Body; g != w && g != strings.ReplaceAll(w, "\r\n", "\n") {
			t.Errorf("text %d: got %q, want %q", i, g, w)
		}
	}
	if got.WorkPlan == nil || got.WorkPlan.Title != "a&b" || len(got.WorkPlan.Tasks) != 1 ||
		got.WorkPlan.Tasks[0].Task != texts[4] || got.WorkPlan.Tasks[0].Result != "控制\uFFFD字符" {
		t.Errorf("work plan: %+v", got.WorkPlan)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, w := range texts[:len(r.Text)] {
		if g, _ := f.GetCellValue(sheetText, ref(2, textFirstRow+i)); g != w {
			t.Errorf("excelize text %d: got %q, want %q", i, g, w)
		}
	}
}

// TestCellTooLong: a value beyond Excel's 32767 characters (counted in
// UTF-16 units) is an error naming the cell, not a truncated cell.
func TestCellTooLong(t *testing.T) {
	r := loadFile(t, "../../data/shili-office/2024.yaml")
	r.WorkPlan = &report.WorkPlan{Tasks: []report.Task{{Task: strings.Repeat("😀", 20000), Status: "已完成"}}}
	var buf bytes.Buffer
	err := writeBook(&buf, r)
	if err == nil || !strings.Contains(err.Error(), sheetPlan+"!C5") || !strings.Contains(err.Error(), "32767") {
		t.Errorf("got %v", err)
	}
}

// TestConcurrentExport: exports share the cached layouts, style sheets and
// pooled buffers; parallel exports give the bytes a single one does (run
// with -race).
func TestConcurrentExport(t *testing.T) {
	var reports []*report.Report
	var want [][]byte
	for _, y := range []string{"2019", "2024"} {
		r := loadFile(t, "../../data/shili-office/"+y+".yaml")
		reports = append(reports, r)
		want = append(want, export(t, r))
	}
	errs := make(chan error, 8)
	for g := range 8 {
		go func() {
			i := g % len(reports)
			var buf bytes.Buffer
			err := writeBook(&buf, reports[i])
			if err == nil && !bytes.Equal(buf.Bytes(), want[i]) {
				err = fmt.Errorf("export %d differs from a single export", i)
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestDocUnchanged: Write reads the Doc it is given and changes nothing in
// it (the same Doc goes on to the PDF and HTML renderers).
func TestDocUnchanged(t *testing.T) {
	for _, y := range []string{"2019", "2024"} {
		r := loadFile(t, "../../data/shili-office/"+y+".yaml")
		doc, want := report.Build(r, nil), report.Build(r, nil)
		var buf bytes.Buffer
		if err := Write(&buf, doc, Options{Report: r}); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(doc, want) {
			t.Errorf("%s: Write changed the Doc", y)
		}
	}
}
