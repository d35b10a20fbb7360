"""The editors' Spanish summary (Season.summary_translation): the article's ==Resumen== section, its round trip,
and the Spanish season page, which shows it instead of the English summary (a summary is our own words)."""

from pathlib import Path

import pytest

from tournaments.models import Season
from tournaments.services.article_parser import ArticleError, parse_article
from tournaments.services.season_export import export_season
from tournaments.services.season_import import import_season
from tournaments.services.season_rows import season_dump

pytestmark = pytest.mark.django_db

ROLL = Path(__file__).resolve().parents[2] / "seeds" / "roll"
ENGLISH_1969 = "Carlos A. Mannucci won the 1969 Copa Perú, as two of the sources consulted record."
SPANISH_1969 = "Carlos A. Mannucci ganó la Copa Perú 1969, según registran dos de las fuentes consultadas."


def roll_article(year):
    return (ROLL / f"{year}.txt").read_text(encoding="utf-8")


def without_resumen(text):
    """The article as it was before its ==Resumen== section: the heading and its paragraph removed."""
    start = text.index("==Resumen==\n")
    end = text.index("\n\n", start) + 2
    return text[:start] + text[end:]


def summary_section(html):
    start = html.index('<section id="summary"')
    return html[start : html.index("</section>", start)]


def test_every_roll_article_has_a_spanish_summary():
    for path in sorted(ROLL.glob("*.txt")):
        article = parse_article(path.read_text(encoding="utf-8"), path.name)
        assert article.summary_translation, path.name
        assert len(article.summary_translation) == len(article.summary), path.name


def test_a_spanish_roll_season_page_shows_the_spanish_summary_and_no_english_one(client):
    import_season(roll_article(1969), "1969.txt")
    section = summary_section(client.get("/es/temporadas/1969/").content.decode())
    assert SPANISH_1969 in section
    assert ENGLISH_1969 not in section
    assert 'lang="en"' not in section


def test_the_english_page_is_unchanged(client):
    import_season(roll_article(1969), "1969.txt")
    html = client.get("/seasons/1969/").content.decode()
    assert f'<section id="summary" class="prose"><p>{ENGLISH_1969}' in html
    assert SPANISH_1969 not in html


def test_without_a_spanish_summary_the_spanish_page_marks_the_english_one(client):
    import_season(without_resumen(roll_article(1969)), "1969.txt")
    section = summary_section(client.get("/es/temporadas/1969/").content.decode())
    assert section.startswith('<section id="summary" class="prose" lang="en">')
    assert ENGLISH_1969 in section


def test_the_spanish_summary_round_trips():
    text = roll_article(1979)
    import_season(text, "1979.txt")
    imported = season_dump(1979)
    assert Season.objects.get(year=1979).summary_translation.startswith("ADT ganó la Copa Perú 1979")
    exported = export_season(1979)
    assert "==Resumen==\nADT ganó la Copa Perú 1979" in exported
    Season.objects.all().delete()
    import_season(exported, "export.txt")
    assert season_dump(1979) == imported
    assert Season.objects.get(year=1979).summary_translation == "\n\n".join(
        parse_article(text, "1979.txt").summary_translation
    )
    assert export_season(1979) == exported


def test_an_article_without_resumen_imports_and_exports_as_before():
    text = without_resumen(roll_article(1979))
    import_season(text, "1979.txt")
    assert Season.objects.get(year=1979).summary_translation == ""
    assert "Resumen" not in export_season(1979)


def test_a_reimport_without_resumen_clears_it_like_the_summary():
    import_season(roll_article(1979), "1979.txt")
    import_season(without_resumen(roll_article(1979)), "1979.txt")
    assert Season.objects.get(year=1979).summary_translation == ""


def test_a_resumen_citing_other_sources_than_the_summary_is_refused_on_its_heading():
    text = roll_article(1969).replace("como subcampeón.", "como subcampeón. [3]")
    with pytest.raises(ArticleError) as raised:
        parse_article(text, "1969.txt")
    heading = text.splitlines().index("==Resumen==") + 1
    assert raised.value.lines() == [
        f"1969.txt:{heading}: the Resumen must cite the same sources as the summary (none): correct its markers."
    ]


def test_the_admin_season_form_offers_the_spanish_summary_beside_the_summary(editor_client):
    import_season(roll_article(1969), "1969.txt")
    season = Season.objects.get(year=1969)
    html = editor_client.get(f"/admin/tournaments/season/{season.pk}/change/").content.decode()
    assert html.index('name="summary"') < html.index('name="summary_translation"') < html.index('name="see_also"')
    assert SPANISH_1969 in html
