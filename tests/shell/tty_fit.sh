#!/usr/bin/env bash
# Text that fits a terminal: on a pseudo-terminal of 80 columns and 24 rows
# (script(1), util-linux), `can putin mongolia --on 2024-09-03` has no line
# wider than 80 display columns, at most 24 lines, and its verdict in the
# first three; `--sources` lists every source with its address; the text of
# where, country, person, trips, persons, countries and events fits 80 and
# 60 columns; so do the diagnostics on stderr (the staleness warning, an
# itinerary's errors and its note), wrapped with a hanging indent under the
# message; through a pipe nothing is wrapped, and a diagnostic to a pipe or
# a file stays one line. Exit 77 (skipped) without script(1).
#   tty_fit.sh BINARY
set -u
bin=$(realpath "$1") # absolute: some runs below start in another directory
fail=0
command -v script >/dev/null || { echo "script(1) is not installed"; exit 77; }

# on_tty COLS ROWS ARG...: runs the program on a terminal of that size and
# prints what it wrote, without colour escapes and carriage returns.
# on_tty_out: the same, stdout only. PAGER=cat: no pager (what is measured
# is the program's own layout, and a pager would wait for keys).
on_tty() {
    local cols=$1 rows=$2 cmd
    shift 2
    printf -v cmd '%q ' env -u WARRANTCHECK_PAGER PAGER=cat "$bin" "$@"
    script -qec "stty cols $cols rows $rows; $cmd" /dev/null </dev/null |
        sed 's/\x1b\[[0-9;]*m//g' | tr -d '\r'
}
on_tty_out() {
    local cols=$1 rows=$2 cmd
    shift 2
    printf -v cmd '%q ' env -u WARRANTCHECK_PAGER PAGER=cat "$bin" "$@"
    script -qec "stty cols $cols rows $rows; $cmd 2>/dev/null" /dev/null </dev/null |
        sed 's/\x1b\[[0-9;]*m//g' | tr -d '\r'
}
# on_tty_err: the same, stderr only (stdout to /dev/null).
on_tty_err() {
    local cols=$1 rows=$2 cmd
    shift 2
    printf -v cmd '%q ' env -u WARRANTCHECK_PAGER PAGER=cat "$bin" "$@"
    script -qec "stty cols $cols rows $rows; $cmd >/dev/null" /dev/null </dev/null |
        sed 's/\x1b\[[0-9;]*m//g' | tr -d '\r'
}
# widest: the widest line in display columns.
widest() { LC_ALL=C.UTF-8 wc -L; }

out=$(on_tty 80 24 can putin mongolia --on 2024-09-03)
lines=$(printf '%s\n' "$out" | wc -l)
width=$(printf '%s\n' "$out" | widest)
echo "80x24: $lines lines, widest $width columns"
[ "$lines" -le 24 ] || { echo "more than 24 lines"; fail=1; }
[ "$width" -le 80 ] || { echo "a line wider than 80 columns"; fail=1; }
head -n 3 <<<"$out" | grep -q '^Yes — Mongolia must arrest' || { echo "no verdict in the first three lines"; fail=1; }
grep -q -- '--sources lists every source' <<<"$out" || { echo "no pointer to --sources"; fail=1; }

# A narrow terminal still wraps (accented and long words included).
out=$(on_tty 50 40 can putin mongolia --on 2024-09-03)
width=$(printf '%s\n' "$out" | widest)
[ "$width" -le 50 ] || { echo "50 columns: a line of $width"; fail=1; }

# --sources: the full list, with addresses.
out=$(on_tty 80 24 can putin mongolia --on 2024-09-03 --sources)
grep -q 'https://' <<<"$out" || { echo "--sources: no address"; fail=1; }
out=$(on_tty 80 24 can putin mongolia --on 2024-09-03 -v)
grep -q 'https://' <<<"$out" || { echo "-v: no address"; fail=1; }

# Every text answer fits the terminal, at 80 columns and at 60; colour
# (on by default on a terminal) takes no columns.
fits() {
    local cols=$1 out width lines
    shift
    out=$(on_tty_out "$cols" 24 "$@")
    width=$(printf '%s\n' "$out" | widest)
    lines=$(printf '%s\n' "$out" | wc -l)
    echo "${cols} columns: $* — $lines lines, widest $width"
    [ "$lines" -ge 2 ] || { echo "  no answer"; fail=1; }
    [ "$width" -le "$cols" ] || { echo "  a line wider than $cols columns"; fail=1; }
}
for cols in 80 60; do
    fits "$cols" where putin --on 2024-09-03
    fits "$cols" where putin --all --on 2024-09-03
    fits "$cols" country Mongolia --on 2024-09-03
    fits "$cols" person putin
    fits "$cols" trips putin
    fits "$cols" persons
    fits "$cols" countries --all --on 2025-01-01
    fits "$cols" events --since 2025-01-01
    fits "$cols" data info
    fits "$cols" data sources
done
# Diagnostics fit too: the staleness warning (a date after any as_of), and
# an itinerary's errors and closing note, which name a file.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '2024-09-03 Mongolai\n2024-09-04 Atlantis of the very long name that goes on\n' \
    >"$work/legs.txt"
stale='warrantcheck: warning: the dataset is current to [0-9-]*; later events are not known'
for cols in 80 60 40; do
    err=$(on_tty_err "$cols" 24 country Mongolia --on 2099-12-31)
    width=$(printf '%s\n' "$err" | widest)
    echo "${cols} columns: the staleness warning — $(wc -l <<<"$err") lines, widest $width"
    [ "$width" -le "$cols" ] || { echo "  a line wider than $cols columns"; fail=1; }
    # The same words, and the further lines indented under the message.
    [[ $(tr -s ' \n' '  ' <<<"$err" | sed 's/ $//') =~ ^$stale$ ]] ||
        { echo "  not the warning's words: $err"; fail=1; }
    [ "$(wc -l <<<"$err")" -ge 2 ] || { echo "  not wrapped"; fail=1; }
    indent=$((cols >= 46 ? 23 : 4))
    if grep -v '^warrantcheck: ' <<<"$err" | grep -vq "^ \{$indent\}[^ ]"; then
        echo "  a further line not indented by $indent:"
        printf '%s\n' "$err"
        fail=1
    fi
    err=$(cd "$work" && on_tty_err "$cols" 24 itinerary legs.txt --person putin)
    width=$(printf '%s\n' "$err" | widest)
    echo "${cols} columns: itinerary errors — $(wc -l <<<"$err") lines, widest $width"
    [ "$width" -le "$cols" ] || { echo "  a line wider than $cols columns"; fail=1; }
    [ "$(grep -c '^warrantcheck: legs.txt:' <<<"$err")" = 3 ] ||
        { echo "  not three messages:"; printf '%s\n' "$err"; fail=1; }
done
# stderr to a pipe or a file, on a terminal's stdout: one line each, for grep.
cmd=$(printf '%q ' "$bin" country Mongolia --on 2099-12-31)
err=$(script -qec "stty cols 60 rows 24; $cmd 2>&1 >/dev/null | cat" /dev/null </dev/null | tr -d '\r')
[[ $err =~ ^$stale$ ]] || { echo "stderr to a pipe: not one line: $err"; fail=1; }
script -qec "stty cols 60 rows 24; $cmd 2>$(printf '%q' "$work/err")" /dev/null </dev/null >/dev/null
[[ $(cat "$work/err") =~ ^$stale$ ]] || { echo "stderr to a file: not one line"; fail=1; }

# A long last column wraps under itself, between words.
out=$(on_tty_out 80 24 trips putin)
grep -q '^2023-10-12\.\.2023-10-13  KG  not-obliged       Kyrgyzstan, Bishkek — not arrested$' \
    <<<"$out" || { echo "trips: the row does not keep its columns"; fail=1; }
grep -qx ' \{46\}(host not a State Party)' <<<"$out" ||
    { echo "trips: the last column does not wrap under itself"; fail=1; }

# data diff: a change with long values wraps, its further lines indented.
data=$(dirname "$0")/../../data/warrantcheck.json
if command -v jq >/dev/null && [ -f "$data" ]; then
    diffs=$(mktemp -d)
    jq '.sources[0].title = ("a very long title " * 20)' "$data" >"$diffs/new.json"
    out=$(on_tty_out 80 24 data diff "$data" "$diffs/new.json")
    rm -rf "$diffs"
    width=$(printf '%s\n' "$out" | widest)
    echo "80 columns: data diff — widest $width"
    [ "$width" -le 80 ] || { echo "  data diff: a line wider than 80 columns"; fail=1; }
    grep -q '^    ' <<<"$out" || { echo "  data diff: no line indented by 4"; fail=1; }
fi

# data install and --remove say what they did within the terminal's width.
if [ -f "$data" ]; then
    xdg=$(mktemp -d)
    out=$(XDG_DATA_HOME=$xdg on_tty_out 80 24 data install "$data"; \
          XDG_DATA_HOME=$xdg on_tty_out 80 24 data install --remove)
    rm -rf "$xdg"
    width=$(printf '%s\n' "$out" | widest)
    echo "80 columns: data install, --remove — widest $width"
    [ "$width" -le 80 ] || { echo "  data install: a line wider than 80 columns"; fail=1; }
    grep -q '^installed dataset' <<<"$out" && grep -q '^removed ' <<<"$out" ||
        { echo "  data install: no 'installed' or 'removed' line"; fail=1; }
fi

# The help fits the terminal too: the general help whole, and each
# command's lists of options (its examples are kept whole, to copy).
out=$(on_tty_out 80 24 --help)
width=$(printf '%s\n' "$out" | widest)
echo "80 columns: --help — widest $width"
[ "$width" -le 80 ] || { echo "  --help: a line wider than 80 columns"; fail=1; }
grep -q '^  data info|validate|sources|status|install|update|diff \[FILE\]$' <<<"$out" ||
    { echo "  --help: the long synopsis is not on a line of its own"; fail=1; }
for cmd in country can where person persons countries trips map itinerary data events \
    completion help; do
    width=$(on_tty_out 80 24 "$cmd" --help | sed -n '/^Options:/,$p' | widest)
    [ "$width" -le 80 ] || { echo "  $cmd --help: an option line of $width columns"; fail=1; }
done
width=$("$bin" where --help | cat | widest)
[ "$width" -gt 100 ] || { echo "a pipe: where --help was wrapped (widest $width)"; fail=1; }

# A pipe gets unwrapped text: the long note stays one line.
out=$("$bin" can putin mongolia --on 2024-09-03 | cat)
width=$(printf '%s\n' "$out" | widest)
[ "$width" -gt 200 ] || { echo "a pipe: text was wrapped (widest $width)"; fail=1; }
for args in "person putin" "country Mongolia --on 2024-09-03" "events --since 2025-01-01"; do
    # shellcheck disable=SC2086
    width=$("$bin" $args 2>/dev/null | cat | widest)
    [ "$width" -gt 100 ] || { echo "a pipe: $args was wrapped (widest $width)"; fail=1; }
done
width=$("$bin" trips putin 2>/dev/null | cat | widest)
[ "$width" -gt 80 ] || { echo "a pipe: trips was wrapped (widest $width)"; fail=1; }
width=$("$bin" data sources 2>/dev/null | cat | widest)
[ "$width" -gt 200 ] || { echo "a pipe: data sources was wrapped (widest $width)"; fail=1; }

# data sources: the citation wraps under itself beside a short id, and
# goes below the id and reliability when long ids leave it too little room.
out=$(on_tty_out 80 24 data sources rs-untc-status)
grep -q '^rs-untc-status  primary    Rome Statute of the International Criminal Court$' \
    <<<"$out" && grep -q '^ \{27\}(MTDSG XVIII-10)' <<<"$out" ||
    { echo "data sources rs-untc-status: the citation does not wrap beside the id"; fail=1; }
out=$(on_tty_out 80 24 data sources)
grep -q '^iso-debian-iso-codes  *reference$' <<<"$out" &&
    grep -q '^    iso-codes 4' <<<"$out" ||
    { echo "data sources: the citation is not below the id, indented by 4"; fail=1; }
exit $fail
