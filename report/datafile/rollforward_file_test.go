package datafile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRollForwardFile: the year defaults to the one after last year's file;
// a year or organ that does not follow from it is an *ArgError, an
// unreadable file an error naming it.
func TestRollForwardFile(t *testing.T) {
	prev := filepath.Join("..", "..", "data", "shili-office", "2023.yaml")
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("year: [\n"), 0o644)
	for _, c := range []struct {
		name     string
		path     string
		year     int
		organ    string
		wantYear int
		argErr   string // part of an *ArgError's message
		err      string // part of another error's message
	}{
		{"the next year", prev, 0, "", 2024, "", ""},
		{"a later year and its own organ", prev, 2025, "示例市人民政府办公室", 2025, "", ""},
		{"the same year", prev, 2023, "", 0, "应晚于", ""},
		{"out of range", prev, 2101, "", 0, "不在支持范围内", ""},
		{"another organ", prev, 0, "别的机关", 0, "不同", ""},
		{"an unreadable file", bad, 0, "", 0, "", "无法读取上年度数据文件"},
		{"a missing file", filepath.Join(t.TempDir(), "none.yaml"), 0, "", 0, "", "无法读取上年度数据文件"},
	} {
		t.Run(c.name, func(t *testing.T) {
			year, data, err := RollForwardFile(c.path, c.year, c.organ)
			var ae *ArgError
			switch {
			case c.argErr != "":
				if !errors.As(err, &ae) || !strings.Contains(ae.Msg, c.argErr) {
					t.Errorf("err %v, want an ArgError with %q", err, c.argErr)
				}
			case c.err != "":
				if err == nil || errors.As(err, &ae) || !strings.Contains(err.Error(), c.err) {
					t.Errorf("err %v, want %q", err, c.err)
				}
			default:
				if err != nil || year != c.wantYear {
					t.Fatalf("year %d, err %v", year, err)
				}
				r, ps := Parse("next.yaml", data)
				if r == nil || r.Year != c.wantYear || r.Organ != "示例市人民政府办公室" {
					t.Errorf("rolled file: %+v %v", r, ps)
				}
			}
		})
	}
}

// TestRollForwardMetadata: the publisher and topic of last year's report
// carry over; its 索引号 (one published document's number), 文号 and dates
// do not.
func TestRollForwardMetadata(t *testing.T) {
	prev := filepath.Join("..", "..", "data", "shili-office", "2024.yaml")
	_, data, err := RollForwardFile(prev, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	old, _ := LoadFile(prev)
	if old == nil || old.IndexNumber == "" || old.Topic == "" {
		t.Fatalf("fixture %s should have index_number and topic", prev)
	}
	r, ps := Parse("2025.yaml", data) // the stock columns are blank for the clerk (S-5)
	if r == nil {
		t.Fatalf("rolled file: %v", ps)
	}
	for _, c := range []struct{ key, got, want string }{
		{"index_number", r.IndexNumber, ""},
		{"document_number", r.DocumentNumber, ""},
		{"published", r.Published, ""},
		{"date", r.Date, ""},
		{"publisher", r.Publisher, old.Publisher},
		{"topic", r.Topic, old.Topic},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.key, c.got, c.want)
		}
	}
	if strings.Contains(string(data), old.IndexNumber) {
		t.Errorf("the rolled file still holds last year's 索引号 %s", old.IndexNumber)
	}
}
