#!/usr/bin/env bash
# `cmake --install` with DESTDIR puts every file where a Debian system looks
# for it, and the installed program runs from / with no file of the tree.
#   install_layout.sh BUILD_DIR [CMAKE]
set -u
build=$1
cmake=${2:-cmake}
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
DESTDIR=$dest "$cmake" --install "$build" --prefix /usr >"$dest.log" 2>&1 ||
    { cat "$dest.log"; rm -f "$dest.log"; echo "cmake --install failed"; exit 1; }
rm -f "$dest.log"
fail=0
for f in usr/bin/warrantcheck \
         usr/share/man/man1/warrantcheck.1 \
         usr/share/bash-completion/completions/warrantcheck \
         usr/share/zsh/vendor-completions/_warrantcheck \
         usr/share/fish/vendor_completions.d/warrantcheck.fish \
         usr/share/warrantcheck/warrantcheck.json \
         usr/share/doc/warrantcheck/LICENSE \
         usr/share/doc/warrantcheck/output.md \
         usr/share/doc/warrantcheck/data-sources.md; do
    [ -s "$dest/$f" ] || { echo "not installed: /$f"; fail=1; }
done
[ -x "$dest/usr/bin/warrantcheck" ] || { echo "/usr/bin/warrantcheck is not executable"; fail=1; }

# The installed program answers from / with its built-in dataset, and the
# installed data file loads.
(cd / && "$dest/usr/bin/warrantcheck" country Mongolia --on 2025-01-01 >/dev/null) ||
    { echo "the installed warrantcheck country Mongolia failed"; fail=1; }
"$dest/usr/bin/warrantcheck" data validate "$dest/usr/share/warrantcheck/warrantcheck.json" \
    --on 2025-01-01 >/dev/null ||
    { echo "the installed dataset does not validate"; fail=1; }

# The installed bash completion is the program's, and works with the
# installed program (which it asks for candidates) on PATH.
cmp -s <("$dest/usr/bin/warrantcheck" completion bash) \
    "$dest/usr/share/bash-completion/completions/warrantcheck" ||
    { echo "the installed bash completion is not 'warrantcheck completion bash'"; fail=1; }
got=$(PATH="$dest/usr/bin:$PATH" bash -c 'source "$1"; COMP_WORDS=(warrantcheck country Mon)
               COMP_CWORD=2; _warrantcheck; printf "%s\n" "${COMPREPLY[@]}"' _ \
      "$dest/usr/share/bash-completion/completions/warrantcheck")
grep -qx Mongolia <<<"$got" || { echo "installed bash completion: no Mongolia"; fail=1; }

# The man page's FILES section names only files that are installed (those
# under /usr; ~ is the user's), and names every installed file but the
# program, the page itself and the documents under /usr/share/doc.
files=$(sed -n '/^\.Sh FILES/,/^\.Sh /p' "$dest/usr/share/man/man1/warrantcheck.1" |
        sed -n 's/^\.It Pa //p')
[ -n "$files" ] || { echo "man page: no files in FILES"; fail=1; }
for f in $files; do
    case $f in
    /*) [ -e "$dest$f" ] || { echo "man page FILES names $f, which is not installed"; fail=1; } ;;
    "~/"* | "\$"*) ;;
    *) echo "man page FILES names '$f', neither absolute nor in ~"; fail=1 ;;
    esac
done
while IFS= read -r f; do
    case $f in
    /usr/bin/warrantcheck | /usr/share/man/* | /usr/share/doc/*) continue ;;
    esac
    grep -qxF -- "$f" <<<"$files" || { echo "installed $f is not in the man page's FILES"; fail=1; }
done < <(cd "$dest" && find . -type f | sed 's/^\.//' | sort)

# man renders the installed page.
if command -v man >/dev/null; then
    MANPAGER=cat MANWIDTH=80 man -l "$dest/usr/share/man/man1/warrantcheck.1" 2>/dev/null |
        grep -q "EXIT STATUS" || { echo "man -l does not render the page"; fail=1; }
fi
exit $fail
