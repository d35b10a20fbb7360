"""The team directory, a team's history and a department's qualifiers."""

from django.http import Http404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from .. import selectors
from ..filters import TeamFilter
from ..models import Department, Team
from ..presentation.stages import group_finish, reached_label, tie_line
from ..tables import NOT_RECORDED, DepartmentQualifierTable, TeamDirectoryTable, TeamSeasonTable
from .base import PageMixin, PageTable

TEAMS_CRUMB = (_("Teams"), reverse_lazy("tournaments:team-list"))


class TeamListView(PageMixin, SingleTableMixin, FilterView):
    template_name = "tournaments/team_list.html"
    query_parameters = (*PageMixin.query_parameters, "sort", "page", "per_page", "department")
    table_class = TeamDirectoryTable
    filterset_class = TeamFilter
    # One page, however many clubs: a directory of a few hundred prints whole and has an A–Z jump instead.
    table_pagination = False

    def get_queryset(self):
        return selectors.teams_for_directory().order_by("sort_name")

    def get_table_kwargs(self):
        return {"caption": _("Every team in the archive")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_name = self.request.GET.get("sort", "name") == "name"
        context["initials"] = context["table"].mark_initials() if by_name else []
        return context

    def get_page_meta(self, context):
        description = _("Every club that has played the Copa Perú stages in the archive, by department.")
        return _("Copa Perú teams"), description, [TEAMS_CRUMB]

    def get_page_tables(self, context):
        return [PageTable("teams", _("Teams"), context["table"], _("Copa Perú, team directory"))]


def _finishes(entry):
    return "; ".join(group_finish(view, row) for view, row in entry.group_rows) or None


class TeamDetailView(PageMixin, TemplateView):
    template_name = "tournaments/team_detail.html"

    def get_context_data(self, **kwargs):
        try:
            team, history = selectors.team_history(self.kwargs["slug"])
        except Team.DoesNotExist:
            raise Http404(_("No team with that address in the archive.")) from None
        rows, campaigns = [], []
        for entry in history:
            reached = entry.reached
            entry.tie_lines = [
                (playoff, tie, tie_line(team, tie, entry.season.champion_id)) for playoff, tie in entry.ties
            ]
            if reached is None:
                continue  # only in the season's team changes: no Copa Perú campaign to show
            campaigns.append(entry)
            rows.append(
                {
                    "season": entry.season,
                    "department": entry.qualifier.department if entry.qualifier else None,
                    "location": (entry.qualifier.location or NOT_RECORDED) if entry.qualifier else None,
                    "reached": reached_label(reached),
                    "groups": _finishes(entry),
                }
            )
        table = TeamSeasonTable(rows, caption=_("{team} in the Copa Perú, season by season").format(team=team.name))
        context = {"team": team, "history": history, "campaigns": campaigns, "seasons_table": table}
        context["changes"] = [change for entry in history for change in entry.changes]
        context["has_matches"] = any(entry.matches or entry.ties for entry in history)
        return super().get_context_data(**context, **kwargs)

    def get_page_meta(self, context):
        team, history = context["team"], context["history"]
        years = ", ".join(str(entry.season.year) for entry in history)
        description = _("{team} in the Copa Perú ({years}): qualifying, group finishes, matches and how far it went.")
        return team.name, description.format(team=team.name, years=years), [TEAMS_CRUMB, (team.name, "")]

    def get_page_tables(self, context):
        team = context["team"]
        citation = _("Copa Perú, {team} season by season").format(team=team.name)
        return [PageTable("seasons", _("Seasons"), context["seasons_table"], citation)]

    def export_name(self, context):
        return context["team"].slug


class DepartmentDetailView(PageMixin, TemplateView):
    template_name = "tournaments/department_detail.html"

    def get_context_data(self, **kwargs):
        try:
            department, qualifiers = selectors.department_history(self.kwargs["slug"])
        except Department.DoesNotExist:
            raise Http404(_("No department with that address; Peru has 25, Callao included.")) from None
        caption = _("Teams {department} sent to the regional stage, latest season first")
        table = DepartmentQualifierTable(qualifiers, caption=caption.format(department=department.name))
        return super().get_context_data(department=department, qualifiers_table=table, **kwargs)

    def get_page_meta(self, context):
        name = context["department"].name
        description = _("The teams {department} sent to each Copa Perú regional stage in the archive.")
        title = _("{department} in the Copa Perú").format(department=name)
        crumbs = [(_("Departments"), reverse("tournaments:department-list")), (name, "")]
        return title, description.format(department=name), crumbs

    def get_page_tables(self, context):
        citation = _("Copa Perú, qualifiers from {department}").format(department=context["department"].name)
        return [PageTable("qualifiers", _("Qualifiers"), context["qualifiers_table"], citation)]

    def export_name(self, context):
        return context["department"].slug
