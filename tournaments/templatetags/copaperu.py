"""Template helpers for the public pages: canonical URLs and a match told in words."""

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models import MatchStatus
from ..presentation import sources as source_words
from ..presentation.crosstable import cross_table
from ..presentation.sections import section_name

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
    if match.status == MatchStatus.ABANDONED and match.minute_stopped:
        return _("Abandoned after {minute}'").format(minute=match.minute_stopped)
    if match.status == MatchStatus.SUSPENDED and match.minute_stopped:
        return _("Suspended after {minute}'").format(minute=match.minute_stopped)
    return match.get_status_display()


@register.filter
def owes_score(match):
    """True when a score belongs here but the sources do not give it (so the page says "not recorded")."""
    return not match.score_known and match.status not in (MatchStatus.NOT_PLAYED, MatchStatus.SCHEDULED)


@register.filter
def ordinal_round(number):
    return _("Round {number}").format(number=number) if number else _("Other matches")


@register.simple_tag(takes_context=True)
def footnotes(context, thing):
    """The footnote links ([1][2]) of a stage, region, group, round, tie, match, note, qualifier or team change, from
    the page's ``sources`` (selectors.sources.SeasonSources); "" when it cites nothing or the page has none."""
    sources = context.get("sources")
    return source_words.footnote_links(sources.numbers_of(thing)) if sources else ""


# The stages that have a page of their own, by kind: the page's URL name.
_STAGE_PAGES = {
    "departmental": "tournaments:season-departmental",
    "regional": "tournaments:season-regional",
    "national": "tournaments:season-national",
}


@register.simple_tag(takes_context=True)
def stage_name(context, stage):
    """A stage's name in bold, linked to its page when it has one, and its footnote links: the start of a sentence
    ("<strong><a>National Stage</a></strong>[1]: started 7 December 2008") that the template translates whole."""
    name = stage.get_kind_display()
    if stage.kind in _STAGE_PAGES:
        name = format_html('<a href="{}">{}</a>', reverse(_STAGE_PAGES[stage.kind], args=[stage.season.year]), name)
    return format_html("<strong>{}</strong>{}", name, footnotes(context, stage))


@register.simple_tag(takes_context=True)
def fact_footnotes(context, fact):
    """The footnote links of one of the season's facts: "status", "champion" or "runner_up"."""
    sources = context.get("sources")
    return source_words.footnote_links(sources.fact_numbers(fact)) if sources else ""


@register.simple_tag(takes_context=True)
def stage_footnotes(context, kind):
    """The footnote links of the season's stage of this kind, beside its page's heading."""
    sources = context.get("sources")
    return source_words.footnote_links(sources.stage_numbers(kind)) if sources else ""


@register.filter
def with_footnotes(html, sources):
    """Escaped text (a summary after ``linebreaks``) whose ``[n]`` markers become footnote links."""
    return source_words.link_markers(html, sources.numbers if sources else set())


@register.filter
def source_entry(source):
    """A Sources entry: title, publisher, licence, language, date accessed (presentation/sources.py)."""
    return source_words.source_entry(source)


@register.simple_tag
def version_sentence(fact, version):
    """ "Champion: Sport Bolito, according to sources [1][3]"."""
    return source_words.version_sentence(fact, version)


@register.filter
def match_words(match):
    """A match as a citation names it: "Sport Huancayo 0–1 CNI, 7 December 2008" (no home side when unknown)."""
    teams = {"home": match.home_team.name, "away": match.away_team.name}
    if match.score_known and match.sides_known:
        words = _("{home} {home_score}–{away_score} {away}").format(
            home_score=match.home_score, away_score=match.away_score, **teams
        )
    else:
        words = _("{home} v {away}").format(**teams)
    if match.leg:
        words = _("{match}, leg {leg}").format(match=words, leg=match.leg)
    if match.date:
        return _("{match}, {date}").format(match=words, date=date_format(match.date))
    return words


@register.inclusion_tag("includes/cite_box.html", takes_context=True)
def cite_here(context, subject, anchor, link_label, open=False):
    """A box's visible anchor link (``link_label``, a whole phrase: "Link to this match") and its citation line,
    "<page title>, <subject>. Copa Perú archive, retrieved <today>, <this page's address>#<anchor>", under a
    "Cite" disclosure (``open`` for ties and rulings, which are few and are what journalists quote; a page of
    fixtures would drown in citation lines)."""
    page = context.get("page_title") or _("Copa Perú archive")
    return {
        "anchor": anchor,
        "link_label": link_label,
        "open": open,
        "citation": _("{page}, {subject}").format(page=page, subject=subject),
        "cite_url": absolute_url(context, anchor),
    }


@register.filter
def tie_words(tie, playoff):
    """A tie as a citation names it: "Final: I.M.I. v Coronel Bolognesi" (``tie`` a Tie, ``playoff`` its round)."""
    not_recorded = _("not recorded")
    return _("{round}: {team_a} v {team_b}").format(
        round=section_name(playoff.name),
        team_a=tie.team_a.name if tie.team_a else not_recorded,
        team_b=tie.team_b.name if tie.team_b else not_recorded,
    )


@register.filter
def note_anchor(note):
    """A note's id on its page: "note-4"."""
    return f"note-{note.pk}"


@register.simple_tag
def results_grid(view):
    """The group's cross-table (presentation/crosstable.py), or None when it has no matches."""
    return cross_table(view)


@register.filter
def archive_text(text):
    """Text kept as the season's article writes it (in English: a region's or stage's description, a ruling's
    decision), marked ``lang="en"`` on a page in another language so that browsers and screen readers read it as
    English; unchanged on an English page. Returns safe HTML (the text escaped)."""
    if not text or get_language() == "en":
        return text
    return format_html('<span lang="en">{}</span>', text)
