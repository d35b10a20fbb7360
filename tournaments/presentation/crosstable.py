"""A round-robin group's results grid (cross-table), as encyclopedia group tables have: home teams down, away teams
across, the score of each match in its cell.

Plain Python over a group's prefetched matches and its ranked rows; no query. A match whose score the sources lost is
a "not recorded" cell, never a 0-0; a pair with no match at that venue is an empty cell; a match whose home side
the sources do not give (``sides_known=False``) cannot take a cell and is counted apart.
"""

from dataclasses import dataclass, field

from ..models import MatchStatus


@dataclass
class Cell:
    """One home-v-away cell: ``matches`` (usually one) and whether it is the team against itself."""

    matches: list = field(default_factory=list)
    own: bool = False

    @property
    def scores(self):
        """[(match, (home goals, away goals) or None when the score is not recorded)] for the matches played."""
        return [
            (match, (match.home_score, match.away_score) if match.score_known else None)
            for match in self.matches
            if match.status not in (MatchStatus.NOT_PLAYED, MatchStatus.SCHEDULED)
        ]

    @property
    def not_played(self):
        return bool(self.matches) and all(
            match.status in (MatchStatus.NOT_PLAYED, MatchStatus.SCHEDULED) for match in self.matches
        )


@dataclass
class CrossTable:
    teams: list  # in the group table's order
    rows: list  # [(team, [Cell, ...])]
    unplaced: list  # matches whose home side is not recorded


def cross_table(view):
    """The grid of a GroupResults (selectors.stages), or None when the group has no matches to show."""
    matches = list(view.group.matches.all())
    if not matches:
        return None
    teams = [row.team for row in view.table.rows] if view.table.rows else []
    known = {team.pk for team in teams}
    for match in matches:
        for team in (match.home_team, match.away_team):
            if team.pk not in known:
                known.add(team.pk)
                teams.append(team)
    cells = {(home.pk, away.pk): Cell(own=home.pk == away.pk) for home in teams for away in teams}
    unplaced = []
    for match in matches:
        if match.sides_known:
            cells[(match.home_team_id, match.away_team_id)].matches.append(match)
        else:
            unplaced.append(match)
    rows = [(home, [cells[(home.pk, away.pk)] for away in teams]) for home in teams]
    return CrossTable(teams=teams, rows=rows, unplaced=unplaced)
