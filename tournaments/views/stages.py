"""The regional stage (every region, then one region) and the national stage of a season."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .. import selectors
from ..models import Region
from ..presentation.stages import region_label, went_on_pairs
from ..tables import RegionTable, StandingsTable
from ..text import from_roman
from .base import PageMixin, PageTable, canonical_redirect, check_year, season_or_404
from .seasons import season_crumbs


def standings_tables(stage, citation):
    """A PageTable for each group whose results are recorded; a group's section finds its own by its anchor."""
    tables = []
    for view in stage.groups:
        if view.table.recorded:
            rows = [row.as_dict() for row in view.table.rows]
            table = StandingsTable(rows, caption=_("{group} standings").format(group=view.group.name))
            tables.append(PageTable(view.group.anchor, view.group.name, table, f"{citation}, {view.group.name}"))
    return tables


def regional_crumbs(season):
    return [*season_crumbs(season), (_("Regional stage"), reverse("tournaments:season-regional", args=[season.year]))]


class RegionalView(PageMixin, TemplateView):
    template_name = "tournaments/regional.html"

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
        table = RegionTable(rows, caption=_("Regions of the {year} Regional Stage").format(year=season.year))
        return super().get_context_data(season=season, regions_table=table, **kwargs)

    def get_page_meta(self, context):
        year = context["season"].year
        title = _("Copa Perú {year} regional stage").format(year=year)
        description = _("The regions of the {year} Copa Perú, their departments and the teams that went through.")
        return title, description.format(year=year), regional_crumbs(context["season"])

    def get_page_tables(self, context):
        citation = _("Copa Perú {year}, Regional Stage").format(year=context["season"].year)
        return [PageTable("regions", _("Regions"), context["regions_table"], citation)]

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
            raise Http404(
                _("Copa Perú {year} has no {region} in the archive.").format(year=year, region=region_label(roman))
            )
        return super().get_context_data(season=region.season, region=region, stage=stage, **kwargs)

    def get_page_meta(self, context):
        region, season = context["region"], context["season"]
        name = region_label(region.numeral)
        title = _("Copa Perú {year} {region}").format(year=season.year, region=name)
        departments = ", ".join(department.name for department in region.department_list)
        description = _("{region} of the {year} Copa Perú ({departments}): groups, results and rulings.")
        crumbs = [*regional_crumbs(season), (name, "")]
        return title, description.format(region=name, year=season.year, departments=departments), crumbs

    def get_page_tables(self, context):
        citation = _("Copa Perú {year}, Regional Stage, {region}")
        return standings_tables(
            context["stage"],
            citation.format(year=context["season"].year, region=region_label(context["region"].numeral)),
        )

    def export_name(self, context):
        return f"copa-peru-{context['season'].year}-region-{context['region'].numeral.lower()}"


class NationalView(PageMixin, TemplateView):
    template_name = "tournaments/national.html"

    def get_context_data(self, **kwargs):
        season, stage = season_or_404(self.kwargs["year"], selectors.national_stage)
        return super().get_context_data(season=season, stage=stage, **kwargs)

    def get_page_meta(self, context):
        season = context["season"]
        title = _("Copa Perú {year} national stage").format(year=season.year)
        description = _("The {year} Copa Perú national stage: knockout rounds, the final and the final group.")
        crumbs = [*season_crumbs(season), (_("National stage"), "")]
        return title, description.format(year=season.year), crumbs

    def get_page_tables(self, context):
        citation = _("Copa Perú {year}, National Stage").format(year=context["season"].year)
        return standings_tables(context["stage"], citation)

    def export_name(self, context):
        return f"copa-peru-{context['season'].year}-national"
