"""A region's or the national stage's groups, rounds, ties, matches and rulings, read in a fixed number of queries.

Tables and tie winners come from outcomes.py only; this module fetches, groups matches by round and hangs every
note on the most specific thing it concerns (match, tie, round, group, region) as ``footnotes``.
"""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch, Q

from ..models import Group, KnockoutRound, Match, Note, Progression, Region, RegionDepartment, Season, StageKind
from .outcomes import GROUP_ROWS_PREFETCH, ROUND_PREFETCH, group_table, playoffs_of, tie_outcome
from .progression import stored_progressions, went_on


@dataclass
class TieResult:
    tie: object
    outcome: object
    winner: object = None
    loser: object = None

    @property
    def legs(self):
        return self.tie.matches.all()

    @property
    def missing_legs(self):
        """How many of the tie's legs the sources do not record at all."""
        return max(self.tie.legs - len(self.legs), 0)


@dataclass
class RoundResults:
    round: object
    ties: list = field(default_factory=list)


@dataclass
class GroupResults:
    group: object
    table: object
    playoffs: list = field(default_factory=list)

    @property
    def fixtures(self):
        """The group's matches by matchday: [(1, [match, ...]), ...]; matches without a matchday come last."""
        matches = sorted(self.group.matches.all(), key=lambda match: match.round_number or 10_000)
        return [(number, list(rows)) for number, rows in groupby(matches, key=lambda match: match.round_number)]


@dataclass
class StageResults:
    season: object
    groups: list = field(default_factory=list)
    rounds: list = field(default_factory=list)
    matches: list = field(default_factory=list)
    footnotes: list = field(default_factory=list)
    adjustments: list = field(default_factory=list)
    # Who went on from a region, computed and stored (selectors.progression.went_on): [TeamProgress].
    went_on: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.groups or self.rounds or self.matches)


def _note_target(note):
    for kind in ("match", "tie", "knockout_round", "group", "region"):
        if getattr(note, f"{kind}_id"):
            return kind, getattr(note, f"{kind}_id")
    return "season", note.season_id


def _hang_notes(notes, stage, region=None):
    """Attach each note beside what it concerns; notes on the region or season go on the stage itself."""
    by_target = {}
    for note in notes:
        by_target.setdefault(_note_target(note), []).append(note)
    for view in stage.groups:
        view.group.footnotes = by_target.pop(("group", view.group.pk), [])
        for match in view.group.matches.all():
            match.footnotes = by_target.pop(("match", match.pk), [])
    for view in [*stage.rounds, *(playoff for group in stage.groups for playoff in group.playoffs)]:
        view.round.footnotes = by_target.pop(("knockout_round", view.round.pk), [])
        for tie in view.ties:
            tie.tie.footnotes = by_target.pop(("tie", tie.tie.pk), [])
            for leg in tie.legs:
                leg.footnotes = by_target.pop(("match", leg.pk), [])
    for match in stage.matches:
        match.footnotes = by_target.pop(("match", match.pk), [])
    # Whatever is left (the region's or season's own notes, or a note on something not shown) still appears.
    stage.footnotes = [note for notes in by_target.values() for note in notes]


def _tie_views(playoff, season):
    views = []
    for tie in playoff.ties.all():
        outcome = tie_outcome(tie, away_goals_rule=season.away_goals_rule)
        teams = {tie.team_a_id: tie.team_a, tie.team_b_id: tie.team_b}
        views.append(TieResult(tie, outcome, teams.get(outcome.winner), teams.get(outcome.loser)))
    return RoundResults(playoff, views)


def build_stage(season, groups, rounds, matches=(), notes=None):
    """Rank every group through the engine and decide every tie; ``rounds`` holds the groups' playoffs too."""
    round_views = {playoff.pk: _tie_views(playoff, season) for playoff in rounds}
    stage = StageResults(season=season, matches=list(matches))
    for group in groups:
        playoffs = playoffs_of(group, rounds)
        table = group_table(group, playoff_rounds=playoffs)
        stage.groups.append(GroupResults(group, table, [round_views[playoff.pk] for playoff in playoffs]))
    stage.rounds = [round_views[playoff.pk] for playoff in rounds if playoff.group_id is None]
    if notes is not None:
        _hang_notes(notes, stage)
    return stage


def fetch_stage(groups, rounds):
    """Groups with their rows and rounds with their decided ties: eight queries whatever the stage holds."""
    rounds = list(rounds.select_related("season", "region").prefetch_related(*ROUND_PREFETCH))
    groups = list(groups.select_related("season", "region").prefetch_related(*GROUP_ROWS_PREFETCH))
    for item in [*groups, *rounds]:
        if item.region_id:
            item.region.season = item.season  # so links to the region page cost no query
    by_pk = {group.pk: group for group in groups}
    for playoff in rounds:
        if playoff.group_id in by_pk:
            playoff.group = by_pk[playoff.group_id]  # a playoff's anchor names its group
    return groups, rounds


def region_page(year, number):
    """One region with its departments (``region.department_list``) and its whole stage, or Region.DoesNotExist."""
    # The memberships carry the region and season, saving a query on every region that has departments.
    memberships = list(
        RegionDepartment.objects.filter(region__season__year=year, region__number=number)
        .select_related("region__season__champion", "department")
        .order_by("order", "pk")
    )
    if memberships:
        region = memberships[0].region
    else:
        region = Region.objects.select_related("season", "season__champion").get(season__year=year, number=number)
    region.department_list = [membership.department for membership in memberships]
    groups, rounds = fetch_stage(Group.objects.filter(region=region), KnockoutRound.objects.filter(region=region))
    loose = Match.objects.with_teams().filter(region=region, group__isnull=True, tie__isnull=True)
    notes = Note.objects.filter(
        Q(region=region)
        | Q(group__region=region)
        | Q(knockout_round__region=region)
        | Q(tie__round__region=region)
        | Q(match__region=region)
    ).select_related("favoured_team")
    stage = build_stage(
        region.season,
        groups,
        rounds,
        loose,
        notes.distinct().order_by("order", "pk"),
    )
    stage.went_on = went_on(stage, stored_progressions(Progression.objects.filter(region=region)))
    # Points a ruling moved without naming the group: shown with the region's own notes.
    stage.adjustments = list(region.points_adjustments.filter(group__isnull=True).select_related("team", "note"))
    return region, stage


def national_stage(year):
    """The national stage of a season: its knockout rounds and final group, or Season.DoesNotExist."""
    season = Season.objects.select_related("champion").get(year=year)
    national = {"season": season, "stage": StageKind.NATIONAL}
    groups, rounds = fetch_stage(Group.objects.filter(**national), KnockoutRound.objects.filter(**national))
    notes = Note.objects.filter(season=season).filter(
        Q(group__stage=StageKind.NATIONAL)
        | Q(knockout_round__stage=StageKind.NATIONAL)
        | Q(tie__round__stage=StageKind.NATIONAL)
        | Q(match__tie__round__stage=StageKind.NATIONAL)
        | Q(match__group__stage=StageKind.NATIONAL)
    )
    notes = notes.select_related("favoured_team").distinct().order_by("order", "pk")
    return season, build_stage(season, groups, rounds, notes=notes)


def regional_overview(year):
    """The season's regions, each with its departments and its stage, and who went on (``region.stage.went_on``)."""
    # The regions carry their season, saving a query whenever the season has regions.
    regions = list(
        Region.objects.filter(season__year=year)
        .select_related("season")
        .prefetch_related(Prefetch("memberships", queryset=RegionDepartment.objects.select_related("department")))
    )
    season = regions[0].season if regions else Season.objects.get(year=year)
    regional = {"season": season, "stage": StageKind.REGIONAL}
    groups, rounds = fetch_stage(Group.objects.filter(**regional), KnockoutRound.objects.filter(**regional))
    stored = stored_progressions(Progression.objects.filter(season=season, region__isnull=False))
    for region in regions:
        region.season = season
        region.stage = build_stage(
            season,
            [group for group in groups if group.region_id == region.pk],
            [playoff for playoff in rounds if playoff.region_id == region.pk],
        )
        region.stage.went_on = went_on(region.stage, [item for item in stored if item.region_id == region.pk])
    return season, regions
