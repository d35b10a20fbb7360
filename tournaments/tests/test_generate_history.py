"""generate_history: a synthetic archive of realistic shape, clearly marked, beside (never instead of) the real one."""

import time

import pytest
from django.core.management import CommandError, call_command

from tournaments.models import Group, KnockoutRound, Match, Qualifier, Region, Season, StageKind, Team, Tie

from .page_helpers import shown_outcome, shown_table

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def test_six_seasons_have_the_shape_of_real_ones_and_say_they_are_synthetic():
    call_command("generate_history", "--seasons", "6", verbosity=0)
    synthetic = Season.objects.filter(summary__startswith="SYNTHETIC")
    assert sorted(synthetic.values_list("year", flat=True)) == [1955, 1956, 1957, 1958, 1959, 1960]
    assert Season.objects.filter(year__in=[1998, 2008], summary__startswith="SYNTHETIC").count() == 0

    season = synthetic.get(year=1960)
    assert season.qualifiers.values("department").distinct().count() == 25
    regions = Region.objects.filter(season=season).prefetch_related("departments")
    assert [region.number for region in regions] == list(range(1, 9))
    assert all(2 <= len(region.departments.all()) <= 4 for region in regions)
    assert sum(len(region.departments.all()) for region in regions) == 25
    assert Group.objects.filter(season=season, stage=StageKind.REGIONAL).count() == 16
    assert not Match.objects.filter(season=season, home_score__isnull=True).exists(), "full results"
    national = list(
        KnockoutRound.objects.filter(season=season, stage=StageKind.NATIONAL).values_list("name", flat=True)
    )
    assert national == ["Quarterfinals", "Semifinals", "Final"]
    odd_year = synthetic.get(year=1959)
    assert Group.objects.get(season=odd_year, stage=StageKind.NATIONAL).name == "Final Group"
    team_names = Team.objects.filter(qualifiers__season__in=synthetic).values_list("name", flat=True)
    assert all(name.endswith("(synthetic)") for name in team_names)


def test_the_champion_is_the_one_the_rules_engine_gives():
    call_command("generate_history", "--seasons", "2", verbosity=0)
    even = Season.objects.get(year=1960)
    final = Tie.objects.get(round__season=even, round__name="Final")
    assert shown_outcome(final).winner == even.champion_id
    odd = Season.objects.get(year=1959)
    final_group = Group.objects.get(season=odd, stage=StageKind.NATIONAL)
    assert shown_table(final_group).rows[0].team == odd.champion


def test_regenerating_replaces_and_delete_removes_only_synthetic_data():
    real_matches, real_years = Match.objects.count(), sorted(Season.objects.values_list("year", flat=True))
    call_command("generate_history", "--seasons", "3", verbosity=0)
    call_command("generate_history", "--seasons", "2", verbosity=0)
    assert Season.objects.count() == len(real_years) + 2
    call_command("generate_history", "--delete", verbosity=0)
    assert sorted(Season.objects.values_list("year", flat=True)) == real_years
    assert Match.objects.count() == real_matches
    assert not Team.objects.filter(name__endswith="(synthetic)").exists()


def test_sixty_seasons_take_well_under_a_minute():
    shipped = Season.objects.count()
    started = time.perf_counter()
    call_command("generate_history", "--seasons", "58", verbosity=0)
    assert time.perf_counter() - started < 20
    assert Season.objects.count() == shipped + 58
    assert Qualifier.objects.filter(season__year=1903).count() == 50


def test_the_new_seasons_show_on_the_next_request(client):
    client.get("/")
    call_command("generate_history", "--seasons", "2", verbosity=0)
    assert "1960" in client.get("/").content.decode()


def test_too_many_seasons_is_a_clear_error():
    with pytest.raises(CommandError, match="Between 1 and 61"):
        call_command("generate_history", "--seasons", "80", verbosity=0)
