// Package publish writes output files atomically: each file goes to a
// temporary file in the same directory and is renamed into place, so a
// reader never sees a half-written file; a file whose content is unchanged
// is not touched, so rebuilding an unchanged site changes no file. The
// temporary files a killed run left behind are removed from every directory
// a run writes to.
package publish

import (
	"bytes"
	"fmt"
	"nianbao/report"
	"os"
	"path/filepath"
	"regexp"
	"sync"
)

// WriteFile writes data to path atomically. It reports whether the file
// changed. Missing parent directories are created.
func WriteFile(path string, data []byte) (changed bool, err error) {
	sweep(filepath.Dir(path))
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, &Error{fmt.Sprintf("无法创建目录 %s：%s", report.Printable(dir), Reason(err)), err}
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return false, &Error{fmt.Sprintf("无法在 %s 中写入文件：%s", report.Printable(dir), Reason(err)), err}
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if _, err := f.Write(data); err != nil {
		f.Close()
		return false, &Error{fmt.Sprintf("写入 %s 失败：%s", report.Printable(path), Reason(err)), err}
	}
	if err := f.Close(); err != nil {
		return false, &Error{fmt.Sprintf("写入 %s 失败：%s", report.Printable(path), Reason(err)), err}
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return false, &Error{fmt.Sprintf("写入 %s 失败：%s", report.Printable(path), Reason(err)), err}
	}
	if err := os.Rename(tmp, path); err != nil {
		if st, serr := os.Stat(path); serr == nil && st.IsDir() {
			return false, &Error{fmt.Sprintf("无法写入 %s：同名的目录已存在", report.Printable(path)), err}
		}
		return false, &Error{fmt.Sprintf("无法写入 %s：%s", report.Printable(path), Reason(err)), err}
	}
	return true, nil
}

// Error is a failed write: Msg in Chinese (see Reason), Err the system's
// error, for errors.Is.
type Error struct {
	Msg string
	Err error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// tempName matches the temporary files WriteFile creates (os.CreateTemp
// puts decimal digits in place of the *).
var tempName = regexp.MustCompile(`^\..+\.tmp-[0-9]+$`)

// swept holds a *sync.Once per directory: the first write into a directory
// removes the temporary files of earlier, killed runs, and other writers
// into it wait until that is done, so no live temporary file is removed.
var swept sync.Map

func sweep(dir string) {
	once, _ := swept.LoadOrStore(filepath.Clean(dir), new(sync.Once))
	once.(*sync.Once).Do(func() {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Type().IsRegular() && tempName.MatchString(e.Name()) {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	})
}

// Sweep removes the temporary files that killed runs left in dir, as the
// first WriteFile into dir does; a run that writes nothing there (its
// outputs are up to date) calls it so that none stays published.
func Sweep(dir string) { sweep(dir) }
