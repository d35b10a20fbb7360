"""The quick start's loader fills an empty archive and never overwrites editors' work."""

import pytest
from django.core.management import call_command

from tournaments.models import Match, Season

pytestmark = pytest.mark.django_db


def test_loads_every_shipped_season_into_an_empty_archive(capsys):
    call_command("load_shipped_seasons")
    years = list(range(1967, 2026))  # the roll of champions, 1998 and 2008 from the seed articles
    assert sorted(Season.objects.values_list("year", flat=True)) == years
    assert f"Loaded the shipped seasons: {', '.join(map(str, years))}." in capsys.readouterr().out


def test_running_it_again_keeps_an_editors_correction(capsys):
    call_command("load_shipped_seasons")
    match = Match.objects.get(season__year=2008, round_number=1, home_team__name="Sport Huancayo")
    match.home_score = 3
    match.save()
    call_command("load_shipped_seasons")
    match.refresh_from_db()
    assert match.home_score == 3
    assert "already has seasons" in capsys.readouterr().out
