#!/usr/bin/env bash
# The built-in dataset is the bundled JSON compiled into C data at build
# time (src/gen/dataset_to_c.c). This checks that nothing is lost on the way:
# the program answers the same from the built-in data as from the JSON file
# given with --data: every country, and persons and countries by sample.
# Usage: matches_json.sh BINARY DATA.json
set -u
bin=$1
data=$2
fail=0
compare() {
    local a b
    a=$("$bin" "$@" 2>&1)
    b=$("$bin" --data "$data" "$@" 2>&1)
    if [ "$a" != "$b" ]; then
        echo "differs: warrantcheck $*"
        diff <(printf "%s\n" "$a") <(printf "%s\n" "$b") | cut -c1-300 | head -20
        fail=1
    fi
}
compare persons --format csv --on 2025-01-01
compare countries --format jsonl --on 2025-01-01
compare countries --format csv --on 2016-11-01
ids=$("$bin" persons --format csv --on 2025-01-01 | tail -n +2 | cut -d, -f1)
[ -n "$ids" ] || { echo "no persons listed"; exit 1; }
# Every fourth person, and the two whose records are the richest.
for id in $(printf '%s\n' $ids | awk 'NR % 4 == 1') putin netanyahu; do
    compare person "$id" --format json --on 2025-01-01
    compare trips "$id" --format jsonl
    compare where "$id" --all --format jsonl --on 2024-09-03
done
codes=$("$bin" countries --format csv --on 2025-01-01 | tail -n +2 | cut -d, -f1)
for code in $(printf '%s\n' $codes | awk 'NR % 10 == 1'); do
    compare country "$code" --format json --on 2019-06-01
done
# `data info` names its dataset; everything else must agree.
a=$("$bin" data info --format json --on 2025-01-01 | grep -v '"dataset"')
b=$("$bin" --data "$data" data info --format json --on 2025-01-01 | grep -v '"dataset"')
[ "$a" = "$b" ] || { echo "differs: data info"; fail=1; }
exit $fail
