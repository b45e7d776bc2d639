#!/usr/bin/env bash
# Colour on a terminal: `--color auto` (the default) colours the verdict when
# stdout is a terminal, and not with NO_COLOR set (any non-empty value) or
# TERM=dumb; `--color never` wins on a terminal; `country` colours the
# verdict words of its warrant list the same way. The terminal is a
# pseudo-terminal from script(1) (util-linux); exit 77 (skipped) without it.
# The cases without a terminal are CLI cases (tests/cli/cases/color-*).
#   color_tty.sh BINARY
set -u
bin=$1
fail=0
esc=$'\033['

# Through a pipe, auto means no colour.
out=$(env -u NO_COLOR TERM=xterm "$bin" can putin mongolia --on 2024-09-03 | cat)
[[ $out == *obliged* && $out != *"$esc"* ]] || { echo "a pipe: escape codes or no verdict"; fail=1; }

command -v script >/dev/null || { echo "script(1) is not installed"; exit 77; }

# on_tty [NAME=VALUE...] [-- ARG...]: runs `$query ARG...` (can putin
# mongolia unless set) on a terminal, with NO_COLOR unset and TERM=xterm
# unless the assignments say otherwise, and prints what it wrote.
query=(can putin mongolia)
on_tty() {
    local vars=() args=() cmd
    while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    args=("$@")
    printf -v cmd '%q ' env -u NO_COLOR -u WARRANTCHECK_PAGER PAGER=cat TERM=xterm "${vars[@]}" \
        "$bin" "${query[@]}" --on 2024-09-03 "${args[@]}"
    script -qec "$cmd" /dev/null </dev/null
}

# expect YES|NO WHAT [NAME=VALUE...] [-- ARG...]: whether the output has
# escape codes.
expect() {
    local want=$1 what=$2 out got
    shift 2
    out=$(on_tty "$@")
    grep -q "obliged" <<<"$out" || { echo "$what: no verdict in: $out"; fail=1; return; }
    if [[ $out == *"$esc"* ]]; then got=YES; else got=NO; fi
    [ "$got" = "$want" ] || { echo "$what: escape codes: $got, expected $want"; fail=1; }
}

expect YES "a terminal"
expect NO "NO_COLOR=1" NO_COLOR=1
expect YES "NO_COLOR empty" NO_COLOR=
expect NO "TERM=dumb" TERM=dumb
expect NO "--color never" -- --color never
expect YES "NO_COLOR=1 --color always" NO_COLOR=1 -- --color=always

# country: the warrant list's verdict words, blue where an arrest is owed.
query=(country mongolia)
expect YES "country: a terminal"
expect NO "country: NO_COLOR=1" NO_COLOR=1
expect NO "country: TERM=dumb" TERM=dumb
expect NO "country: --color never" -- --color never
expect YES "country: NO_COLOR=1 --color always" NO_COLOR=1 -- --color=always
out=$(on_tty)
blue=$(grep -c $'^  Vladimir Putin  *\033\[1;34mobliged\033\[0m' <<<"$(tr -d '\r' <<<"$out")")
[ "$blue" = 1 ] || { echo "country: Putin's line is not 'obliged' in blue"; fail=1; }
out=$(env -u NO_COLOR TERM=xterm "$bin" country mongolia --on 2024-09-03 | cat)
[[ $out == *obliged* && $out != *"$esc"* ]] || { echo "country, a pipe: escape codes"; fail=1; }
exit $fail
