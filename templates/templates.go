// Package templates holds every file nianbao embeds in its binary: the PDF
// fonts (fonts/), the vendored ECharts build and its licence (assets/), and
// the HTML templates and stylesheets (html/). Builds are offline and
// reproducible: nothing is fetched at run time.
package templates

import "embed"

// FS is the embedded tree: fonts/, assets/, html/.
//
//go:embed fonts assets html
var FS embed.FS
