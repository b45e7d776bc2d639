#!/usr/bin/env bash
# The reconciliation must fail when one warrant's status, or one state's
# standing, changes in a copy of the data: otherwise it could not catch a
# wrong fact.
#
# usage: reconcile_detects_change.sh DATA.json
set -u
data=${1:?usage: reconcile_detects_change.sh DATA.json}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT

# name | jq program that changes one warrant's status timeline or one withdrawal
mutations='
tuhamy-termination-dropped|(.warrants[] | select(.id == "al-tuhamy-2013") | .status) |= map(select(.status != "deceased"))
ongwen-never-surrendered|(.warrants[] | select(.id == "ongwen-2005") | .status) |= map(if .status == "in-custody" then .status = "at-large" else . end)
hungary-revocation-dropped|(.rome_statute[] | select(.iso2 == "HU") | .withdrawals[0]) |= (.revoked = null | .effective = {"date": "2026-06-02", "confirmation": "court", "sources": ["rs-asp-hungary-withdrawal-2025"]})
guam-listed-as-a-state|.territories |= map(select(.iso2 != "GU"))
netanyahu-arrested-2025|(.warrants[] | select(.id == "netanyahu-2024") | .status) += [{"date": "2025-06-01", "status": "in-custody", "note": null, "sources": ["w-icc-pr-2024-11-21-palestine"]}]
'
bash "$here/reconcile.sh" "$data" >/dev/null ||
    { echo "the unchanged data does not reconcile; run reconcile.sh $data"; exit 1; }
fail=0
while IFS='|' read -r name prog; do
    [ -n "$name" ] || continue
    jq "$prog" "$data" >"$work/$name.json" || { echo "$name: jq failed"; exit 2; }
    if cmp -s "$data" "$work/$name.json" || jq -e --slurpfile b "$work/$name.json" '. == $b[0]' "$data" >/dev/null; then
        echo "$name: the mutation changed nothing (fix the test)"; fail=1; continue
    fi
    if bash "$here/reconcile.sh" "$work/$name.json" >"$work/$name.out"; then
        echo "$name: the reconciliation passed on changed data"; fail=1
    else
        echo "$name: detected: $(grep -c '^FAIL' "$work/$name.out") figure(s) differ"
    fi
done <<<"$mutations"
exit $fail
