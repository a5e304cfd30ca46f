"""Quiet, fast builds (hooks/upstream_speed.py and the Makefile).

Each workaround of an upstream internal has a guard here that fails when
the upstream code it leans on changes; a three-locale build with and
without the workarounds must give the same files; `make build` and
`make serve` print what a person needs and stop cleanly on Ctrl-C."""

from __future__ import annotations

import ast
import copy
import filecmp
import inspect
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import jinja2
import pytest
import yaml
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.theme import Theme
from mkdocs_static_i18n import folder as i18n_folder
from mkdocs_static_i18n import plugin as i18n_plugin
from mkdocs_static_i18n import reconfigure as i18n_reconfigure

import upstream_speed
from methodref.validate import load_reference

from support import LOCALES, ROOT, copy_project, fetch, mkdocs_env, wait_for

# --- guards: the upstream code each workaround leans on ----------------------


def test_i18n_override_dumps_are_dropped_and_its_locale_lines_kept():
    assert i18n_reconfigure.log.logger.name == upstream_speed.I18N_LOGGER
    seen: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.getMessage())
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    level = mkdocs_logger.level
    mkdocs_logger.setLevel(logging.INFO)
    try:
        upstream_speed.quiet_logs()
        i18n_reconfigure.log.info("Overriding 'sv' config 'site_name' with 'x'")
        i18n_reconfigure.log.info("Updating 'sv' config 'extra' with '{}'")
        i18n_plugin.log.info("Building 'sv' documentation to directory: site/sv")
    finally:
        mkdocs_logger.removeHandler(handler)
        mkdocs_logger.setLevel(level)
    assert seen == ["mkdocs_static_i18n: Building 'sv' documentation to directory: site/sv"]
    # The texts filtered are the ones i18n writes.
    source = inspect.getsource(i18n_reconfigure.ExtendedPlugin.apply_user_overrides)
    assert "f\"Overriding '{self.current_language}' config" in source


def test_jieba_logs_only_warnings_after_quiet_logs():
    import jieba

    upstream_speed.quiet_logs()
    assert jieba.default_logger.getEffectiveLevel() >= logging.WARNING


def test_mkdocs_says_it_skipped_an_empty_sitemap_in_the_words_filtered():
    source = inspect.getsource(mkdocs_build._build_theme_template)
    assert "log.info(f\"Template skipped: '{template_name}' generated empty output.\")" in source
    assert "if output.strip():" in source


def test_compiled_templates_serve_the_next_environment_without_compiling():
    theme = Theme(name="material")
    first = upstream_speed.reuse_compiled_templates(theme.get_env())
    expected = first.get_template("main.html").name
    second = upstream_speed.reuse_compiled_templates(theme.get_env())
    compiled = []
    compile_template = second.compile
    second.compile = lambda *args, **kwargs: compiled.append(args) or compile_template(*args, **kwargs)
    assert second.get_template("main.html").name == expected
    assert compiled == []


def test_an_edited_template_is_compiled_again():
    sources = {"page.html": "first"}
    for text in ("first", "second"):
        sources["page.html"] = text
        env = upstream_speed.reuse_compiled_templates(jinja2.Environment(loader=jinja2.DictLoader(sources)))
        assert env.get_template("page.html").render() == text


def test_the_theme_listed_once_gives_mkdocs_the_same_files(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    plain = Files([])
    plain.add_files_from_theme(config.theme.get_env(), config)
    upstream_speed.list_theme_once(config.theme)
    env = config.theme.get_env()
    assert type(env.loader) is upstream_speed.ListedOnceLoader
    for _ in range(2):  # listed, then from memory
        listed = Files([])
        listed.add_files_from_theme(config.theme.get_env(), config)
        assert [(f.src_uri, f.abs_src_path) for f in listed] == [(f.src_uri, f.abs_src_path) for f in plain]
    assert len(plain) > 20  # stylesheets, scripts, search workers, lunr languages
    # MkDocs makes its environment from the theme, so the instance's get_env is used.
    assert "env = config.theme.get_env()" in inspect.getsource(mkdocs_build.build)


def test_i18n_repeats_its_sitemap_folder_in_theme_dirs_and_the_first_counts(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    i18n = config.plugins["i18n"]
    i18n.current_language = i18n.default_language
    for _ in range(3):
        i18n.reconfigure_mkdocs_config(config)
    dirs = list(config.theme.dirs)
    assert dirs[0] == dirs[1] == dirs[2] and dirs[0].endswith("custom_i18n_sitemap")
    upstream_speed.drop_repeated_theme_dirs(config.theme)
    assert config.theme.dirs == list(dict.fromkeys(dirs))


def test_i18n_makes_alternates_from_the_fields_the_memo_keys_on():
    signature = inspect.signature(i18n_reconfigure.ExtendedPlugin.reconfigure_files_alternates)
    assert list(signature.parameters) == [
        "self",
        "i18n_src_uris",
        "i18n_alternate_src_uris",
        "mkdocs_config",
        "create_i18n_file",
    ]
    assert "self.reconfigure_files_alternates(" in inspect.getsource(i18n_reconfigure.ExtendedPlugin.reconfigure_files)
    # create_i18n_file reads its `file` argument only in its first statement,
    # which makes a new File from src_path, dest_path, dest_uri and inclusion.
    tree = ast.parse(textwrap.dedent(inspect.getsource(i18n_folder.create_i18n_file)))
    function = tree.body[0]
    body = [node for node in function.body if not isinstance(node, ast.Expr)]
    first = body[0]
    assert isinstance(first, ast.Assign) and first.targets[0].id == "file"
    read = {node.attr for node in ast.walk(first.value) if isinstance(node, ast.Attribute) and _names(node, "file")}
    assert read == {"src_path", "dest_path", "dest_uri", "inclusion"}
    assert [p for p in inspect.signature(i18n_folder.create_i18n_file).parameters] == [
        "file",
        "current_language",
        "default_language",
        "all_languages",
        "config",
    ]


def _names(node: ast.Attribute, name: str) -> bool:
    return isinstance(node.value, ast.Name) and node.value.id == name


def test_i18n_builds_further_locales_inside_the_first_with_the_site_kept():
    source = inspect.getsource(i18n_plugin.I18n.on_post_build)
    assert source.index("self.building = True") < source.index("build(config, dirty=dirty)")
    assert "utils.clean_directory = lambda x: x" in source
    plugin = i18n_plugin.I18n()
    assert plugin.building is False
    assert plugin.i18n_files_per_language == {}
    # The sitemap template lists the pages the plugin gathered so far.
    assert 'context["i18n_alternates"] = self.i18n_files_per_language' in inspect.getsource(
        i18n_plugin.I18n.on_template_context
    )
    sitemap = Path(i18n_plugin.__file__).parent / "custom_i18n_sitemap" / "sitemap.xml"
    assert "i18n_alternates.items()" in sitemap.read_text(encoding="utf-8")


def test_material_segments_chinese_through_its_module_global_jieba():
    import material.plugins.search.plugin as material_search

    source = inspect.getsource(material_search.SearchIndex._segment_chinese)
    assert 'jieba.cut(value.encode("utf-8"))' in source
    assert hasattr(material_search, "jieba")


def test_remembered_segments_are_jiebas_and_survive_the_process(tmp_path):
    import jieba

    texts = ["安全的方法不会修改服务器上的资源", "幂等", "請求方法"]
    path = tmp_path / "segments.json"
    first = upstream_speed.RememberedSegments(jieba, path)
    assert [list(first.cut(text.encode("utf-8"))) for text in texts] == [list(jieba.cut(text)) for text in texts]
    first.save()
    again = upstream_speed.RememberedSegments(jieba, path)
    assert again.known == {text: list(jieba.cut(text)) for text in texts}
    again.set_dictionary  # noqa: B018 - a dictionary of one's own changes the segments
    assert again.remembering is False


def test_writes_observer_reacts_to_writes_and_not_to_reads(tmp_path, monkeypatch):
    watched = tmp_path / "methods.yml"
    watched.write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path / "docs"))
    server.watch(str(watched))
    assert set(server._watched_paths) == {str(tmp_path / "docs"), str(watched)}
    monkeypatch.setenv(upstream_speed.EVENT_WATCHER, "1")
    upstream_speed.watch_writes(server)
    assert type(server.observer) is upstream_speed.WritesObserver
    assert server._watched_paths == {str(tmp_path / "docs"): 1, str(watched): 1}
    server.observer.start()
    try:
        time.sleep(0.2)
        watched.read_text(encoding="utf-8")
        (tmp_path / "other.txt").write_text("not watched", encoding="utf-8")
        time.sleep(0.5)
        assert server._want_rebuild is False
        watched.write_text("a: 2\n", encoding="utf-8")
        assert wait_for(lambda: server._want_rebuild, 2, step=0.01)
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()


def test_mkdocs_waits_build_delay_after_each_change_before_it_rebuilds():
    # _BuildsWhenWritten sets build_delay, which the build loop reads at every wait.
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=".")
    try:
        assert server.build_delay == 0.1
    finally:
        server.server_close()
    loop = inspect.getsource(LiveReloadServer._build_loop)
    assert "while self._rebuild_cond.wait(timeout=self.build_delay):" in loop


def test_the_rebuild_waits_only_while_a_write_may_go_on(tmp_path, monkeypatch):
    watched = tmp_path / "methods.yml"
    watched.write_text("a: 1\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(watched))
    monkeypatch.setenv(upstream_speed.EVENT_WATCHER, "1")
    upstream_speed.watch_writes(server)
    server.observer.start()
    try:
        time.sleep(0.2)
        with watched.open("w", encoding="utf-8") as still_open:
            still_open.write("a: 2\n")
            still_open.flush()
            assert wait_for(lambda: server._want_rebuild, 2, step=0.01)
            time.sleep(0.1)
            assert server.build_delay == 0.1  # opened and written, not yet closed: MkDocs' wait
        assert wait_for(lambda: server.build_delay == upstream_speed.SETTLED, 2, step=0.01)
        replacement = tmp_path / "methods.yml.new"
        replacement.write_text("a: 3\n", encoding="utf-8")
        os.utime(watched)  # touched: no write has ended
        assert wait_for(lambda: server.build_delay == 0.1, 2, step=0.01)
        os.replace(replacement, watched)  # saved by renaming a new file over it
        assert wait_for(lambda: server.build_delay == upstream_speed.SETTLED, 2, step=0.01)
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()


def test_unknown_switch_values_are_refused(monkeypatch):
    monkeypatch.setenv(upstream_speed.SWITCH, "maybe")
    with pytest.raises(PluginError, match="SPEED_WORKAROUNDS=maybe: use on or off"):
        upstream_speed.enabled()
    monkeypatch.setenv(upstream_speed.EVENT_WATCHER, "yes")
    with pytest.raises(PluginError, match=r"EVENT_WATCHER=yes: use 1 \(react to writes\) or 0"):
        upstream_speed.watch_writes(server=None)


# --- the same site with and without the workarounds --------------------------


def subset(data: dict, codes: list[str]) -> dict:
    """The data with only these locales (the first stays the default)."""
    result = copy.deepcopy(data)
    result["locales"] = [locale for locale in result["locales"] if locale["code"] in codes]
    for method in result["methods"]:
        method["text"] = {code: text for code, text in method["text"].items() if code in codes}
    return result


def test_three_locales_build_the_same_files_with_and_without_the_workarounds(tmp_path):
    project = copy_project(tmp_path / "project")
    data_file = project / "data" / "methods.yml"
    data = subset(yaml.safe_load(data_file.read_text(encoding="utf-8")), ["en", "sv", "zh-Hans"])
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_reference(data_file)  # still valid data
    temporary = tmp_path / "tmp"  # jieba's caches and the remembered segments start empty
    temporary.mkdir()
    sites = {}
    for name, switch in (("upstream", "off"), ("cold", "on"), ("warm", "on")):
        sites[name] = tmp_path / name
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(sites[name])],
            cwd=project,
            env={**mkdocs_env(), "TMPDIR": str(temporary), upstream_speed.SWITCH: switch},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
    assert list(temporary.glob("jieba.*.segments.json"))
    for name in ("cold", "warm"):
        assert different_files(sites["upstream"], sites[name]) == []
    sitemap = (sites["warm"] / "sitemap.xml").read_text(encoding="utf-8")
    assert {"en", "sv", "zh-Hans"} == set(re.findall(r'hreflang="([^"]+)"', sitemap)) - {"x-default"}


def different_files(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found: list[str] = []

    def walk(node: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in node.left_only + node.right_only + node.funny_files)
        _match, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, child in node.subdirs.items():
            walk(child, f"{prefix}{name}/")

    walk(comparison, "")
    return found


# --- make build and make serve, as a person runs them -----------------------


def make_project(tmp_path: Path) -> Path:
    """A copy of the project that `make` runs in, sharing the installed .venv."""
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "pyproject.toml"):
        (project / name).write_bytes((ROOT / name).read_bytes())
    (project / ".venv").symlink_to((ROOT / ".venv").resolve())
    return project


def make(project: Path, *arguments: str) -> list[str]:
    # -o: the installed .venv counts as up to date (it is the repository's).
    return ["make", "--no-print-directory", "-o", ".venv/.installed", "-C", str(project), *arguments]


def test_make_build_prints_a_line_per_locale_and_no_dumps(tmp_path):
    project = make_project(tmp_path)
    temporary = tmp_path / "tmp"  # jieba has no cache: it must load its model
    temporary.mkdir()
    result = subprocess.run(
        make(project, "build"),
        env={**mkdocs_env(), "TMPDIR": str(temporary)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # in the order a terminal shows them
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert (project / "site" / "index.html").exists()
    assert list(temporary.glob("jieba*.cache")), "jieba loaded no model: the test shows nothing"
    for noise in ("Overriding", "Updating '", "Loading model", "Prefix dict", "Building prefix dict", "Dumping model"):
        assert not [line for line in lines if noise in line], noise
    for code in LOCALES:
        assert len([line for line in lines if f"'{code}'" in line]) == 1, code
    assert not [line for line in lines if "mkdocs build" in line or "rm -rf" in line]
    # Besides a line per locale: MkDocs' cleaning, building and time, the
    # output check (verify-site) and where the site is.
    assert len(lines) <= len(LOCALES) + 5, "\n".join(lines)
    assert [line for line in lines if line.startswith("site.new: OK: ")], "\n".join(lines)
    assert lines[-1] == "The site is in site/"


def dry_run(*arguments: str, environment: dict | None = None) -> subprocess.CompletedProcess:
    chosen = ("LOCALE", "ONLY_LOCALE", "WATCH", "EVENT_WATCHER")
    env = {key: value for key, value in os.environ.items() if key not in chosen}
    return subprocess.run(
        make(ROOT, "-n", "serve", *arguments), env={**env, **(environment or {})}, capture_output=True, text=True
    )


def test_make_serve_takes_the_locale_either_way():
    for result in (dry_run("LOCALE=sv"), dry_run(environment={"ONLY_LOCALE": "sv"}), dry_run("ONLY_LOCALE=sv")):
        assert result.returncode == 0, result.stderr
        assert "ONLY_LOCALE=sv " in result.stdout
    every = dry_run()
    assert every.returncode == 0 and "ONLY_LOCALE" not in every.stdout
    both = dry_run("LOCALE=sv", environment={"ONLY_LOCALE": "de"})
    assert both.returncode != 0
    assert "LOCALE=sv and ONLY_LOCALE=de disagree: give one of them" in both.stderr


def test_make_serve_polls_unless_asked_to_watch_events():
    for result, value in ((dry_run(), "0"), (dry_run("WATCH=poll"), "0"), (dry_run("WATCH=events"), "1")):
        assert result.returncode == 0, result.stderr
        assert f"EVENT_WATCHER={value} " in result.stdout
    chosen = dry_run(environment={"EVENT_WATCHER": "1"})
    assert "EVENT_WATCHER=1 " in chosen.stdout
    wrong = dry_run("WATCH=inotify")
    assert wrong.returncode != 0
    assert "WATCH=inotify: use events (react to saves at once) or poll (the default)" in wrong.stderr
    help_line = subprocess.run(make(ROOT, "help"), capture_output=True, text=True, check=True).stdout
    assert "WATCH=events: rebuild the moment a save ends" in help_line


def test_make_serve_reloads_on_a_write_and_stops_quietly_on_ctrl_c(tmp_path):
    project = make_project(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        make(project, "serve", "LOCALE=sv", "WATCH=events", f"PORT={port}"),
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a process group, as a terminal gives it
    )
    try:
        url = f"http://127.0.0.1:{port}/methods/get/"
        assert wait_for(lambda: fetch(url), 120), "make serve did not answer"
        data_file = project / "data" / "methods.yml"
        old = "        summary: Hämtar en representation av en resurs utan att ändra något på servern.\n"
        new = "        summary: Hämtar en ny representation.\n"
        data_file.write_text(data_file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        assert wait_for(lambda: "Hämtar en ny representation." in (fetch(url) or ""), 30, step=0.05)
        os.killpg(server.pid, signal.SIGINT)  # what Ctrl-C sends
        output, _ = server.communicate(timeout=20)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    lines = output.splitlines()
    assert "make:" not in output and "Error" not in output, output
    assert not [line for line in lines if "ONLY_LOCALE" in line or "Overriding" in line], output
    assert any(line.endswith(f"Serving on http://127.0.0.1:{port}/") for line in lines), output
    assert lines[-1].endswith("Shutting down..."), output


def test_remembered_segments_follow_the_words_jieba_learns(tmp_path):
    """Segments made before the locales' terms were taught (幂 + 等) are
    never served once they are: the words name the file."""
    import jieba

    plain = upstream_speed.RememberedSegments(jieba, words=())
    taught = upstream_speed.RememberedSegments(jieba, words=("幂等",))
    assert plain.path != taught.path
    assert list(taught.cut("幂等方法")) == ["幂等", "方法"]
    assert taught.taught
