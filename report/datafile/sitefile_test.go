package datafile

import (
	"strings"
	"testing"
	"testing/fstest"

	"nianbao/report"
)

func TestLoadSite(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       report.Site
		err        string
	}{
		{"missing file", "", report.Site{}, ""},
		{"comments only", "# site_name: x\n", report.Site{}, ""},
		{"full", "site_name: 示例市人民政府\nsite_domain: www.shili.gov.cn\nsite_id_code: \"0000000001\"\ncolumn_name: 年报\nbase_url: https://www.shili.gov.cn/nb\n",
			report.Site{Name: "示例市人民政府", Domain: "www.shili.gov.cn", IDCode: "0000000001", Column: "年报", BaseURL: "https://www.shili.gov.cn/nb/"}, ""},
		{"unknown key", "site_name: a\nsite_domian: b\n", report.Site{}, "site.yaml:2: 未知的键“site_domian”"},
		{"list value", "site_name: [a, b]\n", report.Site{}, "site.yaml:1:"},
		{"unclosed list", "site_domain: www.shili.gov.cn\nsite_name: [unclosed\n", report.Site{}, "site.yaml:2:21: YAML 语法错误：方括号列表没有闭合"},
		{"tab indentation", "site_name: a\n\tsite_domain: b\n", report.Site{}, "YAML 语法错误："},
		{"domain with scheme", "site_domain: https://www.shili.gov.cn\n", report.Site{}, "site_domain 只写域名"},
		{"base_url not http", "base_url: javascript:alert(1)\n", report.Site{}, "base_url 应为以 https://"},
		{"newline in name", "site_name: \"a\\nb\"\n", report.Site{}, "site_name 应为一行文字"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := fstest.MapFS{}
			if tc.name != "missing file" {
				m[SiteFile] = &fstest.MapFile{Data: []byte(tc.yaml)}
			}
			got, err := LoadSite(m)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				if strings.Contains(err.Error(), "did not find") || strings.Contains(err.Error(), "found ") {
					t.Errorf("error %q quotes the parser", err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("LoadSite = %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

// TestPublicationKeys: the optional publication metadata load, default in
// the Doc, and are refused when they are not one line or not a date.
func TestPublicationKeys(t *testing.T) {
	base := string(Scaffold(2024, "示例局"))
	for _, tc := range []struct {
		name, add string
		check     func(t *testing.T, r *report.Report)
		err       string
	}{
		{"all", "index_number: 000014349/2025-00012\npublisher: 示例市人民政府办公室\ndocument_number: 示政办〔2025〕3号\npublished: 2025-01-22\ntopic: 综合政务\n",
			func(t *testing.T, r *report.Report) {
				d := report.Build(r, nil)
				if d.IndexNumber != "000014349/2025-00012" || d.Publisher != "示例市人民政府办公室" || d.DocumentNumber != "示政办〔2025〕3号" ||
					d.Published != "2025-01-22" || d.Topic != "综合政务" {
					t.Errorf("Doc metadata %q %q %q %q %q", d.IndexNumber, d.Publisher, d.DocumentNumber, d.Published, d.Topic)
				}
			}, ""},
		{"defaults", "date: 2025-01-20\n", func(t *testing.T, r *report.Report) {
			d := report.Build(r, nil)
			if d.Publisher != "示例局" || d.Published != "2025-01-20" || d.MetaDate != "2025-01-20" {
				t.Errorf("defaults: publisher %q, published %q", d.Publisher, d.Published)
			}
		}, ""},
		{"published not a date", "published: 2025年1月22日\n", nil, "published: 错误[S-7]: 发布日期 published 应写成 YYYY-MM-DD"},
		{"published impossible", "published: 2025-02-30\n", nil, "发布日期 2025-02-30 不是有效日期"},
		{"topic two lines", "topic: \"a\\nb\"\n", nil, "topic: 错误[S-10]"},
		{"index number a list", "index_number: [1, 2]\n", nil, "index_number: 错误[S-4]"},
		{"publisher too long", "publisher: " + strings.Repeat("长", 201) + "\n", nil, "发布机构 publisher 太长（201 个字）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(base, "scope: organ", "scope: organ\n"+strings.TrimSuffix(tc.add, "\n"), 1)
			r, ps := Parse("x.yaml", []byte(src))
			if tc.err != "" {
				var all strings.Builder
				for _, p := range ps {
					all.WriteString(p.String() + "\n")
				}
				if !strings.Contains(all.String(), tc.err) {
					t.Errorf("problems\n%s\nlack %q", all.String(), tc.err)
				}
				return
			}
			for _, p := range ps {
				if p.Severity == report.Error && !strings.HasPrefix(p.Path, "text.") {
					t.Fatalf("unexpected error %s", p)
				}
			}
			tc.check(t, r)
			back, ps2 := Parse("x.yaml", Marshal(r))
			if back == nil || back.IndexNumber != r.IndexNumber || back.Published != r.Published || back.Publisher != r.Publisher {
				t.Errorf("metadata lost in Marshal round trip: %v", len(ps2))
			}
		})
	}
}
