"""Translations follow the English: a changed English text makes every
translation of it stale until it is updated and stamped again."""

from __future__ import annotations

import json
import shutil

import pytest

from methodref.__main__ import main
from methodref.loader import load_file
from methodref.stale import stale
from methodref.validate import SCHEMA_FILE, validate

from support import DATA_FILE, LOCALES, raw_data

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
GET_SUMMARY = "        summary: Retrieves a representation of a resource without changing anything on the server.\n"


@pytest.mark.parametrize("code", LOCALES[1:])
def test_no_translation_is_stale(code):
    found = [f"{t.scope}.{t.locale}.{t.field}: {state}" for t, state in stale(raw_data()) if t.locale == code]
    assert not found, f"{code} has {len(found)} translations to bring up to date:\n" + "\n".join(found)


def problems(path):
    return [str(p) for p in validate(load_file(path), SCHEMA, "data/methods.yml")]


def test_changing_an_english_summary_names_every_stale_translation_until_restamped(tmp_path, capsys):
    data_file = tmp_path / "methods.yml"
    shutil.copy(DATA_FILE, data_file)
    text = data_file.read_text(encoding="utf-8")
    assert text.count(GET_SUMMARY) == 1
    data_file.write_text(text.replace(GET_SUMMARY, "        summary: Fetches a resource.\n"), encoding="utf-8")

    loaded = load_file(data_file)
    lines = {code: loaded.lines[("methods", 0, "text", code, "summary")] for code in LOCALES[1:]}
    assert problems(data_file) == [
        f"data/methods.yml:{lines[code]}: GET.{code}.summary: the English text changed after this was translated "
        f"(bring the translation up to date with the English, then run: python -m methodref stamp {code} GET summary)"
        for code in LOCALES[1:]
    ]

    assert main(["--data", str(data_file), "stale"]) == 1
    listed = capsys.readouterr().out.splitlines()
    assert listed == [f"GET.{code}.summary: stale" for code in LOCALES[1:]]

    assert main(["--data", str(data_file), "stamp", "all", "GET", "summary"]) == 0
    assert problems(data_file) == []
    assert main(["--data", str(data_file), "stale"]) == 0


def test_stamping_one_field_leaves_the_others_stale(tmp_path):
    data_file = tmp_path / "methods.yml"
    shutil.copy(DATA_FILE, data_file)
    text = data_file.read_text(encoding="utf-8")
    data_file.write_text(text.replace(GET_SUMMARY, "        summary: Fetches a resource.\n"), encoding="utf-8")
    assert main(["--data", str(data_file), "stamp", "sv", "GET", "summary"]) == 0
    remaining = {t.locale for t, _ in stale(load_file(data_file).data)}
    assert remaining == set(LOCALES[2:])


def test_scaffold_adds_a_locale_whose_every_text_is_reported_empty(tmp_path):
    data_file = tmp_path / "methods.yml"
    shutil.copy(DATA_FILE, data_file)
    command = ["--data", str(data_file), "scaffold", "is", "--name", "Íslenska"]
    assert main([*command, "--theme-language", "is", "--search-language", "en"]) == 0

    found = problems(data_file)
    assert found
    review_date = next(p for p in found if ": locale.is.reviewed: " in p)
    assert review_date.endswith(
        "'' is not a date written as YYYY-MM-DD "
        '(write the date of the last full review in quotes, such as "2026-12-01")'
    )
    found.remove(review_date)
    assert all(": empty text (write the text; it must not be empty)" in p for p in found), found
    subjects = {p.split(": ")[1] for p in found}
    assert all(".is." in s for s in subjects)
    english = raw_data()["locales"][0]
    expected_labels = {f"labels.is.{k}" for k, v in english["labels"].items() if isinstance(v, str)}
    assert expected_labels <= subjects
    for method in raw_data()["methods"]:
        assert f"{method['name']}.is.summary" in subjects
        assert f"{method['name']}.is.choose[0]" in subjects
