#!/usr/bin/env bash
# Runs the zsh completion that `warrantcheck completion zsh` prints with
# zsh's completion builtins replaced by stubs that print what they are
# given, so it needs zsh but no terminal. The script asks the program
# (`warrantcheck __complete`), found on PATH. Exit 77 (skipped) without zsh.
#   completion_zsh.sh BINARY
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v zsh >/dev/null || { echo "zsh is not installed"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
script=$dir/_warrantcheck
"$bin" completion zsh >"$script" || { echo "completion zsh failed"; exit 1; }
zsh -n "$script" || { echo "zsh: syntax error"; exit 1; }
cmp -s "$script" "$here/../../src/cli/completions/_warrantcheck" ||
    { echo "completion zsh is not src/cli/completions/_warrantcheck"; exit 1; }
ln -s "$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" "$dir/warrantcheck"
export PATH="$dir:$PATH"
unset WARRANTCHECK_DATA
fail=0

# complete WORD...: prints the candidates zsh would be offered, one a line.
complete() {
    zsh -f -c '
        compdef() { :; }
        # compadd [-M spec] -- WORD...: the words that begin with $PREFIX, any case.
        compadd() {
            while [[ $1 == -* && $1 != -- ]]; do [[ $1 == -M ]] && shift; shift; done
            [[ $1 == -- ]] && shift
            local w
            for w in "$@"; do [[ ${(L)w} == ${(L)PREFIX}* ]] && print -r -- "$w"; done
        }
        _files() { print -r -- "<files>"; }
        _message() { print -r -- "<message>"; }
        compset() { PREFIX=${PREFIX#*=}; }
        source "$1"; shift
        words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}
        _warrantcheck' zsh "$script" "$@" | sort
}

# expect WORD... -- EXPECTED...
expect() {
    local words=()
    while [ "$1" != -- ]; do words+=("$1"); shift; done
    shift
    local got expected
    got=$(complete "${words[@]}")
    expected=$(printf '%s\n' "$@" | sort)
    if [ "$got" != "$expected" ]; then
        printf 'completing %s: got\n%s\nexpected\n%s\n' "${words[*]}" "$got" "$expected"
        fail=1
    fi
}

expect warrantcheck country Mon -- Monaco Mongolia Montenegro Montserrat
expect warrantcheck can putin 'United St' -- 'United States' 'United States Minor Outlying Islands' 'United States Virgin Islands'
expect warrantcheck can lvova -- lvova-belova
expect warrantcheck --on 2024-09-03 can putin hung -- Hungary
expect warrantcheck co -- country countries completion
expect warrantcheck where putin --format j -- json jsonl
expect warrantcheck where putin --format=c -- csv
expect warrantcheck countries --non -- --non-parties
expect warrantcheck data validate '' -- '<files>'
expect warrantcheck completion '' -- bash zsh fish
expect warrantcheck help ca -- can
expect warrantcheck --data "$here/../data/mini.json" country Al -- Alphaland
exit $fail
