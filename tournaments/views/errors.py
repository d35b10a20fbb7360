"""The page a fan sees when an address leads nowhere."""

from django.http import Http404
from django.shortcuts import render
from django.urls import Resolver404


def page_not_found(request, exception):
    """404.html with the view's own sentence ("Copa Perú 2008 has no Region ix in the archive.") when it wrote one.

    Django's default handler shows the exception's class name ("Resolver404", "Http404") when there is no sentence;
    a reader should never see that.
    """
    message = ""
    if isinstance(exception, Http404) and not isinstance(exception, Resolver404) and exception.args:
        message = exception.args[0] if isinstance(exception.args[0], str) else ""
    return render(request, "404.html", {"message": message}, status=404)
