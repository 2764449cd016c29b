package golden

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// NeedTool returns the path of the first of names on PATH. A missing tool
// fails the test in CI (CI=true, where .ci/run installs it) and skips it
// elsewhere; the message says which Debian packages to install.
func NeedTool(t testing.TB, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := names[0] + " is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils"
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but " + msg)
	}
	t.Skip(msg)
	return ""
}

// Soffice has headless LibreOffice, with a fresh user profile, convert
// every document (named by base name, written with extension ext) to
// format ("pdf", "txt", "docx:MS Word 2007 XML"…) and returns the outputs
// by base name. A document LibreOffice cannot open fails the test.
func Soffice(t testing.TB, docs map[string][]byte, ext, format string) map[string][]byte {
	t.Helper()
	bin := NeedTool(t, "soffice", "libreoffice")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore", "--convert-to", format, "--outdir", out}
	for name, data := range docs {
		p := filepath.Join(in, name+"."+ext)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	res := map[string][]byte{}
	for name := range docs {
		outExt := strings.SplitN(format, ":", 2)[0]
		data, err := os.ReadFile(filepath.Join(out, name+"."+outExt))
		if err != nil {
			t.Fatalf("LibreOffice did not convert %s to %s (it could not open the document?): %v", name, format, err)
		}
		res[name] = data
	}
	return res
}
