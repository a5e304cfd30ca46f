"""The nginx configuration for a built site, from deploy/nginx.conf.in."""

from __future__ import annotations

import re
from pathlib import Path

from .security import security_headers

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf.in"


def _variable(header: str) -> str:
    return "$header_" + re.sub(r"[^a-z0-9]", "_", header.lower())


def _header_map(header: str, value: str) -> str:
    """The header's value, empty on the second run of add_header for a 416."""
    return "\n".join(
        [
            f"    map $status {_variable(header)} {{",
            "        volatile;",
            '        416 "";',
            f'        default "{value}";',
            "    }",
        ]
    )


def nginx_config(
    site: Path,
    locales: list[str],
    listen: str,
    run_dir: Path,
    mime_types: str = "/etc/nginx/mime.types",
) -> str:
    headers = security_headers(site)
    for value in headers.values():
        if re.search(r'["\\$]', value):
            raise ValueError(f"a header value nginx would read differently: {value}")
    for code in locales:
        if not re.fullmatch(r"[A-Za-z0-9-]+", code):
            raise ValueError(f"a locale code unfit for a URL pattern: {code}")
    values = {
        "@RUN_DIR@": str(run_dir),
        "@MIME_TYPES@": mime_types,
        "@LISTEN@": listen,
        "@SITE@": str(Path(site).resolve()),
        "@DEFAULT_LOCALE@": locales[0],
        "@LOCALES@": "|".join(locales[1:]),
        "@HEADER_MAPS@": "\n".join(_header_map(name, value) for name, value in headers.items()),
        "@ADD_HEADERS@": "\n".join(f"        add_header {name} {_variable(name)} always;" for name in headers),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text
