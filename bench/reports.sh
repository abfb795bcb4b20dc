#!/bin/bash
# The correctness gate for performance work: a change that should only make curbcut faster must
# not change one byte of any report. Writes the JSON report (`--all`: passes and their messages
# too) of every ACT test case, the bench pages up to 50k and the example pages into OUT_DIR, one
# file each. Run it before and after a change and compare with `diff -r BEFORE AFTER`.
#
#   cargo build --release --example check && bench/reports.sh /tmp/before
#   ... change, rebuild ...                 && bench/reports.sh /tmp/after && diff -rq /tmp/before /tmp/after
set -eu
out=${1:?usage: bench/reports.sh OUT_DIR}
cd "$(dirname "$0")/.."
bin=target/release/examples/check
[ -x "$bin" ] || { echo "build it first: cargo build --release --example check" >&2; exit 2; }
[ -f bench/pages/page-10k.html ] || { echo "generate the pages first: node bench/run.mjs (or bench/gen.mjs)" >&2; exit 2; }
rm -rf "$out" && mkdir -p "$out"
{
  find tests/act/testcases -type f \( -name '*.html' -o -name '*.xhtml' -o -name '*.svg' -o -name '*.xml' \) | sort
  ls bench/pages/page-1k.html bench/pages/page-10k.html bench/pages/page-50k.html examples/pages/*.html
} | while read -r f; do
  "$bin" "$f" --all > "$out/$(echo "$f" | tr / _).json" 2>&1 || true
done
echo "$(ls "$out" | wc -l) reports in $out"
