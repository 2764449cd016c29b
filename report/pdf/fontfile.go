package pdf

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"nianbao/report"
)

// MaxFontFile is the largest font file LoadFontFile reads: far above any
// TrueType font (a full CJK font is 10–20 MB), low enough that a wrong
// path (a disk image, /dev/zero) cannot exhaust memory.
const MaxFontFile = 64 << 20

// LoadFontFile reads and parses the font file at path, the one way every
// command reads a user's font. Only a regular file of at most MaxFontFile
// bytes is read (never a device, FIFO or directory, which could block or
// never end). Errors are in Chinese, name the file and say what to give.
func LoadFontFile(path string) (*Font, error) { return LoadFontFace(path, 0) }

// LoadFontFace is LoadFontFile for one face of a font collection (.ttc):
// the face at index is taken out of the collection into a single TrueType
// font. For a single font file index must be 0.
func LoadFontFace(path string, index int) (*Font, error) {
	data, err := readFontFile(path)
	if err != nil {
		return nil, err
	}
	if data, err = extractFace(path, data, index); err != nil {
		return nil, err
	}
	font, err := ParseFont(path, data)
	if err != nil {
		return nil, err
	}
	font.File = path
	return font, nil
}

// readFontFile reads a font file within the limits LoadFontFile promises.
func readFontFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("字体文件 %s 不存在：请给出 .ttf 字体文件的路径", path)
		}
		return nil, fmt.Errorf("无法读取字体文件 %s：%v", path, err)
	}
	if err := fontFileOK(path, fi); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取字体文件 %s：%v", path, err)
	}
	defer f.Close()
	// The file may have been replaced since Stat: check what was opened.
	if fi, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("无法读取字体文件 %s：%v", path, err)
	}
	if err := fontFileOK(path, fi); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFontFile+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取字体文件 %s：%v", path, err)
	}
	if len(data) > MaxFontFile {
		return nil, fmt.Errorf("字体文件 %s 超过 %d MiB 的上限，不像是字体文件：请给出 .ttf 字体文件", path, MaxFontFile>>20)
	}
	return data, nil
}

func fontFileOK(path string, fi os.FileInfo) error {
	switch {
	case fi.IsDir():
		return fmt.Errorf("%s 是目录，不是字体文件：请给出 .ttf 字体文件的路径", path)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s 不是普通文件（是设备、管道或套接字），不能作为字体读取：请给出 .ttf 字体文件的路径", path)
	case fi.Size() > MaxFontFile:
		return fmt.Errorf("字体文件 %s 有 %d MiB，超过 %d MiB 的上限，不像是字体文件：请给出 .ttf 字体文件", path, fi.Size()>>20, MaxFontFile>>20)
	}
	return nil
}

// requiredRunes are the characters every font of a report must have:
// digits, ASCII letters, and every character of the statutory labels of
// the Doc's edition (the headings of the six sections and the headings,
// row labels and notes of tables 二, 三 and 四). A font without one of
// them cannot print the report (rule PDF-2).
func requiredRunes(d *report.Doc) []rune {
	seen := map[rune]bool{}
	add := func(s string) {
		for _, r := range s {
			if r > ' ' && r != 0x3000 {
				seen[r] = true
			}
		}
	}
	add("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
	for _, s := range d.Edition.Labels() {
		add(s)
	}
	out := make([]rune, 0, len(seen))
	for r := range seen {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// unsuitable returns a PDF-2 problem for each distinct font of fonts that
// lacks a character of requiredRunes(d), in the order given.
func unsuitable(d *report.Doc, fonts ...*Font) report.Problems {
	need := requiredRunes(d)
	var ps report.Problems
	var done []*Font
	for _, f := range fonts {
		if f == nil || slices.Contains(done, f) {
			continue
		}
		done = append(done, f)
		var missing []rune
		for _, r := range need {
			if !f.Has(r) {
				missing = append(missing, r)
			}
		}
		if len(missing) == 0 {
			continue
		}
		shown := string(missing)
		if len(missing) > 60 {
			shown = string(missing[:60]) + "……"
		}
		var kinds []string
		if slices.ContainsFunc(missing, func(r rune) bool { return r >= '0' && r <= '9' }) {
			kinds = append(kinds, "数字")
		}
		if slices.ContainsFunc(missing, func(r rune) bool { return r < 0x80 && (r|0x20 >= 'a' && r|0x20 <= 'z') }) {
			kinds = append(kinds, "英文字母")
		}
		if slices.ContainsFunc(missing, func(r rune) bool { return r >= 0x80 }) {
			kinds = append(kinds, d.Edition.Notice()+"法定表格和标题用字")
		}
		ps = append(ps, report.Problem{File: f.file(), Rule: "PDF-2", Severity: report.Error,
			Msg: fmt.Sprintf("字体“%s”不能用于印制年度报告：缺少%s共 %d 个字符：%s。请换用包含这些字符的 .ttf 字体（如仿宋_GB2312、方正小标宋），或不指定该字体选项而使用内置字体",
				f.label(), strings.Join(kinds, "、"), len(missing), shown)})
	}
	return ps
}
