"""Read pages the way a reader does: the text of a section, the rows of its table, the CSV a journalist downloads,
and the tables and tie outcomes the page selectors hand to the templates."""

import csv
import io
import re
from html import unescape
from html.parser import HTMLParser


def text(html):
    """The visible words of an HTML fragment, whitespace collapsed as a reader sees it ("Lima, Callao")."""
    words = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return re.sub(r"\( ", "(", re.sub(r" ([,.:;)])", r"\1", words))


class _Sections(HTMLParser):
    """Finds the element with a given id and keeps its inner HTML."""

    def __init__(self, wanted):
        super().__init__(convert_charrefs=False)
        self.wanted, self.depth, self.parts, self.done = wanted, 0, [], False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if self.depth:
            self.depth += tag not in VOID
            self.parts.append(self.get_starttag_text())
        elif dict(attrs).get("id") == self.wanted:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and not self.done:
            self.depth -= 1
            if self.depth == 0:
                self.done = True
            else:
                self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        if self.depth and not self.done:
            self.parts.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}


def section(html, element_id):
    """The inner HTML of the element whose id is ``element_id`` (AssertionError when there is none)."""
    parser = _Sections(element_id)
    parser.feed(html)
    assert parser.depth or parser.done, f"no element with id={element_id!r}"
    return "".join(parser.parts)


def without_box_tools(html):
    """``html`` without the link-and-citation line under each match, tie and note, to read the boxes in a row."""
    return re.sub(r'<div class="box-tools">.*?</details></div>', "", html, flags=re.S)


def table_rows(html):
    """The body rows of the first table in ``html``, as lists of cell texts."""
    body = re.search(r"<tbody[^>]*>(.*?)</tbody>", html, re.S).group(1)
    return [
        [text(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def csv_rows(response):
    """The rows of a CSV download, header first, read as a spreadsheet reads them (the byte-order mark dropped)."""
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def csv_table(response):
    """The table part of a CSV download (header first), without the numbered sources listed after a blank row."""
    rows = csv_rows(response)
    return rows[: rows.index([])] if [] in rows else rows


def csv_sources(response):
    """The numbered sources listed after the table in a CSV download, header first ([] when none are listed)."""
    rows = csv_rows(response)
    return rows[rows.index([]) + 1 :] if [] in rows else []


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def shown_stage(part):
    """The stage results behind the page that shows ``part`` (a group or a round): its region's or the national."""
    from tournaments.selectors.stages import national_stage, region_page

    if part.region_id:
        return region_page(part.season.year, part.region.number)[1]
    return national_stage(part.season.year)[1]


def shown_table(group):
    """The group's standings as its page ranks and marks them."""
    return next(view.table for view in shown_stage(group).groups if view.group.pk == group.pk)


def shown_outcome(tie):
    """How the tie's page says it was decided: the TieOutcome of the knockout round or group playoff it is in."""
    stage = shown_stage(tie.round)
    rounds = [*stage.rounds, *(playoff for view in stage.groups for playoff in view.playoffs)]
    return next(result.outcome for view in rounds for result in view.ties if result.tie.pk == tie.pk)
