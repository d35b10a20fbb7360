"""The season list, a season's overview, and the infobox facts derived from its national stage."""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce

from ..models import Group, KnockoutRound, Note, Qualifier, Season, Stage, StageKind, TeamChange
from .outcomes import Mark
from .stages import build_stage, fetch_stage


def _count(model, **filters):
    """How many rows of ``model`` belong to the outer season, as a scalar subquery (0 when none)."""
    rows = model.objects.filter(season=OuterRef("pk"), **filters).order_by().values("season")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")[:1]), Value(0), output_field=IntegerField())


def seasons_for_list():
    """Seasons, latest first, with their champion and how much of their data the sources kept."""
    return (
        Season.objects.select_related("champion")
        .annotate(
            qualifier_count=_count(Qualifier),
            sections_total=_count(Group) + _count(KnockoutRound),
            sections_recorded=_count(Group, results_recorded=True) + _count(KnockoutRound, results_recorded=True),
        )
        .order_by("-year")
    )


def _neighbour(direction):
    years = Season.objects.filter(**{f"year__{direction}": OuterRef("year")})
    return Subquery(years.order_by("year" if direction == "gt" else "-year").values("year")[:1])


def season_overview(year):
    """The season with its stages, team changes, season-level notes and the archive's neighbouring years."""
    season_notes = Note.objects.filter(
        region__isnull=True, group__isnull=True, knockout_round__isnull=True, tie__isnull=True, match__isnull=True
    )
    return (
        Season.objects.select_related("champion")
        .annotate(previous_in_archive=_neighbour("lt"), next_in_archive=_neighbour("gt"))
        .prefetch_related(
            Prefetch("stages", queryset=Stage.objects.order_by("pk")),
            Prefetch("team_changes", queryset=TeamChange.objects.select_related("team")),
            Prefetch("notes", queryset=season_notes, to_attr="season_notes"),
        )
        .get(year=year)
    )


@dataclass
class SeasonFacts:
    """What the infobox derives from the national stage; every field may stay empty when the sources are silent."""

    runner_up: object = None
    runner_up_how: str = ""
    promoted: list = field(default_factory=list)
    final_group: object = None


def _final_group(stage):
    promoting = [view for view in stage.groups if view.group.places_promoted]
    return (promoting or stage.groups or [None])[-1]


def _facts(season, stage):
    facts = SeasonFacts()
    final = _final_group(stage)
    if final is not None and final.table.recorded:
        facts.final_group = final
        facts.promoted = [row.team for row in final.table.rows if row.mark == Mark.PROMOTED]
        second = final.table.rows[1] if len(final.table.rows) > 1 else None
        if second is not None and second.position == 2 and not second.tied and not final.table.incomplete:
            facts.runner_up, facts.runner_up_how = second.team, f"2nd in the {final.group.name}"
    if facts.runner_up is None:
        finals = [view for view in stage.rounds if view.round.name.casefold() == "final"]
        decided = [tie for view in finals for tie in view.ties if tie.loser is not None]
        if len(decided) == 1:
            facts.runner_up, facts.runner_up_how = decided[0].loser, f"lost the Final {decided[0].outcome.summary}"
    if not facts.promoted and season.champion_id:
        # The stage texts say the national winners are promoted; with no final group that is the champion.
        facts.promoted = [season.champion]
    return facts


def season_facts(seasons):
    """{season pk: SeasonFacts} for the given seasons, from their national stages in eight queries."""
    seasons = {season.pk: season for season in seasons}
    national = {"season__in": list(seasons), "stage": StageKind.NATIONAL}
    groups, rounds = fetch_stage(Group.objects.filter(**national), KnockoutRound.objects.filter(**national))
    facts = {}
    for pk, season in seasons.items():
        stage = build_stage(
            season,
            [group for group in groups if group.season_id == pk],
            [playoff for playoff in rounds if playoff.season_id == pk],
        )
        facts[pk] = _facts(season, stage)
    return facts
