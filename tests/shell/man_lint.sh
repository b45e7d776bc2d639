#!/usr/bin/env bash
# The man page is clean for every reader of it:
# - `mandoc -T lint -W style` reports nothing about it, at any level;
# - groff (what `man` runs) reports no warning (`-ww`), in the C locale too;
# - its source is ASCII, so no locale renders a name as nothing;
# - rendered (mandoc -T utf8, and man -l in C and UTF-8 locales), it shows no
#   quote nested in a quote (‘a, ‘b’’), no empty or doubled quotes, no roff
#   escape or macro name left as text, and its SECTIONS all there.
# Exit 77 (skipped) without mandoc.
#   man_lint.sh MANPAGE
set -u
page=$1
command -v mandoc >/dev/null || { echo "mandoc is not installed"; exit 77; }
fail=0

# mandoc also reports on the system's manual database (an outdated
# mandoc.db); only messages about the page itself count.
out=$(mandoc -T lint -W style "$page" 2>&1)
status=$?
messages=$(grep -F -- "$page:" <<<"$out")
if [ "$status" -ne 0 ] || [ -n "$messages" ]; then
    echo "mandoc -T lint: exit status $status"
    echo "$out"
    fail=1
fi

if command -v groff >/dev/null; then
    for loc in C C.UTF-8; do
        out=$(LC_ALL=$loc groff -mandoc -ww -z "$page" 2>&1)
        [ -z "$out" ] || { echo "groff -ww (LC_ALL=$loc):"; echo "$out" | head -10; fail=1; }
    done
fi

if LC_ALL=C grep -n '[^[:print:][:space:]]' "$page" | head -5 | grep .; then
    echo "$page: bytes outside ASCII (write them as \\[uXXXX], or use an ASCII example)"
    fail=1
fi

# check_rendered NAME: the rendered page on stdin.
check_rendered() {
    local name=$1 text bad
    text=$(cat)
    for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "OUTPUT FORMATS" \
                   ENVIRONMENT FILES "EXIT STATUS" EXAMPLES "SEE ALSO"; do
        grep -qx "$section" <<<"$text" || { echo "$name: no section $section"; fail=1; }
    done
    # A quote opened inside a quote: ‘ or “ again before it closes. (In the
    # C locale the quotes are ASCII and an apostrophe looks the same, so
    # only the UTF-8 renderings can show nesting.)
    # Quotes may open on one line and close on the next: joined paragraphs.
    bad=$(awk 'BEGIN { RS = "" } { gsub(/\n[[:space:]]*/, " "); print }' <<<"$text" |
          grep -oE '‘[^’]*‘[^’]*’|“[^”]*“[^”]*”')
    [ -z "$bad" ] || { echo "$name: a quote inside a quote:"; echo "$bad"; fail=1; }
    # Empty or doubled quotes, and quotes left by \(dq inside Ql/Dq.
    bad=$(grep -nE "\"\"|''|‘’|“”|‘\"|\"’|“\"|\"”" <<<"$text")
    [ -z "$bad" ] || { echo "$name: empty or doubled quotes:"; echo "$bad"; fail=1; }
    # roff left as text: an escape (\- \( \[ \& \f \* \% \| \e \"), or a macro
    # at the start of a line. (\n in the printf example is the example's.)
    bad=$(grep -nE '\\[-([&f*%|e"]|^[[:space:]]*\.[A-Z][a-z]([[:space:]]|$)' <<<"$text")
    [ -z "$bad" ] || { echo "$name: roff left in the text:"; echo "$bad"; fail=1; }
}

mandoc -T utf8 "$page" 2>/dev/null | col -b | check_rendered "mandoc -T utf8"
if command -v man >/dev/null; then
    for loc in C C.UTF-8; do
        LC_ALL=$loc MANWIDTH=80 MANPAGER=cat man -l "$page" 2>/dev/null | col -b |
            check_rendered "man -l (LC_ALL=$loc)"
    done
fi
exit $fail
