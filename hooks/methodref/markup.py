"""Text from the data file, made safe for a Markdown page.

Every character with a meaning in Markdown or HTML becomes a numeric
character reference, so no text can open a tag, a link, an attribute list
or a table cell. The one markup the data allows, `code` between backticks,
becomes a <code> element around text escaped the same way.
"""

from __future__ import annotations

import re

# Characters that Markdown, its enabled extensions or HTML interpret
# anywhere in a line.
SPECIAL = frozenset("\\`*_{}[]()#!|<>&")
# What else starts a block (list, rule, heading underline) at a line's start.
BLOCK_START = re.compile(r"^(\d+(?=[.)])|[-+=:~])")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


ENTITIES = str.maketrans({char: f"&#{ord(char)};" for char in SPECIAL})


def escape(text: str) -> str:
    """Plain text as inert Markdown."""
    escaped = text.translate(ENTITIES)
    start = BLOCK_START.match(escaped)
    if start:  # "1. x" or "- x" stays a sentence, not a list
        end = start.end() if start.group(1)[0].isdigit() else 0
        escaped = escaped[:end] + f"&#{ord(escaped[end])};" + escaped[end + 1 :]
    return escaped


def inline(text: str) -> str:
    """One line of text with `code` spans, as inline Markdown."""
    text = " ".join(text.split())
    parts = text.split("`")
    return "".join(f"<code>{escape(part)}</code>" if index % 2 else escape(part) for index, part in enumerate(parts))


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each as inline Markdown."""
    return [inline(part) for part in PARAGRAPH_BREAK.split(text.strip()) if part.strip()]


def plain(text: str) -> str:
    """Text without its code markers, for attributes such as a description."""
    return " ".join(text.replace("`", "").split())


def fence(code: str, language: str) -> str:
    """A fenced code block that no backtick run in `code` can close."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    marker = "`" * max(3, longest + 1)
    return f"{marker} {language}\n{code.rstrip()}\n{marker}"
