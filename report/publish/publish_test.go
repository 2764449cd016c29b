package publish

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func TestJoin(t *testing.T) {
	for _, tc := range []struct {
		rel, want, err string
	}{
		{rel: "2024.html", want: "out/2024.html"},
		{rel: "shili/2024.html", want: "out/shili/2024.html"},
		{rel: "a/../2024.html", want: "out/2024.html"},
		{rel: "../2024.html", err: "不在输出目录 out 之内"},
		{rel: "a/../../2024.html", err: "不在输出目录"},
		{rel: "/etc/2024.html", err: "不在输出目录"},
		{rel: "", err: "不在输出目录"},
	} {
		got, err := Join("out", tc.rel)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Join(out, %q) = %q, %v; want error %q", tc.rel, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != filepath.FromSlash(tc.want) {
			t.Errorf("Join(out, %q) = %q, %v; want %q", tc.rel, got, err, tc.want)
		}
	}
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "2024.yaml")
	must(t, os.WriteFile(in, []byte("year: 2024\n"), 0o644))
	link := filepath.Join(dir, "link.yaml")
	must(t, os.Link(in, link))
	other := filepath.Join(dir, "other.xlsx")
	must(t, os.WriteFile(other, []byte("x"), 0o644))
	sub := filepath.Join(dir, "sub")
	must(t, os.Mkdir(sub, 0o755))
	for _, tc := range []struct {
		name   string
		out    string
		inputs []string
		force  bool
		err    string
	}{
		{"new file", filepath.Join(dir, "new.xlsx"), []string{in}, false, ""},
		{"the input itself", in, []string{in}, false, "就是输入文件"},
		{"the input even with --force", in, []string{in}, true, "就是输入文件"},
		{"the input spelled differently", filepath.Join(dir, "sub", "..", "2024.yaml"), []string{in}, true, "就是输入文件"},
		{"a hard link to the input", link, []string{in}, true, "就是输入文件"},
		{"a missing input is no clash", filepath.Join(dir, "new.yaml"), []string{filepath.Join(dir, "gone.yaml")}, false, ""},
		{"existing file", other, []string{in}, false, "已存在，未覆盖。确需覆盖请加 --force"},
		{"existing file with --force", other, []string{in}, true, ""},
		{"a directory", sub, nil, true, "是一个目录"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckOutput(tc.out, tc.inputs, tc.force)
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("CheckOutput(%s) = %v, want %q", tc.out, err, tc.err)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.ttf")
	must(t, os.WriteFile(small, []byte("0123456789"), 0o644))
	cases := []struct {
		name, path string
		limit      int64
		err        string
	}{
		{"regular file", small, 10, ""},
		{"over the limit", small, 9, "超过字体文件的上限 9 字节"},
		{"missing", filepath.Join(dir, "none.ttf"), 10, "文件不存在"},
		{"directory", dir, 10, "这是一个目录，不是字体文件"},
	}
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "fifo.ttf")
		must(t, syscall.Mkfifo(fifo, 0o644))
		cases = append(cases,
			struct {
				name, path string
				limit      int64
				err        string
			}{"fifo (would block)", fifo, 10, "不是普通文件"},
			struct {
				name, path string
				limit      int64
				err        string
			}{"/dev/zero (never ends)", "/dev/zero", 1 << 20, "不是普通文件"})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := ReadFile(tc.path, tc.limit, "字体文件")
			if tc.err == "" {
				if err != nil || string(data) != "0123456789" {
					t.Fatalf("ReadFile = %q, %v", data, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("ReadFile(%s) error = %v, want %q", tc.path, err, tc.err)
			}
		})
	}
}

// A killed run leaves .name.tmp-NNN files; the next run writing into the
// directory removes them, and nothing else.
func TestWriteFileSweepsStaleTemps(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".2019.json.tmp-123456789")
	keep := []string{filepath.Join(dir, ".hidden"), filepath.Join(dir, "a.tmp-1"), filepath.Join(dir, ".x.tmp-abc")}
	for _, p := range append(keep, stale) {
		must(t, os.WriteFile(p, []byte("x"), 0o644))
	}
	changed, err := WriteFile(filepath.Join(dir, "index.html"), []byte("<p>"))
	if err != nil || !changed {
		t.Fatalf("WriteFile = %v, %v", changed, err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temp file %s was not removed", stale)
	}
	for _, p := range keep {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
	// Unchanged content leaves the file alone.
	if changed, err := WriteFile(filepath.Join(dir, "index.html"), []byte("<p>")); err != nil || changed {
		t.Errorf("second WriteFile = %v, %v; want unchanged", changed, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
