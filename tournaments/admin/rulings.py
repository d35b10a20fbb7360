"""Notes and rulings with their sources, and the points a ruling awards or docks."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .. import models
from ..forms import NoteForm
from .base import WHERE_RELATED, EditorAdmin, region_filter
from .sources import citation_inline


@admin.register(models.Note)
class NoteAdmin(EditorAdmin):
    form = NoteForm
    list_display = ["__str__", "season", "kind", "decided_by", "source"]
    list_filter = ["season", "kind", region_filter()]
    search_fields = ["text", "decision", "source", "favoured_team__name"]
    list_select_related = ["season"]
    autocomplete_fields = ["season", "region", "group", "knockout_round", "tie", "match", "favoured_team"]
    inlines = [citation_inline("note")]
    # What the change page's boxes name, loaded with the note (their __str__ walks these).
    related = ["season", *WHERE_RELATED, "favoured_team"]
    fieldsets = [
        (None, {"fields": ["kind", "text", "translation", "decision", "decided_by", "favoured_team", "source"]}),
        (
            _("What this note concerns"),
            {
                "description": _(
                    "Choose the one thing the note is about, as precisely as the source allows: a match, a tie, "
                    "a group or knockout round, a region, or just the season. Leave the wider ones empty: they are "
                    "filled in from it when you save."
                ),
                "fields": ["season", "region", ("group", "knockout_round"), "tie", "match"],
            },
        ),
        (
            _("Where it is printed"),
            {"classes": ["collapse"], "fields": [("style", "order")]},
        ),
    ]


@admin.register(models.PointsAdjustment)
class PointsAdjustmentAdmin(EditorAdmin):
    list_display = ["team", "points", "reason", "season", "region", "group"]
    list_filter = ["season", region_filter()]
    search_fields = ["team__name", "reason"]
    folded_search_fields = ["team__search_name"]
    list_select_related = ["team", "season", "region__season", "group__season", "group__region"]
    autocomplete_fields = ["team", "region", "group", "note"]
    related = [*list_select_related, "note"]
