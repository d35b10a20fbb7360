"""The editors' admin: every model registered with useful columns, search and filters."""

from django.contrib import admin

from . import models


@admin.register(models.Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(models.Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "search_name"]


class StageInline(admin.TabularInline):
    model = models.Stage
    extra = 0


class TeamChangeInline(admin.TabularInline):
    model = models.TeamChange
    extra = 0
    autocomplete_fields = ["team"]


@admin.register(models.Season)
class SeasonAdmin(admin.ModelAdmin):
    list_display = ["year", "champion", "points_for_win", "points_for_draw"]
    search_fields = ["year", "champion__name"]
    autocomplete_fields = ["champion"]
    inlines = [StageInline, TeamChangeInline]


class RegionDepartmentInline(admin.TabularInline):
    model = models.RegionDepartment
    extra = 0
    autocomplete_fields = ["department"]


@admin.register(models.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "season", "number", "format", "places_advancing"]
    list_filter = ["season", "format"]
    list_select_related = ["season"]
    inlines = [RegionDepartmentInline]


@admin.register(models.Qualifier)
class QualifierAdmin(admin.ModelAdmin):
    list_display = ["team", "department", "location", "season"]
    list_filter = ["season", "department"]
    search_fields = ["team__name", "team__search_name", "location"]
    list_select_related = ["team", "department", "season"]
    autocomplete_fields = ["team", "department"]


class GroupTeamInline(admin.TabularInline):
    model = models.GroupTeam
    extra = 0
    autocomplete_fields = ["team"]


class GroupMatchInline(admin.TabularInline):
    model = models.Match
    fk_name = "group"
    extra = 0
    fields = ["round_number", "date", "home_team", "home_score", "away_score", "away_team", "status"]
    autocomplete_fields = ["home_team", "away_team"]


@admin.register(models.Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "season", "stage", "region", "results_recorded"]
    list_filter = ["season", "stage", "results_recorded"]
    search_fields = ["name"]
    list_select_related = ["season", "region__season"]
    inlines = [GroupTeamInline, GroupMatchInline]


class TieInline(admin.TabularInline):
    model = models.Tie
    extra = 0
    autocomplete_fields = ["team_a", "team_b"]


@admin.register(models.KnockoutRound)
class KnockoutRoundAdmin(admin.ModelAdmin):
    list_display = ["name", "season", "stage", "region", "kind", "results_recorded"]
    list_filter = ["season", "stage", "kind", "results_recorded"]
    search_fields = ["name"]
    list_select_related = ["season", "region__season"]
    inlines = [TieInline]


class TieMatchInline(admin.TabularInline):
    model = models.Match
    fk_name = "tie"
    extra = 0
    fields = ["leg", "date", "home_team", "home_score", "away_score", "away_team", "status"]
    autocomplete_fields = ["home_team", "away_team"]


@admin.register(models.Tie)
class TieAdmin(admin.ModelAdmin):
    list_display = ["__str__", "round", "legs"]
    list_filter = ["round__season", "round__stage"]
    search_fields = ["team_a__name", "team_b__name"]
    list_select_related = ["team_a", "team_b", "round__season", "round__region__season"]
    autocomplete_fields = ["team_a", "team_b"]
    inlines = [TieMatchInline]


@admin.register(models.Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "season", "date", "status", "home_score", "away_score"]
    list_filter = ["season", "status"]
    search_fields = ["home_team__name", "away_team__name", "home_team__search_name", "away_team__search_name"]
    list_select_related = ["season", "home_team", "away_team"]
    autocomplete_fields = ["home_team", "away_team"]


@admin.register(models.Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "season", "kind", "decided_by"]
    list_filter = ["season", "kind"]
    search_fields = ["text", "decision"]
    list_select_related = ["season"]


@admin.register(models.PointsAdjustment)
class PointsAdjustmentAdmin(admin.ModelAdmin):
    list_display = ["team", "points", "season", "region", "group"]
    list_filter = ["season"]
    search_fields = ["team__name", "reason"]
    list_select_related = ["team", "season", "region__season", "group__season"]
    autocomplete_fields = ["team"]
