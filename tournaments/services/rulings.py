"""Read the ruling in a note: a small keyword classifier that names no team and no season. No ORM.

Keywords, checked in this order (the first that appears decides the kind):
- "abandoned" (and "after N minutes")                    -> abandoned, with the minute play stopped;
- "suspended"                                            -> suspended;
- "withdrew" / "withdrawn"                               -> the team withdrew; "annulled" in the note means its
                                                            results were struck out, otherwise they stand;
- "awarded a 3-0 win" / "awarded the match 3-0" / "walkover" -> a result awarded to the team named just before
                                                            (a walkover counts in the table, it is not "not played");
- "docked N points" / "deducted N pts"                   -> points docked (-N);
- "received N pts" / "awarded N points"                  -> points awarded (+N);
- "agreed to not play", "agreed not to play", "not played", "did not play" -> not played;
- anything else is a plain note.
A note that reads as two kinds that do not go together ("suspended" and "abandoned", "not played" and points
awarded) is ambiguous: ``Ruling.ambiguous`` says so, for the import report, and the ruling is read the safe way,
as a plain note that changes no result. An awarded result settles the match: "did not play ... awarded a 3-0
win" is one walkover, and "abandoned ... awarded 3-0" an awarded result, neither ambiguous.
The teams are the candidates' names found in the text (see team_names.find_teams). "X qualified", "X went
through" or "X was declared ... winner" names the favoured team; "between X and Y" gives the two sides in order.
"""

import re
from dataclasses import dataclass, field

from .article_parser import MAX_GOAL_DIGITS, NumberTooLarge
from .team_names import find_teams

# Points docked or awarded, and the minute play stopped, have at most this many digits; more is a typing mistake.
MAX_POINTS_DIGITS = 3


def _count(digits, limit, what="goals and penalties"):
    """The int of digits a ruling states; raises NumberTooLarge (whose sentence the importer reports) beyond limit."""
    if len(digits) > limit:
        raise NumberTooLarge(digits, what, limit)
    return int(digits)


ABANDONED = re.compile(r"\babandoned\b(?:\s+after\s+(\d+)\s+minutes)?", re.I)
SUSPENDED = re.compile(r"\bsuspended\b", re.I)
DOCKED = re.compile(r"\b(?:docked|deducted)\s+(?:of\s+)?(\d+)\s+(?:pts|points)\b", re.I)
AWARDED = re.compile(r"\b(?:received|awarded)\s+(\d+)\s+(?:pts|points)\b(?P<source>\s+from\s+[^,.;]+)?", re.I)
WITHDREW = re.compile(r"\bwithdr(?:ew|awn)\b", re.I)
ANNULLED = re.compile(r"\bannull", re.I)
AWARDED_RESULT = re.compile(
    r"\bawarded\s+(?:(?:a|the)\s+)?(?:match\s+|result\s+)?(\d+)\s*[-–]\s*(\d+)(?:\s+(?:win|victory))?"
    r"|\b(walkover)\b",
    re.I,
)
NOT_PLAYED = re.compile(r"\b(?:agreed\s+(?:to\s+not|not\s+to)\s+play|not\s+played|did\s+not\s+play)\b", re.I)
FAVOURED = re.compile(r"\s+(?:qualified|went\s+through|advanced|(?:was|were)\s+declared\b[^.;]*?\bwinners?\b)", re.I)
AUTHORITY = re.compile(r"(?<![\w.])(F\.P\.F\.|FPF)(?!\w)")
DECLARED_SCORE = re.compile(r"declared the (?:match|result) ended (?:by )?(\d+-\d+)", re.I)
SHOOTOUT = re.compile(r"shoot-?out winners? (?:by )?(\d+)-(\d+)", re.I)
LEG = re.compile(r"\b(1st|first|2nd|second)\s+leg\b", re.I)
SENTENCE_END = re.compile(r"[.!?;](?=\s+[A-Z])")


# In the order they take precedence.
KINDS = (
    ("abandoned", ABANDONED),
    ("suspended", SUSPENDED),
    ("withdrawn", WITHDREW),
    ("awarded", AWARDED_RESULT),
    ("points_docked", DOCKED),
    ("points_awarded", AWARDED),
    ("not_played", NOT_PLAYED),
)
# Kinds one ruling may state together without doubt: a withdrawal often says what became of the points.
_GO_TOGETHER = {"withdrawn", "points_docked", "points_awarded"}
# An awarded result is the last word on a match, whatever happened to it on the pitch before.
_SETTLED_BY_AN_AWARD = ("abandoned", "suspended", "not_played")


@dataclass
class Ruling:
    kind: str = "note"  # a NoteKind value
    teams: list = field(default_factory=list)  # distinct teams named, in reading order
    pair: tuple = ()  # the two sides of the match concerned, in the order the note implies
    favoured: str | None = None
    leg: int | None = None
    minute: int | None = None
    points: int | None = None
    shootout: tuple | None = None  # penalties (favoured team's, other's)
    awarded_score: tuple | None = None  # an awarded result (favoured team's goals, other's)
    withdrawal: str = ""  # for a withdrawal: "annulled" or "results_stand", as the note states
    ambiguous: str = ""  # why the words did not settle the kind, for the import report
    decided_by: str = ""
    decision: str = ""
    reason: str = ""  # the sentence that awards or docks points


def read_ruling(text, candidates):
    """The Ruling a note states, naming only `candidates` (team names); raises NumberTooLarge for absurd numbers."""
    mentions = find_teams(text, candidates)
    ruling = Ruling(teams=list(dict.fromkeys(name for _, _, name in mentions)))
    authority = AUTHORITY.search(text)
    ruling.decided_by = authority.group(1) if authority else ""
    leg = LEG.search(text)
    ruling.leg = (1 if leg.group(1).lower() in ("1st", "first") else 2) if leg else None
    ruling.favoured = next((name for _, end, name in mentions if FAVOURED.match(text, end)), None)
    found = {kind: match for kind, pattern in KINDS if (match := pattern.search(text))}
    if "awarded" in found:
        # "A did not play its match against C, who were awarded a 3-0 win": one walkover, counted in the table.
        for kind in _SETTLED_BY_AN_AWARD:
            found.pop(kind, None)
    kinds = list(found)
    if len(kinds) > 1 and not set(kinds) <= _GO_TOGETHER:
        ruling.ambiguous = "reads as " + " and as ".join(kind.replace("_", " ") for kind in kinds)
        return ruling
    if kinds:
        ruling.kind = kinds[0]
        _read_details(ruling, kinds[0], found[kinds[0]], text, mentions)
    return ruling


def _read_details(ruling, kind, found, text, mentions):
    if kind == "withdrawn":
        team = _named_before(text, found, mentions)
        ruling.pair = (team,) if team else ()
        ruling.withdrawal = "annulled" if ANNULLED.search(text) else "results_stand"
        ruling.decision = f"{team} withdrew" + ("; all its results annulled" if ruling.withdrawal == "annulled" else "")
        return
    if kind == "awarded":
        ruling.favoured = _named_before(text, found, mentions) or ruling.favoured
        others = [name for _, _, name in mentions if name != ruling.favoured]
        ruling.pair = tuple(dict.fromkeys([*others[:1], ruling.favoured])) if ruling.favoured else ()
        if found.group(1) is not None:
            ruling.awarded_score = (_count(found.group(1), MAX_GOAL_DIGITS), _count(found.group(2), MAX_GOAL_DIGITS))
            ruling.decision = f"{ruling.favoured} awarded a {found.group(1)}-{found.group(2)} win"
        else:
            ruling.decision = f"{ruling.favoured} awarded the match"
        return
    if kind in ("points_awarded", "points_docked"):
        team = _points_team(text, found, mentions)
        ruling.points = _count(found.group(1), MAX_POINTS_DIGITS, "points") * (1 if kind == "points_awarded" else -1)
        ruling.reason = _sentence(text, found.start())
        if kind == "points_awarded":
            ruling.favoured = team
            source = (found.group("source") or "").strip()
            ruling.decision = f"{team} awarded {ruling.points} points" + (f" {source}" if source else "")
        else:
            ruling.decision = f"{team} docked {-ruling.points} points"
        ruling.pair = (team,) if team else ()
        return
    ruling.pair = _pair(text, mentions, ruling.favoured if kind == "abandoned" else None)
    leg = {1: "First leg", 2: "Second leg"}.get(ruling.leg, "Match")
    if kind == "suspended":
        ruling.decision = f"{leg} suspended" + (f"; {ruling.favoured} went through" if ruling.favoured else "")
    elif kind == "not_played":
        ruling.decision = "Not played by agreement" if re.search(r"\bagreed\b", text, re.I) else "Not played"
    else:
        ruling.minute = _count(found.group(1), MAX_POINTS_DIGITS, "minutes") if found.group(1) else None
        parts = []
        declared = DECLARED_SCORE.search(text)
        if declared:
            parts.append(f"Match declared ended {declared.group(1)}")
        shootout = SHOOTOUT.search(text)
        if shootout and ruling.favoured:
            ruling.shootout = (_count(shootout.group(1), MAX_GOAL_DIGITS), _count(shootout.group(2), MAX_GOAL_DIGITS))
            won = f"{ruling.favoured} declared shoot-out winner {shootout.group(1)}-{shootout.group(2)}"
            parts.append(won + (" and champions" if re.search(r"\bchampions\b", text, re.I) else ""))
        ruling.decision = "; ".join(parts) or "Match abandoned"


def _pair(text, mentions, first=None):
    between = re.search(r"\bbetween\b", text, re.I)
    if between:
        after = list(dict.fromkeys(name for start, _, name in mentions if start > between.end()))
        if len(after) >= 2:
            return tuple(after[:2])
    names = list(dict.fromkeys(name for _, _, name in mentions))
    if first in names:
        names = [first] + [name for name in names if name != first]
    return tuple(names[:2])


def _sentence_bounds(text, position):
    start = 0
    for end in SENTENCE_END.finditer(text):
        if end.start() >= position:
            return start, end.end()
        start = end.end()
    return start, len(text)


def _sentence(text, position):
    start, end = _sentence_bounds(text, position)
    return text[start:end].strip()


def _named_before(text, found, mentions):
    """The last team named before the verb in its sentence ("..., C, who were awarded"), else the first in it."""
    start, end = _sentence_bounds(text, found.start())
    before = [name for first, _, name in mentions if start <= first < found.start()]
    if before:
        return before[-1]
    inside = [name for first, _, name in mentions if start <= first < end]
    return inside[0] if inside else None


def _points_team(text, found, mentions):
    """Who got the points: "awarded 3 points to X", else the last team named before the verb in its sentence."""
    after = re.match(r"\s+to\s+", text[found.end() :])
    if after:
        target = found.end() + after.end()
        named = next((name for start, _, name in mentions if start == target), None)
        if named:
            return named
    return _named_before(text, found, mentions)
