package report

// Site is the portal a report page is published on, as the office writes
// it in site.yaml of its templates folder (read by datafile.LoadSite). It
// feeds the <meta> tags that the national guideline for government
// websites names (SiteName, SiteDomain, SiteIDCode, ColumnName) and the
// absolute Url of each page. Every field is optional; "" leaves its tag out.
type Site struct {
	Name    string // site_name 网站名称, e.g. 示例市人民政府
	Domain  string // site_domain 网站域名, e.g. www.shili.gov.cn
	IDCode  string // site_id_code 网站标识码, e.g. 0000000001
	Column  string // column_name 栏目名称, e.g. 政府信息公开年报
	BaseURL string // base_url: the URL of the site folder, ending in "/", e.g. https://www.shili.gov.cn/zwgk/ndbg/
}

// PageURL is the absolute URL of the page at rel (slash-separated, relative
// to the site folder): BaseURL + rel, or "https://" + Domain + "/" + rel
// when only the domain is known, or "" when neither is (or rel is "").
func (s Site) PageURL(rel string) string {
	switch {
	case rel == "":
		return ""
	case s.BaseURL != "":
		return s.BaseURL + rel
	case s.Domain != "":
		return "https://" + s.Domain + "/" + rel
	}
	return ""
}
