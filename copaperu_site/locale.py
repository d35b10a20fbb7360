"""Which language a request is answered in: the address decides on the public pages, the browser in the admin."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, with the editors' admin in the language their browser prefers.

    Public pages: with the public URLs under ``LocalePrefixPattern(prefix_default_language=False)``, Django already
    answers an unprefixed address in English whatever the Accept-Language header or language cookie says, so a
    shared link or a crawler gets the page it asked for (the page offers Spanish in a notice instead:
    tournaments/languages.py). That same rule would keep the admin, which is unprefixed too, always in English;
    there the language cookie or Accept-Language decide, as Django's admin expects.
    """

    def process_request(self, request):
        if not request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return super().process_request(request)
        translation.activate(translation.get_language_from_request(request, check_path=False))
        request.LANGUAGE_CODE = translation.get_language()
        return None
