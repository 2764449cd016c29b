#!/usr/bin/env bash
# Regenerates the vendored Apache ECharts files under templates/assets/.
#
# Usage: scripts/vendor-echarts.sh [ASSETS_DIR]   (default: templates/assets)
#
# Copies the "common" build (line, bar, pie, scatter; canvas and SVG renderers;
# grid, title, legend, tooltip, dataset, aria, ... components) as echarts.min.js,
# plus the package's LICENSE, NOTICE and the d3 licence its code embeds.
# The tarball is pinned by version and checked against npm's integrity hash,
# so the output bytes are always the same.
set -euo pipefail

version=6.1.0
integrity=sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA==

dest=${1:-templates/assets}
mkdir -p "$dest"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "echarts@$version" >/dev/null)
tgz="$tmp/echarts-$version.tgz"

got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [[ $got != "$integrity" ]]; then
	echo "vendor-echarts: echarts-$version.tgz integrity $got, want $integrity" >&2
	exit 1
fi

tar -xzf "$tgz" -C "$tmp"
install -m 0644 "$tmp/package/dist/echarts.common.min.js" "$dest/echarts.min.js"
install -m 0644 "$tmp/package/LICENSE" "$dest/ECHARTS-LICENSE.txt"
install -m 0644 "$tmp/package/NOTICE" "$dest/ECHARTS-NOTICE.txt"
install -m 0644 "$tmp/package/licenses/LICENSE-d3" "$dest/ECHARTS-LICENSE-d3.txt"
echo "vendor-echarts: echarts $version (common build) -> $dest"
