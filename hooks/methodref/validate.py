"""Validation of the loaded data: the JSON Schema, then the cross-checks a
schema cannot express. Every problem is collected; nothing stops at the first.
"""

from __future__ import annotations

import difflib
import gc
import json
import math
import re
import unicodedata
from datetime import date
from pathlib import Path

import babel
import jsonschema
import jsonschema_rs

from .dates import babel_locale, known_base
from .http_message import request_faults, response_faults
from .loader import Loaded, load_file
from .markup import HEADER_NAME, code_spans, split_code, status_mentions
from .paths import describe
from .problems import DataError, Problem
from .stale import STAMP_KEY, stale

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_FILE = DATA_DIR / "methods.yml"
SCHEMA_FILE = DATA_DIR / "methods.schema.json"
# Embeddings, overrides and isolates (not the marks U+200E/U+200F): one left
# open in a text reorders whatever the page shows after it.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
CITATION = re.compile(r"^(?P<spec>RFC [0-9]+|HTML|Fetch) §(?P<section>\S+)$")
TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of fields",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "null": "nothing",
}
# Notes that name what a help link asked for: the label, its placeholder, what it names.
NOTES = (
    ("unknown_method", "{method}", "the method"),
    ("unknown_status", "{status}", "the status"),
    ("unknown_header", "{header}", "the header field"),
)
REQUEST_LINE = re.compile(r"^(?P<method>[A-Z]+) (?P<target>\S+) HTTP/1\.1$")
STATUS_LINE = re.compile(r"^HTTP/1\.1 (?P<code>[1-5][0-9][0-9])(?: (?P<reason>.*))?$")


def load_reference(data_file: Path = DATA_FILE) -> dict:
    """Load and validate a data file; raise DataError listing every problem."""
    data_file = Path(data_file)
    # Loading and checking make a node, two marks and a value for each of
    # some 32,000 scalars, and next to no reference cycles: Python's cycle
    # collector, which runs again and again meanwhile over the whole heap,
    # has nothing to find there (about 0.04 s of a rebuild under `serve`).
    collecting = gc.isenabled()
    gc.disable()
    try:
        loaded = load_file(data_file)
        problems = validate(loaded, read_schema(), display_name(data_file))
    finally:
        if collecting:
            gc.enable()
    if problems:
        raise DataError(problems)
    return loaded.data


def read_schema(schema_file: Path = SCHEMA_FILE) -> dict:
    """The schema, read again only when the file changed (`serve` validates on every save)."""
    stat = schema_file.stat()
    key = (str(schema_file), stat.st_mtime_ns, stat.st_size)
    if key not in _schemas:
        _schemas.clear()
        _schemas[key] = json.loads(schema_file.read_text(encoding="utf-8"))
    return _schemas[key]


_schemas: dict[tuple, dict] = {}
_validators: dict[int, tuple] = {}


def _validators_of(schema: dict) -> tuple[jsonschema.Draft202012Validator, object]:
    """The schema's validators, made once per schema object (read_schema
    keeps one per file version): jsonschema's, which words every fault, and
    jsonschema-rs's, which only tells whether there is one, 20 times faster."""
    if id(schema) not in _validators or _validators[id(schema)][0] is not schema:
        inlined = _inline_refs(schema)
        _validators.clear()
        _validators[id(schema)] = (
            schema,
            jsonschema.Draft202012Validator(inlined),
            jsonschema_rs.validator_for(inlined),
        )
    return _validators[id(schema)][1:]


# Where jsonschema could find a fault that jsonschema-rs misses: Python's \s
# also matches these characters (Rust's regex does not), and jsonschema-rs
# takes a tuple (a YAML !!pairs) for an array. Data with either, or any other
# type than JSON's, is checked by jsonschema alone (tests/test_data_errors.py).
PYTHON_ONLY_SPACE = re.compile("[\x1c-\x1f\x85]")
JSON_LEAVES = (str, int, float, bool, type(None))


def _plain_json(value) -> bool:
    """Only JSON's types (dict, list, text, finite numbers, true, false,
    null), and no text with a character the validators' \\s treat apart."""
    if type(value) is str:
        return PYTHON_ONLY_SPACE.search(value) is None
    if type(value) is dict:
        return all(_plain_json(key) and _plain_json(item) for key, item in value.items())
    if type(value) is list:
        return all(_plain_json(item) for item in value)
    if type(value) is float:
        return math.isfinite(value)
    if type(value) is int:
        return -(2**63) <= value < 2**63
    return type(value) in JSON_LEAVES


def _schema_errors(schema: dict, data) -> list:
    """jsonschema's errors; none without asking it when jsonschema-rs finds the data valid."""
    wording, verdict = _validators_of(schema)
    if _plain_json(data) and verdict.is_valid(data):
        return []
    return list(wording.iter_errors(data))


def display_name(data_file: Path) -> str:
    """The file as messages name it: data/<file>."""
    data_file = Path(data_file)
    return f"{data_file.parent.name}/{data_file.name}"


def validate(loaded: Loaded, schema: dict, file: str) -> list[Problem]:
    data = loaded.data
    problems = [
        Problem(file, issue.line, describe(issue.path, data), issue.message, issue.fix) for issue in loaded.issues
    ]
    if data is None and loaded.issues:
        return problems

    def report(path, message, fix, line=None):
        path = tuple(path)
        problems.append(Problem(file, line or loaded.line_of(path), describe(path, data), message, fix))

    # A value the loader already rejected (a bare yes) is not reported again.
    rejected = {issue.path for issue in loaded.issues}
    for error in _schema_errors(schema, data):
        if tuple(error.absolute_path) not in rejected:
            _schema_problem(error, data, loaded, report)
    if not problems:
        _cross_check(data, report)
    return problems


def _schema_problem(error, data, loaded: Loaded, report) -> None:
    path = tuple(error.absolute_path)
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "required":
        for name in error.validator_value:
            if isinstance(error.instance, dict) and name not in error.instance:
                report(
                    (*path, name),
                    "missing field",
                    f"add '{name}:' here; every field is described at the top of the data file",
                    line=loaded.line_of(path),
                )
        return
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        for name in error.instance:
            if name not in allowed:
                close = difflib.get_close_matches(str(name), allowed, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                if "x-expected" in schema:  # keyed by names from elsewhere in the file, not by fields
                    report(
                        (*path, name),
                        f"'{name}' is not {schema['x-expected']}",
                        f"{hint}{schema['x-fix']}: {', '.join(allowed)}",
                    )
                    continue
                report(
                    (*path, name),
                    f"unknown field '{name}'",
                    f"{hint}remove it or rename it; allowed here: {', '.join(allowed)}",
                )
        return
    if "propertyNames" in error.absolute_schema_path:
        report(
            (*path, error.instance),
            f"'{error.instance}' is not {schema.get('x-expected', 'a valid key')}",
            schema.get("x-fix", "rename the key"),
        )
        return
    if kind == "type":
        expected = TYPE_WORDS.get(error.validator_value, error.validator_value)
        found = _type_word(error.instance)
        fix = f"write {expected} here"
        if expected == "text" and isinstance(error.instance, (int, float)):
            fix = f'quote the value ("{error.instance}") so it is read as text'
        report(path, f"expected {expected}, found {found}", fix)
        return
    if kind == "pattern" and schema.get("x-expected") == "text":
        report(path, "empty text", schema["x-fix"])
        return
    if kind == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        report(path, f"'{error.instance}' is not one of: {choices}", schema.get("x-fix", "use one of those"))
        return
    if kind == "minItems":
        report(path, "the list is empty", schema.get("x-fix", "add at least one item"))
        return
    if kind == "minProperties":
        report(path, "nothing is listed here", "add at least one entry")
        return
    if kind == "uniqueItems":
        report(path, "an item is listed twice", "remove the repeated item")
        return
    expected = schema.get("x-expected", "valid")
    report(path, f"'{error.instance}' is not {expected}", schema.get("x-fix", error.message))


def _type_word(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _cross_check(data: dict, report) -> None:
    """What the schema cannot say: references between parts of the file."""
    locale_codes = [locale["code"] for locale in data["locales"]]
    _unique(data["locales"], "code", "locales", report)
    _unique(data["methods"], "name", "methods", report)
    _unique(data["methods"], "slug", "methods", report)
    method_names = {method["name"] for method in data["methods"]}
    specs = data["specs"]

    def check_citation(path, citation):
        match = CITATION.match(citation)
        spec = specs.get(match["spec"]) if match else None
        if spec is None:
            report(path, f"unknown specification in '{citation}'", f"use one of: {', '.join(specs)}")
        elif match["section"] not in spec["sections"]:
            report(
                path,
                f"section {match['section']} of {match['spec']} is not in the list of known sections",
                f"correct the section, or add it to specs.{match['spec']}.sections after checking it",
            )

    header_names = [header["name"] for header in data["headers"]]
    for code, status in data["status_codes"].items():
        check_citation(("status_codes", code, "source"), status["source"])
        for position, header in enumerate(status.get("headers", [])):
            if header not in header_names:
                report(
                    ("status_codes", code, "headers", position),
                    f"the header field {header} is not in headers",
                    "add it to headers with its direction and example, or correct the name",
                )
    _unique(data["headers"], "name", "headers", report)
    for index, header in enumerate(data["headers"]):
        if "source" in header:
            check_citation(("headers", index, "source"), header["source"])
    _unique(data["registry"]["methods"], "name", "registry.methods", report, at=("registry", "methods"))
    for index, row in enumerate(data["registry"]["methods"]):
        check_citation(("registry", "methods", index, "reference"), row["reference"])

    for index, method in enumerate(data["methods"]):
        at = ("methods", index)
        name = method["name"]
        check_citation((*at, "defined_in"), method["defined_in"])
        for prop, fact in method["properties"].items():
            check_citation((*at, "properties", prop, "source"), fact["source"])
        codes = _listed_codes(data, method, "success", at, report)
        failures = _listed_codes(data, method, "failures", at, report)
        _unique(method.get("more_examples", []), "id", "more_examples", report, at=(*at, "more_examples"))
        example_ids = [example["id"] for example in method.get("more_examples", [])]
        others = sorted(method_names - {name})
        for position, other in enumerate(method["related"]):
            if other not in others:
                report(
                    (*at, "related", position),
                    f"'{other}' is not another method of this file",
                    f"use one of: {', '.join(others)}" if others else "remove it",
                )
        _check_example(method, at, codes, report)
        for position, example in enumerate(method.get("more_examples", [])):
            for step, exchange in enumerate(example["exchanges"]):
                _check_exchange(data, exchange, (*at, "more_examples", position, "exchanges", step), report)
        for path, message in _messages(method):
            for field in _header_names(message):
                # Transfer-Encoding is reported as not allowed at all.
                if field not in header_names and field.lower() != "transfer-encoding":
                    report(
                        (*at, *path),
                        f"the header field {field} is not in headers",
                        "add it to headers with its direction and example, or correct the name",
                    )
        texts = method["text"]
        for code in locale_codes:
            if code not in texts:
                report(
                    (*at, "text", code),
                    "no text for this locale",
                    f"add '{code}:' under text with summary, description, choose, avoid, "
                    "success, status, cautions and example",
                    line=None,
                )
        for code, text in texts.items():
            if code not in locale_codes:
                report(
                    (*at, "text", code),
                    f"text for '{code}', which is not in locales",
                    "add the locale to locales, or remove this text",
                )
                continue
            status = text["status"]
            for missing in (c for c in codes if c not in status):
                report(
                    (*at, "text", code, "status", missing),
                    f"no meaning for status {missing}, which this method lists in success",
                    f"add '{missing}:' with what the code means for {name}",
                    line=None,
                )
            for extra in (c for c in status if c not in codes):
                report(
                    (*at, "text", code, "status", extra),
                    f"status {extra} is not in this method's success list",
                    "remove it, or add the code to the method's success list",
                )
            _same_keys(
                text["failures"],
                failures,
                (*at, "text", code, "failures"),
                report,
                missing=lambda key, name=name: (
                    f"no meaning and fix for status {key}, which this method lists in failures",
                    f"add '{key}:' with meaning and fix for {name}",
                ),
                extra=lambda key: (
                    f"status {key} is not in this method's failures list",
                    "remove it, or add the code to the method's failures list",
                ),
            )
            _same_keys(
                text.get("more_examples", {}),
                example_ids,
                (*at, "text", code, "more_examples"),
                report,
                missing=lambda key: (
                    f"no introduction for the example '{key}'",
                    f"add '{key}:' with one sentence that introduces it",
                ),
                extra=lambda key: (
                    f"'{key}' is not an id of this method's more_examples",
                    "remove it, or correct the id",
                ),
            )

    # Method names in backticks are no header fields.
    method_tokens = method_names | {row["name"] for row in data["registry"]["methods"]}
    for path, text in _texts(data):
        for control in sorted(set(DIRECTION_CONTROLS.findall(text))):
            report(
                path,
                f"the invisible direction control U+{ord(control):04X} ({unicodedata.name(control)}) "
                "would reorder the text after it on the page",
                "delete it: the pages isolate codes, names and status mentions themselves; "
                "where a neutral character needs a direction, use a mark (U+200E or U+200F)",
            )
        if text.count("`") % 2:
            report(path, "a backtick opens code that never closes", "add the closing backtick, or remove the stray one")
            continue
        parts = split_code(text)
        for token in code_spans(text, parts):
            if HEADER_NAME.match(token) and token not in header_names and token not in method_tokens:
                report(
                    path,
                    f"`{token}` is written as a header field name, but headers has no {token}",
                    "add the field to headers with its direction, example and text in every locale, "
                    "or correct the name",
                )
        # A bare number may be a port or a count ("port 443"); with its
        # reason phrase it is a status mention, and must have an entry.
        for mention in status_mentions(text, parts):
            if mention["code"] and mention["reason"] and mention["code"] not in data["status_codes"]:
                report(
                    path,
                    f"status {mention['code']} is not in status_codes",
                    "add it to status_codes with its reason phrase and source, and its text in every locale, "
                    "or correct the code",
                )

    claimed = {code: ("locales", index, "code") for index, code in enumerate(locale_codes)}
    lower_names = {name.lower(): name for name in header_names}  # texts are keyed by the lower-case name
    for index, locale in enumerate(data["locales"]):
        _same_keys(
            locale["status"],
            list(data["status_codes"]),
            ("locales", index, "status"),
            report,
            missing=lambda key: (f"no text for status {key}", f"add '{key}:' with meaning and action"),
            extra=lambda key: (f"status {key} is not in status_codes", "remove it, or add the code to status_codes"),
        )
        _same_keys(
            locale["headers"],
            list(lower_names),
            ("locales", index, "headers"),
            report,
            missing=lambda key: (
                f"no text for the header field {lower_names[key]}",
                f"add '{key}:' with what the field does",
            ),
            extra=lambda key: (f"'{key}' is not a field of headers", "remove it, or add the field to headers"),
        )
        for label, placeholder, what in NOTES:
            note = locale["labels"][label]
            if note.strip() and note.count(placeholder) != 1:
                report(
                    ("locales", index, "labels", label),
                    f"the note must name {what} once, as {placeholder}",
                    f"put {placeholder} where the name goes",
                )
        line = locale["labels"]["reviewed"]
        if line.strip() and line.count("{date}") != 1:
            report(
                ("locales", index, "labels", "reviewed"),
                "the line must give the date once, as {date}",
                "put {date} where the date goes",
            )
        try:
            date.fromisoformat(locale["reviewed"])
        except ValueError:
            report(
                ("locales", index, "reviewed"),
                f"'{locale['reviewed']}' is not a day of the calendar",
                "check the month and the day of the last full review",
            )
        try:
            babel_locale(locale["code"])
        except babel.UnknownLocaleError:
            base = known_base(locale["code"])
            fix = (
                f"Babel knows '{base}': use that code"
                if base
                else "use a CLDR code Babel knows, such as pt-BR or zh-Hant"
            )
            report(
                ("locales", index, "code"),
                f"Babel has no locale '{locale['code']}', so dates cannot be written in its format",
                fix,
            )
        for position, alias in enumerate(locale["aliases"]):
            if alias in claimed:
                report(
                    ("locales", index, "aliases", position),
                    f"'{alias}' already means another locale",
                    "give every language tag to one locale only",
                )
            claimed[alias] = ("locales", index, "aliases", position)

    source = locale_codes[0]
    if STAMP_KEY in data["locales"][0]:
        report(("locales", 0, STAMP_KEY), f"{source} is the source language and translates nothing", "remove it")
    for index, method in enumerate(data["methods"]):
        if STAMP_KEY in method["text"].get(source, {}):
            report(("methods", index, "text", source, STAMP_KEY), f"{source} is the source language", "remove it")
    for translation, state in stale(data):
        if not _has_text(_value_at(data, translation.path)):
            continue  # an empty text is reported as such; there is nothing to stamp yet
        command = f"python -m methodref stamp {translation.locale} {translation.scope} {translation.field}"
        if state == "stale":
            report(
                translation.path,
                "the English text changed after this was translated",
                f"bring the translation up to date with the English, then run: {command}",
            )
        else:
            report(
                translation.path,
                "no record of which English text this translates",
                f"translate it from the current English, then run: {command}",
            )


def _check_example(method, at, codes, report) -> None:
    example = method["example"]
    request_line = example["request"].splitlines()[0] if example["request"].strip() else ""
    match = REQUEST_LINE.match(request_line)
    if not match or match["method"] != method["name"]:
        report(
            (*at, "example", "request"),
            f"the request must start with '{method['name']} <target> HTTP/1.1'",
            "write the request line first, then one header field per line",
        )
    status_line = example["response"].splitlines()[0] if example["response"].strip() else ""
    match = STATUS_LINE.match(status_line)
    if not match or match["code"] not in codes:
        report(
            (*at, "example", "response"),
            "the response must start with 'HTTP/1.1 <code> <reason>' using a code from success",
            "write the status line first, with a code this method lists in success",
        )
    for fault in request_faults(example["request"]):
        report((*at, "example", "request"), fault.message, fault.fix)
    for fault in response_faults(example["response"], method["name"]):
        report((*at, "example", "response"), fault.message, fault.fix)
    if (method["name"] == "CONNECT") != ("proxy" in example):
        report(
            (*at, "example", "proxy"),
            "proxy is required for CONNECT and allowed nowhere else",
            "add proxy: http://host:port to the CONNECT example only",
        )


def _check_exchange(data, exchange, at, report) -> None:
    """One request and its response of a further example: framed as a peer
    reads them, the response's status one of status_codes."""
    match = REQUEST_LINE.match(exchange["request"].splitlines()[0] if exchange["request"].strip() else "")
    if not match:
        report(
            (*at, "request"),
            "the request must start with '<METHOD> <target> HTTP/1.1'",
            "write the request line first, then one header field per line",
        )
    status_line = exchange["response"].splitlines()[0] if exchange["response"].strip() else ""
    status = STATUS_LINE.match(status_line)
    if not status or status["code"] not in data["status_codes"]:
        report(
            (*at, "response"),
            "the response must start with 'HTTP/1.1 <code> <reason>' using a code from status_codes",
            "write the status line first, with a code listed in status_codes",
        )
    for fault in request_faults(exchange["request"]):
        report((*at, "request"), fault.message, fault.fix)
    if match:
        for fault in response_faults(exchange["response"], match["method"]):
            report((*at, "response"), fault.message, fault.fix)


def _messages(method: dict):
    """Every raw HTTP message of a method's examples, with its path."""
    for kind in ("request", "response"):
        yield ("example", kind), method["example"][kind]
    for position, example in enumerate(method.get("more_examples", [])):
        for step, exchange in enumerate(example["exchanges"]):
            for kind in ("request", "response"):
                yield ("more_examples", position, "exchanges", step, kind), exchange[kind]


def _header_names(message: str) -> list[str]:
    head = message.partition("\n\n")[0].splitlines()[1:]
    return [line.partition(":")[0].strip() for line in head if ":" in line]


def _listed_codes(data, method, field, at, report) -> list[str]:
    """The codes of a method's success or failures list, each in status_codes, none twice."""
    codes = [str(item["code"]) for item in method[field]]
    for position, code in enumerate(codes):
        if code not in data["status_codes"]:
            report(
                (*at, field, position, "code"),
                f"status {code} is not in status_codes",
                "add it to status_codes with its reason phrase and source, or correct the code",
            )
    if len(set(codes)) != len(codes):
        report((*at, field), "a status code is listed twice", "remove the repeated code")
    return codes


def _same_keys(texts: dict, keys: list[str], at: tuple, report, missing, extra) -> None:
    """A localized mapping has a text for every key, and for nothing else;
    `missing` and `extra` give the message and fix for a key."""
    for key in keys:
        if key not in texts:
            report((*at, key), *missing(key), line=None)
    for key in texts:
        if key not in keys:
            report((*at, key), *extra(key))


def _unique(items: list, key: str, section: str, report, at: tuple | None = None) -> None:
    seen = {}
    for index, item in enumerate(items):
        value = item[key]
        if value in seen:
            report(
                (*(at or (section,)), index, key),
                f"{key} '{value}' is used twice (also by item {seen[value] + 1})",
                f"give every entry of {section} its own {key}",
            )
        seen.setdefault(value, index)


def _texts(data: dict):
    """Every localized text with its path."""

    def walk(value, path):
        if path and path[-1] == STAMP_KEY:
            return
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            for key, child in value.items():
                yield from walk(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                yield from walk(child, (*path, index))

    for index, locale in enumerate(data["locales"]):
        for part in ("labels", "glossary", "overview", "status", "headers"):
            yield from walk(locale[part], ("locales", index, part))
    for index, method in enumerate(data["methods"]):
        yield from walk(method["text"], ("methods", index, "text"))


def _value_at(data, path):
    for step in path:
        data = data[step]
    return data


def _has_text(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(_has_text(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_text(v) for v in value)
    return value is not None


def _inline_refs(schema: dict) -> dict:
    """The schema with each local $ref replaced by its definition: the same
    rules, validated about twice as fast (the schema has no recursion)."""
    definitions = schema.get("$defs", {})

    def inline(node):
        if isinstance(node, dict):
            if set(node) == {"$ref"} and node["$ref"].startswith("#/$defs/"):
                return inline(definitions[node["$ref"].removeprefix("#/$defs/")])
            return {key: inline(value) for key, value in node.items() if key != "$defs"}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    return inline(schema)
