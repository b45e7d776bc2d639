#!/bin/bash
# The rules corpus through the binary: every row of verdicts.tsv as
#   warrantcheck --data rules.json can PERSON COUNTRY --on DATE --format json
# comparing the verdict, the deciding warrant, the basis, the note kinds
# (note-kinds.tsv) and the exit status (0 for obliged*, 1 otherwise).
# The library driver (test_rules.c) reads the same files.
#
# usage: run_cli.sh WARRANTCHECK RULES_DIR
# WC_TEST_WRAPPER runs the program under another (valgrind), as in tests/cli.
set -u
bin=$1
dir=$2
data=$dir/rules.json

kinds=()
patterns=()
while IFS=$'\t' read -r kind pattern; do
    [[ -z $kind || $kind == \#* ]] && continue
    kinds+=("$kind")
    patterns+=("$pattern")
done <"$dir/note-kinds.tsv"
if [ "${#kinds[@]}" -eq 0 ]; then
    echo "no note kinds in $dir/note-kinds.tsv"
    exit 1
fi

# Prints the one kind whose pattern the note contains, or a complaint.
classify() {
    local note=$1 found="" i
    for i in "${!kinds[@]}"; do
        if [[ $note == *"${patterns[i]}"* ]]; then
            [ -n "$found" ] && { echo "AMBIGUOUS($found,${kinds[i]})"; return; }
            found=${kinds[i]}
        fi
    done
    echo "${found:-UNCLASSIFIED}"
}

# A comma-separated list of kinds as one sorted line.
sorted() {
    [ "$1" = - ] && return
    tr ',' '\n' <<<"$1" | LC_ALL=C sort | paste -sd, -
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rows=0 failed=0 line=0
declare -A seen_verdict seen_kind
while IFS= read -r text; do
    line=$((line + 1))
    [[ -z $text || $text == \#* ]] && continue
    IFS=$'\t' read -r person country date verdict warrant basis notes extra <<<"$text"
    where="verdicts.tsv:$line: $person $country $date"
    if [ -z "${notes:-}" ] || [ -n "${extra:-}" ]; then
        echo "$where: expected 7 tab-separated columns"
        failed=$((failed + 1))
        continue
    fi
    rows=$((rows + 1))
    seen_verdict[$verdict]=1
    if [ "$notes" != - ]; then
        IFS=, read -ra list <<<"$notes"
        for k in "${list[@]}"; do seen_kind[$k]=1; done
    fi
    set -- --data "$data" can "$person" "$country" --on "$date" --format json
    if [ -n "${WC_TEST_WRAPPER:-}" ]; then
        # shellcheck disable=SC2086 # the wrapper is a command and its options
        $WC_TEST_WRAPPER "$bin" "$@" >"$tmp/out" 2>"$tmp/err" 9>"$tmp/wrapper.log"
    else
        "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    fi
    status=$?
    if [ -n "${WC_TEST_WRAPPER:-}" ] && [ "$status" = "${WC_TEST_WRAPPER_STATUS:-99}" ]; then
        echo "$where: the wrapper found a fault:"
        cat "$tmp/wrapper.log"
        failed=$((failed + 1))
        continue
    fi
    case $verdict in
    obliged*) want_status=0 ;;
    *) want_status=1 ;;
    esac
    got=()
    if [ "$status" -le 1 ]; then
        mapfile -t got < <(jq -r '.verdict, (.warrant // "-"), (.basis // "-"),
                                  (.notes | length), .notes[]' "$tmp/out" 2>>"$tmp/err")
    fi
    if [ "${#got[@]}" -lt 4 ] || [ "${#got[@]}" -ne $((4 + got[3])) ]; then
        echo "FAIL $where: no JSON verdict (exit status $status):"
        head -c 2000 "$tmp/err"
        failed=$((failed + 1))
        continue
    fi
    problems=()
    [ "$status" = "$want_status" ] || problems+=("exit status $status, expected $want_status")
    [ "${got[0]}" = "$verdict" ] || problems+=("verdict ${got[0]}, expected $verdict")
    [ "${got[1]}" = "$warrant" ] || problems+=("warrant ${got[1]}, expected $warrant")
    [ "${got[2]}" = "$basis" ] || problems+=("basis '${got[2]}', expected '$basis'")
    got_kinds=()
    for ((i = 4; i < 4 + got[3]; i++)); do
        got_kinds+=("$(classify "${got[i]}")")
    done
    got_list=-
    [ "${#got_kinds[@]}" -gt 0 ] && got_list=$(IFS=,; echo "${got_kinds[*]}")
    [ "$(sorted "$got_list")" = "$(sorted "$notes")" ] ||
        problems+=("notes $got_list, expected $notes")
    if [ "${#problems[@]}" -gt 0 ]; then
        failed=$((failed + 1))
        echo "FAIL $where:"
        printf '  %s\n' "${problems[@]}"
        for ((i = 4; i < 4 + got[3]; i++)); do
            printf '  note [%s] %s\n' "$(classify "${got[i]}")" "${got[i]}"
        done
    fi
done <"$dir/verdicts.tsv"

# The corpus must cover every verdict word and every note kind.
for v in obliged obliged-residual obliged-unsc not-obliged no-warrant in-custody; do
    [ -n "${seen_verdict[$v]:-}" ] || { echo "no row expects the verdict $v"; failed=$((failed + 1)); }
done
for k in "${kinds[@]}"; do
    [ -n "${seen_kind[$k]:-}" ] || { echo "no row expects the note kind $k"; failed=$((failed + 1)); }
done
for k in "${!seen_kind[@]}"; do
    [[ " ${kinds[*]} " == *" $k "* ]] || { echo "verdicts.tsv names an unknown note kind $k"; failed=$((failed + 1)); }
done

echo "rules.cli: $rows rows, $failed failed"
[ "$rows" -gt 0 ] && [ "$failed" -eq 0 ]
