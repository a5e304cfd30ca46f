"""The data file: complete in every locale, in its stated order, valid."""

from __future__ import annotations

import pytest

from methodref.loader import load_text
from methodref.stale import STAMP_KEY
from methodref.validate import load_reference, validate

from support import DATA_FILE, LOCALES, raw_data

SOURCE_LOCALE = "en"
METHOD_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "QUERY"]
METHOD_FIELDS = [
    "name",
    "slug",
    "defined_in",
    "properties",
    "success",
    "failures",
    "notes",
    "related",
    "references",
    "example",
    "more_examples",
    "text",
]
OPTIONAL_FIELDS = {"more_examples"}  # a method, and its texts, may have no further example
LOCALE_FIELDS = [
    "code",
    "name",
    "theme_language",
    "search_language",
    "direction",
    "aliases",
    "reviewed",
    "labels",
    "glossary",
    "search_terms",
    "overview",
    "status",
    "headers",
]
TEXT_FIELDS = [
    "summary",
    "description",
    "choose",
    "avoid",
    "success",
    "status",
    "cautions",
    "failures",
    "example",
    "more_examples",
]


def key_paths(value, prefix=()):
    """Every key path below a mapping; lists count as one field; stamps are no text."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key == STAMP_KEY:
                continue
            yield (*prefix, key)
            yield from key_paths(child, (*prefix, key))


def localized_parts(data: dict, code: str) -> dict:
    """Each translatable part of one locale, named as messages name it."""
    locale = next(item for item in data["locales"] if item["code"] == code)
    parts = {f"{part}.{code}": locale.get(part, {}) for part in ("labels", "glossary", "overview", "status", "headers")}
    for method in data["methods"]:
        parts[f"{method['name']}.{code}"] = method["text"].get(code, {})
    return parts


def gaps(code: str, missing: bool) -> list[str]:
    data = raw_data()
    source, target = localized_parts(data, SOURCE_LOCALE), localized_parts(data, code)
    found = []
    for (name, english), translated in zip(source.items(), target.values(), strict=True):
        want, have = set(key_paths(english)), set(key_paths(translated))
        for path in sorted(want - have if missing else have - want, key=str):
            found.append(f"{name}.{'.'.join(map(str, path))}")
    return found


@pytest.mark.parametrize("code", LOCALES)
def test_locale_has_every_field(code):
    missing = gaps(code, missing=True)
    assert not missing, f"{code} lacks {len(missing)} fields:\n" + "\n".join(missing)


@pytest.mark.parametrize("code", LOCALES)
def test_locale_has_no_unknown_field(code):
    unknown = gaps(code, missing=False)
    assert not unknown, f"{code} has {len(unknown)} fields English does not have:\n" + "\n".join(unknown)


@pytest.mark.parametrize("code", LOCALES)
def test_locale_texts_are_not_empty(code):
    empty = []

    def walk(value, name):
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, f"{name}.{key}")
        elif isinstance(value, list):
            if not value:
                empty.append(name)
            for index, child in enumerate(value):
                walk(child, f"{name}[{index}]")
        elif not (isinstance(value, str) and value.strip()):
            empty.append(name)

    for name, part in localized_parts(raw_data(), code).items():
        walk(part, name)
    assert not empty, f"{code} has empty texts:\n" + "\n".join(empty)


def test_data_file_is_valid():
    load_reference(DATA_FILE)  # raises DataError listing every problem


def in_order(fields: list[str], present) -> list[str]:
    """The documented fields in their order, without the optional ones absent here."""
    return [field for field in fields if field in present or field not in OPTIONAL_FIELDS]


def test_entries_keep_the_documented_order():
    data = raw_data()
    assert [method["name"] for method in data["methods"]] == METHOD_ORDER
    assert LOCALES[0] == SOURCE_LOCALE
    assert list(data) == ["specs", "status_codes", "headers", "registry", "locales", "methods"]
    assert list(data["status_codes"]) == sorted(data["status_codes"], key=int)
    assert [h["name"] for h in data["headers"]] == sorted((h["name"] for h in data["headers"]), key=str.lower)
    for method in data["methods"]:
        assert list(method) == in_order(METHOD_FIELDS, method), method["name"]
        assert list(method["text"]) == LOCALES, method["name"]
        for code, text in method["text"].items():
            stamp = [STAMP_KEY] if code != SOURCE_LOCALE else []
            assert list(text) == in_order(TEXT_FIELDS, text) + stamp, (method["name"], code)
    for locale in data["locales"]:
        stamp = [STAMP_KEY] if locale["code"] != SOURCE_LOCALE else []
        assert list(locale) == LOCALE_FIELDS + stamp, locale["code"]
    header = DATA_FILE.read_text(encoding="utf-8").split("\nspecs:", 1)[0]
    top = ["status_codes", "headers", "registry", "name", "source", "direction", "example", "methods"]
    for field in METHOD_FIELDS + LOCALE_FIELDS + TEXT_FIELDS + top + [STAMP_KEY]:
        assert f"{field}:" in header, f"the head of the data file does not document {field}"


def test_removing_a_swedish_text_names_locale_method_and_field():
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    get_sv = next(i for i, line in enumerate(lines) if line == "      sv:\n")
    summary = get_sv + 1
    assert lines[summary].startswith("        summary: ")
    del lines[summary]
    problems = [str(p) for p in validate(load_text("".join(lines)), _schema(), "data/methods.yml")]
    assert problems == [
        f"data/methods.yml:{get_sv + 1}: GET.sv.summary: missing field "
        "(add 'summary:' here; every field is described at the top of the data file)"
    ]


def _schema():
    import json

    from methodref.validate import SCHEMA_FILE

    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("code", LOCALES)
def test_glossary_covers_the_same_concepts_as_english(code):
    data = raw_data()
    glossaries = {locale["code"]: locale["glossary"] for locale in data["locales"]}
    assert list(glossaries[code]) == list(glossaries[SOURCE_LOCALE])


@pytest.mark.parametrize("code", LOCALES)
def test_the_method_field_is_named_one_way_wherever_english_names_it(code):
    # Each locale decides whether the module's field is "Method" or a translation
    # (TRANSLATING.md, style sheets) and writes it the same way everywhere.
    data = raw_data()
    english, locale = data["locales"][0], next(item for item in data["locales"] if item["code"] == code)
    form = locale["glossary"]["method_field"]
    texts = {
        "overview.intro": (english["overview"]["intro"], locale["overview"]["intro"]),
        "labels.notes.not-in-all-modules": (
            english["labels"]["notes"]["not-in-all-modules"],
            locale["labels"]["notes"]["not-in-all-modules"],
        ),
    }
    for name, (source, translated) in texts.items():
        assert "Method field" in source, name
        assert form in translated, f"{code} {name} does not name the field as {form!r}"


def test_translating_md_has_a_style_sheet_for_every_locale():
    guide = (DATA_FILE.parents[1] / "TRANSLATING.md").read_text(encoding="utf-8")
    for locale in raw_data()["locales"][1:]:
        assert f"### {locale['name']} ({locale['code']})\n" in guide, locale["code"]
