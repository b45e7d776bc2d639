#!/usr/bin/env bash
# Checks `warrantcheck map`: map_check.sh BINARY WHAT
#   counts  each verdict's countries in the SVG (shapes and markers) and in
#           its legend equal those of `where --all`, for several persons
#           and dates; on 2025-01-01 exactly 125 countries are obliged to
#           arrest Putin
#   xml     the SVG is well-formed XML (xmllint; skipped without it)
#   render  rsvg-convert draws it as a PNG (skipped without it)
#   out     --out writes the same bytes as stdout, replaces a file whole and
#           leaves it as it was when writing fails
# Exit status 77 means skipped (CTest's SKIP_RETURN_CODE).
set -u
bin=$1
what=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# verdicts_in_svg FILE: "COUNT VERDICT" lines, one per verdict drawn, each
# country counted once though a small state has a shape and a marker.
verdicts_in_svg() {
    grep -o 'id="\(marker-\)\{0,1\}[A-Z][A-Z]" class="\(country\|marker\) [a-z-]*"' "$1" |
        sed 's/^id="\(marker-\)\{0,1\}\([A-Z][A-Z]\)" class="[a-z]* \([a-z-]*\)"$/\2 \3/' |
        sort -u | awk '{print $2}' | sort | uniq -c | awk '{print $1, $2}'
}

# verdicts_in_legend FILE: "COUNT VERDICT" for each legend row with a count.
verdicts_in_legend() {
    grep -o 'id="legend-[a-z-]*" data-count="[0-9]*"' "$1" |
        sed 's/^id="legend-\([a-z-]*\)" data-count="\([0-9]*\)"$/\2 \1/' |
        awk '$1 > 0' | sort -k2
}

# verdicts_in_where PERSON DATE: the same from `where --all`.
verdicts_in_where() {
    "$bin" where "$1" --all --on "$2" --format jsonl |
        jq -r 'if .through != null and (.verdict | startswith("obliged")) then "obliged-territory" else .verdict end' |
        sort | uniq -c |
        awk '{print $1, $2}'
}

case $what in
counts)
    for person_date in putin:2003-01-01 putin:2019-03-17 putin:2025-01-01 \
        al-bashir:2019-03-17 al-bashir:2025-01-01 netanyahu:2025-04-04; do
        person=${person_date%%:*}
        date=${person_date#*:}
        "$bin" map "$person" --on "$date" >"$work/map.svg" 2>"$work/stderr" ||
            { echo "map $person --on $date failed:"; cat "$work/stderr"; fail=1; continue; }
        verdicts_in_where "$person" "$date" >"$work/where"
        if [ ! -s "$work/where" ]; then
            echo "where $person --on $date printed nothing"
            fail=1
        fi
        verdicts_in_svg "$work/map.svg" >"$work/drawn"
        verdicts_in_legend "$work/map.svg" >"$work/legend"
        for got in drawn legend; do
            if ! diff -u "$work/where" "$work/$got" >"$work/diff"; then
                echo "$person $date: verdicts $got in the map differ from where --all:"
                cat "$work/diff"
                fail=1
            fi
        done
    done
    # Exactly 125 countries, shapes or markers, in the fill the legend gives
    # to "obliged".
    "$bin" map putin --on 2025-01-01 >"$work/map.svg"
    fill=$(grep -o '<g id="legend-obliged"[^>]*><rect [^>]* fill="#[0-9a-f]*"' "$work/map.svg" |
        sed 's/.*fill="//; s/"$//')
    obliged=$(grep -o "id=\"\\(marker-\\)\\{0,1\\}[A-Z][A-Z]\" class=\"[a-z -]*\" fill=\"$fill\"" \
        "$work/map.svg" | grep -o '[A-Z][A-Z]' | sort -u | wc -l)
    if [ -z "$fill" ] || [ "$obliged" != 125 ]; then
        echo "putin 2025-01-01: $obliged countries in the obliged fill '$fill', expected 125"
        fail=1
    fi
    ;;
xml)
    command -v xmllint >/dev/null || { echo "xmllint not installed: skipped"; exit 77; }
    for args in "map putin --on 2025-01-01" "map al-bashir --on 2019-03-17" \
        "where putin --on 2003-01-01 --format svg"; do
        # shellcheck disable=SC2086 # the arguments are meant to split
        "$bin" $args >"$work/map.svg" 2>/dev/null
        if ! xmllint --noout "$work/map.svg" 2>"$work/xmllint"; then
            echo "$args: not well-formed XML:"
            head -20 "$work/xmllint"
            fail=1
        fi
    done
    ;;
render)
    command -v rsvg-convert >/dev/null || { echo "rsvg-convert not installed: skipped"; exit 77; }
    "$bin" map putin --on 2025-01-01 >"$work/map.svg"
    if ! rsvg-convert -w 1000 -o "$work/map.png" "$work/map.svg" 2>"$work/rsvg"; then
        echo "rsvg-convert failed:"
        cat "$work/rsvg"
        fail=1
    elif [ "$(head -c 4 "$work/map.png" | od -An -c | tr -d ' ')" != '211PNG' ] ||
        [ "$(stat -c %s "$work/map.png")" -lt 20000 ]; then
        echo "rsvg-convert did not make a plausible PNG"
        fail=1
    fi
    ;;
out)
    "$bin" map putin --on 2025-01-01 >"$work/stdout.svg"
    "$bin" map putin --on 2025-01-01 --out "$work/out.svg" >"$work/stdout" 2>"$work/stderr"
    status=$?
    if [ "$status" != 0 ] || [ -s "$work/stdout" ] || [ -s "$work/stderr" ] ||
        ! cmp -s "$work/stdout.svg" "$work/out.svg"; then
        echo "--out: exit $status, or output on stdout/stderr, or a file unlike stdout"
        fail=1
    fi
    # Replacing: the old content goes, no temporary file stays.
    echo old >"$work/old.svg"
    "$bin" map putin --on 2025-01-01 --out "$work/old.svg" 2>/dev/null
    if ! cmp -s "$work/stdout.svg" "$work/old.svg"; then
        echo "--out did not replace an existing file"
        fail=1
    fi
    if ls "$work"/*.svg.* >/dev/null 2>&1; then
        echo "--out left a temporary file: $(ls "$work")"
        fail=1
    fi
    # A write that fails exits 5 and leaves the file as it was.
    if [ "$(id -u)" != 0 ]; then
        mkdir "$work/ro"
        echo keep >"$work/ro/map.svg"
        chmod a-w "$work/ro"
        "$bin" map putin --on 2025-01-01 --out "$work/ro/map.svg" 2>"$work/stderr"
        status=$?
        chmod u+w "$work/ro"
        if [ "$status" != 5 ] || [ "$(cat "$work/ro/map.svg")" != keep ] ||
            ! grep -q "^warrantcheck: error: cannot write '.*/ro/map.svg': " "$work/stderr"; then
            echo "--out into a read-only directory: exit $status, expected 5 and the file kept"
            cat "$work/stderr"
            fail=1
        fi
    fi
    ;;
*)
    echo "map_check.sh: unknown check '$what'"
    exit 2
    ;;
esac
exit $fail
