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
		return false, fmt.Errorf("无法创建目录 %s：%w", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return false, fmt.Errorf("无法在 %s 中创建临时文件：%w", dir, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // no-op after a successful rename
	if _, err := f.Write(data); err != nil {
		f.Close()
		return false, fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	if err := f.Close(); err != nil {
		return false, fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return false, fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return false, fmt.Errorf("无法写入 %s：%w", path, err)
	}
	return true, nil
}

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
