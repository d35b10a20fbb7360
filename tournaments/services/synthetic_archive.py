"""A synthetic archive for load and scale tests: `manage.py generate_history --seasons N`.

Nothing here is history. Synthetic seasons take the years 1960, 1959, ... downwards (the real archive starts in
1967, so they never collide with a real season), their summary starts with SYNTHETIC, and every synthetic club's
name ends in "(synthetic)". They are never written to fixtures/.

Each season has the shape of a real one: 25 departments sending two clubs each, 8 regions of 2-4 departments
(re-drawn every season), two double round-robin groups per region, a two-legged regional final between the group
winners, national quarterfinals, then either semifinals and a final (even years) or a four-team final group (odd
years), as the Copa Perú's format changed over time. Groups are ranked and ties decided by the same engine the
pages use, so the champion is the one the pages will show. Rows go in with bulk_create, level by level.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from .. import caching
from ..models import (
    Department,
    Group,
    GroupTeam,
    KnockoutRound,
    Match,
    Note,
    Qualifier,
    Region,
    RegionDepartment,
    Season,
    Stage,
    StageKind,
    Team,
    TeamChange,
    Tie,
    round_kind_from_name,
)
from ..rules.knockout import Leg, decide_tie
from ..rules.match_status import MatchStatus
from ..rules.standings import Result, standings
from ..text import fold, slug_for

SUMMARY_PREFIX = "SYNTHETIC"
TEAM_SUFFIX = "(synthetic)"
LAST_YEAR = 1960
MAX_SEASONS = LAST_YEAR - 1900 + 1
CLUB_PREFIXES = ["Deportivo", "Atlético", "Sport", "Unión", "Juventud", "Defensor", "Social", "Alianza"]
REGION_SIZES = [4, 4, 3, 3, 3, 3, 3, 2]  # 25 departments in 8 regions of 2-4
# Amateur football: few goals, many draws.
GOALS = [0, 1, 2, 3, 4, 5]
GOAL_WEIGHTS = [30, 33, 20, 10, 5, 2]


@dataclass
class _Rows:
    """Everything to insert, in the order bulk_create needs it."""

    seasons: list = field(default_factory=list)
    by_model: dict = field(default_factory=dict)

    def add(self, obj):
        self.by_model.setdefault(type(obj), []).append(obj)
        return obj


def synthetic_seasons():
    return Season.objects.filter(summary__startswith=SUMMARY_PREFIX)


@transaction.atomic
def delete_history():
    """Remove every synthetic season and club; real seasons are untouched."""
    with caching.one_invalidation():
        seasons, _ = synthetic_seasons().delete()
        Team.objects.filter(name__endswith=TEAM_SUFFIX).delete()
    return seasons


@transaction.atomic
def generate_history(count, seed=1967):
    """Replace the synthetic seasons with `count` new ones; returns the years created."""
    if not 0 < count <= MAX_SEASONS:
        raise ValueError(f"Between 1 and {MAX_SEASONS} synthetic seasons fit in the years 1900-{LAST_YEAR}.")
    delete_history()
    years = list(range(LAST_YEAR, LAST_YEAR - count, -1))
    if Season.objects.filter(year__in=years).exists():
        raise ValueError(f"A real season already uses one of the years {years[-1]}-{years[0]}.")
    departments = list(Department.objects.order_by("name"))
    clubs = _clubs(departments)
    Team.objects.bulk_create([team for pool in clubs.values() for team in pool])
    rows = _Rows()
    for year in years:
        _season(rows, year, departments, clubs, random.Random(seed * 10000 + year))
    with caching.one_invalidation():
        for model in (Season, Stage, TeamChange, Note, Region, RegionDepartment, Qualifier, Group, GroupTeam):
            model.objects.bulk_create(rows.by_model.get(model, []))
        for model in (KnockoutRound, Tie, Match):
            model.objects.bulk_create(rows.by_model.get(model, []))
        caching.archive_changed()  # bulk_create sends no signal
    return years


def _clubs(departments):
    pools = {}
    for department in departments:
        names = [f"{prefix} {department.name} {TEAM_SUFFIX}" for prefix in CLUB_PREFIXES]
        pools[department.pk] = [Team(name=name, slug=slug_for(name), search_name=fold(name)) for name in names]
    return pools


def _played(rows, rng, season, region, home, away, when, order, **where):
    """A played match with a drawn score, in a group or a tie (`where`)."""
    home_goals, away_goals = rng.choices(GOALS, GOAL_WEIGHTS)[0], rng.choices(GOALS, GOAL_WEIGHTS)[0]
    match = Match(
        season=season,
        region=region,
        home_team=home,
        away_team=away,
        date=when,
        order=order,
        home_score=home_goals,
        away_score=away_goals,
        status=MatchStatus.PLAYED,
        **where,
    )
    return rows.add(match)


def _double_round_robin(teams):
    """Rounds of pairings by the circle method, then the same rounds with home and away swapped."""
    slots = list(teams) + ([None] if len(teams) % 2 else [])
    rounds = []
    for _ in range(len(slots) - 1):
        half = len(slots) // 2
        pairs = [(slots[i], slots[-1 - i]) for i in range(half)]
        rounds.append([pair for pair in pairs if None not in pair])
        slots = [slots[0], slots[-1], *slots[1:-1]]
    return rounds + [[(away, home) for home, away in pairings] for pairings in rounds]


def _group(rows, season, region, name, order, teams, start, rng, double=True):
    group = rows.add(
        Group(
            season=season,
            stage=region and StageKind.REGIONAL or StageKind.NATIONAL,
            region=region,
            name=name,
            order=order,
            places_advancing=1,
            places_promoted=0 if region else 1,
        )
    )
    for position, team in enumerate(teams):
        rows.add(GroupTeam(group=group, team=team, order=position))
    results = []
    schedule = _double_round_robin(teams)
    for number, pairings in enumerate(schedule if double else schedule[: len(schedule) // 2], start=1):
        for order, (home, away) in enumerate(pairings):
            when = start + timedelta(days=7 * (number - 1))
            match = _played(rows, rng, season, region, home, away, when, order, group=group, round_number=number)
            results.append(Result(home.name, away.name, match.home_score, match.away_score))
    by_name = {team.name: team for team in teams}
    return [by_name[row.team] for row in standings([team.name for team in teams], results)]


def _knockout(rows, season, region, name, order, pairs, start, rng):
    """One round of two-legged ties; returns the winners in draw order."""
    knockout_round = rows.add(
        KnockoutRound(
            season=season,
            stage=region and StageKind.REGIONAL or StageKind.NATIONAL,
            region=region,
            name=name,
            round_kind=round_kind_from_name(name),
            order=order,
        )
    )
    winners = []
    for position, (team_a, team_b) in enumerate(pairs):
        tie = rows.add(Tie(round=knockout_round, team_a=team_a, team_b=team_b, legs=2, order=position))
        legs = []
        for leg_number, (home, away) in enumerate([(team_a, team_b), (team_b, team_a)], start=1):
            when = start + timedelta(days=7 * (leg_number - 1))
            match = _played(rows, rng, season, region, home, away, when, position, tie=tie, leg=leg_number)
            legs.append(Leg(home.name, away.name, match.home_score, match.away_score))
        outcome = decide_tie(team_a.name, team_b.name, legs)
        if outcome.winner is None:
            # Level on aggregate: extra time and a shoot-out in the second leg, as the rules require.
            second = rows.by_model[Match][-1]
            second.after_extra_time = True
            second.home_penalties, second.away_penalties = rng.choice([(5, 4), (4, 5), (3, 2), (4, 3), (2, 4)])
            legs[-1] = Leg(
                legs[-1].home,
                legs[-1].away,
                legs[-1].home_goals,
                legs[-1].away_goals,
                after_extra_time=True,
                home_penalties=second.home_penalties,
                away_penalties=second.away_penalties,
            )
            outcome = decide_tie(team_a.name, team_b.name, legs)
        winners.append(team_a if outcome.winner == team_a.name else team_b)
    return winners


def _season(rows, year, departments, clubs, rng):
    season = rows.add(
        Season(
            year=year,
            summary=f"{SUMMARY_PREFIX}: generated by generate_history for load and scale tests. Not real results.",
        )
    )
    for kind, month, day in (
        (StageKind.DEPARTMENTAL, 2, None),
        (StageKind.REGIONAL, 8, 3),
        (StageKind.NATIONAL, 11, 9),
    ):
        rows.add(Stage(season=season, kind=kind, start_month=month, start_day=day))
    rows.add(Note(season=season, text=f"Synthetic season {year}: every club and result here is made up."))

    qualifiers = {}
    for order, department in enumerate(departments):
        pair = rng.sample(clubs[department.pk], 2)
        qualifiers[department.pk] = pair
        for offset, team in enumerate(pair):
            rows.add(
                Qualifier(
                    season=season, department=department, team=team, order=2 * order + offset, location=department.name
                )
            )

    shuffled = rng.sample(departments, len(departments))
    region_winners = []
    for number, size in enumerate(REGION_SIZES, start=1):
        members, shuffled = shuffled[:size], shuffled[size:]
        region = rows.add(Region(season=season, number=number, places_advancing=1))
        for order, department in enumerate(members):
            rows.add(RegionDepartment(region=region, department=department, season=season, order=order))
        teams = rng.sample([team for d in members for team in qualifiers[d.pk]], 2 * size)
        half = len(teams) // 2
        start = date(year, 8, 3)
        leaders = [
            _group(rows, season, region, name, order, group_teams, start, rng)[0]
            for order, (name, group_teams) in enumerate((("Group A", teams[:half]), ("Group B", teams[half:])))
        ]
        region_winners += _knockout(rows, season, region, "Regional Final", 1, [leaders], date(year, 10, 5), rng)

    national_start = date(year, 11, 9)
    pairs = [(region_winners[i], region_winners[-1 - i]) for i in range(4)]
    last_four = _knockout(rows, season, None, "Quarterfinals", 1, pairs, national_start, rng)
    if year % 2 == 0:
        finalists = _knockout(
            rows,
            season,
            None,
            "Semifinals",
            2,
            [last_four[:2], last_four[2:]],
            national_start + timedelta(days=14),
            rng,
        )
        champion = _knockout(rows, season, None, "Final", 3, [finalists], national_start + timedelta(days=28), rng)[0]
    else:
        champion = _group(
            rows, season, None, "Final Group", 2, last_four, national_start + timedelta(days=14), rng, double=False
        )[0]
    season.champion = champion
    rows.add(
        TeamChange(
            season=season,
            team=champion,
            direction=TeamChange.Direction.PROMOTED,
            division=TeamChange.Division.PRIMERA,
            division_year=year + 1,
        )
    )
