"""group_table() fed with a stage's rounds fetched once gives the same table as GROUP_PREFETCH, in fewer queries."""

import pytest

from tournaments.models import Group, GroupTeam, KnockoutRound, Match, Region, Season, Team, Tie
from tournaments.selectors.outcomes import (
    GROUP_PREFETCH,
    GROUP_ROWS_PREFETCH,
    ROUND_PREFETCH,
    Mark,
    group_table,
    playoffs_of,
)

pytestmark = pytest.mark.django_db


def summary(table):
    return [(row.team.name, row.position_display, row.mark) for row in table.rows]


def test_playoffs_passed_in_settle_the_group_like_the_prefetched_ones(django_assert_num_queries):
    season = Season.objects.create(year=2031)
    region = Region.objects.create(season=season, number=2)
    alpha, bravo, charlie = (Team.objects.create(name=name) for name in ["Alpha", "Bravo", "Charlie"])
    group = Group.objects.create(
        season=season, region=region, name="Group A", places_advancing=1, tiebreakers=["points", "playoff"]
    )
    for team in (alpha, bravo, charlie):
        GroupTeam.objects.create(group=group, team=team)
    for home, away, score in ((alpha, charlie, (3, 0)), (bravo, charlie, (1, 0))):
        Match.objects.create(
            season=season,
            region=region,
            group=group,
            home_team=home,
            away_team=away,
            home_score=score[0],
            away_score=score[1],
        )
    playoff = KnockoutRound.objects.create(
        season=season, region=region, group=group, kind=KnockoutRound.Kind.TIEBREAKER, name="Playoff"
    )
    tie = Tie.objects.create(round=playoff, team_a=alpha, team_b=bravo, legs=1)
    Match.objects.create(
        season=season, region=region, tie=tie, leg=1, home_team=alpha, away_team=bravo, home_score=0, away_score=1
    )

    expected = summary(group_table(Group.objects.select_related("season").prefetch_related(*GROUP_PREFETCH).get()))
    assert expected == [("Bravo", "1", Mark.ADVANCES), ("Alpha", "2", ""), ("Charlie", "3", "")]

    # groups + entries + matches + adjustments, then rounds + ties + legs + rulings: 8 whatever the stage holds.
    with django_assert_num_queries(8):
        groups = list(Group.objects.select_related("season").prefetch_related(*GROUP_ROWS_PREFETCH))
        rounds = list(KnockoutRound.objects.prefetch_related(*ROUND_PREFETCH))
        tables = [group_table(group, playoff_rounds=playoffs_of(group, rounds)) for group in groups]
    assert summary(tables[0]) == expected
