"""Edits to the data file that keep its comments and layout.

The file is written by hand, so tools change it as text: they add blocks at
known places instead of dumping the whole file again.
"""

from __future__ import annotations

import re

import yaml


class _BlockDumper(yaml.SafeDumper):
    """Indented lists and literal blocks for multi-line text, as in the file."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _text(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _text)


def dump_block(value, indent: int) -> str:
    """YAML for `value`, every line indented by `indent` spaces."""
    text = yaml.dump(value, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=10_000, indent=2)
    text = re.sub(r"^(\s*)'([1-5][0-9][0-9])':", r"\1\2:", text, flags=re.MULTILINE)
    return "".join(" " * indent + line if line.strip() else line for line in text.splitlines(keepends=True))


def add_locale(source: str, locale: dict, method_texts: dict[str, dict]) -> str:
    """Insert a locale entry and its text for every method into the file text.

    The locale goes last in `locales:`; each method's text goes last in its
    `text:` mapping, which is the last field of every method.
    """
    locale_block = dump_block([locale], 2)
    position = source.index("\nmethods:\n")
    source = source[:position].rstrip("\n") + "\n" + locale_block + source[position:]
    methods_at = source.index("\nmethods:\n")  # headers: lists "  - name: " entries too
    starts = [m.start() for m in re.finditer(r"^  - name: ", source, flags=re.MULTILINE) if m.start() > methods_at]
    names = [re.match(r"  - name: (\S+)", source[s:]).group(1) for s in starts]
    pieces, previous = [], 0
    for index, name in enumerate(names):
        end = starts[index + 1] if index + 1 < len(starts) else len(source)
        body = source[previous:end].rstrip("\n")
        block = dump_block({locale["code"]: method_texts[name]}, 6)
        trailer = "\n\n" if index + 1 < len(starts) else "\n"
        pieces.append(body + "\n" + block.rstrip("\n") + trailer)
        previous = end
    return "".join(pieces)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def block_end(lines: list[str], key_index: int) -> int:
    """Index after the last line of the mapping entry whose key is at key_index."""
    base = _indent(lines[key_index])
    end = key_index + 1
    for index in range(key_index + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            continue  # blank lines inside block scalars belong to them
        if _indent(line) <= base:
            break
        end = index + 1
    return end


def set_entry(source: str, lines_of: dict, parent: tuple, key: str, value, flow: bool) -> str:
    """Set `key: value` in the mapping at `parent`, replacing the entry if it
    exists, else adding it as the mapping's last entry. `lines_of` maps data
    paths to 1-based lines (methodref.loader)."""
    lines = source.splitlines(keepends=True)
    parent_index = lines_of[parent] - 1
    existing = lines_of.get((*parent, key))
    if existing is not None:
        start = existing - 1
        indent = _indent(lines[start])
        stop = block_end(lines, start)
    else:
        indent = _indent(lines[parent_index + 1]) if parent != () else 0
        start = stop = block_end(lines, parent_index)
    if flow:
        text = yaml.dump({key: value}, Dumper=_BlockDumper, default_flow_style=True, width=10_000, sort_keys=False)
        text = text.strip()[1:-1] + "\n"  # {a: {..}} -> a: {..}
        entry = " " * indent + text
    else:
        entry = dump_block({key: value}, indent)
    return "".join(lines[:start]) + entry + "".join(lines[stop:])
