"""sitemap.xml: the directory pages and every season, stage, region, team and department page, in both languages.

Each page is listed once per language (/seasons/2008/ and /es/temporadas/2008/), each entry naming both versions
and the English one as x-default, as search engines ask of a translated site.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404
from django.urls import reverse

from .models import Department, Region, Season, Team

SEASON_PAGES = ["season-detail", "season-departmental", "season-regional", "season-national"]


class TranslatedSitemap(Sitemap):
    """A page per language (``location`` is called with each language active), with its alternates and x-default.

    Django's own ``x_default`` finds the default language's address by deleting "/en/" from it, which would also
    cut it out of a slug (a team "en"); the English alternate already is that address, so it is taken as it is.
    """

    i18n = True
    alternates = True

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            default = next(alt for alt in url["alternates"] if alt["lang_code"] == settings.LANGUAGE_CODE)
            url["alternates"].append({"location": default["location"], "lang_code": "x-default"})
        return urls


def sitemap(request, sitemaps, **kwargs):
    """Django's sitemap view at /sitemap.xml only: it already lists both languages, so /es/sitemap.xml is no copy."""
    if request.LANGUAGE_CODE != settings.LANGUAGE_CODE:
        raise Http404()
    return django_sitemap(request, sitemaps, **kwargs)


class DirectorySitemap(TranslatedSitemap):
    def items(self):
        return ["home", "season-list", "team-list", "department-list"]

    def location(self, item):
        return reverse(f"tournaments:{item}")


class SeasonSitemap(TranslatedSitemap):
    """Every season's overview; the stage pages of the seasons that were held (a year the Copa Perú was not held has
    no stages for a search engine to list)."""

    def items(self):
        seasons = Season.objects.values_list("year", "status")
        return [
            (year, page)
            for year, status in seasons
            for page in (SEASON_PAGES if status != Season.Status.NOT_HELD else SEASON_PAGES[:1])
        ]

    def location(self, item):
        year, page = item
        return reverse(f"tournaments:{page}", args=[year])


class RegionSitemap(TranslatedSitemap):
    def items(self):
        return Region.objects.select_related("season").order_by("season__year", "number")


class TeamSitemap(TranslatedSitemap):
    def items(self):
        return Team.objects.order_by("name")


class DepartmentSitemap(TranslatedSitemap):
    def items(self):
        return Department.objects.order_by("name")


SITEMAPS = {
    "directory": DirectorySitemap,
    "seasons": SeasonSitemap,
    "regions": RegionSitemap,
    "teams": TeamSitemap,
    "departments": DepartmentSitemap,
}
