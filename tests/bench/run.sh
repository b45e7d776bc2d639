#!/usr/bin/env bash
# The benchmark of issues 5 and 15, in one run. It builds its own inputs
# (the same every time, from a fixed linear congruential sequence) that try
# to defeat the program's caches, then prints
#   1. itinerary, 1,000,000 legs of the hardest input, in every format, into
#      a pipe, against a mawk hash join of the same file (interleaved rounds,
#      the median of each), and a CSV input with a person column; the
#      --fields form of csv, tsv and jsonl (a slim row: line, date, country,
#      verdict), and the floor of the default rows: the wall time of only
#      moving their bytes through the same pipe (cat FILE | cat, and as
#      many bytes from /dev/zero: the pipe without the file's copy);
#   2. --all over 100,000 legs: microseconds per (leg, person) row;
#   3. peak memory (/usr/bin/time -v) in every format and mode, 100,000 to
#      10,000,000 legs;
#   4. a file of one repeated typo against the same number of good lines;
#   5. start-up: `country Mongolia` against /bin/true (and jq asked the
#      same question), and its instructions.
# The hardest input: dates over every year the data covers (2002-2026) in
# random order, ranges of 2-10 days, the 30 countries whose standing or whose
# visits cut time into the most runs, written as names, ISO codes and
# aliases, and 5% of the names misspelt. The targets (issue 15,
# docs/performance.md) are checked and marked. Every itinerary runs with
# --max-errors 0, so the typos do not stop it after 100 errors (which made
# sections 1 and 4 time a few thousand lines). The figures depend on the
# machine, so this is not a test; CI runs only --quick.
#
# Usage: tests/bench/run.sh [--quick] [BINARY]
#   BINARY   a built warrantcheck (default: build/warrantcheck); build it
#            with the default RelWithDebInfo type, not under sanitizers
#   --quick  small inputs, one round, a few seconds: checks the script works
# Needs: mawk (Debian: mawk), jq, /usr/bin/time (Debian: time), valgrind
# (optional, for the instruction count).
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
for tool in mawk jq /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "run.sh: needs $tool" >&2; exit 2; }
done

if [ $quick = 1 ]; then
    legs_main=20000 legs_all=2000 sizes="1000 20000" rounds=1 spawns=20
else
    legs_main=1000000 legs_all=100000 sizes="100000 1000000 10000000" rounds=5 spawns=300
fi
work=$(mktemp -d)
# The default rows' bytes for the floor of section 1 (about 1 GB) are kept
# in memory where there is a tmpfs, so that reading them back never waits
# for the disk (the page cache may not keep them).
floor=$work
if [ -d /dev/shm ] && [ -w /dev/shm ]; then floor=$(mktemp -d /dev/shm/wc-bench.XXXXXX); fi
trap 'rm -rf "$work" "$floor"' EXIT

# ------------------------------------------------------------- inputs
# The countries whose standing changes most often or that wanted persons
# visited (withdrawals, accessions, trips, findings), each as its name, its
# alpha-2 and alpha-3 codes and its first alias: what a real log holds.
hard="MN CN BY HU KZ TJ ZA BI PH UA AM VE MY SD LY IL PS RU KE TD ML NE BF GM NL FR US GB DE TR"
jq -r --arg hard "$hard" '($hard | split(" ")) as $h | .countries[] | select(.iso2 as $c | $h | index($c))
    | .name, .iso2, .iso3, (.aliases[0] // empty)' "$data" >"$work/forms.txt"
persons="putin netanyahu al-bashir duterte lvova-belova gallant"
# The baseline's party list: every form of every State Party on a fixed day.
"$bin" countries --parties --format jsonl --on 2025-01-01 | jq -r .country.iso2 >"$work/party-codes.txt"
jq -r --slurpfile p <(jq -R . "$work/party-codes.txt") '.countries[] | select(.iso2 as $c | $p | index($c))
    | .name, .iso2, .iso3, (.aliases[]?)' "$data" >"$work/parties.txt"

# make_legs N [csv] > FILE: N legs over 2002-07-01..2026-10-31 in random
# order, 30% of them ranges of 2-10 days, 5% of the names misspelt (one
# letter made 'q'); with csv, a CSV with a header and a person column.
make_legs() {
    mawk -v n="$1" -v csv="${2:-}" -v persons="$persons" '
    BEGIN { split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " "); np = split(persons, person, " ") }
    NR == FNR { form[++forms] = $0; next }
    END {
        days = 0
        for (y = 2002; y <= 2026; y++)
            for (m = 1; m <= 12; m++)
                for (d = 1; d <= ml[m] + (m == 2 && y % 4 == 0); d++)
                    if (y > 2002 || m >= 7)
                        if (y < 2026 || m <= 10) day[days++] = sprintf("%04d-%02d-%02d", y, m, d)
        if (csv) print "date,end,country,person"
        seed = 20240903
        for (i = 0; i < n; i++) {
            seed = (seed * 69069 + 1) % 4294967296; c = int(seed / 65536) % forms + 1
            seed = (seed * 69069 + 1) % 4294967296; s = int(seed / 65536) % (days - 10)
            seed = (seed * 69069 + 1) % 4294967296; len = int(seed / 65536) % 10
            seed = (seed * 69069 + 1) % 4294967296; typo = int(seed / 65536) % 20
            seed = (seed * 69069 + 1) % 4294967296; p = int(seed / 65536) % np + 1
            name = form[c]
            if (typo == 0 && length(name) > 3) name = substr(name, 1, 2) "q" substr(name, 4)
            end = len < 7 ? day[s] : day[s + len - 5]
            if (csv) print day[s] "," end ",\"" name "\"," person[p]
            else if (len < 7) print day[s] " " name
            else print day[s] ".." end " " name
        }
    }' "$work/forms.txt" /dev/null
}

# The baseline a user would write: a mawk hash join of each leg's country
# against the party list, one output line a leg.
awk_join() {
    mawk 'NR == FNR { party[$0]; next }
          { c = substr($0, index($0, " ") + 1)
            print $1, c, (c in party) ? "party" : "not-party" }' "$work/parties.txt" "$1"
}
awk_join_csv() {
    mawk -F, 'NR == FNR { party["\"" $0 "\""]; next }
              FNR > 1 { print $1, $3, $4, ($3 in party) ? "party" : "not-party" }' \
        "$work/parties.txt" "$1"
}

# wall CMD...: the wall seconds of one run, its output into a pipe. The
# program's own exit status (1 or 3 on these inputs) is not the point here.
wall() {
    local t
    t=$( { TIMEFORMAT=%R; time "$@" 2>/dev/null | cat >/dev/null; } 2>&1) || true
    echo "$t"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
mark() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "MISSED"; fi; }

echo "warrantcheck benchmark — $(date -u +%Y-%m-%d)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "program: $bin ($("$bin" --version | head -1))"
echo "awk:     $(readlink -f "$(command -v mawk)")"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; figures are wall times, and other work slows them)"
echo

# ------------------------------------------------------ 1. itinerary
legs="$work/legs.txt"
make_legs "$legs_main" >"$legs"
legs_csv="$work/legs.csv"
make_legs "$legs_main" csv >"$legs_csv"
rows=$("$bin" itinerary --max-errors 0 "$legs" --person putin --format csv --no-header 2>/dev/null | wc -l || true)
typos=$(grep -c q "$legs" || true)
echo "1. itinerary of $legs_main legs ($(du -h "$legs" | cut -f1); $rows rows, the rest misspelt), --person putin,"
echo "   into a pipe (| cat >/dev/null); median of $rounds interleaved rounds, wall seconds"
# The default rows' bytes, once, for the floor: what `cat` alone takes to
# move them through the pipe is time no writer of those rows can save.
# Removed after section 1: they are a gigabyte.
"$bin" itinerary --max-errors 0 "$legs" --person putin --format csv >"$floor/out.csv" 2>/dev/null || true
"$bin" itinerary --max-errors 0 "$legs" --person putin --format jsonl >"$floor/out.jsonl" 2>/dev/null || true
fields_cells=line,date,iso2,verdict
fields_json=line,date,country,verdict
bytes_csv=$(wc -c <"$floor/out.csv")
bytes_jsonl=$(wc -c <"$floor/out.jsonl")
kinds="awk text csv tsv jsonl csv-f tsv-f jsonl-f floor-csv floor-jsonl pipe-csv pipe-jsonl awk-csv csv-input"
for _ in $(seq "$rounds"); do
    for k in $kinds; do
        case $k in
        awk) t=$(wall awk_join "$legs") ;;
        awk-csv) t=$(wall awk_join_csv "$legs_csv") ;;
        csv-input) t=$(wall "$bin" itinerary --max-errors 0 "$legs_csv" --format csv) ;;
        csv-f | tsv-f) t=$(wall "$bin" itinerary --max-errors 0 "$legs" --person putin --format "${k%-f}" --fields "$fields_cells") ;;
        jsonl-f) t=$(wall "$bin" itinerary --max-errors 0 "$legs" --person putin --format jsonl --fields "$fields_json") ;;
        floor-csv) t=$(wall cat "$floor/out.csv") ;;
        floor-jsonl) t=$(wall cat "$floor/out.jsonl") ;;
        pipe-csv) t=$(wall head -c "$bytes_csv" /dev/zero) ;;
        pipe-jsonl) t=$(wall head -c "$bytes_jsonl" /dev/zero) ;;
        *) t=$(wall "$bin" itinerary --max-errors 0 "$legs" --person putin --format "$k") ;;
        esac
        echo "$t" >>"$work/t-$k"
    done
done
for k in $kinds; do eval "t_${k//-/_}=$(median <"$work/t-$k")"; done
printf '   %-52s %8s\n' "mawk hash join against the party list" "$t_awk" \
    "warrantcheck itinerary (text)" "$t_text" \
    "warrantcheck itinerary --format csv" "$t_csv" \
    "warrantcheck itinerary --format tsv" "$t_tsv" \
    "warrantcheck itinerary --format jsonl" "$t_jsonl"
for k in text csv tsv jsonl; do
    r=$(ratio "$(eval echo "\$t_$k")" "$t_awk")
    echo "   $k / mawk: $r (target <= 0.50: $(mark "$r <= 0.5"))"
done
printf '   %-52s %8s\n' "  --format csv --fields $fields_cells" "$t_csv_f" \
    "  --format tsv --fields $fields_cells" "$t_tsv_f" \
    "  --format jsonl --fields $fields_json" "$t_jsonl_f"
for k in csv tsv jsonl; do
    r=$(ratio "$(eval echo "\$t_${k}_f")" "$t_awk")
    echo "   $k --fields / mawk: $r (target <= 0.50: $(mark "$r <= 0.5"))"
done
bytes_awk=$(awk_join "$legs" | wc -c)
mb() { awk -v b="$1" 'BEGIN { printf "%.0f MB", b / 1e6 }'; }
echo "   floor of the default rows: only moving their bytes, cat FILE | cat >/dev/null"
echo "   (mawk writes $(mb "$bytes_awk")): csv $(mb "$bytes_csv") $t_floor_csv s ($(ratio "$t_floor_csv" "$t_awk") x mawk)," \
    "jsonl $(mb "$bytes_jsonl") $t_floor_jsonl s ($(ratio "$t_floor_jsonl" "$t_awk") x mawk)"
echo "   and the pipe alone, as many bytes from /dev/zero (head -c BYTES /dev/zero | cat >/dev/null):" \
    "csv $t_pipe_csv s ($(ratio "$t_pipe_csv" "$t_awk") x mawk), jsonl $t_pipe_jsonl s ($(ratio "$t_pipe_jsonl" "$t_awk") x mawk)"
rm -f "$floor/out.csv" "$floor/out.jsonl"
printf '   %-52s %8s\n' "CSV input with a person column: mawk -F, join" "$t_awk_csv" \
    "  warrantcheck itinerary FILE.csv --format csv" "$t_csv_input"
echo "   csv input / mawk: $(ratio "$t_csv_input" "$t_awk_csv")"
echo

# ------------------------------------------------------ 2. --all
head -n "$legs_all" "$legs" >"$work/legs-all.txt"
n_persons=$("$bin" persons --format csv --no-header 2>/dev/null | wc -l)
echo "2. itinerary --all over $legs_all legs ($n_persons persons a leg), into a pipe, median of $rounds"
for f in csv jsonl text tsv; do
    for _ in $(seq "$rounds"); do wall "$bin" itinerary --max-errors 0 "$work/legs-all.txt" --all --format "$f"; done >"$work/t-all-$f"
    t=$(median <"$work/t-all-$f")
    us=$(awk -v t="$t" -v n="$legs_all" -v p="$n_persons" 'BEGIN { printf "%.3f", t * 1e6 / (n * p) }')
    case $f in csv | jsonl) target=" (target <= 1: $(mark "$us <= 1"))" ;; *) target="" ;; esac
    printf '   %-6s %8s s  %s us a row%s\n' "$f" "$t" "$us" "$target"
done
# The --fields form: a row without notes lets the verdict cache keep whole runs.
for f in csv jsonl; do
    list=line,person,iso2,verdict
    [ $f = jsonl ] && list=line,person,country,verdict
    for _ in $(seq "$rounds"); do wall "$bin" itinerary --max-errors 0 "$work/legs-all.txt" --all --format "$f" --fields "$list"; done >"$work/t-all-$f-f"
    t=$(median <"$work/t-all-$f-f")
    us=$(awk -v t="$t" -v n="$legs_all" -v p="$n_persons" 'BEGIN { printf "%.3f", t * 1e6 / (n * p) }')
    printf '   %-6s %8s s  %s us a row (--fields %s)\n' "$f" "$t" "$us" "$list"
done
echo

# ---------------------------------------------------- 3. peak memory
peak() {
    { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } |
        awk -F': ' '/Maximum resident set size/ { print $2 }'
}
echo "3. peak memory (maximum resident set, /usr/bin/time -v), KiB"
largest=0
for n in $sizes; do
    f="$work/legs-$n.txt"
    if [ "$n" -le "$legs_main" ]; then head -n "$n" "$legs" >"$f"; else
        for _ in $(seq $((n / legs_main))); do cat "$legs"; done >"$f"; fi
    line="   $(printf '%9d legs:' "$n")"
    for f_ in text csv tsv jsonl json; do
        kb=$(peak "$bin" itinerary --max-errors 0 "$f" --person putin --format "$f_")
        line="$line  $f_ $kb"
        [ "$kb" -gt "$largest" ] && largest=$kb
    done
    echo "$line"
    rm -f "$f"
done
for f_ in csv jsonl; do
    kb=$(peak "$bin" itinerary --max-errors 0 "$work/legs-all.txt" --all --format "$f_")
    echo "   --all $legs_all legs, $f_: $kb"
    [ "$kb" -gt "$largest" ] && largest=$kb
done
echo "   largest $largest KiB (target < 8192: $(mark "$largest < 8192"))"
echo

# ------------------------------------------------------- 4. typos
echo "4. one typo on every line against good lines, $legs_main lines each, median of $rounds"
mawk -v n="$legs_main" 'BEGIN { for (i = 0; i < n; i++) print "2024-09-03 Mongolai" }' >"$work/typos.txt"
mawk -v n="$legs_main" 'BEGIN { for (i = 0; i < n; i++) print "2024-09-03 Mongolia" }' >"$work/good.txt"
for _ in $(seq "$rounds"); do wall "$bin" itinerary --max-errors 0 "$work/typos.txt" --person putin; done >"$work/t-typo"
for _ in $(seq "$rounds"); do wall "$bin" itinerary --max-errors 0 "$work/good.txt" --person putin; done >"$work/t-good"
t_typo=$(median <"$work/t-typo")
t_good=$(median <"$work/t-good")
r=$(ratio "$t_typo" "$t_good")
echo "   typos $t_typo s, good $t_good s: $r (target < 2: $(mark "$r < 2"))"
echo

# ------------------------------------------------------- 5. start-up
# loop N CMD...: the mean wall seconds of one run, from N runs in a row.
loop() {
    local n=$1
    shift
    local t
    t=$( { TIMEFORMAT=%R; time for _ in $(seq "$n"); do "$@" >/dev/null 2>&1; done; } 2>&1)
    awk -v t="$t" -v n="$n" 'BEGIN { printf "%.5f", t / n }'
}
loop3() {
    local best="" t
    for _ in 1 2 3; do
        t=$(loop "$@")
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    done
    echo "$best"
}
# The same question put to jq over the data file, as a script would
# without warrantcheck: for comparison, not a target.
jq_today=$(date -u +%Y-%m-%d)
jq_question='(.countries[] | select(.name == "Mongolia") | .iso2) as $c
  | [.rome_statute[] | select(.iso2 == $c)
     | .in_force != null and .in_force <= $today
       and ([(.withdrawals // [])[] | select(.effective != null and .effective.date <= $today
                                     and .revoked == null)] | length == 0)]
  | any'
[ "$(jq -r --arg today "$jq_today" "$jq_question" "$data")" = true ] ||
    { echo "run.sh: the jq baseline does not answer 'true'" >&2; exit 1; }
echo "5. start-up: is Mongolia a State Party today? mean wall seconds of $spawns runs, best of 3"
t_true=$(loop3 "$spawns" /bin/true)
t_wc=$(loop3 "$spawns" "$bin" country Mongolia)
t_jq=$(loop3 "$spawns" jq -r --arg today "$jq_today" "$jq_question" "$data")
printf '   %-44s %8s\n' "/bin/true" "$t_true" "warrantcheck country Mongolia" "$t_wc" \
    "jq on data/warrantcheck.json (the same question)" "$t_jq"
r=$(ratio "$t_wc" "$t_true")
echo "   warrantcheck / true: $r (target < 2: $(mark "$r < 2")); jq / warrantcheck: $(ratio "$t_jq" "$t_wc")"
if command -v valgrind >/dev/null; then
    ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" country Mongolia 2>&1 \
        >/dev/null | awk '/Collected/ { print $NF }')
    echo "   instructions (callgrind): $ir (target < 1000000: $(mark "$ir < 1000000"))"
else
    echo "   instructions: valgrind not installed"
fi
