#!/usr/bin/env bash
# `data update` end to end (issue 13), with no network but the loopback: a
# throwaway key made by `minisign -G`, a web server on 127.0.0.1
# (data_server.py) and a throwaway XDG_DATA_HOME. A correctly signed dataset
# is installed (prehashed "ED" and legacy "Ed" signatures both); a file that
# does not match its signature, another key's signature, an altered trusted
# comment, a missing signature (404), a server error, a download cut short,
# a time-out and a signed file that does not validate each exit 4 and leave
# the installed data unchanged.
#   data_update.sh BINARY DATA.json SERVER.py [DEFAULT_URL]
# DEFAULT_URL is the build's -DWARRANTCHECK_DATA_URL (empty: none).
set -u
bin=$1
data=$2
server_py=$3
default_url=${4:-}
sign_dataset=$(cd "$(dirname "$data")" && pwd)/sign-dataset
for tool in minisign python3 jq; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed"; exit 77; }
done
work=$(mktemp -d)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_DATA_HOME="$work/xdg"
unset WARRANTCHECK_DATA
installed="$XDG_DATA_HOME/warrantcheck/warrantcheck.json"
fail=0
on=(--on 2026-03-01)
cd "$work" || exit 1

minisign -G -W -p test.pub -s test.key >/dev/null 2>&1 || { echo "minisign -G failed"; exit 1; }
minisign -G -W -p other.pub -s other.key >/dev/null 2>&1 || { echo "minisign -G failed"; exit 1; }
# publish DIR AS_OF VERSION [MINISIGN OPTIONS]: a signed dataset in www/DIR.
publish() {
    local dir=www/$1
    mkdir -p "$dir"
    jq --arg d "$2" --arg v "$3" '.as_of = $d | .dataset_version = $v' "$data" >"$dir/warrantcheck.json"
    shift 3
    minisign -S -s test.key -m "$dir/warrantcheck.json" -t "warrantcheck test" "$@" \
        >/dev/null 2>&1 || { echo "minisign -S failed"; exit 1; }
}
publish good 2026-07-20 2026.07.2
# The maintainers' script signs the release the way it is published.
rm www/good/warrantcheck.json.minisig
"$sign_dataset" -s test.key -p test.pub -w "$bin" www/good/warrantcheck.json >sign.log 2>&1 ||
    { echo "data/sign-dataset failed:"; cat sign.log; exit 1; }
grep -q "^trusted comment: warrantcheck dataset 2026.07.2 (as of 2026-07-20)$" \
    www/good/warrantcheck.json.minisig || { echo "sign-dataset: no trusted comment"; fail=1; }
publish legacy 2026-07-25 2026.07.3 -l
publish tampered 2026-07-30 2026.07.4
jq '.as_of = "2026-07-31"' www/tampered/warrantcheck.json >tmp && mv tmp www/tampered/warrantcheck.json
publish otherkey 2026-07-30 2026.07.4
minisign -S -s other.key -m www/otherkey/warrantcheck.json >/dev/null 2>&1
publish comment 2026-07-30 2026.07.4
sed -i '3s/.*/trusted comment: not what was signed/' www/comment/warrantcheck.json.minisig
publish nosig 2026-07-30 2026.07.4
rm www/nosig/warrantcheck.json.minisig
mkdir -p www/invalid
printf '{"schema_version": 2}\n' >www/invalid/warrantcheck.json
minisign -S -s test.key -m www/invalid/warrantcheck.json >/dev/null 2>&1
# Older than the installed 2026.07.3 but not before any fact of the data (as_of rule).
publish older 2026-07-01 2026.07.1
publish truncated 2026-07-30 2026.07.4

python3 "$server_py" www >port 2>server.log &
server_pid=$!
for _ in $(seq 50); do [ -s port ] && break; sleep 0.1; done
port=$(cat port)
[ -n "$port" ] || { echo "the test server did not start:"; cat server.log; exit 1; }
url=http://127.0.0.1:$port

# expect STATUS WHAT MESSAGE ARGS...: runs `data update ARGS`, checks the
# status, that stderr says MESSAGE, and (when failing) that nothing changed.
expect() {
    local want=$1 what=$2 message=$3
    shift 3
    local before=none
    [ -e "$installed" ] && before=$(sha256sum <"$installed")
    WARRANTCHECK_TIMEOUT=2 "$bin" data update "$@" "${on[@]}" >out 2>err
    local got=$?
    if [ "$got" != "$want" ]; then
        echo "$what: exit status $got, expected $want"
        cat out err
        fail=1
    fi
    if ! grep -qF -- "$message" err out; then
        echo "$what: no '$message' in:"
        cat out err
        fail=1
    fi
    local after=none
    [ -e "$installed" ] && after=$(sha256sum <"$installed")
    if [ "$want" != 0 ] && [ "$before" != "$after" ]; then
        echo "$what: the installed data changed"
        fail=1
    fi
}

expect 4 "a file that does not match its signature" "the signature does not match the file" \
    --from "$url/tampered/" --key test.pub
expect 0 "a correctly signed dataset" "installed dataset 2026.07.2" --from "$url/good/" --key test.pub
cmp -s "$installed" www/good/warrantcheck.json || { echo "the installed file differs"; fail=1; }
[[ $("$bin" --version | sed -n 2p) == "dataset 2026.07.2 (as of 2026-07-20), installed $installed" ]] ||
    { echo "--version after update: $("$bin" --version | sed -n 2p)"; fail=1; }
expect 0 "a legacy (Ed) signature" "installed dataset 2026.07.3" --from "$url/legacy" --key test.pub
expect 4 "another key's signature" "the signature was made with another key" \
    --from "$url/otherkey/" --key test.pub
expect 4 "an altered trusted comment" "the trusted comment does not match its signature" \
    --from "$url/comment/" --key test.pub
expect 4 "no signature" "the server answered HTTP 404" --from "$url/nosig/" --key test.pub
expect 4 "a server error" "the server answered HTTP 500" --from "$url/error/" --key test.pub
expect 4 "a download cut short" "cut short" --from "$url/truncated/" --key test.pub
expect 4 "a time-out" "timed out" --from "$url/slow/" --key test.pub
expect 4 "a signed file that does not validate" "warrantcheck.json:1:" \
    --from "$url/invalid/" --key test.pub
expect 4 "an older dataset" "is older than the data in use" --from "$url/older/" --key test.pub
expect 4 "nothing listening" "127.0.0.1:1/" --from "http://127.0.0.1:1/" --key test.pub
if [ -z "$default_url" ]; then
    expect 2 "no --from and no default" "give --from URL" --key test.pub
fi
expect 3 "a key file that is not one" "not a minisign public key" --from "$url/good/" --key www/good/warrantcheck.json
expect 3 "a missing key file" "cannot open the public key" --from "$url/good/" --key none.pub
expect 2 "an argument" "takes no arguments" extra --from "$url/good/" --key test.pub
expect 4 "a file:// address" "not supported" --from "file://$work/www/good/" --key test.pub
exit $fail
