// Package e2e runs nianbao's web output in real headless Chromium.
//
// TestBrowser builds the example site with the CLI into a temporary folder,
// with the built-in templates and with the demo templates folder
// data/shili-templates, and runs `node e2e/run.mjs <site> <artifacts>`
// (playwright-core driving Debian's chromium, axe-core for the
// accessibility audit; the 长辈版 large-print mode is switched on with the
// keyboard and audited too). Screenshots at 1280 px and 390 px, normal and
// large print, and an A4 print PDF are left in e2e/artifacts/ (the
// templated site's in e2e/artifacts/shili-templates/).
//
// TestFragmentWithoutStyle builds the --fragment of the example 2024
// report, has `node e2e/fragment.mjs` photograph its 表三 with and without
// the <style> block (and, as a control, without any style), and compares
// the pictures.
//
// Needs: chromium (/usr/bin/chromium, or $CHROMIUM), node, and
// `npm ci` in e2e/. When any is missing the test is skipped — except in CI
// (CI=true), where it fails.
package e2e

import (
	"image"
	"image/png"
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

// setup finds chromium and node and builds nianbao; it returns chromium,
// node and the binary.
func setup(t *testing.T) (chromium, node, bin string) {
	var err error
	t.Helper()
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("browser test skipped in -short mode")
	}
	chromium = os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		need(t, "chromium", "apt-get install -y chromium")
	}
	node, err = exec.LookPath("node")
	if err != nil {
		need(t, "node", "install Node.js")
	}
	for _, m := range []string{"playwright-core", "axe-core"} {
		if _, err := os.Stat(filepath.Join("node_modules", m, "package.json")); err != nil {
			need(t, "npm package "+m, "run `npm ci` in e2e/")
		}
	}

	bin = filepath.Join(t.TempDir(), "nianbao")
	build := exec.Command("go", "build", "-o", bin, "./cmd/nianbao")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return chromium, node, bin
}

func TestBrowser(t *testing.T) {
	chromium, node, bin := setup(t)
	for _, tc := range []struct{ name, templates, artifacts string }{
		{"built-in templates", "", "artifacts"},
		{"data/shili-templates", filepath.Join("..", "data", "shili-templates"), filepath.Join("artifacts", "shili-templates")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := filepath.Join(t.TempDir(), "site")
			args := []string{"site", filepath.Join("..", "data"), "-o", site, "--no-pdf"}
			if tc.templates != "" {
				args = append(args, "--templates", tc.templates)
			}
			if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
				t.Fatalf("nianbao site: %v\n%s", err, out)
			}
			artifacts, err := filepath.Abs(tc.artifacts)
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
		})
	}
}

// TestFragmentWithoutStyle: a CMS editor that strips the fragment's
// <style> block leaves its tables ruled and laid out nearly as before;
// without the inline styles (the control) they are not.
func TestFragmentWithoutStyle(t *testing.T) {
	chromium, node, bin := setup(t)
	out := t.TempDir()
	if b, err := exec.Command(bin, "build", filepath.Join("..", "data", "shili-office", "2024.yaml"), "-o", out, "--html", "--fragment", "--charts", "none").CombinedOutput(); err != nil {
		t.Fatalf("nianbao build --fragment: %v\n%s", err, b)
	}
	artifacts, err := filepath.Abs("artifacts")
	if err != nil {
		t.Fatal(err)
	}
	run := exec.Command(node, "fragment.mjs", filepath.Join(out, "2024.fragment.html"), artifacts)
	run.Env = append(os.Environ(), "CHROMIUM="+chromium)
	b, err := run.CombinedOutput()
	t.Logf("%s", b)
	if err != nil {
		t.Fatalf("fragment checks failed: %v", err)
	}
	// Compare the ruling: count the table's horizontal and vertical rules
	// in the pictures without text.
	styled, stripped, bare := rules(readPNG(t, artifacts, "styled-rules")), rules(readPNG(t, artifacts, "stripped-rules")), rules(readPNG(t, artifacts, "bare-rules"))
	t.Logf("rules (horizontal, vertical): styled %v, without <style> %v, without any style %v", styled, stripped, bare)
	if styled[0] < 20 || styled[1] < 8 {
		t.Fatalf("the styled 表三 shows only %v rules; the picture is not what the test expects", styled)
	}
	if stripped != styled {
		t.Errorf("without its <style> block 表三 has %v rules, with it %v (see artifacts/fragment-*.png)", stripped, styled)
	}
	if bare[0] > 2 || bare[1] > 2 {
		t.Errorf("control: 表三 without any style still shows %v rules; the comparison does not discriminate", bare)
	}
}

func readPNG(t *testing.T, dir, name string) image.Image {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "fragment-"+name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// rules counts the horizontal and vertical rules of a picture of a table
// without text: runs of rows (columns) in which at least a quarter of the
// pixels are dark (below 200 of 255: the borders, not the light header
// shading).
func rules(img image.Image) [2]int {
	b := img.Bounds()
	dark := func(x, y int) bool {
		r, g, bl, _ := img.At(x, y).RGBA()
		return (r>>8)+(g>>8)+(bl>>8) < 3*200
	}
	count := func(n, m int, at func(i, j int) bool) int {
		lines, in := 0, false
		for i := range n {
			d := 0
			for j := range m {
				if at(i, j) {
					d++
				}
			}
			line := d*4 >= m
			if line && !in {
				lines++
			}
			in = line
		}
		return lines
	}
	h := count(b.Dy(), b.Dx(), func(y, x int) bool { return dark(b.Min.X+x, b.Min.Y+y) })
	v := count(b.Dx(), b.Dy(), func(x, y int) bool { return dark(b.Min.X+x, b.Min.Y+y) })
	return [2]int{h, v}
}
