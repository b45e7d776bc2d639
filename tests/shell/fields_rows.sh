#!/usr/bin/env bash
# --fields changes which fields a row has, and nothing else: for itinerary
# (one person, --all, a CSV input with a person column, --verdict), where
# (--all too) and trips, in every machine format and for several field
# lists, the exit status and stderr are those without --fields, and so are
# the rows: in TSV the --fields output is `cut -f` of the default output
# (header included), in JSONL and JSON each row is the default row with
# the other keys removed (compared through jq), in CSV the rows are as
# many. The itinerary has good legs, ranges, notes, misspelt countries,
# bad dates and legs whose verdict changes inside them.
# Needs jq; exit 77 (skipped) without it.
#   fields_rows.sh BINARY
set -u
bin=$1
command -v jq >/dev/null || { echo "jq is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

countries=(Mongolia MN Hungary HUN Ukraine "South Africa" Tajikistan Gibraltar Jersey
           Burundi Philippines Venezuela Mongolai Ukriane "Cote d'Ivoire" Greenland)
for i in $(seq 0 299); do
    y=$((2003 + i % 24)) m=$((1 + i % 12)) d=$((1 + i % 28))
    c=${countries[$((i * 7 % ${#countries[@]}))]}
    case $((i % 9)) in
    0) printf '%d-%02d-%02d..%d-%02d-%02d %s  # leg %d, "a note", with commas\n' \
           "$y" "$m" "$d" "$y" "$m" "$((d + 1 + i % 3))" "$c" "$i" ;;
    1) printf '%d-13-%02d %s\n' "$y" "$d" "$c" ;;
    2) printf '2024-12-20..2025-01-10 Ukraine\n' ;;
    *) printf '%d-%02d-%02d %s\n' "$y" "$m" "$d" "$c" ;;
    esac
done >"$work/legs.txt"
{
    echo "date,country,person,note"
    for i in $(seq 0 199); do
        p=(putin al-bashir netanyahu duterte nobody)
        printf '2024-%02d-%02d,%s,%s,"n, %d"\n' "$((1 + i % 12))" "$((1 + i % 28))" \
            "${countries[$((i % ${#countries[@]}))]}" "${p[$((i % 5))]}" "$i"
    done
} >"$work/legs.csv"

# run NAME ARGS...: stdout, stderr and status into $work/NAME.*
run() {
    local name=$1
    shift
    "$bin" "$@" >"$work/$name.out" 2>"$work/$name.err" </dev/null
    echo $? >"$work/$name.status"
}

# check LABEL FORMAT LIST ARGS...: ARGS with and without --fields LIST.
check() {
    local label=$1 format=$2 list=$3
    shift 3
    run all "$@" --format "$format"
    run some "$@" --format "$format" --fields "$list"
    local what="$label --format $format --fields $list"
    cmp -s "$work/all.status" "$work/some.status" ||
        { echo "$what: exit status $(cat "$work/some.status"), without --fields $(cat "$work/all.status")"; fail=1; }
    cmp -s "$work/all.err" "$work/some.err" ||
        { echo "$what: stderr differs from the one without --fields"; fail=1; }
    case $format in
    tsv)
        local header idx
        header=$(head -1 "$work/all.out")
        idx=$(tr '\t' '\n' <<<"$header" | grep -nxF -f <(tr ',' '\n' <<<"$list") | cut -d: -f1 |
              paste -sd,)
        cut -f "$idx" "$work/all.out" >"$work/want"
        cmp -s "$work/want" "$work/some.out" ||
            { echo "$what: not cut -f $idx of the default rows"; diff "$work/want" "$work/some.out" | head -4; fail=1; } ;;
    csv)
        [ "$(wc -l <"$work/all.out")" = "$(wc -l <"$work/some.out")" ] ||
            { echo "$what: a different number of lines"; fail=1; } ;;
    jsonl | json)
        local rows='.'
        [ "$format" = json ] && rows='.[]'
        jq -c --arg l "$list" "$rows"' | with_entries(select(.key as $k | $l | split(",") | index($k)))' \
            "$work/all.out" >"$work/want"
        jq -c "$rows" "$work/some.out" >"$work/got"
        cmp -s "$work/want" "$work/got" ||
            { echo "$what: not the default rows less the other keys"; diff "$work/want" "$work/got" | head -4; fail=1; } ;;
    esac
}

cells_lists="line,date,iso2,verdict verdict,notes,note person,person_name,through,state_party note line,end,basis,notes"
json_lists="line,date,country,verdict notes,source_ids,dataset input,note person,through,warrant verdict"
for format in tsv csv jsonl json; do
    lists=$cells_lists
    case $format in json*) lists=$json_lists ;; esac
    for list in $lists; do
        check "itinerary --person putin" "$format" "$list" itinerary "$work/legs.txt" --person putin --max-errors 0
        check "itinerary --all" "$format" "$list" itinerary "$work/legs.txt" --all --max-errors 0
        check "itinerary --all --verdict obliged" "$format" "$list" itinerary "$work/legs.txt" --all \
            --max-errors 0 --verdict obliged
        check "itinerary FILE.csv" "$format" "$list" itinerary "$work/legs.csv" --max-errors 0
    done
done
for format in tsv csv jsonl json; do
    lists="iso2,verdict date,person,country,through,state_party,basis,notes"
    case $format in json*) lists="country,verdict date,person,through,warrant,notes,source_ids,dataset" ;; esac
    for list in $lists; do
        check "where putin --all" "$format" "$list" where putin --all --on 2025-01-01
        check "where netanyahu" "$format" "$list" where netanyahu --on 2025-06-01
    done
    # trips: CSV/TSV have no through, and start, end, city, occasion, outcome.
    lists="start,iso2,verdict,outcome date,person,end,state_party,notes,city,occasion"
    case $format in json*) lists="start,country,through,verdict,outcome notes,end,city,dataset" ;; esac
    for list in $lists; do
        check "trips al-bashir" "$format" "$list" trips al-bashir --on 2025-01-01
        check "trips putin --sources" "$format" "$list" trips putin --sources --on 2025-01-01
    done
done
# A field given twice, in another order and case, is the list in the rows' order.
run a itinerary "$work/legs.txt" --person putin --max-errors 0 --format csv --fields verdict,line
run b itinerary "$work/legs.txt" --person putin --max-errors 0 --format csv --fields "LINE, verdict,line"
cmp -s "$work/a.out" "$work/b.out" || { echo "--fields 'LINE, verdict,line' is not line,verdict"; fail=1; }
exit $fail
