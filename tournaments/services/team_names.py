"""Finding team names in running text: flattened table cells and the sentences of notes. No ORM.

Both work accent- and case-insensitively and prefer the longest name, so "Unión Huaral" is never read
as a team called "Unión" followed by one called "Huaral".
"""

import unicodedata

from ..text import fold

# Words that conventionally begin a Peruvian club's name. A flattened cell holding names nobody knows yet
# ("San Agustín Unión Supe Defensor Lima") is cut before each of them, but only once the name being read
# already has two words, so "Deportivo Unión Comercio" stays one club.
NAME_STARTERS = {
    fold(word)
    for word in (
        "Academia Alianza Asociación Atlético Club Colegio Ciclista Coronel Cultural Defensor Deportivo Estudiantes "
        "Juventud Real San Santa Sport Sporting Unión Universidad"
    ).split()
}


def split_team_cell(cell, known_names):
    """Split a cell that lists several teams separated by spaces, known names first (longest wins).

    >>> split_team_cell("Atlético Torino Jose Galvez San Agustín Unión Supe", ["José Gálvez", "Atlético Torino"])
    ['Atlético Torino', 'José Gálvez', 'San Agustín', 'Unión Supe']
    """
    known = {tuple(fold(name).split()): name for name in known_names}
    longest = max((len(key) for key in known), default=0)
    words = cell.split()
    folded = [fold(word) for word in words]
    names, unknown, index = [], [], 0
    while index < len(words):
        for size in range(min(longest, len(words) - index), 0, -1):
            name = known.get(tuple(folded[index : index + size]))
            if name:
                names.extend(_split_unknown(unknown))
                names.append(name)
                unknown, index = [], index + size
                break
        else:
            unknown.append(words[index])
            index += 1
    names.extend(_split_unknown(unknown))
    return names


def _split_unknown(words):
    names = []
    for word in words:
        if names and fold(word) in NAME_STARTERS and len(names[-1]) >= 2:
            names.append([word])
        elif names:
            names[-1].append(word)
        else:
            names.append([word])
    return [" ".join(name) for name in names]


def _plain(text):
    """Lower-case without accents, one character for one character, so positions map back to the text."""
    return "".join(unicodedata.normalize("NFKD", ch)[0].casefold()[:1] if ch.strip() else " " for ch in text)


def find_teams(text, names):
    """Mentions of the given teams in a note, as (start, end, name) in reading order.

    A team is found by its full name or by a trailing part of it that no other candidate shares and that starts
    with a capital ("Cable Visión" for Íntimo Cable Visión, "Hidro" for Cultural Hidro).
    """
    patterns = {}
    suffix_owners = {}
    for name in names:
        words = name.split()
        patterns[_plain(name)] = name
        for start in range(1, len(words)):
            if words[start][:1].isupper():
                suffix_owners.setdefault(_plain(" ".join(words[start:])), set()).add(name)
    for suffix, owners in suffix_owners.items():
        if len(owners) == 1 and suffix not in patterns:
            patterns[suffix] = next(iter(owners))
    plain = _plain(text)
    taken = [False] * len(text)
    found = []
    for pattern in sorted(patterns, key=len, reverse=True):
        start = plain.find(pattern)
        while start != -1:
            end = start + len(pattern)
            bounded = (start == 0 or not plain[start - 1].isalnum()) and (end == len(plain) or not plain[end].isalnum())
            # A shortened name must be written as a name (capitalised), not as an ordinary word.
            written_as_name = not text[start].isalpha() or text[start].isupper()
            if bounded and written_as_name and not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                found.append((start, end, patterns[pattern]))
            start = plain.find(pattern, end)
    return sorted(found)
