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

__all__ = [
    "DEFAULT_TIEBREAKERS",
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

    def as_dict(self) -> dict:
        """The row as a plain dict, for django-tables2 and JSON.

        >>> StandingsRow("CNI", 1, 1, 1, 0, 0, 2, 0, 2, 3, False).as_dict()["points"]
        3
        """
        return {f.name: getattr(self, f.name) for f in fields(self)}


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


def _neutral_order(team: Hashable) -> tuple[str, str]:
    # Teams nothing could separate are listed alphabetically, never in input order,
    # so the same results always print the same table.
    return (str(team), repr(team))


def _check_goals(result: Result) -> None:
    for goals in (result.home_goals, result.away_goals):
        if not isinstance(goals, int) or goals < 0:
            raise ValueError(f"Result {result} has a missing or negative score")


class _Table:
    """The data one call of ``standings()`` ranks with."""

    def __init__(self, records, matches_by_team, points_for_win, points_for_draw, decisions, codes):
        self.records: dict[Hashable, _Record] = records
        self.matches_by_team: dict[Hashable, list[Result]] = matches_by_team
        self.points_for_win = points_for_win
        self.points_for_draw = points_for_draw
        self.decision_index: dict[Hashable, int] = decisions
        self.codes: list[str] = codes

    def rank(self, group: list, start: int) -> list[list]:
        """Split teams level on every code before ``start`` into ordered sub-groups.

        Each returned sub-group is still level after every code (usually a single team).
        """
        if len(group) == 1:
            return [group]
        for index in range(start, len(self.codes)):
            code = self.codes[index]
            if code == _HEAD_TO_HEAD:
                runs = self._split(group, self._head_to_head_keys(group), higher_is_better=True)
                if len(runs) > 1:
                    # UEFA's way: a sub-group still level plays its own mini-league again,
                    # over only its mutual matches, before the next code is reached.
                    return [sub for run in runs for sub in self.rank(run, index)]
            elif code == _PLAYOFF:
                runs = self._split_by_decisions(group)
                if len(runs) > 1:
                    return [sub for run in runs for sub in self.rank(run, index + 1)]
            else:
                keys = {team: getattr(self.records[team], code) for team in group}
                runs = self._split(group, keys, TIEBREAKERS[code].higher_is_better)
                if len(runs) > 1:
                    return [sub for run in runs for sub in self.rank(run, index + 1)]
        # Level after every code: a recorded playoff or drawing of lots is the last word.
        runs = self._split_by_decisions(group)
        return [sorted(run, key=_neutral_order) for run in runs]

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
        index = self.decision_index
        decided = sorted((team for team in group if team in index), key=index.__getitem__)
        undecided = [team for team in group if team not in index]
        return [[team] for team in decided] + ([undecided] if undecided else [])

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
) -> list[StandingsRow]:
    """Build a league table, best team first.

    ``tiebreakers`` are codes from ``TIEBREAKERS`` applied in order to the teams
    still level on every earlier code (default: points, goal difference, goals
    scored).  ``adjustments`` maps a team to points added (positive) or docked
    (negative) by a ruling.  ``tiebreak_decisions`` lists teams in the order a
    recorded playoff or drawing of lots put them; it settles teams the codes left level.

    >>> rows = standings(
    ...     ["Cienciano", "Melgar", "Aurora"],
    ...     [Result("Cienciano", "Melgar", 2, 0), Result("Aurora", "Melgar", 1, 1)],
    ... )
    >>> [(r.position, r.team, r.points, r.goal_difference) for r in rows]
    [(1, 'Cienciano', 3, 2), (2, 'Aurora', 1, 0), (3, 'Melgar', 1, -2)]

    Teams nothing separates share a position:

    >>> [(r.position, r.team, r.tied) for r in standings(["B", "A"], [Result("A", "B", 1, 1)])]
    [(1, 'A', True), (1, 'B', True)]
    """
    codes = validate_tiebreakers(DEFAULT_TIEBREAKERS if tiebreakers is None else tiebreakers)

    records: dict[Hashable, _Record] = {}
    for team in teams:
        if team in records:
            raise ValueError(f"Team {team!r} is listed twice in teams")
        records[team] = _Record()
    matches_by_team: dict[Hashable, list[Result]] = {team: [] for team in records}

    for result in results:
        home, away = result.home, result.away
        for team in (home, away):
            if team not in records:
                raise ValueError(f"Unknown team {team!r} in result {result}")
        if home == away:
            raise ValueError(f"Team {home!r} cannot play itself ({result})")
        _check_goals(result)
        hg, ag = result.home_goals, result.away_goals
        h, a = records[home], records[away]
        h.played += 1
        a.played += 1
        h.goals_for += hg
        h.goals_against += ag
        a.goals_for += ag
        a.goals_against += hg
        if hg > ag:
            h.wins += 1
            a.losses += 1
        elif hg < ag:
            a.wins += 1
            h.losses += 1
        else:
            h.draws += 1
            a.draws += 1
        matches_by_team[home].append(result)
        matches_by_team[away].append(result)

    adjustments = dict(adjustments or {})
    for team in adjustments:
        if team not in records:
            raise ValueError(f"Unknown team {team!r} in adjustments")
    for team, record in records.items():
        record.points = record.wins * points_for_win + record.draws * points_for_draw + adjustments.get(team, 0)

    decision_index: dict[Hashable, int] = {}
    for index, team in enumerate(tiebreak_decisions or ()):
        if team not in records:
            raise ValueError(f"Unknown team {team!r} in tiebreak_decisions")
        if team in decision_index:
            raise ValueError(f"Team {team!r} is listed twice in tiebreak_decisions")
        decision_index[team] = index

    if not records:
        return []
    table = _Table(records, matches_by_team, points_for_win, points_for_draw, decision_index, codes)
    rows: list[StandingsRow] = []
    for group in table.rank(list(records), 0):
        position = len(rows) + 1
        for team in group:
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
                    tied=len(group) > 1,
                    adjustment=adjustments.get(team, 0),
                )
            )
    return rows
