package pdf

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"

	"nianbao/report"
)

// A named font (layout.yaml) is found, in this order, in the templates
// folder's fonts/ folder, in the Windows Fonts folders, and through
// fontconfig (fc-list) on Linux and other Unix systems. A font collection
// (.ttc) is searched face by face and the named face is taken out of it.

// fontFace is one face of a font file on the machine.
type fontFace struct {
	path  string
	index int      // face index in a collection, 0 for a single font
	names []string // family and full names, every language
}

// normName folds a font name for comparison: case, spaces, '-' and '_'
// are ignored (仿宋_GB2312 = 仿宋GB2312, WenQuanYi Zen Hei = wenquanyizenhei).
func normName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || r == '-' || r == '_' || r == '　' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// FontFinder finds fonts by name. Dirs are searched first (the templates
// folder's fonts/), then the system's fonts.
type FontFinder struct {
	Dirs []string
	// NoSystem leaves out the system's fonts (tests).
	NoSystem bool
}

// Find returns the font named name: a file name in Dirs (gbsn00lp.ttf), a
// path, or a family or full name in any language (文鼎ＰＬ简报宋, AR PL
// SungtiL GB, 仿宋_GB2312). It returns nil and no error when no font has
// that name, and an error when the font was found but cannot be used.
func (ff FontFinder) Find(name string) (*Font, error) {
	path, index, ok := ff.locate(name)
	if !ok {
		return nil, nil
	}
	return LoadFontFace(path, index)
}

// locate finds the file and face index of the font named name.
func (ff FontFinder) locate(name string) (path string, index int, ok bool) {
	want := normName(name)
	if want == "" {
		return "", 0, false
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".ttf" || ext == ".ttc" || ext == ".otf" {
		for _, d := range ff.Dirs {
			p := filepath.Join(d, filepath.Base(name))
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				return p, 0, true
			}
		}
		if filepath.IsAbs(name) {
			if _, err := os.Stat(name); err == nil {
				return name, 0, true
			}
		}
	}
	var faces []fontFace
	for _, d := range ff.Dirs {
		faces = append(faces, scanDir(d, 2)...)
	}
	if f := pickFace(faces, want); f != nil {
		return f.path, f.index, true
	}
	if ff.NoSystem {
		return "", 0, false
	}
	if f := pickFace(systemFaces(), want); f != nil {
		return f.path, f.index, true
	}
	return "", 0, false
}

// pickFace returns the first face (in path and index order) with a name
// equal to want, else nil.
func pickFace(faces []fontFace, want string) *fontFace {
	var best *fontFace
	for i := range faces {
		f := &faces[i]
		if !slices.ContainsFunc(f.names, func(n string) bool { return normName(n) == want }) {
			continue
		}
		if best == nil || f.path < best.path || f.path == best.path && f.index < best.index {
			best = f
		}
	}
	return best
}

// systemFaces lists the system's fonts once per process.
var systemFaces = sync.OnceValue(func() []fontFace {
	var faces []fontFace
	if runtime.GOOS == "windows" {
		for _, d := range []string{
			filepath.Join(cmp.Or(os.Getenv("WINDIR"), `C:\Windows`), "Fonts"),
			filepath.Join(os.Getenv("LOCALAPPDATA"), "Microsoft", "Windows", "Fonts"),
		} {
			faces = append(faces, scanDir(d, 1)...)
		}
		return faces
	}
	if fc := fcList(); len(fc) > 0 {
		return fc
	}
	// No fontconfig: the usual font folders.
	home, _ := os.UserHomeDir()
	for _, d := range []string{"/usr/share/fonts", "/usr/local/share/fonts", filepath.Join(home, ".fonts"),
		filepath.Join(home, ".local/share/fonts"), "/Library/Fonts", "/System/Library/Fonts"} {
		faces = append(faces, scanDir(d, 4)...)
	}
	return faces
})

// fcList asks fontconfig for every font file, face index and name.
func fcList() []fontFace {
	path, err := exec.LookPath("fc-list")
	if err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, "-f", `%{file}\t%{index}\t%{family}\t%{fullname}\n`).Output()
	if err != nil {
		return nil
	}
	var faces []fontFace
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 3 {
			continue
		}
		idx, _ := strconv.Atoi(f[1])
		var names []string
		for _, part := range f[2:] {
			for n := range strings.SplitSeq(part, ",") {
				if n = strings.TrimSpace(n); n != "" {
					names = append(names, n)
				}
			}
		}
		faces = append(faces, fontFace{path: f[0], index: idx, names: names})
	}
	return faces
}

// scanDir lists the faces of the font files in dir and its subfolders
// (depth levels), reading only their name tables.
func scanDir(dir string, depth int) []fontFace {
	var faces []fontFace
	root := filepath.Clean(dir)
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != root && strings.Count(p[len(root):], string(filepath.Separator)) >= depth {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".ttf", ".ttc", ".otf":
			faces = append(faces, fileFaces(p)...)
		}
		return nil
	})
	return faces
}

// fileFaces reads the names of every face of a font file, reading only
// the header, the table directories and the name tables (never more than
// MaxFontFile bytes, only from a regular file).
func fileFaces(path string) []fontFace {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fontFileOK(path, fi) != nil {
		return nil
	}
	size := fi.Size()
	read := func(off, n int64) []byte {
		if off < 0 || n < 0 || n > 1<<20 || off+n > size {
			return nil
		}
		b := make([]byte, n)
		if _, err := f.ReadAt(b, off); err != nil {
			return nil
		}
		return b
	}
	head := read(0, 12)
	if head == nil {
		return nil
	}
	offsets := []int64{0}
	if string(head[:4]) == "ttcf" {
		n := int64(binary.BigEndian.Uint32(head[8:]))
		if n > 256 {
			return nil
		}
		b := read(12, 4*n)
		if b == nil {
			return nil
		}
		offsets = offsets[:0]
		for i := range n {
			offsets = append(offsets, int64(binary.BigEndian.Uint32(b[4*i:])))
		}
	}
	var faces []fontFace
	for i, off := range offsets {
		dir := read(off, 12)
		if dir == nil {
			continue
		}
		nt := int64(binary.BigEndian.Uint16(dir[4:]))
		recs := read(off+12, 16*nt)
		if recs == nil {
			continue
		}
		for t := range nt {
			r := recs[16*t:]
			if string(r[:4]) != "name" {
				continue
			}
			name := read(int64(binary.BigEndian.Uint32(r[8:])), int64(binary.BigEndian.Uint32(r[12:])))
			if names := nameStrings(name); len(names) > 0 {
				faces = append(faces, fontFace{path: path, index: i, names: names})
			}
		}
	}
	return faces
}

// nameStrings returns the family (1, 16) and full (4) names of a name
// table, in every language: UTF-16 Windows/Unicode records and ASCII Mac
// Roman records.
func nameStrings(t []byte) []string {
	if len(t) < 6 {
		return nil
	}
	be := binary.BigEndian
	count, strOff := int(be.Uint16(t[2:])), int(be.Uint16(t[4:]))
	var out []string
	for i := range count {
		r := 6 + 12*i
		if r+12 > len(t) {
			break
		}
		pid, nid := be.Uint16(t[r:]), be.Uint16(t[r+6:])
		ln, off := int(be.Uint16(t[r+8:])), int(be.Uint16(t[r+10:]))
		if nid != 1 && nid != 4 && nid != 16 || strOff+off+ln > len(t) {
			continue
		}
		b := t[strOff+off : strOff+off+ln]
		var s string
		switch pid {
		case 0, 3:
			u := make([]uint16, len(b)/2)
			for j := range u {
				u[j] = be.Uint16(b[2*j:])
			}
			s = string(utf16.Decode(u))
		case 1:
			if !bytes.ContainsFunc(b, func(r rune) bool { return r >= 0x80 || r < 0x20 }) {
				s = string(b)
			}
		}
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// extractFace returns face index of a font collection (.ttc) as a single
// TrueType font; a single font is returned as it is for index 0.
func extractFace(name string, data []byte, index int) (out []byte, err error) {
	if sniffFont(data) != kindCollection {
		if index != 0 {
			return nil, fmt.Errorf("字体文件 %s 不是字体集合，没有第 %d 个字体", filepath.Base(name), index+1)
		}
		return data, nil
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("字体集合 %s 已损坏，无法读取（%v）", filepath.Base(name), r)
		}
	}()
	n := u32(data, 8)
	if index < 0 || index >= n {
		return nil, fmt.Errorf("字体集合 %s 只有 %d 个字体，没有第 %d 个", filepath.Base(name), n, index+1)
	}
	off := u32(data, 12+4*index)
	if off+4 <= len(data) && string(data[off:off+4]) == "OTTO" {
		return data[off : off+4], nil // CFF: ParseFont says what to supply
	}
	tables := map[string][]byte{}
	for i := range u16(data, off+4) {
		rec := off + 12 + 16*i
		tag := string(data[rec : rec+4])
		o, l := u32(data, rec+8), u32(data, rec+12)
		if o+l > len(data) || o+l < o {
			return nil, fmt.Errorf("字体集合 %s 的 %q 表超出文件末尾", filepath.Base(name), tag)
		}
		tables[tag] = data[o : o+l]
	}
	return assemble(tables), nil
}

// FontsFor resolves the fonts layout.yaml names, per role: nil for a role
// without a font (the built-in face). A named font that cannot be found,
// or cannot be used, leaves its role to the built-in face with a PDF-3
// warning naming the role and the font.
func (l Layout) FontsFor(ff FontFinder) (fonts [NumRoles]*Font, warnings report.Problems) {
	type faceKey struct {
		path  string
		index int
	}
	type loaded struct {
		f   *Font
		err error
	}
	found := map[faceKey]loaded{} // one Font per face, however it is named
	for r, spec := range l.Fonts {
		if spec.Font == "" {
			continue
		}
		var f *Font
		var err error
		if path, index, ok := ff.locate(spec.Font); ok {
			k := faceKey{path, index}
			ld, seen := found[k]
			if !seen {
				ld.f, ld.err = LoadFontFace(path, index)
				found[k] = ld
			}
			f, err = ld.f, ld.err
		}
		path := "fonts." + roleKeys[r] + ".font"
		switch {
		case err != nil:
			warnings = append(warnings, report.Problem{File: l.File, Pos: report.Pos{Line: spec.Line, Col: spec.Col}, Path: path, Rule: "PDF-3", Severity: report.Warning,
				Msg: fmt.Sprintf("%s字体“%s”不能使用（%v），改用内置字体", roleNames[r], spec.Font, err)})
		case f == nil:
			warnings = append(warnings, report.Problem{File: l.File, Pos: report.Pos{Line: spec.Line, Col: spec.Col}, Path: path, Rule: "PDF-3", Severity: report.Warning,
				Msg: fmt.Sprintf("找不到%s字体“%s”，改用内置字体：请安装该字体，或把它的 .ttf/.ttc 文件放进模板文件夹的 fonts/ 中", roleNames[r], spec.Font)})
		default:
			fonts[r] = f
		}
	}
	return fonts, warnings
}
