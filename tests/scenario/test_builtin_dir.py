"""Built-in scenarios are found in an installed wheel, where their folder is a namespace package."""

from __future__ import annotations

import importlib.resources
from importlib.resources.readers import MultiplexedPath

from game.scenario import library


def test_the_builtin_folder_is_found_through_a_namespace_package(monkeypatch, tmp_path):
    (tmp_path / "case.yaml").write_text("id: case\n")
    monkeypatch.setattr(importlib.resources, "files", lambda name: MultiplexedPath(tmp_path))
    assert library.builtin_dir() == tmp_path
    assert [p.name for p in library.builtin_files()] == ["case.yaml"]
