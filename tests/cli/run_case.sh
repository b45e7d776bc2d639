#!/usr/bin/env bash
# Runs one command-line test case: run_case.sh BINARY CASE
#
# A case is a set of files sharing the name CASE (see README.md here):
#   CASE.args             the arguments, as shell words ($TESTDATA may be used)
#   CASE.exit             the expected exit status (default 0)
#   CASE.devfull          present: stdout goes to /dev/full
#   CASE.env              environment variables, one NAME=value a line
#   CASE.stdin            standard input (default: empty)
#   CASE.filter           a shell pipeline that stdout goes through first
#   CASE.stdout           the expected stdout, exactly; or
#   CASE.stdout-contains  lines that must each appear somewhere in stdout
#   CASE.stderr           the expected stderr, exactly; or
#   CASE.stderr-contains  lines that must each appear somewhere in stderr
# Without a .stdout* file stdout must be empty; likewise stderr.
set -u
bin=$1
case_=$2
name=$(basename "$case_")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -f "$case_.env" ]; then
    while IFS= read -r assignment; do
        [ -n "$assignment" ] && eval "export $assignment"
    done <"$case_.env"
fi
eval "set -- $(cat "$case_.args")"
stdin=/dev/null
[ -f "$case_.stdin" ] && stdin="$case_.stdin"
out="$work/stdout"
[ -f "$case_.devfull" ] && out=/dev/full
${WC_TEST_WRAPPER:-} "$bin" "$@" <"$stdin" >"$out" 2>"$work/stderr"
status=$?
: >>"$work/stdout"

fail=0
expected_exit=0
[ -f "$case_.exit" ] && expected_exit=$(cat "$case_.exit")
if [ "$status" != "$expected_exit" ]; then
    echo "$name: exit status $status, expected $expected_exit"
    fail=1
fi

if [ -f "$case_.filter" ]; then
    bash -c "$(cat "$case_.filter")" <"$work/stdout" >"$work/filtered" 2>&1 ||
        { echo "$name: the filter failed on stdout:"; cat "$work/filtered"; fail=1; }
    mv "$work/filtered" "$work/stdout"
fi

# check STREAM: compares $work/STREAM with the case's expectation.
check() {
    local stream=$1
    if [ -f "$case_.$stream" ]; then
        if ! diff -u "$case_.$stream" "$work/$stream" >"$work/diff"; then
            echo "$name: $stream differs:"
            cat "$work/diff"
            fail=1
        fi
    elif [ -f "$case_.$stream-contains" ]; then
        while IFS= read -r line || [ -n "$line" ]; do
            [ -z "$line" ] && continue
            if ! grep -qF -- "$line" "$work/$stream"; then
                echo "$name: $stream lacks: $line"
                fail=1
            fi
        done <"$case_.$stream-contains"
        if [ "$fail" = 1 ]; then
            echo "--- $stream was:"
            head -c 4000 "$work/$stream"
        fi
    elif [ -s "$work/$stream" ]; then
        echo "$name: $stream should be empty, but has:"
        head -c 2000 "$work/$stream"
        fail=1
    fi
}
check stdout
check stderr
exit $fail
