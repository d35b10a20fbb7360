"""Every public table is drawn by the site's own table template, with its class, caption and aligned headers."""

import pytest

from tournaments import tables

from .page_helpers import section

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def all_site_tables(cls=tables.SiteTable):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from all_site_tables(subclass)


@pytest.mark.parametrize("table_class", list(all_site_tables()), ids=lambda cls: cls.__name__)
def test_every_table_uses_the_site_template(table_class):
    assert table_class._meta.template_name == "includes/table.html"
    assert "data" in table_class._meta.attrs["class"].split()


@pytest.mark.parametrize(
    "url, anchor, caption",
    [
        ("/seasons/2008/departmental/", "qualifiers", "Teams that qualified for the 2008 Regional Stage"),
        ("/teams/", "teams", "Every team in the archive"),
        ("/seasons/2008/national/", "final-group-stage", "Final group stage standings"),
    ],
)
def test_directory_tables_look_like_the_standings(client, url, anchor, caption):
    html = section(client.get(url).content.decode(), anchor)
    assert '<table class="data' in html
    assert f"<caption>{caption}</caption>" in html
    assert "ui celled table" not in html


def test_number_headers_are_aligned_with_their_numbers(client):
    html = section(client.get("/seasons/2008/national/").content.decode(), "final-group-stage")
    assert 'title="Points" class="num"' in html
    assert 'title="Played" class="num"' in html
