"""The home page, the season list, a season's overview and its departmental qualifiers."""

from django.db.models import OuterRef, Subquery
from django.utils.functional import SimpleLazyObject
from django.views.generic import ListView, TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from .. import selectors
from ..filters import QualifierFilter
from ..models import Qualifier, RegionDepartment, Season, SeasonFact
from ..presentation import pages, roll
from ..presentation.stages import runner_up_reason
from ..selectors.season_parts import recorded_parts
from ..selectors.sources import season_sources
from ..tables import ChampionsTable, QualifierTable, SeasonTable
from .base import PageMixin, season_or_404


def season_rows(seasons):
    """The rows of SeasonTable and ChampionsTable for seasons from ``selectors.seasons_for_list``."""
    facts = selectors.season_facts(seasons)
    # Only the CSV and the .xlsx show a row's sources: the query runs when an export first asks for them.
    cited = SimpleLazyObject(lambda: selectors.fact_sources(seasons))
    rows = []
    for season in seasons:
        podium = facts[season.pk]
        disputed = selectors.disputed_facts(season)
        basis = podium.runner_up_progression.basis if podium.runner_up_progression else ""
        rows.append(
            {
                "season": season,
                "status": season.status,
                "status_text": roll.status_label(season.status),
                "champion": season.champion,
                "champion_disputed": SeasonFact.CHAMPION in disputed,
                "disputed_note": roll.disputed_note(season) if disputed else "",
                "runner_up": podium.runner_up,
                "runner_up_basis": basis,
                "runner_up_derived": roll.runner_up_derived_label(basis),
                "runner_up_disputed": SeasonFact.RUNNER_UP in disputed,
                "confidence": season.confidence,
                "promoted": podium.promoted or None,
                "recorded": roll.recorded_summary(season, podium),
                "fact_sources": lambda pk=season.pk: cited.get(pk, []),
            }
        )
    return rows


def roll_context():
    """What the roll of champions' pages show beside their table: the confidence legend."""
    return {"confidence_legend": roll.CONFIDENCE_LEGEND}


class HomeView(PageMixin, TemplateView):
    template_name = "tournaments/home.html"
    export_table = ("champions", "champions")

    def get_context_data(self, **kwargs):
        # Every season, like /seasons/: the roll of champions is the whole roll, 1967 to the latest year.
        rows = season_rows(list(selectors.seasons_for_list()))
        table = ChampionsTable(rows, caption=pages.home().caption)
        return super().get_context_data(latest=rows[0] if rows else None, champions=table, **roll_context(), **kwargs)

    def get_page_words(self, context):
        return pages.home()


class SeasonListView(PageMixin, ListView):
    template_name = "tournaments/season_list.html"
    export_table = ("seasons", "seasons_table")
    query_parameters = (*PageMixin.query_parameters, "page")
    # Every season on one page: a year is 1900-2100 (Season's constraint), so 201 rows always fit. The paginator
    # stays so that old links to ?page=1 still answer, and any other page a 404, as they did.
    paginate_by = 201

    def get_queryset(self):
        return selectors.seasons_for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        caption = pages.season_list().caption
        context["seasons_table"] = SeasonTable(season_rows(context["object_list"]), caption=caption)
        context.update(roll_context())
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
        basis = facts.runner_up_progression.basis if facts.runner_up_derived else ""
        see_also = [line.strip() for line in season.see_also.splitlines() if line.strip()]
        context = {"season": season, "stages": stages, "facts": facts, "runner_up_how": runner_up_how}
        context["runner_up_derived"] = roll.runner_up_derived_sentence(basis)
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
