"""The season list, a season's overview, and its champion, runner-up and promoted teams (selectors.progression)."""

__all__ = ["Podium", "disputed_facts", "fact_sources", "season_facts", "season_overview", "seasons_for_list"]

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, TextField, Value
from django.db.models.functions import Coalesce

from ..models import (
    Citation,
    FactVersion,
    Group,
    KnockoutRound,
    Note,
    Progression,
    Qualifier,
    Season,
    SeasonFact,
    Stage,
    StageKind,
    TeamChange,
)
from .progression import Podium, podium, stored_progressions
from .stages import build_stage, fetch_stage


def _count(model, **filters):
    """How many rows of ``model`` belong to the outer season, as a scalar subquery (0 when none)."""
    rows = model.objects.filter(season=OuterRef("pk"), **filters).order_by().values("season")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")[:1]), Value(0), output_field=IntegerField())


def seasons_for_list():
    """Seasons, latest first, in one query: their champion, how much of their data the sources kept
    (``qualifier_count``, ``sections_total``, ``sections_recorded``), their National Stage's text
    (``national_stage_text``, which ``Podium.promoted`` reads) and how many versions of a disputed champion and
    runner-up the sources give (``champion_versions``, ``runner_up_versions``; 0 when the fact is not disputed)."""
    return (
        Season.objects.select_related("champion")
        .annotate(
            qualifier_count=_count(Qualifier),
            sections_total=_count(Group) + _count(KnockoutRound),
            sections_recorded=_count(Group, results_recorded=True) + _count(KnockoutRound, results_recorded=True),
            national_stage_text=_national_text(),
            champion_versions=_count(FactVersion, fact=SeasonFact.CHAMPION),
            runner_up_versions=_count(FactVersion, fact=SeasonFact.RUNNER_UP),
        )
        .order_by("-year")
    )


def disputed_facts(season):
    """{SeasonFact} of a season from ``seasons_for_list`` that its sources disagree on.

    A fact with two or more versions (FactVersion) is disputed. A season marked disputed with no versions recorded
    yet does not say which fact is: both its champion and its runner-up are then shown as disputed.
    """
    versions = {SeasonFact.CHAMPION: season.champion_versions, SeasonFact.RUNNER_UP: season.runner_up_versions}
    facts = {fact for fact, count in versions.items() if count > 1}
    if not facts and season.confidence == Season.Confidence.DISPUTED:
        facts = {SeasonFact.CHAMPION, SeasonFact.RUNNER_UP}
    return facts


def _national_text():
    """The National Stage's description, where the article says who is promoted, as a subquery ("" when none)."""
    stages = Stage.objects.filter(season=OuterRef("pk"), kind=StageKind.NATIONAL).order_by("pk")
    return Coalesce(Subquery(stages.values("description")[:1]), Value(""), output_field=TextField())


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
        .annotate(
            previous_in_archive=_neighbour("lt"),
            next_in_archive=_neighbour("gt"),
            national_stage_text=_national_text(),
        )
        .prefetch_related(
            Prefetch("stages", queryset=Stage.objects.order_by("pk")),
            Prefetch("team_changes", queryset=TeamChange.objects.select_related("team")),
            Prefetch("notes", queryset=season_notes, to_attr="season_notes"),
        )
        .get(year=year)
    )


def season_facts(seasons):
    """{season pk: selectors.progression.Podium} for the given seasons, from their national stages in nine queries."""
    seasons = {season.pk: season for season in seasons}
    national = {"season__in": list(seasons), "stage": StageKind.NATIONAL}
    groups, rounds = fetch_stage(Group.objects.filter(**national), KnockoutRound.objects.filter(**national))
    stored = stored_progressions(
        Progression.objects.filter(season__in=list(seasons), region__isnull=True, group__isnull=True, tie__isnull=True)
    )
    facts = {}
    for pk, season in seasons.items():
        stage = build_stage(
            season,
            [group for group in groups if group.season_id == pk],
            [playoff for playoff in rounds if playoff.season_id == pk],
        )
        facts[pk] = podium(season, stage, [item for item in stored if item.season_id == pk])
    return facts


def fact_sources(seasons):
    """{season pk: ["RSSSF: Peru - List of Champions", "Wikipedia (fr): Coronel Bolognesi", ...]}: the sources
    citing each season's champion, runner-up or status, in citation order, each once, in one query. A footnote
    number means nothing across seasons, so the roll names each source by publisher (with the language edition
    when recorded, which tells French and Portuguese Wikipedia apart) and title."""
    citations = (
        Citation.objects.filter(season__in=[season.pk for season in seasons])
        .exclude(fact="")
        .select_related("source")
        .order_by("season", "order", "pk")
    )
    named = {}
    for citation in citations:
        source = citation.source
        publisher = f"{source.publisher} ({source.language})" if source.language else source.publisher
        named.setdefault(citation.season_id, {})[f"{publisher}: {source.title}"] = None
    return {pk: list(names) for pk, names in named.items()}
