"""Every match box, tie box and ruling has a visible link to its own anchor and a citation line, like the tables."""

import re

import pytest

from .page_helpers import page, section, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")

RULING_PAGES = [
    "/seasons/1998/national/",
    "/seasons/2008/regional/iv/",
    "/seasons/1998/regional/v/",
    "/seasons/1998/regional/viii/",
    "/seasons/2008/national/",
]


@pytest.mark.parametrize("url", RULING_PAGES)
def test_every_box_links_to_itself_and_can_be_cited(client, url):
    body = page(client, url)
    anchors = re.findall(r'id="((?:match|tie|note)-\d+)"', body)
    assert anchors
    for anchor in anchors:
        box = section(body, anchor)
        assert f'<a class="anchor-link box-anchor" href="#{anchor}">Link to this ' in box
        assert f'<a href="http://testserver{url}#{anchor}">' in box
        assert "Cite: Copa Perú" in text(box)


def test_the_1998_final_and_its_ruling_read_as_citations(client):
    body = page(client, "/seasons/1998/national/")
    tie = re.search(r'<article class="tie" id="(tie-\d+)"', body).group(1)
    assert "Cite: Copa Perú 1998 national stage, Final: I.M.I. v Coronel Bolognesi. Copa Perú archive, retrieved" in (
        text(section(body, tie))
    )
    note = re.search(r'id="(note-\d+)"', body).group(1)
    assert "Cite: Copa Perú 1998 national stage, Match abandoned. Copa Perú archive" in text(section(body, note))
    # The abandoned leg: no home side is presented, and the leg is named.
    assert "I.M.I. v Coronel Bolognesi, leg 2. Copa Perú archive" in text(body)


def test_a_played_match_is_cited_with_its_score_and_date(client):
    body = page(client, "/seasons/2008/national/")
    assert "Cite: Copa Perú 2008 national stage, Sport Huancayo 0–1 CNI, 7 December 2008. Copa Perú archive" in text(
        body
    )
