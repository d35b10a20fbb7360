"""The home page, the season list, a season's overview and its departmental qualifiers."""

from django.db.models import OuterRef, Subquery
from django.views.generic import ListView, TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from .. import selectors
from ..filters import QualifierFilter
from ..models import Qualifier, RegionDepartment, Season
from ..presentation import pages
from ..presentation.stages import runner_up_reason
from ..selectors.season_parts import recorded_parts
from ..selectors.sources import season_sources
from ..tables import ChampionsTable, QualifierTable, SeasonTable
from .base import PageMixin, season_or_404


def season_rows(seasons):
    facts = selectors.season_facts(seasons)
    rows = []
    for season in seasons:
        podium = facts[season.pk]
        rows.append(
            {
                "season": season,
                "champion": season.champion,
                "runner_up": podium.runner_up,
                "promoted": podium.promoted or None,
                "recorded": pages.recorded_summary(season),
            }
        )
    return rows


class HomeView(PageMixin, TemplateView):
    template_name = "tournaments/home.html"
    export_table = ("champions", "champions")
    roll_length = 10

    def get_context_data(self, **kwargs):
        seasons = list(selectors.seasons_for_list()[: self.roll_length])
        rows = season_rows(seasons)
        table = ChampionsTable(rows, caption=pages.home().caption)
        return super().get_context_data(latest=rows[0] if rows else None, champions=table, **kwargs)

    def get_page_words(self, context):
        return pages.home()


class SeasonListView(PageMixin, ListView):
    template_name = "tournaments/season_list.html"
    export_table = ("seasons", "seasons_table")
    query_parameters = (*PageMixin.query_parameters, "page")
    paginate_by = 50

    def get_queryset(self):
        return selectors.seasons_for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        caption = pages.season_list().caption
        context["seasons_table"] = SeasonTable(season_rows(context["object_list"]), caption=caption)
        return context

    def get_page_words(self, context):
        return pages.season_list()


class SeasonDetailView(PageMixin, TemplateView):
    template_name = "tournaments/season_detail.html"

    def get_context_data(self, **kwargs):
        season = season_or_404(self.kwargs["year"], selectors.season_overview)
        stages = sorted(season.stages.all(), key=lambda stage: stage.sort_key)
        facts = selectors.season_facts([season])[season.pk]
        runner_up_how = runner_up_reason(facts.runner_up_progression) if facts.runner_up_progression else ""
        see_also = [line.strip() for line in season.see_also.splitlines() if line.strip()]
        context = {"season": season, "stages": stages, "facts": facts, "runner_up_how": runner_up_how}
        context.update(sources=season_sources(season), recorded=recorded_parts(season))
        return super().get_context_data(**context, see_also=see_also, **kwargs)

    def get_page_words(self, context):
        return pages.season_detail(context["season"])


class DepartmentalView(PageMixin, SingleTableMixin, FilterView):
    template_name = "tournaments/departmental.html"
    export_table = ("qualifiers", "table")
    query_parameters = (*PageMixin.query_parameters, "sort", "page", "per_page", "department", "region")
    table_class = QualifierTable
    filterset_class = QualifierFilter
    table_pagination = False

    def dispatch(self, request, *args, **kwargs):
        self.season = season_or_404(
            kwargs["year"], lambda year: Season.objects.prefetch_related("regions").get(year=year)
        )
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        region = RegionDepartment.objects.filter(season=OuterRef("season"), department=OuterRef("department"))
        return (
            Qualifier.objects.for_table()
            .filter(season=self.season)
            .annotate(region_number=Subquery(region.values("region__number")[:1]))
            .order_by("order", "pk")
        )

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "season": self.season}

    def get_table_kwargs(self):
        self.sources = season_sources(self.season, versions=False)
        return {"caption": pages.departmental(self.season).caption, "footnotes": self.sources.numbers_of}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(season=self.season, **kwargs)
        # A filter that matches nothing is not a season without qualifiers: ask the database only then.
        has_qualifiers = len(context["table"].data) > 0 or self.get_queryset().exists()
        context.update(sources=self.sources, has_qualifiers=has_qualifiers)
        return context

    def get_page_words(self, context):
        return pages.departmental(self.season)

    def export_name(self, context):
        return f"copa-peru-{self.season.year}"
