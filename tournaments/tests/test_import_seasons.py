"""Whole seasons through the importer: the seeds give exactly the shipped fixtures, and invented seasons cover
what the seeds do not show (read back through the standings and knockout engines, as the pages will)."""

from pathlib import Path

import pytest
from django.core.management import call_command

from tournaments.management.commands.build_fixtures import SEEDS
from tournaments.models import Group, KnockoutRound, Qualifier, Region, Season, Team, Tie
from tournaments.services.season_import import import_season
from tournaments.services.season_rows import season_dump
from tournaments.shipped import shipped_fixture_paths

from .page_helpers import shown_outcome, shown_table

pytestmark = pytest.mark.django_db

SEED_YEARS = [("000_577157f910dad3a1.txt", 2008), ("001_7dd81c4de0932814.txt", 1998)]
ARTICLES = Path(__file__).parent / "articles"


def import_file(path):
    return import_season(path.read_text(encoding="utf-8"), str(path))


def table(name):
    return [(row.team.name, row.points, row.mark) for row in shown_table(Group.objects.get(name=name)).rows]


def outcome(round_name, region_number=None):
    ties = Tie.objects.filter(round__name=round_name, round__region__number=region_number)
    tie = ties.get()
    decided = shown_outcome(tie)
    names = {team.pk: team.name for team in Team.objects.filter(pk__in=[tie.team_a_id, tie.team_b_id])}
    return names[decided.winner], decided.method, decided.summary


@pytest.mark.parametrize("path_name, year", SEED_YEARS)
def test_importing_a_seed_gives_exactly_the_shipped_fixture(path_name, year):
    call_command("loaddata", *shipped_fixture_paths(), verbosity=0)
    shipped = season_dump(year)
    assert not import_file(SEEDS / path_name).has_changes, "the fixture is what the importer makes of the seed"
    Season.objects.filter(year=year).delete()
    import_file(SEEDS / path_name)
    assert season_dump(year) == shipped


def test_five_teams_from_one_department_and_rows_without_locations():
    import_file(ARTICLES / "season_1975.txt")
    lima = Qualifier.objects.filter(department__name="Lima").order_by("order")
    assert list(lima.values_list("team__name", "location")) == [
        ("Unión Huaral", "Huaral"),
        ("Defensor Lima", "Lima"),
        ("Centro Iqueño", ""),
        ("Mariscal Sucre", "La Victoria"),
        ("Juventud Chancay", "Chancay"),
    ]


def test_groups_without_dates_rank_at_two_points_for_a_win_set_after_import():
    import_file(ARTICLES / "season_1975.txt")
    assert not Group.objects.get(name="Group B").matches.exclude(date=None).exists()
    assert table("Group B") == [("Juventud Chancay", 4, ""), ("Atlético Chalaco", 3, ""), ("Octavio Espinoza", 1, "")]
    Season.objects.filter(year=1975).update(points_for_win=2)
    import_file(ARTICLES / "season_1975.txt")
    assert table("Group B") == [("Juventud Chancay", 3, ""), ("Atlético Chalaco", 2, ""), ("Octavio Espinoza", 1, "")]


def test_a_region_played_as_a_knockout():
    import_file(ARTICLES / "season_1983.txt")
    region = Region.objects.get(season__year=1983, number=5)
    assert (region.format, region.places_advancing) == ("knockout", 1)
    semifinals = KnockoutRound.objects.get(region=region, name="Semifinals")
    assert [(t.team_a.name, t.team_b.name, t.legs) for t in semifinals.ties.order_by("order")] == [
        ("Unión Minas", "León de Huánuco", 2),
        ("Deportivo Junín", "Alianza Universidad", 2),
    ]
    assert outcome("Regional Final", 5)[:2] == ("Deportivo Junín", "aggregate")


def test_a_two_legged_final_decided_on_penalties():
    import_file(ARTICLES / "season_1983.txt")
    second_leg = Tie.objects.get(round__name="Final", round__region=None).matches.get(leg=2)
    assert (second_leg.after_extra_time, second_leg.home_penalties, second_leg.away_penalties) == (True, 4, 3)
    winner, method, summary = outcome("Final")
    assert (winner, method) == ("Deportivo Junín", "penalties") and "4-3" in summary
    assert Season.objects.get(year=1983).champion.name == "Deportivo Junín"


def test_a_six_team_final_group_settled_by_a_tiebreaker_playoff():
    import_file(ARTICLES / "season_1991.txt")
    group = Group.objects.get(name="Final Group")
    assert (group.matches.count(), group.entries.count(), group.places_promoted) == (15, 6, 1)
    playoff = KnockoutRound.objects.get(name="Tiebreaker")
    assert (playoff.kind, playoff.group) == ("tiebreaker", group)
    assert table("Final Group")[:2] == [("Sport Beta", 13, "promoted"), ("Deportivo Alfa", 13, "")]
