"""Which English text each translation was made from.

Every translated block carries `translated_from`: per field, a short hash of
the English text it translates. When the English changes, the hash no longer
matches and the translation is reported as stale until someone updates it
and stamps it again (python -m methodref stamp).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

STAMP_KEY = "translated_from"
LOCALE_PARTS = ("labels", "overview", "status", "headers")  # the glossary names terms; it translates nothing


@dataclass(frozen=True)
class Translation:
    """One translated field: where it is, and the English it must follow."""

    path: tuple  # of the translated value
    stamp_path: tuple  # of its entry in translated_from
    scope: str  # method name, or a part of the locale: "labels", "overview", "status", "headers"
    locale: str
    field: str
    english: object


def text_hash(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def translations(data: dict) -> list[Translation]:
    """Every field that a non-source locale translates from English."""
    source = data["locales"][0]
    found = []
    for index, locale in enumerate(data["locales"][1:], start=1):
        code = locale["code"]
        for part in LOCALE_PARTS:
            for field in source[part]:
                found.append(
                    Translation(
                        ("locales", index, part, field),
                        ("locales", index, STAMP_KEY, f"{part}.{field}"),
                        part,
                        code,
                        field,
                        source[part][field],
                    )
                )
        for position, method in enumerate(data["methods"]):
            english = method["text"][source["code"]]
            for field in english:
                found.append(
                    Translation(
                        ("methods", position, "text", code, field),
                        ("methods", position, "text", code, STAMP_KEY, field),
                        method["name"],
                        code,
                        field,
                        english[field],
                    )
                )
    return found


def stamp_of(data: dict, translation: Translation) -> str | None:
    value = data
    for step in translation.stamp_path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def stale(data: dict) -> list[tuple[Translation, str]]:
    """Translations whose English changed since, or that were never stamped."""
    result = []
    hashes: dict[int, str] = {}  # every locale follows the same English value: hash it once
    for translation in translations(data):
        recorded = stamp_of(data, translation)
        if recorded is None:
            result.append((translation, "unstamped"))
            continue
        english = id(translation.english)  # alive in `data` for the whole call
        if english not in hashes:
            hashes[english] = text_hash(translation.english)
        if recorded != hashes[english]:
            result.append((translation, "stale"))
    return result


def new_stamps(data: dict, locale: str, scope: str | None = None, field: str | None = None) -> dict:
    """The translated_from mappings after stamping the chosen fields:
    {stamp block path: {field: hash}}, keeping every other recorded stamp."""
    blocks: dict[tuple, dict] = {}
    for translation in translations(data):
        if translation.locale != locale:
            continue
        block_path, key = translation.stamp_path[:-1], translation.stamp_path[-1]
        block = blocks.setdefault(block_path, {})
        chosen = (scope in (None, translation.scope)) and (field in (None, translation.field))
        recorded = stamp_of(data, translation)
        if chosen:
            block[key] = text_hash(translation.english)
        elif recorded is not None:
            block[key] = recorded
    return {path: block for path, block in blocks.items() if block}
