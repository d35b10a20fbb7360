"""Where the facts come from: the list of sources, citations inline on every citable thing's page, a citation list
for the things that have no page of their own (stages, team changes), versions of disputed facts and teams' other
names.

A source is chosen from the existing ones by autocomplete wherever one is picked, so an editor never types a second
copy of a publication; deleting a source that something still cites is refused on the confirmation page.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models as db
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import models
from ..forms import CitationFormSet, SourceForm, TeamAliasFormSet
from .base import DATE_WIDGETS, WHERE_RELATED, EditorAdmin, EditorTabularInline


@admin.register(models.Source)
class SourceAdmin(EditorAdmin):
    form = SourceForm
    list_display = ["publisher", "title", "language", "licence", "citation_count"]
    list_filter = ["language", "licence"]
    ordering = models.Source._meta.ordering
    search_fields = ["publisher", "title", "url"]
    formfield_overrides = {**DATE_WIDGETS, db.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["where_cited"]
    fieldsets = [
        (None, {"fields": ["publisher", "title", "url"]}),
        (_("Language, licence and when it was read"), {"fields": ["language", "licence", "licence_url", "accessed"]}),
        (_("Where it is cited"), {"fields": ["where_cited"]}),
    ]

    def get_queryset(self, request):
        # Counting groups the rows, and grouped rows lose the model's default order unless it is named again.
        return super().get_queryset(request).annotate(citation_count=Count("citations")).order_by(*self.ordering)

    @admin.display(description=_("citations"), ordering="citation_count")
    def citation_count(self, source):
        return source.citation_count

    @admin.display(description=_("citations"))
    def where_cited(self, source):
        if source is None or source.pk is None:
            return _("Not cited yet.")
        listed = reverse("admin:tournaments_citation_changelist") + f"?source__id__exact={source.pk}"
        return format_html(
            ngettext(
                '<a href="{listed}">{count} citation</a>',
                '<a href="{listed}">{count} citations</a>',
                source.citation_count,
            ),
            listed=listed,
            count=source.citation_count,
        )

    def get_deleted_objects(self, objs, request):
        """Django already refuses to delete a source a citation or a team's other name relies on (PROTECT); a
        version of a disputed fact lists its sources in a many-to-many, which a delete would silently empty, so
        those versions are named as protected too."""
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        versions = models.FactVersion.objects.filter(sources__in=list(objs)).select_related("season").distinct()
        protected = list(protected) + [
            format_html("{}: {}", capfirst(models.FactVersion._meta.verbose_name), version) for version in versions
        ]
        return to_delete, model_count, perms_needed, protected


class CitationInline(EditorTabularInline):
    """The sources of the thing on the page: each a source chosen from the list, where in it, and its order."""

    model = models.Citation
    formset = CitationFormSet
    fields = ["source", "detail", "order"]
    autocomplete_fields = ["source"]
    related = ["source"]
    verbose_name = _("source of this")
    verbose_name_plural = _("sources of this")


def citation_inline(thing):
    """The citation inline for the change page of `thing` ("region", "match"…)."""
    return type(f"{thing.title().replace('_', '')}CitationInline", (CitationInline,), {"fk_name": thing})


class GeneralSourceInline(CitationInline):
    """A season's general sources: its Sources section, numbered by their order."""

    fk_name = "season"
    verbose_name = _("source of the season")
    verbose_name_plural = _("sources of the season (its Sources section, numbered by their order)")

    def get_queryset(self, request):
        things = {f"{name}__isnull": True for name in models.CITED_THINGS}
        return super().get_queryset(request).filter(fact="", **things)


class FactCitationInline(CitationInline):
    """Sources of the season's champion, runner-up and status."""

    fk_name = "season"
    fields = ["fact", "source", "detail", "order"]
    verbose_name = _("source of a fact")
    verbose_name_plural = _("sources of the champion, the runner-up and whether it was played")

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(fact="")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["fact"].required = True
        return formset


class FactVersionInline(EditorTabularInline):
    model = models.FactVersion
    fields = ["fact", "name", "team", "sources", "detail", "order"]
    autocomplete_fields = ["team", "sources"]
    related = ["team"]
    verbose_name_plural = _("versions of a disputed champion or runner-up, each with the sources that give it")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("sources")


class TeamAliasInline(EditorTabularInline):
    model = models.TeamAlias
    formset = TeamAliasFormSet
    fields = ["name", "source"]
    autocomplete_fields = ["source"]
    related = ["source"]


# What a citation's change page names in its boxes, loaded with it (their __str__ walks these).
CITATION_RELATED = [
    "source",
    "season",
    "stage__season",
    *WHERE_RELATED,
    "qualifier__team",
    "qualifier__department",
    "qualifier__season",
    "team_change__team",
]


@admin.register(models.Citation)
class CitationAdmin(EditorAdmin):
    """Every citation, by season: the way to cite a source for a stage or a team change, which are edited on the
    season's page and have no page of their own."""

    list_display = ["source", "season", "cited", "detail", "order"]
    list_filter = ["season"]
    search_fields = ["source__publisher", "source__title", "detail"]
    list_select_related = CITATION_RELATED
    related = CITATION_RELATED
    autocomplete_fields = ["source", "season", "region", "group", "knockout_round", "tie", "match", "note", "qualifier"]
    fieldsets = [
        (None, {"fields": ["source", "season", "detail", "order"]}),
        (
            _("What the source supports"),
            {
                "description": _(
                    "Choose one thing of the season, or one of its facts; leave them all empty for one of the "
                    "season's general sources. Stages and team changes are listed once you have chosen the season "
                    "and saved, or when you came here from the season's page."
                ),
                "fields": [
                    "fact",
                    "stage",
                    "team_change",
                    "region",
                    ("group", "knockout_round"),
                    "tie",
                    "match",
                    "note",
                    "qualifier",
                ],
            },
        ),
    ]

    @admin.display(description=_("supports"))
    def cited(self, citation):
        return citation.cited_label

    # The stage and team change boxes are plain lists: only the chosen season's, once the season is known.
    SEASON_LISTS = {"stage": ["season"], "team_change": ["team"]}

    def get_form(self, request, obj=None, change=False, **kwargs):
        season_id = request.POST.get("season") or (obj.season_id if obj is not None else request.GET.get("season"))
        request._citation_season_id = _season_key(season_id)
        return super().get_form(request, obj, change, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.SEASON_LISTS:
            season_id = getattr(request, "_citation_season_id", None)
            queryset = db_field.related_model.objects.select_related(*self.SEASON_LISTS[db_field.name])
            kwargs["queryset"] = queryset.filter(season_id=season_id) if season_id else queryset.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _season_key(value):
    """A season's key from the query string or the form, or None when it is not one ("abc", 10**30)."""
    field = models.Season._meta.pk
    try:
        key = field.to_python(value)
        field.run_validators(key)
    except (ValidationError, TypeError, ValueError):
        return None
    return key
