"""The heads the title screen and the briefing read are cached between starts (issue 21: no YAML
reader in front of the first frame), and a cached head stands for a file only while it is the very
same file; a damaged cache is only a miss."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from game.scenario import library, loader
from game.ui import catalogue
from game.ui.screens.briefing import BRIEFING_KEYS, briefing_facts


@pytest.fixture
def fresh_cache(monkeypatch):
    """A cache as a new process has it (nothing in memory; the file under BASHTAG_DATA_DIR)."""

    def new():
        monkeypatch.setattr(catalogue, "_HEADS", catalogue._HeadCache())

    new()
    return new


def test_a_head_read_again_comes_from_the_cache_and_is_the_head_read_from_the_file(fresh_cache, monkeypatch):
    paths = library.builtin_files()
    wanted = [(path, keys) for path in paths for keys in (catalogue.LIST_KEYS, BRIEFING_KEYS)]
    read = [catalogue.read_head(path, keys) for path, keys in wanted]
    fresh_cache()

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read again")

    monkeypatch.setattr(loader, "read_data", no_reading)
    assert all(data is not None for data in read)
    for (path, keys), data in zip(wanted, read):
        assert catalogue.read_head(path, keys) == data, path


@pytest.mark.parametrize("settled", [True, False])
def test_a_changed_file_is_read_again_even_with_its_size_and_times_put_back(
    fresh_cache, tmp_path, monkeypatch, settled
):
    path = tmp_path / "case.yaml"
    text = (library.builtin_dir() / "askjpm.yaml").read_text()
    path.write_text(text)
    if settled:  # as if written long ago (a file just written is not cached at all: the other case)
        monkeypatch.setattr(catalogue, "_SETTLED_NS", 0)
        time.sleep(0.05)  # past the file clock's tick
    assert briefing_facts(path).title.startswith("#AskJPM")
    assert (catalogue._HEADS.get(path, BRIEFING_KEYS) is not None) == settled
    before = path.stat()
    path.write_text(text.replace('title: "#AskJPM', 'title: "#AskXYZ', 1))  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same modification time
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    fresh_cache()
    assert briefing_facts(path).title.startswith("#AskXYZ")


@pytest.mark.parametrize(
    "damage", [b"{not json", b"[1, 2, 3]", json.dumps({"version": 1, "entries": {"x": 1}}).encode(), b"\xff\xfe"]
)
def test_a_damaged_cache_is_a_miss(fresh_cache, damage):
    path = library.builtin_dir() / "askjpm.yaml"
    truth = catalogue.read_head(path, BRIEFING_KEYS)
    catalogue._cache_file().write_bytes(damage)
    fresh_cache()
    assert catalogue.read_head(path, BRIEFING_KEYS) == truth


def test_a_tampered_entry_is_still_checked_like_a_fresh_read(fresh_cache):
    # The cache is the user's own file, but what it holds is checked as the file's head would be:
    # a briefing fact of the wrong kind means the scenario is loaded in full first.
    path = library.builtin_dir() / "askjpm.yaml"
    assert briefing_facts(path) is not None
    file = catalogue._cache_file()
    cache = json.loads(file.read_text())
    for entry in cache["entries"].values():
        entry["data"]["organisation"]["followers"] = "many"
    file.write_text(json.dumps(cache))
    fresh_cache()
    assert briefing_facts(path) is None


def test_a_head_json_cannot_hold_exactly_is_not_cached(fresh_cache, tmp_path, monkeypatch):
    monkeypatch.setattr(catalogue, "_SETTLED_NS", 0)  # files written just now may be cached
    exact = tmp_path / "exact.yaml"  # a plain date: JSON keeps it exactly ({"$date": ...})
    exact.write_text("id: x\ntitle: T\ndate: 2013-11-13\ndifficulty: easy\nsummary: s\n")
    # A mapping whose key is the cache's own date marker: JSON would give it back as a date.
    moment = tmp_path / "moment.yaml"
    moment.write_text('id: x\ntitle: T\ndate: 2013-11-13\ndifficulty: easy\nsummary: {"$date": "2013-11-13"}\n')
    time.sleep(0.05)
    read = {path: catalogue.read_head(path, catalogue.LIST_KEYS) for path in (exact, moment)}
    assert read[moment]["summary"] == {"$date": "2013-11-13"}
    fresh_cache()
    assert catalogue._HEADS.get(exact, catalogue.LIST_KEYS) == read[exact]  # the twin is cached...
    assert catalogue._HEADS.get(moment, catalogue.LIST_KEYS) is None  # ...the timestamp is not
    assert catalogue.read_head(moment, catalogue.LIST_KEYS) == read[moment]


def test_the_next_start_draws_the_first_screens_without_the_yaml_reader(tmp_path):
    probe = (
        "import sys\n"
        "from game.commands.play import _builtin_file\n"
        "from game.ui.app import BashtagApp\n"
        "from game.ui.screens.briefing import briefing_facts\n"
        "from game.ui import catalogue\n"
        "assert briefing_facts(_builtin_file('askjpm')) is not None\n"
        "assert catalogue.builtin()\n"
        "print('yaml' in sys.modules)\n"
    )
    env = {**os.environ, "BASHTAG_DATA_DIR": str(tmp_path)}
    # A file changed in the last two seconds is not cached (its clock may still tick): straight after
    # a checkout the built-ins are that new, so wait until they have settled.
    newest = max(max(p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in library.builtin_dir().glob("*.yaml"))
    time.sleep(max(0.0, (newest + catalogue._SETTLED_NS - time.time_ns()) / 1e9 + 0.05))
    runs = [
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env) for _ in "12"
    ]
    assert [run.stdout.strip() for run in runs] == ["True", "False"]


def test_a_deleted_files_entry_leaves_the_cache_at_its_next_write(fresh_cache, tmp_path, monkeypatch):
    monkeypatch.setattr(catalogue, "_SETTLED_NS", 0)
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    for path in (first, second):
        path.write_text("id: x\ntitle: T\ndate: 2013-11-13\ndifficulty: easy\nsummary: s\n")
    time.sleep(0.05)
    catalogue.read_head(first, catalogue.LIST_KEYS)
    cached = json.loads(catalogue._cache_file().read_text())["entries"]
    assert any(key.startswith(str(first)) for key in cached)
    first.unlink()
    catalogue.read_head(second, catalogue.LIST_KEYS)
    cached = json.loads(catalogue._cache_file().read_text())["entries"]
    assert not any(key.startswith(str(first)) for key in cached)
    assert any(key.startswith(str(second)) for key in cached)
    assert not list(catalogue._cache_file().parent.glob("*.tmp"))
