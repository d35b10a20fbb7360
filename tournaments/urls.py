"""Public URLs. Journalists link to these, so they never change; the names are the app's contract.

The same patterns serve both languages (copaperu_site/urls.py puts them under Django's language prefix): English
unprefixed, exactly as always, and Spanish under /es/ with Spanish path words (/es/temporadas/2008/nacional/). Each
word is its own message with the context "URL path word", so the converters stay out of the translators' way.
"""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from . import views
from .caching import reads_query_parameters
from .sitemaps import SITEMAPS, sitemap

app_name = "tournaments"

SEASONS = pgettext_lazy("URL path word", "seasons")
DEPARTMENTAL = pgettext_lazy("URL path word", "departmental")
REGIONAL = pgettext_lazy("URL path word", "regional")
NATIONAL = pgettext_lazy("URL path word", "national")
TEAMS = pgettext_lazy("URL path word", "teams")
DEPARTMENTS = pgettext_lazy("URL path word", "departments")
SEARCH = pgettext_lazy("URL path word", "search")


def route(template, *words):
    """``template`` with its ``{}`` filled by path words in the active language, as a lazy route for path()."""
    return format_lazy(template, *words)


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(route("{}/", SEASONS), views.SeasonListView.as_view(), name="season-list"),
    path(route("{}/<int:year>/", SEASONS), views.SeasonDetailView.as_view(), name="season-detail"),
    path(
        route("{}/<int:year>/{}/", SEASONS, DEPARTMENTAL),
        views.DepartmentalView.as_view(),
        name="season-departmental",
    ),
    path(route("{}/<int:year>/{}/", SEASONS, REGIONAL), views.RegionalView.as_view(), name="season-regional"),
    path(
        route("{}/<int:year>/{}/<str:roman>/", SEASONS, REGIONAL),
        views.RegionDetailView.as_view(),
        name="region-detail",
    ),
    path(route("{}/<int:year>/{}/", SEASONS, NATIONAL), views.NationalView.as_view(), name="season-national"),
    path(route("{}/", TEAMS), views.TeamListView.as_view(), name="team-list"),
    path(route("{}/<slug:slug>/", TEAMS), views.TeamDetailView.as_view(), name="team-detail"),
    path(route("{}/", DEPARTMENTS), views.DepartmentListView.as_view(), name="department-list"),
    path(route("{}/<slug:slug>/", DEPARTMENTS), views.DepartmentDetailView.as_view(), name="department-detail"),
    path(route("{}/", SEARCH), views.SearchView.as_view(), name="search"),
    # One sitemap, at /sitemap.xml, lists both languages (/es/sitemap.xml is a 404). It pages its sections with ?p=.
    path("sitemap.xml", reads_query_parameters("p")(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]
