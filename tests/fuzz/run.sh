#!/usr/bin/env bash
# Runs each libFuzzer harness for SECONDS: tests/fuzz/run.sh SECONDS [HARNESS...]
#
# Builds the fuzz programs (clang, WARRANTCHECK_FUZZ=ON) in $FUZZ_BUILD
# (default: build-fuzz at the top of the tree), then runs each harness named
# (default: all) in turn on a working copy of its seed corpus, so that the
# inputs libFuzzer finds do not land in tests/fuzz/corpus by themselves. A
# crash is saved as $FUZZ_BUILD/fuzz-artifacts/HARNESS/crash-*: add it to
# tests/fuzz/corpus/HARNESS/ once fixed, and the replay test keeps it fixed.
# Exits 1 if any harness crashed, leaked or timed out.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
seconds=${1:?usage: run.sh SECONDS [HARNESS...]}
shift
build=${FUZZ_BUILD:-$top/build-fuzz}
harnesses=("$@")
if [ ${#harnesses[@]} = 0 ]; then
    for f in "$here"/fuzz_*.c; do
        n=$(basename "$f" .c)
        harnesses+=("${n#fuzz_}")
    done
fi

cmake -S "$top" -B "$build" -DCMAKE_C_COMPILER=clang -DWARRANTCHECK_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=()
for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >/dev/null

failed=0
for h in "${harnesses[@]}"; do
    work="$build/fuzz-corpus/$h"
    artifacts="$build/fuzz-artifacts/$h"
    mkdir -p "$work" "$artifacts"
    dict=()
    [ -f "$here/$h.dict" ] && dict=(-dict="$here/$h.dict")
    log="$build/fuzz-$h.log"
    echo "=== fuzz_$h for ${seconds}s (log: $log)"
    # A leak, a timeout (10 s for one input) and a crash all stop the run.
    if "$build/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "${dict[@]}" "$work" "$here/corpus/$h" >"$log" 2>&1; then
        grep -E '^(Done|stat::number_of_executed_units)' "$log" || true
    else
        echo "fuzz_$h FAILED; see $log and $artifacts/"
        grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 || true
        failed=1
    fi
done
exit $failed
