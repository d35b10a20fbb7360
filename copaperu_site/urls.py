from django.contrib import admin
from django.urls import include, path

from tournaments.admin_import import import_season_view

urlpatterns = [
    path(
        "admin/tournaments/season/import/",
        admin.site.admin_view(import_season_view),
        name="tournaments-import-season",
    ),
    path("admin/", admin.site.urls),
    path("", include("tournaments.urls")),
]
