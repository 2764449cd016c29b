package publish

import (
	"errors"
	"fmt"
	"io"
	"nianbao/report"
	"os"
	"path/filepath"
)

// Join returns root joined with rel, the slash-separated path of an output
// inside the output directory root (-o). A rel that would leave root
// (absolute, or climbing with "..") is refused: no output is ever written
// outside -o.
func Join(root, rel string) (string, error) {
	rel = filepath.FromSlash(rel)
	if !filepath.IsLocal(rel) {
		return "", fmt.Errorf("输出路径 %s 不在输出目录 %s 之内，未写入。请检查输入目录的名称（不要用 .. 或绝对路径作为机关目录）", rel, root)
	}
	return filepath.Join(root, rel), nil
}

// CheckOutput refuses an output file that is one of the command's inputs
// (the same file by name or by identity, so a hard link or a path spelled
// differently is caught too) even with force, and an existing file, or
// anything that is not a regular file, without force. inputs may name
// files that do not exist.
func CheckOutput(path string, inputs []string, force bool) error {
	abs, _ := filepath.Abs(path)
	st, err := os.Stat(path)
	for _, in := range inputs {
		if in == "" {
			continue
		}
		inAbs, _ := filepath.Abs(in)
		same := inAbs == abs
		if !same && err == nil {
			if ist, ierr := os.Stat(in); ierr == nil {
				same = os.SameFile(st, ist)
			}
		}
		if same {
			return fmt.Errorf("输出文件 %s 就是输入文件 %s，不能覆盖输入。请用 -o 另给一个文件名", report.Printable(path), report.Printable(in))
		}
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("无法检查输出文件 %s：%s", report.Printable(path), Reason(err))
	case st.IsDir():
		return fmt.Errorf("输出路径 %s 是一个目录。请给出文件名，例如 %s", report.Printable(path), filepath.Join(path, "2024.yaml"))
	case !st.Mode().IsRegular():
		return fmt.Errorf("输出路径 %s 不是普通文件（是管道、设备或套接字），未写入", report.Printable(path))
	case !force:
		return fmt.Errorf("%s 已存在，未覆盖。确需覆盖请加 --force", report.Printable(path))
	}
	return nil
}

// Inputs is the set of a run's input files (data files, option files,
// template files), for refusing any output that is one of them: the same
// file by name or by identity (a hard link, a path spelled differently).
// Checking an output costs one Stat, whatever the number of inputs. A nil
// *Inputs holds nothing. It is safe for concurrent use once made.
type Inputs struct {
	byPath map[string]string         // absolute clean path → as given
	bySize map[int64][]inputFileInfo // size → inputs of that size
}

type inputFileInfo struct {
	path string
	st   os.FileInfo
}

// NewInputs makes the set of paths; paths that do not exist are kept by
// name only.
func NewInputs(paths []string) *Inputs {
	in := &Inputs{byPath: map[string]string{}, bySize: map[int64][]inputFileInfo{}}
	for _, p := range paths {
		if p == "" {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = filepath.Clean(p)
		}
		if _, dup := in.byPath[abs]; dup {
			continue
		}
		in.byPath[abs] = p
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			in.bySize[st.Size()] = append(in.bySize[st.Size()], inputFileInfo{p, st})
		}
	}
	return in
}

// Check refuses output path when it is one of the inputs, with a Chinese
// message naming both; nil otherwise.
func (in *Inputs) Check(path string) error {
	if in == nil {
		return nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	src, same := in.byPath[abs]
	if !same {
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			for _, f := range in.bySize[st.Size()] {
				if os.SameFile(st, f.st) {
					src, same = f.path, true
					break
				}
			}
		}
	}
	if same {
		return fmt.Errorf("输出文件 %s 就是输入文件 %s，不能覆盖输入，未写入。请用 -o 另给一个输出目录", report.Printable(path), report.Printable(src))
	}
	return nil
}

// Contains reports whether path names one of the inputs (by name or
// identity).
func (in *Inputs) Contains(path string) bool { return in.Check(path) != nil }

// ReadFile reads the regular file path, at most limit bytes; kind names
// what the file should be in messages ("工作簿", "字体文件"). A FIFO or device
// (which could block or never end), a directory and a larger file are
// refused with a Chinese message naming the file, before anything is read.
func ReadFile(path string, limit int64, kind string) ([]byte, error) {
	name := report.Printable(path)
	// Stat before opening: opening a FIFO blocks until a writer comes.
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return nil, fmt.Errorf("%s: 这不是普通文件（是管道、设备或套接字），不能作为%s读取", name, kind)
	}
	f, err := os.Open(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s: 文件不存在，请检查路径和文件名", name)
	case errors.Is(err, os.ErrPermission):
		return nil, fmt.Errorf("%s: 没有读取权限，请检查文件权限", name)
	case err != nil:
		return nil, fmt.Errorf("%s: 无法打开文件：%s", name, Reason(err))
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return nil, fmt.Errorf("%s: 无法读取文件：%s", name, Reason(err))
	case st.IsDir():
		return nil, fmt.Errorf("%s: 这是一个目录，不是%s", name, kind)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("%s: 这不是普通文件（是管道、设备或套接字），不能作为%s读取", name, kind)
	case st.Size() > limit:
		return nil, fmt.Errorf("%s: 文件有 %s，超过%s的上限 %s。请检查是否选错了文件", name, size(st.Size()), kind, size(limit))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: 读取失败：%s", name, Reason(err))
	}
	if int64(len(data)) > limit { // the file grew while being read
		return nil, fmt.Errorf("%s: 文件超过%s的上限 %s", name, kind, size(limit))
	}
	return data, nil
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d 字节", n)
}
