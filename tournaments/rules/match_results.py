"""Turn stored matches into the results a league table counts.

Duck-typed: anything with ``home_team_id``, ``away_team_id``, ``home_score``,
``away_score`` and ``status`` will do, so the model, the importer and tests can all
use it without a database.
"""

from __future__ import annotations

from collections.abc import Iterable

from tournaments.rules.match_status import MatchStatus
from tournaments.rules.standings import Result

__all__ = ["counting_results"]

# A score under these statuses belongs in the table; without one the table is incomplete.
# Awarded: decided at the desk, the awarded score counts. Abandoned: counts once the organisers declare a score.
_COUNTING = frozenset({MatchStatus.PLAYED, MatchStatus.AWARDED, MatchStatus.ABANDONED})
# Still owed a result, so the table cannot be final yet.
_PENDING = frozenset({MatchStatus.SCHEDULED, MatchStatus.SUSPENDED})


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
                results.append(Result(match.home_team_id, match.away_team_id, match.home_score, match.away_score))
        elif status in _PENDING:
            incomplete = True
        elif status != MatchStatus.NOT_PLAYED:
            # Guessing would silently drop or count a match; better to fail loudly.
            raise ValueError(f"Unknown match status {status!r}")
    return results, incomplete
