package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// soffice finds LibreOffice. In CI (CI=true) a missing LibreOffice fails
// the test; elsewhere it skips.
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
	}
	t.Skip("LibreOffice (soffice) not installed; skipping")
	return ""
}

// resave has LibreOffice open each workbook and save it again as .xlsx,
// with a fresh user profile. It returns the re-saved files by name.
func resave(t *testing.T, books map[string][]byte) map[string][]byte {
	t.Helper()
	bin := soffice(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out}
	for name, data := range books {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if outb, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, outb)
	}
	res := map[string][]byte{}
	for name := range books {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatalf("LibreOffice did not write %s: %v", name, err)
		}
		res[name] = data
	}
	return res
}

// TestLibreOfficeRoundTrip: every data file → xlsx → saved by LibreOffice
// → import is identical in meaning to the data file.
func TestLibreOfficeRoundTrip(t *testing.T) {
	files := roundTripFiles(t)
	books := map[string][]byte{}
	names := map[string]string{}
	for i, path := range files {
		name := filepath.Base(filepath.Dir(path)) + "-" + filepath.Base(path) + ".xlsx"
		_ = i
		books[name] = export(t, loadFile(t, path))
		names[name] = path
	}
	saved := resave(t, books)
	for name, data := range saved {
		path := names[name]
		got, ps := Read(name, data)
		if got == nil {
			t.Errorf("%s: import of the LibreOffice copy failed:\n%v", path, ps)
			continue
		}
		sameMeaning(t, path+" (LibreOffice)", loadFile(t, path), got)
	}
}
