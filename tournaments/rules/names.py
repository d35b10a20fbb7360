"""How a Spanish reader orders names: case and accents ignored, ñ a letter of its own after n. No Django.

One key for every list of teams and for the standings engine's last-resort order, so that "Íntimo Cable
Visión" comes before "Wanka", "Unión Grauína" before "UTC" and "Carlos A. Mannucci" before "CNI" on every page,
whatever the database's collation (SQLite and PostgreSQL disagree, so lists are sorted in Python with this key).
"""

import unicodedata

__all__ = ["spanish_sort_code", "spanish_sort_key"]

# Sorts after every letter that follows "n" in the same position, so "ñ" files between "nz…" and "o".
_AFTER_N = "\uffff"


def spanish_sort_key(name) -> tuple[str, str]:
    """A key for ``sorted``: (folded text, the text itself), so equal-looking names still order the same way.

    Rule (Real Academia Española, alphabetical order since 1994): letters are compared without accents or case;
    "ñ" is its own letter between "n" and "o"; punctuation such as the dots of "I.M.I." is ignored.

    >>> sorted(["Wanka", "Íntimo Cable Visión", "UTC", "Unión Grauína", "CNI", "Carlos A. Mannucci"],
    ...        key=spanish_sort_key)
    ['Carlos A. Mannucci', 'CNI', 'Íntimo Cable Visión', 'Unión Grauína', 'UTC', 'Wanka']
    >>> sorted(["Ñaña", "Nazca", "Oro"], key=spanish_sort_key)
    ['Nazca', 'Ñaña', 'Oro']
    """
    text = unicodedata.normalize("NFC", str(name or ""))
    text = text.replace("ñ", "n" + _AFTER_N).replace("Ñ", "N" + _AFTER_N)
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace(".", "")
    return (" ".join(letters.casefold().split()), str(name or ""))


def spanish_sort_code(name) -> str:
    """The folded key of ``spanish_sort_key`` written as four hex digits per character, for an indexed column.

    Databases compare text by their own collation (SQLite by code point; PostgreSQL by locale, which skips spaces
    and punctuation), so the key itself would sort differently on each. Lower-case hex digits of one fixed width
    sort the same way under every collation, so ``ORDER BY`` on this code gives the Spanish order everywhere.

    >>> spanish_sort_code("Ña") > spanish_sort_code("Nz") and spanish_sort_code("Íntimo") < spanish_sort_code("Wanka")
    True
    """
    return "".join(f"{min(ord(ch), 0xFFFF):04x}" for ch in spanish_sort_key(name)[0])
