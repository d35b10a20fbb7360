"""Teams and departments: the directory, a team's Copa Perú history and a department's qualifiers."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext_lazy as _

from ..models import (
    Department,
    Group,
    GroupTeam,
    KnockoutRound,
    Match,
    PointsAdjustment,
    Qualifier,
    RegionDepartment,
    StageKind,
    Team,
    Tie,
)
from .stages import build_stage, fetch_stage


def teams_for_directory():
    """Every team with the seasons and departments it qualified in (two queries a page, whatever the page size)."""
    return Team.objects.annotate(season_count=Count("qualifiers__season", distinct=True)).prefetch_related(
        Prefetch("qualifiers", queryset=Qualifier.objects.select_related("season", "department").order_by("-season"))
    )


# How far a team went in a season, best first; the label is what the team page shows.
REACHED = [
    ("champion", _("Champion")),
    ("finalist", _("Finalist")),
    ("national", _("National stage")),
    ("regional", _("Regional stage")),
    ("departmental", _("Departmental qualifier")),
]


@dataclass
class TeamSeason:
    """One season of a team: its qualifier row, group rows, ties and matches as the stored data holds them."""

    season: object
    team: object
    qualifier: object = None
    changes: list = field(default_factory=list)
    group_rows: list = field(default_factory=list)  # (GroupResults, TableRow or None)
    ties: list = field(default_factory=list)  # (KnockoutRound, TieResult)
    matches: list = field(default_factory=list)

    @property
    def reached(self):
        """The best of REACHED this season's data shows, as (code, label), or None."""
        stages = {view.group.stage for view, _ in self.group_rows} | {playoff.stage for playoff, _ in self.ties}
        stages |= {StageKind.REGIONAL for match in self.matches if match.region_id}
        finals = [tie for playoff, tie in self.ties if playoff.stage == StageKind.NATIONAL and _is_final(playoff)]
        reached = {
            "champion": self.season.champion_id == self.team.pk,
            "finalist": bool(finals),
            "national": StageKind.NATIONAL in stages,
            "regional": StageKind.REGIONAL in stages,
            "departmental": self.qualifier is not None,
        }
        return next(((code, label) for code, label in REACHED if reached[code]), None)


def _is_final(playoff):
    return playoff.name.casefold() == "final"


def _involves(team):
    return Q(home_team=team) | Q(away_team=team)


def team_history(slug):
    """(team, [TeamSeason, latest first]) in twelve queries whatever the team's record, or Team.DoesNotExist."""
    team = Team.objects.get(slug=slug)
    qualifiers = list(team.qualifiers.select_related("season", "department"))
    changes = list(team.changes.select_related("season"))
    group_ids = (
        Q(pk__in=GroupTeam.objects.filter(team=team).values("group"))
        | Q(pk__in=Match.objects.filter(_involves(team), group__isnull=False).values("group"))
        | Q(pk__in=PointsAdjustment.objects.filter(team=team, group__isnull=False).values("group"))
    )
    groups, _ = fetch_stage(Group.objects.filter(group_ids), KnockoutRound.objects.none())
    in_ties = Tie.objects.filter(Q(team_a=team) | Q(team_b=team)).values("round")
    _, rounds = fetch_stage(
        Group.objects.none(), KnockoutRound.objects.filter(Q(pk__in=in_ties) | Q(group__in=[g.pk for g in groups]))
    )
    loose = list(
        Match.objects.with_teams()
        .select_related("season")
        .filter(_involves(team), group__isnull=True, tie__isnull=True)
    )

    seasons = {}

    def season_of(season):
        return seasons.setdefault(season.pk, TeamSeason(season=season, team=team))

    for qualifier in qualifiers:
        season_of(qualifier.season).qualifier = qualifier
    for change in changes:
        season_of(change.season).changes.append(change)
    for match in loose:
        season_of(match.season).matches.append(match)
    for season_pk in {group.season_id for group in groups} | {playoff.season_id for playoff in rounds}:
        season = next(item.season for item in [*groups, *rounds] if item.season_id == season_pk)
        _add_stage(season_of(season), groups, rounds)
    history = sorted(seasons.values(), key=lambda item: item.season.year, reverse=True)
    for item in history:
        item.matches.sort(key=lambda match: (match.date is None, match.date or 0, match.pk))
    return team, history


def _add_stage(entry, groups, rounds):
    season, team = entry.season, entry.team
    stage = build_stage(
        season,
        [group for group in groups if group.season_id == season.pk],
        [playoff for playoff in rounds if playoff.season_id == season.pk],
    )
    for view in stage.groups:
        row = next((row for row in view.table.rows if row.team.pk == team.pk), None)
        entry.group_rows.append((view, row))
        entry.matches += [m for m in view.group.matches.all() if team.pk in (m.home_team_id, m.away_team_id)]
    for view in [*stage.rounds, *(playoff for group in stage.groups for playoff in group.playoffs)]:
        for tie in view.ties:
            if team.pk in (tie.tie.team_a_id, tie.tie.team_b_id):
                entry.ties.append((view.round, tie))
                entry.matches += list(tie.legs)


def department_history(slug):
    """(department, qualifiers latest season first, {season pk: region}), or Department.DoesNotExist."""
    department = Department.objects.get(slug=slug)
    qualifiers = list(
        department.qualifiers.select_related("season", "team", "department").order_by("-season__year", "order", "pk")
    )
    memberships = RegionDepartment.objects.filter(department=department).select_related("region__season")
    regions = {membership.season_id: membership.region for membership in memberships}
    for qualifier in qualifiers:
        qualifier.region = regions.get(qualifier.season_id)
    return department, qualifiers
