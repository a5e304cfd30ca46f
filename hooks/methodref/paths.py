"""Names for locations in the data, in the words a translator uses.

A location such as ("methods", 3, "text", "sv", "cautions", 1) is reported
as `PUT.sv.cautions[1]`: <method>.<locale>.<field>.
"""

from __future__ import annotations


def describe(path: tuple, data: object) -> str:
    """Name `path` as <scope>.<locale>.<field> where the data allows it."""
    path = tuple(path)
    if not path:
        return "file"
    root, *rest = path
    if root == "methods" and rest and isinstance(rest[0], int):
        scope = _item_name(data, "methods", rest[0], "name")
        rest = rest[1:]
        if rest[:1] == ["text"] and len(rest) >= 2:
            return _join([scope, rest[1]], rest[2:])
        return _join([scope], rest)
    if root == "locales" and rest and isinstance(rest[0], int):
        code = _item_name(data, "locales", rest[0], "code")
        rest = rest[1:]
        if rest and rest[0] in ("labels", "overview", "glossary", "status", "headers"):
            return _join([rest[0], code], rest[1:])
        return _join(["locale", code], rest)
    if root == "headers" and rest and isinstance(rest[0], int):
        return _join(["headers", _item_name(data, "headers", rest[0], "name")], rest[1:])
    return _join([str(root)], rest)


def _item_name(data: object, section: str, index: int, key: str) -> str:
    try:
        name = data[section][index][key]
    except (KeyError, IndexError, TypeError):
        name = None
    return name if isinstance(name, str) and name else f"{section}[{index}]"


def _join(parts: list, rest) -> str:
    text = ".".join(str(p) for p in parts)
    for step in rest:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text
