#!/usr/bin/env bash
# `data install` end to end (issue 13), in a throwaway XDG_DATA_HOME: a newer
# dataset is installed atomically and used (--version says "installed"); a
# broken one exits 4 and changes nothing; an older one needs --force; the
# previous file is kept as .prev; a symlink in its place is never replaced;
# --remove goes back to the built-in data; --data and WARRANTCHECK_DATA win.
#   data_install.sh BINARY DATA.json
set -u
bin=$1
data=$2
command -v jq >/dev/null || { echo "jq is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/xdg"
unset WARRANTCHECK_DATA
installed="$XDG_DATA_HOME/warrantcheck/warrantcheck.json"
fail=0
on=(--on 2026-03-01)

# expect STATUS WHAT COMMAND...: runs the program, checks its exit status.
expect() {
    local want=$1 what=$2
    shift 2
    "$bin" "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" != "$want" ]; then
        echo "$what: exit status $got, expected $want"
        cat "$work/out" "$work/err"
        fail=1
    fi
}
# second_line: line 2 of --version.
second_line() { "$bin" --version 2>/dev/null | sed -n 2p; }

jq '.as_of = "2026-07-15" | .dataset_version = "2026.07.1"' "$data" >"$work/newer.json"
jq '.as_of = "2026-08-15" | .dataset_version = "2026.08.1"' "$data" >"$work/newest.json"
printf '{"schema_version": 2,\n' >"$work/broken.json"
builtin=$(second_line)
[[ $builtin == *", built in" ]] || { echo "--version before install: $builtin"; fail=1; }

expect 4 "install of a broken file" data install "$work/broken.json" "${on[@]}"
[ ! -e "$installed" ] || { echo "a broken file was installed"; fail=1; }
grep -q "broken.json:2:1: error:" "$work/err" || { echo "no place of the fault"; cat "$work/err"; fail=1; }

expect 0 "install of a newer dataset" data install "$work/newer.json" "${on[@]}"
cmp -s "$installed" "$work/newer.json" || { echo "the installed file differs"; fail=1; }
[ "$(second_line)" = "dataset 2026.07.1 (as of 2026-07-15), installed $installed" ] ||
    { echo "--version after install: $(second_line)"; fail=1; }
expect 0 "status" data status --format json "${on[@]}"
[ "$(jq -r '.origin + " " + .path + " " + .sha256' "$work/out")" = \
  "installed $installed $(sha256sum "$work/newer.json" | cut -c1-64)" ] ||
    { echo "data status after install:"; cat "$work/out"; fail=1; }

expect 4 "install of a broken file over an installed one" data install "$work/broken.json" "${on[@]}"
cmp -s "$installed" "$work/newer.json" || { echo "a broken file changed the installed one"; fail=1; }

expect 4 "install of an older dataset" data install "$data" "${on[@]}"
grep -q "is older than the data in use" "$work/err" || { echo "no reason given"; cat "$work/err"; fail=1; }
cmp -s "$installed" "$work/newer.json" || { echo "an older file replaced the installed one"; fail=1; }

expect 0 "install of the newest" data install "$work/newest.json" "${on[@]}"
cmp -s "$installed.prev" "$work/newer.json" || { echo "the previous file is not kept as .prev"; fail=1; }
ls "$XDG_DATA_HOME/warrantcheck" | grep -qv '^warrantcheck\.json\(\.prev\)\?$' &&
    { echo "a temporary file was left behind:"; ls "$XDG_DATA_HOME/warrantcheck"; fail=1; }

# --data and WARRANTCHECK_DATA still win.
[[ $("$bin" --data "$data" --version | sed -n 2p) == *", file $data" ]] ||
    { echo "--data does not win over the installed data"; fail=1; }
[[ $(WARRANTCHECK_DATA="$data" "$bin" --version | sed -n 2p) == *", file $data" ]] ||
    { echo "WARRANTCHECK_DATA does not win over the installed data"; fail=1; }
# --version works whatever WARRANTCHECK_DATA says.
[ "$(WARRANTCHECK_DATA="$work/none.json" "$bin" --version 2>/dev/null | head -1)" = \
  "$("$bin" --version | head -1)" ] || { echo "--version with a missing data file"; fail=1; }

expect 0 "--force of an older dataset" data install --force "$data" "${on[@]}"
[ "$(second_line)" = "$builtin" ] || { echo "an installed copy not newer is used: $(second_line)"; fail=1; }

expect 0 "--remove" data install --remove "${on[@]}"
[ ! -e "$installed" ] || { echo "--remove left the installed file"; fail=1; }
[ "$(second_line)" = "$builtin" ] || { echo "--version after --remove: $(second_line)"; fail=1; }
expect 0 "--remove with nothing installed" data install --remove "${on[@]}"
expect 2 "--remove with a FILE" data install --remove "$data" "${on[@]}"
expect 2 "install without FILE" data install "${on[@]}"
expect 2 "install with --max-age" data install "$data" --max-age 3 "${on[@]}"

# A symlink in the installed file's place is never replaced.
ln -s "$work/newer.json" "$installed"
expect 4 "install over a symlink" data install "$work/newest.json" "${on[@]}"
[ -L "$installed" ] || { echo "the symlink was replaced"; fail=1; }
rm "$installed"

# A broken installed file is passed over, with a warning, for the built-in data.
printf 'oops' >"$installed"
[ "$("$bin" --version 2>/dev/null | sed -n 2p)" = "$builtin" ] || { echo "a broken installed file is used"; fail=1; }
"$bin" --version 2>&1 >/dev/null | grep -q "does not load; using the built-in one" ||
    { echo "no warning for a broken installed file"; fail=1; }
exit $fail
