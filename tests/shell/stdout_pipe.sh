#!/usr/bin/env bash
# A reader that closes the pipe early (`| head -1`) is not an error: the
# program exits with its answer's status (0 or 1), quietly, in every format
# and however much it has left to write. Status as `set -o pipefail` would
# see it: warrantcheck's own, from PIPESTATUS.
#   stdout_pipe.sh BINARY
set -u
bin=$1
err=$(mktemp)
trap 'rm -f "$err"' EXIT
fail=0

# check STATUS WHAT: the status is an answer and nothing reached stderr.
check() {
    if [ "$1" -gt 1 ] || [ -s "$err" ]; then
        echo "$2: exit status $1, stderr:"
        cat "$err"
        fail=1
    fi
}

first=$("$bin" where putin --all --on 2025-01-01 2>"$err" | head -1; exit "${PIPESTATUS[0]}")
status=$?
check "$status" "where putin --all | head -1"
[ -n "$first" ] || { echo "head -1 read nothing"; fail=1; }

for format in text json jsonl csv tsv; do
    for args in "where putin --all" "countries" "trips putin" "person al-bashir" "persons"; do
        # shellcheck disable=SC2086 # args are meant to split
        "$bin" $args --on 2025-01-01 --format "$format" 2>"$err" | head -c 10 >/dev/null
        check "${PIPESTATUS[0]}" "$args --format $format | head -c 10"
        # A reader gone before the first write: the write fails with EPIPE
        # (SIGPIPE is ignored), and that is still no error. The JSON of
        # `where --all` is larger than a pipe's buffer, so it meets EPIPE
        # however the two processes are scheduled.
        "$bin" $args --on 2025-01-01 --format "$format" 2>"$err" | (exec 0<&-; sleep 0.05)
        check "${PIPESTATUS[0]}" "$args --format $format | (closed)"
    done
done
# map --out /dev/stdout (or a FIFO) writes into the pipe as '>' would: a
# reader that quits early is no error there either.
"$bin" map putin --on 2025-01-01 --out /dev/stdout 2>"$err" | head -c 10 >/dev/null
check "${PIPESTATUS[0]}" "map putin --out /dev/stdout | head -c 10"
"$bin" map putin --on 2025-01-01 --out /dev/stdout 2>"$err" | (exec 0<&-; sleep 0.05)
check "${PIPESTATUS[0]}" "map putin --out /dev/stdout | (closed)"

# The status answers for the whole itinerary, not for the legs read before
# the reader left (RELIABILITY F4): a yes on the last of 200,001 legs is 0,
# a bad last line is 3, in every format.
legs=$(mktemp -d)
trap 'rm -f "$err"; rm -rf "$legs"' EXIT
for i in $(seq 1 20000); do echo '2024-09-03 China'; done >"$legs/head"
for n in 1 2 3 4 5 6 7 8 9 10; do cat "$legs/head"; done >"$legs/many"
{ cat "$legs/many"; echo '2024-09-03 Mongolia'; } >"$legs/late-yes"
{ cat "$legs/many"; echo '2024-09-03 Atlantis'; } >"$legs/late-bad"
for format in text json jsonl csv tsv; do
    "$bin" itinerary "$legs/late-yes" --person putin --format "$format" 2>"$err" | head -1 >/dev/null
    s=${PIPESTATUS[0]}
    [ "$s" = 0 ] && [ ! -s "$err" ] ||
        { echo "itinerary late-yes --format $format | head -1: exit $s (want 0)"; cat "$err"; fail=1; }
    "$bin" itinerary "$legs/late-bad" --person putin --format "$format" 2>/dev/null | head -1 >/dev/null
    s=${PIPESTATUS[0]}
    [ "$s" = 3 ] || { echo "itinerary late-bad --format $format | head -1: exit $s (want 3)"; fail=1; }
done
exit $fail
