#!/usr/bin/env bash
# The pager, as git's: long text on a terminal goes through
# WARRANTCHECK_PAGER, else PAGER, else less, with LESS=FRX when LESS is
# unset; PAGER=cat or empty, --no-pager (-P), --quiet, a machine format or
# a stdout that is no terminal mean none; a pager that quits at once leaves
# the exit status the answer's, with nothing on stderr; one that cannot be
# run leaves the text written directly, with a warning. The terminal is a
# pseudo-terminal from script(1) (util-linux); exit 77 (skipped) without it.
#   pager.sh BINARY
set -u
bin=$1
fail=0
command -v script >/dev/null || { echo "script(1) is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A pager that records its arguments, LESS and LV, and what it read.
cat >"$work/pager" <<'PAGER'
#!/bin/sh
{ echo "args: $*"; echo "LESS=${LESS-unset}"; echo "LV=${LV-unset}"; } >"$PAGER_LOG.env"
cat >"$PAGER_LOG.in"
PAGER
chmod +x "$work/pager"
export PAGER_LOG="$work/log"

# on_tty [NAME=VALUE...] -- ARG...: runs the program on an 80-column
# terminal with the assignments (LESS, WARRANTCHECK_PAGER and PAGER unset
# unless given), its stderr into $work/err; prints what reached the
# terminal and, last, "status=N".
on_tty() {
    local vars=() cmd
    while [ "$1" != -- ]; do vars+=("$1"); shift; done
    shift
    rm -f "$PAGER_LOG.env" "$PAGER_LOG.in"
    printf -v cmd '%q ' env -u LESS -u LV -u WARRANTCHECK_PAGER -u PAGER -u NO_COLOR TERM=xterm \
        "${vars[@]}" "$bin" "$@"
    script -qec "stty cols 80 rows 24; $cmd 2>$work/err; s=\$?; echo; echo status=\$s" /dev/null </dev/null |
        tr -d '\r'
}
# paged WHAT: the fake pager ran; not_paged WHAT: it did not.
paged() { [ -f "$PAGER_LOG.in" ] || { echo "$1: the pager did not run"; fail=1; }; }
not_paged() { [ ! -f "$PAGER_LOG.env" ] || { echo "$1: a pager ran"; fail=1; }; }
# status WANT WHAT OUTPUT: the last line says status=WANT.
status() { [ "$(tail -n 1 <<<"$3")" = "status=$1" ] || { echo "$2: $(tail -n 1 <<<"$3"), want $1"; fail=1; }; }
# quiet_stderr WHAT: nothing reached stderr.
quiet_stderr() { [ ! -s "$work/err" ] || { echo "$1: stderr:"; cat "$work/err"; fail=1; }; }

# PAGER with an argument runs directly; it gets LESS=FRX and LV=-c, the
# whole text, coloured and wrapped for the terminal; the status is the answer's.
out=$(on_tty PAGER="$work/pager -x" -- where netanyahu --verdict not-obliged --on 2025-06-01)
paged "PAGER"
status 0 "PAGER" "$out"
quiet_stderr "PAGER"
grep -qx 'args: -x' "$PAGER_LOG.env" || { echo "PAGER: arguments: $(head -1 "$PAGER_LOG.env")"; fail=1; }
grep -qx 'LESS=FRX' "$PAGER_LOG.env" || { echo "PAGER: not LESS=FRX"; cat "$PAGER_LOG.env"; fail=1; }
grep -qx 'LV=-c' "$PAGER_LOG.env" || { echo "PAGER: not LV=-c"; fail=1; }
[ "$(grep -c 'not-obliged' "$PAGER_LOG.in")" -gt 50 ] || { echo "PAGER: not the whole list"; fail=1; }
grep -q $'\033\\[' "$PAGER_LOG.in" || { echo "PAGER: --color auto lost its colours"; fail=1; }
head -n 1 "$PAGER_LOG.in" | grep -q '^Benjamin Netanyahu can be arrested' || { echo "PAGER: no headline"; fail=1; }
[ "$(LC_ALL=C.UTF-8 sed 's/\x1b\[[0-9;]*m//g' "$PAGER_LOG.in" | LC_ALL=C.UTF-8 wc -L)" -le 80 ] ||
    { echo "PAGER: not wrapped to the terminal's 80 columns"; fail=1; }
sed -n 2p "$PAGER_LOG.in" | grep -q '^  [a-z]' || { echo "PAGER: no hanging indent"; fail=1; }
[[ $out != *Netanyahu* ]] || { echo "PAGER: the text also reached the terminal"; fail=1; }

# A LESS of the user's own is kept; WARRANTCHECK_PAGER wins over PAGER.
out=$(on_tty LESS=-S WARRANTCHECK_PAGER="$work/pager" PAGER=false -- persons --on 2025-01-01)
paged "WARRANTCHECK_PAGER"
grep -qx 'LESS=-S' "$PAGER_LOG.env" || { echo "LESS=-S was not kept"; fail=1; }
grep -q '^putin ' "$PAGER_LOG.in" || { echo "persons: not through the pager"; fail=1; }

# A pager with shell syntax runs through sh -c.
out=$(on_tty PAGER="PAGER_LOG=$work/log '$work/pager' 'a b'" -- countries --on 2025-01-01)
paged "sh -c"
grep -qx 'args: a b' "$PAGER_LOG.env" || { echo "sh -c: arguments: $(head -1 "$PAGER_LOG.env")"; fail=1; }

# Every command that pages, and the help.
jq '.dataset_version = "2000.1.1"' "$(dirname "$0")/../../data/warrantcheck.json" >"$work/old.json" ||
    { echo "jq failed"; fail=1; }
for args in "where putin --all --on 2025-01-01" "countries --on 2025-01-01" \
    "events --since 2024-01-01 --on 2025-01-01" "trips putin" "person putin" \
    "persons --on 2025-01-01" "help where" "where --help" "--help" "help" \
    "data diff $work/old.json"; do
    # shellcheck disable=SC2086 # args are meant to split
    out=$(on_tty PAGER="$work/pager" -- $args)
    paged "$args"
    [ -s "$PAGER_LOG.in" ] || { echo "$args: the pager read nothing"; fail=1; }
done

# Commands that do not page, and the ways to say no.
for case_ in "can putin mongolia|" "country Mongolia|" "where putin --no-pager|" \
    "where putin -P|" "where putin -q|" "where putin --format csv|" \
    "where putin|WARRANTCHECK_PAGER=cat" "where putin|WARRANTCHECK_PAGER=" \
    "where putin|PAGER=cat" "where putin|PAGER=" "where putin|PAGER=  "; do
    args=${case_%|*} var=${case_#*|}
    vars=(PAGER="$work/pager")
    [ -n "$var" ] && vars=(WARRANTCHECK_PAGER="$work/pager" "$var")
    [[ $var == PAGER=* ]] && vars=("$var")
    [[ $var == WARRANTCHECK_PAGER=* ]] && vars=(PAGER="$work/pager" "$var")
    # shellcheck disable=SC2086
    out=$(on_tty "${vars[@]}" -- $args --on 2025-01-01)
    not_paged "$args ${var:-(PAGER set)}"
    [[ $args == *-q* ]] || grep -q 'Mongolia\|putin\|Putin\|AD' <<<"$out" ||
        { echo "$args $var: nothing on the terminal"; fail=1; }
done

# Not a terminal: no pager, whatever PAGER says.
rm -f "$PAGER_LOG.env"
PAGER="$work/pager" "$bin" where putin --on 2025-01-01 | cat >/dev/null
not_paged "a pipe"
PAGER="$work/pager" "$bin" where putin --on 2025-01-01 >"$work/file"
not_paged "a file"

# A pager that quits at once, before reading (a reader gone): the status
# is the answer's, 0 or 1, and nothing reaches stderr, however long the text.
for case_ in "0|events --since 1990-01-01 --on 2025-06-01" "0|where putin --all --on 2025-06-01" \
    "1|where duterte --on 2025-06-01" "0|help"; do
    want=${case_%%|*} args=${case_#*|}
    for pager in true "sh -c 'exit 3'" "head -c 1"; do
        # shellcheck disable=SC2086
        out=$(on_tty PAGER="$pager" -- $args)
        status "$want" "PAGER=$pager $args" "$out"
        quiet_stderr "PAGER=$pager $args"
    done
done

# A pager that does not exist: the text is written directly, the status is
# the answer's, and a warning says why.
out=$(on_tty PAGER="$work/no-such-pager -R" -- where putin --on 2025-01-01)
status 0 "no such pager" "$out"
grep -q '^Vladimir Putin can be arrested' <<<"$out" || { echo "no such pager: the text was lost"; fail=1; }
grep -q "warning: cannot run the pager '$work/no-such-pager'" "$work/err" ||
    { echo "no such pager: no warning:"; cat "$work/err"; fail=1; }
out=$(on_tty PAGER="no-such-pager-$$" -- where duterte --on 2025-06-01)
status 1 "no such pager on PATH" "$out"
grep -q 'custody' <<<"$out" || { echo "no such pager on PATH: the text was lost"; fail=1; }

# The real less, quit with 'q' on its first screen of a long text: exit
# status 0 and nothing on stderr. The key goes through script(1)'s stdin.
if command -v less >/dev/null; then
    printf -v cmd '%q ' env -u LESS -u WARRANTCHECK_PAGER PAGER=less TERM=xterm \
        "$bin" events --since 1990-01-01 --on 2025-06-01
    out=$( (sleep 1; printf q; sleep 1) |
        timeout 30 script -qec "stty cols 80 rows 24; $cmd 2>$work/err; s=\$?; echo; echo status=\$s" /dev/null |
        tr -d '\r')
    status 0 "less, quit at once" "$out"
    quiet_stderr "less, quit at once"
elif [ -n "${CI:-}" ]; then
    # .ci/install-deps installs less: in CI this part must run.
    echo "less is not installed: the real pager was not tried"
    fail=1
else
    echo "note: less is not installed; the real pager was not tried"
fi
exit $fail
