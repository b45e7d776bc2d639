#!/usr/bin/env bash
# The example front end (verdict_and_csv.c), built from the core and render
# libraries alone, writes what the program writes for the same question:
# `can putin mongolia --on 2024-09-03`, as text and then as CSV.
# Usage: matches_cli.sh EXAMPLE WARRANTCHECK
set -euo pipefail
example=$1 bin=$2
expected=$(mktemp) actual=$(mktemp)
trap 'rm -f "$expected" "$actual"' EXIT
"$example" >"$actual"
{ "$bin" can putin mongolia --on 2024-09-03 --color never || true
  "$bin" can putin mongolia --on 2024-09-03 --format csv || true; } >"$expected"
[ -s "$actual" ] || { echo "the example wrote nothing"; exit 1; }
grep -q '^2024-09-03,putin,Vladimir Putin,MN,MNG,Mongolia,,true,obliged,' "$actual" ||
    { echo "the example's CSV row is not Mongolia's obliged row:"; cat "$actual"; exit 1; }
diff -u "$expected" "$actual"
