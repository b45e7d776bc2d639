#!/usr/bin/env bash
# Asks fish what it would complete (`complete -C`) with the script that
# `warrantcheck completion fish` prints loaded. The script asks the program
# (`warrantcheck __complete`), found on PATH. Exit 77 (skipped) without fish.
#   completion_fish.sh BINARY
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
command -v fish >/dev/null || { echo "fish is not installed"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
script=$dir/warrantcheck.fish
"$bin" completion fish >"$script" || { echo "completion fish failed"; exit 1; }
fish -n "$script" || { echo "fish: syntax error"; exit 1; }
cmp -s "$script" "$here/../../src/cli/completions/warrantcheck.fish" ||
    { echo "completion fish is not src/cli/completions/warrantcheck.fish"; exit 1; }
ln -s "$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" "$dir/warrantcheck"
export PATH="$dir:$PATH"
unset WARRANTCHECK_DATA
fail=0

# expect LINE -- EXPECTED...: the candidates for the command line LINE,
# without their descriptions.
expect() {
    local line=$1
    shift 2
    local got expected
    got=$(fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$script" "$line" |
          cut -f1 | sort)
    expected=$(printf '%s\n' "$@" | sort)
    if [ "$got" != "$expected" ]; then
        printf 'completing %s: got\n%s\nexpected\n%s\n' "$line" "$got" "$expected"
        fail=1
    fi
}

expect 'warrantcheck country Mon' -- Monaco Mongolia Montenegro Montserrat
expect 'warrantcheck can putin United\ St' -- 'United States' 'United States Minor Outlying Islands' 'United States Virgin Islands'
expect 'warrantcheck can lvova' -- lvova-belova
expect 'warrantcheck --on 2024-09-03 can putin Hung' -- Hungary
expect 'warrantcheck co' -- country countries completion
expect 'warrantcheck where putin --format j' -- json jsonl
expect 'warrantcheck where putin --format=c' -- --format=csv
expect 'warrantcheck countries --non' -- --non-parties
expect 'warrantcheck completion ' -- bash zsh fish
expect 'warrantcheck help ca' -- can
expect "warrantcheck --data $here/../data/mini.json country Al" -- Alphaland
touch "$dir/legs-one.txt"
expect "warrantcheck itinerary $dir/legs-o" -- "$dir/legs-one.txt"
exit $fail
