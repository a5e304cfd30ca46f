"""The nginx configuration for a built site, from deploy/nginx.conf.in."""

from __future__ import annotations

from pathlib import Path

from .security import security_headers

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf.in"


def nginx_config(
    site: Path,
    locales: list[str],
    listen: str,
    run_dir: Path,
    mime_types: str = "/etc/nginx/mime.types",
) -> str:
    headers = "\n".join(
        f'            add_header {name} "{value}" always;' for name, value in security_headers(site).items()
    )
    values = {
        "@RUN_DIR@": str(run_dir),
        "@MIME_TYPES@": mime_types,
        "@LISTEN@": listen,
        "@SITE@": str(Path(site).resolve()),
        "@DEFAULT_LOCALE@": locales[0],
        "@LOCALES@": "|".join(locales[1:]),
        "@SECURITY_HEADERS@": headers,
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text
