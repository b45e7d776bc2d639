#!/usr/bin/env bash
# Drives the bash completion that `warrantcheck completion bash` prints, as
# bash itself would: COMP_WORDS/COMP_CWORD in, COMPREPLY out. The script asks
# the program (`warrantcheck __complete`), found on PATH as the user typed it.
#   completion_bash.sh BINARY
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
script=$("$bin" completion bash) || { echo "completion bash failed"; exit 1; }
bash -n <<<"$script" || { echo "bash: syntax error"; exit 1; }
cmp -s <(printf '%s\n' "$script") "$here/../../src/cli/completions/warrantcheck.bash" ||
    { echo "completion bash is not src/cli/completions/warrantcheck.bash"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
ln -s "$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" "$dir/warrantcheck"
export PATH="$dir:$PATH"
unset WARRANTCHECK_DATA
fail=0

# expect WORD... -- EXPECTED...: completes the words (the last is the one
# being completed) and checks COMPREPLY is exactly EXPECTED, in any order.
expect() {
    local words=() want=()
    while [ "$1" != -- ]; do words+=("$1"); shift; done
    shift
    want=("$@")
    local got
    got=$(bash -c 'eval "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
                  _warrantcheck; printf "%s\n" "${COMPREPLY[@]}"' _ "$script" "${words[@]}" |
          sort)
    local expected
    expected=$(printf '%s\n' "${want[@]}" | sort)
    if [ "$got" != "$expected" ]; then
        echo "completing '${words[*]}': got:"
        printf '  [%s]\n' "$got"
        echo "expected:"
        printf '  [%s]\n' "$expected"
        fail=1
    fi
}

# The issue's own example, through a pipe from the program as a user would.
got=$(bash -c 'source <("$1" completion bash); COMP_WORDS=(warrantcheck country Mon)
               COMP_CWORD=2; _warrantcheck; printf "%s\n" "${COMPREPLY[@]}"' _ "$bin")
for name in Mongolia Montenegro; do
    grep -qx "$name" <<<"$got" || { echo "country Mon: no $name in: $got"; fail=1; }
done

expect warrantcheck country Mon -- Monaco Mongolia Montenegro Montserrat
expect warrantcheck country mong -- Mongolia
expect warrantcheck can putin MN -- MN MNG MNE MNP
# A name with spaces is quoted for the command line, or left as it is
# inside a quote the user opened.
expect warrantcheck country 'United\ St' -- 'United\ States' 'United\ States\ Minor\ Outlying\ Islands' 'United\ States\ Virgin\ Islands'
expect warrantcheck country '"United St' -- 'United States' 'United States Minor Outlying Islands' 'United States Virgin Islands'
expect warrantcheck can lvova -- lvova-belova
expect warrantcheck --on 2024-09-03 can putin hung -- Hungary
expect warrantcheck where lvova -- lvova-belova
expect warrantcheck co -- country countries completion
expect warrantcheck where putin --format j -- json jsonl
expect warrantcheck where putin --format=c -- --format=csv
expect warrantcheck where putin --format = t -- text tsv
expect warrantcheck --color a -- auto always
expect warrantcheck countries --non -- --non-parties
expect warrantcheck countries --verdict obliged- -- obliged-residual obliged-unsc
expect warrantcheck completion '' -- bash zsh fish
expect warrantcheck data '' -- diff info install sources status update validate
expect warrantcheck help ca -- can
expect warrantcheck can putin mongolia --no-h -- --no-header
expect warrantcheck can putin mongolia --no-p -- --no-pager
expect warrantcheck countries --format '' -- text json jsonl csv tsv
expect warrantcheck where putin --format '' -- text json jsonl csv tsv svg
# A file argument completes file names.
touch "$dir/legs-one.txt"
expect warrantcheck itinerary "$dir/legs-o" -- "$dir/legs-one.txt"
# The names come from the dataset in use, at the time of completing: --data
# on the command line, or WARRANTCHECK_DATA.
expect warrantcheck --data "$here/../data/mini.json" country Al -- Alphaland
WARRANTCHECK_DATA=$here/../data/mini.json expect warrantcheck country Al -- Alphaland
expect warrantcheck country Alpha --
# Hostile names from a --data file come back quoted, and run nothing; a
# dataset with a control character in a name does not load, so offers none.
jq '.countries[0].name = "$(touch pwned)"' "$here/../data/mini.json" >"$dir/hostile.json"
jq '.countries[1].name = "Bad\u001b[31mname"' "$here/../data/mini.json" >"$dir/control.json"
pushd "$dir" >/dev/null || exit 1
expect warrantcheck --data "$dir/hostile.json" country '$' -- '\$\(touch\ pwned\)'
expect warrantcheck --data "$dir/hostile.json" country '"$' -- '\$(touch pwned)'
expect warrantcheck --data "$dir/hostile.json" country "'\$" -- '$(touch pwned)'
expect warrantcheck --data "$dir/control.json" country Bad --
[ ! -e "$dir/pwned" ] || { echo "a name from the dataset was run"; fail=1; }
popd >/dev/null || exit 1
# Every person id of the dataset is offered for a PERSON.
n_persons=$("$bin" persons --format csv --no-header --on 2025-01-01 | wc -l)
n_offered=$(bash -c 'eval "$1"; COMP_WORDS=(warrantcheck person ""); COMP_CWORD=2
                     _warrantcheck; printf "%s\n" "${COMPREPLY[@]}"' _ "$script" | wc -l)
[ "$n_persons" -gt 0 ] && [ "$n_persons" = "$n_offered" ] ||
    { echo "persons: $n_persons in the dataset, $n_offered offered"; fail=1; }

# Every value offered for --format and --color is one the program takes.
for opt in format color; do
    values=$(bash -c 'eval "$1"; COMP_WORDS=(warrantcheck persons --'$opt' ""); COMP_CWORD=3
                      _warrantcheck; printf "%s\n" "${COMPREPLY[@]}"' _ "$script")
    [ -n "$values" ] || { echo "--$opt: no values offered"; fail=1; }
    for v in $values; do
        "$bin" where putin --on 2025-01-01 "--$opt" "$v" >/dev/null
        [ $? -le 1 ] || { echo "--$opt $v is offered but refused"; fail=1; }
    done
done

# The script is quiet: sourcing it prints nothing, even after the as-of date,
# and a bad --data file completes nothing and says nothing.
[ -z "$("$bin" completion bash 2>&1 >/dev/null)" ] || { echo "completion bash wrote to stderr"; fail=1; }
[ -z "$("$bin" __complete --data /nonexistent country Mon 2>&1)" ] ||
    { echo "__complete with a bad --data file printed something"; fail=1; }
exit $fail
