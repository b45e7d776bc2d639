#!/usr/bin/env bash
# docs_output.py can fail: each change below, made to a copy of
# docs/output.md or to what a stand-in for the program prints, must make it
# fail with the message given, and the unchanged document must pass.
#   docs_output_detects_change.sh BINARY OUTPUT_MD DATA_JSON
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
doc=$2
data=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# expect_failure NAME ONLY MESSAGE BINARY DOC: the checker fails, saying MESSAGE.
expect_failure() {
    local name=$1 only=$2 message=$3 program=$4 page=$5 out status
    out=$(python3 "$here/docs_output.py" --only "$only" "$program" "$page" "$data" 2>&1)
    status=$?
    if [ "$status" -ne 1 ]; then
        echo "$name: the checker exited $status, not 1"; echo "$out" | head -5; fail=1
    elif ! grep -qF -- "$message" <<<"$out"; then
        echo "$name: failed, but not with '$message':"; echo "$out" | head -5; fail=1
    fi
}

# doc_same NAME ONLY SED-SCRIPT: the document, changed by sed, still passes.
doc_same() {
    local out
    sed -e "$3" "$doc" >"$work/output.md"
    cmp -s "$doc" "$work/output.md" && { echo "$1: the sed script changed nothing"; fail=1; return; }
    out=$(python3 "$here/docs_output.py" --only "$2" "$bin" "$work/output.md" "$data" 2>&1) ||
        { echo "$1: fails:"; echo "$out" | head -5; fail=1; }
}

# doc_change NAME ONLY MESSAGE SED-SCRIPT: the document changed by sed.
doc_change() {
    sed -e "$4" "$doc" >"$work/output.md"
    cmp -s "$doc" "$work/output.md" && { echo "$1: the sed script changed nothing"; fail=1; return; }
    expect_failure "$1" "$2" "$3" "$bin" "$work/output.md"
}

# program_change NAME ONLY MESSAGE SED-SCRIPT: the program's stdout changed by sed.
program_change() {
    cat >"$work/warrantcheck" <<WRAP
#!/usr/bin/env bash
"$bin" "\$@" | sed -e '$4'
exit \${PIPESTATUS[0]}
WRAP
    chmod +x "$work/warrantcheck"
    expect_failure "$1" "$2" "$3" "$work/warrantcheck" "$doc"
}

out=$(python3 "$here/docs_output.py" --only can "$bin" "$doc" "$data" 2>&1) ||
    { echo "the unchanged document fails:"; echo "$out"; fail=1; }

# The document changed.
doc_change "a nested key renamed" can "keys of person: not documented: name" \
    '/^### `can/,/^### /s/^| `person.name` |/| `person.full_name` |/'
doc_change "a key dropped" itinerary "not documented: warrant" \
    '/^### `itinerary/,/^### /{/^| `warrant` |/d}'
doc_change "a key added (an itinerary remark)" itinerary "documented, not printed: remark" \
    '/^### `itinerary/,/^### /s/^| `input` | string | the line as read |$/&\n| `remark` | string or null | a remark column |/'
doc_change "two keys swapped" persons "order" \
    '/^### `persons`/,/^### /{/^| `born` |/{h;d};/^| `died` |/G}'
doc_change "null no longer allowed" country "withdrawal_deposited is null, documented as date" \
    '/^### `country /,/^### /s/^| `withdrawal_deposited` | date or null |/| `withdrawal_deposited` | date |/'
doc_change "a type changed" data\ status "documented as string" \
    's/^| `age_days` | integer |/| `age_days` | string |/'
doc_change "a CSV column renamed" trips "header" \
    '/^### `trips/,/^### /s/outcome`$/result`/'
doc_change "CSV columns reordered" data\ diff "header" \
    's/^- CSV\/TSV columns: `area,change,key,/- CSV\/TSV columns: `change,area,key,/'
doc_change "a format left out" events "the program takes this format, the document does not list it" \
    '/^### `events`/,/^### /s/, `tsv` (a header, then one row a line)$//'
doc_change "a format the program refuses" can "refused, but documented" \
    '/^### `can/,/^### /s/^- Formats: `text`,/- Formats: `text`, `svg` (a map),/'
doc_change "json said to be an array" country "documented as an array" \
    '/^### `country /,/^### /s/`json` (one object)/`json` (an array of rows)/'
doc_change "a command's section removed" persons "the program's command 'events' has no section" \
    's/^### `events`/### Events/'
doc_change "a data subcommand's section removed" persons "'data status' has no section" \
    's/^### `data status/### data status/'
doc_change "a text-only command given a table" data\ validate "not JSON" \
    '/^### `data validate/,/^### /s/`json` (the same as `text`)/`json` (one object)/'
doc_change "an example that fails" can "exit status 3" \
    's/^- Example: `warrantcheck can putin mongolia --on 2024-09-03`/- Example: `warrantcheck can putin narnia`/'
doc_change "a key present only with an option the example lacks" can "not documented: sources" \
    '/^### `can/,/^### /s/^| `sources` | list of strings |/| `sources` | list of strings, only with `--sources` |/'

# Changes that keep the promise: the checker still passes.
doc_same "a key present only with an option the example gives" can \
    '/^### `can/,/^### /{s/^| `sources` | list of strings |/| `sources` | list of strings, only with `--sources` |/;s/^- Example: `warrantcheck can putin mongolia --on 2024-09-03`/- Example: `warrantcheck can putin mongolia --on 2024-09-03 --sources`/;s/, `warrantcheck can putin gibraltar --on 2024-09-03`, `warrantcheck can al-tuhamy kenya --on 2023-01-01`//}'
# (where's rows carry `sources` only with --sources: with it, can's fields)
doc_same "where's fields as can's" where \
    '/^### `where/,/^### /{/^|/d;/^- CSV\/TSV columns:/s/.*/- Fields: as `can`/;/^- Example:/s/`warrantcheck where putin /`warrantcheck where putin --sources /g}'

# What the program prints changed.
program_change "a key renamed in the output" where "not documented: legal_basis" \
    's/"basis":/"legal_basis":/g'
program_change "a key dropped from the output" itinerary "documented, not printed: through" \
    's/"through":null,//g'
program_change "a boolean printed as a string" countries "state_party is \"true\", documented as boolean" \
    's/"state_party":true/"state_party":"true"/g'
program_change "a CSV column added" person "header" \
    '1s/,status_on_date$/,status_on_date,extra/'
program_change "the dataset stamp dropped" data\ info "documented, not printed: dataset" \
    's/,"dataset":{[^}]*}//g'
exit $fail
