"""Progression inlines for the region, group and tie admins: who went on, entered as a ruling, a statement or an
inference, with a warning on the change page wherever an entry contradicts the results.

The admins add them with one line each (``inlines = [..., RegionProgressionInline]``). Computed progressions (the
table's places going on, a tie's winner) are not edited here: they follow the results.
"""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from .. import models, selectors
from ..selectors.progression import computed_progressions, contradictions, stored_progressions
from .base import EditorTabularInline


class ProgressionInline(EditorTabularInline):
    model = models.Progression
    fields = ["team", "outcome", "basis", "note", "source_words", "order"]
    autocomplete_fields = ["team"]
    verbose_name = _("who went on (ruling, statement or inference)")
    verbose_name_plural = _("who went on: rulings, the source's statements and inferences")

    def get_formset(self, request, obj=None, **kwargs):
        if obj is not None and obj.pk:
            request._progression_season_id = self.season_and_region(obj)[0].pk
            if request.method == "GET":
                for problem in self.problems(obj):
                    messages.warning(request, problem)
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "note":
            # The notes of the season being edited, not every note in the archive.
            season_id = getattr(request, "_progression_season_id", None)
            if season_id is not None:
                kwargs["queryset"] = models.Note.objects.filter(season_id=season_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def problems(self, obj):
        """The contradictions between this object's stored progressions and its stage's results."""
        season, region = self.season_and_region(obj)
        stored = stored_progressions(models.Progression.objects.filter(season=season, region=region))
        if not stored:
            # Only what an editor or an article stated can contradict the results; reading the whole stage to
            # find that out would cost a region page's queries on every change page.
            return []
        if region is not None:
            _, stage = selectors.region_page(season.year, region.number)
        else:
            _, stage = selectors.national_stage(season.year)
        return contradictions(stored, computed_progressions(stage))


class RegionProgressionInline(ProgressionInline):
    fk_name = "region"

    def season_and_region(self, obj):
        return obj.season, obj


class GroupProgressionInline(ProgressionInline):
    fk_name = "group"

    def season_and_region(self, obj):
        return obj.season, obj.region if obj.region_id else None


class TieProgressionInline(ProgressionInline):
    fk_name = "tie"

    def season_and_region(self, obj):
        return obj.round.season, obj.round.region if obj.round.region_id else None
