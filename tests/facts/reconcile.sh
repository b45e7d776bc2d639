#!/usr/bin/env bash
# Reconciles the dataset with headline figures the Court itself published.
#
# usage: reconcile.sh DATA.json
#
# For each dated figure below, the same quantity is counted from DATA.json on
# that date and compared. A figure may differ from the count only by the
# difference recorded next to it, whose reason docs/data-sources.md gives
# ("Reconciliation with the Court's own figures"); any other difference, a
# new one or a known one that went away, fails. Exit 0: all agree; 1: a
# difference; 2: usage or a file that jq cannot read.
set -u
data=${1:?usage: reconcile.sh DATA.json}
command -v jq >/dev/null || { echo "reconcile: jq is required" >&2; exit 2; }
jq -e . "$data" >/dev/null 2>&1 || { echo "reconcile: cannot read $data" >&2; exit 2; }

# Counting conventions (the same ones the program applies):
# - a warrant counts from its public date (the issue date when it was issued
#   publicly); a sealed warrant is unknown to the public and is not counted;
# - a status event counts from its date, or from not_after when only bounded;
# - executed: the warrant reached in-custody or convicted on or before D;
# - withdrawn following death: it reached deceased (the Court terminated the
#   case after the death) on or before D;
# - at large (unexecuted): its latest status on D is at-large or arrested
#   (an arrest without surrender leaves the warrant unexecuted);
# - in custody: its latest status on D is in-custody or convicted;
# - a State Party on D: in force on or before D, and no withdrawal that was
#   not revoked has taken effect on or before D (art. 126, 127(1)).
# - a state: an ISO 3166-1 entry with no `territories` record (on any date).
# Measures ending in _persons count each person once.
count() {   # count DATE MEASURE
    jq -r --arg d "$1" --arg m "$2" '
      def eff: (.date // .not_after // "9999-12-31");
      def pub: (.public // .issued // "9999-12-31");
      def upto: [.status[] | select(eff <= $d)];
      def cur: (upto | last | .status) // "none";
      def executed: any(upto[]; .status == "in-custody" or .status == "convicted");
      def deceased: any(upto[]; .status == "deceased");
      def atlarge: (cur == "at-large" or cur == "arrested");
      def custody: (cur == "in-custody" or cur == "convicted");
      def party: ((.in_force // "9999-12-31") <= $d)
                 and (any(.withdrawals[]; .revoked == null and (.effective.date // "9999-12-31") <= $d) | not);
      [.warrants[] | select(pub <= $d)] as $w
      | if   $m == "warrants"           then $w | length
        elif $m == "persons"            then $w | map(.person) | unique | length
        elif $m == "executed_persons"   then $w | map(select(executed) | .person) | unique | length
        elif $m == "deceased_persons"   then $w | map(select(deceased) | .person) | unique | length
        elif $m == "at_large_warrants"  then $w | map(select(atlarge)) | length
        elif $m == "at_large_persons"   then $w | map(select(atlarge) | .person) | unique | length
        elif $m == "custody_persons"    then $w | map(select(custody) | .person) | unique | length
        elif $m == "states_parties"     then [.rome_statute[] | select(party)] | length
        elif $m == "states"             then [.territories[].iso2] as $t
                                             | [.countries[] | select(.iso2 as $c | $t | index($c) | not)] | length
        else error("unknown measure \($m)") end' "$data"
}

# date | measure | the Court's figure | dataset minus figure | reason (docs)
figures='
2026-06-30|states|193|8|United Nations, Member States: 193 (unchanged since 2011); also listed as states: the observer states VA and PS, CK and NU (own treaty relations), XK, and TW, EH (disputed) and AQ (no state): docs, Territories of non-party states
2010-02-15|warrants|13|0|The Court Today, Feb 2010 (ICC-PIDS-TCT-01-001/10): 13 arrest warrants issued
2010-02-15|deceased_persons|1|0|The Court Today, Feb 2010: one withdrawn following the death of the suspect
2010-02-15|at_large_persons|8|0|The Court Today, Feb 2010: at large, eight suspects
2010-02-15|custody_persons|4|0|The Court Today, Feb 2010: in custody, Lubanga, Katanga, Ngudjolo, Bemba
2015-09-14|persons|28|2|The Court Today, 14 Sep 2015 (ICC-PIDS-TCT-01-069/15): 28 arrest warrants; Gicheru and Bett (joint warrant unsealed 10 Sep 2015) not in the total
2015-09-14|executed_persons|13|0|The Court Today, 14 Sep 2015: 13 warrants implemented
2015-09-14|deceased_persons|3|0|The Court Today, 14 Sep 2015: 3 withdrawn following the death of the suspects
2015-09-14|at_large_persons|13|0|The Court Today, 14 Sep 2015: at large, 13 suspects
2015-09-14|custody_persons|7|0|The Court Today, 14 Sep 2015: 7 persons in custody
2019-07-15|persons|34|2|The Court Today, July 2019 (ICC-PIDS-TCT-01-101/19): 34 arrest warrants; the same two as in 2015 (Gicheru and Bett, joint warrant unsealed 10 Sep 2015) appear left out
2019-07-15|executed_persons|16|1|The Court Today, July 2019: 16 warrants implemented; one more person is recorded as executed, cause not identified
2019-07-15|deceased_persons|3|0|The Court Today, July 2019: 3 withdrawn following the death of the suspects
2019-07-15|custody_persons|5|2|The Court Today, July 2019: 5 persons in custody at the seat of the Court; Lubanga and Al Mahdi were serving their ICC sentences in national prisons
2024-12-17|warrants|59|3|The Court Today, 17 Dec 2024 (ICC-PIOS-TCT-01-150/24): 59 arrest warrants; the Court counts 3 fewer than the public warrants recorded
2024-12-17|executed_persons|21|0|The Court Today, 17 Dec 2024: 21 warrants implemented (one per person)
2024-12-17|deceased_persons|7|0|The Court Today, 17 Dec 2024: 7 withdrawn following the death of the suspects (one per person)
2025-11-11|at_large_warrants|33|0|President Akane to the UN General Assembly, 11 Nov 2025: 33 publicly known arrest warrants unexecuted
2026-07-24|states_parties|125|0|Assembly of States Parties, 24 Jul 2026 (as reported by JURIST): 82 of the 125 states parties voted to remove the Prosecutor
2026-10-09|states_parties|125|0|ICC press release, 9 Oct 2026: the Court, entrusted by 125 States Parties (124 had Hungary left on 2 Jun 2026)
'

fail=0
while IFS='|' read -r date measure court diff what; do
    [ -n "$date" ] || continue
    got=$(count "$date" "$measure") || { echo "reconcile: jq failed on $data" >&2; exit 2; }
    if [ $((got - court)) -eq "$diff" ]; then
        echo "ok   $date $measure: dataset $got, Court $court (known difference $diff) - $what"
    else
        echo "FAIL $date $measure: dataset $got, Court $court, difference $((got - court)) where $diff is explained - $what"
        fail=1
    fi
done <<<"$figures"
exit $fail
