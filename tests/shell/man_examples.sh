#!/usr/bin/env bash
# Runs each example of the man page's EXAMPLES section (one `.Dl` line each)
# with the built program first on PATH, in bash with pipefail, from an empty
# directory. Each must exit 0 or 1 (never an error, >= 2) and print no
# error message.
#   man_examples.sh BINARY MANPAGE
set -u
bin=$1
page=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/cwd"
ln -s "$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" "$work/bin/warrantcheck"

# The roff escapes the examples use: \- \(dq \e \&.
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /p' "$page" | sed -n 's/^\.Dl //p' |
    sed -e 's/\\-/-/g' -e 's/\\(dq/"/g' -e 's/\\e/\\/g' -e 's/\\&//g' >"$work/examples"
n=$(wc -l <"$work/examples")
[ "$n" -ge 5 ] || { echo "only $n examples found in $page"; exit 1; }

fail=0
while IFS= read -r example; do
    (cd "$work/cwd" && PATH="$work/bin:$PATH" bash -o pipefail -c "$example") \
        </dev/null >"$work/stdout" 2>"$work/stderr"
    status=$?
    if [ "$status" -ge 2 ] || grep -q "error" "$work/stderr"; then
        echo "example failed (exit status $status): $example"
        head -c 2000 "$work/stderr"
        fail=1
    elif [ ! -s "$work/stdout" ] && ! grep -q -- "-q \|completion\|--out" <<<"$example"; then
        echo "example printed nothing: $example"
        fail=1
    fi
done <"$work/examples"
echo "$n examples run"
exit $fail
