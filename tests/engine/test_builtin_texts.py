"""What the built-in scenarios tell a player is true of them (issue 17, item 9): sources are
public addresses, and each says whose tag it is."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from game.scenario import library

NOT_PUBLIC = ("staging.", "dev.", "test.", "preview.", "localhost", "127.0.0.1", "internal.")


@pytest.mark.parametrize("path", library.builtin_files(), ids=lambda p: p.stem)
def test_sources_are_public_addresses(path):
    scenario = library.load(str(path))
    links = list(scenario.sources) + [lesson.source for lesson in scenario.debrief.lessons if lesson.source]
    for link in links:
        host = urlparse(str(link)).hostname or ""
        assert not host.startswith(NOT_PUBLIC) and not host.endswith(".local"), link


def test_whose_tag_it_is():
    tags = {path.stem: library.load(str(path)).campaign.tag for path in library.builtin_files()}
    assert tags["digiorno"] == "joined"  # DiGiorno posted into #WhyIStayed
    assert tags["united3411"] == "public" and tags["justine"] == "public"
    assert tags["askjpm"] == tags["qantasluxury"] == tags["tutorial"] == "launched"
