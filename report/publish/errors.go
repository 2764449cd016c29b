package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"nianbao/report"
)

// Reason says in Chinese why a file operation failed, for the common
// causes: a path element that is a file (ENOTDIR, EEXIST on mkdir), no
// permission, a full disk or quota, a read-only file system, a name too
// long. Other errors keep the system's text after a Chinese lead. Never
// "" for a non-nil err.
func Reason(err error) string {
	var pe *fs.PathError
	path := ""
	if errors.As(err, &pe) {
		path = pe.Path
	}
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		if f := fileOnPath(path); f != "" {
			return fmt.Sprintf("%s 是文件，不是目录", report.Printable(f))
		}
		return "路径中有一项是文件，不是目录"
	case errors.Is(err, fs.ErrExist) && path != "":
		if f := fileOnPath(path); f != "" {
			return fmt.Sprintf("%s 是文件，不是目录", report.Printable(f))
		}
		return "同名文件已存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有写入权限，请检查目录的权限"
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "磁盘空间不足（或超出配额），请清理磁盘后重试"
	case errors.Is(err, syscall.EROFS):
		return "文件系统是只读的，请换一个输出目录"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "文件名或路径太长"
	case errors.Is(err, fs.ErrNotExist):
		return "路径不存在"
	}
	return fmt.Sprintf("系统错误：%v", err)
}

// fileOnPath returns the nearest existing non-directory among path and its
// parents ("" when none): what makes a mkdir or create below it fail.
func fileOnPath(path string) string {
	for p := filepath.Clean(path); p != "" && p != "." && p != string(filepath.Separator); {
		if st, err := os.Stat(p); err == nil {
			if !st.IsDir() {
				return p
			}
			return ""
		}
		parent := filepath.Dir(p)
		if parent == p {
			break
		}
		p = parent
	}
	return ""
}
