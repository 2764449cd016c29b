//go:build unix

package pdf

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadFontFileFIFO: a FIFO named like a font is refused without being
// opened (opening it would wait for a writer forever).
func TestLoadFontFileFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "font.ttf")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	_, err := LoadFontFile(path)
	if err == nil || !strings.Contains(err.Error(), "不是普通文件") || !strings.Contains(err.Error(), "font.ttf") {
		t.Fatalf("LoadFontFile(FIFO) = %v, want a refusal naming the file", err)
	}
}
