from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("tournaments.urls")),
]

# A 404 written for a fan: the view's own sentence, never Django's exception name.
handler404 = "tournaments.views.errors.page_not_found"
