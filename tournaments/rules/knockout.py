"""Who went through in a knockout tie, over one match or two legs, and how.

Pure Python with no Django imports.  A fan reads the outcome as "CNI won 3-2 on
aggregate" or "Sport Huancayo won 4-3 on penalties", so besides the winner the
engine names the method and writes that phrase.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

__all__ = ["Leg", "TieOutcome", "decide_tie"]


@dataclass(frozen=True, slots=True)
class Leg:
    """One match of a tie.  Goals may be None while the score is unknown.

    Penalties are the shoot-out score, if there was one; ``after_extra_time`` says the
    goals include extra time.
    """

    home: Hashable
    away: Hashable
    home_goals: int | None
    away_goals: int | None
    home_penalties: int | None = None
    away_penalties: int | None = None
    after_extra_time: bool = False

    def __post_init__(self) -> None:
        if self.home == self.away:
            raise ValueError(f"Team {self.home!r} cannot play itself")
        for value in (self.home_goals, self.away_goals, self.home_penalties, self.away_penalties):
            if value is not None and (not isinstance(value, int) or value < 0):
                raise ValueError(f"Leg {self.home!r} v {self.away!r} has a negative or non-integer score")
        if self.home_penalties is not None and self.home_penalties == self.away_penalties:
            raise ValueError(f"Shoot-out in {self.home!r} v {self.away!r} cannot end level")


@dataclass(frozen=True, slots=True)
class TieOutcome:
    """The decision of a tie.

    ``aggregate`` is (goals of team_a, goals of team_b) over all legs, or None while any
    score is unknown.  ``winner`` and ``loser`` are None when ``method`` is "undecided".

    The data a page words the outcome from (``presentation.results.tie_summary``):
    ``winner_goals``/``loser_goals`` over all legs, ``penalties`` as (winner's, loser's),
    ``after_extra_time`` when the deciding leg went to extra time, ``two_legged``, and the
    ``authority`` of a ruling.  ``summary`` is the engine's plain-English phrase, kept for
    scripts and doctests; no page shows it (pages word outcomes through ``presentation.results``).
    """

    winner: Hashable | None
    loser: Hashable | None
    method: str
    summary: str
    aggregate: tuple[int, int] | None
    winner_goals: int | None = field(default=None, compare=False)
    loser_goals: int | None = field(default=None, compare=False)
    penalties: tuple[int, int] | None = field(default=None, compare=False)
    after_extra_time: bool = field(default=False, compare=False)
    two_legged: bool = field(default=False, compare=False)
    authority: str = field(default="", compare=False)


def _goals_for(team: Hashable, leg: Leg) -> int:
    return leg.home_goals if leg.home == team else leg.away_goals


def decide_tie(
    team_a: Hashable,
    team_b: Hashable,
    legs: Sequence[Leg],
    *,
    away_goals_rule: bool = False,
    ruling_winner: Hashable | None = None,
    ruling_authority: str = "FPF",
) -> TieOutcome:
    """Decide a tie between ``team_a`` and ``team_b`` from its legs, in the order played.

    A ruling (walkover, suspension, federation decision) overrides the scores.  The away
    goals rule applies only when asked for and only over two or more legs.  A penalty
    shoot-out is read from the last leg.

    >>> outcome = decide_tie("CNI", "Cobresol", [Leg("CNI", "Cobresol", 2, 0), Leg("Cobresol", "CNI", 2, 1)])
    >>> outcome.winner, outcome.method, outcome.summary, outcome.aggregate
    ('CNI', 'aggregate', '3-2 on aggregate', (3, 2))
    >>> decide_tie("A", "B", [Leg("A", "B", 1, 1, home_penalties=3, away_penalties=5)]).summary
    '1-1, 5-3 on penalties'
    """
    if team_a == team_b:
        raise ValueError(f"Team {team_a!r} cannot meet itself in a tie")
    tie = {team_a, team_b}
    for leg in legs:
        for team in (leg.home, leg.away):
            if team not in tie:
                raise ValueError(f"Leg {leg.home!r} v {leg.away!r} names {team!r}, who is not in this tie")
    if ruling_winner is not None and ruling_winner not in tie:
        raise ValueError(f"Ruling winner {ruling_winner!r} is not in this tie")

    known = bool(legs) and all(leg.home_goals is not None and leg.away_goals is not None for leg in legs)
    aggregate = None
    if known:
        aggregate = (
            sum(_goals_for(team_a, leg) for leg in legs),
            sum(_goals_for(team_b, leg) for leg in legs),
        )

    last = legs[-1] if legs else None
    two_legged = len(legs) > 1
    extra_time = bool(last and last.after_extra_time and aggregate is not None)

    def won_by(winner: Hashable, method: str, summary: str, penalties=None) -> TieOutcome:
        loser = team_b if winner == team_a else team_a
        scored = dict(zip((team_a, team_b), aggregate, strict=True)) if aggregate else {}
        return TieOutcome(
            winner,
            loser,
            method,
            summary,
            aggregate,
            winner_goals=scored.get(winner),
            loser_goals=scored.get(loser),
            penalties=penalties,
            after_extra_time=extra_time,
            two_legged=two_legged,
            authority=ruling_authority if method == "ruling" else "",
        )

    if ruling_winner is not None:
        # Walkovers and desk decisions stand whatever was played on the pitch.
        return won_by(ruling_winner, "ruling", f"by ruling of the {ruling_authority}")
    if aggregate is None:
        return TieOutcome(None, None, "undecided", "result not recorded", None)

    goals = dict(zip((team_a, team_b), aggregate, strict=True))

    def score(winner: Hashable) -> str:
        loser = team_b if winner == team_a else team_a
        return f"{goals[winner]}-{goals[loser]}"

    if goals[team_a] != goals[team_b]:
        winner = team_a if goals[team_a] > goals[team_b] else team_b
        phrase = f"{score(winner)} on aggregate" if two_legged else score(winner)
        if last.after_extra_time:
            return won_by(winner, "extra_time", f"{phrase} after extra time")
        return won_by(winner, "aggregate" if two_legged else "single_match", phrase)

    level = f"{score(team_a)} on aggregate" if two_legged else score(team_a)
    if away_goals_rule and two_legged:
        away = {team: sum(_goals_for(team, leg) for leg in legs if leg.away == team) for team in tie}
        if away[team_a] != away[team_b]:
            winner = team_a if away[team_a] > away[team_b] else team_b
            if extra_time:
                level += " after extra time"
            return won_by(winner, "away_goals", f"{level}, won on away goals")

    if last.home_penalties is not None and last.away_penalties is not None:
        penalties = {last.home: last.home_penalties, last.away: last.away_penalties}
        winner = max(penalties, key=penalties.__getitem__)
        loser = team_b if winner == team_a else team_a
        if last.after_extra_time:
            level += " after extra time"
        summary = f"{level}, {penalties[winner]}-{penalties[loser]} on penalties"
        return won_by(winner, "penalties", summary, (penalties[winner], penalties[loser]))

    return TieOutcome(None, None, "undecided", "undecided", aggregate, after_extra_time=extra_time)
