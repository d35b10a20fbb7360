"""One rule for every text an editor or an article types: no invisible characters.

A zero-width space, a bidi control or a NUL makes two names that look the same compare different ("Sport
Huancayo" and "Sport Huancayo" + U+200B become two clubs with clashing addresses), can reorder what a page shows,
and PostgreSQL refuses NUL outright. `guard_text_fields()` (called from the app's ready()) gives every CharField
and TextField of every archive model this validator, so the admin's forms, the article importer (which runs each
model's clean_fields()) and any later form refuse it with the same sentence, shown on the field.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

# Control characters (Cc), format characters (Cf: zero-width spaces and joiners, bidi controls, soft hyphen,
# byte-order mark), line/paragraph separators, surrogates, private-use and unassigned code points.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}
# Line breaks and tabs are how multi-line text (a season's summary, a note) is written.
MULTILINE_ALLOWED = {"\n", "\r", "\t"}


def first_invisible(text, allowed=frozenset()):
    """(index, character) of the first invisible character in `text`, or None.

    >>> first_invisible("Sport Huancayo\\u200b")
    (14, '\\u200b')
    """
    for index, char in enumerate(text):
        if char not in allowed and unicodedata.category(char) in INVISIBLE_CATEGORIES:
            return index, char
    return None


def look_alike_letter(name):
    """The sentence refusing a name that mixes Latin letters with letters of another script, or "" when it doesn't.

    A Cyrillic "о" or a Greek "ο" looks like a Latin "o" but makes another name: "Sport Bоlito" would become a
    second club beside "Sport Bolito". Accented Latin letters (Í, Ñ, ü) are Latin (their Unicode names say LATIN);
    a name wholly in one other script is left alone.
    """
    latin, foreign = False, None
    for char in name:
        if not unicodedata.category(char).startswith("L"):
            continue
        if unicodedata.name(char, "").startswith("LATIN "):
            latin = True
        elif foreign is None:
            foreign = char
    if not (latin and foreign):
        return ""
    return _(
        "“%(name)s” mixes Latin letters with “%(letter)s” (U+%(code)04X %(unicode_name)s), which is not a Latin "
        "letter though it may look like one: type the name again with Latin letters."
    ) % {"name": name, "letter": foreign, "code": ord(foreign), "unicode_name": unicodedata.name(foreign, "")}


def own_name_message(name):
    """The sentence refusing a club's own name as one of its other names (the importer's and the admin's)."""
    return _("'%(name)s' is the team's own name, not another name.") % {"name": name}


@deconstructible
class NoInvisibleCharacters:
    """Refuses text holding an invisible character, naming it and where it is ("after 'Sport Huancayo'")."""

    def __init__(self, multiline=False):
        self.multiline = multiline

    def __call__(self, value):
        if not isinstance(value, str):
            return
        found = first_invisible(value, MULTILINE_ALLOWED if self.multiline else frozenset())
        if found is None:
            return
        index, char = found
        code = f"U+{ord(char):04X}"
        name = unicodedata.name(char, "")
        character = f"{code} {name}" if name else code
        before = value[max(0, index - 30) : index].strip()
        if before:
            message = _(
                "This text holds an invisible character (%(character)s) after “%(before)s”. "
                "Delete it and type the text again."
            ) % {"character": character, "before": before}
        else:
            message = _(
                "This text begins with an invisible character (%(character)s). Delete it and type the text again."
            ) % {"character": character}
        raise ValidationError(message, code="invisible_character")

    def __eq__(self, other):
        return isinstance(other, NoInvisibleCharacters) and other.multiline == self.multiline


def guard_text_fields(model_classes):
    """Give every CharField and TextField of these models the invisible-character validator.

    Added to each field's validators rather than declared on each field: the rule then also reaches
    fields added later without anyone remembering it, and, as it changes no column, needs no migration.
    """
    for model in model_classes:
        for field in model._meta.concrete_fields:
            if not isinstance(field, (models.CharField, models.TextField)):
                continue
            validator = NoInvisibleCharacters(multiline=isinstance(field, models.TextField))
            # Appended to the field's built list: CharField.__init__ put its MaxLengthValidator there, and
            # rebuilding the list from default_validators would silently drop the length rule (the importer then
            # accepted a team name of 200,000 characters).
            if validator not in field.validators:
                field.validators.append(validator)
