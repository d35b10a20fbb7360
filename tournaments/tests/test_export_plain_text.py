"""Every exported table of the site holds plain text: a journalist's spreadsheet shows "Sport Huancayo", never
'<a href="/teams/sport-huancayo/">Sport Huancayo</a>'. The pages are found by following the site's own links."""

import html
import io
import re
from urllib.parse import urlsplit

import openpyxl
import pytest
from django.urls import Resolver404, resolve

from .page_helpers import csv_rows

pytestmark = pytest.mark.usefixtures("shipped_seasons")

HUBS = ["/", "/seasons/", "/teams/", "/departments/", "/seasons/1998/", "/seasons/2008/", "/es/temporadas/"]


def links(content):
    return {html.unescape(href) for href in re.findall(r'href="(/[^"#]*)"', content)}


def export_links(client):
    """One page of each kind reachable from the hubs (one per URL name and language), and every export it offers."""
    pages, kinds = [], set()
    for hub in HUBS:
        for url in sorted(links(client.get(hub).content.decode()) | {hub}):
            path = urlsplit(url).path
            try:
                kind = (resolve(path).url_name, path.startswith("/es/"))
            except Resolver404:
                continue
            if "_export" not in url and kind not in kinds and not path.startswith(("/admin", "/static")):
                kinds.add(kind)
                pages.append(url)
    exports = set()
    for url in pages:
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            queries = re.findall(r'href="(\?[^"#]*_export=csv[^"#]*)"', response.content.decode())
            exports |= {urlsplit(url).path + html.unescape(query) for query in queries}
    return sorted(exports)


def test_no_exported_cell_holds_html(client):
    exports = export_links(client)
    assert any("table=seasons" in url for url in exports) and any(url.startswith("/es/") for url in exports)
    found = []
    for url in exports:
        for row in csv_rows(client.get(url)):
            found += [(url, cell) for cell in row if "<" in cell]
        workbook = openpyxl.load_workbook(io.BytesIO(client.get(url.replace("_export=csv", "_export=xlsx")).content))
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                found += [(url, cell) for cell in row if isinstance(cell, str) and "<" in cell]
    assert sorted({url for url, cell in found}) == [], found[:3]


def every_table(cls=None):
    from tournaments.tables import SiteTable

    for sub in (cls or SiteTable).__subclasses__():
        yield sub
        yield from every_table(sub)


def test_every_rendered_cell_has_a_plain_export_value():
    """django-tables2 exports a column's ``render_<name>`` (HTML) unless the table defines ``value_<name>``."""
    missing = [
        f"{table.__name__}.{name}"
        for table in every_table()
        for name in table.base_columns
        if hasattr(table, f"render_{name}") and not hasattr(table, f"value_{name}")
    ]
    assert missing == []


@pytest.mark.parametrize("url", ["/seasons/?_export=csv&table=seasons", "/?_export=csv", "/es/temporadas/?_export=csv"])
def test_the_roll_export_names_the_sources_of_each_seasons_facts(client, url):
    """Numbers would mean nothing across seasons: each row names its champion, runner-up and status sources."""
    header, *rows = csv_rows(client.get(url))
    sources = {row[0]: row[-1] for row in rows}
    assert header[-1] in ("Sources", "Fuentes")
    assert len(rows) == 59 and all(sources.values())
    assert "Wikipedia (fr): Coronel Bolognesi" in sources["2001"].split("; ")
    assert "Wikipedia (pt): Coronel Bolognesi" in sources["2001"].split("; ")
    assert any(name.startswith("trainer-baade.de: ") for name in sources["1990"].split("; "))
