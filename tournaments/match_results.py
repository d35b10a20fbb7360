"""Turn stored matches into the results a league table counts.

Duck-typed and free of Django: anything with ``home_team_id``, ``away_team_id``,
``home_score``, ``away_score`` and ``status`` will do, so the model, fixtures and
tests can all use it.  The status strings below are the values the Django model
stores; it should reuse these constants rather than repeat the literals.
"""

from __future__ import annotations

from collections.abc import Iterable

from tournaments.standings import Result

__all__ = [
    "STATUS_ABANDONED",
    "STATUS_AWARDED",
    "STATUS_NOT_PLAYED",
    "STATUS_PLAYED",
    "STATUS_SCHEDULED",
    "STATUS_SUSPENDED",
    "MatchStatus",
    "counting_results",
]


class MatchStatus:
    """What happened to a fixture, as stored in the database."""

    SCHEDULED = "scheduled"
    PLAYED = "played"
    # Stopped, with the outcome still to be settled by the organisers.
    SUSPENDED = "suspended"
    # Stopped for good; counts only once the organisers declare a score.
    ABANDONED = "abandoned"
    # Decided at the desk (walkover, ineligible player): the awarded score counts.
    AWARDED = "awarded"
    # Not played by agreement, typically a dead rubber at the end of a regional group.
    NOT_PLAYED = "not_played"

    CHOICES = (
        (SCHEDULED, "Scheduled"),
        (PLAYED, "Played"),
        (SUSPENDED, "Suspended"),
        (ABANDONED, "Abandoned"),
        (AWARDED, "Awarded"),
        (NOT_PLAYED, "Not played"),
    )
    ALL = frozenset(code for code, _ in CHOICES)


STATUS_SCHEDULED = MatchStatus.SCHEDULED
STATUS_PLAYED = MatchStatus.PLAYED
STATUS_SUSPENDED = MatchStatus.SUSPENDED
STATUS_ABANDONED = MatchStatus.ABANDONED
STATUS_AWARDED = MatchStatus.AWARDED
STATUS_NOT_PLAYED = MatchStatus.NOT_PLAYED

# A score under these statuses belongs in the table; without one the table is incomplete.
_COUNTING = frozenset({STATUS_PLAYED, STATUS_AWARDED, STATUS_ABANDONED})
# Still owed a result, so the table cannot be final yet.
_PENDING = frozenset({STATUS_SCHEDULED, STATUS_SUSPENDED})


def counting_results(matches: Iterable) -> tuple[list[Result], bool]:
    """Return ``(results, incomplete)`` for the matches a table should count.

    Played, awarded and abandoned matches count when both scores are known.
    ``incomplete`` is True when some match owes the table a result it has not given
    (scheduled, suspended, or a counting status with a missing score); a match not
    played by agreement owes nothing.  An unknown status raises ``ValueError``.

    >>> from types import SimpleNamespace as Match
    >>> counting_results([
    ...     Match(home_team_id=1, away_team_id=2, home_score=3, away_score=0, status="awarded"),
    ...     Match(home_team_id=2, away_team_id=1, home_score=None, away_score=None, status="scheduled"),
    ... ])
    ([Result(home=1, away=2, home_goals=3, away_goals=0)], True)
    """
    results: list[Result] = []
    incomplete = False
    for match in matches:
        status = match.status
        if status in _COUNTING:
            if match.home_score is None or match.away_score is None:
                incomplete = True
            else:
                results.append(
                    Result(match.home_team_id, match.away_team_id, match.home_score, match.away_score)
                )
        elif status in _PENDING:
            incomplete = True
        elif status != STATUS_NOT_PLAYED:
            # Guessing would silently drop or count a match; better to fail loudly.
            raise ValueError(f"Unknown match status {status!r}")
    return results, incomplete
