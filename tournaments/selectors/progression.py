"""Who went on from each tie, group, region and the national stage, and how far a team went in a season.

Stored progressions (a ruling, the source's words, a later stage) come from the database; computed ones (a
group's places going on, a tie's winner) are made here from the tables and ties that ``stages.build_stage``
has already ranked through outcomes.py, so they always follow the results. Every page that says who went on, or
how far a team went, reads it from here: ``went_on``, ``podium`` and ``how_far`` are the only places it is worked
out.
"""

from dataclasses import dataclass, field
from enum import IntEnum

from ..models import KnockoutRound, Progression, RoundKind, StageKind
from .outcomes import Mark, decides_tie

Basis = Progression.Basis
Outcome = Progression.Outcome

# When several records say a team went on, the page leads with the firmest.
BASIS_ORDER = [Basis.RULING, Basis.STATED, Basis.TIE, Basis.TABLE, Basis.SOURCE_TABLE, Basis.INFERRED]
ROUND_DEPTH = {RoundKind.FINAL: 4, RoundKind.SEMIFINAL: 3, RoundKind.QUARTERFINAL: 2, RoundKind.EARLIER: 1}


def stored_progressions(queryset):
    """Stored progressions with what their sentences name, in one query."""
    return list(queryset.select_related("team", "note", "region", "group", "tie__round"))


def _computed(team, basis, outcome, **where):
    """An unsaved Progression for what the results show; pages read it exactly as they read a stored one."""
    return Progression(team=team, basis=basis, outcome=outcome, **where)


def computed_progressions(stage):
    """Unsaved Progressions for what the results show: each marked table row and each decided tie's winner.

    ``stage`` is a StageResults (selectors.stages). A table row marked promoted or going on gives basis "table"
    (with ``row``); a tie's winner gives basis "tie" (with ``tie_result``), or "ruling" with the ruling's note when
    a ruling decided it. Tiebreaker playoffs only rank their group and give none of their own.
    """
    found = []
    for view in stage.groups:
        if not view.table.recorded:
            continue
        for row in view.table.rows:
            outcome = {Mark.PROMOTED: Outcome.PROMOTED, Mark.ADVANCES: Outcome.WENT_ON}.get(row.mark)
            if outcome:
                progression = _computed(row.team, Basis.TABLE, outcome, group=view.group, region=view.group.region)
                progression.row = row
                found.append(progression)
    for view in stage.rounds:
        if view.round.kind != KnockoutRound.Kind.KNOCKOUT:
            continue
        final = view.round.round_kind == RoundKind.FINAL
        for result in view.ties:
            if result.winner is None:
                continue
            ruling = result.outcome.method == "ruling"
            note = next((n for n in result.tie.notes.all() if decides_tie(n)), None)
            progression = _computed(
                result.winner,
                Basis.RULING if ruling else Basis.TIE,
                Outcome.FIRST if final else Outcome.WENT_ON,
                tie=result.tie,
                region=view.round.region,
                note=note if ruling else None,
            )
            progression.tie_result = result
            found.append(progression)
    return found


@dataclass
class TeamProgress:
    """One team going on from a region (or stage), with every record that says so, firmest first."""

    team: object
    progressions: list = field(default_factory=list)


def went_on(stage, stored):
    """[TeamProgress] for a region's page: who went on from its groups, last knockout round and the region.

    Computed rows: each marked table row, and the winners of the last knockout round (a region's earlier rounds
    only lead to it). Stored rows: everything recorded for the region. One entry per team, in first-seen order.
    """
    computed = computed_progressions(stage)
    knockout = [view.round.pk for view in stage.rounds if view.round.kind == KnockoutRound.Kind.KNOCKOUT]
    last = knockout[-1] if knockout else None
    computed = [item for item in computed if not item.tie_id or item.tie_result.tie.round_id == last]
    by_team = {}
    for item in [*stored, *computed]:
        by_team.setdefault(item.team.pk, TeamProgress(item.team)).progressions.append(item)
    for entry in by_team.values():
        entry.progressions.sort(key=lambda item: BASIS_ORDER.index(item.basis))
    return list(by_team.values())


@dataclass
class Podium:
    """The season's champion, runner-up and promoted teams, each with how it is known.

    ``champion`` is the federation's winner as the season records it (the source states it). ``runner_up`` is
    derived from the results unless a stored progression states it: ``runner_up_progression`` says which
    (basis, with ``row`` or ``tie_result``); none is derived when the champion is not recorded, since the results'
    runner-up would say who won. ``promoted`` are the final group's promoted rows (its places promoted come from
    the article's National Stage text), or the champion when the season's ``national_stage_text`` says the winner
    is promoted; otherwise [] (not recorded): a cup's winner is not promoted unless a source says so.
    """

    season: object = None
    runner_up: object = None
    runner_up_progression: object = None
    promoted_by_table: list = field(default_factory=list)

    @property
    def champion(self):
        # Read only when shown, so a team page (whose seasons come without their champion) spends no query on it.
        return self.season.champion if self.season is not None and self.season.champion_id else None

    @property
    def promoted(self):
        if self.promoted_by_table:
            return self.promoted_by_table
        if self.champion is not None and winner_promoted(getattr(self.season, "national_stage_text", "")):
            return [self.champion]
        return []

    @property
    def runner_up_derived(self):
        return self.runner_up_progression is not None and self.runner_up_progression.basis != Basis.STATED


def winner_promoted(stage_text):
    """True when a National Stage text says its winner is promoted ("The winners of the National Stage will be
    promoted to the 1999 Torneo Descentralizado", the 1998 article), the way the importer reads a final group's
    places promoted from the same text."""
    words = stage_text.casefold()
    return "winner" in words and "promoted" in words


def _final_group(stage, complete):
    promoting = [view for view in stage.groups if view.group.places_promoted and view.group.region_id is None]
    if promoting:
        return promoting[-1]
    national = [view for view in stage.groups if view.group.region_id is None]
    return national[-1] if national and complete else None


def podium(season, stage, stored=(), *, complete=True):
    """The Podium of ``season`` from its national ``stage`` (a StageResults) and its stored national progressions.

    ``complete`` is False when ``stage`` holds only some of the national stage (a team page): a final group is then
    recognised only by its places promoted. A stored "runner-up" progression (the source names one) wins over
    what the results show.
    """
    result = Podium(season=season)
    final = _final_group(stage, complete)
    # A runner-up from the results names the team above it as the winner: with no champion recorded the site
    # names neither, unless a source names the runner-up itself.
    derive = bool(season.champion_id)
    if final is not None and final.table.recorded:
        result.promoted_by_table = [row.team for row in final.table.rows if row.mark == Mark.PROMOTED]
        rows = final.table.rows
        second = rows[1] if len(rows) > 1 else None
        if derive and second is not None and second.position == 2 and not second.tied and not final.table.incomplete:
            progression = _computed(second.team, Basis.TABLE, Outcome.RUNNER_UP, group=final.group)
            progression.row = second
            result.runner_up_progression = progression
    if derive and result.runner_up_progression is None:
        # Only the national final names a runner-up; a region's final (2008 Region IV) does not.
        finals = [
            view for view in stage.rounds if view.round.round_kind == RoundKind.FINAL and view.round.region_id is None
        ]
        decided = [tie for view in finals for tie in view.ties if tie.loser is not None]
        if len(decided) == 1:
            tie = decided[0]
            basis = Basis.RULING if tie.outcome.method == "ruling" else Basis.TIE
            progression = _computed(tie.loser, basis, Outcome.RUNNER_UP, tie=tie.tie)
            progression.tie_result = tie
            result.runner_up_progression = progression
    named = next(
        (
            item
            for item in stored
            if item.outcome == Outcome.RUNNER_UP and item.basis in (Basis.STATED, Basis.SOURCE_TABLE)
        ),
        None,
    )
    if named is not None:
        result.runner_up_progression = named
    if result.runner_up_progression is not None:
        result.runner_up = result.runner_up_progression.team
    return result


class Level(IntEnum):
    """How far a team went in a season, furthest last (so ``max`` picks the furthest)."""

    DEPARTMENTAL = 1
    REGIONAL = 2
    WENT_ON_FROM_REGION = 3
    REGION_WINNER = 4
    NATIONAL = 5
    RUNNER_UP = 6
    CHAMPION = 7


@dataclass
class Reached:
    """How far a team went: the level, and what names it (the region, the national round, the basis)."""

    level: Level
    region: object = None
    stage_name: str = ""  # the furthest national round or group played
    basis: str = ""  # a Progression.Basis when a progression says it; "inferred" is shown as such
    progression: object = None


def how_far(team, season, *, qualifier, group_views, tie_results, progressions, season_podium):
    """The one answer to "how far did ``team`` go in ``season``", as a Reached, or None when it took no part.

    ``group_views`` are the GroupResults of groups it played in, ``tie_results`` (KnockoutRound, TieResult) pairs
    of its ties, ``progressions`` its stored and computed progressions that season, ``season_podium`` the Podium.
    A team that only appears in the season's team changes took no part in the Copa Perú: None.
    """
    candidates = []
    if season.champion_id == team.pk:
        candidates.append(Reached(Level.CHAMPION, basis=Basis.STATED))
    runner_up = season_podium.runner_up_progression
    if runner_up is not None and runner_up.team.pk == team.pk:
        candidates.append(Reached(Level.RUNNER_UP, basis=runner_up.basis, progression=runner_up))
    # A final group (one that promotes) is as far as the national stage goes; an earlier group is its first step.
    national = [
        (5 if view.group.places_promoted else 0, view.group.name)
        for view in group_views
        if view.group.stage == StageKind.NATIONAL
    ]
    national += [
        (ROUND_DEPTH.get(playoff.round_kind, 1), playoff.name)
        for playoff, _ in tie_results
        if playoff.stage == StageKind.NATIONAL and playoff.kind == KnockoutRound.Kind.KNOCKOUT
    ]
    if national:
        candidates.append(Reached(Level.NATIONAL, stage_name=max(national, key=lambda item: item[0])[1]))
    for item in progressions:
        if item.region_id and item.scope == "region":
            level = Level.REGION_WINNER if item.outcome == Outcome.FIRST else Level.WENT_ON_FROM_REGION
            candidates.append(Reached(level, region=item.region, basis=item.basis, progression=item))
    regional = [view for view in group_views if view.group.stage == StageKind.REGIONAL]
    regional_ties = [playoff for playoff, _ in tie_results if playoff.stage == StageKind.REGIONAL]
    if regional or regional_ties:
        region = regional[0].group.region if regional else regional_ties[0].region
        candidates.append(Reached(Level.REGIONAL, region=region))
    if qualifier is not None:
        candidates.append(Reached(Level.DEPARTMENTAL))
    if not candidates:
        return None
    # Firmest basis first among records of the same level, so "won Region V by ruling" beats an inferred "went on".
    return max(candidates, key=lambda item: (item.level, -BASIS_ORDER.index(item.basis) if item.basis else -99))


def contradictions(stored, computed):
    """Sentences for editors where a stored progression disagrees with what the results compute.

    A tie whose computed winner is another team than a stored one; a stored team in a group whose table, fully
    recorded, does not put it through. Never resolved here: the editor decides.
    """
    from ..presentation.stages import contradiction_sentence

    problems = []
    winners = {item.tie_id: item.team for item in computed if item.tie_id}
    through = {}
    for item in computed:
        if item.group_id:
            through.setdefault(item.group_id, set()).add(item.team.pk)
    for item in stored:
        if item.tie_id and item.tie_id in winners and winners[item.tie_id].pk != item.team_id:
            problems.append(contradiction_sentence(item, winners[item.tie_id]))
        elif item.group_id and item.group_id in through and item.team_id not in through[item.group_id]:
            problems.append(contradiction_sentence(item, None))
    return problems
