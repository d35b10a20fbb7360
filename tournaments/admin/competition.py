"""Groups, knockout rounds, ties and matches: where results are entered, with quick score entry on the match list."""

import reversion
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import models
from ..forms import ChangelistMatchForm, GroupForm, GroupTeamFormSet, MatchForm, TieLegsFormSet
from ..presentation.stages import place_label
from ..rules.match_status import MatchStatus
from .base import EditorAdmin, EditorStackedInline, EditorTabularInline, region_filter
from .progression import GroupProgressionInline, TieProgressionInline
from .results_grid import KNOCKOUT_FIELDS, ResultsGridMixin
from .sources import citation_inline


class StageFilter(admin.SimpleListFilter):
    """Regional matches belong to a region; national-stage matches to none."""

    title = _("stage")
    parameter_name = "stage"

    def lookups(self, request, model_admin):
        return [("regional", _("Regional Stage")), ("national", _("National Stage"))]

    def queryset(self, request, queryset):
        if self.value() in ("regional", "national"):
            return queryset.filter(region__isnull=self.value() == "national")
        return queryset


def save_each(request, objects, comment):
    """Save one by one (not queryset.update) so each change is validated, versioned and kept in the history."""
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(str(comment))
        for obj in objects:
            obj.save()


class GroupTeamInline(EditorTabularInline):
    model = models.GroupTeam
    formset = GroupTeamFormSet
    autocomplete_fields = ["team"]
    related = ["team"]


class GroupMatchInline(EditorTabularInline):
    model = models.Match
    form = MatchForm
    fk_name = "group"
    fields = ["round_number", "date", "home_team", "home_score", "away_score", "away_team", "status", "seen_version"]
    autocomplete_fields = ["home_team", "away_team"]
    related = ["home_team", "away_team"]


class ResultsNotRecordedAction:
    @admin.action(description=_("Mark selected as results not recorded"))
    def mark_results_not_recorded(self, request, queryset):
        changed = [obj for obj in queryset if obj.results_recorded]
        for obj in changed:
            obj.results_recorded = False
        save_each(request, changed, _("Marked as results not recorded with the list's action."))
        self.message_user(
            request,
            ngettext(
                "%(count)d %(name)s marked as results not recorded.",
                "%(count)d %(name_plural)s marked as results not recorded.",
                len(changed),
            )
            % {
                "count": len(changed),
                "name": self.model._meta.verbose_name,
                "name_plural": self.model._meta.verbose_name_plural,
            },
            messages.SUCCESS,
        )


@admin.register(models.Group)
class GroupAdmin(ResultsGridMixin, ResultsNotRecordedAction, EditorAdmin):
    form = GroupForm
    change_form_template = "admin/tournaments/results_grid_change_form.html"
    list_display = ["name", "season", "stage", "region", "results_recorded", "results_link"]
    list_filter = ["season", "stage", region_filter(), "results_recorded"]
    search_fields = ["name"]
    list_select_related = ["season", "region__season"]
    autocomplete_fields = ["region"]
    inlines = [GroupTeamInline, GroupMatchInline, GroupProgressionInline, citation_inline("group")]
    actions = ["mark_results_not_recorded"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("season", "region__season")

    def grid_matches(self, group):
        return group.matches.order_by("round_number", "date", "order", "pk")


class TieInline(EditorTabularInline):
    model = models.Tie
    autocomplete_fields = ["team_a", "team_b"]
    related = ["team_a", "team_b"]
    show_change_link = True


@admin.register(models.KnockoutRound)
class KnockoutRoundAdmin(ResultsGridMixin, ResultsNotRecordedAction, EditorAdmin):
    change_form_template = "admin/tournaments/results_grid_change_form.html"
    grid_fields = KNOCKOUT_FIELDS
    list_display = ["name", "season", "stage", "region", "kind", "results_recorded", "results_link"]
    list_filter = ["season", "stage", region_filter(), "kind", "results_recorded"]
    search_fields = ["name"]
    list_select_related = ["season", "region__season"]
    autocomplete_fields = ["region", "group"]
    inlines = [TieInline, citation_inline("knockout_round")]
    actions = ["mark_results_not_recorded"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("season", "region__season", "group__season", "group__region")
        )

    def grid_matches(self, knockout_round):
        return models.Match.objects.filter(tie__round=knockout_round).order_by("tie__order", "tie__pk", "leg", "pk")


class TieLegInline(EditorStackedInline):
    """Each leg as a small block of rows rather than one 13-column table row, so the page fits 1,280 px."""

    model = models.Match
    form = MatchForm
    formset = TieLegsFormSet
    fk_name = "tie"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("leg", "date", "status"),
                    ("home_team", "home_score"),
                    ("away_team", "away_score"),
                    ("after_extra_time", "home_penalties", "away_penalties"),
                    ("minute_stopped", "sides_known"),
                    "seen_version",
                ]
            },
        )
    ]
    autocomplete_fields = ["home_team", "away_team"]
    related = ["home_team", "away_team"]


@admin.register(models.Tie)
class TieAdmin(EditorAdmin):
    list_display = ["__str__", "round", "legs"]
    list_filter = ["round__season", "round__stage", region_filter("round__region")]
    search_fields = ["team_a__name", "team_b__name"]
    folded_search_fields = ["team_a__search_name", "team_b__search_name"]
    list_select_related = ["team_a", "team_b", "round__season", "round__region__season"]
    autocomplete_fields = ["round", "team_a", "team_b"]
    inlines = [TieLegInline, TieProgressionInline, citation_inline("tie")]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("team_a", "team_b", "round__season", "round__region")


@admin.register(models.Match)
class MatchAdmin(EditorAdmin):
    form = MatchForm
    # Few, narrow columns so the score boxes stay on screen next to the sidebar.
    list_display = ["fixture", "where", "date", "home_score", "away_score", "status"]
    list_display_links = ["fixture"]
    list_editable = ["home_score", "away_score", "status"]
    # Each row is a small form (two score boxes, a status, its version): 50 of them render in about half the time
    # of Django's default 100, and editors narrow the list by season and region anyway.
    list_per_page = 50
    list_filter = ["season", StageFilter, region_filter(), "status"]
    search_fields = ["home_team__name", "away_team__name"]
    folded_search_fields = ["home_team__search_name", "away_team__search_name"]
    list_select_related = ["season", "region", "group", "tie__round", "home_team", "away_team"]
    autocomplete_fields = ["region", "group", "tie", "home_team", "away_team"]
    # The change page's boxes name the region, group and tie, whose __str__ walks these.
    related = ["region__season", "group__season", "group__region", "tie__team_a", "tie__team_b"]
    related += ["tie__round__season", "tie__round__region"]
    actions = ["mark_not_played"]
    inlines = [citation_inline("match")]
    fieldsets = [
        (
            None,
            {"fields": ["season", "region", "group", "tie", "leg", "round_number", "date", "order", "seen_version"]},
        ),
        (_("Teams and score"), {"fields": ["home_team", "away_team", "sides_known", "home_score", "away_score"]}),
        (
            _("Extra time, penalties and rulings"),
            {
                "fields": [
                    "after_extra_time",
                    "home_penalties",
                    "away_penalties",
                    "status",
                    "minute_stopped",
                    "declared_result",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        # The changelist skips list_select_related once the queryset has any select_related, so name it all here
        # (the autocomplete for a note's match uses this queryset too).
        return super().get_queryset(request).select_related(*self.list_select_related)

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", ChangelistMatchForm)
        return super().get_changelist_form(request, **kwargs)

    @admin.display(description=_("match"), ordering="home_team__name")
    def fixture(self, match):
        return f"{match.home_team} v {match.away_team}"

    @admin.display(description=_("season, stage and group or round"), ordering="season__year")
    def where(self, match):
        place = match.group.name if match.group_id else (match.tie.round.name if match.tie_id else "")
        if match.round_number:
            place = _("{place}, round {number}").format(place=place, number=match.round_number)
        region = place_label(match.region if match.region_id else None)
        return " · ".join(str(part) for part in (match.season.year, region, place) if part)

    @admin.action(description=_("Mark selected matches as not played"))
    def mark_not_played(self, request, queryset):
        matches = list(queryset)
        # A recorded score is never thrown away by a batch action; those matches are left for the editor to decide.
        with_score = [m for m in matches if m.home_score is not None or m.home_penalties is not None]
        changed = [m for m in matches if m not in with_score and m.status != MatchStatus.NOT_PLAYED]
        for match in changed:
            match.status = MatchStatus.NOT_PLAYED
        save_each(request, changed, _("Marked as not played with the match list's action."))
        if count := len(changed):
            self.message_user(
                request,
                ngettext("%(count)d match marked as not played.", "%(count)d matches marked as not played.", count)
                % {"count": count},
                messages.SUCCESS,
            )
        if with_score:
            self.message_user(
                request,
                ngettext(
                    "%(count)d match has a score and was left as it is: clear its score first.",
                    "%(count)d matches have a score and were left as they are: clear their scores first.",
                    len(with_score),
                )
                % {"count": len(with_score)},
                messages.WARNING,
            )
