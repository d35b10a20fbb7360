"""The team directory, a team's history and a department's qualifiers."""

from django.http import Http404
from django.views.generic import TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from .. import selectors
from ..filters import TeamFilter
from ..models import Department, Team
from ..presentation import pages, roll
from ..presentation.sources import other_name_sentence
from ..presentation.stages import group_finish, reached_label, tie_line
from ..tables import NOT_RECORDED, DepartmentQualifierTable, TeamDirectoryTable, TeamSeasonTable
from .base import PageMixin


class TeamListView(PageMixin, SingleTableMixin, FilterView):
    template_name = "tournaments/team_list.html"
    export_table = ("teams", "table")
    query_parameters = (*PageMixin.query_parameters, "sort", "page", "per_page", "department")
    table_class = TeamDirectoryTable
    filterset_class = TeamFilter
    # One page, however many clubs: a directory of a few hundred prints whole and has an A–Z jump instead.
    table_pagination = False

    def get_queryset(self):
        return selectors.teams_for_directory().order_by("sort_name")

    def get_table_kwargs(self):
        return {"caption": pages.team_list().caption}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_name = self.request.GET.get("sort", "name") == "name"
        context["initials"] = context["table"].mark_initials() if by_name else []
        return context

    def get_page_words(self, context):
        return pages.team_list()


def _finishes(entry):
    return "; ".join(group_finish(view, row) for view, row in entry.group_rows) or None


class TeamDetailView(PageMixin, TemplateView):
    template_name = "tournaments/team_detail.html"
    export_table = ("seasons", "seasons_table")

    def get_context_data(self, **kwargs):
        try:
            team, history = selectors.team_history(self.kwargs["slug"])
        except Team.DoesNotExist:
            raise Http404(pages.no_team()) from None
        rows, campaigns = [], []
        years = [entry.season.year for entry in history]
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
        table = TeamSeasonTable(rows, caption=pages.team_detail(team, years).caption)
        context = {"team": team, "history": history, "campaigns": campaigns, "seasons_table": table}
        context["honours"] = roll.honours_sentences(selectors.team_honours(team, history))
        context["changes"] = [change for entry in history for change in entry.changes]
        context["other_names"] = [other_name_sentence(alias) for alias in selectors.team_aliases(team)]
        context["has_matches"] = any(entry.matches or entry.ties for entry in history)
        return super().get_context_data(**context, **kwargs)

    def get_page_words(self, context):
        return pages.team_detail(context["team"], [entry.season.year for entry in context["history"]])

    def export_name(self, context):
        return context["team"].slug


class DepartmentDetailView(PageMixin, TemplateView):
    template_name = "tournaments/department_detail.html"
    export_table = ("qualifiers", "qualifiers_table")

    def get_context_data(self, **kwargs):
        try:
            department, qualifiers = selectors.department_history(self.kwargs["slug"])
        except Department.DoesNotExist:
            raise Http404(pages.no_department()) from None
        table = DepartmentQualifierTable(qualifiers, caption=pages.department_detail(department).caption)
        return super().get_context_data(department=department, qualifiers_table=table, **kwargs)

    def get_page_words(self, context):
        return pages.department_detail(context["department"])

    def export_name(self, context):
        return context["department"].slug
