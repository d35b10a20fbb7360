"""Public URLs. Journalists link to these, so they never change; the names are the app's contract."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .caching import reads_query_parameters
from .sitemaps import SITEMAPS

app_name = "tournaments"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("seasons/", views.SeasonListView.as_view(), name="season-list"),
    path("seasons/<int:year>/", views.SeasonDetailView.as_view(), name="season-detail"),
    path("seasons/<int:year>/departmental/", views.DepartmentalView.as_view(), name="season-departmental"),
    path("seasons/<int:year>/regional/", views.RegionalView.as_view(), name="season-regional"),
    path("seasons/<int:year>/regional/<str:roman>/", views.RegionDetailView.as_view(), name="region-detail"),
    path("seasons/<int:year>/national/", views.NationalView.as_view(), name="season-national"),
    path("teams/", views.TeamListView.as_view(), name="team-list"),
    path("teams/<slug:slug>/", views.TeamDetailView.as_view(), name="team-detail"),
    path("departments/", views.DepartmentListView.as_view(), name="department-list"),
    path("departments/<slug:slug>/", views.DepartmentDetailView.as_view(), name="department-detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    # The sitemap index pages its sections with ?p=.
    path("sitemap.xml", reads_query_parameters("p")(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]
