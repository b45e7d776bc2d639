#!/usr/bin/env python3
"""Converts Debian's iso-codes into the names warrantcheck resolves.

    python3 data/iso-codes/convert.py [ISO_CODES_PREFIX] > data/iso-codes/names.json

Reads, from the iso-codes package (default prefix /usr/share):
  iso-codes/json/iso_3166-1.json      country codes
  iso-codes/json/iso_3166-2.json      subdivisions and their country
  locale/LANG/LC_MESSAGES/iso_3166-1.mo   country names in LANG
  locale/LANG/LC_MESSAGES/iso_3166-2.mo   names of subdivisions in English,
                                          German, French and Spanish
and data/warrantcheck.json (the names the program already knows), and
writes every name that resolves to exactly one country: subdivisions
("Alaska" -> US), and country names in the LANGUAGES below ("Deutschland"
-> DE). A name that two countries would share, or that is already a
country's name or alias in the dataset, is left out and counted in
"dropped", so a translation can never take a name from the dataset.
Nothing here is typed by hand: rerun it when iso-codes changes.
"""
import gettext
import json
import os
import subprocess
import sys
import unicodedata

# The world's most spoken languages with iso-codes translations, and the
# languages of the Court's States Parties and situations.
LANGUAGES = [
    "ar", "bn_BD", "cs", "da", "de", "el", "es", "fa", "fi", "fr", "he", "hi", "hu", "id",
    "it", "ja", "ka", "ko", "ms", "nb_NO", "nl", "pl", "pt", "pt_BR", "ro", "ru", "sr",
    "sv", "sw", "th", "tr", "uk", "ur", "vi", "zh_CN", "zh_TW", "mn", "hy", "az", "kk",
]


SUBDIVISION_LANGUAGES = ["en", "de", "fr", "es"]

# English exonyms that iso-codes lacks, for subdivisions whose standing is
# asked about: each with the subdivision code it names and the source that
# puts it in its country. The only names here not read from iso-codes.
SUPPLEMENT = [
    ("Crimea", "UA-43", "UN General Assembly resolution 68/262 (2014), 'Territorial integrity "
                        "of Ukraine', https://undocs.org/A/RES/68/262"),
]


def key(name):
    """Roughly the program's own matching key: case, accents, punctuation
    and spaces folded away (src/core/normalize.c does it with utf8proc)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def main():
    prefix = sys.argv[1] if len(sys.argv) > 1 else "/usr/share"
    here = os.path.dirname(os.path.abspath(__file__))
    dataset = json.load(open(os.path.join(here, "..", "warrantcheck.json"), encoding="utf-8"))
    known = {}
    for c in dataset["countries"]:
        for name in [c["name"], c.get("official_name")] + c.get("aliases", []):
            if name:
                known.setdefault(key(name), set()).add(c["iso2"])
    codes = {c["iso2"] for c in dataset["countries"]}

    countries = json.load(open(f"{prefix}/iso-codes/json/iso_3166-1.json", encoding="utf-8"))["3166-1"]
    subdivisions = json.load(open(f"{prefix}/iso-codes/json/iso_3166-2.json", encoding="utf-8"))["3166-2"]
    # Exonyms people type for subdivisions ("Bavaria", "Abu Dhabi") are in
    # these languages' catalogues; the rest of the world types them so too.
    exonyms = [gettext.GNUTranslations(open(f"{prefix}/locale/{lang}/LC_MESSAGES/iso_3166-2.mo", "rb"))
               for lang in SUBDIVISION_LANGUAGES]

    candidates = []  # (name, iso2, kind, detail)
    for s in subdivisions:
        iso2 = s["code"].split("-")[0]
        if iso2 not in codes:
            continue
        names = {s["name"]} | {t.gettext(s["name"]) for t in exonyms}
        for name in sorted(names):
            candidates.append((name, iso2, "subdivision", s["code"]))
    for name, code, _ in SUPPLEMENT:
        candidates.append((name, code.split("-")[0], "subdivision", code))
    languages = []
    for lang in LANGUAGES:
        path = f"{prefix}/locale/{lang}/LC_MESSAGES/iso_3166-1.mo"
        if not os.path.exists(path):
            continue
        languages.append(lang)
        t = gettext.GNUTranslations(open(path, "rb"))
        for c in countries:
            if c["alpha_2"] not in codes:
                continue
            for field in ("name", "official_name", "common_name"):
                if field in c:
                    translated = t.gettext(c[field])
                    if translated != c[field]:
                        candidates.append((translated, c["alpha_2"], "translation", lang))

    by_key = {}
    for name, iso2, kind, detail in candidates:
        by_key.setdefault(key(name), []).append((name, iso2, kind, detail))
    names, dropped = [], {"known": 0, "shared": 0, "short": 0}
    for k in sorted(by_key):
        entries = by_key[k]
        owners = {e[1] for e in entries}
        if len(k) < 2 or (len(k) < 3 and k.isascii()):
            dropped["short"] += len(entries)
        elif k in known:
            dropped["known"] += len(entries)
        elif len(owners) > 1:
            dropped["shared"] += len(entries)
        else:
            name, iso2, kind, _ = entries[0]
            subdivision = next((e[3] for e in entries if e[2] == "subdivision"), None)
            langs = sorted({e[3] for e in entries if e[2] == "translation"}, key=LANGUAGES.index)
            entry = {"name": name, "country": iso2}
            if subdivision:
                entry["subdivision"] = subdivision
            if langs:
                entry["languages"] = langs
            names.append(entry)

    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                             capture_output=True, text=True).stdout.strip() or "unknown"
    out = {
        "source": {
            "package": "iso-codes",
            "version": version,
            "files": ["iso_3166-1.json", "iso_3166-2.json", "LANG/iso_3166-1.mo",
                      "LANG/iso_3166-2.mo"],
            "script": "data/iso-codes/convert.py",
        },
        "supplement": [{"name": n, "subdivision": c, "source": src} for n, c, src in SUPPLEMENT],
        "languages": languages,
        "dropped": dropped,
        "names": sorted(names, key=lambda e: (e["country"], e["name"])),
    }
    # One name a line, so that a new iso-codes release diffs name by name.
    head = {k: v for k, v in out.items() if k != "names"}
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    lines = [json.dumps(n, ensure_ascii=False) for n in out["names"]]
    sys.stdout.write(text + ',\n "names": [\n  ' + ',\n  '.join(lines) + '\n ]\n}\n')


if __name__ == "__main__":
    main()
