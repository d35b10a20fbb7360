"""The parts of a season article that say where its facts come from, read for article_parser.py. No ORM.

- cite markers: one or more ``[n]`` at the very end of a line (``Sport Bolito [1][3]``), naming sources by their
  number in the article's ``==Sources==`` section;
- the ``==Sources==`` section: ``N. Publisher: Title <URL>`` lines numbered 1..N in order, each followed by
  optional ``- Language: es``, ``- Licence: CC BY-SA 4.0 <URL>`` and ``- Accessed: YYYY-MM-DD`` lines;
- the ``==Other names==`` section: ``- Alias = Team [n]`` lines, another way a source writes a club's name;
- the infobox's facts: ``Status:``, ``Runner-up:``, ``Runner-up basis:``, ``Confidence:``, and the versions of a
  disputed fact (``Winners also given as: Name [2]; Other Name [3] (detail)``).

Every reader here works by hand in time linear in the line (see the note in article_parser.py).
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from ..models.text_rules import own_name_message
from ..text import fold

STATUSES = {"final": "final", "no final": "no_final", "not held": "not_held"}
CONFIDENCES = {"confirmed": "confirmed", "single source": "single_source", "disputed": "disputed"}
RUNNER_UP_BASES = {"stated": "stated", "table": "source_table"}
# The infobox lines whose markers cite a fact of the season, and the fact they cite.
FACT_KEYS = {"winners": "champion", "runner-up": "runner_up", "status": "status"}
VERSION_KEYS = {"winners also given as": ("champion", "winners"), "runner-up also given as": ("runner_up", "runner-up")}
SOURCE_ATTRIBUTES = {"language": "language", "licence": "licence", "license": "licence", "accessed": "accessed"}
NOWHERE = (
    "A source marker here cites nothing: put it at the end of a heading, a match line, a note, a qualifier row, "
    "a team-changes cell, or the Winners, Runner-up or Status line."
)
NOWHERE_INFOBOX = "Only the Winners, Runner-up and Status lines of the infobox cite a source: remove this marker."
_url = URLValidator(schemes=["http", "https"])


@dataclass
class SourceEntry:
    """One numbered entry of the Sources section, as written."""

    number: int
    publisher: str
    title: str
    url: str
    line: int
    language: str = ""
    licence: str = ""
    licence_url: str = ""
    accessed: dt.date | None = None


@dataclass
class AliasLine:
    """``- Alias = Team [n]``: another name the sources give a club."""

    name: str
    team: str
    line: int
    cites: list = field(default_factory=list)


@dataclass
class VersionEntry:
    """One source's version of a disputed fact: the name it gives, its sources' numbers and a detail."""

    name: str
    cites: list
    line: int
    detail: str = ""


# Sources are numbered with at most three digits (read_source_line); a longer ``[digits]`` is still read as a
# marker, so it is refused with a sentence instead of staying in a club's name or a summary as text.
MARKER_DIGITS = 3
MARKER = re.compile(r"\[([0-9]+)\]")


def marker_number(digits):
    """The source number a marker's ASCII digits name: an int, or the digits themselves (a str) when they are more
    than a source list can number, for check_cites to refuse (never int() of thousands of digits)."""
    return int(digits) if len(digits) <= MARKER_DIGITS else digits


def split_markers(line):
    """(the line without its trailing markers, [numbers]) for "Sport Bolito [1][3]" -> ("Sport Bolito", [1, 3]).

    Only markers at the very end count; "[n]" inside a line is text. Any number of digits is a marker (see
    marker_number). Read backwards by index (no copies of the line per marker), so a hostile line of thousands of
    markers stays linear.
    """
    numbers = []
    end = len(line.rstrip())
    while end and line[end - 1] == "]":
        opening = line.rfind("[", 0, end)
        digits = line[opening + 1 : end - 1] if opening >= 0 else ""
        if not (digits.isdecimal() and digits.isascii()):
            break
        numbers.append(marker_number(digits))
        end = opening
        while end and line[end - 1].isspace():
            end -= 1
    return line[:end], numbers[::-1]


def markers_in(text):
    """The numbers of every ``[n]`` anywhere in a paragraph, in order (markers in running text stay in it)."""
    return [marker_number(match[1]) for match in MARKER.finditer(text)]


def name_and_address(text):
    """("CC BY-SA 4.0", "https://…") for "CC BY-SA 4.0 <https://…>"; the address is "" when none is written."""
    text = text.strip()
    if text.endswith(">") and "<" in text:
        opening = text.rindex("<")
        return text[:opening].strip(), text[opening + 1 : -1].strip()
    return text, ""


def bad_address(url):
    """The sentence saying why `url` is not a web address, or "" when it is one."""
    try:
        _url(url)
    except ValidationError:
        return _("'%(url)s' is not a web address: write it in full, starting with https:// or http://.") % {
            "url": url[:80]
        }
    return ""


def split_detail(text):
    """("Coronel Bolognesi [4][6]", "and an earlier revision of source 1") for a version with a (detail) after
    its markers; a parenthesis that is part of a club's name ("Deportivo Municipal (Huamanga) [2]") stays."""
    if not text.endswith(")"):
        return text, ""
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[index], 0)
        if depth == 0:
            before = text[:index].rstrip()
            if before.endswith("]"):
                return before, text[index + 1 : -1].strip()
            return text, ""
    return text, ""


class SourcesReader:
    """The parser's reading of sources, markers, other names and the infobox's facts (mixed into article_parser's
    _Parser, which provides ``article``, ``error(line, reason)`` and ``cite_uses``)."""

    def cite(self, cites, line):
        """Record a use of markers, checked against the Sources section once the whole article is read."""
        if len(set(cites)) != len(cites):
            self.error(line, _("The same source is cited twice at the end of this line: write each marker once."))
        if cites:
            self.cite_uses.append((cites, line))
        return cites

    def refuse_cites(self, cites, line):
        if cites:
            self.error(line, NOWHERE)

    # ----- ==Sources== -----
    def read_source_line(self, number, line):
        sources = self.article.sources
        if line.startswith("- "):
            if not sources:
                self.error(
                    number, "A source's detail line before any numbered source: start with '1. Publisher: Title'."
                )
            key, colon, value = line[2:].partition(":")
            attribute = SOURCE_ATTRIBUTES.get(fold(key))
            if not colon or attribute is None:
                self.error(
                    number,
                    _(
                        "'%(text)s' is not understood under Sources: a source's details are '- Language: es', "
                        "'- Licence: name <address>' and '- Accessed: YYYY-MM-DD'."
                    )
                    % {"text": line[:60]},
                )
            self.read_source_attribute(number, sources[-1], attribute, value.strip())
            return
        digits, dot, rest = line.partition(". ")
        if not (dot and digits.isdecimal() and digits.isascii() and len(digits) <= 3):
            self.error(
                number,
                _(
                    "'%(text)s' is not understood under Sources: write each source as "
                    "'1. Publisher: Title <https://address>'."
                )
                % {"text": line[:60]},
            )
        entry_number, expected = int(digits), len(sources) + 1
        # Reported and kept, so one mistake in the numbering does not make every later marker unknown too.
        if any(entry.number == entry_number for entry in sources):
            self.report(
                number,
                _("Source %(number)s is listed twice: number the sources 1, 2, 3… once each.")
                % {"number": entry_number},
            )
        elif entry_number != expected:
            self.report(
                number,
                _(
                    "This source is numbered %(number)s but should be %(expected)s: number the sources 1, 2, 3… in "
                    "order."
                )
                % {"number": entry_number, "expected": expected},
            )
        described, url = name_and_address(rest)
        publisher, colon, title = described.partition(": ")
        if not (colon and publisher.strip() and title.strip()):
            self.report(
                number,
                _("Source %(number)s needs its publisher and title, as '%(number)s. Publisher: Title'.")
                % {"number": entry_number},
            )
        if url and (reason := bad_address(url)):
            self.report(number, reason)
        sources.append(SourceEntry(entry_number, publisher.strip(), title.strip(), url, number))

    def read_source_attribute(self, number, entry, attribute, value):
        if not value:
            self.error(number, f"The {attribute} of source {entry.number} is empty: write it or remove the line.")
        if getattr(entry, attribute):
            self.error(number, f"Source {entry.number} has two {attribute} lines: keep one.")
        if attribute == "accessed":
            try:
                value = dt.date.fromisoformat(value) if len(value) == 10 else None
            except ValueError:
                value = None
            if value is None:
                self.error(number, "The date accessed is not a date: write it as YYYY-MM-DD, e.g. 2026-11-29.")
        if attribute == "licence":
            value, entry.licence_url = name_and_address(value)
            if entry.licence_url and (reason := bad_address(entry.licence_url)):
                self.error(number, reason)
        setattr(entry, attribute, value)

    # ----- ==Other names== -----
    def read_alias_line(self, number, line):
        body, cites = split_markers(line)
        alias, equals, team = body[2:].partition("=") if body.startswith("- ") else ("", "", "")
        alias, team = alias.strip(), team.strip()
        if not (equals and alias and team):
            self.error(
                number,
                _("'%(text)s' is not understood under Other names: write '- Other name = Team [1]'.")
                % {"text": line[:60]},
            )
        if fold(alias) == fold(team):
            self.error(number, own_name_message(alias))
        taken = next((entry for entry in self.article.aliases if fold(entry.name) == fold(alias)), None)
        if taken is not None:
            self.error(
                number,
                _("'%(name)s' is already given as another name on line %(line)s.")
                % {"name": alias, "line": taken.line},
            )
        self.article.aliases.append(AliasLine(alias, team, number, self.cite(cites, number)))

    # ----- the infobox's facts -----
    def check_facts(self):
        """Read Status, Confidence, Runner-up basis and the versions, once every line (and source) is known."""
        article, infobox = self.article, self.article.infobox
        for key, choices, name in (
            ("status", STATUSES, "the status"),
            ("confidence", CONFIDENCES, "the confidence"),
            ("runner-up basis", RUNNER_UP_BASES, "the runner-up's basis"),
        ):
            if key not in infobox:
                continue
            value, line = infobox[key]
            if fold(value) not in choices:
                allowed = ", ".join(f"'{choice}'" for choice in choices)
                self.report(line, f"'{value}' is not a known value for {name}: write one of {allowed}.")
            else:
                setattr(article, key.replace("-", "_").replace(" ", "_"), choices[fold(value)])
        winners, runner_up = infobox.get("winners", ("", 0)), infobox.get("runner-up", ("", 0))
        if winners[0] and article.status != "final":
            self.report(
                winners[1],
                "A season whose status is not 'final' has no champion: remove the Winners line or set 'Status: final'.",
            )
        if runner_up[0] and article.status == "not_held":
            self.report(runner_up[1], "A season that was not held has no runner-up: remove the Runner-up line.")
        if "runner-up basis" in infobox and not runner_up[0]:
            self.report(infobox["runner-up basis"][1], "A runner-up's basis without a Runner-up line.")
        article.runner_up = runner_up[0]
        for key, (fact, main) in VERSION_KEYS.items():
            if key in infobox:
                self.read_versions(fact, infobox[key], infobox.get(main, ("", 0)))

    def read_versions(self, fact, written, main):
        value, line = written
        if not main[0]:
            self.report(line, "Other versions of a fact need its main line first (Winners or Runner-up).")
            return
        versions = [VersionEntry(main[0], self.article.fact_cites.get(fact, []), main[1])]
        for part in value.split(";"):
            text, detail = split_detail(part.strip())
            name, cites = split_markers(text)
            if not name:
                self.report(line, "A version without a name: write 'Name [n]', versions separated by ';'.")
            elif not cites:
                self.report(
                    line,
                    _("The version '%(name)s' needs the sources that give it: end it with a marker [n].")
                    % {"name": name},
                )
            elif any(fold(version.name) == fold(name) for version in versions):
                self.report(line, _("The version '%(name)s' is given twice.") % {"name": name})
            elif len(set(cites)) != len(cites):
                self.report(line, _("The version '%(name)s' cites the same source twice.") % {"name": name})
            else:
                self.cite_uses.append((cites, line))
                versions.append(VersionEntry(name, cites, line, detail))
        self.article.versions[fact] = versions

    def check_cites(self):
        """Every marker names a source listed under ==Sources==."""
        listed = {entry.number for entry in self.article.sources}
        for cites, line in self.cite_uses:
            for number in cites:
                if isinstance(number, str):
                    self.report(
                        line,
                        _(
                            "[%(digits)s…] is not a source marker: sources are numbered 1 to 999, so a marker has at "
                            "most three digits."
                        )
                        % {"digits": number[:12]},
                    )
                elif number not in listed:
                    self.report(
                        line,
                        _("Source %(number)s is not listed under ==Sources==: add it there or correct the marker.")
                        % {"number": number},
                    )
