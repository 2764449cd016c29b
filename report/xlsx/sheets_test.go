package xlsx

import (
	"archive/zip"
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSheets: every sheet in order, its formatted texts with a merged
// range's text in its top-left cell only, and its merged ranges 0-based.
func TestSheets(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("任务分解表"); err != nil {
		t.Fatal(err)
	}
	cells := map[string]any{"A1": "示例县2024年政务公开工作要点任务分解表", "A2": "序号", "B2": "事项名称", "C2": "主要任务",
		"A3": 1, "B3": "政策解读", "C3": "同步解读。", "C4": "开展培训。"}
	for ref, v := range cells {
		if err := f.SetCellValue("任务分解表", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"A1", "C1"}, {"B3", "B4"}} {
		if err := f.MergeCell("任务分解表", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Sheets("table.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := []Sheet{
		{Name: "Sheet1", Rows: [][]string{}},
		{Name: "任务分解表", Rows: [][]string{
			{"示例县2024年政务公开工作要点任务分解表"},
			{"序号", "事项名称", "主要任务"},
			{"1", "政策解读", "同步解读。"},
			{"", "", "开展培训。"},
		}, Merges: []Merge{{Row1: 0, Col1: 0, Row2: 0, Col2: 2}, {Row1: 2, Col1: 1, Row2: 3, Col2: 1}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}

// TestSheetsRejects: files that are not readable workbooks, each refused
// with a message naming the file and saying what to do.
func TestSheetsRejects(t *testing.T) {
	zipNoWorkbook := func() []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		w, _ := z.Create("hello.txt")
		w.Write([]byte("hi"))
		z.Close()
		return b.Bytes()
	}()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "文件为空"},
		{"csv", []byte("事项名称,主要任务\n"), "这不是 .xlsx"},
		{"xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "另存为” .xlsx"},
		{"too big", append([]byte("PK\x03\x04"), make([]byte, MaxFileSize)...), "文件超过 10 MiB"},
		{"broken zip", []byte("PK\x03\x04garbage"), "文件已损坏或不完整"},
		{"zip without workbook", zipNoWorkbook, "这不是 Excel 工作簿（.xlsx），或文件已损坏"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Sheets("table.xlsx", tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "table.xlsx") {
				t.Errorf("want error starting with table.xlsx containing %q, got %v", tc.want, err)
			}
		})
	}
}

// FuzzSheets feeds Sheets arbitrary bytes, seeded with the 任务分解表
// fixture workbook: an error or at least one sheet, merged ranges in
// order, never a panic.
func FuzzSheets(f *testing.F) {
	if data, err := os.ReadFile("testdata/shenyang-2022.xlsx"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("事项名称,主要任务"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sheets, err := Sheets("fuzz.xlsx", data)
		if err != nil {
			return
		}
		if len(sheets) == 0 {
			t.Fatal("no error and no sheet")
		}
		for _, s := range sheets {
			for _, m := range s.Merges {
				if m.Row1 < 0 || m.Col1 < 0 || m.Row2 < m.Row1 || m.Col2 < m.Col1 {
					t.Errorf("sheet %s: merged range %+v", s.Name, m)
				}
			}
		}
	})
}
