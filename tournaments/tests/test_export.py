"""export_season: the article written back out keeps every fact line and imports to the same data."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from tournaments.management.commands.build_fixtures import SEEDS
from tournaments.models import Season, Team
from tournaments.services.article_parser import cells_of
from tournaments.services.season_export import export_season
from tournaments.services.season_import import import_season
from tournaments.services.season_rows import season_dump

pytestmark = pytest.mark.django_db

ARTICLES = Path(__file__).parent / "articles"
SEASONS = [
    (SEEDS / "000_577157f910dad3a1.txt", 2008),
    (SEEDS / "001_7dd81c4de0932814.txt", 1998),
    (ARTICLES / "season_1975.txt", 1975),
    (ARTICLES / "season_1983.txt", 1983),
    (ARTICLES / "season_1991.txt", 1991),
]


def wipe():
    """An empty database again: the season, then the teams nothing else uses."""
    Season.objects.all().delete()
    Team.objects.all().delete()


@pytest.mark.parametrize("path, year", SEASONS, ids=lambda value: str(getattr(value, "stem", value)))
def test_importing_an_export_into_an_empty_database_gives_the_same_data(path, year):
    import_season(path.read_text(encoding="utf-8"), str(path))
    imported = season_dump(year)
    exported = export_season(year)
    wipe()
    import_season(exported, "export.txt")
    assert season_dump(year) == imported
    assert export_season(year) == exported, "the export is stable"


def fact_lines(text):
    """The seed's match and date lines, notes, and departmental rows reduced to their cells."""
    section = text.split("==Departmental Stage==")[1].split("==Regional Stage==")[0]
    rows = {tuple(cell for cell in cells_of(line) if cell) for line in section.splitlines() if line.startswith("| ")}
    rows -= {("Department", "Team", "Location"), ("Department", "Team")}
    lines = [line for line in text.splitlines() if re.match(r"^(\d{4}-\d\d-\d\d|.+ \d+-\d+ .+|Note: .*)$", line)]
    notes = [line for line in text.splitlines() if line.startswith("- The ")]
    return rows, lines + notes


@pytest.mark.parametrize("path, year", SEASONS[:2], ids=["2008", "1998"])
def test_exporting_an_imported_seed_keeps_every_fact_line(path, year):
    seed = path.read_text(encoding="utf-8")
    import_season(seed, str(path))
    exported = export_season(year)
    seed_rows, seed_lines = fact_lines(seed)
    export_rows, _ = fact_lines(exported)
    assert seed_rows <= export_rows
    assert len(seed_rows) == {2008: 55, 1998: 29}[year]
    for line in seed_lines:
        assert line in exported.splitlines()


def test_an_unknown_score_is_exported_as_v_and_stays_unknown():
    body = (ARTICLES / "season_1975.txt").read_text(encoding="utf-8")
    import_season(body.replace("Juventud Chancay 1-0 Atlético Chalaco", "Juventud Chancay v Atlético Chalaco"), "x")
    exported = export_season(1975)
    assert "Juventud Chancay v Atlético Chalaco" in exported.splitlines()
    assert "0-0" not in exported


def test_export_command_prints_the_article_and_refuses_an_unknown_year(capsys):
    import_season((ARTICLES / "season_1983.txt").read_text(encoding="utf-8"), "1983.txt")
    call_command("export_season", "1983")
    out = capsys.readouterr().out
    assert out.startswith("= 1983 Copa Perú =\n") and "Deportivo Junín 1-0 Aurora (a.e.t., 4-3 pen.)" in out
    with pytest.raises(Exception, match="No season 1850 is stored"):
        call_command("export_season", "1850")
