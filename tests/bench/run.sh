#!/usr/bin/env bash
# The benchmark of issue 5, in one run: builds its own inputs (the same
# every time), then prints
#   1. itinerary: warrantcheck on 1,000,000 legs against the shell baseline a
#      user would write (an awk hash join of the same file against a list of
#      party names) and against `wc -l`, the floor of reading the file;
#   2. peak memory (/usr/bin/time -v) at 100,000, 1,000,000 and 10,000,000 legs;
#   3. start-up: `warrantcheck country Mongolia` against /bin/true and jq
#      answering the same question from the same data file, and its
#      instruction count under valgrind --tool=callgrind.
# The targets (docs/performance.md) are checked and marked; the figures
# depend on the machine, so this is not a test and CI runs only --quick.
#
# Usage: tests/bench/run.sh [--quick] [BINARY]
#   BINARY   a built warrantcheck (default: build/warrantcheck); build it
#            with the default RelWithDebInfo type, not under sanitizers
#   --quick  small inputs, a few seconds: checks that the script works
# Needs: awk, jq, /usr/bin/time (Debian: time), valgrind (optional).
set -euo pipefail
export LC_ALL=C

quick=0
if [ "${1:-}" = "--quick" ]; then
    quick=1
    shift
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$(realpath "${1:-$root/build/warrantcheck}")
data="$root/data/warrantcheck.json"
[ -x "$bin" ] || { echo "run.sh: no program at $bin (build it first)" >&2; exit 2; }
for tool in awk jq /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "run.sh: needs $tool" >&2; exit 2; }
done

if [ $quick = 1 ]; then
    legs_main=20000 sizes="1000 10000 20000" spawns=20
else
    legs_main=1000000 sizes="100000 1000000 10000000" spawns=300
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ------------------------------------------------------------- inputs
# Country names as a user writes them (the dataset's names), and the
# States Parties on a fixed day for the baseline's join.
jq -r '.countries[].name' "$data" >"$work/names.txt"
"$bin" countries --parties --format jsonl --on 2025-01-01 | jq -r .country.name >"$work/parties.txt"

# make_legs N FILE: N legs "DATE COUNTRY" or "DATE..DATE COUNTRY" over
# 2023-2025, from a fixed linear congruential sequence (exact in awk's
# doubles), so every run and every awk make the same file.
make_legs() {
    awk -v n="$1" '
    BEGIN { split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " ") }
    NR == FNR { name[++names] = $0; next }
    END {
        days = 0
        for (y = 2023; y <= 2025; y++)
            for (m = 1; m <= 12; m++)
                for (d = 1; d <= ml[m] + (m == 2 && y % 4 == 0); d++)
                    day[days++] = sprintf("%04d-%02d-%02d", y, m, d)
        seed = 20240903
        for (i = 0; i < n; i++) {
            seed = (seed * 69069 + 1) % 4294967296; c = int(seed / 65536) % names + 1
            seed = (seed * 69069 + 1) % 4294967296; s = int(seed / 65536) % (days - 7)
            seed = (seed * 69069 + 1) % 4294967296; len = int(seed / 65536) % 10
            if (len < 7) print day[s] " " name[c]
            else print day[s] ".." day[s + len - 6] " " name[c]
        }
    }' "$work/names.txt" /dev/null
}

# best_of N CMD...: the least wall time of N runs, in seconds.
best_of() {
    local n=$1 best="" t
    shift
    for _ in $(seq "$n"); do
        t=$( { TIMEFORMAT=%R; time "$@" >/dev/null 2>/dev/null; } 2>&1)
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$t
        fi
    done
    echo "$best"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
mark() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "MISSED"; fi; }

awk_join() {
    awk 'NR == FNR { party[$0]; next }
         { c = substr($0, index($0, " ") + 1)
           print $1, c, (c in party) ? "party" : "not-party" }' "$work/parties.txt" "$1"
}

echo "warrantcheck benchmark — $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "program: $bin ($("$bin" --version | head -1))"
echo "awk:     $(readlink -f "$(command -v awk)")"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; figures are wall times, and other work slows them)"
echo

# ------------------------------------------------------ 1. itinerary
legs="$work/legs-$legs_main.txt"
make_legs "$legs_main" >"$legs"
rows=$("$bin" itinerary "$legs" --person putin | wc -l)
[ "$rows" = "$legs_main" ] || { echo "run.sh: $rows rows for $legs_main legs" >&2; exit 1; }
echo "1. itinerary of $legs_main legs ($(du -h "$legs" | cut -f1)), --person putin; best of 3, wall seconds"
t_floor=$(best_of 3 wc -l "$legs")
t_awk=$(best_of 3 awk_join "$legs")
t_text=$(best_of 3 "$bin" itinerary "$legs" --person putin)
t_csv=$(best_of 3 "$bin" itinerary "$legs" --person putin --format csv)
t_jsonl=$(best_of 3 "$bin" itinerary "$legs" --person putin --format jsonl)
printf '   %-44s %8s\n' "wc -l (reading the file)" "$t_floor" \
    "awk hash join against the party list" "$t_awk" \
    "warrantcheck itinerary (text)" "$t_text" \
    "warrantcheck itinerary --format csv" "$t_csv" \
    "warrantcheck itinerary --format jsonl" "$t_jsonl"
r=$(ratio "$t_text" "$t_awk")
echo "   warrantcheck / awk: $r (target <= 0.50: $(mark "$r <= 0.5")); csv / awk: $(ratio "$t_csv" "$t_awk"); jsonl / awk: $(ratio "$t_jsonl" "$t_awk")"
echo "   warrantcheck / wc -l: $(ratio "$t_text" "$t_floor")"
echo

# ---------------------------------------------------- 2. peak memory
echo "2. peak memory (maximum resident set, /usr/bin/time -v), KiB"
peaks=""
for n in $sizes; do
    f="$work/legs-$n.txt"
    [ -f "$f" ] || make_legs "$n" >"$f"
    line="   $(printf '%9d legs:' "$n")"
    for format in text csv; do
        kb=$(/usr/bin/time -v "$bin" itinerary "$f" --person putin --format "$format" 2>&1 \
            >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }')
        line="$line  $format $kb"
        [ "$format" = text ] && peaks="$peaks $kb"
    done
    echo "$line"
    [ "$n" = "$legs_main" ] || rm -f "$f"
done
spread=$(echo "$peaks" | awk '{ lo = hi = $1; for (i = 2; i <= NF; i++) { if ($i < lo) lo = $i; if ($i > hi) hi = $i } print hi - lo, hi }')
echo "   spread (text) $(echo "$spread" | cut -d' ' -f1) KiB (target < 1024: $(mark "$(echo "$spread" | cut -d' ' -f1) < 1024")); largest $(echo "$spread" | cut -d' ' -f2) KiB (target < 8192: $(mark "$(echo "$spread" | cut -d' ' -f2) < 8192"))"
echo

# ------------------------------------------------------- 3. start-up
# loop N CMD...: the mean wall seconds of one run, from N runs in a row.
loop() {
    local n=$1
    shift
    local t
    t=$( { TIMEFORMAT=%R; time for _ in $(seq "$n"); do "$@" >/dev/null 2>&1; done; } 2>&1)
    awk -v t="$t" -v n="$n" 'BEGIN { printf "%.5f", t / n }'
}
# best of three batches
loop3() {
    local best="" t
    for _ in 1 2 3; do
        t=$(loop "$@")
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    done
    echo "$best"
}
today=$(date -u +%Y-%m-%d)
jq_question='(.countries[] | select(.name == "Mongolia") | .iso2) as $c
  | [.rome_statute[] | select(.iso2 == $c)
     | .in_force != null and .in_force <= $today
       and ([.withdrawals[] | select(.effective != null and .effective.date <= $today
                                     and .revoked == null)] | length == 0)]
  | any'
[ "$(jq -r --arg today "$today" "$jq_question" "$data")" = true ] ||
    { echo "run.sh: the jq baseline does not answer 'true'" >&2; exit 1; }
echo "3. start-up: is Mongolia a State Party today? mean wall seconds of $spawns runs, best of 3"
t_true=$(loop3 "$spawns" /bin/true)
t_wc=$(loop3 "$spawns" "$bin" country Mongolia)
t_jq=$(loop3 "$spawns" jq -r --arg today "$today" "$jq_question" "$data")
printf '   %-44s %8s\n' "/bin/true" "$t_true" "warrantcheck country Mongolia" "$t_wc" \
    "jq on data/warrantcheck.json" "$t_jq"
r1=$(ratio "$t_wc" "$t_true")
r2=$(ratio "$t_jq" "$t_wc")
echo "   warrantcheck / true: $r1 (target <= 3: $(mark "$r1 <= 3")); jq / warrantcheck: $r2 (target >= 20: $(mark "$r2 >= 20"))"
if command -v valgrind >/dev/null; then
    ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" country Mongolia 2>&1 \
        >/dev/null | awk '/Collected/ { print $NF }')
    echo "   instructions (callgrind): $ir (target < 5000000: $(mark "$ir < 5000000"))"
else
    echo "   instructions: valgrind not installed"
fi
