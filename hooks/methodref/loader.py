"""Strict YAML loading that remembers where every value came from.

PyYAML's safe_load turns `no` into False, keeps the last of two duplicate
keys and forgets line numbers. This loader composes the node tree itself and
builds plain Python data from it, so that it can
- report duplicate keys with both lines,
- accept only `true` and `false` as booleans,
- record the line of every key and list item for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

Path_ = tuple  # a location in the data: keys and list indexes from the root

BOOL_TAG = "tag:yaml.org,2002:bool"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
STR_TAG = "tag:yaml.org,2002:str"
TRUE_FALSE = {"true": True, "false": False}
# libyaml's composer is several times faster and reports the same marks.
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class LoadIssue:
    """A fault found while loading, before the data has a shape to name."""

    path: Path_
    line: int
    message: str
    fix: str


@dataclass
class Loaded:
    """Loaded data, the line of every path in it, and what went wrong."""

    data: object
    lines: dict = field(default_factory=dict)
    issues: list[LoadIssue] = field(default_factory=list)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that exists."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def load_text(text: str) -> Loaded:
    """Load YAML text strictly; syntax errors become issues, not exceptions."""
    try:
        node = yaml.compose(text, Loader=COMPOSER)
    except yaml.MarkedYAMLError:
        # Say it in PyYAML's own words, the same with or without libyaml.
        error = _pure_python_error(text)
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or error.context or "invalid YAML"
        return Loaded(
            None,
            issues=[
                LoadIssue(
                    (),
                    line,
                    f"YAML syntax error: {what}",
                    "check the indentation and quoting on this line and the one before it",
                )
            ],
        )
    loaded = Loaded(None, {(): 1})
    if node is not None:
        loaded.data = _build(node, (), loaded, yaml.constructor.SafeConstructor())
    return loaded


def _pure_python_error(text: str) -> yaml.MarkedYAMLError:
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        return error
    raise AssertionError("libyaml rejected what PyYAML accepts")


def load_file(path: Path) -> Loaded:
    """Load a YAML file that must be UTF-8."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Loaded(
            None,
            issues=[
                LoadIssue(
                    (),
                    line,
                    "the file is not valid UTF-8 on this line",
                    "save the file with UTF-8 encoding",
                )
            ],
        )
    return load_text(text)


def _build(node: yaml.Node, path: Path_, loaded: Loaded, constructor):
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            # Keys are text, as in JSON: `200:` is the key "200", so the schema
            # sees what an editor's YAML language server sees.
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:null":
                loaded.issues.append(LoadIssue(path, key_line, "a key must be plain text", "write a plain key"))
                continue
            key = key_node.value
            if key_node.tag == BOOL_TAG and key.lower() not in TRUE_FALSE:
                loaded.issues.append(
                    LoadIssue(
                        (*path, key),
                        key_line,
                        f"the key '{key}' is read as a boolean",
                        f'quote it: "{key}":',
                    )
                )
                continue
            child = (*path, key)
            if key in result:
                loaded.issues.append(
                    LoadIssue(
                        child,
                        key_line,
                        f"duplicate key '{key}', first defined on line {first_line[key]}",
                        "keep one of them and delete the other",
                    )
                )
                continue
            first_line[key] = key_line
            loaded.lines[child] = key_line
            result[key] = _build(value_node, child, loaded, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            child = (*path, index)
            loaded.lines[child] = item.start_mark.line + 1
            items.append(_build(item, child, loaded, constructor))
        return items
    return _scalar(node, path, loaded, constructor)


def _scalar(node: yaml.ScalarNode, path: Path_, loaded: Loaded, constructor):
    if node.tag == STR_TAG:
        return node.value  # what the constructor would return, without its calls (most values are text)
    if node.tag == BOOL_TAG:
        value = TRUE_FALSE.get(node.value.lower())
        if value is None:
            loaded.issues.append(
                LoadIssue(
                    path,
                    node.start_mark.line + 1,
                    f"'{node.value}' is read as a boolean",
                    f'write true or false for a yes/no fact, or quote it ("{node.value}") for text',
                )
            )
        return value
    if node.tag == TIMESTAMP_TAG:
        return node.value  # a date is text here; only the schema decides types
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError:  # a tag of its own (!foo) that safe YAML does not know
        loaded.issues.append(
            LoadIssue(
                path,
                node.start_mark.line + 1,
                f"the tag '{node.tag}' is not plain YAML",
                f"delete '{node.tag}', or quote the value if the tag is part of the text",
            )
        )
        return None
