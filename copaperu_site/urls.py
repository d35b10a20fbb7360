from django.contrib import admin
from django.urls import URLResolver, include, path
from django.urls.resolvers import LocalePrefixPattern

# The public pages in both languages: English unprefixed (every existing address unchanged, never redirected) and
# Spanish under /es/. This is i18n_patterns(include("tournaments.urls"), prefix_default_language=False) with one
# resolver fewer, so the app's named patterns sit directly under the language prefix.
_public_urls, _app_name, _namespace = include("tournaments.urls")

urlpatterns = [
    path("admin/", admin.site.urls),
    URLResolver(
        LocalePrefixPattern(prefix_default_language=False), _public_urls, app_name=_app_name, namespace=_namespace
    ),
]

# A 404 written for a fan: the view's own sentence, never Django's exception name.
handler404 = "tournaments.views.errors.page_not_found"
# The 500 page in the language of the address (/es/... in Spanish), without the database.
handler500 = "tournaments.views.errors.server_error"
