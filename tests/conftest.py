from __future__ import annotations

import pytest

from methodref.validate import load_reference

from support import DATA_FILE, ROOT, build


@pytest.fixture(scope="session")
def data() -> dict:
    return load_reference(DATA_FILE)


def docs_snapshot() -> dict:
    return {str(p.relative_to(ROOT)): (p.stat().st_mtime_ns, p.stat().st_size) for p in (ROOT / "docs").rglob("*")}


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The site built once from the repository with `mkdocs build --strict`,
    and docs/ as it was before and after."""
    site_dir = tmp_path_factory.mktemp("site")
    before = docs_snapshot()
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir, before, docs_snapshot()


@pytest.fixture(scope="session")
def site(built):
    return built[0]
