"""Read a season article (the seed format, see seeds/README.md) into plain dataclasses.

No ORM here: the result carries every fact with the line it came from, so the importer can report
"PATH:LINE: reason" for anything the database later refuses. The only built-in knowledge is the
list of Peru's departments; nothing names a team or a season.
"""

import bisect
import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..departments import DEPARTMENT_NAMES
from ..text import fold, from_roman, to_roman
from .article_sources import FACT_KEYS, NOWHERE, NOWHERE_INFOBOX, VERSION_KEYS, SourcesReader, markers_in, split_markers

DEPARTMENTS_BY_KEY = {fold(name): name for name in DEPARTMENT_NAMES}
# A season names each club dozens of times; folding each name once keeps a large article's reading linear.
folded = functools.lru_cache(maxsize=8192)(fold)
STAGE_KINDS = ["district", "provincial", "departmental", "regional", "national"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october"]
MONTHS += ["november", "december"]
TOP_SECTIONS = {
    "team changes": "team_changes",
    "departmental stage": "departmental",
    # The 2008 seed writes the Spanish-influenced spelling in its intro; accept it in headings too.
    "departamental stage": "departmental",
    "regional stage": "regional",
    "national stage": "national",
    "see also": "see_also",
    "sources": "sources",
    "other names": "other_names",
    # The summary in Spanish, by the editors (Season.summary_translation); the heading is Spanish like its text.
    "resumen": "summary_translation",
}
# The sections whose heading a marker can cite: the stage they describe.
STAGE_SECTIONS = {"departmental", "regional", "national"}
# Words that may stand lower-case inside a club's name ("Señor de Puelles").
NAME_CONNECTORS = {"de", "del", "la", "las", "los", "el", "y", "e"}

# Every pattern here runs in time linear in the line: no pattern has two unbounded quantifiers that can trade
# characters (an article upload must not hold a worker for minutes). Headings, match lines and the stage dates are
# read by hand instead (see read_heading_line, read_score_line, stage_dates); bench/import_bench.py times them.
DATE_LINE = re.compile(r"^\d{4}-\d+-\d+$")
REGION_SENTENCE = re.compile(r"^Region ([IVXLC]+) includes qualified teams from (.+?) region\.\s*(.*)$", re.I)
TEAM_CHANGE_HEADING = re.compile(r"^(promoted to|relegated from) (\d{4}) (primera|segunda) division$")
STAGE_WORDS = "district|provincial|departmental|departamental|regional|national"
STAGE_MENTION = re.compile(rf"\b({STAGE_WORDS}) stage", re.I)
STAGE_MENTION_WORD = re.compile(rf"\b({STAGE_WORDS}) stage\b", re.I)
ON_MONTH = re.compile(r"\bon (" + "|".join(MONTHS) + r")\b(?: (\d{1,2})\b)?", re.I)
PLACES = re.compile(r"\b(one|two|three|four|five|\d{1,3}) teams? qualif", re.I)
# A knockout region where both teams of its final go on: "This region played as a knockout cup system and the
# finalists qualified."
FINALISTS = re.compile(r"\bfinalists qualif", re.I)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


@dataclass(frozen=True, order=True)
class LineError:
    """One mistake of an article: its line and the sentence that explains it."""

    line: int
    reason: str

    def text(self, path):
        return f"{path}:{self.line}: {self.reason}"


class ArticleError(Exception):
    """Bad input, reported as "PATH:LINE: reason" so an editor can go straight to the line.

    Carries every mistake found in the article (``errors``, in line order, one "PATH:LINE: reason" line each);
    ``line`` and ``reason`` are the first one's.
    """

    def __init__(self, path, line, reason, *, more=()):
        self.path = path
        self.errors = sorted({LineError(line, reason), *more})
        self.line, self.reason = self.errors[0].line, self.errors[0].reason
        super().__init__("\n".join(self.lines()))

    @classmethod
    def collected(cls, path, errors):
        first, *rest = sorted(set(errors))
        return cls(path, first.line, first.reason, more=rest)

    def lines(self):
        return [error.text(self.path) for error in self.errors]


class _SkipLine(Exception):
    """Raised inside the parser to drop the line just reported and go on with the next one."""


@dataclass
class MatchLine:
    home: str
    away: str
    home_score: int | None
    away_score: int | None
    line: int
    date: dt.date | None = None
    round_number: int | None = None
    after_extra_time: bool = False
    home_penalties: int | None = None
    away_penalties: int | None = None
    cites: list = field(default_factory=list)  # numbers of the sources cited at the end of the line


@dataclass
class NoteLine:
    text: str
    style: str  # "bullet" or "paragraph", as Note.Style
    line: int
    cites: list = field(default_factory=list)


@dataclass
class Section:
    """A group or a knockout round (a tiebreaker playoff when it settles a group or is named so)."""

    kind: str  # "group", "knockout" or "tiebreaker"
    name: str
    line: int
    order: int
    group: "Section | None" = None
    matches: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    cites: list = field(default_factory=list)  # the sources cited at the end of its heading

    @property
    def results_recorded(self):
        # A heading with no match lines (a bare "|}" or only sub-headings) says the section existed, no more.
        return bool(self.matches)


@dataclass
class Container:
    """A region, or the national stage (number None): the home of groups, rounds and notes."""

    number: int | None
    line: int
    departments: list = field(default_factory=list)  # canonical department names, in the sentence's order
    paragraphs: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    cites: list = field(default_factory=list)

    @property
    def description(self):
        return "\n\n".join(self.paragraphs)

    @property
    def format(self):
        return "knockout" if "knockout" in fold(self.description) else "groups"

    @property
    def places_advancing(self):
        if FINALISTS.search(self.description):
            return 2
        found = PLACES.search(self.description)
        if not found:
            return None
        word = found.group(1).lower()
        return NUMBER_WORDS.get(word) or int(word)


@dataclass
class QualifierRow:
    department: str
    team: str
    location: str
    line: int
    cites: list = field(default_factory=list)


@dataclass
class TeamChangeColumn:
    direction: str  # "promoted" or "relegated", as TeamChange.Direction
    division: str  # "primera" or "segunda"
    year: int
    line: int
    cells: list = field(default_factory=list)  # (text, line, cited source numbers)


@dataclass
class Article:
    path: str
    year: int = 0
    year_line: int = 1
    infobox: dict = field(default_factory=dict)  # folded key -> (value, line)
    summary: list = field(default_factory=list)
    summary_lines: list = field(default_factory=list)  # the article line of each summary paragraph
    summary_translation: list = field(default_factory=list)  # the ==Resumen== paragraphs
    summary_translation_line: int = 0  # the ==Resumen== heading's line, 0 when there is none
    notes: list = field(default_factory=list)  # season-level notes
    stage_text: dict = field(default_factory=dict)  # stage kind -> paragraphs
    team_changes: list = field(default_factory=list)
    team_change_rows: int = 0
    qualifiers: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    national: Container = field(default_factory=lambda: Container(None, 0))
    see_also: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # LineError, every mistake found; the article is unusable if any
    # Where the facts come from (article_sources.py): the Sources section, markers on the facts and stages,
    # other names of clubs, and the infobox's status, confidence, runner-up and versions of disputed facts.
    sources: list = field(default_factory=list)  # SourceEntry, numbered 1..N
    aliases: list = field(default_factory=list)  # AliasLine
    fact_cites: dict = field(default_factory=dict)  # "champion" | "runner_up" | "status" -> source numbers
    stage_cites: dict = field(default_factory=dict)  # stage kind -> (source numbers, heading line)
    stage_lines: dict = field(default_factory=dict)  # stage kind -> the line of its ==…Stage== heading
    versions: dict = field(default_factory=dict)  # "champion" | "runner_up" -> [VersionEntry], main line first
    status: str = "final"  # as Season.Status
    confidence: str = ""  # as Season.Confidence
    runner_up: str = ""
    runner_up_basis: str = "stated"  # as Progression.Basis: "stated" or "source_table"

    def stages(self):
        """(kind, month, day, line) for each stage the article mentions, in the competition's order; line is where
        its date is written (the title's line when it has none)."""
        text = "\n".join(self.summary)
        starts = list(itertools.accumulate((len(line) + 1 for line in self.summary), initial=0))
        kinds = set(self.stage_text) | set(self.stage_cites)
        if self.status == "final":
            # A season not held, or held with no final, has only the stages its sections describe.
            kinds |= {_stage_kind(found.group(1)) for found in STAGE_MENTION.finditer(text)}
        dates = {}
        for kind, month, day, position in stage_dates(text):
            line = self.summary_lines[bisect.bisect_right(starts, position) - 1]
            dates.setdefault(kind, (month, day, line))
        return [(kind, *dates.get(kind, (None, None, self.year_line))) for kind in STAGE_KINDS if kind in kinds]

    def containers(self):
        return [*self.regions, self.national]

    def match_line_count(self):
        return sum(len(section.matches) for container in self.containers() for section in container.sections)


def stage_dates(text):
    """(kind, month, day or None, position of the date) for each "<kind> stage ... on <Month> [day]" within one
    sentence, in order.

    A stage mention takes the first "on <Month>" after it before the next full stop; the next mention is looked
    for after that date. Two passes of simple patterns and a walk over their hits: linear in the text, where a
    single pattern with a lazy gap up to the full stop would rescan the sentence for every mention.
    """
    dates = list(ON_MONTH.finditer(text))
    stops = [index for index, char in enumerate(text) if char == "."]
    found, next_date, resume = [], 0, 0
    for mention in STAGE_MENTION_WORD.finditer(text):
        if mention.start() < resume:
            continue
        while next_date < len(dates) and dates[next_date].start() < mention.end():
            next_date += 1
        if next_date == len(dates):
            break
        date = dates[next_date]
        stop = bisect.bisect_left(stops, mention.end())
        if stop < len(stops) and stops[stop] < date.start():
            continue  # the sentence ends before any date
        month = MONTHS.index(date.group(1).lower()) + 1
        day = int(date.group(2)) if date.group(2) else None
        found.append((_stage_kind(mention.group(1)), month, day, date.start()))
        resume = date.end()
    return found


def heading_parts(line):
    """(level, title) of a heading line such as "===Region IV===", or None; the title is stripped."""
    if not line.startswith("="):
        return None
    level = len(line) - len(line.lstrip("="))
    body = line.rstrip()
    if len(body) == level or not body.endswith("="):
        return None if len(body) != level else (level - 1, "") if level > 1 else None
    return level, body[level:].rstrip("=").strip()


# The most digits a real score or shoot-out has: larger numbers are typing mistakes (or worse), and Python refuses
# to read one of more than 4,300 digits at all.
MAX_GOAL_DIGITS = 2


class NumberTooLarge(ValueError):
    """A number in a match line with more digits than any football score; `digits` is the number as written."""

    def __init__(self, digits, what="goals and penalties", limit=MAX_GOAL_DIGITS):
        super().__init__(digits)
        self.digits, self.what, self.limit = digits, what, limit

    def sentence(self):
        shown = self.digits if len(self.digits) <= 12 else f"{self.digits[:12]}… ({len(self.digits)} digits)"
        return f"the number {shown} is too large: {self.what} have at most {self.limit} digits"


def _number(text):
    return text.isdecimal() and text.isascii()


def _goals(text):
    """The int of a score's digits; raises NumberTooLarge beyond MAX_GOAL_DIGITS."""
    if len(text) > MAX_GOAL_DIGITS:
        raise NumberTooLarge(text)
    return int(text)


def _score_at(words, index):
    """How many words from `index` form a score ("2-1", "2 -1", "2- 1", "2 - 1"), and the two numbers."""
    first = words[index]
    head, dash, tail = first.partition("-")
    if dash and _number(head) and _number(tail):
        return 1, _goals(head), _goals(tail)
    following = words[index + 1 : index + 3]
    if dash and not tail and _number(head) and following and _number(following[0]):
        return 2, _goals(head), _goals(following[0])
    if _number(first) and following:
        if following[0].startswith("-") and _number(following[0][1:]):
            return 2, _goals(first), _goals(following[0][1:])
        if following[0] == "-" and len(following) > 1 and _number(following[1]):
            return 3, _goals(first), _goals(following[1])
    return None


def extra_time_and_penalties(text):
    """(after extra time, (home, away) penalties or None) for "a.e.t.", "4-3 pen.", "a.e.t., 4-3 pen."; else None."""
    after_extra_time = text.startswith("a.e.t.")
    rest = text[len("a.e.t.") :] if after_extra_time else text
    if after_extra_time and not rest:
        return True, None
    if after_extra_time:
        if not rest.startswith(", "):
            return None
        rest = rest[2:]
    if not rest.endswith(" pen."):
        return None
    home, dash, away = rest[: -len(" pen.")].partition("-")
    home, away = home.rstrip(), away.lstrip()
    if not (dash and _number(home) and _number(away)):
        return None
    return after_extra_time, (_goals(home), _goals(away))


def score_line_parts(line):
    """(home, away, home score, away score, extra) of "Home 2-1 Away (a.e.t.)"; scores None for "Home v Away".

    Returns None when the line is neither. The score is the first one with a name on each side, as written.
    """
    # Plain strings and offsets rather than a match object per word: a line of 250,000 words stays cheap.
    words = line.split()
    starts, position = [], 0
    for word in words:
        position = line.index(word, position)
        starts.append(position)
        position += len(word)
    for index in range(1, len(words) - 1):
        score = _score_at(words, index)
        if score is None or index + score[0] >= len(words):
            continue
        width, home_score, away_score = score
        away_start, away_end, extra = starts[index + width], len(line), None
        if line.endswith(")") and "(" in line[away_start:]:
            opening = line.rindex("(")
            read = extra_time_and_penalties(line[opening + 1 : -1])
            if read is not None and opening > away_start and line[opening - 1].isspace():
                away_end, extra = opening, read
        home = line[: starts[index]].strip()
        return home, line[away_start:away_end].strip(), home_score, away_score, extra
    for index in range(1, len(words) - 1):
        if words[index] == "v":
            return line[: starts[index]].strip(), line[starts[index] + 1 :].strip(), None, None, None
    return None


def bad_score(line):
    """The first word that holds both a digit and a hyphen ("2-x"): what was probably meant as a score."""
    for word in line.split():
        if "-" in word and any(char.isdecimal() for char in word):
            return word
    return None


def _stage_kind(word):
    word = word.lower()
    return "departmental" if word == "departamental" else word


def cells_of(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def looks_like_a_match(line):
    """A score line whose sides read like club names, not a sentence that happens to hold a score."""
    try:
        found = score_line_parts(line)
    except NumberTooLarge:
        return True  # a score, however absurd: reported where it stands
    if not found or found[2] is None:
        return False
    words = f"{found[0]} {found[1]}".split()
    return all(not word[0].isalpha() or word[0].isupper() or word in NAME_CONNECTORS for word in words)


def parse_article(text, path="article", *, strict=True):
    """The article as dataclasses. With strict (the default) raises ArticleError listing every mistake; without,
    returns what could be read with the mistakes in ``article.errors`` (the importer adds its own to them)."""
    article = _Parser(path).parse(text)
    if strict and article.errors:
        raise ArticleError.collected(path, article.errors)
    return article


def _listed_names(text):
    """ "Apurimac, Cusco, Madre de Dios and Puno" -> the four names (split by hand: linear in the text)."""
    names = []
    for part in text.split(","):
        words = []
        for word in part.split():
            if word == "and" and words:
                names.append(" ".join(words))
                words = []
            elif word != "and":
                words.append(word)
        names.append(" ".join(words))
    return names


class _Parser(SourcesReader):
    def __init__(self, path):
        self.article = Article(path=path)
        self.top = "intro"
        self.stack = []  # (heading level, Container | Section | ("matchday", number, group))
        self.in_infobox = False
        self.pending_date = None
        self.skipping_section = False  # under an unknown "==Section==", whose lines are not read
        self.errors = []
        self.match_keys = {}  # (section id, matchday, teams, date) -> line, to refuse a repeated match line
        self.cite_uses = []  # ([source numbers], line) of every marker, checked once the Sources are read

    def error(self, line, reason):
        """Record a mistake and drop the line: the parser goes on, so an editor sees every mistake at once."""
        self.report(line, reason)
        raise _SkipLine

    def report(self, line, reason):
        """Record a mistake and go on with the same line."""
        self.errors.append(LineError(line, reason))

    def parse(self, text):
        lines = text.splitlines()
        for number, raw in enumerate(lines, start=1):
            try:
                self.read_line(number, raw.strip())
            except _SkipLine:
                pass
        checks = (
            lambda: self.check_no_pending_date(len(lines)),
            self.check_infobox,
            self.check_facts,
            self.check_not_held,
            self.check_cites,
            self.check_summary_translation,
        )
        for check in checks:
            try:
                check()
            except _SkipLine:
                pass
        self.article.errors = self.errors
        return self.article

    def check_not_held(self):
        """A season that was not held has no stage sections (so no qualifiers, regions, groups or matches); a
        season with no final may have them (1974 was played up to its cancelled final)."""
        if self.article.status != "not_held":
            return
        for line in sorted(self.article.stage_lines.values()):
            self.report(
                line,
                _(
                    "A season that was not held has no departmental qualifiers, regions, stages or matches: remove "
                    "this section, or give the season the status it had."
                ),
            )

    # ----- headings -----
    def read_line(self, number, line):
        if not line:
            self.in_infobox = False
            return
        # A line's trailing markers ("[1][2]") cite what the line records; the rest is read as before.
        body, cites = split_markers(line)
        heading = heading_parts(body)
        if heading:
            self.in_infobox = False
            self.read_heading(number, *heading)
            self.cite_heading(number, heading[0], cites)
        elif self.skipping_section:
            return
        elif self.top == "sources":
            self.read_source_line(number, line)
        elif self.top == "other_names":
            self.read_alias_line(number, line)
        elif self.top == "intro" and body == "Infobox":
            self.refuse_cites(cites, number)
            self.in_infobox = True
        elif self.in_infobox and line.startswith("- ") and ":" in line:
            key, value = body[2:].split(":", 1)
            if fold(key) in VERSION_KEYS:
                key, value = line[2:].split(":", 1)  # each version ends with its own markers
                cites = []
            self.article.infobox[fold(key)] = (value.strip(), number)
            if cites and fold(key) not in FACT_KEYS:
                self.error(number, NOWHERE_INFOBOX)
            if cites:
                self.article.fact_cites[FACT_KEYS[fold(key)]] = self.cite(cites, number)
        elif body in ("|}", "|-") or body.startswith("{|"):
            self.refuse_cites(cites, number)
            self.read_lost_table(number)
        elif line.startswith("|"):
            self.read_table_row(number, line)
        elif line.startswith("- ") and self.top == "see_also":
            self.refuse_cites(cites, number)
            self.article.see_also.append(line[2:].strip())
        elif line.startswith("- "):
            self.add_note(NoteLine(body[2:].strip(), "bullet", number, self.cite(cites, number)))
        elif line.startswith("Note:"):
            self.add_note(NoteLine(body[len("Note:") :].strip(), "paragraph", number, self.cite(cites, number)))
        elif DATE_LINE.match(body):
            self.refuse_cites(cites, number)
            self.read_date(number, body)
        elif self.current_section():
            self.read_match(number, body, self.cite(cites, number))
        elif looks_like_a_match(body):
            self.error(number, _("a match line outside any group or round: put it under a group or round heading"))
        else:
            # In running text the markers stay in the text (pages show them as footnote links); one source may be
            # cited by several sentences of a paragraph.
            if numbers := markers_in(line):
                self.cite_uses.append((numbers, number))
            self.read_paragraph(number, line)

    def cite_heading(self, number, level, cites):
        """Markers at the end of a stage's, region's, group's or round's heading cite it."""
        if not cites:
            return
        if level == 2 and self.top in STAGE_SECTIONS:
            self.article.stage_cites[self.top] = (self.cite(cites, number), number)
        elif level > 2 and not self.skipping_section and isinstance(self.stack[-1][1], Container | Section):
            self.stack[-1][1].cites = self.cite(cites, number)
        else:
            self.error(number, NOWHERE)

    def read_heading(self, number, level, name):
        self.check_no_pending_date(number)
        if level == 1:
            year = re.search(r"\b(\d{4})\b", name)
            self.skipping_section = False
            if not year:
                self.error(number, _("the title '%(name)s' has no year") % {"name": name})
            self.article.year, self.article.year_line = int(year.group(1)), number
            return
        if level == 2:
            self.top = TOP_SECTIONS.get(fold(name))
            self.stack = []
            self.skipping_section = self.top is None
            if self.top is None:
                expected = "Team changes, Departmental Stage, Regional Stage, National Stage, See also, Resumen, "
                expected += "Other names or Sources"
                self.error(
                    number,
                    _("unknown section '%(name)s': expected %(expected)s") % {"name": name, "expected": expected},
                )
            if self.top == "summary_translation":
                self.article.summary_translation_line = number
            if self.top in STAGE_SECTIONS:
                self.article.stage_lines.setdefault(self.top, number)
            if self.top == "national":
                self.stack = [(2, self.article.national)]
                self.article.national.line = number
            return
        if self.skipping_section:
            return
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        parent = self.stack[-1][1] if self.stack else None
        self.stack.append((level, self.heading_node(number, name, parent)))

    def heading_node(self, number, name, parent):
        key = fold(name)
        if parent is None:
            found = re.fullmatch(r"region ([ivxlc]+)", key)
            if self.top != "regional" or not found or not from_roman(found.group(1)):
                self.error(
                    number,
                    _("the heading '%(name)s' is not understood here (expected 'Region I', 'Region II', ...)")
                    % {"name": name},
                )
            return self.new_region(number, from_roman(found.group(1)))
        if isinstance(parent, Container):
            return self.new_section(number, name, parent, group=None)
        if isinstance(parent, Section) and parent.kind == "group":
            matchday = re.fullmatch(r"round (\d{1,3})", key)
            if matchday:
                return ("matchday", int(matchday.group(1)), parent)
            if "group" in key:
                self.error(
                    number,
                    _("the group '%(name)s' is nested inside the group '%(parent)s'")
                    % {"name": name, "parent": parent.name},
                )
            return self.new_section(number, name, self.container(), group=parent)
        self.error(
            number, _("the heading '%(name)s' cannot stand under a knockout round or a matchday") % {"name": name}
        )

    def new_region(self, number, region_number):
        if any(region.number == region_number for region in self.article.regions):
            self.error(number, _("Region %(numeral)s appears twice") % {"numeral": to_roman(region_number)})
        region = Container(region_number, number)
        self.article.regions.append(region)
        return region

    def new_section(self, number, name, container, group):
        key = fold(name)
        if "tiebreak" in key or "playoff" in key or "play-off" in key:
            kind = "tiebreaker"
        elif "group" in key:
            kind, group = "group", None
        else:
            # Only a tiebreaker settles a group: a "Final" under a group is a round of the region.
            kind, group = "knockout", None
        taken = {(section.name, section.group and section.group.name) for section in container.sections}
        if (name, group and group.name) in taken:
            self.error(number, _("'%(name)s' appears twice in the same place") % {"name": name})
        section = Section(kind, name, number, order=len(container.sections) + 1, group=group)
        container.sections.append(section)
        return section

    # ----- where we are -----
    def container(self):
        return next((node for _level, node in reversed(self.stack) if isinstance(node, Container)), None)

    def current_section(self):
        """The innermost group or round, and the matchday number when under a "Round N" heading."""
        if not self.stack:
            return None
        node = self.stack[-1][1]
        if isinstance(node, tuple):
            return node[2], node[1]
        return (node, None) if isinstance(node, Section) else None

    def add_note(self, note):
        if not note.text:
            self.error(note.line, _("an empty note"))
        current = self.current_section()
        if current:
            current[0].notes.append(note)
        elif self.container() is not None and self.container().number is not None:
            self.container().notes.append(note)
        else:
            self.article.notes.append(note)

    # ----- lines -----
    def read_lost_table(self, number):
        if self.top in ("team_changes", "departmental"):
            return  # the end of an ordinary table
        if not self.current_section():
            self.error(
                number, _("a lost table ('|}') outside any group or round: put it under the heading it belongs to")
            )

    def read_table_row(self, number, line):
        body, cites = split_markers(line)
        cells = cells_of(body)
        if self.top == "departmental":
            if not cites and len(cells) > 1 and cells[-1]:
                # "| Lima | Team | Town | [1] |": the markers in a cell of their own.
                rest, in_cell = split_markers(cells[-1])
                if not rest:
                    cells, cites = cells[:-1], in_cell
            self.read_qualifier(number, cells, self.cite(cites, number))
        elif self.top == "team_changes":
            self.refuse_cites(cites, number)
            self.read_team_change_row(number, cells)
        else:
            self.error(number, _("a table row outside the departmental and team-changes tables is not understood"))

    def read_qualifier(self, number, cells, cites=()):
        if fold(cells[0]) == "department":
            self.refuse_cites(cites, number)
            return
        department = DEPARTMENTS_BY_KEY.get(fold(cells[0]))
        if department:
            cells = cells[1:]
        elif self.article.qualifiers:
            # A flattened rowspan: the row continues the department above.
            department = self.article.qualifiers[-1].department
        else:
            self.error(
                number,
                _("a team row before any department: '%(cell)s' is not one of Peru's departments") % {"cell": cells[0]},
            )
        team = cells[0] if cells else ""
        if not team:
            self.error(number, _("a departmental row without a team"))
        if len(cells) > 2 and any(cells[2:]):
            self.error(number, _("too many cells: expected Department, Team, Location"))
        location = cells[1] if len(cells) > 1 else ""
        self.article.qualifiers.append(QualifierRow(department, team, location, number, list(cites)))

    def read_team_change_row(self, number, cells):
        columns = self.article.team_changes
        if not columns:
            for cell in cells:
                self.refuse_cites(split_markers(cell)[1], number)
                found = TEAM_CHANGE_HEADING.match(fold(cell))
                if not found:
                    self.error(
                        number,
                        _(
                            "unknown team-changes heading '%(cell)s': expected e.g. 'Promoted to 1998 Primera "
                            "División' or 'Relegated from 1997 Segunda División'"
                        )
                        % {"cell": cell},
                    )
                direction = "promoted" if found.group(1) == "promoted to" else "relegated"
                columns.append(TeamChangeColumn(direction, found.group(3), int(found.group(2)), number))
            return
        if len(cells) > len(columns):
            self.error(
                number,
                _("%(cells)s cells under %(headings)s team-changes headings")
                % {"cells": len(cells), "headings": len(columns)},
            )
        self.article.team_change_rows += 1
        for column, cell in zip(columns, cells, strict=False):
            name, cites = split_markers(cell)
            if name:
                column.cells.append((name, number, self.cite(cites, number)))
            else:
                self.refuse_cites(cites, number)

    def read_date(self, number, line):
        try:
            date = dt.date(*(int(part) for part in line.split("-")))
        except ValueError:
            self.error(number, _("'%(text)s' is not a date (expected YYYY-MM-DD, e.g. 2008-12-07)") % {"text": line})
        if not self.current_section():
            self.error(number, _("a date line outside any group or round"))
        self.check_no_pending_date(number)
        self.pending_date = (date, number)

    def read_match(self, number, line, cites=()):
        section, matchday = self.current_section()
        try:
            found = score_line_parts(line)
        except NumberTooLarge as error:
            self.pending_date = None
            self.error(number, error.sentence())
        if found is None:
            self.pending_date = None
            bad = bad_score(line)
            if bad:
                self.error(
                    number,
                    _("the score '%(score)s' is not two numbers (expected e.g. 'Home 2-1 Away')") % {"score": bad},
                )
            self.error(
                number,
                _("'%(text)s' is not a match line: expected 'Home 2-1 Away' or 'Home v Away'") % {"text": line[:80]},
            )
        home, away, home_score, away_score, extra = found
        entry = MatchLine(home, away, home_score, away_score, number, round_number=matchday, cites=list(cites))
        if extra:
            entry.after_extra_time = extra[0]
            if extra[1]:
                entry.home_penalties, entry.away_penalties = extra[1]
        if self.pending_date:
            entry.date = self.pending_date[0]
            self.pending_date = None
        self.check_not_repeated(section, entry)
        section.matches.append(entry)

    def check_not_repeated(self, section, entry):
        """The same two teams in the same round on the same day (or, undated, with the same home side) is one match
        written twice, not a second match."""
        teams = (folded(entry.home), folded(entry.away))
        teams = frozenset(teams) if entry.date else teams
        key = (id(section), entry.round_number, teams, entry.date)
        first = self.match_keys.setdefault(key, entry.line)
        if first != entry.line:
            self.error(
                entry.line,
                _(
                    "the match %(home)s v %(away)s is already on line %(line)s, in the same round and on the same "
                    "day: remove one of the two lines"
                )
                % {"home": entry.home, "away": entry.away, "line": first},
            )

    def read_paragraph(self, number, line):
        container = self.container()
        if self.top == "intro":
            self.article.summary.append(line)
            self.article.summary_lines.append(number)
        elif self.top == "summary_translation":
            self.article.summary_translation.append(line)
        elif container is not None and container.number is not None:
            self.read_region_paragraph(number, line, container)
        elif self.top in ("departmental", "regional", "national"):
            self.article.stage_text.setdefault(self.top, []).append(line)
        else:
            self.error(number, _("text not understood under this heading: '%(text)s'") % {"text": line[:60]})

    def read_region_paragraph(self, number, line, region):
        found = REGION_SENTENCE.match(line)
        if not found or region.departments:
            region.paragraphs.append(line)
            return
        if from_roman(found.group(1)) != region.number:
            self.error(
                number,
                _("the sentence names Region %(named)s under the heading Region %(heading)s")
                % {"named": found.group(1), "heading": to_roman(region.number)},
            )
        for name in _listed_names(found.group(2)):
            department = DEPARTMENTS_BY_KEY.get(fold(name))
            if department is None:
                self.error(number, _("unknown department '%(name)s'") % {"name": name.strip()})
            if department in region.departments:
                self.error(number, _("%(department)s is named twice") % {"department": department})
            region.departments.append(department)
        if found.group(3):
            region.paragraphs.append(found.group(3))

    # ----- checks -----
    def check_no_pending_date(self, number):
        if self.pending_date:
            self.error(self.pending_date[1], _("a date line with no match line after it"))

    def check_summary_translation(self):
        """The Spanish summary cites the same sources as the English one: it says the same, in other words."""
        article = self.article
        if not article.summary_translation_line:
            return
        english = {number for line in article.summary for number in markers_in(line)}
        spanish = {number for line in article.summary_translation for number in markers_in(line)}
        if english != spanish:
            listed = ", ".join(f"[{number}]" for number in sorted(english)) or "none"
            self.report(
                article.summary_translation_line,
                f"the Resumen must cite the same sources as the summary ({listed}): correct its markers.",
            )

    def check_infobox(self):
        article = self.article
        season = article.infobox.get("season")
        if not article.year:
            self.error(1, _("no title: the article must start with '= YEAR Copa Perú ='"))
        if season and season[0] != str(article.year):
            self.error(
                season[1],
                _("the infobox says season %(season)s but the title says %(year)s")
                % {"season": season[0], "year": article.year},
            )
        for key, offset in (("prevseason", -1), ("nextseason", 1)):
            value = article.infobox.get(key)
            if value and value[0] != str(article.year + offset):
                article.warnings.append(
                    f"{article.path}:{value[1]}: "
                    + _("%(key)s is %(value)s, expected %(expected)s")
                    % {"key": key.capitalize(), "value": value[0], "expected": article.year + offset}
                )
