from __future__ import annotations

import pytest

from methodref.validate import load_reference
from support import DATA_FILE, ROOT, build


@pytest.fixture(scope="session")
def data() -> dict:
    return load_reference(DATA_FILE)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built once from the repository, with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir
