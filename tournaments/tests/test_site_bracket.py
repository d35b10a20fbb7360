"""A bracket gives its room to the rounds that are known; a round whose results were lost is one line."""

import re

import pytest

from .page_helpers import page

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def round_classes(body):
    return dict(
        (anchor, classes) for classes, anchor in re.findall(r'<section class="(round[^"]*)" id="([^"]+)"', body)
    )


def test_the_1998_lost_rounds_collapse_and_the_final_keeps_its_box(client):
    rounds = round_classes(page(client, "/seasons/1998/national/"))
    assert rounds == {"quarterfinals": "round round-lost", "semifinals": "round round-lost", "final": "round"}


def test_a_round_with_some_ties_kept_is_not_collapsed(client):
    body = page(client, "/seasons/2008/regional/iv/")
    assert all("round-lost" not in classes for classes in round_classes(body).values())
