package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReason: the common causes of a failed write are said in Chinese,
// never with the system's English.
func TestReason(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "2024.yaml")
	must(t, os.WriteFile(file, []byte("year: 2024\n"), 0o644))
	_, mkdirErr := WriteFile(filepath.Join(file, "out", "2024.html"), []byte("x"))
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"below a file", &fs.PathError{Op: "mkdir", Path: filepath.Join(file, "out"), Err: syscall.ENOTDIR}, file + " 是文件，不是目录"},
		{"no permission", &fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "没有写入权限"},
		{"disk full", &fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "磁盘空间不足"},
		{"read-only", &fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, "只读"},
		{"other", errors.New("boom"), "系统错误：boom"},
	} {
		if got := Reason(tc.err); !strings.Contains(got, tc.want) {
			t.Errorf("%s: Reason = %q, want %q", tc.name, got, tc.want)
		}
	}
	if mkdirErr == nil || !strings.Contains(mkdirErr.Error(), "是文件，不是目录") || strings.Contains(mkdirErr.Error(), "not a directory") {
		t.Errorf("WriteFile below a file: %v", mkdirErr)
	}
	if !errors.Is(mkdirErr, syscall.ENOTDIR) {
		t.Errorf("WriteFile error %v does not wrap the system's", mkdirErr)
	}
}

// TestInputs: an output is refused when it is an input by name, spelled
// differently, or by identity (a hard link).
func TestInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "2024.yaml")
	must(t, os.WriteFile(in, []byte("year: 2024\n"), 0o644))
	link := filepath.Join(dir, "link.docx")
	must(t, os.Link(in, link))
	same := filepath.Join(dir, "same-size.yaml")
	must(t, os.WriteFile(same, []byte("year: 2025\n"), 0o644))
	set := NewInputs([]string{in, filepath.Join(dir, "gone.docx")})
	for _, tc := range []struct {
		name, out string
		refused   bool
	}{
		{"the input", in, true},
		{"spelled differently", filepath.Join(dir, ".", "x", "..", "2024.yaml"), true},
		{"a hard link", link, true},
		{"a missing input by name", filepath.Join(dir, "gone.docx"), true},
		{"another file of the same size", same, false},
		{"a new file", filepath.Join(dir, "new.html"), false},
	} {
		err := set.Check(tc.out)
		if (err != nil) != tc.refused {
			t.Errorf("%s: Check = %v, refused want %v", tc.name, err, tc.refused)
		}
		if err != nil && !strings.Contains(err.Error(), "就是输入文件") {
			t.Errorf("%s: message %q", tc.name, err)
		}
	}
	var none *Inputs
	if none.Check(in) != nil {
		t.Error("nil Inputs refused an output")
	}
}
