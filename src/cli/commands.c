/* The tables of options and commands (see commands.h). */
#include "commands.h"

const option_spec OPTION_SPECS[] = {
    {"on", 0, OPT_ON, "DATE", FOR_ALL & ~FOR_ITINERARY, "answer for DATE (YYYY-MM-DD); default: today, UTC", NULL},
    {"format", 0, OPT_FORMAT, "FORMAT", FOR_ALL,
     "text (default), json, jsonl, csv or tsv; svg for where and map",
     "text json jsonl csv tsv svg"},
    {"no-header", 0, OPT_NO_HEADER, NULL, FOR_ALL, "leave out the CSV/TSV header row", NULL},
    {"all", 0, OPT_ALL, NULL, FOR_WHERE | FOR_ITINERARY,
     "where: list every country; itinerary: check every wanted person", NULL},
    {"person", 0, OPT_PERSON, "PERSON", FOR_ITINERARY,
     "itinerary: the person whose legs to check (else a 'person' column)", NULL},
    {"parties", 0, OPT_PARTIES, NULL, FOR_COUNTRIES, "only States Parties on the date", NULL},
    {"non-parties", 0, OPT_NON_PARTIES, NULL, FOR_COUNTRIES, "only states that are not", NULL},
    {"out", 0, OPT_OUT, "FILE", FOR_MAP, "write the map to FILE, replacing it whole", NULL},
    {"quiet", 'q', 'q', NULL, FOR_ALL, "print nothing; answer with the exit status only", NULL},
    {"data", 0, OPT_DATA, "FILE", FOR_ALL | FOR_COMPLETION,
     "load the dataset from FILE (or WARRANTCHECK_DATA)", NULL},
    {"color", 0, OPT_COLOR, "WHEN", FOR_ALL, "colour text output: auto (default), always, never",
     "auto always never"},
    {"help", 'h', 'h', NULL, FOR_ALL | FOR_COMPLETION,
     "show help; 'warrantcheck COMMAND --help' for a command", NULL},
    {"version", 0, OPT_VERSION, NULL, FOR_ALL,
     "show the version and the dataset's as-of date", NULL},
};
const size_t N_OPTIONS = sizeof OPTION_SPECS / sizeof OPTION_SPECS[0];
_Static_assert(sizeof OPTION_SPECS / sizeof OPTION_SPECS[0] <= MAX_OPTIONS,
               "an option mask has 32 bits");

const command COMMANDS[] = {
    {"country", FOR_COUNTRY, cmd_country, "country COUNTRY",
     "membership of COUNTRY on the date, and its duty for each open warrant",
     "Is COUNTRY a State Party to the Rome Statute on the date? Prints the dates\n"
     "that make it so, its duty for each warrant in force, and notes (signed but\n"
     "not ratified, withdrawal pending or revoked, art. 12(3) declarations).\n"
     "Exit status 0 for a State Party, 1 if not.\n\n"
     "Examples:\n"
     "  warrantcheck country Mongolia\n"
     "  warrantcheck country \"United States\"\n"
     "  warrantcheck country Ukraine --on 2024-12-31\n"
     "  warrantcheck country PH --on 2019-03-17 --format json | jq .state_party\n"},
    {"can", FOR_CAN, cmd_can, "can PERSON COUNTRY",
     "can PERSON be arrested in COUNTRY? the verdict and its reasons",
     "The verdict for PERSON in COUNTRY on the date: obliged, obliged-residual,\n"
     "obliged-unsc, not-obliged, no-warrant or in-custody, with the legal basis,\n"
     "notes and sources. Exit status 0 for an obliged* verdict, 1 otherwise.\n\n"
     "Examples:\n"
     "  warrantcheck can putin mongolia --on 2024-09-03\n"
     "  warrantcheck can netanyahu hungary --on 2025-04-04\n"
     "  warrantcheck -q can putin \"south africa\" && echo \"would have to arrest\"\n"},
    {"where", FOR_WHERE, cmd_where, "where PERSON",
     "every country where PERSON can be arrested on the date",
     "Every country obliged to arrest PERSON on the date; --all lists every\n"
     "country with its verdict. Exit status 0 if there is at least one.\n\n"
     "Examples:\n"
     "  warrantcheck where putin\n"
     "  warrantcheck where putin --on 2025-01-01 --format csv | tail -n +2 | wc -l\n"
     "  warrantcheck where netanyahu --all --format jsonl | jq -r .verdict | sort | uniq -c\n"},
    {"person", FOR_PERSON, cmd_person, "person PERSON",
     "the warrant(s): issued, charges, situation, status, sources",
     "The warrants for PERSON: when issued and made public, the charges, the\n"
     "situation, the status timeline and the sources.\n\n"
     "Examples:\n"
     "  warrantcheck person putin\n"
     "  warrantcheck person al-bashir --format json | jq '.warrants[].issued'\n"},
    {"persons", FOR_PERSONS, cmd_persons, "persons", "all wanted persons in the dataset",
     "Every person named in a public ICC arrest warrant, with the situation and the\n"
     "status of the first warrant on the date.\n\n"
     "Examples:\n"
     "  warrantcheck persons\n"
     "  warrantcheck persons --format csv | grep at-large\n"},
    {"countries", FOR_COUNTRIES, cmd_countries, "countries",
     "all countries (--parties, --non-parties)",
     "Every country with its membership on the date.\n\n"
     "Examples:\n"
     "  warrantcheck countries --parties --on 2025-01-01 | wc -l\n"
     "  warrantcheck countries --non-parties --format csv\n"},
    {"trips", FOR_TRIPS, cmd_trips, "trips PERSON",
     "travel history: each trip, whether the host was obliged, what happened",
     "Each known foreign trip of PERSON after a warrant, with the host's duty on\n"
     "the day of arrival and what the host did.\n\n"
     "Examples:\n"
     "  warrantcheck trips putin\n"
     "  warrantcheck trips al-bashir --format csv\n"},
    {"map", FOR_MAP, cmd_map, "map PERSON",
     "an SVG world map of where PERSON can be arrested on the date",
     "Draws an SVG world map, each country filled by its verdict for PERSON on\n"
     "the date (obliged; obliged-residual or obliged-unsc; not-obliged), with a\n"
     "legend that counts them, the dataset's as-of date and its sources. Small\n"
     "states get a circle; each shape names its country on hover. To stdout, or\n"
     "with --out to FILE, replaced whole or not at all. 'where PERSON --format\n"
     "svg' draws the same map.\n\n"
     "Examples:\n"
     "  warrantcheck map putin --on 2025-01-01 > putin.svg\n"
     "  warrantcheck map al-bashir --on 2019-06-01 --out bashir.svg\n"
     "  warrantcheck map netanyahu | rsvg-convert -w 1600 > netanyahu.png\n"},
    {"data", FOR_DATA, cmd_data, "data info|validate [FILE]",
     "the dataset's as-of date, counts and sources; validate a data file",
     "'data info' prints the dataset's as-of date and counts (States Parties on\n"
     "the date among them); 'data validate [FILE]' checks a data file as the\n"
     "loader does and exits 4 with the place of the first fault.\n\n"
     "Examples:\n"
     "  warrantcheck data info --on 2025-01-01\n"
     "  warrantcheck data validate data/warrantcheck.json\n"},
    {"itinerary", FOR_ITINERARY, cmd_itinerary, "itinerary FILE|-",
     "check an itinerary, leg by leg (--person PERSON; --all for every wanted person)",
     "Checks each leg of an itinerary: the verdict for the person on its days (for a\n"
     "leg of several days, the strongest of any day, with a note where it changes).\n"
     "FILE (or - for standard input) holds one leg a line, 'DATE COUNTRY' or\n"
     "'DATE..DATE COUNTRY', with '#' comments and blank lines; or CSV with a header\n"
     "naming 'date' (or 'start') and 'country', and optionally 'end', 'person' and\n"
     "'note'. UTF-8, a byte-order mark and CRLF line ends are fine; a line may be\n"
     "at most 65536 bytes. Every leg gives one row per person, in order. A bad line\n"
     "is reported as FILE:LINE:COL and skipped, the rest still checked.\n"
     "Exit status 0 if the person can be arrested on at least one leg, 1 if on\n"
     "none, 3 if any line was bad.\n\n"
     "Examples:\n"
     "  warrantcheck itinerary trips.txt --person putin\n"
     "  printf '2024-09-03 Mongolia\\n' | warrantcheck itinerary - --person putin\n"
     "  warrantcheck itinerary legs.csv --all --format csv > verdicts.csv\n"},
    {"completion", FOR_COMPLETION, cmd_completion, "completion bash|zsh|fish",
     "print a shell completion script",
     "Prints a completion script for bash, zsh or fish that completes commands,\n"
     "options, their values, and the countries and persons of the dataset.\n\n"
     "Examples:\n"
     "  source <(warrantcheck completion bash)\n"
     "  warrantcheck completion zsh > ~/.zfunc/_warrantcheck\n"
     "  warrantcheck completion fish > ~/.config/fish/completions/warrantcheck.fish\n"},
};
const size_t N_COMMANDS = sizeof COMMANDS / sizeof COMMANDS[0];
