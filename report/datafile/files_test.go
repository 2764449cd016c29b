package datafile_test

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"

	. "nianbao/report/datafile"
	"nianbao/report/internal/golden"
)

// secret is the content of a file outside the data directory: no message
// may quote it.
const secret = "organ: 机密内容不应出现在消息中\n"

// hostileDir makes a data directory holding a valid 2024.yaml and returns
// it with a directory outside it holding secret.yaml.
func hostileDir(t *testing.T) (data, outside string) {
	t.Helper()
	base := t.TempDir()
	data, outside = filepath.Join(base, "data"), filepath.Join(base, "outside")
	for _, d := range []string{data, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(data, "2024.yaml"), []byte(golden.Read(t, "../testdata/valid2021.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	return data, outside
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs on Windows")
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// A FIFO named like a data file is never opened: not listed by a
// directory scan, not loaded as a sibling, refused when named.
func TestFIFONeverOpened(t *testing.T) {
	data, _ := hostileDir(t)
	fifo := filepath.Join(data, "2023.yaml")
	mkfifo(t, fifo)
	files, err := FindDataFiles([]string{data})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(files, fifo) || len(files) != 1 {
		t.Errorf("FindDataFiles listed %v", files)
	}
	if sib := Siblings([]string{filepath.Join(data, "2024.yaml")}); len(sib) != 0 {
		t.Errorf("Siblings loaded %v", sib)
	}
	for _, l := range LoadFiles([]string{fifo}) {
		if l.Report != nil || len(l.Problems) != 1 || !strings.Contains(l.Problems[0].Msg, "不是普通文件") {
			t.Errorf("LoadFiles(fifo) = %v", l.Problems)
		}
	}
	if m, ps := LoadManifest(fifo); m != nil || len(ps) != 1 || !strings.Contains(ps[0].Msg, "不是普通文件") {
		t.Errorf("LoadManifest(fifo) = %v", ps)
	}
}

// A *.yaml symbolic link that leaves the data directory is refused without
// its target being read: by LoadFile, in a directory scan, as a sibling,
// as a manifest unit and as a manifest's text file.
func TestSymlinkOutsideRefused(t *testing.T) {
	data, outside := hostileDir(t)
	link := filepath.Join(data, "2023.yaml")
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), link); err != nil {
		t.Skipf("symlink: %v", err)
	}
	rel := filepath.Join(data, "rel.yaml")
	if err := os.Symlink(filepath.Join("..", "outside", "secret.yaml"), rel); err != nil {
		t.Fatal(err)
	}
	// A link inside the directory is followed as before.
	inside := filepath.Join(data, "current.yaml")
	if err := os.Symlink("2024.yaml", inside); err != nil {
		t.Fatal(err)
	}
	refused := func(what string, all string) {
		t.Helper()
		if !strings.Contains(all, "数据目录以外的符号链接") {
			t.Errorf("%s: not refused: %s", what, all)
		}
		if strings.Contains(all, "机密") {
			t.Errorf("%s: message quotes the target: %s", what, all)
		}
	}
	for _, p := range []string{link, rel} {
		r, ps := LoadFile(p)
		if r != nil {
			t.Errorf("%s loaded", p)
		}
		refused(p, golden.Format(ps))
	}
	if r, ps := LoadFile(inside); r == nil || ps.HasErrors() {
		t.Errorf("link inside the directory: %v", ps)
	}
	files, err := FindDataFiles([]string{data})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(files, link) {
		t.Errorf("the link should be listed so that it is refused with a message: %v", files)
	}
	for _, l := range Siblings([]string{filepath.Join(data, "2024.yaml")}) {
		if l.Path == link && l.Report != nil {
			t.Errorf("sibling link loaded")
		}
	}
	// A manifest whose unit and text file are such links.
	man := filepath.Join(data, "2024.manifest")
	src := "organ: 示例市人民政府\nyear: 2024\ntext: 2023.yaml\nunits:\n  - {organ: 示例市教育局, file: 2023.yaml}\n"
	if err := os.WriteFile(man, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	m, ps := LoadManifest(man)
	if m != nil {
		t.Error("manifest with an outside text file loaded")
	}
	refused("manifest text", golden.Format(ps))
	if !strings.Contains(golden.Format(ps), ":3:") {
		t.Errorf("the manifest's text: line is not named: %s", ps)
	}
	for _, l := range LoadFiles([]string{filepath.Join(data, "2023.yaml")}) {
		refused("manifest unit", golden.Format(l.Problems))
	}
}
