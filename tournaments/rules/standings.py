"""League tables for Copa Perú groups, built from match results and ordered tiebreakers.

Pure Python with no Django imports: views and admin actions pass in team ids and
``Result`` tuples and get back ``StandingsRow`` objects in table order.  Every season
of the Copa Perú had its own rules (2 or 3 points for a win, head-to-head or goal
difference first, playoffs between teams level on points), so all of them are
parameters rather than constants.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields

from .names import spanish_sort_key

__all__ = [
    "DEFAULT_TIEBREAKERS",
    "SHARED",
    "TIEBREAKERS",
    "Result",
    "StandingsRow",
    "Tiebreaker",
    "standings",
    "tiebreaker_choices",
    "validate_tiebreakers",
]


@dataclass(frozen=True, slots=True)
class Result:
    """The final score of one counted match; teams are any hashable ids."""

    home: Hashable
    away: Hashable
    home_goals: int
    away_goals: int


@dataclass(frozen=True, slots=True)
class StandingsRow:
    """One line of a league table.

    ``position`` is competition-ranked: teams that no rule could separate share it
    (printed "1=") and have ``tied=True``.  ``adjustment`` is the points added or
    docked by a ruling and is already included in ``points``.

    ``decided_by`` says what put this row below the row above: a tiebreaker code from
    ``TIEBREAKERS`` ("points" when the two were not level on points, "head_to_head",
    "playoff", ...), ``LOTS`` when the listed order of ``tiebreak_decisions`` (not a played
    playoff) did, ``SHARED`` when nothing separated them, and "" on the first row.
    ``withdrawn`` rows (a team that withdrew and whose results were annulled, or whose
    results stand without it keeping a place) come last, with ``position`` 0.
    """

    team: Hashable
    position: int
    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
    goal_difference: int
    points: int
    tied: bool
    adjustment: int = 0
    decided_by: str = ""
    withdrawn: bool = False

    def as_dict(self) -> dict:
        """The row's columns as a plain dict, for django-tables2 and JSON (``decided_by`` and
        ``withdrawn`` describe the row rather than fill a column, and are read as attributes).

        >>> StandingsRow("CNI", 1, 1, 1, 0, 0, 2, 0, 2, 3, False).as_dict()["points"]
        3
        """
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _ROW_FACTS}


_ROW_FACTS = frozenset({"decided_by", "withdrawn"})


@dataclass(frozen=True, slots=True)
class Tiebreaker:
    """A rule for ordering teams; ``higher_is_better`` is False where fewer is better."""

    code: str
    label: str
    abbreviation: str
    higher_is_better: bool = True


# Registry order is the order offered in forms.  The codes that compare a single
# number are also the attribute names of the engine's per-team record.
TIEBREAKERS: dict[str, Tiebreaker] = {
    t.code: t
    for t in (
        Tiebreaker("points", "Points", "Pts"),
        Tiebreaker("goal_difference", "Goal difference", "GD"),
        Tiebreaker("goals_for", "Goals scored", "GF"),
        Tiebreaker("wins", "Matches won", "W"),
        Tiebreaker("goals_against", "Goals conceded (fewer is better)", "GA", higher_is_better=False),
        Tiebreaker("head_to_head", "Head-to-head results", "H2H"),
        # Copa Perú regional groups were often settled by a playoff match, not by goal
        # difference, when teams finished level on points.  This code separates nobody
        # by itself: it marks where the rules send level teams to a playoff, and the
        # recorded outcome (or drawing of lots) arrives as ``tiebreak_decisions``.
        Tiebreaker("playoff", "Playoff (or drawing of lots)", "PO"),
    )
}

DEFAULT_TIEBREAKERS: tuple[str, ...] = ("points", "goal_difference", "goals_for")

# ``StandingsRow.decided_by`` of a team that no rule separated from the team above: they share a position.
SHARED = "shared"
# ``StandingsRow.decided_by`` when the "playoff" step put a team below the one above through the listed order of
# ``tiebreak_decisions`` (a drawing of lots the editors recorded) rather than a recorded playoff result.
LOTS = "lots"
# What happens to the results of a team that withdrew, as the ruling states it.
WITHDRAWAL_RULES = ("annulled", "results_stand")

_HEAD_TO_HEAD = "head_to_head"
_PLAYOFF = "playoff"


def tiebreaker_choices() -> list[tuple[str, str]]:
    """``(code, label)`` pairs for a form's choices, in registry order.

    >>> tiebreaker_choices()[:2]
    [('points', 'Points'), ('goal_difference', 'Goal difference')]
    """
    return [(t.code, t.label) for t in TIEBREAKERS.values()]


def validate_tiebreakers(codes: Iterable[str]) -> list[str]:
    """Check an ordered list of tiebreaker codes and return it as a list.

    Raises ``ValueError`` naming the first unknown or repeated code.

    >>> validate_tiebreakers(["points", "head_to_head"])
    ['points', 'head_to_head']
    >>> validate_tiebreakers(["points", "fair_play"])
    Traceback (most recent call last):
    ...
    ValueError: Unknown tiebreaker 'fair_play'
    """
    if isinstance(codes, str):
        # A bare string would otherwise be read one letter at a time.
        raise TypeError(f"Tiebreakers must be a list of codes, not the string {codes!r}")
    checked: list[str] = []
    for code in codes:
        if code not in TIEBREAKERS:
            raise ValueError(f"Unknown tiebreaker {code!r}")
        if code in checked:
            raise ValueError(f"Tiebreaker {code!r} is listed twice")
        checked.append(code)
    if not checked:
        raise ValueError("At least one tiebreaker is needed (usually 'points')")
    return checked


class _Record:
    """Running totals for one team; attribute names match the tiebreaker codes."""

    __slots__ = ("draws", "goals_against", "goals_for", "losses", "played", "points", "wins")

    def __init__(self) -> None:
        self.played = self.wins = self.draws = self.losses = 0
        self.goals_for = self.goals_against = self.points = 0

    @property
    def goal_difference(self) -> int:
        return self.goals_for - self.goals_against


def _neutral_order(team: Hashable) -> tuple:
    # Teams nothing could separate are listed alphabetically (as a Spanish reader orders
    # names), never in input order, so the same results always print the same table.
    return (spanish_sort_key(str(team)), repr(team))


def _check_goals(result: Result) -> None:
    for goals in (result.home_goals, result.away_goals):
        if not isinstance(goals, int) or goals < 0:
            raise ValueError(f"Result {result} has a missing or negative score")


class _Table:
    """The data one call of ``standings()`` ranks with."""

    def __init__(self, records, matches_by_team, points_for_win, points_for_draw, decided, beaten, codes):
        self.records: dict[Hashable, _Record] = records
        self.matches_by_team: dict[Hashable, list[Result]] = matches_by_team
        self.points_for_win = points_for_win
        self.points_for_draw = points_for_draw
        # Teams a recorded playoff or drawing of lots placed, and (winner, loser) pairs between them.
        self.decided: set = decided
        self.beaten: set[tuple[Hashable, Hashable]] = beaten
        self.codes: list[str] = codes

    def rank(self, group: list, start: int, reason: str = "") -> list[tuple[list, str]]:
        """Split teams level on every code before ``start`` into ordered sub-groups.

        Returns ``(sub-group, reason)`` pairs: each sub-group is still level after every
        code (usually a single team); ``reason`` is the code that put it below the
        sub-group before it (the first one inherits ``reason``), or ``SHARED`` inside a run.
        """
        if len(group) == 1:
            return [(group, reason)]
        for index in range(start, len(self.codes)):
            code = self.codes[index]
            if code == _HEAD_TO_HEAD:
                runs = self._split(group, self._head_to_head_keys(group), higher_is_better=True)
                if len(runs) > 1:
                    # UEFA's way: a sub-group still level plays its own mini-league again,
                    # over only its mutual matches, before the next code is reached.
                    return self._rank_runs(runs, index, code, reason)
            elif code == _PLAYOFF:
                runs = self._split_by_decisions(group)
                if len(runs) > 1:
                    return self._rank_runs(runs, index + 1, code, reason)
            else:
                keys = {team: getattr(self.records[team], code) for team in group}
                runs = self._split(group, keys, TIEBREAKERS[code].higher_is_better)
                if len(runs) > 1:
                    return self._rank_runs(runs, index + 1, code, reason)
        # Level after every code: a recorded playoff or drawing of lots is the last word.
        runs = self._split_by_decisions(group)
        if len(runs) > 1:
            return self._rank_runs(runs, len(self.codes), _PLAYOFF, reason)
        return [(sorted(group, key=_neutral_order), reason)]

    def _rank_runs(self, runs: list[list], start: int, code: str, reason: str) -> list[tuple[list, str]]:
        ranked = []
        for number, run in enumerate(runs):
            ranked += self.rank(run, start, reason if number == 0 else code)
        return ranked

    @staticmethod
    def _split(group: list, keys: Mapping, higher_is_better: bool) -> list[list]:
        ordered = sorted(group, key=keys.__getitem__, reverse=higher_is_better)
        runs = [[ordered[0]]]
        for team in ordered[1:]:
            if keys[team] == keys[runs[-1][0]]:
                runs[-1].append(team)
            else:
                runs.append([team])
        return runs

    def _split_by_decisions(self, group: list) -> list[list]:
        """Layers of the recorded playoffs among ``group``: a winner above every team it beat, directly or not.

        A step ladder (B beat C, then A beat B) gives A, B, C whatever order the playoffs are listed in.
        Teams no playoff separates stay level in one layer; teams no playoff placed come last.
        """
        remaining = [team for team in group if team in self.decided]
        undecided = [team for team in group if team not in self.decided]
        layers = []
        while remaining:
            top = [team for team in remaining if not any((other, team) in self.beaten for other in remaining)]
            if not top:
                # The playoffs went round in a circle: they separate none of these teams.
                top = remaining
            layers.append(top)
            remaining = [team for team in remaining if team not in top]
        return layers + ([undecided] if undecided else [])

    def _head_to_head_keys(self, group: list) -> dict[Hashable, tuple[int, int, int]]:
        """Points, goal difference and goals scored in matches among ``group`` only."""
        members = set(group)
        points = dict.fromkeys(group, 0)
        difference = dict.fromkeys(group, 0)
        scored = dict.fromkeys(group, 0)
        for team in group:
            for match in self.matches_by_team[team]:
                # Each mutual match is counted once, from its home team's list.
                if match.home != team or match.away not in members:
                    continue
                home, away, hg, ag = match.home, match.away, match.home_goals, match.away_goals
                scored[home] += hg
                scored[away] += ag
                difference[home] += hg - ag
                difference[away] += ag - hg
                if hg > ag:
                    points[home] += self.points_for_win
                elif hg < ag:
                    points[away] += self.points_for_win
                else:
                    points[home] += self.points_for_draw
                    points[away] += self.points_for_draw
        return {team: (points[team], difference[team], scored[team]) for team in group}


def standings(
    teams: Iterable[Hashable],
    results: Iterable[Result],
    *,
    points_for_win: int = 3,
    points_for_draw: int = 1,
    tiebreakers: Sequence[str] | None = None,
    adjustments: Mapping[Hashable, int] | None = None,
    tiebreak_decisions: Sequence[Hashable] | None = None,
    playoff_results: Iterable[tuple[Hashable, Hashable]] = (),
    withdrawn: Mapping[Hashable, str] | None = None,
) -> list[StandingsRow]:
    """Build a league table, best team first.

    ``tiebreakers`` are codes from ``TIEBREAKERS`` applied in order to the teams
    still level on every earlier code (default: points, goal difference, goals
    scored).  ``adjustments`` maps a team to points added (positive) or docked
    (negative) by a ruling.  ``tiebreak_decisions`` lists teams in the order a
    recorded playoff or drawing of lots put them; ``playoff_results`` gives recorded
    tiebreaker playoffs as (winner, loser) pairs.  Both settle only teams the codes
    left level: a winner ranks above every team it beat, directly or through a team
    it beat (a step ladder), whatever order the playoffs are listed in.

    ``withdrawn`` maps a team that withdrew to the rule its ruling states
    (``WITHDRAWAL_RULES``): "annulled" strikes all its results from the table, as if
    never played; "results_stand" keeps them for its opponents.  Either way the team
    is listed last with no position (``withdrawn=True``, ``position`` 0).

    >>> rows = standings(
    ...     ["Cienciano", "Melgar", "Aurora"],
    ...     [Result("Cienciano", "Melgar", 2, 0), Result("Aurora", "Melgar", 1, 1)],
    ... )
    >>> [(r.position, r.team, r.points, r.goal_difference) for r in rows]
    [(1, 'Cienciano', 3, 2), (2, 'Aurora', 1, 0), (3, 'Melgar', 1, -2)]

    Teams nothing separates share a position:

    >>> [(r.position, r.team, r.tied, r.decided_by) for r in standings(["B", "A"], [Result("A", "B", 1, 1)])]
    [(1, 'A', True, ''), (1, 'B', True, 'shared')]
    """
    codes = validate_tiebreakers(DEFAULT_TIEBREAKERS if tiebreakers is None else tiebreakers)

    records: dict[Hashable, _Record] = {}
    for team in teams:
        if team in records:
            raise ValueError(f"Team {team!r} is listed twice in teams")
        records[team] = _Record()
    matches_by_team: dict[Hashable, list[Result]] = {team: [] for team in records}
    withdrawn = dict(withdrawn or {})
    for team, rule in withdrawn.items():
        if team not in records:
            raise ValueError(f"Unknown team {team!r} in withdrawn")
        if rule not in WITHDRAWAL_RULES:
            raise ValueError(f"Unknown withdrawal rule {rule!r} for {team!r}")
    annulled = {team for team, rule in withdrawn.items() if rule == "annulled"}

    for result in results:
        home, away = result.home, result.away
        for team in (home, away):
            if team not in records:
                raise ValueError(f"Unknown team {team!r} in result {result}")
        if home == away:
            raise ValueError(f"Team {home!r} cannot play itself ({result})")
        _check_goals(result)
        if home in annulled or away in annulled:
            continue
        _count(records[home], records[away], result.home_goals, result.away_goals)
        matches_by_team[home].append(result)
        matches_by_team[away].append(result)

    adjustments = dict(adjustments or {})
    for team in adjustments:
        if team not in records:
            raise ValueError(f"Unknown team {team!r} in adjustments")
    for team, record in records.items():
        record.points = record.wins * points_for_win + record.draws * points_for_draw + adjustments.get(team, 0)

    decided, beaten = _decisions(records, tiebreak_decisions or (), playoff_results)

    if not records:
        return []
    table = _Table(records, matches_by_team, points_for_win, points_for_draw, decided, beaten, codes)
    rows: list[StandingsRow] = []

    def add(team, position, tied, decided_by, out=False):
        r = records[team]
        rows.append(
            StandingsRow(
                team=team,
                position=position,
                played=r.played,
                won=r.wins,
                drawn=r.draws,
                lost=r.losses,
                goals_for=r.goals_for,
                goals_against=r.goals_against,
                goal_difference=r.goal_difference,
                points=r.points,
                tied=tied,
                adjustment=adjustments.get(team, 0),
                decided_by=decided_by,
                withdrawn=out,
            )
        )

    # Pairs a recorded playoff settled; a "playoff" step not among them came from the listed order (lots).
    _, played = _decisions(records, (), playoff_results)
    ranked = [team for team in records if team not in withdrawn]
    for group, reason in table.rank(ranked, 0) if ranked else []:
        position = len(rows) + 1
        if reason == _PLAYOFF and tiebreak_decisions and (rows[-1].team, group[0]) not in played:
            reason = LOTS
        for number, team in enumerate(group):
            add(team, position, len(group) > 1, reason if number == 0 else SHARED)
    for team in sorted(withdrawn, key=_neutral_order):
        add(team, 0, False, "", out=True)
    return rows


def _count(home: _Record, away: _Record, home_goals: int, away_goals: int) -> None:
    home.played += 1
    away.played += 1
    home.goals_for += home_goals
    home.goals_against += away_goals
    away.goals_for += away_goals
    away.goals_against += home_goals
    if home_goals > away_goals:
        home.wins += 1
        away.losses += 1
    elif home_goals < away_goals:
        away.wins += 1
        home.losses += 1
    else:
        home.draws += 1
        away.draws += 1


def _decisions(records, tiebreak_decisions, playoff_results):
    """(teams placed by a playoff or lots, {(winner, loser)}) from both ways of recording them."""
    decided: set = set()
    beaten: set = set()
    listed: list = []
    for team in tiebreak_decisions:
        if team not in records:
            raise ValueError(f"Unknown team {team!r} in tiebreak_decisions")
        if team in listed:
            raise ValueError(f"Team {team!r} is listed twice in tiebreak_decisions")
        listed.append(team)
    decided.update(listed)
    # A listed order is a ladder: each team above every team after it.
    beaten.update((above, below) for index, above in enumerate(listed) for below in listed[index + 1 :])
    for winner, loser in playoff_results:
        for team in (winner, loser):
            if team not in records:
                raise ValueError(f"Unknown team {team!r} in playoff_results")
        if winner == loser:
            raise ValueError(f"Team {winner!r} cannot beat itself in a playoff")
        decided.update((winner, loser))
        beaten.add((winner, loser))
    # Transitive: a team that beat B also ranks above every team B beat.
    changed = True
    while changed:
        changed = False
        for winner, middle in list(beaten):
            for other, loser in list(beaten):
                if other == middle and winner != loser and (winner, loser) not in beaten:
                    beaten.add((winner, loser))
                    changed = True
    return decided, beaten
