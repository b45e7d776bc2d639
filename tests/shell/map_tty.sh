#!/usr/bin/env bash
# `map` and `where --format svg` on a terminal refuse to dump SVG into it
# (exit 2, pointing to --out FILE or a redirection); into a pipe or with
# --out they draw. The terminal is script(1)'s; exit 77 without it.
#   map_tty.sh BINARY
set -u
bin=$1
fail=0
command -v script >/dev/null || { echo "script(1) is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# on_tty ARG...: runs the program on a terminal; its output goes to
# $tmp/out and its exit status to $tmp/rc.
on_tty() {
    local cmd
    printf -v cmd '%q ' "$bin" "$@"
    script -qec "$cmd; echo \$? > $tmp/rc" /dev/null </dev/null | tr -d '\r' > "$tmp/out"
}
for args in "map putin --on 2025-01-01" "where putin --on 2025-01-01 --format svg"; do
    # shellcheck disable=SC2086
    on_tty $args
    [ "$(cat "$tmp/rc")" = 2 ] || { echo "$args: exit $(cat "$tmp/rc"), expected 2"; fail=1; }
    # The error is wrapped to the terminal's width: read its words as one line.
    tr -s ' \n' '  ' <"$tmp/out" | grep -q -- 'use --out FILE or redirect' ||
        { echo "$args: no advice"; fail=1; }
    ! grep -q '<svg' "$tmp/out" || { echo "$args: SVG on the terminal"; fail=1; }
done
# With --out the terminal gets nothing and the file the map.
on_tty map putin --on 2025-01-01 --out "$tmp/map.svg"
[ "$(cat "$tmp/rc")" = 0 ] && grep -q '<svg' "$tmp/map.svg" || { echo "--out: no map"; fail=1; }
# A pipe gets the map.
"$bin" map putin --on 2025-01-01 | grep -q '<svg' || { echo "a pipe: no map"; fail=1; }
exit $fail
