#!/usr/bin/env bash
# `--out FILE` loses nothing (RELIABILITY F1, F10): a regular file is
# replaced whole and keeps its mode; a link is never replaced (a link to a
# file has its file replaced, a link to a pipe or device is written
# through, as the shell's `>` would); a file the user may not write is
# refused. Each case checks the exit status and the state of every file.
#   out_file.sh BINARY
set -u
bin=$(realpath "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
chmod 755 "$dir"
cd "$dir" || exit 1
fail=0
map=(map putin --on 2025-01-01)

is_svg() { head -c 200 "$1" 2>/dev/null | grep -q '<svg'; }
bad() { echo "$*"; fail=1; }

# 1. /dev/stdout, as a link of our own to /proc/self/fd/1 (never the real
#    /dev/stdout: a regression run as root would replace it for everyone).
ln -s /proc/self/fd/1 fake-stdout
"$bin" "${map[@]}" --out fake-stdout >into-file.svg 2>err; s=$?
[ "$s" = 0 ] && is_svg into-file.svg && [ -L fake-stdout ] ||
    bad "--out LINK-TO-STDOUT >file: exit $s, link kept: $([ -L fake-stdout ] && echo yes || echo no), file is svg: $(is_svg into-file.svg && echo yes || echo no) $(cat err)"
"$bin" "${map[@]}" --out fake-stdout 2>err | cat >piped.svg; s=${PIPESTATUS[0]}
[ "$s" = 0 ] && is_svg piped.svg && [ -L fake-stdout ] || bad "--out LINK-TO-STDOUT |pipe: exit $s $(cat err)"
for dev in /dev/fd/1 /proc/self/fd/1 /dev/stdout; do
    "$bin" "${map[@]}" --out "$dev" 2>err | cat >dev.svg; s=${PIPESTATUS[0]}
    [ "$s" = 0 ] && is_svg dev.svg || bad "--out $dev |pipe: exit $s $(cat err)"
done
# stdout closed: the link names nothing; an error, and the link stays.
"$bin" "${map[@]}" --out fake-stdout >&- 2>err; s=$?
[ "$s" = 5 ] && [ -L fake-stdout ] || bad "--out LINK-TO-STDOUT >&-: exit $s (want 5) $(cat err)"

# 2. A link to a regular file: the file is replaced, the link stays.
echo OLD >target.svg
ln -s target.svg link.svg
"$bin" "${map[@]}" --out link.svg 2>err; s=$?
[ "$s" = 0 ] && [ -L link.svg ] && is_svg target.svg || bad "--out LINK-TO-FILE: exit $s $(cat err)"
# A link to nothing yet: created through the link, as '>' does.
ln -s new-target.svg dangling.svg
"$bin" "${map[@]}" --out dangling.svg 2>err; s=$?
[ "$s" = 0 ] && [ -L dangling.svg ] && is_svg new-target.svg || bad "--out DANGLING-LINK: exit $s $(cat err)"

# 3. A replaced file keeps its mode.
echo OLD >private.svg
chmod 600 private.svg
"$bin" "${map[@]}" --out private.svg 2>err; s=$?
[ "$s" = 0 ] && is_svg private.svg && [ "$(stat -c %a private.svg)" = 600 ] ||
    bad "--out MODE-600: exit $s, mode $(stat -c %a private.svg) $(cat err)"

# 4. A directory, and a failed run: errors, and nothing changed.
mkdir adir
"$bin" "${map[@]}" --out adir 2>err; s=$?
[ "$s" = 5 ] && [ -d adir ] && [ -z "$(ls adir)" ] || bad "--out DIRECTORY: exit $s $(cat err)"
echo OLD >kept.svg
"$bin" map nobody-at-all --on 2025-01-01 --out kept.svg 2>err; s=$?
[ "$s" = 3 ] && [ "$(cat kept.svg)" = OLD ] || bad "--out on a failed run: exit $s, file: $(head -c 20 kept.svg)"
[ -z "$(ls ./*.XXXXXX ./.*.svg.* 2>/dev/null)" ] || bad "a temporary file was left: $(ls -a)"

# 5. A file the user may not write is refused, as '>' refuses it; that
#    needs a user other than root (setpriv as root; else we are one).
mkdir shared
chmod 777 shared
echo OLD >shared/ro.svg
chmod 444 shared/ro.svg
as_user=()
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null; then
        as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    else
        echo "as root without setpriv: the read-only case is not run"
    fi
fi
if [ "$(id -u)" != 0 ] || [ ${#as_user[@]} -gt 0 ]; then
    # nobody may not reach the build tree: run a copy from here.
    cp "$bin" ./warrantcheck-copy && chmod 755 ./warrantcheck-copy
    "${as_user[@]}" ./warrantcheck-copy "${map[@]}" --out shared/ro.svg 2>err; s=$?
    [ "$s" = 5 ] && [ "$(cat shared/ro.svg)" = OLD ] && grep -q 'Permission denied' err ||
        bad "--out READ-ONLY as a user: exit $s, file: $(head -c 20 shared/ro.svg) $(cat err)"
fi

[ "$fail" = 0 ] && echo "out_file: every case passed"
exit "$fail"
