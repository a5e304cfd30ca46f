"""Response headers for the built site: a strict Content-Security-Policy that
allows exactly the inline scripts Material writes, by their hashes, and the
other headers a careful static site sends. Pure functions over the site."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)
# Material's own bundles carry a content hash in their names: cache them for a year.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
NOT_EXECUTED = ("application/json",)


def inline_script_hashes(site: Path) -> list[str]:
    """CSP hash sources for every inline script of every page."""
    found = set()
    for page in Path(site).rglob("*.html"):
        for attributes, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if any(kind in attributes for kind in NOT_EXECUTED):
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            found.add(f"'sha256-{digest}'")
    return sorted(found)


def content_security_policy(site: Path) -> str:
    sources = " ".join(["'self'", *inline_script_hashes(site)])
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {sources}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def security_headers(site: Path) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(site),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), geolocation=(), microphone=()",
    }


def fingerprinted_assets(site: Path) -> list[str]:
    return sorted(
        "/" + path.relative_to(site).as_posix() for path in Path(site).rglob("*") if FINGERPRINTED.search(path.name)
    )


def static_host_headers(site: Path) -> str:
    """A `_headers` file, as Netlify and Cloudflare Pages read it."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in security_headers(site).items()]
    lines += ["  Cache-Control: public, max-age=300"]
    for asset in fingerprinted_assets(site):
        lines += [asset, "  ! Cache-Control", "  Cache-Control: public, max-age=31536000, immutable"]
    return "\n".join(lines) + "\n"
