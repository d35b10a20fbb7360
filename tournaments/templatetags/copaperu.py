"""Template helpers for the public pages: canonical URLs and a match told in words."""

from django import template
from django.utils.translation import gettext as _

from .. import sources
from ..models import MatchStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, anchor="", query=""):
    """This page's address without its query string (the canonical link), optionally with a #fragment.

    ``query`` ("region=iv") puts back the part of the query string a citation must keep: the filter.
    """
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    if query:
        url = f"{url}?{query}"
    return f"{url}#{anchor}" if anchor else url


@register.filter
def status_label(match):
    """The status in words, or "" for a match played normally: "Abandoned after 81'", "Not played"."""
    if match.status == MatchStatus.PLAYED:
        return ""
    if match.status in (MatchStatus.ABANDONED, MatchStatus.SUSPENDED) and match.minute_stopped:
        return _("{status} after {minute}'").format(status=match.get_status_display(), minute=match.minute_stopped)
    return match.get_status_display()


@register.filter
def owes_score(match):
    """True when a score belongs here but the sources do not give it (so the page says "not recorded")."""
    return not match.score_known and match.status not in (MatchStatus.NOT_PLAYED, MatchStatus.SCHEDULED)


@register.filter
def ordinal_round(number):
    return _("Round {number}").format(number=number) if number else _("Other matches")


@register.simple_tag
def season_sources(season):
    """The publications a season was built from (tournaments/sources.py); empty when not recorded."""
    return sources.season_sources(season.year) if season else ()
