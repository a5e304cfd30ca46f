"""What an API-call module shows for an example request: the fields a user
fills in, derived from the raw HTTP request as the curl command is."""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import parse_qsl, urlsplit

from .curl import DERIVED_FIELDS, raw_request


class ModuleView(NamedTuple):
    method: str
    url: str  # without the query
    query: list[tuple[str, str]]
    headers: list[tuple[str, str]]  # without the ones the module derives
    body_type: str | None  # the media type of Content-Type
    body: str


def module_view(request: str) -> ModuleView:
    parsed = raw_request(request)
    url = urlsplit(parsed.url())
    content_type = next((value for name, value in parsed.headers if name.lower() == "content-type"), None)
    return ModuleView(
        method=parsed.method,
        url=url._replace(query="").geturl(),
        query=parse_qsl(url.query, keep_blank_values=True),
        headers=[(name, value) for name, value in parsed.headers if name.lower() not in DERIVED_FIELDS],
        body_type=content_type.partition(";")[0].strip() if content_type else None,
        body=parsed.body,
    )
