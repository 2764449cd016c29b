// Package e2e runs nianbao's web output in real headless Chromium.
//
// TestBrowser builds the example site with the CLI into a temporary folder
// and runs `node e2e/run.mjs <site> <artifacts>` (playwright-core driving
// Debian's chromium, axe-core for the accessibility audit). Screenshots at
// 1280 px and 390 px and an A4 print PDF are left in e2e/artifacts/.
//
// Needs: chromium (/usr/bin/chromium, or $CHROMIUM), node, and
// `npm ci` in e2e/. When any is missing the test is skipped — except in CI
// (CI=true), where it fails.
package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func need(t *testing.T, what, hint string) {
	t.Helper()
	msg := what + " is missing: " + hint
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func TestBrowser(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("browser test skipped in -short mode")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		need(t, "chromium", "apt-get install -y chromium")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		need(t, "node", "install Node.js")
	}
	for _, m := range []string{"playwright-core", "axe-core"} {
		if _, err := os.Stat(filepath.Join("node_modules", m, "package.json")); err != nil {
			need(t, "npm package "+m, "run `npm ci` in e2e/")
		}
	}

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "nianbao")
	build := exec.Command("go", "build", "-o", bin, "./cmd/nianbao")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := filepath.Join(tmp, "site")
	cmd := exec.Command(bin, "site", filepath.Join("..", "data"), "-o", site)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nianbao site: %v\n%s", err, out)
	}

	artifacts, err := filepath.Abs("artifacts")
	if err != nil {
		t.Fatal(err)
	}
	run := exec.Command(node, "run.mjs", site, artifacts)
	run.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := run.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("browser checks failed: %v", err)
	}
}
