package main

import (
	"flag"
	"fmt"
	"runtime/debug"
	"strings"
)

var versionCmd = &command{
	name:    "version",
	summary: "显示版本：模块版本、源代码提交和 Go 版本",
	run:     runVersion,
}

func runVersion(e *env, args []string) error {
	if err := parseNoArgs(flag.NewFlagSet("version", flag.ContinueOnError), args); err != nil {
		return err
	}
	info, ok := debug.ReadBuildInfo()
	fmt.Fprintln(e.stdout, versionLine(info, ok))
	return nil
}

// versionLine describes the build from its build information: module
// version, VCS revision and time, whether the tree had uncommitted changes,
// and the Go version.
func versionLine(info *debug.BuildInfo, ok bool) string {
	if !ok {
		return "nianbao（没有构建信息）"
	}
	version := info.Main.Version
	if version == "" || version == "(devel)" {
		version = "开发版"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "nianbao %s", version)
	s := map[string]string{}
	for _, kv := range info.Settings {
		s[kv.Key] = kv.Value
	}
	if rev := s["vcs.revision"]; rev != "" {
		fmt.Fprintf(&b, "，提交 %.12s", rev)
		if t := s["vcs.time"]; t != "" {
			fmt.Fprintf(&b, "（%s）", t)
		}
		if s["vcs.modified"] == "true" {
			b.WriteString("，含未提交的修改")
		}
	} else {
		b.WriteString("，源代码提交不明（不是从 git 检出的目录构建）")
	}
	fmt.Fprintf(&b, "，%s", info.GoVersion)
	return b.String()
}
