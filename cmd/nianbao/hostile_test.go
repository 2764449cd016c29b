package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// hostileCase is one case of issue 11's list, reproduced through the
// command line in process: setup writes its files into dir and returns
// the arguments; the run must end with exit code and print want.
type hostileCase struct {
	name  string
	setup func(t testing.TB, dir string) []string
	code  int
	want  string
}

func fixture(t testing.TB, dir, name string, edit func(string) string) string {
	t.Helper()
	src, err := os.ReadFile("../../report/testdata/valid2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	s := string(src)
	if edit != nil {
		s = edit(s)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func hostileCases() []hostileCase {
	cases := []hostileCase{
		{"thousands separator in a flow list", func(t testing.TB, dir string) []string {
			return []string{"check", fixture(t, dir, "2022.yaml", func(s string) string {
				return strings.Replace(s, "received: [10, 1, 0, 0, 0, 1, 12]", "received: [1,026, 0, 0, 0, 0]", 1)
			})}
		}, 1, "错误[S-9]"},
		{"Word's minus sign", func(t testing.TB, dir string) []string {
			return []string{"check", fixture(t, dir, "2022.yaml", func(s string) string {
				return strings.Replace(s, "received: [10, 1, 0, 0, 0, 1, 12]", "received: [−10, 1, 0, 0, 0, 1, 12]", 1)
			})}
		}, 1, "错误[S-9]"},
		{"placeholders expanded without bound", func(t testing.TB, dir string) []string {
			// 50 KB of {{机关}} made 40 s and 1.7 GB; a 400 KB file here.
			bomb := strings.Repeat("{{机关}}", 60000)
			return []string{"build", "--html", "-o", filepath.Join(dir, "out"), fixture(t, dir, "2022.yaml", func(s string) string {
				return strings.Replace(s, "  problems: |\n", "  problems: |\n    "+bomb+"\n", 1)
			})}
		}, 1, "错误[S-11]"},
		{"export over its own input", func(t testing.TB, dir string) []string {
			p := fixture(t, dir, "2022.yaml", nil)
			return []string{"export", p, "-o", p}
		}, 1, "就是输入文件"},
		{"build of .. and . stays under -o", func(t testing.TB, dir string) []string {
			fixture(t, dir, "tree/organ/2022.yaml", nil)
			return []string{"build", "--html", filepath.Join(dir, "tree", "organ", ".."), filepath.Join(dir, "tree", "organ", "."), "-o", filepath.Join(dir, "public", "reports")}
		}, 0, "生成了 1 份报告"},
	}
	if runtime.GOOS != "windows" {
		cases = append(cases,
			hostileCase{"--font-body /dev/zero", func(t testing.TB, dir string) []string {
				return []string{"build", "--pdf", "--font-body", "/dev/zero", "-o", filepath.Join(dir, "out"), fixture(t, dir, "2022.yaml", nil)}
			}, 1, "不是普通文件"},
			hostileCase{"a FIFO named 2021.yaml beside the file", func(t testing.TB, dir string) []string {
				p := fixture(t, dir, "d/2022.yaml", nil)
				if err := syscall.Mkfifo(filepath.Join(dir, "d", "2021.yaml"), 0o644); err != nil {
					t.Fatal(err)
				}
				return []string{"check", p}
			}, 0, "个错误"},
			hostileCase{"a symlink leaving the data directory", func(t testing.TB, dir string) []string {
				secret := filepath.Join(dir, "secret.txt")
				if err := os.WriteFile(secret, []byte("TOP-SECRET-CONTENT\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(filepath.Join(dir, "d"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(secret, filepath.Join(dir, "d", "2022.yaml")); err != nil {
					t.Fatal(err)
				}
				return []string{"check", filepath.Join(dir, "d")}
			}, 1, "符号链接"},
		)
	}
	return cases
}

// TestHostile: every case is refused or handled with a clear message,
// allocating under 200 MB; nothing leaks the symlink's target.
func TestHostile(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.setup(t, t.TempDir())
			var out, errOut strings.Builder
			var code int
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			code = Main(args, &out, &errOut)
			runtime.ReadMemStats(&after)
			got := out.String() + errOut.String()
			if code != tc.code || !strings.Contains(got, tc.want) {
				t.Errorf("exit %d, want %d with %q; output:\n%s", code, tc.code, tc.want, clipOutput(got))
			}
			if strings.Contains(got, "TOP-SECRET") {
				t.Errorf("the symlink's target was read and quoted")
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 200<<20 {
				t.Errorf("allocated %d MB, want < 200 MB", n>>20)
			}
		})
	}
}

// BenchmarkHostile: each case's whole command, in process (issue 11: each
// under 2 s).
func BenchmarkHostile(b *testing.B) {
	for _, tc := range hostileCases() {
		b.Run(strings.ReplaceAll(tc.name, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				args := tc.setup(b, b.TempDir())
				b.StartTimer()
				var out, errOut strings.Builder
				if code := Main(args, &out, &errOut); code != tc.code {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

func clipOutput(s string) string {
	if len(s) > 2000 {
		return s[:2000] + fmt.Sprintf("…（共 %d 字节）", len(s))
	}
	return s
}
