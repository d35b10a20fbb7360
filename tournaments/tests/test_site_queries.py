"""Each public page costs a small, fixed number of queries, however much a season holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tournaments.models import Group, GroupTeam, KnockoutRound, Match, Note, NoteKind, Qualifier, Season, Team, Tie

from .factories import create_roll_of_champions

pytestmark = pytest.mark.usefixtures("shipped_seasons")

PAGES = {
    "/": 10,
    "/seasons/": 11,
    "/seasons/2008/": 14,
    "/seasons/1998/": 14,
    "/seasons/2008/departmental/": 6,
    "/seasons/2008/departmental/?department=lima&sort=-team": 6,
    "/seasons/2008/regional/": 13,
    "/seasons/2008/regional/iv/": 12,
    "/seasons/2008/regional/v/": 13,
    "/seasons/1998/regional/i/": 13,
    "/seasons/2008/national/": 9,
    "/seasons/1998/national/": 9,
    "/teams/": 3,
    "/teams/cni/": 13,
    "/teams/imi/": 13,
    "/departments/lima/": 3,
    "/departments/": 2,
    "/search/?q=sport": 4,
    "/search/?q=lima+2008": 4,
}


@pytest.mark.parametrize("url, queries", PAGES.items())
def test_page_query_count(client, django_assert_num_queries, url, queries):
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def grow_2008(prefix, extra_groups=3, teams_per_group=4):
    """Add groups with full fixtures, a playoff, a ruling and a loose match to 2008 Region V."""
    season = Season.objects.get(year=2008)
    region = season.regions.get(number=5)
    huancayo = Team.objects.get(name="Sport Huancayo")
    for index in range(extra_groups):
        group = Group.objects.create(season=season, region=region, name=f"Group {prefix}{index}", places_advancing=1)
        teams = [Team.objects.create(name=f"Extra {prefix}{index}-{n}") for n in range(teams_per_group)]
        for team in teams:
            GroupTeam.objects.create(group=group, team=team)
            Qualifier.objects.create(season=season, team=team, department=region.departments.first())
        for home in teams:
            for away in teams:
                if home != away:
                    match = Match.objects.create(
                        season=season,
                        region=region,
                        group=group,
                        home_team=home,
                        away_team=away,
                        home_score=1,
                        away_score=0,
                        round_number=1,
                    )
        Note.objects.create(season=season, region=region, match=match, kind=NoteKind.AWARDED, text="Awarded.")
        playoff = KnockoutRound.objects.create(
            season=season,
            region=region,
            group=group,
            kind=KnockoutRound.Kind.TIEBREAKER,
            name=f"Playoff {prefix}{index}",
        )
        tie = Tie.objects.create(round=playoff, team_a=teams[0], team_b=teams[1], legs=1)
        Match.objects.create(
            season=season,
            region=region,
            tie=tie,
            leg=1,
            home_team=teams[0],
            away_team=teams[1],
            home_score=2,
            away_score=0,
        )
        Match.objects.create(season=season, region=region, home_team=teams[2], away_team=huancayo)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/seasons/",
        "/seasons/2008/",
        "/seasons/2008/departmental/",
        "/seasons/2008/regional/",
        "/seasons/2008/regional/v/",
        "/seasons/2008/national/",
        "/teams/",
        "/teams/sport-huancayo/",
        "/departments/junin/",
        "/departments/",
        "/search/?q=extra+2008",
    ],
)
def test_query_count_stays_bounded_as_the_season_grows(client, url):
    # Prefetches skip their follow-up queries while a level is empty, so a page may gain a few queries as
    # ties and rulings appear; it never gains one per group, match or team, and never passes fifteen (twelve
    # before progression: the stored progressions are one query on the pages that say who went on; thirteen before
    # sources: the season's citations and its disputed facts' sources are two queries on every page of a season).
    assert count_queries(client, url) <= 15
    grow_2008("X")
    grown = count_queries(client, url)
    assert grown <= 15
    grow_2008("Y")
    assert count_queries(client, url) == grown


ROLL_PAGES = {"/": 10, "/seasons/": 11, "/teams/atletico-torino/": 13, "/teams/": 3}


@pytest.mark.parametrize("url, queries", ROLL_PAGES.items())
def test_the_roll_of_champions_costs_no_query_per_season(client, django_assert_num_queries, url, queries):
    # The podiums of every season listed come from season_facts in a fixed number of queries: 59 seasons (the
    # roll 1967-2025 beside the shipped seasons' stages) cost what three do.
    create_roll_of_champions(years={1970, 1974, 1990})
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    create_roll_of_champions(years=set(range(1967, 2026)) - {1970, 1974, 1990})
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    assert Season.objects.count() == 59
