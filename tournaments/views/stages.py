"""The regional stage (every region, then one region) and the national stage of a season."""

from django.http import Http404
from django.views.generic import TemplateView

from .. import selectors
from ..models import Region
from ..presentation import pages
from ..presentation.sections import section_name
from ..presentation.stages import went_on_pairs
from ..selectors.sources import season_sources
from ..tables import RegionTable, StandingsTable
from ..text import from_roman
from .base import PageMixin, PageTable, canonical_redirect, check_year, season_or_404


def standings_tables(stage, citation, sources):
    """A PageTable for each group whose results are recorded; a group's section finds its own by its anchor.

    Each row's sources, in the exports, are its group's (``sources``: the season's SeasonSources)."""
    tables = []
    for view in stage.groups:
        if view.table.recorded:
            rows = [row.as_dict() for row in view.table.rows]
            caption, group_citation = pages.group_table(view.group, citation)
            numbers = sources.numbers_of(view.group)
            table = StandingsTable(rows, caption=caption, footnotes=lambda record, numbers=numbers: numbers)
            tables.append(PageTable(view.group.anchor, section_name(view.group.name), table, group_citation))
    return tables


class RegionalView(PageMixin, TemplateView):
    template_name = "tournaments/regional.html"
    export_table = ("regions", "regions_table")

    def get_context_data(self, **kwargs):
        season, regions = season_or_404(self.kwargs["year"], selectors.regional_overview)
        rows = [
            {
                "region": region,
                "departments": [membership.department for membership in region.memberships.all()],
                "through": went_on_pairs(region.stage.went_on) or None,
                "places": region.places_advancing,
            }
            for region in regions
        ]
        sources = season_sources(season, versions=False)
        table = RegionTable(
            rows, caption=pages.regional(season).caption, footnotes=lambda row: sources.numbers_of(row["region"])
        )
        return super().get_context_data(season=season, regions_table=table, sources=sources, **kwargs)

    def get_page_words(self, context):
        return pages.regional(context["season"])

    def export_name(self, context):
        return f"copa-peru-{context['season'].year}-regional"


class RegionDetailView(PageMixin, TemplateView):
    template_name = "tournaments/region_detail.html"

    def get(self, request, *args, **kwargs):
        lower = kwargs["roman"].lower()
        if kwargs["roman"] != lower and from_roman(lower):
            return canonical_redirect(request, "tournaments:region-detail", kwargs["year"], lower)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        year, roman = self.kwargs["year"], self.kwargs["roman"]
        number = from_roman(roman) if roman == roman.lower() else None
        check_year(year)
        try:
            region, stage = selectors.region_page(year, number) if number else (None, None)
        except Region.DoesNotExist:
            region = None
        if region is None:
            raise Http404(pages.no_region(year, roman))
        sources = season_sources(region.season, versions=False)
        return super().get_context_data(season=region.season, region=region, stage=stage, sources=sources, **kwargs)

    def get_page_words(self, context):
        return pages.region_detail(context["season"], context["region"])

    def get_page_tables(self, context, words):
        return standings_tables(context["stage"], words.citation, context["sources"])

    def export_name(self, context):
        return f"copa-peru-{context['season'].year}-region-{context['region'].numeral.lower()}"


class NationalView(PageMixin, TemplateView):
    template_name = "tournaments/national.html"

    def get_context_data(self, **kwargs):
        season, stage = season_or_404(self.kwargs["year"], selectors.national_stage)
        return super().get_context_data(
            season=season, stage=stage, sources=season_sources(season, versions=False), **kwargs
        )

    def get_page_words(self, context):
        return pages.national(context["season"])

    def get_page_tables(self, context, words):
        return standings_tables(context["stage"], words.citation, context["sources"])

    def export_name(self, context):
        return f"copa-peru-{context['season'].year}-national"
