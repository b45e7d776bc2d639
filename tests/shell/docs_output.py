#!/usr/bin/env python3
"""docs/output.md promises what each command prints; this checks the promise.

    docs_output.py [--only COMMAND] BINARY OUTPUT_MD [DATA_JSON]

It reads the section "Fields, command by command" of OUTPUT_MD (its shape is
described in the comment at the top of that section) and, for every command
it documents, runs each `Example:` command in every format the program knows
(the list in its "unknown format" message) and checks:

- the formats the program takes are exactly those of `Formats:`;
- JSON and JSONL: every object has exactly the documented keys, in the
  documented order, nested as documented, each value of its documented type
  (null only where "or null"), and ends with the `dataset` stamp; `json` is
  one object or an array of rows as documented, and holds what `jsonl` does;
- CSV and TSV: the header is exactly `CSV/TSV columns:`, every row has as many
  fields, and `--no-header` drops the header and nothing else;
- a format documented as "the same as `text`" prints what text prints;
- `svg` prints an SVG document.

And both ways: every command of `--help` (for `data`, every subcommand) has a
section, and every section is a command. A field or format added to the
program and not to the document, or the reverse, fails it. Nothing of the
document is copied here: the expectations all come from OUTPUT_MD.
`--only COMMAND` runs the examples of one section (the two-way check of
commands and sections still runs); docs_output_detects_change.sh uses it.
"""
import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

failures = []


def fail(msg):
    failures.append(msg)


# --------------------------------------------------------------- the document

TYPES = {"string", "date", "integer", "boolean", "object", "list of strings", "list of objects"}


class Section:
    def __init__(self, heading, key):
        self.heading = heading
        self.key = key            # "can", "data diff"
        self.examples = []
        self.formats = None       # {format: remark}
        self.columns = None       # [names]
        self.fields_as = None     # another section's key
        self.table = []           # [(path, type, nullable)]


def command_key(text):
    """`data install FILE` -> 'data install'; `--version` -> None."""
    words = []
    for w in text.split():
        if not re.fullmatch(r"[a-z]+", w):
            break
        words.append(w)
    return " ".join(words) or None


def backquoted(s):
    return re.findall(r"`([^`]*)`", s)


def parse_type(text, where):
    """'list of strings or null, only with `--sources`' -> the type, whether
    null is allowed, and the options that make the key appear ([]: always)."""
    t = text.strip()
    only = []
    m = re.match(r"^(.*?),? only with (.*)$", t)
    if m:
        t = m.group(1).strip()
        only = backquoted(m.group(2))
        if not only:
            fail(f"{where}: 'only with' names no option in backquotes")
    nullable = t.endswith(" or null")
    if nullable:
        t = t[: -len(" or null")]
    if t not in TYPES:
        fail(f"{where}: unknown type '{text.strip()}'")
    return t, nullable, only


def parse_document(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^## Fields, command by command$(.*?)(?=^## )", text, re.M | re.S)
    if not m:
        fail(f"{path}: no section '## Fields, command by command'")
        return None, {}
    body = re.sub(r"<!--.*?-->", "", m.group(1), flags=re.S)
    stamp = None
    sections = {}
    current = None
    in_table = False
    pending = None  # a list item continued on the next lines
    for line in body.splitlines() + [""]:
        if pending is not None and line.startswith("  ") and line.strip():
            pending[1] += " " + line.strip()
            continue
        if pending is not None:
            finish_item(current, *pending)
            pending = None
        h = re.match(r"^### (.*)$", line)
        if h:
            names = backquoted(h.group(1))
            key = command_key(names[0]) if names and h.group(1).startswith("`") else None
            if "`dataset`" in h.group(1) and key is None:
                current = Section(h.group(1), "dataset stamp")
                stamp = current
            elif key is None:
                current = None  # prose (--version, --help)
            else:
                current = Section(h.group(1), key)
                if key in sections:
                    fail(f"{path}: two sections for '{key}'")
                sections[key] = current
            in_table = False
            continue
        if current is None:
            continue
        item = re.match(r"^- (Example|Formats|CSV/TSV columns|Fields): (.*)$", line)
        if item:
            pending = [item.group(1), item.group(2)]
            continue
        if re.match(r"^\| field \| type \| meaning \|$", line):
            in_table = True
            continue
        if in_table and re.match(r"^\|[-| ]+\|$", line):
            continue
        if in_table and line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            names = backquoted(cells[0])
            if len(cells) < 3 or len(names) != 1:
                fail(f"{current.heading}: bad table row: {line}")
                continue
            t, nullable, only = parse_type(cells[1], f"{current.heading}: {names[0]}")
            current.table.append((names[0], t, nullable, only))
            continue
        in_table = False
    if stamp is None or not stamp.table:
        fail(f"{path}: no table for the `dataset` stamp")
    return stamp, sections


def finish_item(section, name, value):
    if name == "Example":
        section.examples = backquoted(value)
    elif name == "Formats":
        section.formats = {}
        for piece in re.split(r",\s*(?![^()]*\))", value):
            m = re.match(r"^\s*`([a-z]+)`\s*(?:\((.*)\))?\s*$", piece)
            if m:
                section.formats[m.group(1)] = m.group(2) or ""
            elif not piece.strip().startswith("none"):
                fail(f"{section.heading}: cannot read the format '{piece.strip()}'")
    elif name == "CSV/TSV columns":
        cols = backquoted(value)
        section.columns = cols[0].split(",") if cols else []
    elif name == "Fields":
        m = re.match(r"^as `([^`]*)`", value)
        if m:
            section.fields_as = m.group(1)
        else:
            fail(f"{section.heading}: cannot read 'Fields: {value}'")


def build_tree(rows, where, words=()):
    """[(path, type, nullable, only)] -> {key: node}, in order; a node is
    {'type', 'nullable', 'children': {...}}. A key documented as present
    only with some option is left out unless `words` (the example's) has
    one of them."""
    root = {}
    for path, t, nullable, only in rows:
        if only and not any(o in words for o in only):
            continue
        parts = path.replace("[]", "").split(".")
        level = root
        for p in parts[:-1]:
            if p not in level:
                fail(f"{where}: '{path}' comes before its parent '{p}'")
                level[p] = {"type": "object", "nullable": False, "children": {}}
            level = level[p]["children"]
        if parts[-1] in level:
            fail(f"{where}: '{path}' twice")
        level[parts[-1]] = {"type": t, "nullable": nullable, "children": {}}
    return root


# ---------------------------------------------------------------- the program

DATE = re.compile(r"\d{4}-\d\d-\d\d")


def check_value(value, node, path, where):
    t = node["type"]
    if value is None:
        if not node["nullable"]:
            fail(f"{where}: {path} is null, documented as {t}")
        return
    ok = {
        "string": isinstance(value, str),
        "date": isinstance(value, str) and DATE.fullmatch(value) is not None,
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "object": isinstance(value, dict),
        "list of strings": isinstance(value, list) and all(isinstance(v, str) for v in value),
        "list of objects": isinstance(value, list) and all(isinstance(v, dict) for v in value),
    }[t]
    if not ok:
        fail(f"{where}: {path} is {json.dumps(value)[:60]}, documented as {t}")
        return
    if t == "object":
        check_object(value, node["children"], path, where)
    elif t == "list of objects":
        for v in value:
            check_object(v, node["children"], path + "[]", where)


def check_object(obj, children, path, where):
    got = list(obj.keys())
    want = list(children.keys())
    if got != want:
        extra = [k for k in got if k not in children]
        missing = [k for k in want if k not in obj]
        detail = []
        if extra:
            detail.append("not documented: " + ", ".join(extra))
        if missing:
            detail.append("documented, not printed: " + ", ".join(missing))
        if not detail:
            detail.append("order " + ",".join(got))
        fail(f"{where}: keys of {path or 'the object'}: " + "; ".join(detail))
    for k in got:
        if k in children:
            check_value(obj[k], children[k], f"{path}.{k}" if path else k, where)


class Runner:
    def __init__(self, binary, data):
        self.work = tempfile.mkdtemp(prefix="docs_output.")
        os.mkdir(os.path.join(self.work, "bin"))
        os.mkdir(os.path.join(self.work, "cwd"))
        os.symlink(os.path.abspath(binary), os.path.join(self.work, "bin", "warrantcheck"))
        self.binary = binary
        cwd = os.path.join(self.work, "cwd")
        with open(data, encoding="utf-8") as f:
            old = json.load(f)
        shutil.copy(data, os.path.join(cwd, "old.json"))
        new = json.loads(json.dumps(old))
        # A few changes of each kind, so that diff has rows with and
        # without a field and with null before/after.
        new["as_of"] = "2099-12-31"
        new["countries"][0]["name"] += " (renamed)"
        del new["trips"][0]
        new["sources"].append(dict(new["sources"][0], id="docs-output-added"))
        with open(os.path.join(cwd, "new.json"), "w", encoding="utf-8") as f:
            json.dump(new, f)
        # A minisign public key: "Ed", an 8-byte key id and a 32-byte key.
        import base64
        key = base64.b64encode(b"Ed" + bytes(range(40))).decode()
        with open(os.path.join(cwd, "release.pub"), "w") as f:
            f.write(f"untrusted comment: docs_output test key\n{key}\n")
        self.runs = 0

    def run(self, command, extra=""):
        """Runs a documented example in bash (pipefail), the program first on
        PATH; returns (status, stdout, stderr)."""
        self.runs += 1
        env = dict(os.environ)
        env["PATH"] = os.path.join(self.work, "bin") + ":" + env.get("PATH", "")
        # A fresh, empty data home for each run, always at the same path, so
        # that `data install` prints the same whatever ran before.
        xdg = os.path.join(self.work, "xdg")
        shutil.rmtree(xdg, ignore_errors=True)
        env["XDG_DATA_HOME"] = xdg
        env["WARRANTCHECK_TIMEOUT"] = "5"
        env["LC_ALL"] = "C"
        for k in ("WARRANTCHECK_DATA", "NO_COLOR"):
            env.pop(k, None)
        p = subprocess.run(["bash", "-o", "pipefail", "-c", command + extra],
                           cwd=os.path.join(self.work, "cwd"), env=env,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def close(self):
        shutil.rmtree(self.work, ignore_errors=True)


def program_formats(binary):
    p = subprocess.run([binary, "--format", "no-such-format"],
                       capture_output=True, text=True)
    m = re.search(r"unknown format '[^']*' \(([^)]*)\)", p.stderr)
    if not m:
        fail(f"cannot read the formats from: {p.stderr.strip()}")
        return []
    return re.findall(r"[a-z]+", m.group(1).replace(" or ", ", "))


def program_commands(binary):
    """The command keys of --help: 'data info', ..., with the alternatives
    of each command that has some ({'completion': ['bash', ...]})."""
    p = subprocess.run([binary, "--help"], capture_output=True, text=True)
    block = re.search(r"^Commands:\n(.*?)\n\n", p.stdout, re.M | re.S)
    if not block:
        fail("cannot read the commands of --help")
        return {}
    commands = {}
    for line in block.group(1).splitlines():
        words = line.split()
        if not words:
            continue
        alternatives = []
        if len(words) > 1 and re.fullmatch(r"[a-z]+(\|[a-z]+)+", words[1]):
            alternatives = words[1].split("|")
        commands[words[0]] = alternatives
    return commands


def refused(status, stderr):
    return status == 2 and "format" in stderr


def check_section(runner, s, stamp_tree, sections, known_formats):
    where = s.key
    if not s.examples:
        fail(f"{where}: no Example")
        return
    if s.formats is None:
        fail(f"{where}: no Formats")
        return
    for f in s.formats:
        if f not in known_formats:
            fail(f"{where}: documents the format '{f}', which the program does not know")
    source = sections.get(s.fields_as) if s.fields_as else s
    if source is None:
        fail(f"{where}: 'Fields: as `{s.fields_as}`' names no section")
        return
    columns = source.columns
    for example in s.examples:
        if "warrantcheck" not in example:
            fail(f"{where}: the example '{example}' does not run warrantcheck")
            continue
        try:
            words = shlex.split(example)
        except ValueError:
            words = example.split()
        tree = build_tree(source.table, where, words)
        tree.update(stamp_tree)
        outputs = {}
        for f in known_formats:
            status, out, err = runner.run(example, f" --format {f}")
            label = f"{where}: `{example} --format {f}`"
            if refused(status, err):
                if f in s.formats:
                    fail(f"{label}: refused, but documented: {err.strip()}")
                continue
            if f not in s.formats:
                fail(f"{label}: the program takes this format, the document does not list it")
                continue
            # An example fails (exit status 2 and up) only where the command
            # prints one line for people in every format (data update, with
            # nothing listening).
            if status >= 2 and not text_only(s):
                fail(f"{label}: exit status {status}: {err.strip()[:200]}")
                continue
            outputs[f] = out
            check_format(runner, s, f, out, example, label, tree, columns)
        for f, remark in s.formats.items():
            m = re.search(r"the same as `([a-z]+)`", remark)
            if m and f in outputs and outputs.get(m.group(1)) != outputs[f]:
                fail(f"{where}: `{example}`: --format {f} does not print what {m.group(1)} does")
        if "json" in outputs and "jsonl" in outputs and tree_formats(s):
            try:
                doc = json.loads(outputs["json"])
                lines = [json.loads(x) for x in outputs["jsonl"].splitlines() if x.strip()]
                if (doc if isinstance(doc, list) else [doc]) != lines:
                    fail(f"{where}: `{example}`: json and jsonl hold different objects")
            except ValueError:
                pass  # reported by check_format


def text_only(s):
    return all("same as `text`" in r for f, r in s.formats.items() if f != "text")


def tree_formats(s):
    return any(f in s.formats for f in ("json", "jsonl"))


def check_format(runner, s, f, out, example, label, tree, columns):
    remark = s.formats[f]
    if "same as" in remark:
        return
    if f in ("json", "jsonl"):
        if f == "json":
            try:
                doc = json.loads(out)
            except ValueError as e:
                fail(f"{label}: not JSON: {e}")
                return
            if "array" in remark:
                if not isinstance(doc, list):
                    fail(f"{label}: documented as an array, printed {type(doc).__name__}")
                    return
                objects = doc
            elif "object" in remark:
                objects = [doc]
            else:
                fail(f"{label}: Formats says neither 'object' nor 'array' for json")
                return
        else:
            objects = []
            for n, line in enumerate(out.splitlines(), 1):
                try:
                    objects.append(json.loads(line))
                except ValueError as e:
                    fail(f"{label}: line {n} is not JSON: {e}")
                    return
            if "one object" in remark and len(objects) != 1:
                fail(f"{label}: documented as one object, printed {len(objects)} lines")
        if not objects:
            fail(f"{label}: printed no object: the example checks nothing")
        if len(tree) <= 1:
            fail(f"{label}: no field table for {s.key}")
            return
        for n, obj in enumerate(objects, 1):
            if not isinstance(obj, dict):
                fail(f"{label}: row {n} is not an object")
                continue
            before = len(failures)
            check_object(obj, tree, "", f"{label}: row {n}")
            if len(failures) > before + 3:
                del failures[before + 3:]
            if len(failures) > before:
                break  # one row's faults are enough
    elif f in ("csv", "tsv"):
        if columns is None:
            fail(f"{label}: no CSV/TSV columns documented")
            return
        rows = parse_table(out, f)
        if not rows:
            fail(f"{label}: printed nothing")
            return
        if rows[0] != columns:
            fail(f"{label}: header\n    {','.join(rows[0])}\n  documented\n    {','.join(columns)}")
        for n, row in enumerate(rows[1:], 2):
            if len(row) != len(rows[0]):
                fail(f"{label}: line {n} has {len(row)} fields, the header {len(rows[0])}")
                break
        if len(rows) < 2:
            fail(f"{label}: a header and no row: the example checks nothing")
        status, bare, _ = runner.run(example, f" --format {f} --no-header")
        if parse_table(bare, f) != rows[1:]:
            fail(f"{label} --no-header: not the same rows without the header")
    elif f == "svg":
        if not re.match(r"\s*(<\?xml[^>]*\?>\s*)?<svg[ >]", out) or "</svg>" not in out:
            fail(f"{label}: not an SVG document")
    elif f == "text":
        pass  # for people; exit status and acceptance only


def parse_table(out, f):
    if f == "csv":
        return list(csv.reader(io.StringIO(out)))
    return [line.split("\t") for line in out.splitlines()]


def main(argv):
    if len(argv) < 3:
        print("usage: docs_output.py [--only COMMAND] BINARY OUTPUT_MD [DATA_JSON]",
              file=sys.stderr)
        return 2
    only = None
    if argv[1] == "--only":
        only = argv[2]
        argv = argv[:1] + argv[3:]
    binary, doc = argv[1], argv[2]
    data = argv[3] if len(argv) > 3 else os.path.join(
        os.path.dirname(os.path.abspath(doc)), "..", "data", "warrantcheck.json")
    stamp, sections = parse_document(doc)
    known = program_formats(binary)
    commands = program_commands(binary)
    if len(sections) < 5 or len(known) < 2 or len(commands) < 5:
        fail(f"too little read: {len(sections)} sections, formats {known}, "
             f"{len(commands)} commands")
    # Both ways: the program's commands and the document's sections.
    for cmd, alternatives in commands.items():
        if cmd in sections:
            continue
        subs = [f"{cmd} {a}" for a in alternatives]
        missing = [k for k in subs if k not in sections]
        if not subs or missing:
            fail(f"the program's command '{' or '.join(missing or [cmd])}' has no section in {doc}")
    for key in sections:
        first = key.split()[0]
        ok = key in commands or (first in commands and len(key.split()) == 2
                                 and key.split()[1] in commands[first])
        if not ok:
            fail(f"{doc}: section '{key}' is not a command of the program")
    stamp_tree = build_tree(stamp.table, "dataset stamp") if stamp else {}
    runner = Runner(binary, data)
    try:
        for s in sections.values():
            if only is not None and s.key != only:
                continue
            check_section(runner, s, stamp_tree, sections, known)
    finally:
        runner.close()
    for f in failures:
        print("docs/output.md vs the program: " + f)
    print(f"{len(sections)} commands, {runner.runs} runs, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
