package datafile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"nianbao/report"
)

// SiteFile is the name of the site settings file in a templates folder.
const SiteFile = "site.yaml"

// maxSiteFile bounds site.yaml (a handful of short lines).
const maxSiteFile = 64 << 10

// LoadSite reads the site settings (site.yaml, see templates/site.yaml)
// from fsys, the office's templates folder laid over the built-in one:
//
//	site_name: 示例市人民政府        # SiteName
//	site_domain: www.shili.gov.cn   # SiteDomain
//	site_id_code: "0000000001"      # SiteIDCode
//	column_name: 政府信息公开年报    # ColumnName
//	base_url: https://www.shili.gov.cn/zwgk/ndbg/   # the site folder's URL (Url)
//
// A missing file gives the zero Site. Every key is optional; an unknown
// key, a value that is not one line of text, a domain with a scheme or a
// path, or a base_url that is not http(s) is an error naming the file and
// line.
func LoadSite(fsys fs.FS) (report.Site, error) {
	var s report.Site
	f, err := fsys.Open(SiteFile)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("%s: 无法读取：%v", SiteFile, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSiteFile+1))
	if err != nil {
		return s, fmt.Errorf("%s: 无法读取：%v", SiteFile, err)
	}
	if len(data) > maxSiteFile {
		return s, fmt.Errorf("%s: 文件超过 %d KB，不像网站设置文件", SiteFile, maxSiteFile>>10)
	}
	var raw struct {
		SiteName   string `yaml:"site_name"`
		SiteDomain string `yaml:"site_domain"`
		SiteIDCode string `yaml:"site_id_code"`
		ColumnName string `yaml:"column_name"`
		BaseURL    string `yaml:"base_url"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return s, siteYAMLError(data, err)
	}
	for _, v := range []struct{ key, val string }{
		{"site_name", raw.SiteName}, {"site_domain", raw.SiteDomain}, {"site_id_code", raw.SiteIDCode},
		{"column_name", raw.ColumnName}, {"base_url", raw.BaseURL},
	} {
		if strings.ContainsFunc(v.val, report.Invisible) || len([]rune(v.val)) > 200 {
			return s, fmt.Errorf("%s: %s 应为一行文字，不超过 200 个字", SiteFile, v.key)
		}
	}
	s = report.Site{Name: strings.TrimSpace(raw.SiteName), Domain: strings.TrimSpace(raw.SiteDomain),
		IDCode: strings.TrimSpace(raw.SiteIDCode), Column: strings.TrimSpace(raw.ColumnName), BaseURL: strings.TrimSpace(raw.BaseURL)}
	if strings.Contains(s.Domain, "/") || strings.Contains(s.Domain, " ") {
		return s, fmt.Errorf("%s: site_domain 只写域名，例如 www.shili.gov.cn，不写 http:// 和路径，实际为“%s”", SiteFile, s.Domain)
	}
	if s.BaseURL != "" {
		if !strings.HasPrefix(s.BaseURL, "https://") && !strings.HasPrefix(s.BaseURL, "http://") || strings.ContainsAny(s.BaseURL, " \"'<>") {
			return s, fmt.Errorf("%s: base_url 应为以 https:// 或 http:// 开头的网址，例如 https://www.shili.gov.cn/zwgk/ndbg/，实际为“%s”", SiteFile, s.BaseURL)
		}
		if !strings.HasSuffix(s.BaseURL, "/") {
			s.BaseURL += "/"
		}
	}
	return s, nil
}

var (
	siteUnknownRE = regexp.MustCompile(`line (\d+): field (\S+) not found`)
	siteLineRE    = regexp.MustCompile(`line (\d+): (.*)`)
)

// siteYAMLError turns a yaml decoding error of site.yaml into a message
// that names the file and line.
func siteYAMLError(data []byte, err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		pos, msg := YAMLSyntax(data, err)
		return fmt.Errorf("%s%s: %s", SiteFile, lineCol(pos), msg)
	}
	msg := err.Error()
	if m := siteUnknownRE.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: 未知的键“%s”。可用的键：site_name、site_domain、site_id_code、column_name、base_url", SiteFile, m[1], m[2])
	}
	if m := siteLineRE.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: 格式有误，每个键的值应为一行文字（%s）", SiteFile, m[1], m[2])
	}
	return fmt.Errorf("%s: 不是有效的 YAML（%s）", SiteFile, strings.TrimPrefix(msg, "yaml: "))
}

// lineCol is ":line:col" (":line" without a column, "" without a line).
func lineCol(pos report.Pos) string {
	switch {
	case pos.Line > 0 && pos.Col > 0:
		return fmt.Sprintf(":%d:%d", pos.Line, pos.Col)
	case pos.Line > 0:
		return fmt.Sprintf(":%d", pos.Line)
	}
	return ""
}
