"""Text helpers shared by models, search and the importer: accent-free keys, the Spanish sort key, Roman numerals."""

import unicodedata

from django.utils.text import slugify
from unidecode import unidecode

# The Spanish order of names lives with the football rules (which may not import Django); shared from here.
from .rules.names import spanish_sort_code as spanish_sort_code
from .rules.names import spanish_sort_key as spanish_sort_key


def fold(text):
    """Lower-case text with accents and punctuation spacing removed, for accent-insensitive matching.

    >>> fold("Íntimo Cable Visión")
    'intimo cable vision'
    >>> fold("I.M.I.")
    'imi'
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Dots inside abbreviations ("I.M.I.") are not typed by people searching for them.
    without_dots = without_accents.replace(".", "")
    return " ".join(without_dots.casefold().split())


def slug_for(name):
    """A URL slug in plain ASCII: accents dropped, other scripts transliterated; may be empty ("★★★").

    >>> slug_for("Deportivo Municipal (Huamanga)")
    'deportivo-municipal-huamanga'
    >>> slug_for("日本代表")
    'ri-ben-dai-biao'
    """
    # fold() first, so Latin names keep the slugs they always had; Unidecode then spells what fold() leaves
    # outside ASCII (Cyrillic, Greek, CJK, "Ø"), which slugify() alone would silently drop.
    return slugify(unidecode(fold(name)).replace(" - ", " "))


def unique_slug(name, taken, fallback="team", max_length=100):
    """A non-empty slug for `name` that `taken(slug)` says is free, numbered from -2 when the plain one is not.

    `taken` is a callable (slug -> bool), usually an exists() query. A name with nothing to spell ("★★★")
    gets the fallback word. Raises nothing: some number is always free.

    >>> unique_slug("Wanka!", {"wanka"}.__contains__)
    'wanka-2'
    """
    base = slug_for(name)[:max_length].strip("-") or fallback
    candidate, number = base, 1
    while taken(candidate):
        number += 1
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
    return candidate


_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(number):
    """>>> to_roman(8)
    'VIII'
    """
    if not 0 < number < 40:
        raise ValueError(f"No Roman numeral for {number}")
    out = []
    for value, numeral in _ROMAN:
        while number >= value:
            out.append(numeral)
            number -= value
    return "".join(out)


def from_roman(numeral):
    """The number of a Roman numeral, or None when it is not a canonical one (so URLs like /regional/iiii/ 404).

    >>> from_roman("viii")
    8
    """
    upper = (numeral or "").upper()
    for number in range(1, 40):
        if to_roman(number) == upper:
            return number
    return None
