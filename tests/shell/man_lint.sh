#!/usr/bin/env bash
# The man page passes `mandoc -T lint` with no message about it at any level
# (style included). Exit 77 (skipped) without mandoc.
#   man_lint.sh MANPAGE
set -u
command -v mandoc >/dev/null || { echo "mandoc is not installed"; exit 77; }
# mandoc also reports on the system's manual database (an outdated
# mandoc.db); only messages about the page itself count.
out=$(mandoc -T lint -W style "$1" 2>&1)
status=$?
messages=$(grep -F -- "$1:" <<<"$out")
if [ "$status" -ne 0 ] || [ -n "$messages" ]; then
    echo "mandoc -T lint: exit status $status"
    echo "$out"
    exit 1
fi
