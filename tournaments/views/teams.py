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
from ..selectors.outcomes import Mark
from ..selectors.stages import finish
from ..tables import NOT_RECORDED, DepartmentQualifierTable, TeamDirectoryTable, TeamSeasonTable
from .base import PageMixin, PageTable

TEAMS_CRUMB = (_("Teams"), reverse_lazy("tournaments:team-list"))


class TeamListView(PageMixin, SingleTableMixin, FilterView):
    template_name = "tournaments/team_list.html"
    table_class = TeamDirectoryTable
    filterset_class = TeamFilter
    # One page, however many clubs: a directory of a few hundred prints whole and has an A–Z jump instead.
    table_pagination = False

    def get_queryset(self):
        return selectors.teams_for_directory().order_by("search_name")

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
    parts = []
    for view, row in entry.group_rows:
        where = f"Region {view.group.region.numeral}" if view.group.region_id else _("National Stage")
        if row is not None and view.table.recorded:
            went_on = {Mark.PROMOTED: _(", promoted"), Mark.ADVANCES: _(", went through")}.get(row.mark, "")
            parts.append(f"{finish(row)} in {view.group.name} ({where}){went_on}")
        else:
            parts.append(f"{view.group.name} ({where}): {_('results not recorded')}")
    return "; ".join(parts) or None


class TeamDetailView(PageMixin, TemplateView):
    template_name = "tournaments/team_detail.html"

    def get_context_data(self, **kwargs):
        try:
            team, history = selectors.team_history(self.kwargs["slug"])
        except Team.DoesNotExist:
            raise Http404(_("No team with that address in the archive.")) from None
        rows = [
            {
                "season": entry.season,
                "department": entry.qualifier.department if entry.qualifier else None,
                "location": (entry.qualifier.location or NOT_RECORDED) if entry.qualifier else None,
                "reached": entry.reached[1] if entry.reached else None,
                "groups": _finishes(entry),
            }
            for entry in history
        ]
        table = TeamSeasonTable(rows, caption=_("{team} in the Copa Perú, season by season").format(team=team.name))
        return super().get_context_data(team=team, history=history, seasons_table=table, **kwargs)

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
