"""Notes and rulings with their sources, and the points a ruling awards or docks."""

from django.contrib import admin

from .. import models
from .base import EditorAdmin, region_filter


@admin.register(models.Note)
class NoteAdmin(EditorAdmin):
    list_display = ["__str__", "season", "kind", "decided_by", "source"]
    list_filter = ["season", "kind", region_filter()]
    search_fields = ["text", "decision", "source", "favoured_team__name"]
    list_select_related = ["season"]
    autocomplete_fields = ["region", "group", "knockout_round", "tie", "match", "favoured_team"]


@admin.register(models.PointsAdjustment)
class PointsAdjustmentAdmin(EditorAdmin):
    list_display = ["team", "points", "reason", "season", "region", "group"]
    list_filter = ["season", region_filter()]
    search_fields = ["team__name", "reason"]
    folded_search_fields = ["team__search_name"]
    list_select_related = ["team", "season", "region__season", "group__season", "group__region"]
    autocomplete_fields = ["team", "region", "group", "note"]
