"""Building and serving: bad data stops the build with a clear report, and
`mkdocs serve` rebuilds when the data file changes."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from support import ROOT, build, copy_project, fetch, mkdocs_env, stop, wait_for


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


@pytest.fixture
def served_project(tmp_path):
    """`mkdocs serve` on 127.0.0.1 over a copy of the project; stopped afterwards."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
            cwd=project,
            env=mkdocs_env(),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        yield project, f"http://127.0.0.1:{port}/", log
    finally:
        stop(server)


def test_serve_rebuilds_when_the_data_file_changes(served_project):
    project, base, _log = served_project
    url = base + "sv/methods/get/"
    first = wait_for(lambda: fetch(url), 120)
    assert first and "Hämtar en representation" in first

    data_file = project / "data" / "methods.yml"
    text = data_file.read_text(encoding="utf-8")
    old = "        summary: Hämtar en representation av en resurs utan att ändra något på servern.\n"
    assert old in text
    data_file.write_text(text.replace(old, "        summary: Hämtar en ny representation.\n"), encoding="utf-8")

    assert wait_for(lambda: "Hämtar en ny representation" in (fetch(url) or ""), 60)


def test_serve_reports_bad_data_and_recovers_when_it_is_fixed(served_project):
    project, base, log = served_project
    url = base + "sv/methods/get/"
    assert wait_for(lambda: fetch(url), 120)

    data_file = project / "data" / "methods.yml"
    good = data_file.read_text(encoding="utf-8")
    old = "        summary: Hämtar en representation av en resurs utan att ändra något på servern.\n"
    line = good[: good.index(old)].count("\n") + 1
    data_file.write_text(good.replace(old, '        summary: ""\n'), encoding="utf-8")
    report = f"data/methods.yml:{line}: GET.sv.summary: empty text (write the text; it must not be empty)"
    assert wait_for(lambda: report in log.read_text(encoding="utf-8"), 60)
    assert "Traceback" not in log.read_text(encoding="utf-8")

    fixed = old.replace("Hämtar en representation", "Hämtar åter en representation")
    data_file.write_text(good.replace(old, fixed), encoding="utf-8")
    assert wait_for(lambda: "Hämtar åter en representation" in (fetch(url) or ""), 60)


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "Heading { onclick=alert(1) }",
    "cell | with | pipes",
    "`<b>code</b>` and </p></td></tr></table> <a href='javascript:alert(1)'>x</a>",
    "<javascript:alert(1)> &lt;script&gt;",
]


def hostile_copy(value, counter):
    """The same shape, every text replaced by a hostile string."""
    if isinstance(value, dict):
        return {key: hostile_copy(child, counter) for key, child in value.items()}
    if isinstance(value, list):
        return [hostile_copy(child, counter) for child in value]
    counter.append(1)
    return HOSTILE[len(counter) % len(HOSTILE)]


def test_hostile_text_in_every_field_stays_text(tmp_path):
    import yaml
    from bs4 import BeautifulSoup

    from methodref.loader import load_file
    from methodref.stale import STAMP_KEY

    project = copy_project(tmp_path / "project")
    data_file = project / "data" / "methods.yml"
    data = load_file(data_file).data
    counter = []
    sv = next(locale for locale in data["locales"] if locale["code"] == "sv")
    for part in ("labels", "glossary", "overview", "status", "headers"):
        sv[part] = hostile_copy(sv[part], counter)
    sv["labels"]["unknown_method"] = HOSTILE[0] + " {method}"
    sv["labels"]["unknown_status"] = HOSTILE[1] + " {status}"
    sv["labels"]["unknown_header"] = HOSTILE[2] + " {header}"
    sv["labels"]["reviewed"] = HOSTILE[5] + " {date}"
    for method in data["methods"]:
        text = method["text"]["sv"]
        method["text"]["sv"] = {k: v if k == STAMP_KEY else hostile_copy(v, counter) for k, v in text.items()}
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr

    pages = sorted((site / "sv").rglob("*.html"))
    assert len(pages) >= 12
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        where = path.relative_to(site)
        for script in page.find_all("script"):
            assert "alert(1)" not in (script.get("src", "") + script.get_text()) or script.get("type") == (
                "application/json"
            ), where
        for tag in page.find_all(True):
            assert not [a for a in tag.attrs if a.lower().startswith("on")], (where, tag.name, tag.attrs)
            for attribute in ("href", "src", "action", "formaction"):
                assert not str(tag.get(attribute, "")).strip().lower().startswith("javascript:"), (where, tag)
        assert not page.select("article img, article b, article em, article strong a"), where
        for table in page.select("article table"):
            width = len(table.select("thead th"))
            assert all(len(row.find_all("td")) == width for row in table.select("tbody tr")), where
    overview = BeautifulSoup((site / "sv" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "<script>alert(1)</script>" in overview.select_one("article").get_text()


def test_one_locale_alone_for_a_fast_edit_loop(tmp_path):
    """ONLY_LOCALE=sv (make serve LOCALE=sv) builds Swedish alone, at the root."""
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**mkdocs_env(), "ONLY_LOCALE": "sv"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert '<html lang="sv"' in (site / "methods" / "get" / "index.html").read_text(encoding="utf-8")
    assert not (site / "de").exists() and not (site / "sv").exists()
