"""Teams and departments: the directory, a team's Copa Perú history and a department's qualifiers."""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce

from ..models import (
    Department,
    FactVersion,
    Group,
    GroupTeam,
    KnockoutRound,
    Match,
    PointsAdjustment,
    Progression,
    Qualifier,
    RegionDepartment,
    Season,
    SeasonFact,
    Team,
    Tie,
)
from .progression import Podium, computed_progressions, how_far, podium, stored_progressions
from .stages import build_stage, fetch_stage


def teams_for_directory():
    """Every team with the seasons and departments it qualified in and its Copa Perú titles (``title_count``, the
    seasons that name it champion), in two queries a page whatever the page size."""
    # A subquery, not a second join: joined with the qualifiers, each title would be counted once per qualifier.
    titles = Season.objects.filter(champion=OuterRef("pk")).order_by().values("champion")
    title_count = Coalesce(
        Subquery(titles.annotate(n=Count("pk")).values("n")[:1]), Value(0), output_field=IntegerField()
    )
    return Team.objects.annotate(
        season_count=Count("qualifiers__season", distinct=True), title_count=title_count
    ).prefetch_related(
        Prefetch("qualifiers", queryset=Qualifier.objects.select_related("season", "department").order_by("-season"))
    )


@dataclass
class TeamSeason:
    """One season of a team: its qualifier row, group rows, ties, matches and progressions as stored and computed."""

    season: object
    team: object
    qualifier: object = None
    changes: list = field(default_factory=list)
    group_rows: list = field(default_factory=list)  # (GroupResults, TableRow or None)
    ties: list = field(default_factory=list)  # (KnockoutRound, TieResult)
    matches: list = field(default_factory=list)
    progressions: list = field(default_factory=list)  # stored, then computed from its groups and ties
    podium: object = None

    @property
    def reached(self):
        """How far the team went this season (selectors.progression.how_far), or None when it took no part."""
        return how_far(
            self.team,
            self.season,
            qualifier=self.qualifier,
            group_views=[view for view, _ in self.group_rows],
            tie_results=self.ties,
            progressions=self.progressions,
            season_podium=self.podium or Podium(),
        )

    @property
    def took_part(self):
        """False for a season the team only appears in through the team changes (promoted or relegated)."""
        return self.reached is not None


def _involves(team):
    return Q(home_team=team) | Q(away_team=team)


def team_history(slug):
    """(team, [TeamSeason, latest first]) in fourteen queries whatever the team's record, or Team.DoesNotExist.

    Every season the team took part in or won: a season that records only its champion and runner-up (most of the
    roll of champions) has a TeamSeason too, with its Podium, so how far the team went reads the same everywhere.
    """
    team = Team.objects.get(slug=slug)
    stored = stored_progressions(Progression.objects.filter(team=team).select_related("season"))
    titles = list(team.titles.all())
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

    for season in titles:
        season_of(season)
    for qualifier in qualifiers:
        season_of(qualifier.season).qualifier = qualifier
    for change in changes:
        season_of(change.season).changes.append(change)
    for match in loose:
        season_of(match.season).matches.append(match)
    for progression in stored:
        season_of(progression.season).progressions.append(progression)
    for season_pk in {group.season_id for group in groups} | {playoff.season_id for playoff in rounds}:
        season = next(item.season for item in [*groups, *rounds] if item.season_id == season_pk)
        _add_stage(season_of(season), groups, rounds)
    history = sorted(seasons.values(), key=lambda item: item.season.year, reverse=True)
    for item in history:
        item.matches.sort(key=lambda match: (match.date is None, match.date or 0, match.pk))
        if item.podium is None:
            # No group or tie of the team this season: its podium is what the stored national facts say.
            national = [progression for progression in item.progressions if progression.scope == "national"]
            item.podium = podium(item.season, build_stage(item.season, [], []), national, complete=False)
    return team, history


def team_aliases(team):
    """The club's other names (TeamAlias, alphabetical) with their sources, in one query."""
    return list(team.aliases.select_related("source").order_by("name", "pk"))


@dataclass
class Honours:
    """A team's titles and finals, from the same records the seasons show (Season.champion, the podiums, and the
    versions of disputed facts).

    Each list runs from the earliest season, as a roll of honours reads. ``titles``: [(season, disputed)],
    disputed when another club is named champion by some source; ``finals``: [(season, derived)] the seasons it
    was runner-up, derived when no source names it in words (Podium.runner_up_derived); ``named_in``:
    [(season, SeasonFact)] where only some sources name it champion or runner-up ("named champion of 2001 by some
    sources").
    """

    titles: list = field(default_factory=list)
    finals: list = field(default_factory=list)
    named_in: list = field(default_factory=list)


def team_honours(team, history):
    """The Honours of ``team`` from its ``team_history``, in one query (the versions of disputed facts)."""
    earliest_first = history[::-1]
    title_seasons = [entry.season for entry in earliest_first if entry.season.champion_id == team.pk]
    finals = [
        (entry.season, entry.podium.runner_up_derived)
        for entry in earliest_first
        if entry.podium.runner_up is not None and entry.podium.runner_up.pk == team.pk
    ]
    versions = list(
        FactVersion.objects.filter(
            Q(team=team) | Q(season__in=[season.pk for season in title_seasons], fact=SeasonFact.CHAMPION)
        ).select_related("season")
    )
    contested = {version.season_id for version in versions if version.team_id != team.pk}
    held = {
        SeasonFact.CHAMPION: {season.pk for season in title_seasons},
        SeasonFact.RUNNER_UP: {season.pk for season, _derived in finals},
    }
    named_in = {
        (version.season_id, version.fact): (version.season, version.fact)
        for version in versions
        if version.team_id == team.pk and version.season_id not in held[version.fact]
    }
    named_in = sorted(named_in.values(), key=lambda item: item[0].year)
    return Honours(
        titles=[(season, season.pk in contested) for season in title_seasons], finals=finals, named_in=named_in
    )


def _add_stage(entry, groups, rounds):
    season, team = entry.season, entry.team
    stage = build_stage(
        season,
        [group for group in groups if group.season_id == season.pk],
        [playoff for playoff in rounds if playoff.season_id == season.pk],
    )
    entry.progressions += [item for item in computed_progressions(stage) if item.team.pk == team.pk]
    entry.podium = podium(
        season, stage, [item for item in entry.progressions if item.scope == "national"], complete=False
    )
    for view in stage.groups:
        row = next((row for row in view.table.rows if row.team.pk == team.pk), None)
        entry.group_rows.append((view, row))
        entry.matches += [m for m in view.group.matches.all() if team.pk in (m.home_team_id, m.away_team_id)]
    for group_view in stage.groups:
        for playoff in group_view.playoffs:
            # The page names the group a tiebreaker settled ("Tiebreaker for Group C"), with no query of its own.
            playoff.round.group = group_view.group
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
