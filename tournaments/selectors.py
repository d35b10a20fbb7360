"""Reads for the public pages, each with the joins it needs so a page costs a fixed number of queries."""

from django.db.models import Prefetch

from .models import Note, Season, Stage, TeamChange


def seasons_for_list():
    return Season.objects.select_related("champion").order_by("-year")


def season_overview(year):
    """The season with its stages, team changes and season-level notes, or Season.DoesNotExist."""
    return (
        Season.objects.select_related("champion")
        .prefetch_related(
            Prefetch("stages", queryset=Stage.objects.order_by("pk")),
            Prefetch("team_changes", queryset=TeamChange.objects.select_related("team")),
            Prefetch(
                "notes",
                queryset=Note.objects.filter(region__isnull=True, group__isnull=True, knockout_round__isnull=True),
                to_attr="season_notes",
            ),
        )
        .get(year=year)
    )
