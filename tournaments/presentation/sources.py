"""The words and links of sources on a season's pages: footnote links, Sources entries, versions of a disputed fact.

Each sentence is one translatable string with placeholders; what goes into a placeholder as HTML (a link) is built
with ``format_html``, so every name and title a source gives is escaped.
"""

import re

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _

MARKER = re.compile(r"\[(\d{1,4})\]")


def footnote_links(numbers):
    """``[1][2]`` as small superscript links to the season's Sources entries ("" when there are none)."""
    if not numbers:
        return ""
    links = format_html_join(
        "",
        '<a href="#source-{}" title="{}">[{}]</a>',
        ((number, _("Source {number}").format(number=number), number) for number in numbers),
    )
    return format_html('<sup class="footnote-ref">{}</sup>', links)


def link_markers(html, numbers):
    """Already-escaped ``html`` (a summary after ``linebreaks``) with each ``[n]`` marker of a source the season
    has turned into its footnote link; other brackets stay as written."""

    def replace(match):
        number = int(match.group(1))
        return str(footnote_links([number])) if number in numbers else match.group(0)

    return mark_safe(MARKER.sub(replace, str(html)))


def source_entry(source):
    """One Sources entry as safe HTML: title (linked to its address when there is one), publisher, licence
    (linked), language and date accessed, each said to be not recorded when it is not."""
    title = format_html('<a href="{}">{}</a>', source.url, source.title) if source.url else source.title
    if source.licence and source.licence_url:
        licence = format_html('<a href="{}" rel="license">{}</a>', source.licence_url, source.licence)
    else:
        licence = source.licence
    if licence:
        first = format_html(
            _("“{title}”, {publisher}, published under the {licence} licence."),
            title=title,
            publisher=source.publisher,
            licence=licence,
        )
    else:
        sentence = _("“{title}”, {publisher}; its licence is not recorded.")
        first = format_html(sentence, title=title, publisher=source.publisher)
    if source.language:
        language = format_html(_("Language: {language}."), language=language_name(source.language))
    else:
        language = _("Language not recorded.")
    if source.accessed:
        accessed = format_html(_("Accessed {date}."), date=date_format(source.accessed, "j F Y"))
    else:
        accessed = _("Date accessed not recorded.")
    return format_html('{} <span class="source-meta">{} {}</span>', first, language, accessed)


def language_name(code):
    """The name of a source's language in the reader's language ("sv" → "Swedish", "Sueco"); the code itself when
    Django does not know it (the exports keep the code)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def version_sentence(fact, version):
    """One version of a disputed fact: "Champion: Sport Bolito, according to sources [1][3]" (safe HTML)."""
    name = version.name
    if version.team:
        name = format_html('<a href="{}">{}</a>', version.team.get_absolute_url(), version.name)
    values = {"name": name, "numbers": footnote_links(version.numbers)}
    count = len(version.numbers)
    if fact == "runner_up" and version.numbers:
        sentence = format_html(
            ngettext(
                "Runner-up: {name}, according to source {numbers}",
                "Runner-up: {name}, according to sources {numbers}",
                count,
            ),
            **values,
        )
    elif fact == "runner_up":
        sentence = format_html(_("Runner-up: {name}, according to sources not recorded"), **values)
    elif version.numbers:
        sentence = format_html(
            ngettext(
                "Champion: {name}, according to source {numbers}",
                "Champion: {name}, according to sources {numbers}",
                count,
            ),
            **values,
        )
    else:
        sentence = format_html(_("Champion: {name}, according to sources not recorded"), **values)
    if version.detail:
        return format_html(_("{sentence} ({detail})"), sentence=sentence, detail=version.detail)
    return sentence


def other_name_sentence(alias):
    """One of a club's other names (a TeamAlias) as safe HTML: the name with the source that writes it so
    (publisher and title, linked to its address when there is one), or, with no source recorded, said plainly to be
    the archive's editors' identification, an inference and not a source's fact."""
    if alias.source is None:
        sentence = _("{name}: identified as this club by the archive's editors (an inference: no source is recorded).")
        return format_html(sentence, name=alias.name)
    source = alias.source
    title = format_html('<a href="{}">{}</a>', source.url, source.title) if source.url else source.title
    return format_html(
        _("{name}, as {publisher} writes it in “{title}”."), name=alias.name, publisher=source.publisher, title=title
    )
