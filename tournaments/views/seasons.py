"""The home page, the season list, a season's overview and its departmental qualifiers."""

from django.db.models import OuterRef, Subquery
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from .. import selectors
from ..filters import QualifierFilter
from ..models import Qualifier, RegionDepartment, Season
from ..presentation.stages import runner_up_reason
from ..tables import ChampionsTable, QualifierTable, SeasonTable
from .base import PageMixin, PageTable, season_or_404

SEASONS_CRUMB = (_("Seasons"), reverse_lazy("tournaments:season-list"))


def season_rows(seasons):
    facts = selectors.season_facts(seasons)
    rows = []
    for season in seasons:
        podium = facts[season.pk]
        recorded = _("{qualifiers} qualifiers; results for {recorded} of {total} groups and rounds").format(
            qualifiers=season.qualifier_count, recorded=season.sections_recorded, total=season.sections_total
        )
        rows.append(
            {
                "season": season,
                "champion": season.champion,
                "runner_up": podium.runner_up,
                "promoted": podium.promoted or None,
                "recorded": recorded,
            }
        )
    return rows


def season_crumbs(season):
    return [SEASONS_CRUMB, (str(season.year), season.get_absolute_url())]


class HomeView(PageMixin, TemplateView):
    template_name = "tournaments/home.html"
    roll_length = 10

    def get_context_data(self, **kwargs):
        seasons = list(selectors.seasons_for_list()[: self.roll_length])
        rows = season_rows(seasons)
        table = ChampionsTable(rows, caption=_("Roll of champions, latest first"))
        return super().get_context_data(latest=rows[0] if rows else None, champions=table, **kwargs)

    def get_page_meta(self, context):
        description = _(
            "Every Copa Perú season: departmental qualifiers, regional groups, the national stage, rulings."
        )
        return _("Copa Perú archive"), description, []

    def get_page_tables(self, context):
        return [PageTable("champions", _("Roll of champions"), context["champions"], _("Copa Perú, roll of champions"))]


class SeasonListView(PageMixin, ListView):
    template_name = "tournaments/season_list.html"
    query_parameters = (*PageMixin.query_parameters, "page")
    paginate_by = 50

    def get_queryset(self):
        return selectors.seasons_for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["seasons_table"] = SeasonTable(season_rows(context["object_list"]), caption=_("Copa Perú seasons"))
        return context

    def get_page_meta(self, context):
        description = _("Every Copa Perú season with its champion, runner-up, promoted teams and recorded results.")
        return _("Copa Perú seasons"), description, [SEASONS_CRUMB]

    def get_page_tables(self, context):
        return [PageTable("seasons", _("Seasons"), context["seasons_table"], _("Copa Perú, all seasons"))]


class SeasonDetailView(PageMixin, TemplateView):
    template_name = "tournaments/season_detail.html"

    def get_context_data(self, **kwargs):
        season = season_or_404(self.kwargs["year"], selectors.season_overview)
        stages = sorted(season.stages.all(), key=lambda stage: stage.sort_key)
        facts = selectors.season_facts([season])[season.pk]
        runner_up_how = runner_up_reason(facts.runner_up_progression) if facts.runner_up_progression else ""
        see_also = [line.strip() for line in season.see_also.splitlines() if line.strip()]
        context = {"season": season, "stages": stages, "facts": facts, "runner_up_how": runner_up_how}
        return super().get_context_data(**context, see_also=see_also, **kwargs)

    def get_page_meta(self, context):
        season = context["season"]
        champion = season.champion.name if season.champion else _("not recorded")
        description = _("Copa Perú {year}: champion {champion}; stages, team changes, rulings and every result.")
        title = _("Copa Perú {year}").format(year=season.year)
        return title, description.format(year=season.year, champion=champion), season_crumbs(season)


class DepartmentalView(PageMixin, SingleTableMixin, FilterView):
    template_name = "tournaments/departmental.html"
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
        caption = _("Teams that qualified for the {year} Regional Stage").format(year=self.season.year)
        return {"caption": caption}

    def get_context_data(self, **kwargs):
        return super().get_context_data(season=self.season, **kwargs)

    def get_page_meta(self, context):
        year = self.season.year
        title = _("Copa Perú {year} departmental qualifiers").format(year=year)
        description = _("The teams each of Peru's departments sent to the {year} Copa Perú regional stage.")
        url = reverse("tournaments:season-departmental", args=[year])
        return title, description.format(year=year), [*season_crumbs(self.season), (_("Departmental stage"), url)]

    def get_page_tables(self, context):
        citation = _("Copa Perú {year}, Departmental Stage qualifiers").format(year=self.season.year)
        return [PageTable("qualifiers", _("Qualifiers"), context["table"], citation)]

    def export_name(self, context):
        return f"copa-peru-{self.season.year}"
