#!/usr/bin/env bash
# Every command and every long option of every command, as the program's own
# --help lists them, appears in the man page and is offered by the shell
# completions (`warrantcheck __complete`, which all three scripts ask), for
# that command; and the completions offer nothing --help does not list.
# The other way: every option (long or short) the man page names is one some
# --help lists, every short option of --help is in the page, and every
# command the page describes (COMMANDS, `data` subcommands included) is one
# of the program's.
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
# The other way round: the page's options and commands are the program's.
all_help=$("$bin" --help; for cmd in $commands; do "$bin" "$cmd" --help; done)
program_opts=$(sed -n '/^Options:/,/^$/p' <<<"$all_help" |
    grep -oE -- '(^|[ ,])-[a-zA-Z]([ ,]|$)|--[a-z][a-z-]*' | tr -d ' ,' | sort -u)
page_opts=$(grep -oE 'Fl (\\-[a-z\\-]*|[a-zA-Z])( |$)' "$page" |
    sed -e 's/^Fl //' -e 's/\\-/-/g' -e 's/ $//' |
    sed -e 's/^/-/' | grep -vx -- '-' | sort -u)
for opt in $page_opts; do
    grep -qxF -- "$opt" <<<"$program_opts" ||
        { echo "man page: $opt is no option of the program"; fail=1; }
done
for opt in $(grep -x -- '-[a-zA-Z]' <<<"$program_opts"); do
    grep -qxF -- "$opt" <<<"$page_opts" || { echo "man page: no $opt"; fail=1; }
done
# Subcommands: the alternatives of a command's --help line (data info|...).
data_words=$("$bin" --help | sed -n '/^Commands:/,/^$/p' | awk '$1 == "data" {print $2}' | tr '|' ' ')
[ -n "$data_words" ] || { echo "--help lists no data subcommands"; fail=1; }
page_cmds=$(sed -n '/^\.Sh COMMANDS/,/^\.Sh /p' "$page" | sed -n 's/^\.It Cm \([a-z]*\)\( \([a-z]*\)\)\{0,1\}.*/\1 \3/p')
while read -r cmd sub; do
    grep -qxF -- "$cmd" <<<"$commands" || { echo "man page: '$cmd' is no command of the program"; fail=1; }
    if [ "$cmd" = data ]; then
        grep -qw -- "$sub" <<<"$data_words" ||
            { echo "man page: 'data $sub' is no data subcommand ($data_words)"; fail=1; }
    fi
done <<<"$page_cmds"
for sub in $data_words; do
    grep -qx -- "data $sub" <<<"$page_cmds" || { echo "man page: no 'data $sub' in COMMANDS"; fail=1; }
done
for cmd in $commands; do
    grep -q -- "^$cmd " <<<"$page_cmds" || { echo "man page: no '$cmd' in COMMANDS"; fail=1; }
done
exit $fail
