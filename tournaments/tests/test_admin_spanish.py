"""An editor whose browser prefers Spanish gets the admin in Spanish: the index, a season's form, the results grid
with its errors, the article import's dry-run report (dates with Spanish month names) and the History comments."""

import re

import pytest
from reversion.models import Version

from tournaments.models import Group, Match, Season

from .test_admin_results_grid import grid_data, grid_url, row_errors
from .test_import_admin import upload

pytestmark = pytest.mark.usefixtures("shipped_seasons")

SPANISH_BROWSER = "es-PE,es;q=0.9,en;q=0.8"


@pytest.fixture
def spanish_editor(editor_client):
    editor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = SPANISH_BROWSER
    return editor_client


def final_group():
    return Group.objects.get(season__year=2008, name="Final group stage")


def shown(response):
    """The page's words with tags removed and whitespace collapsed."""
    assert response.status_code == 200
    body = response.content.decode()
    assert re.search(r'<html lang="es"', body), "the admin is not in Spanish"
    return " ".join(re.sub(r"<[^>]+>", " ", body.replace("&#x27;", "'")).split())


def absent(words, page):
    """The English words (whole words) that are still on the page."""
    return [word for word in words if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", page)]


def test_the_admin_index_names_the_archive_and_its_models_in_spanish(spanish_editor):
    page = shown(spanish_editor.get("/admin/"))
    assert "Cerrar sesión" in page  # Django's own words
    assert "Temporadas" in page and "Equipos" in page and "Departamentos" in page
    assert absent(["Copa Perú archive", "Seasons", "Teams", "Departments", "Matches", "Knockout rounds"], page) == []


def test_a_seasons_form_is_in_spanish(spanish_editor):
    season = Season.objects.get(year=2008)
    page = shown(spanish_editor.get(f"/admin/tournaments/season/{season.pk}/change/"))
    assert "Temporada" in page
    assert absent(["Summary", "See also", "Confidence", "Status", "Stages", "Team changes", "Save"], page) == []


def test_the_results_grid_and_its_row_errors_are_in_spanish(spanish_editor):
    group = final_group()
    response = spanish_editor.get(grid_url(group))
    page = shown(response)
    assert "Cuadrangular final" in page  # the group's name as Spanish sources write it
    assert absent(["Home", "Away", "Date", "Status", "Results grid", "Final group stage"], page) == []
    data, rows = grid_data(response)
    dated = group.matches.order_by("pk")[0]
    data[f"{rows[dated.pk]}-date"] = "2009-12-07"
    errors = row_errors(spanish_editor.post(grid_url(group), data), dated)
    assert "2009-12-07" in errors and "2008" in errors
    assert "is outside the" not in errors


def test_the_import_preview_reports_in_spanish_with_spanish_month_names(spanish_editor):
    page = shown(upload(spanish_editor))
    assert "Copa Perú 1983" in page and "dry run" not in page
    # "+ 1983 · National stage · Final · Aurora v Deportivo Junín (leg 1, 4 Dec)" in English.
    line = re.search(r"\+ 1983 · [^+]*Aurora [^+]*Deportivo Junín \([^)]*\)", page)
    assert line, "the final's first leg is not in the report"
    assert "4 dic." in line.group() and "Etapa Nacional" in line.group()
    assert absent(["Dec", "National stage", "leg", "v"], line.group()) == []


def test_a_spanish_editors_change_is_recorded_in_spanish_with_spanish_dates(spanish_editor):
    group = final_group()
    response = spanish_editor.get(grid_url(group))
    data, rows = grid_data(response)
    match = group.matches.order_by("pk")[1]
    data[f"{rows[match.pk]}-date"] = "2008-12-10"
    saved = spanish_editor.post(grid_url(group), data, follow=True)
    assert saved.status_code == 200
    comment = Version.objects.get_for_object(match).order_by("-pk")[0].revision.get_comment()
    assert "10 de diciembre de 2008" in comment
    assert absent(["Results grid", "Date", "December"], comment) == []
    history = shown(spanish_editor.get(f"/admin/tournaments/match/{match.pk}/history/"))
    assert "10 de diciembre de 2008" in history


def test_an_english_editor_still_reads_english(editor_client):
    editor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-GB,en;q=0.9"
    body = upload(editor_client).content.decode()
    assert "+ 1983 · National stage · Final · Aurora v Deportivo Junín (leg 1, 4 Dec)" in body
    match = Match.objects.filter(group=final_group()).order_by("pk")[0]
    assert "Home team" in editor_client.get(f"/admin/tournaments/match/{match.pk}/change/").content.decode()


def test_the_import_preview_gives_its_warnings_and_line_errors_in_spanish(spanish_editor):
    """The importer's sentences are gettext messages: a Spanish editor reads the Prevseason warning and a line error
    (with its file and line number) in Spanish."""
    from .test_import_admin import ARTICLE

    warned = shown(upload(spanish_editor, ARTICLE.replace(b"- Prevseason: 1982", b"- Prevseason: 1980")))
    assert "season_1983.txt:7: Prevseason es 1980, se esperaba 1982" in warned
    bad = ARTICLE.replace(b"Aurora 1-0 Deportivo", b"Aurora 1-x Deportivo")
    refused = shown(upload(spanish_editor, bad, "bad.txt"))
    assert "bad.txt:42: el marcador '1-x' no son dos números" in refused
