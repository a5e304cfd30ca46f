"""Text from the data file, made safe for a Markdown page.

Every character with a meaning in Markdown or HTML becomes a numeric
character reference, so no text can open a tag, a link, an attribute list
or a table cell. The one markup the data allows, `code` between backticks,
becomes a <code> element around text escaped the same way. Status codes
the text mentions ("200 OK") become elements of their own, found in the
plain text before it is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Characters that Markdown, its enabled extensions or HTML interpret
# anywhere in a line.
SPECIAL = frozenset("\\`*_{}[]()#!|<>&")
# What else starts a block (list, rule, heading underline) at a line's start.
BLOCK_START = re.compile(r"^(\d+(?=[.)])|[-+=:~])")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Line breaks and runs of spaces in the YAML become one space; no-break
# spaces stay, since French typography puts them before ":" ";" "?" "!".
# A single space is left alone rather than replaced by itself: the same
# text, in a third less time (one_line runs for every text of the file).
ASCII_SPACES = re.compile(r"[ \t\r\n]{2,}|[\t\r\n]")
# A status code with its English reason phrase, the capitalized words after
# it ("204 No Content", "412 Precondition Failed", "200"), or a class of
# codes ("2xx"). Not \b: Arabic attaches و ("and") to the code, and Chinese
# and Japanese write no space around it. Matched in plain text: escaped text
# has digits in its entities.
STATUS_MENTION = re.compile(
    r"(?<![0-9A-Za-z])"
    r"(?:(?P<code>[1-5][0-9]{2})(?P<reason>(?: [A-Z][A-Za-z]*(?:-[A-Za-z]+)*)*)|(?P<class>[1-5]xx))"
    r"(?![0-9A-Za-z])"
)

# A backticked token written like a header field name ("If-Match"): texts
# may name a field only if the data file has an entry for it.
HEADER_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$")


ENTITIES = str.maketrans({char: f"&#{ord(char)};" for char in SPECIAL})


def escape(text: str) -> str:
    """Plain text as inert Markdown."""
    return _not_a_block(text.translate(ENTITIES))


def _not_a_block(escaped: str) -> str:
    start = BLOCK_START.match(escaped)
    if start:  # "1. x" or "- x" stays a sentence, not a list
        end = start.end() if start.group(1)[0].isdigit() else 0
        escaped = escaped[:end] + f"&#{ord(escaped[end])};" + escaped[end + 1 :]
    return escaped


def left_to_right(mention: re.Match, href: str | None = None) -> str:
    """A status mention that reads "200 OK" in right-to-left text too; with
    `href`, a link inside the isolation."""
    text = mention[0].translate(ENTITIES)
    return f'<bdi dir="ltr">{f"[{text}]({href})" if href else text}</bdi>'


def mark_status_mentions(text: str, mark: Callable[[re.Match], str]) -> str:
    """Plain text as inert Markdown, each status mention replaced by the
    markup `mark` makes of its match (code, reason and class groups)."""
    pieces, end = [], 0
    for mention in STATUS_MENTION.finditer(text):
        pieces += [text[end : mention.start()].translate(ENTITIES), mark(mention)]
        end = mention.end()
    pieces.append(text[end:].translate(ENTITIES))
    return _not_a_block("".join(pieces))


def code_span(code: str) -> str:
    return f"<code>{escape(code)}</code>"


def inline(
    text: str,
    mark_status: Callable[[re.Match], str] = left_to_right,
    mark_code: Callable[[str], str] = code_span,
) -> str:
    """One line of text with `code` spans, as inline Markdown; `mark_status`
    and `mark_code` make the markup of status mentions and code spans."""
    parts = split_code(text)
    return "".join(
        mark_code(part) if index % 2 else mark_status_mentions(part, mark_status) for index, part in enumerate(parts)
    )


def split_code(text: str) -> list[str]:
    """The text on one line, cut at its backticks: plain text at the even
    places, code at the odd ones."""
    return one_line(text).split("`")


def code_spans(text: str, parts: list[str] | None = None) -> list[str]:
    """What the text has between backticks (`parts`: its split_code, if known)."""
    return (parts or split_code(text))[1::2]


def status_mentions(text: str, parts: list[str] | None = None) -> list[re.Match]:
    """The status mentions outside the text's code spans (`parts`: its split_code, if known)."""
    return [mention for part in (parts or split_code(text))[::2] for mention in STATUS_MENTION.finditer(part)]


def paragraphs(text: str, line: Callable[[str], str] = inline) -> list[str]:
    """Blank-line separated paragraphs, each made inline Markdown by `line`."""
    return [line(part) for part in PARAGRAPH_BREAK.split(text.strip()) if part.strip()]


def plain(text: str) -> str:
    """Text without its code markers, for attributes such as a description."""
    return one_line(text.replace("`", ""))


def one_line(text: str) -> str:
    """The text on one line, with single spaces."""
    return ASCII_SPACES.sub(" ", text).strip(" ")


def fence(code: str, language: str) -> str:
    """A fenced code block that no backtick run in `code` can close."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    marker = "`" * max(3, longest + 1)
    return f"{marker} {language}\n{code.rstrip()}\n{marker}"
