"""Apply the rules engine (tournaments/rules/) to stored groups and ties: the one bridge between models and rules.

Pages, exports and the admin all read group tables and tie winners from here, so a table and the
qualification marks beside it can never disagree.

Callers pass objects whose related rows are already loaded (see ``GROUP_ROWS_PREFETCH`` and ``ROUND_PREFETCH``);
nothing here runs a query per row.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from ..models import GroupTeam, Match, Note, NoteKind, PointsAdjustment, Tie
from ..presentation.results import MARK_LEGEND, tiebreak_reason
from ..rules.knockout import Leg, TieOutcome, decide_tie
from ..rules.match_results import counting_results
from ..rules.standings import Result, StandingsRow, standings

TIE_PREFETCH = [
    Prefetch("matches", queryset=Match.objects.with_teams().order_by("leg", "date", "pk")),
    Prefetch("notes", queryset=Note.objects.rulings().select_related("favoured_team")),
]

# What a knockout round needs for tie_outcome() on each of its ties.
ROUND_PREFETCH = [
    Prefetch("ties", queryset=Tie.objects.select_related("team_a", "team_b").prefetch_related(*TIE_PREFETCH)),
]

# A group's own rows; its tiebreaker playoffs come from the stage's rounds (see playoffs_of).
GROUP_ROWS_PREFETCH = [
    Prefetch("entries", queryset=GroupTeam.objects.select_related("team")),
    Prefetch("matches", queryset=Match.objects.with_teams().order_by("round_number", "date", "order", "pk")),
    Prefetch("points_adjustments", queryset=PointsAdjustment.objects.select_related("team")),
]


class Mark:
    """Qualification marks beside a table row; each has a letter so it never relies on colour alone."""

    PROMOTED = "promoted"
    ADVANCES = "advances"
    UNDECIDED = "undecided"
    WITHDRAWN = "withdrawn"

    # {mark: (letter, meaning)}; the words are the presentation layer's.
    LEGEND = MARK_LEGEND


@dataclass
class TableRow:
    """A standings row with the Team object and its qualification mark."""

    standing: StandingsRow
    team: object
    mark: str = ""
    # Why this team is below the one above although level on points ("" when points separated them).
    tiebreak: str = ""

    def __getattr__(self, name):
        return getattr(self.standing, name)

    @property
    def position_display(self):
        """ "3", "1=" for a shared position, "" for a team that withdrew (it keeps no position)."""
        if self.standing.withdrawn:
            return ""
        return f"{self.standing.position}=" if self.standing.tied else str(self.standing.position)

    def as_dict(self):
        return {
            **self.standing.as_dict(),
            "team": self.team,
            "mark": self.mark,
            "position": self.position_display,
            "tiebreak": self.tiebreak,
        }


@dataclass
class GroupTable:
    group: object
    rows: list = field(default_factory=list)
    # True when some match that should count has no recorded result (unknown score, suspended, scheduled).
    incomplete: bool = False

    @property
    def recorded(self):
        return self.group.results_recorded and bool(self.rows)

    @property
    def marks_used(self):
        return [(mark, *Mark.LEGEND[mark]) for mark in Mark.LEGEND if any(row.mark == mark for row in self.rows)]

    @property
    def tiebreak_notes(self):
        """The table's footnotes on level teams: "Tayca Chilcal ahead of Amenaza Verde on head-to-head"."""
        return [row.tiebreak for row in self.rows if row.tiebreak]


def decides_tie(note):
    """Whether a ruling decides its tie: it names a favoured team, and it is more than a suspended or unplayed leg.

    A suspension whose note says "Cable Visión qualified" is the source's statement of who went on (a stored
    Progression), not a tie won "by ruling" (issue 10, case 3).
    """
    return note.is_ruling and note.favoured_team_id and note.kind not in (NoteKind.SUSPENDED, NoteKind.NOT_PLAYED)


def tie_outcome(tie, *, away_goals_rule=False) -> TieOutcome:
    """The winner of a stored tie and how it was decided ("3-2 on aggregate", "by ruling of the FPF")."""
    legs = [
        Leg(
            match.home_team_id,
            match.away_team_id,
            match.home_score,
            match.away_score,
            match.home_penalties,
            match.away_penalties,
            match.after_extra_time,
        )
        for match in tie.matches.all()
    ]
    ruling = next((note for note in tie.notes.all() if decides_tie(note)), None)
    if tie.team_a_id is None or tie.team_b_id is None:
        return TieOutcome(None, None, "undecided", "result not recorded", None)
    return decide_tie(
        tie.team_a_id,
        tie.team_b_id,
        legs,
        away_goals_rule=away_goals_rule,
        ruling_winner=ruling.favoured_team_id if ruling else None,
        ruling_authority=(ruling.decided_by or "FPF") if ruling else "FPF",
    )


def _playoff_results(playoff_rounds, away_goals_rule):
    """(winner, loser) of every decided tie of the group's tiebreaker playoffs, in no meaningful order.

    The engine ranks from these pairs alone (a winner above every team it beat, directly or not), so the table
    cannot depend on the order in which the playoffs are listed.
    """
    pairs = []
    for playoff in playoff_rounds:
        for tie in playoff.ties.all():
            outcome = tie_outcome(tie, away_goals_rule=away_goals_rule)
            if outcome.winner is not None and outcome.loser is not None:
                pairs.append((outcome.winner, outcome.loser))
    return pairs


def group_table(group, *, playoff_rounds) -> GroupTable:
    """The ranked table of a group with its qualification marks.

    Expects ``group`` fetched with ``GROUP_ROWS_PREFETCH`` and ``select_related("season")``, and the group's
    tiebreaker rounds, fetched with ``ROUND_PREFETCH``, as ``playoff_rounds`` (see ``playoffs_of``).

    A team that withdrew (``GroupTeam.withdrawal``) is listed last with no position; when its ruling annulled its
    results, its matches get ``annulled = True`` so the fixtures list them as not counted.
    """
    entries = list(group.entries.all())
    teams = {entry.team_id: entry.team for entry in entries}
    withdrawn = {entry.team_id: entry.withdrawal for entry in entries if entry.withdrawal}
    struck_out = {team_id for team_id, rule in withdrawn.items() if rule == GroupTeam.Withdrawal.ANNULLED}
    matches = list(group.matches.all())
    for match in matches:
        teams.setdefault(match.home_team_id, match.home_team)
        teams.setdefault(match.away_team_id, match.away_team)
        match.annulled = bool({match.home_team_id, match.away_team_id} & struck_out)
    adjustments = {}
    for adjustment in group.points_adjustments.all():
        teams.setdefault(adjustment.team_id, adjustment.team)
        adjustments[adjustment.team_id] = adjustments.get(adjustment.team_id, 0) + adjustment.points
    if not teams:
        return GroupTable(group=group)

    results, incomplete = counting_results(match for match in matches if not match.annulled)
    # The engine ranks Team objects themselves, so teams it cannot separate are listed by name.
    results = [
        Result(teams[result.home], teams[result.away], result.home_goals, result.away_goals) for result in results
    ]
    playoffs = _playoff_results(playoff_rounds, group.season.away_goals_rule)
    ranked = standings(
        teams.values(),
        results,
        points_for_win=group.win_points,
        points_for_draw=group.draw_points,
        tiebreakers=group.tiebreakers,
        adjustments={teams[team_id]: points for team_id, points in adjustments.items()},
        playoff_results=[(teams[winner], teams[loser]) for winner, loser in playoffs if {winner, loser} <= set(teams)],
        withdrawn={teams[team_id]: rule for team_id, rule in withdrawn.items()},
    )
    rows = [TableRow(standing=row, team=row.team) for row in ranked]
    for above, row in zip(rows, rows[1:], strict=False):
        if not row.standing.withdrawn and row.standing.decided_by:
            row.tiebreak = tiebreak_reason(above.team.name, row.team.name, row.standing.decided_by)
    _mark_qualifiers(
        [row for row in rows if not row.standing.withdrawn],
        promoted=group.places_promoted,
        advancing=group.places_advancing,
    )
    for row in rows:
        if row.standing.withdrawn:
            row.mark = Mark.WITHDRAWN
    return GroupTable(group=group, rows=rows, incomplete=incomplete)


def playoffs_of(group, rounds):
    """The tiebreaker rounds among ``rounds`` that settle ``group``, for ``group_table(playoff_rounds=...)``."""
    return [playoff for playoff in rounds if playoff.group_id == group.pk]


def _mark_qualifiers(rows, *, promoted, advancing):
    """Mark the top places; a tie that straddles a cut-off is marked undecided rather than guessed."""
    for cut, mark in ((promoted, Mark.PROMOTED), (max(advancing, promoted), Mark.ADVANCES)):
        if not cut:
            continue
        for row in rows:
            if row.mark:
                continue
            if row.standing.position > cut:
                break
            straddles = row.standing.tied and any(
                other.standing.position == row.standing.position for other in rows[cut:]
            )
            row.mark = Mark.UNDECIDED if straddles else mark
