// Package publish writes output files atomically: each file goes to a
// temporary file in the same directory and is renamed into place, so a
// reader never sees a half-written file; a file whose content is unchanged
// is not touched, so rebuilding an unchanged site changes no file.
package publish

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically. It reports whether the file
// changed. Missing parent directories are created.
func WriteFile(path string, data []byte) (changed bool, err error) {
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
