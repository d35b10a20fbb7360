"""The publications the shipped seasons were built from, as each season page credits them.

The seasons in fixtures/ were built from the seed articles in seeds/: English Wikipedia's articles "2008 Copa Perú"
and "1998 Copa Perú", published under the Creative Commons Attribution-ShareAlike 4.0 licence. Only what is known is
stated: the publisher, the title and the licence. No address or access date was recorded for the articles, so none
is shown (tests/test_site_sources.py checks each title against its seed article's own title line).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    name: str
    url: str


@dataclass(frozen=True)
class Source:
    """A publication a season's facts and quoted notes come from."""

    title: str
    publisher: str
    licence: Licence


CC_BY_SA_4 = Licence("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/")
ENGLISH_WIKIPEDIA = _("Wikipedia (English)")

SEASON_SOURCES = {
    2008: (Source("2008 Copa Perú", ENGLISH_WIKIPEDIA, CC_BY_SA_4),),
    1998: (Source("1998 Copa Perú", ENGLISH_WIKIPEDIA, CC_BY_SA_4),),
}


def season_sources(year):
    """The Source tuple of the season ``year`` (empty when the archive does not record where it came from)."""
    return SEASON_SOURCES.get(year, ())
