package datafile

import (
	"errors"
	"io"
	"io/fs"
	"nianbao/report"
	"os"
	"path/filepath"
)

// Load reads the data file name from fsys and decodes it with Parse.
// Only regular files are read (a FIFO or device named *.yaml would block
// or never end), never a symbolic link that leaves fsys, and at most
// MaxFileSize+1 bytes. Problems name the file as name. Tests pass an
// fstest.MapFS; commands pass LoadFile's.
func Load(fsys fs.FS, name string) (*report.Report, report.Problems) {
	data, ps := readData(fsys, name, name)
	if ps != nil {
		return nil, ps
	}
	return Parse(name, data)
}

// LoadFile is Load for a path on disk, named as given in messages. The
// file's directory is the data directory: a symbolic link that points
// outside it is refused, not followed.
func LoadFile(path string) (*report.Report, report.Problems) {
	data, ps := readPath(path)
	if ps != nil {
		return nil, ps
	}
	return Parse(path, data)
}

// readPath reads the file at path through an os.Root opened on its
// directory (so no symbolic link leads out of it), as readData does.
func readPath(path string) ([]byte, report.Problems) {
	root, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return nil, readProblem(path, err)
	}
	defer root.Close()
	return readData(root.FS(), filepath.Base(path), path)
}

// readData is the one function that reads a data file, manifest or text
// file: it refuses directories, FIFOs, devices and sockets before opening
// anything, refuses a symbolic link whose target lies outside fsys
// without reading the target, and reads at most MaxFileSize+1 bytes.
// shown names the file in problems.
func readData(fsys fs.FS, name, shown string) ([]byte, report.Problems) {
	fail := func(format string, args ...any) ([]byte, report.Problems) {
		return nil, report.Problems{report.Problemf(shown, report.Pos{}, "", "S-1", format, args...)}
	}
	if escapesFS(fsys, name) {
		return fail("这是指向数据目录以外的符号链接，出于安全考虑不予读取。请把数据文件本身复制到数据目录中")
	}
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, readProblem(shown, err)
	}
	switch {
	case st.IsDir():
		return fail("这是一个目录，不是数据文件")
	case !st.Mode().IsRegular():
		return fail("这不是普通文件（是管道、设备或套接字），不能作为数据文件读取")
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, readProblem(shown, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return fail("读取文件失败：%v", err)
	}
	return data, nil
}

// escapesFS reports whether name is a symbolic link that fsys does not
// resolve inside itself (os.Root refuses such links; so does this check
// for any fs.ReadLinkFS whose Stat fails on the link).
func escapesFS(fsys fs.FS, name string) bool {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return false
	}
	li, err := rl.Lstat(name)
	if err != nil || li.Mode()&fs.ModeSymlink == 0 {
		return false
	}
	_, err = fs.Stat(fsys, name)
	return err != nil && !errors.Is(err, fs.ErrNotExist)
}

func readProblem(shown string, err error) report.Problems {
	msg := "无法打开文件，请检查路径和权限"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "文件不存在，请检查路径和文件名"
	case errors.Is(err, fs.ErrPermission):
		msg = "没有读取权限，请检查文件权限"
	}
	return report.Problems{report.Problemf(shown, report.Pos{}, "", "S-1", "%s", msg)}
}
