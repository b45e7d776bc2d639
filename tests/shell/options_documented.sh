#!/usr/bin/env bash
# Every command and every long option of every command, as the program's own
# --help lists them, appears in the man page and in each shell's generated
# completion (in bash, among that command's options). Needs mandoc to render
# the page; exit 77 (skipped) without it.
#   options_documented.sh BINARY MANPAGE
set -u
bin=$1
page=$2
command -v mandoc >/dev/null || { echo "mandoc is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mandoc -T ascii "$page" 2>/dev/null | col -b >"$work/man" || { echo "mandoc failed"; exit 1; }
for shell in bash zsh fish; do
    "$bin" completion "$shell" >"$work/$shell" || { echo "completion $shell failed"; exit 1; }
done
fail=0

commands=$("$bin" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 0 && !/^Commands:/ {print $1}')
[ "$(wc -w <<<"$commands")" -ge 9 ] || { echo "too few commands in --help: $commands"; exit 1; }

# options HELP: the long options in a --help text.
options() { grep -oE -- '--[a-z][a-z-]*' | sort -u; }

man=$(<"$work/man")
bash_script=$(<"$work/bash")
zsh_script=$(<"$work/zsh")
fish_script=$(<"$work/fish")
nl=$'\n'
for cmd in $commands; do
    [[ $man =~ (^|$nl)\ +warrantcheck\ $cmd( |$nl) ]] ||
        { echo "man page: no synopsis for '$cmd'"; fail=1; }
    [[ $bash_script == *" $cmd)"* ]] || { echo "bash: no command '$cmd'"; fail=1; }
    [[ $zsh_script == *"'$cmd:"* ]] || { echo "zsh: no command '$cmd'"; fail=1; }
    [[ $fish_script == *"-a $cmd -d"* ]] || { echo "fish: no command '$cmd'"; fail=1; }
    help=$("$bin" "$cmd" --help) || { echo "$cmd --help failed"; fail=1; continue; }
    opts=$(sed -n '/^Options:/,$p' <<<"$help" | options)
    [ -n "$opts" ] || { echo "$cmd --help lists no options"; fail=1; }
    bash_line=$(grep -E "^ +$cmd\) _warrantcheck_add --" <<<"$bash_script")" "
    fish_lines=$(grep -F "__warrantcheck_in" <<<"$fish_script" | grep -E "[ ']$cmd[ ']")
    for opt in $opts; do
        [[ $man =~ (^|[^a-z-])$opt([^a-z-]|$) ]] ||
            { echo "man page: no $opt (of '$cmd')"; fail=1; }
        [[ $bash_line == *" $opt "* ]] || { echo "bash: '$cmd' does not offer $opt"; fail=1; }
        [[ $zsh_script == *"'$opt:"* ]] || { echo "zsh: no $opt"; fail=1; }
        [[ $fish_lines =~ -l\ ${opt#--}( |$nl|$) ]] ||
            { echo "fish: '$cmd' does not offer $opt"; fail=1; }
    done
done
exit $fail
