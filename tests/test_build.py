"""Building and serving: bad data stops the build with a clear report, and
`mkdocs serve` rebuilds when the data file changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from support import build, copy_project, mkdocs_env


def test_missing_swedish_text_fails_the_build_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path / "project")
    data_file = project / "data" / "methods.yml"
    lines = data_file.read_text(encoding="utf-8").splitlines(keepends=True)
    sv_text = lines.index("      sv:\n", next(i for i, line in enumerate(lines) if line == "  - name: HEAD\n"))
    assert lines[sv_text + 1].startswith("        summary: ")
    del lines[sv_text + 1]
    data_file.write_text("".join(lines), encoding="utf-8")

    result = build(project, tmp_path / "site")

    assert result.returncode != 0
    assert (
        f"data/methods.yml:{sv_text + 1}: HEAD.sv.summary: missing field "
        "(add 'summary:' here; every field is described at the top of the data file)"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_no_site_is_left_behind_by_a_failed_build(tmp_path):
    project = copy_project(tmp_path / "project")
    data_file = project / "data" / "methods.yml"
    data_file.write_text(data_file.read_text(encoding="utf-8").replace("slug: query", "slug: get"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "QUERY.slug: slug 'get' is used twice (also by item 1)" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    return None


@pytest.fixture
def served_project(tmp_path):
    """`mkdocs serve` on 127.0.0.1 over a copy of the project; stopped afterwards."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project,
        env=mkdocs_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def test_serve_rebuilds_when_the_data_file_changes(served_project):
    project, base = served_project
    url = base + "sv/methods/get/"
    first = wait_for(lambda: fetch(url), 120)
    assert first and "Hämtar en representation" in first

    data_file = project / "data" / "methods.yml"
    text = data_file.read_text(encoding="utf-8")
    old = "        summary: Hämtar en representation av en resurs utan att ändra något på servern.\n"
    assert old in text
    data_file.write_text(text.replace(old, "        summary: Hämtar en ny representation.\n"), encoding="utf-8")

    assert wait_for(lambda: "Hämtar en ny representation" in (fetch(url) or ""), 60)
