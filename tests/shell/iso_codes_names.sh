#!/usr/bin/env bash
# data/iso-codes/names.json is what data/iso-codes/convert.py makes from the
# installed iso-codes: nothing in it is typed by hand. Where the installed
# version is not the one the file was made from, the comparison cannot be
# made, and the test says so and skips.
#   iso_codes_names.sh SOURCE_DIR
set -u
src=$1
command -v python3 >/dev/null || { echo "python3 not installed: skipped"; exit 77; }
[ -f /usr/share/iso-codes/json/iso_3166-2.json ] || { echo "iso-codes not installed: skipped"; exit 77; }
want=$(jq -r .source.version "$src/data/iso-codes/names.json")
have=$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null)
[ "$want" = "$have" ] || { echo "iso-codes $have installed, names.json made from $want: skipped"; exit 77; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
python3 "$src/data/iso-codes/convert.py" >"$out" || exit 1
if ! cmp -s "$out" "$src/data/iso-codes/names.json"; then
    echo "data/iso-codes/names.json differs from what convert.py makes from iso-codes $have:"
    diff "$src/data/iso-codes/names.json" "$out" | head -20
    exit 1
fi
echo "names.json is convert.py's output for iso-codes $have"
