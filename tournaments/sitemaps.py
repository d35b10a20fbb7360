"""sitemap.xml: the directory pages and every season, stage, region, team and department page."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Department, Region, Season, Team

SEASON_PAGES = ["season-detail", "season-departmental", "season-regional", "season-national"]


class DirectorySitemap(Sitemap):
    def items(self):
        return ["home", "season-list", "team-list", "department-list"]

    def location(self, item):
        return reverse(f"tournaments:{item}")


class SeasonSitemap(Sitemap):
    def items(self):
        return [(year, page) for year in Season.objects.values_list("year", flat=True) for page in SEASON_PAGES]

    def location(self, item):
        year, page = item
        return reverse(f"tournaments:{page}", args=[year])


class RegionSitemap(Sitemap):
    def items(self):
        return Region.objects.select_related("season").order_by("season__year", "number")


class TeamSitemap(Sitemap):
    def items(self):
        return Team.objects.order_by("name")


class DepartmentSitemap(Sitemap):
    def items(self):
        return Department.objects.order_by("name")


SITEMAPS = {
    "directory": DirectorySitemap,
    "seasons": SeasonSitemap,
    "regions": RegionSitemap,
    "teams": TeamSitemap,
    "departments": DepartmentSitemap,
}
