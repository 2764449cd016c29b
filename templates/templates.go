// Package templates holds every file nianbao embeds in its binary: the PDF
// fonts (fonts/), the vendored ECharts build and its licence (assets/), the
// HTML templates and stylesheets (html/), and the open data format document
// (opendata/README.md). Builds are offline and reproducible: nothing is
// fetched at run time.
//
// Renderers do not read this package's variables behind their callers'
// backs: the HTML renderer takes its templates and assets as an fs.FS in
// its options, FS being the default, so that a directory of the office's
// own templates (os.DirFS) can be laid over it. The fonts are the
// exception: they are exposed as bytes (FontRegular, FontBold) because
// reading them through an fs.FS would copy 25 MB for every process.
package templates

import "embed"

// FS is the embedded tree of templates and assets: assets/ (ECharts and
// its licence), html/ (page templates and stylesheets), opendata/ (the
// open data format document, published with the site as opendata.html),
// fonts/ without the font files themselves (their licence and README;
// the fonts are FontRegular and FontBold), layout.yaml (the PDF layout:
// fonts per role, page numbers, 版头, 印章, 版记; all defaults), README.md
// (the data every template receives, for offices editing them) and
// site.yaml (the site settings, all commented out). `nianbao templates
// init` writes every file of FS.
//
//go:embed assets html opendata fonts/OFL.txt fonts/README.md layout.yaml
//go:embed README.md site.yaml
var FS embed.FS

// FontRegular and FontBold are the default PDF typeface, NianbaoSerif SC
// (fonts/NianbaoSerifSC-Regular.ttf and -Bold.ttf, about 12.6 MB each),
// embedded as bytes so that they are used in place, never copied.
//
// They are read-only: nothing may modify them (every PDF of the process
// shares them).
var (
	//go:embed fonts/NianbaoSerifSC-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NianbaoSerifSC-Bold.ttf
	FontBold []byte
)
