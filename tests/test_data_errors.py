"""Every fault in the data file gets its own exact message: file:line,
<method>.<locale>.<field>, what is wrong, and how to fix it.

Each case changes one line of tests/fixtures/minimal.yml, the smallest valid
data file, and lists every message the checker must print, all at once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import jsonschema_rs
import pytest

from methodref.loader import load_file, load_text
from methodref.problems import DataError
from methodref.validate import PYTHON_ONLY_SPACE, SCHEMA_FILE, _plain_json, load_reference, validate

MINIMAL = Path(__file__).parent / "fixtures" / "minimal.yml"
FILE = "fixtures/minimal.yml"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
RFC9110_URL = "    url: https://www.rfc-editor.org/rfc/rfc9110#section-{section}\n"
SUMMARY = "        summary: Retrieves a representation of a resource without changing anything on the server.\n"

FAULTS = {
    "syntax-error": (
        "    slug: get\n",
        "    slug: get: x\n",
        [
            "301: file: YAML syntax error: mapping values are not allowed here "
            "(check the indentation and quoting on this line and the one before it)"
        ],
    ),
    "duplicate-key": (
        "    slug: get\n",
        "    slug: get\n    slug: got\n",
        ["302: GET.slug: duplicate key 'slug', first defined on line 301 (keep one of them and delete the other)"],
    ),
    "bare-yes-value": (
        "        value: true\n        source: RFC 9110 §9.2.1\n",
        "        value: yes\n        source: RFC 9110 §9.2.1\n",
        [
            "305: GET.properties.safe.value: 'yes' is read as a boolean "
            '(write true or false for a yes/no fact, or quote it ("yes") for text)'
        ],
    ),
    "unknown-tag": (
        "        value: true\n        source: RFC 9110 §9.2.1\n",
        "        value: !fact true\n        source: RFC 9110 §9.2.1\n",
        [
            "305: GET.properties.safe.value: the tag '!fact' is not plain YAML (delete '!fact', or quote the value if the tag is part of the text)"
        ],
    ),
    "bare-no-key": (
        "    notes: []\n",
        "    notes: []\n    no: []\n",
        ["330: GET.no: the key 'no' is read as a boolean (quote it: \"no\":)"],
    ),
    "missing-locale": (
        "    text:\n      en:\n",
        "    text:\n      fr:\n",
        [
            "354: GET.en: no text for this locale (add 'en:' under text with summary, description, choose, avoid, "
            "success, status, cautions and example)",
            "355: GET.fr: text for 'fr', which is not in locales (add the locale to locales, or remove this text)",
        ],
    ),
    "missing-field": (
        SUMMARY,
        "",
        [
            "355: GET.en.summary: missing field (add 'summary:' here; every field is described at the top of the data file)"
        ],
    ),
    "unknown-field": (
        "        choose:\n",
        "        chose: x\n        choose:\n",
        [
            "361: GET.en.chose: unknown field 'chose' (did you mean 'choose'? remove it or rename it; allowed here: "
            "summary, description, choose, avoid, success, status, cautions, failures, example, more_examples, translated_from)"
        ],
    ),
    "empty-text": (
        SUMMARY,
        '        summary: "  "\n',
        ["356: GET.en.summary: empty text (write the text; it must not be empty)"],
    ),
    "number-for-text": (
        "      nav_methods: Methods\n",
        "      nav_methods: 42\n",
        [
            '107: labels.en.nav_methods: expected text, found the number 42 (quote the value ("42") so it is read as text)'
        ],
    ),
    "list-for-text": (
        "      nav_methods: Methods\n",
        "      nav_methods: [Methods]\n",
        ["107: labels.en.nav_methods: expected text, found a list (write text here)"],
    ),
    "invalid-status-code": (
        "      - code: 304\n",
        "      - code: 299\n",
        [
            "326: GET.success[2].code: status 299 is not in status_codes "
            "(add it to status_codes with its reason phrase and source, or correct the code)",
            "373: GET.en.status.299: no meaning for status 299, which this method lists in success "
            "(add '299:' with what the code means for GET)",
            "376: GET.en.status.304: status 304 is not in this method's success list "
            "(remove it, or add the code to the method's success list)",
        ],
    ),
    "unknown-related-method": (
        "    related: []\n",
        "    related: [FETCH]\n",
        ["330: GET.related[0]: 'FETCH' is not another method of this file (remove it)"],
    ),
    "unknown-rfc-section": (
        "        source: RFC 9110 §9.2.1\n",
        "        source: RFC 9110 §9.2.9\n",
        [
            "306: GET.properties.safe.source: section 9.2.9 of RFC 9110 is not in the list of known sections "
            "(correct the section, or add it to specs.RFC 9110.sections after checking it)"
        ],
    ),
    "malformed-citation": (
        "        source: RFC 9110 §9.2.1\n",
        "        source: RFC9110 9.2.1\n",
        [
            "306: GET.properties.safe.source: 'RFC9110 9.2.1' is not a citation "
            '(write it as "RFC 9110 §9.3.1": a spec from specs, a space, § and a listed section)'
        ],
    ),
    "rejected-locale-code": (
        "  - code: en\n",
        "  - code: english\n",
        [
            "96: locale.english.code: 'english' is not a locale code (use a code the i18n plugin accepts: sv, pt-BR, zh-Hans)"
        ],
    ),
    "unknown-condition": (
        "        condition: no-defined-semantics\n",
        "        condition: unclear\n",
        [
            "315: GET.properties.request_content.condition: 'unclear' is not one of: content-location, "
            "content-in-cache-key, if-match, no-defined-semantics, no-defined-use, forbidden, required, "
            "patch-document, optional, tunnel (use a key of labels.conditions)"
        ],
    ),
    "unclosed-backtick": (
        "          206: Only the requested range is in the content.\n",
        "          206: Only the `Range is in the content.\n",
        [
            "375: GET.en.status.206: a backtick opens code that never closes (add the closing backtick, or remove the stray one)"
        ],
    ),
    "direction-control": (
        "          206: Only the requested range is in the content.\n",
        "          206: Only the requested \u202erange is in the \u2067content.\n",
        [
            "375: GET.en.status.206: the invisible direction control U+202E (RIGHT-TO-LEFT OVERRIDE) would reorder the text after it on the page (delete it: the pages isolate codes, names and status mentions themselves; where a neutral character needs a direction, use a mark (U+200E or U+200F))",
            "375: GET.en.status.206: the invisible direction control U+2067 (RIGHT-TO-LEFT ISOLATE) would reorder the text after it on the page (delete it: the pages isolate codes, names and status mentions themselves; where a neutral character needs a direction, use a mark (U+200E or U+200F))",
        ],
    ),
    "section-as-number": (
        "      - '2.5'\n",
        "      - 2.5\n",
        [
            '43: specs.RFC 10008.sections[2]: expected text, found the number 2.5 (quote the value ("2.5") so it is read as text)'
        ],
    ),
    "example-of-another-method": (
        "        GET /orders/42 HTTP/1.1\n",
        "        POST /orders/42 HTTP/1.1\n",
        [
            "333: GET.example.request: the request must start with 'GET <target> HTTP/1.1' "
            "(write the request line first, then one header field per line)"
        ],
    ),
    "malformed-request-line": (
        "        GET /orders/42 HTTP/1.1\n",
        "        GET /orders/42 HTTP/1.1 x\n",
        [
            "333: GET.example.request: the request line is not valid HTTP/1.1, h11 says: illegal request line: "
            "'GET /orders/42 HTTP/1.1 x' (write it as '<METHOD> <target> HTTP/1.1', separated by single spaces)",
            "333: GET.example.request: the request must start with 'GET <target> HTTP/1.1' "
            "(write the request line first, then one header field per line)",
        ],
    ),
    "malformed-status-line": (
        "        HTTP/1.1 200 OK\n",
        "        HTTP/1.1 OK\n",
        [
            "337: GET.example.response: the response must start with 'HTTP/1.1 <code> <reason>' using a code from success "
            "(write the status line first, with a code this method lists in success)",
            "337: GET.example.response: the status line is not valid HTTP/1.1, h11 says: illegal status line: "
            "'HTTP/1.1 OK' (write it as 'HTTP/1.1 <code> <reason>', separated by single spaces)",
        ],
    ),
    "malformed-header-line": (
        "        Accept: application/json\n",
        "        Accept application/json\n",
        [
            "333: GET.example.request: a header field of the request is not valid HTTP/1.1, h11 says: illegal header line: "
            "'Accept application/json' (write every header field on its own line as 'Name: value', with no space before the colon)"
        ],
    ),
    "missing-host": (
        "        Host: api.example.com\n",
        "",
        [
            "333: GET.example.request: a header field of the request is not valid HTTP/1.1, h11 says: Missing mandatory Host: header "
            "(write one 'Host:' field naming the server, such as 'Host: api.example.com')"
        ],
    ),
    "request-content-without-length": (
        "        Accept: application/json\n",
        '        Accept: application/json\n\n        {"id": 42}\n',
        [
            "333: GET.example.request: the request has content but no Content-Length, so HTTP/1.1 reads it as a request without content "
            "(add 'Content-Length: 10')"
        ],
    ),
    "response-content-without-length": (
        "        Content-Length: 31\n",
        "",
        [
            "337: GET.example.response: the response has content but no Content-Length, so HTTP/1.1 reads it until the connection closes "
            "(add 'Content-Length: 31' after Content-Type)"
        ],
    ),
    "wrong-content-length": (
        "        Content-Length: 31\n",
        "        Content-Length: 13\n",
        ["337: GET.example.response: Content-Length is 13, but the content is 31 bytes (write 'Content-Length: 31')"],
    ),
    "bad-content-length": (
        "        Content-Length: 31\n",
        "        Content-Length: 31 bytes\n",
        [
            "337: GET.example.response: a header field of the response to GET is not valid HTTP/1.1, h11 says: bad Content-Length "
            "(write one 'Content-Length: 31')"
        ],
    ),
    "content-on-304-response": (
        "        HTTP/1.1 200 OK\n",
        "        HTTP/1.1 304 Not Modified\n",
        [
            "337: GET.example.response: content on a 304 response to GET, which HTTP/1.1 ends after the header fields "
            "(remove the blank line and everything after it)"
        ],
    ),
    "transfer-encoding": (
        "        Content-Length: 31\n",
        "        Transfer-Encoding: chunked\n",
        [
            "337: GET.example.response: Transfer-Encoding is not allowed in an example "
            "(remove it and frame the content with 'Content-Length: 31')"
        ],
    ),
    "review-line-without-date": (
        "      reviewed: This language version was last reviewed in full on {date}.\n",
        "      reviewed: This language version was last reviewed in full.\n",
        ["141: labels.en.reviewed: the line must give the date once, as {date} (put {date} where the date goes)"],
    ),
    "review-date-not-in-calendar": (
        '    reviewed: "2026-12-01"\n',
        '    reviewed: "2026-02-30"\n',
        [
            "102: locale.en.reviewed: '2026-02-30' is not a day of the calendar (check the month and the day of the last full review)"
        ],
    ),
    "locale-unknown-to-babel": (
        "  - code: en\n",
        "  - code: en-XX\n",
        [
            "96: locale.en-XX.code: Babel has no locale 'en-XX', so dates cannot be written in its format (Babel knows 'en': use that code)",
            "354: GET.en-XX: no text for this locale (add 'en-XX:' under text with summary, description, choose, avoid, "
            "success, status, cautions and example)",
            "355: GET.en: text for 'en', which is not in locales (add the locale to locales, or remove this text)",
        ],
    ),
    "search-terms-not-under-a-concept": (
        "      content: [body, payload]\n",
        "      body: [content, payload]\n",
        [
            "246: locale.en.search_terms.body: 'body' is not a glossary concept (key the words by the concept, as the glossary names it: "
            "method, request, response, resource, representation, content, header_field, status_code, safe, idempotent, cacheable, "
            "cache, proxy, client, server, query_string, patch_document, tunnel, media_type, conditional_request, redirect, retry, idempotency_key, method_field)"
        ],
    ),
    "unknown-direction": (
        "    direction: ltr\n",
        "    direction: right\n",
        ["100: locale.en.direction: 'right' is not one of: ltr, rtl (write ltr or rtl)"],
    ),
    "header-in-text-not-in-headers": (
        "A request with a `Range` header",
        "A request with a `Ranges` header",
        [
            "369: GET.en.success: `Ranges` is written as a header field name, but headers has no Ranges (add the field to headers with its direction, example and text in every locale, or correct the name)",
        ],
    ),
    "status-in-text-not-in-status-codes": (
        "can get 206 Partial Content",
        "can get 207 Multi-Status",
        [
            "369: GET.en.success: status 207 is not in status_codes (add it to status_codes with its reason phrase and source, and its text in every locale, or correct the code)",
        ],
    ),
    "failure-not-in-status-codes": (
        "      - code: 405\n",
        "      - code: 499\n",
        [
            "328: GET.failures[0].code: status 499 is not in status_codes (add it to status_codes with its reason phrase and source, or correct the code)",
            "381: GET.en.failures.499: no meaning and fix for status 499, which this method lists in failures (add '499:' with meaning and fix for GET)",
            "382: GET.en.failures.405: status 405 is not in this method's failures list (remove it, or add the code to the method's failures list)",
        ],
    ),
    "status-without-text": (
        "      202: {meaning: The request was accepted., action: Check the result later.}\n",
        "",
        [
            "276: status.en.202: no text for status 202 (add '202:' with meaning and action)",
        ],
    ),
    "header-field-without-text": (
        "      range: Asks for part of the content.\n",
        "",
        [
            "285: headers.en.range: no text for the header field Range (add 'range:' with what the field does)",
        ],
    ),
    "status-ties-an-unknown-header": (
        "    headers: [Allow]\n",
        "    headers: [Allows]\n",
        [
            "75: status_codes.405.headers[0]: the header field Allows is not in headers (add it to headers with its direction and example, or correct the name)",
        ],
    ),
    "registry-name-twice": (
        "    - {name: GET, safe: true,",
        "    - {name: '*', safe: true,",
        [
            "94: registry.methods[1].name: name '*' is used twice (also by item 1) (give every entry of registry.methods its own name)",
        ],
    ),
    "example-id-twice": (
        "    more_examples:\n      - id: conditional\n",
        '    more_examples:\n      - id: conditional\n        exchanges: [{request: "GET / HTTP/1.1\\nHost: a\\n", '
        'response: "HTTP/1.1 304 Not Modified\\n"}]\n      - id: conditional\n',
        [
            "347: GET.more_examples[1].id: id 'conditional' is used twice (also by item 1) (give every entry of more_examples its own id)",
        ],
    ),
    "further-example-without-introduction": (
        "          conditional: Asking again with `If-None-Match`.\n",
        "          conditionally: Asking again with `If-None-Match`.\n",
        [
            "386: GET.en.more_examples.conditional: no introduction for the example 'conditional' (add 'conditional:' with one sentence that introduces it)",
            "387: GET.en.more_examples.conditionally: 'conditionally' is not an id of this method's more_examples (remove it, or correct the id)",
        ],
    ),
    "further-example-wrongly-framed": (
        '              ETag: "v7"\n',
        '              ETag: "v7"\n\n              {}\n',
        [
            "351: GET.more_examples[0].exchanges[0].response: content on a 304 response to GET, which HTTP/1.1 ends after the header fields (remove the blank line and everything after it)",
        ],
    ),
    "example-header-not-in-headers": (
        "        Accept: application/json\n",
        "        Accept: application/json\n        X-Trace: 1\n",
        [
            "333: GET.example.request: the header field X-Trace is not in headers (add it to headers with its direction and example, or correct the name)",
        ],
    ),
    "unknown-header-direction": (
        "  - {name: Accept, direction: request,",
        "  - {name: Accept, direction: inbound,",
        [
            "77: headers.Accept.direction: 'inbound' is not one of: request, response, both (write request (the module user sets it), response (the module user reads it) or both)",
        ],
    ),
    "status-note-without-placeholder": (
        "      unknown_status: This reference has no entry for status {status}.\n",
        "      unknown_status: This reference has no entry for this status.\n",
        [
            "217: labels.en.unknown_status: the note must name the status once, as {status} (put {status} where the name goes)",
        ],
    ),
}


def test_the_minimal_fixture_is_valid():
    assert validate(load_file(MINIMAL), SCHEMA, FILE) == []


@pytest.mark.parametrize("fault", FAULTS)
def test_fault_is_reported_exactly(fault):
    old, new, expected = FAULTS[fault]
    source = MINIMAL.read_text(encoding="utf-8")
    assert old in source
    problems = validate(load_text(source.replace(old, new, 1)), SCHEMA, FILE)
    assert [str(p) for p in sorted(set(problems))] == [f"{FILE}:{line}" for line in expected]


def test_file_that_is_not_utf8(tmp_path):
    broken = tmp_path / "methods.yml"
    broken.write_bytes(MINIMAL.read_bytes().replace("§9.2.1".encode(), "§9.2.1 \xe9".encode("latin-1"), 1))
    with pytest.raises(DataError) as error:
        load_reference(broken)
    assert [str(p) for p in error.value.problems] == [
        f"{tmp_path.name}/methods.yml:306: file: the file is not valid UTF-8 on this line "
        "(save the file with UTF-8 encoding)"
    ]


def test_every_problem_is_reported_at_once():
    source = MINIMAL.read_text(encoding="utf-8")
    for old, new, _expected in (FAULTS["empty-text"], FAULTS["unknown-direction"], FAULTS["number-for-text"]):
        source = source.replace(old, new, 1)
    report = str(DataError(validate(load_text(source), SCHEMA, FILE)))
    assert report.splitlines()[0] == "3 problems in the method data:"
    assert len(report.splitlines()) == 4


# The data check asks jsonschema-rs first and jsonschema (which words the
# faults) only when there is one; where the two could disagree, jsonschema
# alone decides, so these faults are still reported.
@pytest.mark.parametrize(
    "old, new",
    [
        # Python's \s matches these, so the URL pattern ([^\s]) refuses them; Rust's does not.
        (RFC9110_URL, '    url: "https://www.rfc-editor.org/rfc/rfc9110\\x1c#section-{section}"\n'),
        (RFC9110_URL, '    url: "https://www.rfc-editor.org/rfc/rfc9110\\N#section-{section}"\n'),
    ],
)
def test_faults_only_pythons_validator_sees_are_reported(old, new):
    source = MINIMAL.read_text(encoding="utf-8")
    assert old in source
    loaded = load_text(source.replace(old, new, 1))
    everything = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(loaded.data))
    assert everything, "jsonschema finds the fault"
    problems = validate(loaded, SCHEMA, FILE)
    assert [p.line for p in problems] == [source.count("\n", 0, source.index(old)) + 1]


def test_pythons_whitespace_differs_from_rusts_only_where_the_check_knows():
    rust_space = jsonschema_rs.validator_for({"pattern": r"^\s$"})
    differ = [
        char
        for char in map(chr, range(0x110000))
        if not 0xD800 <= ord(char) < 0xE000 and bool(re.fullmatch(r"\s", char)) and not rust_space.is_valid(char)
    ]
    assert differ and all(PYTHON_ONLY_SPACE.fullmatch(char) for char in differ)


def test_values_beyond_json_go_to_pythons_validator_alone():
    # A tuple (from YAML's !!pairs or !!omap) is an array to jsonschema-rs alone.
    assert jsonschema_rs.validator_for({"type": "array"}).is_valid(("a", "b"))
    assert not jsonschema.Draft202012Validator({"type": "array"}).is_valid(("a", "b"))
    assert _plain_json(load_file(MINIMAL).data)
    for value in (("a", "b"), {"a"}, b"a", float("nan"), 2**64, {"key": ["ok", "text\x85"]}):
        assert not _plain_json({"key": [value]}), value
