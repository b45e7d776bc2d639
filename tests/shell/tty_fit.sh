#!/usr/bin/env bash
# Text that fits a terminal: on a pseudo-terminal of 80 columns and 24 rows
# (script(1), util-linux), `can putin mongolia --on 2024-09-03` has no line
# wider than 80 display columns, at most 24 lines, and its verdict in the
# first three; `--sources` lists every source with its address; through a
# pipe nothing is wrapped. Exit 77 (skipped) without script(1).
#   tty_fit.sh BINARY
set -u
bin=$1
fail=0
command -v script >/dev/null || { echo "script(1) is not installed"; exit 77; }

# on_tty COLS ROWS ARG...: runs the program on a terminal of that size and
# prints what it wrote, without colour escapes and carriage returns.
on_tty() {
    local cols=$1 rows=$2 cmd
    shift 2
    printf -v cmd '%q ' "$bin" "$@"
    script -qec "stty cols $cols rows $rows; $cmd" /dev/null </dev/null |
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

# A pipe gets unwrapped text: the long note stays one line.
out=$("$bin" can putin mongolia --on 2024-09-03 | cat)
width=$(printf '%s\n' "$out" | widest)
[ "$width" -gt 200 ] || { echo "a pipe: text was wrapped (widest $width)"; fail=1; }
exit $fail
