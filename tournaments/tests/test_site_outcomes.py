"""A stage's pages rank every group, playoffs included, from one fetch of its groups and rounds: a fixed query count."""

import pytest

from tournaments.models import Group, GroupTeam, KnockoutRound, Match, Tie
from tournaments.selectors.outcomes import Mark
from tournaments.selectors.stages import build_stage, fetch_stage

pytestmark = pytest.mark.django_db


def summary(table):
    return [(row.team.name, row.position_display, row.mark) for row in table.rows]


def test_a_stage_with_a_group_playoff_is_ranked_in_eight_queries(
    django_assert_num_queries, season, region, teams, make_match
):
    alpha, bravo, charlie, _ = teams
    group = Group.objects.create(
        season=season, region=region, name="Group A", places_advancing=1, tiebreakers=["points", "playoff"]
    )
    for team in (alpha, bravo, charlie):
        GroupTeam.objects.create(group=group, team=team)
    make_match(group, alpha, charlie, 3, 0)
    make_match(group, bravo, charlie, 1, 0)
    playoff = KnockoutRound.objects.create(
        season=season, region=region, group=group, kind=KnockoutRound.Kind.TIEBREAKER, name="Playoff"
    )
    tie = Tie.objects.create(round=playoff, team_a=alpha, team_b=bravo, legs=1)
    Match.objects.create(
        season=season, region=region, tie=tie, leg=1, home_team=alpha, away_team=bravo, home_score=0, away_score=1
    )

    # groups + entries + matches + adjustments, then rounds + ties + legs + rulings: 8 whatever the stage holds.
    with django_assert_num_queries(8):
        groups, rounds = fetch_stage(Group.objects.all(), KnockoutRound.objects.all())
        stage = build_stage(season, groups, rounds)
    assert summary(stage.groups[0].table) == [("Bravo", "1", Mark.ADVANCES), ("Alpha", "2", ""), ("Charlie", "3", "")]
