"""The words of the roll of champions (``/seasons/``, the home page) and of a team's titles and finals.

How complete a season's data is, what an editor would add next, how sure the sources are (with the legend that
explains it), how a runner-up is known, and the sentences a team page shows: "Copa Perú champions 1970, 1975",
"Runner-up 1998 (derived)", "Named champion of 2001 by some sources; disputed." Every sentence is one translatable
string with named placeholders; the years inside them are links built here, so templates only print them.
"""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Progression, Season, SeasonFact

Basis, Confidence, Status = Progression.Basis, Season.Confidence, Season.Status

# The season page's box that shows each source's version of a disputed fact (templates/tournaments/season_detail.html).
VERSIONS_ANCHOR = "infobox"

# (code, mark, label, what it means): the confidence column's marks, in the legend's order.
CONFIDENCE_LEGEND = [
    (
        Confidence.CONFIRMED,
        "✓",
        Confidence.CONFIRMED.label,
        gettext_lazy("two independent sources agree, or one primary source (RSSSF, a full final table)."),
    ),
    (
        Confidence.SINGLE_SOURCE,
        "1",
        Confidence.SINGLE_SOURCE.label,
        gettext_lazy("the champion or the runner-up rests on one source."),
    ),
    (
        Confidence.DISPUTED,
        "!",
        Confidence.DISPUTED.label,
        gettext_lazy("the sources disagree; the season's page shows each version."),
    ),
    ("", "?", gettext_lazy("Not assessed"), gettext_lazy("no one has compared the sources yet.")),
]
CONFIDENCE_MARKS = {code: (mark, label) for code, mark, label, _meaning in CONFIDENCE_LEGEND}


def status_label(status):
    """What the champion's cell says of a season with no champion to show: "Not held", "No national final"."""
    if status == Status.NOT_HELD:
        return _("Not held")
    if status == Status.NO_FINAL:
        return _("No national final")
    return ""


def runner_up_derived_label(basis):
    """The mark beside a runner-up no source names in words (Podium.runner_up_derived), or "" when stated."""
    if not basis or basis == Basis.STATED:
        return ""
    if basis == Basis.SOURCE_TABLE:
        return _("derived from the source's table")
    return _("derived from the results")


def runner_up_derived_sentence(basis):
    """The season page's words for a runner-up no source names in words, by its Progression.Basis; "" when stated.

    A ``source_table`` runner-up is second in a final table a source published (the archive does not hold that
    table); any other derived basis is worked out from the results the archive holds.
    """
    if not basis or basis == Basis.STATED:
        return ""
    if basis == Basis.SOURCE_TABLE:
        return _("derived from that table: no source names the runner-up in words")
    return _("derived from the results: the source does not name the runner-up")


def recorded_summary(season, podium):
    """How complete a season's data is, and for a season with only its facts, what an editor would add next.

    ``season`` is annotated by ``selectors.seasons_for_list`` (qualifier_count, sections_recorded, sections_total);
    ``podium`` is its selectors.Podium. "54 qualifiers; results for 20 of 22 groups and rounds" once the season has
    any stage recorded; "Only the champion is recorded. Next to add: ..." while it has none.
    """
    if season.status == Status.NOT_HELD:
        return _("Not held: nothing to record.")
    if season.qualifier_count or season.sections_total:
        return _("{qualifiers} qualifiers; results for {recorded} of {total} groups and rounds").format(
            qualifiers=season.qualifier_count, recorded=season.sections_recorded, total=season.sections_total
        )
    if season.status == Status.NO_FINAL:
        return _("Only whether it was played is recorded. Next to add: the regional stage.")
    if podium.champion is not None and podium.runner_up is not None:
        return _("Only the champion and runner-up are recorded. Next to add: the national stage's results.")
    if podium.champion is not None:
        return _("Only the champion is recorded. Next to add: the runner-up and the national stage.")
    return _("Nothing is recorded yet. Next to add: the champion.")


def disputed_note(season):
    """ "disputed: see each version", linking the season page's versions of the fact."""
    url = f"{season.get_absolute_url()}#{VERSIONS_ANCHOR}"
    return format_html(
        '<span class="disputed">{}</span>',
        format_html(_('disputed: <a href="{url}">see each source\'s version</a>'), url=url),
    )


def _year_links(items):
    """ "1970, 1975 (disputed)": each season's year linked to its page, with its own remark when it has one."""
    return format_html_join(
        ", ",
        "{}",
        (
            (
                format_html(_("{year} ({remark})"), year=_year_link(season), remark=remark)
                if remark
                else _year_link(season),
            )
            for season, remark in items
        ),
    )


def _year_link(season):
    return format_html('<a href="{}">{}</a>', season.get_absolute_url(), season.year)


def honours_sentences(honours):
    """The sentences of a team's titles and finals (selectors.teams.Honours), in the page's order; [] when none."""
    sentences = []
    if honours.titles:
        titles = [(season, _("disputed") if disputed else "") for season, disputed in honours.titles]
        sentences.append(format_html(_("Copa Perú champions {years}"), years=_year_links(titles)))
    if honours.finals:
        finals = [(season, _("derived") if derived else "") for season, derived in honours.finals]
        sentences.append(format_html(_("Runner-up {years}"), years=_year_links(finals)))
    # One sentence per fact listing its years: a club named champion of three years reads it once, not three times.
    for fact in (SeasonFact.CHAMPION, SeasonFact.RUNNER_UP):
        seasons = [
            (season, "") for season in dict.fromkeys(season for season, named in honours.named_in if named == fact)
        ]
        if not seasons:
            continue
        # Two messages, not ngettext: the one-year sentence is an older message of its own (Spanish has the same
        # two forms, one and more than one).
        several = len(seasons) > 1
        if fact == SeasonFact.CHAMPION and several:
            sentence = _("Named champion of {years} by some sources; disputed each year.")
        elif fact == SeasonFact.CHAMPION:
            sentence = _("Named champion of {year} by some sources; disputed.")
        elif several:
            sentence = _("Named runner-up of {years} by some sources; disputed each year.")
        else:
            sentence = _("Named runner-up of {year} by some sources; disputed.")
        years = _year_links(seasons)
        sentences.append(format_html(sentence, year=years, years=years))
    return sentences
