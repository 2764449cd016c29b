#!/usr/bin/env bash
# nianbao's whole build of one report (all formats) against what a user
# would do instead: headless Chromium printing the same HTML to PDF. Wall
# time and peak memory (GNU time; nianbao's wall time as the median of 5
# runs at µs resolution, Chromium's from one run), and the ratio.
# ROUNDS=N repeats this N times and adds the median ratio (make bench: 5).
#   scripts/vs-chromium.sh [BIN] [DATA]
set -euo pipefail
BIN=${1:-bin/nianbao}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${2:-$ROOT/data/shili-office/2024.yaml}
TIME=/usr/bin/time
[ -x "$BIN" ] || { echo "没有 $BIN：先运行 make build" >&2; exit 1; }
CHROME=""
for c in chromium chromium-browser google-chrome google-chrome-stable; do
	if command -v "$c" >/dev/null; then CHROME=$(command -v "$c"); break; fi
done
if [ -z "$CHROME" ]; then
	echo "未找到 Chromium（chromium、chromium-browser 或 google-chrome）：跳过与无头 Chromium 的对比。Debian 上可安装软件包 chromium。"
	exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# One round: nianbao's wall time as the median of 5 runs timed with bash's
# EPOCHREALTIME (µs; GNU time's resolution is 10 ms) and its peak memory
# from GNU time, then one Chromium run; the ratio of the two. ROUNDS=N
# repeats the round and also prints the median ratio (a busy machine moves
# single figures by ±30%).
ROUNDS=${ROUNDS:-1}
base=$(basename "$DATA" .yaml)
ratios=()
for round in $(seq "$ROUNDS"); do
	walls=()
	for _ in 1 2 3 4 5; do
		rm -rf "$TMP/out"
		t0=$EPOCHREALTIME
		"$TIME" -f '%e %M' -o "$TMP/nb" "$BIN" build "$DATA" -o "$TMP/out" 2>/dev/null
		t1=$EPOCHREALTIME
		walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')")
	done
	nbw=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 3p)
	rm -f "$TMP/chromium.pdf"
	"$TIME" -f '%e %M' -o "$TMP/cr" "$CHROME" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$TMP/profile" --print-to-pdf="$TMP/chromium.pdf" "file://$TMP/out/$base.html" >/dev/null 2>&1 || true
	[ -s "$TMP/chromium.pdf" ] || { echo "Chromium 未生成 PDF，无法对比"; exit 0; }
	read -r _ nbm <"$TMP/nb"
	read -r crw crm < <(tail -1 "$TMP/cr")
	[ "$ROUNDS" -gt 1 ] && echo "第 $round 轮："
	awk -v a="$nbw" -v am="$nbm" -v b="$crw" -v bm="$crm" 'BEGIN {
		printf "nianbao build（全部格式，1 份报告）%7.3f s  %6.1f MiB（5 次中位数）\n", a, am/1024
		printf "无头 Chromium 打印同一网页为 PDF   %7.2f s  %6.1f MiB\n", b, bm/1024
		printf "Chromium / nianbao：%.0f 倍（Chromium 单次运行）\n", b / a
	}'
	ratios+=("$(awk -v a="$nbw" -v b="$crw" 'BEGIN { printf "%.1f", b / a }')")
done
if [ "$ROUNDS" -gt 1 ]; then
	printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END {
		m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
		printf "%d 轮的倍数：最小 %.0f，中位数 %.0f，最大 %.0f\n", NR, r[1], m, r[NR]
	}'
fi
