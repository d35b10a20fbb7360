"""The pages a fan sees when an address leads nowhere, or when something broke on our side."""

from django.conf import settings
from django.http import Http404, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404
from django.utils import translation


def page_not_found(request, exception):
    """404.html with the view's own sentence ("Copa Perú 2008 has no Region ix in the archive.") when it wrote one.

    Django's default handler shows the exception's class name ("Resolver404", "Http404") when there is no sentence;
    a reader should never see that.
    """
    message = ""
    if isinstance(exception, Http404) and not isinstance(exception, Resolver404) and exception.args:
        message = exception.args[0] if isinstance(exception.args[0], str) else ""
    return render(request, "404.html", {"message": message}, status=404)


def server_error(request):
    """500.html in the language of the address (Spanish under /es/), with nothing but the template.

    Whatever broke may be the database, the cache or a middleware that never ran, so the language comes from the
    path itself, not from what the request has been given so far.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        home = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
        body = loader.get_template("500.html").render({"language": language, "home": home})
    return HttpResponseServerError(body)
