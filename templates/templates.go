// Package templates holds every file nianbao embeds in its binary: the PDF
// fonts (fonts/), the vendored ECharts build and its licence (assets/), and
// the HTML templates and stylesheets (html/), and the open data format
// document (opendata/README.md). Builds are offline and
// reproducible: nothing is fetched at run time.
package templates

import "embed"

// FS is the embedded tree: fonts/, assets/, html/, opendata/ (the open
// data format document, published with the site as opendata.html).
//
//go:embed fonts assets html opendata
var FS embed.FS
