"""What a fan sees of a season's sources: numbered footnotes beside each fact, the numbered Sources section on every
page of the season, every version of a disputed fact, seasons not held or with no final, and the exports' sources.

The season is made up (tests/factories.create_sourced_season): sources 1 Wikipedia and 2 El Comercio are general,
3 RSSSF is cited only by a match, a qualifier and a team change, 4 trainer-baade.de only by a version of the
disputed champion.
"""

import io
import re
from html import unescape

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tournaments.models import Citation, FactVersion, Season, Source
from tournaments.selectors.sources import season_sources

from .factories import create_sourced_season
from .page_helpers import csv_sources, csv_table, page, section, text


@pytest.fixture
def cited(db):
    return create_sourced_season(2031)


def footnote_numbers(html):
    """The footnote numbers shown in an HTML fragment, in order: [1, 3]."""
    return [int(number) for number in re.findall(r'<a href="#source-(\d+)"[^>]*>\[\1\]</a>', html)]


def plain(html):
    """The words of a fragment with its tags dropped in place: "“2031 Copa Perú”" from a linked title."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def source_entry(html, number):
    return plain(section(html, f"source-{number}"))


def test_footnotes_sit_beside_the_group_match_note_and_region(client, cited):
    body = page(client, "/seasons/2031/regional/v/")
    heading = re.search(r"<h3>Group A.*?</h3>", section(body, cited["group"].anchor), re.S).group(0)
    assert footnote_numbers(heading) == [1]
    match = section(body, cited["match"].anchor)
    assert footnote_numbers(match.split('<div class="box-tools">')[0]) == [3]
    assert footnote_numbers(section(body, f"note-{cited['ruling'].pk}").split('<div class="box-tools">')[0]) == [2]
    assert footnote_numbers(re.search(r"<h1>.*?</h1>", body, re.S).group(0)) == [2]
    # Each number is an entry of the Sources section on the same page.
    assert source_entry(body, 3).startswith("“Peru: Copa Perú”, RSSSF;")
    assert source_entry(body, 2).startswith("“La final de la Copa Perú”, El Comercio;")


def test_the_national_stage_footnotes_its_round_and_tie(client, cited):
    body = page(client, "/seasons/2031/national/")
    round_heading = re.search(r"<h3>Final.*?</h3>", section(body, cited["final"].anchor), re.S).group(0)
    assert footnote_numbers(round_heading) == [2]
    tie_heading = re.search(r'<h4 class="tie-teams">.*?</h4>', section(body, cited["tie"].anchor), re.S).group(0)
    assert footnote_numbers(tie_heading) == [1]
    assert "“2031 Copa Perú”, Wikipedia, published under the CC BY-SA 4.0 licence." in source_entry(body, 1)


def test_a_qualifier_row_carries_its_footnote_and_the_same_number_as_on_the_other_pages(client, cited):
    departmental = page(client, "/seasons/2031/departmental/")
    row = re.search(r"<tbody.*?</tbody>", section(departmental, "qualifiers"), re.S).group(0)
    assert footnote_numbers(row) == [3]
    region = page(client, "/seasons/2031/regional/v/")
    season = page(client, "/seasons/2031/")
    # The same publication has the same number on every page of the season.
    for body in (departmental, region, season):
        assert source_entry(body, 3).startswith("“Peru: Copa Perú”, RSSSF;")
        assert source_entry(body, 1).startswith("“2031 Copa Perú”, Wikipedia,")
        assert source_entry(body, 4).startswith("“Alle peruanischen Pokalsieger”, trainer-baade.de;")


def test_the_season_page_footnotes_its_facts_summary_stages_and_team_changes(client, cited):
    body = page(client, "/seasons/2031/")
    summary = section(body, "summary")
    assert footnote_numbers(summary) == [1]
    # A marker of no source stays as written; the summary's own text stays escaped.
    assert "[9]" in text(summary) and "&lt;b&gt;not bold&lt;/b&gt;" in summary
    stages = section(body, "stages")
    assert footnote_numbers(stages.split("</strong>")[1].split(":")[0]) == [2]
    assert footnote_numbers(section(body, "team-changes")) == [3]
    champion = re.search(r"<dt>Champion</dt><dd>(.*?)</dd>", body, re.S).group(1)
    assert footnote_numbers(champion.split('<span class="badge')[0]) == [1]


def test_the_sources_section_gives_each_entry_in_full(client, cited):
    body = page(client, "/seasons/2031/")
    wikipedia = section(body, "source-1")
    assert '<a href="https://en.wikipedia.org/wiki/2031_Copa_Per%C3%BA">2031 Copa Perú</a>' in wikipedia
    assert '<a href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license">CC BY-SA 4.0</a>' in wikipedia
    assert "Language: English. Date accessed not recorded." in text(wikipedia)
    assert text(section(body, "source-2")) == (
        "“La final de la Copa Perú”, El Comercio; its licence is not recorded. Language: Spanish. "
        "Date accessed not recorded."
    )
    assert "Language not recorded. Accessed 29 November 2026." in source_entry(body, 3)
    assert source_entry(body, 4).startswith("“Alle peruanischen Pokalsieger”, trainer-baade.de;")


def test_a_disputed_champion_shows_every_version_with_its_sources(client, cited):
    body = page(client, "/seasons/2031/")
    champion = re.search(r"<dt>Champion</dt><dd>(.*?)</dd>", body, re.S).group(1)
    assert "Disputed" in text(champion)
    versions = re.findall(r"<li>(.*?)</li>", champion, re.S)
    assert [plain(version) for version in versions] == [
        # One source: the singular (it read "according to sources [1]").
        "Champion: Alpha, according to source [1]",
        "Champion: Coronel Bolognesi, according to sources [2][4]",
    ]
    assert [footnote_numbers(version) for version in versions] == [[1], [2, 4]]
    assert "Confidence Disputed" in text(section(body, "infobox"))


def test_a_single_source_champion_is_marked(client, cited):
    Season.objects.create(year=2032, confidence=Season.Confidence.SINGLE_SOURCE)
    infobox = text(section(page(client, "/seasons/2032/"), "infobox"))
    assert "Confidence Single source Only one source gives the champion and the runner-up." in infobox


def test_a_season_not_held_never_shows_a_champion(client, db):
    Season.objects.create(year=1990, status=Season.Status.NOT_HELD)
    body = page(client, "/seasons/1990/")
    assert text(section(body, "status")) == "The Copa Perú was not held in 1990."
    infobox = text(section(body, "infobox"))
    assert "Status Not held" in infobox  # the sentence is the page's lede, said once (it was in both)
    assert "Champion" not in infobox and "Runner-up" not in infobox and "Promoted" not in infobox
    assert "Not recorded yet" not in text(body)


def test_a_season_with_no_final_never_shows_a_champion_and_says_what_is_missing(client, db):
    Season.objects.create(year=1974, status=Season.Status.NO_FINAL)
    body = page(client, "/seasons/1974/")
    assert "The 1974 Copa Perú was held with no national final: no champion was decided." in text(
        section(body, "status")
    )
    assert "Status Held, with no national final" in text(section(body, "infobox"))
    assert "Champion" not in text(section(body, "infobox")) and "Runner-up" not in text(section(body, "infobox"))
    assert "The national stage's results are not recorded." in text(section(body, "not-recorded"))


def test_a_season_with_only_its_champion_says_what_is_not_recorded_and_what_to_add(client, db, teams):
    Season.objects.create(year=1967, champion=teams[0])
    body = page(client, "/seasons/1967/")
    assert text(section(body, "not-recorded")) == (
        "Not recorded yet "
        "The departmental qualifiers (which teams each department sent) are not recorded. "
        "The regions, their groups and their results are not recorded. "
        "The national stage's results are not recorded. "
        "Next for an editor: the national stage (its final or final group, with scores and dates), citing a "
        "source for each."
    )
    assert "Not recorded: the archive holds no departmental qualifiers" in text(
        page(client, "/seasons/1967/departmental/")
    )
    assert "Not recorded: the archive holds no regions" in text(page(client, "/seasons/1967/regional/"))
    assert "Results not recorded" in text(page(client, "/seasons/1967/national/"))
    page(client, "/seasons/1967/regional/i/", status=404)


def test_the_csv_carries_each_rows_sources_and_ends_with_the_numbered_list(client, cited):
    response = client.get("/seasons/2031/departmental/?_export=csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = csv_table(response)
    assert rows[0][-1] == "Sources" and rows[1][1] == "Alpha" and rows[1][-1] == "[3]"
    listed = csv_sources(response)
    assert listed[0][:5] == ["Source", "Publisher", "Title", "Address", "Licence"]
    assert listed[1][:5] == [
        "1", "Wikipedia", "2031 Copa Perú", "https://en.wikipedia.org/wiki/2031_Copa_Per%C3%BA", "CC BY-SA 4.0"
    ]  # fmt: skip
    assert listed[3][:5] == ["3", "RSSSF", "Peru: Copa Perú", "https://www.rsssf.org/tablesp/peru.html", ""]
    standings = csv_table(client.get("/seasons/2031/regional/v/?_export=csv&table=" + cited["group"].anchor))
    assert {row[-1] for row in standings[1:]} == {"[1]"}


def test_the_sources_list_of_an_export_gives_each_sources_language_and_date_accessed(client, cited):
    listed = csv_sources(client.get("/seasons/2031/departmental/?_export=csv"))
    assert listed[0][5:] == ["Language", "Date accessed"]
    shown = {row[1]: row[5:] for row in listed[1:]}
    for source in cited["sources"]:
        language = source.language or "not recorded"
        accessed = source.accessed.isoformat() if source.accessed else "not recorded"
        assert shown[source.publisher] == [language, accessed], source.publisher
    assert ["not recorded", "not recorded"] in shown.values()
    book = openpyxl.load_workbook(io.BytesIO(client.get("/seasons/2031/regional/?_export=xlsx").content))
    assert [cell.value for cell in book.worksheets[1][1]][5:] == ["Language", "Date accessed"]


def test_a_source_typed_as_a_formula_stays_text_in_the_csv_list(client, cited):
    source = cited["sources"][1]
    source.publisher = '=HYPERLINK("http://evil.example","El Comercio")'
    source.save()
    listed = csv_sources(client.get("/seasons/2031/departmental/?_export=csv"))
    assert listed[2][1] == '\'=HYPERLINK("http://evil.example","El Comercio")'


def test_the_xlsx_has_a_sources_column_and_sheet(client, cited):
    response = client.get("/seasons/2031/regional/?_export=xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    table, listed = book.worksheets
    rows = [[cell.value for cell in row] for row in table.iter_rows()]
    assert rows[0][-1] == "Sources" and rows[1][-1] == "[2]"
    assert listed.title == "Sources"
    assert [cell.value for cell in listed[1]][:5] == ["Source", "Publisher", "Title", "Address", "Licence"]
    assert [cell.value for cell in listed[3]][:3] == [2, "El Comercio", "La final de la Copa Perú"]


def test_the_numbering_follows_the_rule_in_a_fixed_number_of_queries(cited, django_assert_num_queries):
    with django_assert_num_queries(3):
        sources = season_sources(cited["season"])
    assert [entry.source.publisher for entry in sources.entries] == [
        "Wikipedia", "El Comercio", "RSSSF", "trainer-baade.de"
    ]  # fmt: skip
    assert sources.numbers_of(cited["match"]) == [3] and sources.fact_numbers("champion") == [1]
    with django_assert_num_queries(2):
        pages_sources = season_sources(cited["season"], versions=False)
    # A page that does not show the versions still lists the source only a version names, under the same number.
    assert [entry.source.publisher for entry in pages_sources.entries][3:] == ["trainer-baade.de"]


def test_the_regional_page_footnotes_its_stage_and_each_region(client, cited):
    body = page(client, "/seasons/2031/regional/")
    assert footnote_numbers(re.search(r"<h1>.*?</h1>", body, re.S).group(0)) == [2]
    row = re.search(r"<tbody.*?</tbody>", section(body, "regions"), re.S).group(0)
    assert footnote_numbers(row) == [2]
    assert source_entry(body, 2).startswith("“La final de la Copa Perú”, El Comercio;")


def test_a_final_seasons_status_shows_its_footnote(client, cited):
    Citation.objects.create(season=cited["season"], source=cited["sources"][2], fact="status", order=20)
    infobox = section(page(client, "/seasons/2031/"), "infobox")
    status = re.search(r"<dt>Status</dt><dd>(.*?)</dd>", infobox, re.S).group(1)
    assert plain(status) == "Champion decided[3]" and footnote_numbers(status) == [3]


@pytest.mark.parametrize("url", ["/seasons/2031/", "/seasons/2031/regional/v/", "/seasons/2031/departmental/"])
def test_more_citations_and_versions_cost_no_more_queries(client, cited, url):
    with CaptureQueriesContext(connection) as before:
        page(client, url)
    season = cited["season"]
    extra = Source.objects.create(publisher="La República", title="Copa Perú 2031")
    for order, thing in enumerate(["match", "group", "qualifier", "note"], start=30):
        Citation.objects.create(
            season=season, source=extra, order=order, **{thing: cited[thing if thing != "note" else "ruling"]}
        )
    FactVersion.objects.create(season=season, fact="runner_up", name="Delta", order=3).sources.add(extra)
    with CaptureQueriesContext(connection) as after:
        body = page(client, url)
    assert len(after) == len(before)
    # Cited before any source that only a version names, so it is 4 on every page of the season.
    assert source_entry(body, 4).startswith("“Copa Perú 2031”, La República;")
