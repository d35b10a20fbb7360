"""Sources in the article format (issue 14): the parser's sentences, the import of every part, reuse, other names,
the round trip, and that a bad article writes nothing."""

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from tournaments.models import (
    Citation,
    FactVersion,
    Match,
    Note,
    Progression,
    Qualifier,
    Season,
    Source,
    Stage,
    Team,
    TeamAlias,
    TeamChange,
)
from tournaments.services.article_parser import ArticleError, parse_article
from tournaments.services.season_export import export_season
from tournaments.services.season_import import import_season
from tournaments.services.season_rows import season_dump

pytestmark = pytest.mark.django_db

ARTICLES = Path(__file__).parent / "articles"
FULL = ARTICLES / "season_2001_sources.txt"

HEADER = """\
= 2001 Copa Perú =

Infobox
- Competition: Copa Perú
- Season: 2001
"""
SOURCES = """
==Sources==
1. Wikipedia: 2001 Copa Perú <https://en.wikipedia.org/wiki/2001_Copa_Per%C3%BA>
   - Language: en
   - Licence: CC BY-SA 4.0 <https://creativecommons.org/licenses/by-sa/4.0/>
2. RSSSF: Peru - List of Champions <https://www.rsssf.org/tablesp/perucuphist.html>
   - Accessed: 2026-11-29
"""


def article(infobox, body="", sources=SOURCES):
    return HEADER + textwrap.dedent(infobox) + "\n" + textwrap.dedent(body) + sources


def errors_of(text):
    with pytest.raises(ArticleError) as raised:
        parse_article(text, "a.txt")
    return raised.value.lines()


# ----- the parser's sentences, each on its line -----


@pytest.mark.parametrize(
    "infobox, body, sources, expected",
    [
        ("- Winners: Melgar [3]\n", "", SOURCES, "a.txt:6: Source 3 is not listed under ==Sources=="),
        ("- Winners: Melgar [1][1]\n", "", SOURCES, "a.txt:6: The same source is cited twice"),
        ("- Prevseason: 2000 [1]\n", "", SOURCES, "a.txt:6: Only the Winners, Runner-up and Status lines"),
        ("- Status: abandoned\n", "", SOURCES, "a.txt:6: 'abandoned' is not a known value for the status"),
        ("- Confidence: sure\n", "", SOURCES, "a.txt:6: 'sure' is not a known value for the confidence"),
        ("- Runner-up: Melgar [1]\n- Runner-up basis: guess\n", "", SOURCES, "a.txt:7: 'guess' is not a known"),
        ("- Status: not held\n- Winners: Melgar\n", "", SOURCES, "a.txt:7: A season whose status is not 'final'"),
        ("- Status: not held\n- Runner-up: Melgar [1]\n", "", SOURCES, "a.txt:7: A season that was not held"),
        ("- Winners: Melgar [1]\n- Winners also given as: Aurich\n", "", SOURCES, "a.txt:7: The version 'Aurich'"),
        ("- Winners also given as: Aurich [1]\n", "", SOURCES, "a.txt:6: Other versions of a fact need its main"),
        ("", "==See also==\n- 2001 Torneo [1]\n", SOURCES, "a.txt:8: A source marker here cites nothing"),
        ("", "==Other names==\n- Aurich\n", SOURCES, "a.txt:8: '- Aurich' is not understood under Other names"),
        ("", "==Other names==\n- Melgar = Melgar\n", SOURCES, "a.txt:8: 'Melgar' is the team's own name"),
        ("", "", "\n==Sources==\n2. A: B\n", "a.txt:9: This source is numbered 2 but should be 1"),
        ("", "", "\n==Sources==\n1. A: B\n1. A: C\n", "a.txt:10: Source 1 is listed twice"),
        ("", "", "\n==Sources==\n1. A B\n", "a.txt:9: Source 1 needs its publisher and title"),
        ("", "", "\n==Sources==\n1. A: B <www.example>\n", "a.txt:9: 'www.example' is not a web address"),
        ("", "", "\n==Sources==\n1. A: B\n   - Accessed: 29/11/2026\n", "a.txt:10: The date accessed is not a date"),
        ("", "", "\n==Sources==\n1. A: B\n   - Colour: red\n", "a.txt:10: '- Colour: red' is not understood"),
        ("", "", "\n==Sources==\n   - Language: en\n", "a.txt:9: A source's detail line before any"),
    ],
)
def test_each_mistake_is_a_sentence_on_its_line(infobox, body, sources, expected):
    lines = errors_of(article(infobox, body, sources))
    assert any(line.startswith(expected) for line in lines), lines


def test_a_marker_where_it_can_cite_nothing_is_refused_with_its_line():
    text = article(
        "- Winners: Melgar [1]\n",
        """\
        ==Regional Stage==
        ===Region VI===
        ====Group A====
        =====Round 1===== [1]
        2001-09-01 [2]
        Melgar 2-1 Coronel Bolognesi [2]
        """,
    )
    lines = errors_of(text)
    assert [line.split(": ", 1)[0] for line in lines] == ["a.txt:11", "a.txt:12"]
    assert all("A source marker here cites nothing" in line for line in lines)


def test_markers_in_a_paragraph_stay_in_its_text_and_must_name_a_listed_source():
    parsed = parse_article(article("", "A first sentence [1]. A second one [1][2].\n"), "a.txt")
    assert parsed.summary == ["A first sentence [1]. A second one [1][2]."]
    assert errors_of(article("", "A sentence [3].\n")) == [
        "a.txt:7: Source 3 is not listed under ==Sources==: add it there or correct the marker."
    ]


def test_an_article_without_sources_reads_as_before():
    parsed = parse_article(article("- Winners: Melgar\n", sources=""), "a.txt")
    assert parsed.sources == [] and parsed.status == "final" and parsed.fact_cites == {}


# ----- import -----


def test_every_part_of_the_full_article_is_imported():
    report = import_season(FULL.read_text(encoding="utf-8"), "full.txt")
    season = Season.objects.get(year=2001)
    assert (season.champion.name, season.status, season.confidence) == ("Sport Bolito", "final", "disputed")

    general = Citation.objects.filter(season=season, fact="", **{f"{n}__isnull": True for n in ("stage", "match")})
    general = [c for c in general.order_by("order") if c.cited_name == "season"]
    assert [(c.order, c.source.publisher) for c in general] == [(1, "Wikipedia"), (2, "trainer-baade.de"), (3, "RSSSF")]
    wikipedia = Source.objects.get(publisher="Wikipedia")
    assert (wikipedia.language, wikipedia.licence) == ("en", "CC BY-SA 4.0")
    assert wikipedia.licence_url == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert Source.objects.get(publisher="trainer-baade.de").accessed == dt.date(2026, 11, 29)

    def cited(**thing):
        return sorted(c.source.publisher for c in Citation.objects.filter(season=season, **thing))

    assert cited(fact="status") == ["Wikipedia"]
    assert cited(fact="champion") == ["Wikipedia"]
    assert cited(fact="runner_up") == ["RSSSF", "trainer-baade.de"]
    assert cited(stage=Stage.objects.get(season=season, kind="departmental")) == ["Wikipedia"]
    assert cited(region__number=6) == ["trainer-baade.de"]
    assert cited(group__name="Group A") == ["RSSSF"]
    assert cited(knockout_round__name="Final", knockout_round__region=None) == ["Wikipedia"]
    group_match = Match.objects.get(group__name="Group A")
    assert cited(match=group_match) == ["Wikipedia"]
    assert cited(match=Match.objects.get(tie__isnull=False, tie__round__region=None)) == ["RSSSF"]
    note = Note.objects.get(text="Melgar protested the result.")  # the marker is not part of the note
    assert cited(note=note) == ["trainer-baade.de"]
    assert cited(qualifier=Qualifier.objects.get(team__name="Sport Bolito")) == ["trainer-baade.de"]
    assert cited(qualifier=Qualifier.objects.get(team__name="Melgar")) == []
    assert cited(team_change=TeamChange.objects.get(team__name="Sport Bolito")) == ["RSSSF"]

    runner_up = Progression.objects.get(season=season, outcome="runner_up")
    assert (runner_up.team.name, runner_up.basis, runner_up.scope) == ("Melgar", "stated", "national")

    versions = FactVersion.objects.filter(season=season, fact="champion").order_by("order")
    assert [(v.name, v.team.name if v.team else None) for v in versions] == [
        ("Sport Bolito", "Sport Bolito"),
        ("Deportivo Bolito", "Sport Bolito"),  # found through its other name
        ("Bolito", None),
        ("Coronel Bolognesi", None),  # not a club of the archive: no club is made for a version
    ]
    assert [s.publisher for s in versions[3].sources.order_by("publisher")] == ["RSSSF", "Wikipedia"]
    assert versions[3].detail == "and an earlier revision of source 1"
    runner_up_versions = FactVersion.objects.filter(season=season, fact="runner_up").order_by("order")
    assert [(v.name, v.team) for v in runner_up_versions] == [("Melgar", runner_up.team), ("FBC Melgar", None)]
    alias = TeamAlias.objects.get()
    assert (alias.name, alias.team.name) == ("Deportivo Bolito", "Sport Bolito")
    assert alias.source.publisher == "trainer-baade.de"
    assert not Team.objects.filter(name__in=["Deportivo Bolito", "Bolito", "Coronel Bolognesi"]).exists()

    text = report.text()
    assert "New sources: Wikipedia: 2001 Copa Perú; trainer-baade.de: Alle peruanischen Pokalsieger; RSSSF" in text
    assert "Other names of clubs: Deportivo Bolito, another name of Sport Bolito" in text
    assert "+ 2001 · Sources · RSSSF: Peru - List of Champions for Region VI · Group A" in text
    assert "+ 2001 · Champion as some sources give it: Coronel Bolognesi" in text
    again = import_season(FULL.read_text(encoding="utf-8"), "full.txt")
    assert not again.has_changes, again.text()


def test_a_dry_run_lists_what_it_would_add_and_writes_nothing():
    report = import_season(FULL.read_text(encoding="utf-8"), "full.txt", dry_run=True)
    assert "New sources: Wikipedia: 2001 Copa Perú" in report.text()
    assert "Other names of clubs: Deportivo Bolito, another name of Sport Bolito" in report.text()
    assert "+ 2001 · Sources · source 3, RSSSF: Peru - List of Champions" in report.text()
    assert not (Source.objects.exists() or TeamAlias.objects.exists() or Citation.objects.exists())


def test_a_stored_source_is_reused_its_blanks_filled_and_a_different_detail_kept_with_a_warning():
    stored = Source.objects.create(
        publisher="RSSSF",
        title="Peru - List of Champions",
        url="https://www.rsssf.org/tablesp/perucuphist.html",
        language="es",
    )
    report = import_season(article("- Winners: Melgar [2]\n"), "a.txt")
    assert Source.objects.count() == 2
    stored.refresh_from_db()
    assert stored.accessed == dt.date(2026, 11, 29), "an empty detail is filled from the article"
    assert stored.language == "es"
    assert Citation.objects.get(fact="champion").source == stored
    assert "New sources: Wikipedia: 2001 Copa Perú" in report.text()
    assert "Details filled in on stored sources: RSSSF: Peru - List of Champions: date accessed" in report.text()

    changed = article("- Winners: Melgar [2]\n").replace("   - Accessed: 2026-11-29", "   - Language: en")
    report = import_season(changed, "a.txt")
    stored.refresh_from_db()
    assert stored.language == "es", "a stored detail is never overwritten silently"
    assert any("the language of RSSSF: Peru - List of Champions is stored as “es”" in w for w in report.warnings)


def test_a_name_is_found_through_another_name_and_makes_no_second_club():
    upao = Team.objects.create(name="Deportivo UPAO")
    text = article("- Winners: UPAO [1]\n", "==Other names==\n- UPAO = Deportivo UPAO [2]\n")
    report = import_season(text, "a.txt")
    assert Season.objects.get(year=2001).champion == upao
    assert Team.objects.count() == 1 and report.new_teams == []
    assert TeamAlias.objects.get().team == upao
    # The stored other name finds the club in a later article that no longer lists it.
    Season.objects.all().delete()
    import_season(article("- Winners: upao [1]\n"), "a.txt")
    assert Season.objects.get(year=2001).champion == upao and Team.objects.count() == 1


def test_another_name_that_is_a_clubs_own_name_is_refused_and_nothing_is_written():
    Team.objects.create(name="Deportivo UPAO")
    Team.objects.create(name="UPAO")
    text = article("- Winners: Deportivo UPAO [1]\n", "==Other names==\n- UPAO = Deportivo UPAO\n")
    with pytest.raises(ArticleError) as raised:
        import_season(text, "a.txt")
    assert raised.value.lines() == ["a.txt:9: UPAO is the name of another team, UPAO."]
    assert not (Season.objects.exists() or Source.objects.exists() or TeamAlias.objects.exists())


def test_a_club_named_only_by_its_other_name_is_made_once_under_its_own_name():
    infobox = "- Winners: Melgar [1]\n- Runner-up: U.P.A.O. [2]\n"
    text = article(infobox, "==Other names==\n- U.P.A.O. = Deportivo UPAO\n")
    report = import_season(text, "a.txt")
    assert sorted(report.new_teams) == ["Deportivo UPAO", "Melgar"]
    assert Progression.objects.get(outcome="runner_up").team.name == "Deportivo UPAO"
    assert TeamAlias.objects.get().name == "U.P.A.O."


def test_a_stored_other_name_is_reused_gains_its_source_and_cannot_move_to_another_club():
    melgar, aurich = Team.objects.create(name="Melgar"), Team.objects.create(name="Juan Aurich")
    stored = TeamAlias.objects.create(team=melgar, name="FBC Melgar")
    report = import_season(article("- Winners: Melgar [1]\n", "==Other names==\n- F.B.C. Melgar = Melgar [2]\n"), "a")
    stored.refresh_from_db()
    assert TeamAlias.objects.count() == 1 and stored.source.publisher == "RSSSF"
    assert "Other names of clubs: FBC Melgar, another name of Melgar" in report.text()
    with pytest.raises(ArticleError) as raised:
        import_season(article("- Winners: Juan Aurich [1]\n", "==Other names==\n- FBC Melgar = Juan Aurich\n"), "a")
    assert raised.value.lines() == ["a:9: FBC Melgar is already another name of Melgar."]
    assert Season.objects.get(year=2001).champion == melgar and aurich.aliases.count() == 0


def test_another_name_of_a_club_neither_in_the_season_nor_in_the_archive_is_refused():
    text = article("- Winners: Melgar [1]\n", "==Other names==\n- Bolito = Sport Bolito\n")
    with pytest.raises(ArticleError) as raised:
        import_season(text, "a.txt")
    assert raised.value.lines() == [
        "a.txt:9: 'Sport Bolito' is neither a club of this season nor one of the archive: give the other name of a "
        "club the article names."
    ]
    assert not Team.objects.exists()


def test_a_bad_article_leaves_the_database_unchanged():
    import_season(FULL.read_text(encoding="utf-8"), "full.txt")
    before = (season_dump(2001), list(Source.objects.values()), list(TeamAlias.objects.values()))
    bad = FULL.read_text(encoding="utf-8").replace("Sport Bolito 2-1 Melgar [1]", "Sport Bolito 2-1 Melgar [4]")
    bad = bad.replace("3. RSSSF: Peru - List of Champions", "3. RSSSF: Peru - List of Champions\n4. New: Source")
    bad = bad.replace("- Deportivo Bolito = Sport Bolito [2]", "- Deportivo Bolito = Sport Bolito [2]\n- Bol = Melgar")
    bad = bad.replace("Melgar 0-0 Sport Bolito", "Melgar 0-0 Melgar [1]")
    with pytest.raises(ArticleError, match="cannot play itself"):
        import_season(bad, "bad.txt", allow_removals=True)
    assert (season_dump(2001), list(Source.objects.values()), list(TeamAlias.objects.values())) == before


def test_a_stated_runner_up_needs_its_source():
    with pytest.raises(ArticleError) as raised:
        import_season(article("- Winners: Melgar [1]\n- Runner-up: Aurich\n"), "a.txt")
    assert raised.value.lines() == [
        "a.txt:7: A runner-up stated by a source needs that source: end the Runner-up line with its marker, e.g. [1]."
    ]


def test_a_season_not_held_or_with_no_final_has_no_stages_and_no_champion():
    for name, status in (("season_1990_not_held.txt", "not_held"), ("season_1974_no_final.txt", "no_final")):
        report = import_season((ARTICLES / name).read_text(encoding="utf-8"), name)
        season = Season.objects.get(year=report.year)
        assert (season.status, season.champion, season.confidence) == (status, None, "confirmed")
        assert not season.stages.exists(), "the summary's mention of a stage makes no stage"
        assert Citation.objects.filter(season=season, fact="status").exists()


def test_a_runner_up_from_the_sources_table_and_other_names_without_a_source():
    import_season((ARTICLES / "season_1969_table.txt").read_text(encoding="utf-8"), "1969.txt")
    runner_up = Progression.objects.get(season__year=1969, outcome="runner_up")
    assert (runner_up.team.name, runner_up.basis) == ("Melgar", "source_table")
    assert Season.objects.get(year=1969).confidence == "single_source"
    assert {(a.name, a.source_id is None) for a in TeamAlias.objects.all()} == {("Aurich", True), ("FBC Melgar", False)}


# ----- export and the round trip -----


def wipe():
    Season.objects.all().delete()
    TeamAlias.objects.all().delete()
    Team.objects.all().delete()
    Source.objects.all().delete()


def shared_rows():
    sources = sorted(Source.objects.values_list("publisher", "title", "url", "language", "licence", "accessed"))
    aliases = sorted(TeamAlias.objects.values_list("name", "team__name", "source__title"))
    return sources, aliases


@pytest.mark.parametrize(
    "name", ["season_2001_sources.txt", "season_1990_not_held.txt", "season_1974_no_final.txt", "season_1969_table.txt"]
)
def test_import_export_import_gives_the_same_rows(name):
    report = import_season((ARTICLES / name).read_text(encoding="utf-8"), name)
    imported, shared = season_dump(report.year), shared_rows()
    exported = export_season(report.year)
    wipe()
    import_season(exported, "export.txt")
    assert season_dump(report.year) == imported
    assert shared_rows() == shared
    assert export_season(report.year) == exported, "the export is stable"


def test_the_export_writes_the_sources_markers_versions_and_other_names():
    import_season(FULL.read_text(encoding="utf-8"), "full.txt")
    lines = export_season(2001).splitlines()
    for expected in [
        "- Status: final [1]",
        "- Winners: Sport Bolito [1]",
        "- Winners also given as: Deportivo Bolito [2]; Bolito [3]; Coronel Bolognesi [1][3] (and an earlier "
        "revision of source 1)",
        "- Runner-up: Melgar [2][3]",
        "- Runner-up also given as: FBC Melgar [1]",
        "- Confidence: disputed",
        "==Departmental Stage== [1]",
        "| Tacna | Sport Bolito | Tacna | [2]",
        "| Sport Bolito [3] | Juan Aurich |",
        "===Region VI=== [2]",
        "====Group A==== [3]",
        "Sport Bolito 2-1 Melgar [1]",
        "- Melgar protested the result. [2]",
        "===Final=== [1]",
        "Note: The federation confirmed the result. [1]",
        "- Deportivo Bolito = Sport Bolito [2]",
        "1. Wikipedia: 2001 Copa Perú <https://en.wikipedia.org/wiki/2001_Copa_Per%C3%BA>",
        "   - Licence: CC BY-SA 4.0 <https://creativecommons.org/licenses/by-sa/4.0/>",
        "   - Accessed: 2026-11-29",
        "3. RSSSF: Peru - List of Champions",
    ]:
        assert expected in lines
    assert lines.index("==Other names==") < lines.index("==Sources==")


def test_a_season_cited_by_a_source_it_does_not_list_numbers_it_after_its_own():
    import_season(article("- Winners: Melgar [1]\n"), "a.txt")
    extra = Source.objects.create(publisher="El Comercio", title="Melgar campeón")
    season = Season.objects.get(year=2001)
    Citation.objects.create(source=extra, season=season, fact="champion", order=1)
    aurich = Team.objects.create(name="Juan Aurich")
    version = FactVersion.objects.create(season=season, fact="champion", name="Melgar", team=season.champion)
    version.sources.add(Source.objects.get(publisher="Wikipedia"))
    other = FactVersion.objects.create(season=season, fact="champion", name="Juan Aurich", team=aurich, order=1)
    other.sources.add(Source.objects.create(publisher="La República", title="Aurich"))
    lines = export_season(2001).splitlines()
    assert "- Winners: Melgar [1][3]" in lines
    assert "- Winners also given as: Juan Aurich [4]" in lines, "a source only a version gives is numbered too"
    assert "3. El Comercio: Melgar campeón" in lines
    assert "4. La República: Aurich" in lines


def test_the_exported_article_numbers_each_source_as_the_season_page_does(client):
    """One numbering rule (selectors.sources): the page's footnote [n] and the article's [n] are one source, even
    for a source cited only by a match and one only a version of the disputed champion names."""
    import re
    from html import unescape

    from .factories import create_sourced_season

    rows = create_sourced_season()
    body = client.get("/seasons/2031/").content.decode()
    on_page = {
        int(number): unescape(entry)
        for number, entry in re.findall(r'<li id="source-(\d+)"[^>]*>(.*?)</li>', body, re.S)
    }
    lines = export_season(2031).splitlines()
    assert len(on_page) == len(rows["sources"]) == 4
    for source in rows["sources"]:
        number = next(n for n, entry in on_page.items() if source.title in entry)
        assert any(line.startswith(f"{number}. {source.publisher}: {source.title}") for line in lines), source


# ----- the runner-up's rule in the admin, and History -----


def test_a_stated_runner_up_cited_by_a_source_needs_no_quoted_words_and_otherwise_still_does():
    from django.core.exceptions import ValidationError

    import_season(article("- Winners: Melgar [1]\n"), "a.txt")
    season, aurich = Season.objects.get(year=2001), Team.objects.create(name="Juan Aurich")
    runner_up = Progression(season=season, team=aurich, outcome="runner_up", basis="stated")
    with pytest.raises(ValidationError, match="Quote the source's words"):
        runner_up.full_clean()
    Citation.objects.create(source=Source.objects.first(), season=season, fact="runner_up")
    runner_up.full_clean()
    went_on = Progression(season=season, team=aurich, outcome="went_on", basis="stated")
    with pytest.raises(ValidationError, match="Quote the source's words"):
        went_on.full_clean()


def test_the_import_revision_holds_the_sources_citations_versions_and_other_names():
    import reversion
    from reversion.models import Version

    models = [Source, Citation, FactVersion, TeamAlias]
    added = [model for model in models if not reversion.is_registered(model)]
    for model in added:  # registered by the admin once it edits them; registered here for this test alone
        reversion.register(model)
    try:
        import_season(FULL.read_text(encoding="utf-8"), "full.txt", who="a test")
        for model in models:
            assert Version.objects.get_for_model(model).count() == model.objects.count() > 0, model
        versions = Version.objects.get_for_model(FactVersion)
        assert versions.exists() and not versions.filter(serialized_data__contains='"sources": []').exists()
    finally:
        for model in added:
            reversion.unregister(model)


@pytest.mark.parametrize(
    "infobox, body, line",
    [
        ("- Winners: Melgar [99999999999999999999]\n", "", 6),
        ("- Winners: Melgar [1]\n", "A sentence [1]. Another [12345].\n", 8),
        ("- Winners: Melgar [" + "9" * 5000 + "]\n", "", 6),
    ],
)
def test_a_marker_of_any_length_is_read_as_a_marker_and_refused_when_too_long(infobox, body, line):
    """Any [digits] at the end of a line (or in running text) is a marker, never part of a club's name; a number
    longer than a source list can have is refused with a sentence (thousands of digits included)."""
    lines = errors_of(article(infobox, body))
    assert len(lines) == 1 and lines[0].startswith(f"a.txt:{line}: [")
    assert lines[0].endswith("sources are numbered 1 to 999, so a marker has at most three digits.")
    assert parse_article(article("- Winners: Melgar [1]\n"), "a.txt").infobox["winners"][0] == "Melgar"


@pytest.mark.parametrize(
    "infobox, body, line, letter",
    [
        ("- Winners: Sport Bоlito [1]\n", "", 6, "U+043E CYRILLIC SMALL LETTER O"),
        ("- Winners: Melgar [1]\n", "==Other names==\n- Mеlgar = Melgar\n", 9, "U+0435 CYRILLIC SMALL LETTER IE"),
        (
            "- Winners: Sport Bolito [1]\n",
            "==Other names==\n- Bolito = Sport Bοlito\n",
            9,
            "GREEK SMALL LETTER OMICRON",
        ),
    ],
)
def test_a_name_mixing_latin_with_look_alike_letters_is_refused_on_its_line(infobox, body, line, letter):
    """A Cyrillic "о" in "Sport Bоlito" would make a second club beside Sport Bolito."""
    Team.objects.create(name="Sport Bolito")
    with pytest.raises(ArticleError) as raised:
        import_season(article(infobox, body), "a.txt")
    lines = raised.value.lines()
    assert any(text.startswith(f"a.txt:{line}: “") and letter in text for text in lines), lines
    assert all("which is not a Latin letter" in text for text in lines if letter in text)
    assert Team.objects.count() == 1 and not TeamAlias.objects.exists()


def test_accented_latin_names_are_not_look_alikes():
    import_season(article("- Winners: Íntimo Ñaña Güemes [1]\n", "==Other names==\n- Ñaña = Íntimo Ñaña Güemes\n"), "a")
    assert Season.objects.get(year=2001).champion.name == "Íntimo Ñaña Güemes"


def test_an_other_name_cited_by_another_seasons_source_keeps_it_through_this_seasons_round_trip():
    """An other name's source that this season does not cite is written without a marker, and importing the export
    back keeps the other name and its source."""
    import_season(article("- Winners: Melgar [1]\n", "==Other names==\n- FBC Melgar = Melgar [2]\n"), "a")
    alias = TeamAlias.objects.get()
    rsssf = alias.source
    text = HEADER.replace("2001", "2002") + "- Winners: Melgar\n"
    import_season(text, "b")
    exported = export_season(2002)
    assert "- FBC Melgar = Melgar\n" in exported and "FBC Melgar = Melgar [" not in exported
    import_season(exported, "b")
    alias.refresh_from_db()
    assert (TeamAlias.objects.count(), alias.name, alias.source) == (1, "FBC Melgar", rsssf)
    assert f"- FBC Melgar = Melgar [{1 + 1}]" in export_season(2001)


def test_a_season_not_held_refuses_stages_qualifiers_and_matches_but_one_with_no_final_may_have_them():
    body = (
        "==Departmental Stage==\n"
        "| Department | Team | Location |\n| Lima | Sport Bolito | Lima |\n"
        "==National Stage==\n===Final===\nSport Bolito 1-0 Melgar\n"
    )
    lines = errors_of(article("- Status: not held\n", body))
    sentence = (
        "A season that was not held has no departmental qualifiers, regions, stages or matches: remove this section, "
        "or give the season the status it had."
    )
    assert lines == [f"a.txt:8: {sentence}", f"a.txt:11: {sentence}"]
    parsed = parse_article(article("- Status: no final\n", body), "a.txt")
    assert parsed.status == "no_final" and len(parsed.qualifiers) == 1
