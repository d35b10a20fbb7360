"""Seasons with their stages, team changes and departmental qualifiers; regions; departments and teams."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import F
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import models
from ..forms import SeasonForm
from ..presentation.stages import region_label
from ..text import to_roman
from .article_import import import_season_view
from .base import EditorAdmin, EditorTabularInline
from .progression import RegionProgressionInline
from .sources import FactCitationInline, FactVersionInline, GeneralSourceInline, TeamAliasInline, citation_inline


@admin.register(models.Department)
class DepartmentAdmin(EditorAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    folded_search_fields = ["slug"]


@admin.register(models.Team)
class TeamAdmin(EditorAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    folded_search_fields = ["search_name"]
    inlines = [TeamAliasInline]

    def get_readonly_fields(self, request, obj=None):
        # A team's address is set once: links and search engines keep pointing at it after a name is corrected.
        return ["slug"] if obj is not None else []


class StageInline(EditorTabularInline):
    model = models.Stage


class TeamChangeInline(EditorTabularInline):
    model = models.TeamChange
    autocomplete_fields = ["team"]
    related = ["team"]


class QualifierInline(EditorTabularInline):
    model = models.Qualifier
    fields = ["department", "team", "location", "order"]
    autocomplete_fields = ["department", "team"]

    def get_queryset(self, request):
        # Grouped by department, as the season's article lists them.
        return super().get_queryset(request).select_related("department", "team").order_by("department__name", "order")


@admin.register(models.Season)
class SeasonAdmin(EditorAdmin):
    # Adds "Import from an article" beside reversion's "Recover deleted seasons" (VersionAdmin sets its own template).
    change_list_template = "admin/tournaments/season/change_list.html"
    form = SeasonForm
    list_display = ["year", "champion", "status", "confidence", "points_for_win", "points_for_draw"]
    list_select_related = ["champion"]
    list_filter = ["status", "confidence"]
    search_fields = ["=year", "champion__name"]
    folded_search_fields = ["champion__search_name"]
    autocomplete_fields = ["champion"]
    readonly_fields = ["other_citations"]
    fieldsets = [
        (None, {"fields": ["year"]}),
        (
            gettext_lazy("Champion and how sure the sources are"),
            {
                "description": gettext_lazy(
                    "A season not held, or held with no national final, has no champion. When the sources disagree, "
                    "choose “Disputed” and record each source's version under “Versions of a disputed champion or "
                    "runner-up” below."
                ),
                "fields": ["status", "champion", "confidence"],
            },
        ),
        (gettext_lazy("Introduction"), {"fields": ["summary", "summary_translation", "see_also"]}),
        (gettext_lazy("Points"), {"fields": ["points_for_win", "points_for_draw", "away_goals_rule"]}),
        (
            gettext_lazy("Sources of the season's stages, matches and other things"),
            {
                "description": gettext_lazy(
                    "The season's own sources and the sources of its champion are below. Regions, groups, rounds, "
                    "ties, matches, notes and qualifiers list their sources on their own pages; stages and team "
                    "changes, on the season's list of citations."
                ),
                "fields": ["other_citations"],
            },
        ),
    ]
    inlines = [
        GeneralSourceInline,
        FactCitationInline,
        FactVersionInline,
        StageInline,
        TeamChangeInline,
        QualifierInline,
    ]

    def get_urls(self):
        # The upload page sits under the season list, at the URL editors and the tests already use.
        upload = path("import/", self.admin_site.admin_view(import_season_view), name="tournaments_season_import")
        return [upload, *super().get_urls()]

    @admin.display(description=gettext_lazy("citations"))
    def other_citations(self, season):
        """Links to every citation of the season and to a new one: the way to cite a stage or a team change, which
        have no page of their own (regions, groups, rounds, ties, matches, notes and qualifiers cite theirs on
        their own pages)."""
        if season is None or season.pk is None:
            return _("Save the season first; then cite a source for one of its stages or team changes here.")
        listed = reverse("admin:tournaments_citation_changelist") + f"?season__id__exact={season.pk}"
        add = reverse("admin:tournaments_citation_add") + f"?season={season.pk}"
        return format_html(
            _(
                '<a href="{listed}">Every citation of this season</a> · '
                '<a href="{add}">Cite a source for one of its stages, team changes or other things</a>'
            ),
            listed=listed,
            add=add,
        )


class RegionDepartmentInline(EditorTabularInline):
    model = models.RegionDepartment
    autocomplete_fields = ["department"]
    related = ["department"]


@admin.register(models.Region)
class RegionAdmin(EditorAdmin):
    list_display = ["__str__", "season", "number", "format", "places_advancing"]
    list_filter = ["season", "format"]
    list_select_related = ["season"]
    search_fields = ["=season__year", "=number"]
    inlines = [RegionDepartmentInline, RegionProgressionInline, citation_inline("region")]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("season")


class QualifierRegionFilter(admin.SimpleListFilter):
    """A qualifier's region is its department's region in that season."""

    title = "region"
    parameter_name = "region"

    def lookups(self, request, model_admin):
        numbers = models.Region.objects.order_by("number").values_list("number", flat=True).distinct()
        # Values as strings, as they come back from the URL: Django's facet counts pass them to queryset() too.
        return [(str(number), region_label(to_roman(number))) for number in numbers]

    def queryset(self, request, queryset):
        if self.value() and not self.value().isdigit():
            raise IncorrectLookupParameters(f"Region {self.value()!r} is not a region number.")
        if self.value():
            return queryset.filter(
                department__region_memberships__region__number=self.value(),
                department__region_memberships__season=F("season"),
            )
        return queryset


@admin.register(models.Qualifier)
class QualifierAdmin(EditorAdmin):
    list_display = ["team", "department", "location", "season"]
    list_filter = ["season", QualifierRegionFilter, "department"]
    search_fields = ["team__name", "location"]
    folded_search_fields = ["team__search_name"]
    list_select_related = ["team", "department", "season"]
    autocomplete_fields = ["team", "department"]
    ordering = ["-season__year", "department__name", "order"]
    inlines = [citation_inline("qualifier")]
