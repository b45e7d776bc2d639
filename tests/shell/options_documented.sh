#!/usr/bin/env bash
# Every command and every long option of every command, as the program's own
# --help lists them, appears in the man page and is offered by the shell
# completions (`warrantcheck __complete`, which all three scripts ask), for
# that command; and the completions offer nothing --help does not list.
# Needs mandoc to render the page; exit 77 (skipped) without it.
#   options_documented.sh BINARY MANPAGE
set -u
bin=$1
page=$2
command -v mandoc >/dev/null || { echo "mandoc is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mandoc -T ascii "$page" 2>/dev/null | col -b >"$work/man" || { echo "mandoc failed"; exit 1; }
fail=0

commands=$("$bin" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 0 && !/^Commands:/ {print $1}')
[ "$(wc -w <<<"$commands")" -ge 9 ] || { echo "too few commands in --help: $commands"; exit 1; }

# options HELP: the long options in a --help text.
options() { grep -oE -- '--[a-z][a-z-]*' | sort -u; }

man=$(<"$work/man")
nl=$'\n'
offered_commands=$("$bin" __complete "" | sort)
[ "$offered_commands" = "$(sort <<<"$commands")" ] ||
    { printf 'completion offers the commands\n%s\nbut --help lists\n%s\n' \
          "$offered_commands" "$commands"; fail=1; }
for cmd in $commands; do
    [[ $man =~ (^|$nl)\ +warrantcheck\ $cmd( |$nl) ]] ||
        { echo "man page: no synopsis for '$cmd'"; fail=1; }
    help=$("$bin" "$cmd" --help) || { echo "$cmd --help failed"; fail=1; continue; }
    [ "$help" = "$("$bin" help "$cmd")" ] || { echo "help $cmd is not $cmd --help"; fail=1; }
    opts=$(sed -n '/^Options:/,$p' <<<"$help" | options)
    [ -n "$opts" ] || { echo "$cmd --help lists no options"; fail=1; }
    offered=$("$bin" __complete "$cmd" -- | sort)
    [ "$offered" = "$opts" ] ||
        { printf "completion offers '%s' the options\n%s\nbut its --help lists\n%s\n" \
              "$cmd" "$offered" "$opts"; fail=1; }
    for opt in $opts; do
        [[ $man =~ (^|[^a-z-])$opt([^a-z-]|$) ]] ||
            { echo "man page: no $opt (of '$cmd')"; fail=1; }
    done
done
exit $fail
