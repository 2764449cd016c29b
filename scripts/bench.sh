#!/usr/bin/env bash
# Whole-process benchmarks of nianbao (issue 16): what a user waits for.
# Each figure is the median over RUNS runs (default 5) of one process, with
# its wall time, CPU time (user+system) and peak memory (max RSS), measured
# by GNU time. These are benchmarks, not tests: on a shared or busy machine
# the numbers are noisy, so read the medians, and compare paired runs.
#
#   scripts/bench.sh [BIN]          BIN defaults to bin/nianbao
#   RUNS=3 BIG=0 scripts/bench.sh   fewer runs; BIG=0 skips the 1,000-organ build
set -euo pipefail
BIN=${1:-bin/nianbao}
RUNS=${RUNS:-5}
BIG=${BIG:-1}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "需要 GNU time（/usr/bin/time，Debian 软件包 time）" >&2; exit 1; }
[ -x "$BIN" ] || { echo "没有 $BIN：先运行 make build" >&2; exit 1; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# measure NAME SETUP CMD...: SETUP (a shell snippet, may be "") runs before
# every run, untimed. Prints the medians.
measure() {
	local name=$1 setup=$2; shift 2
	local f=$TMP/times
	: >"$f"
	for _ in $(seq "$RUNS"); do
		[ -n "$setup" ] && eval "$setup"
		"$TIME" -f '%e %U %S %M' -a -o "$f" "$@" >/dev/null 2>"$TMP/stderr" || {
			# nianbao exits 1 when a file has errors: the figures still count,
			# but say so.
			grep -q . "$TMP/stderr" && tail -1 "$TMP/stderr" >&2
		}
	done
	grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$f" | awk -v name="$name" '
		{ wall[NR]=$1; cpu[NR]=$2+$3; rss[NR]=$4 }
		function median(a, n,   i, j, t) {
			for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
			return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
		}
		END { printf "%-44s %8.3f s wall %8.3f s CPU %7.1f MiB peak  (median of %d)\n", name, median(wall, NR), median(cpu, NR), median(rss, NR)/1024, NR }'
}

# organs DIR N YEARS...: N fictional copies of the example office, one
# directory each, with the given years.
organs() {
	local dir=$1 n=$2; shift 2
	for i in $(seq -w 1 "$n"); do
		mkdir -p "$dir/organ$i"
		for y in "$@"; do
			sed "s/^organ: 示例市人民政府办公室/organ: 示例市第${i}虚构局/" "$ROOT/data/shili-office/$y.yaml" >"$dir/organ$i/$y.yaml"
		done
	done
}

DATA=$ROOT/data/shili-office/2024.yaml
echo "nianbao 整体进程基准（$(nproc) 核；中位数；机器繁忙时数字有波动）"
echo "二进制文件大小：$(( $(stat -c %s "$BIN") / 1024 / 1024 )) MiB"
for f in pdf html docx xlsx; do
	measure "build --$f (1 report)" "rm -rf $TMP/o" "$BIN" build "$DATA" -o "$TMP/o" --$f
done
measure "build, all formats (1 report)" "rm -rf $TMP/o" "$BIN" build "$DATA" -o "$TMP/o"

organs "$TMP/d100" 100 2024
RUNS_SAVED=$RUNS; RUNS=3
measure "build, all formats (100 organs)" "rm -rf $TMP/o" "$BIN" build "$TMP/d100" -o "$TMP/o"
measure "build, all formats (100 organs, unchanged)" "" "$BIN" build "$TMP/d100" -o "$TMP/o"
if [ "$BIG" = 1 ]; then
	organs "$TMP/d1000" 1000 2024
	RUNS=1
	measure "build, all formats (1,000 organs)" "rm -rf $TMP/o" "$BIN" build "$TMP/d1000" -o "$TMP/o"
	du -sh "$TMP/o" | awk '{print "  written: " $1}'
	rm -rf "$TMP/d1000" "$TMP/o"
	RUNS=3
fi
organs "$TMP/s" 100 2019 2020 2021 2022 2023 2024
RUNS=1
measure "site (100 organs × 6 years, fresh)" "rm -rf $TMP/site" "$BIN" site "$TMP/s" -o "$TMP/site"
RUNS=3
find "$TMP/site" -type f -newer "$TMP/times" -print >/dev/null
touch "$TMP/stamp"; sleep 1
measure "site (100 organs × 6 years, unchanged)" "" "$BIN" site "$TMP/s" -o "$TMP/site"
echo "  files written by the unchanged rebuilds: $(find "$TMP/site" -newer "$TMP/stamp" -type f | wc -l)"
RUNS=$RUNS_SAVED
