#!/usr/bin/env bash
# Runs commands with malloc failing after N allocations (failmalloc.c, by
# LD_PRELOAD), for N from 0 up to every allocation a run makes (every one
# for short runs, a spread of them for long ones). Each run must either
# answer exactly as it does with memory to spare, or exit 6 saying
# "out of memory" on stderr: never crash, never answer otherwise, never blame
# the dataset (exit 4) or the user. Exit 77 (skipped) where the preload does
# not take (a sanitizer's runtime wants to come first).
#   out_of_memory.sh BINARY FAILMALLOC_LIBRARY
set -u
bin=$1
lib=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
LD_PRELOAD=$lib "$bin" --version >/dev/null 2>&1 ||
    { echo "the program does not run with $lib preloaded"; exit 77; }
n=$(WC_FAIL_MALLOC_COUNT=1 LD_PRELOAD=$lib "$bin" persons --on 2025-01-01 2>&1 >/dev/null | tail -n 1)
[ "${n:-0}" -gt 0 ] 2>/dev/null ||
    { echo "the preloaded malloc is not the program's (a sanitizer's, built in?)"; exit 77; }
printf '2024-09-03 Mongolia\n2025-04-03..2025-04-06 Hungary\n2024-01-01 France\n' >"$work/legs.txt"
fail=0
runs=0

# check WORD...: runs the command, first to count its allocations and take its
# answer, then once for each N.
check() {
    local expected_status n total step
    "$bin" "$@" <"$work/legs.txt" >"$work/expected" 2>/dev/null
    expected_status=$?
    total=$(WC_FAIL_MALLOC_COUNT=1 LD_PRELOAD=$lib "$bin" "$@" <"$work/legs.txt" 2>&1 >/dev/null |
            tail -n 1)
    [ "$total" -gt 0 ] 2>/dev/null || { echo "$*: no allocations counted"; fail=1; return; }
    step=$(( total > 300 ? total / 150 : 1 ))
    for ((n = 0; n <= total; n += (n < 50 ? 1 : step))); do
        runs=$((runs + 1))
        WC_FAIL_MALLOC_AFTER=$n LD_PRELOAD=$lib "$bin" "$@" <"$work/legs.txt" \
            >"$work/stdout" 2>"$work/stderr"
        local status=$?
        if [ "$status" = "$expected_status" ] && cmp -s "$work/stdout" "$work/expected" &&
           [ ! -s "$work/stderr" ]; then
            continue
        fi
        if [ "$status" = 6 ] && grep -q "^warrantcheck: error: out of memory$" "$work/stderr"; then
            continue
        fi
        echo "$* with malloc failing after $n of $total: exit status $status"
        head -c 600 "$work/stderr"
        fail=1
        return
    done
}

check can putin mongolia --on 2024-09-03 --format json
check can putin mongolia --on 2024-09-03
check where putin --all --on 2025-01-01 --format json
check where putin --on 2025-01-01 --format csv
check country Mongolia --on 2025-01-01 --format csv
check country France --on 2025-01-01
check person putin --format json --on 2025-01-01
check persons --format csv --on 2025-01-01
check trips putin --format jsonl --on 2025-01-01
check map putin --on 2025-01-01
check itinerary - --person putin --format jsonl
check itinerary - --all --format csv
check data info --format json --on 2025-01-01
# Loading a data file: memory that runs out is no fault of the file.
cp "$(dirname "$0")/../data/mini.json" "$work/data.json"
check --data "$work/data.json" country Alphaland --on 2025-01-01
check data validate "$work/data.json"
echo "$runs runs"
exit $fail
