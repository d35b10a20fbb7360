"""A group's or round's name in the page's language.

Groups and rounds keep the name their source gives them ("Group A", "Final group stage", "Tiebreaker"): the article
importer and the editors write it, and English pages show it as written. Spanish pages show the names the sources
commonly use in Spanish ("Grupo A", "Cuadrangular final", "Partido de desempate"); a name not listed here is shown
as written, in every language.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

# "Group A", "Group 2": the letter or number is kept, the word is translated.
_LETTERED_GROUP = re.compile(r"Group ([A-Z0-9]{1,3})")

# The names the archive's sources give groups and rounds, as written in them (literal, for makemessages).
KNOWN_NAMES = {
    "Final Group": pgettext_lazy("name of a group or round", "Final Group"),
    "Final group stage": pgettext_lazy("name of a group or round", "Final group stage"),
    "Final": pgettext_lazy("name of a group or round", "Final"),
    "Regional Final": pgettext_lazy("name of a group or round", "Regional Final"),
    "Semifinals": pgettext_lazy("name of a group or round", "Semifinals"),
    "Quarterfinals": pgettext_lazy("name of a group or round", "Quarterfinals"),
    "Round of 16": pgettext_lazy("name of a group or round", "Round of 16"),
    "Playoff": pgettext_lazy("name of a group or round", "Playoff"),
    "Tiebreaker": pgettext_lazy("name of a group or round", "Tiebreaker"),
    "Tiebreakers": pgettext_lazy("name of a group or round", "Tiebreakers"),
}


def section_name(name):
    """ "Group A" -> "Grupo A" on a Spanish page; a listed name in the page's language; any other name unchanged."""
    lettered = _LETTERED_GROUP.fullmatch(name)
    if lettered:
        return _("Group {letter}").format(letter=lettered.group(1))
    known = KNOWN_NAMES.get(name)
    return str(known) if known is not None else name
