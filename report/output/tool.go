package output

import (
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
)

// ToolID identifies the running nianbao: its VCS revision and build
// settings when it was built from a clean checkout, otherwise its Go build
// ID (ELF executables: Linux), otherwise the hash of its executable.
// Computed once.
var ToolID = sync.OnceValue(func() string {
	h := sha256.New()
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, clean := "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				clean = s.Value == "false"
			}
		}
		if rev != "" && clean {
			io.WriteString(h, bi.String())
			return hex.EncodeToString(h.Sum(nil))
		}
	}
	if exe, err := os.Executable(); err == nil {
		if id := goBuildID(exe); id != "" {
			// The Go build ID ends with a hash of the linked file's
			// content: as good as hashing the whole executable, without
			// reading it.
			io.WriteString(h, "go build ID\x00"+id)
			return hex.EncodeToString(h.Sum(nil))
		}
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			if _, err := io.Copy(h, f); err == nil {
				return hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	return "" // unknown: never matches a manifest (see NewHasher)
})

// goBuildID returns the Go build ID an ELF executable carries in its
// .note.go.buildid section ("" when there is none: other formats, or a
// binary linked with -buildid=). Its last part is the hash of the linked
// file's content that the go command writes after linking.
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	d, err := sec.Data()
	// A note: name size, description size, type (4 bytes each), then
	// the name "Go\x00\x00" and the ID.
	if err != nil || len(d) < 16 {
		return ""
	}
	namesz, descsz := f.ByteOrder.Uint32(d), f.ByteOrder.Uint32(d[4:])
	if namesz != 4 || string(d[12:16]) != "Go\x00\x00" || uint64(16)+uint64(descsz) > uint64(len(d)) {
		return ""
	}
	id := string(d[16 : 16+descsz])
	if strings.Count(id, "/") < 1 {
		return ""
	}
	return id
}
