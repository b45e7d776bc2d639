#!/usr/bin/env bash
# Runs one command-line test case: run_case.sh BINARY CASE
#
# A case is a set of files sharing the name CASE (see README.md here):
#   CASE.setup            a bash script run first, in $WORK, a fresh temporary
#                         directory, to make fixtures there; exit 77 skips
#                         the case (say why on stdout). The program then runs
#                         in $WORK too, so messages name fixtures by relative
#                         paths that .stderr can match exactly
#   CASE.args             the arguments, as shell words ($TESTDATA and $WORK
#                         may be used)
#   CASE.exit             the expected exit status (default 0)
#   CASE.devfull          present: stdout goes to /dev/full
#   CASE.unprivileged     present: run as root, the program runs as nobody
#   CASE.env              environment variables, one NAME=value a line
#   CASE.stdin            standard input (default: empty)
#   CASE.filter           a shell pipeline that stdout goes through first
#   CASE.stdout           the expected stdout, exactly; or
#   CASE.stdout-contains  lines that must each appear somewhere in stdout
#   CASE.stderr           the expected stderr, exactly; or
#   CASE.stderr-contains  lines that must each appear somewhere in stderr
# Without a .stdout* file stdout must be empty; likewise stderr.
#
# WC_TEST_WRAPPER, if set, runs the program (valgrind, say). The wrapper
# must exit with WC_TEST_WRAPPER_STATUS (default 99, no status of the
# program's own) when it finds a fault, and may write its report to file
# descriptor 9 (valgrind's --log-fd=9), which is shown when the case fails.
set -u
bin=$1
case_=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
name=$(basename "$case_")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WORK="$work/fixtures"
# No dataset a user installed (data install) may change an answer.
export XDG_DATA_HOME="$work/xdg-data"
mkdir "$WORK"

if [ -f "$case_.setup" ]; then
    (cd "$WORK" && bash "$case_.setup") >"$work/setup.log" 2>&1
    setup_status=$?
    if [ "$setup_status" = 77 ]; then
        echo "$name: skipped: $(cat "$work/setup.log")"
        exit 77
    elif [ "$setup_status" != 0 ]; then
        echo "$name: the setup script failed (exit $setup_status):"
        cat "$work/setup.log"
        exit 1
    fi
fi

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
: >"$work/wrapper.log"
[ -f "$case_.setup" ] && cd "$WORK"
# CASE.unprivileged: as root, the program runs as nobody (a file of mode
# 000 is readable to root, so the case would test nothing).
as_user=()
if [ -f "$case_.unprivileged" ] && [ "$(id -u)" = 0 ]; then
    if ! command -v setpriv >/dev/null; then
        echo "$name: skipped: running as root without setpriv to drop privileges"
        exit 77
    fi
    # nobody may not reach the build tree: run a copy from the scratch one.
    cp "$bin" "$work/warrantcheck"
    bin="$work/warrantcheck"
    chmod 755 "$work" "$WORK" "$bin"
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
if [ -n "${WC_TEST_WRAPPER:-}" ]; then
    # shellcheck disable=SC2086 # the wrapper is a command and its options
    "${as_user[@]}" $WC_TEST_WRAPPER "$bin" "$@" <"$stdin" >"$out" 2>"$work/stderr" 9>"$work/wrapper.log"
else
    "${as_user[@]}" "$bin" "$@" <"$stdin" >"$out" 2>"$work/stderr"
fi
status=$?
: >>"$work/stdout"

fail=0
expected_exit=0
[ -f "$case_.exit" ] && expected_exit=$(cat "$case_.exit")
if [ -n "${WC_TEST_WRAPPER:-}" ] && [ "$status" = "${WC_TEST_WRAPPER_STATUS:-99}" ]; then
    echo "$name: the wrapper '$WC_TEST_WRAPPER' found a fault (its exit status $status):"
    cat "$work/wrapper.log"
    head -c 4000 "$work/stderr"
    exit 1
elif [ "$status" != "$expected_exit" ]; then
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
if [ "$fail" = 1 ] && [ -s "$work/wrapper.log" ]; then
    echo "--- the wrapper's report:"
    head -c 4000 "$work/wrapper.log"
fi
exit $fail
