"""The sentences about stages and progression: where a team finished, who went on and why, how far a team went.

Each is one translatable string with placeholders, made from what selectors return (Progression rows with their
basis, Reached levels, table rows, tie results). Templates call them through the ``copaperu_stages`` tags or
receive them from the views.
"""

from django.contrib.humanize.templatetags.humanize import ordinal
from django.utils.translation import gettext as _

from ..models import Progression
from ..selectors.outcomes import Mark
from ..selectors.progression import Level
from .results import MARK_LEGEND, tie_summary
from .sections import section_name

Basis, Outcome = Progression.Basis, Progression.Outcome


def region_label(numeral):
    """ "Region IV": the one place a region's name is written for pages."""
    return _("Region {numeral}").format(numeral=numeral)


def region_in_season(region):
    """ "Region IV (2008)": a region named among other seasons' regions (the departments index)."""
    return _("Region {numeral} ({year})").format(numeral=region.numeral, year=region.season.year)


def place_label(region):
    """A region's name, or "National Stage" when there is no region."""
    return region_label(region.numeral) if region is not None else _("National Stage")


def finish(row):
    """A table position as a fan says it: "2nd", or "1=" when the rules leave teams level ("withdrew": no place)."""
    if row.withdrawn:
        return MARK_LEGEND[Mark.WITHDRAWN][1]
    return row.position_display if row.tied else ordinal(row.position)


def progression_reason(progression):
    """Why a team went on, as a fan reads it beside its name: "1st in Group A", 'the source says: "..."'."""
    basis = progression.basis
    if basis == Basis.TABLE:
        return _("{position} in {group}").format(
            position=finish(progression.row), group=section_name(progression.group.name)
        )
    if getattr(progression, "tie_result", None) is not None:
        round_name = section_name(progression.tie_result.tie.round.name)
        how = tie_summary(progression.tie_result.outcome, neutral=True)
        return _("won the {round}, {how}").format(round=round_name, how=how)
    if basis == Basis.RULING:
        decision = progression.note.decision or progression.note.text if progression.note else ""
        if progression.outcome == Outcome.FIRST:
            return _("first place by ruling: {decision}").format(decision=decision)
        return _("went on by ruling: {decision}").format(decision=decision)
    if basis == Basis.STATED:
        return _stated(progression)
    return _("inferred: it played in the national stage")


def _stated(progression):
    # A stated progression cited by a source (the roll of champions' runners-up) may have no quoted words: it then
    # says who states it rather than quoting an empty string.
    words = progression.source_words or (progression.note.text if progression.note else "")
    if not words:
        return _("stated by the sources cited")
    return _('the source says: "{words}"').format(words=words)


def went_on_pairs(entries):
    """[(team, reasons)] for the regional overview's cell: every reason for a team, joined."""
    return [(entry.team, "; ".join(progression_reason(item) for item in entry.progressions)) for entry in entries]


def runner_up_reason(progression):
    """How the runner-up is known: "2nd in the Final group stage", "lost the Final by ruling of the F.P.F."."""
    if progression.basis == Basis.STATED:
        return _stated(progression)
    if progression.basis == Basis.TABLE:
        return _("{position} in the {group}").format(
            position=finish(progression.row), group=section_name(progression.group.name)
        )
    if progression.basis == Basis.SOURCE_TABLE:
        # Stored, not computed: the archive does not hold the table (the roll of champions' "table" runners-up).
        return _("2nd in the final table the source published")
    result = progression.tie_result
    return _("lost the {round} {how}").format(
        round=section_name(result.tie.round.name), how=tie_summary(result.outcome, neutral=True)
    )


def reached_label(reached):
    """How far a team went, for its season row: "Champion", "Won Region V (by ruling)", "National stage: Final"."""
    if reached is None:
        return None
    level = reached.level
    if level == Level.CHAMPION:
        return _("Champion")
    if level == Level.RUNNER_UP:
        if reached.basis == Basis.STATED:
            return _("Runner-up")
        if reached.basis == Basis.SOURCE_TABLE:
            return _("Runner-up (derived from the source's table)")
        return _("Runner-up (derived from the results)")
    if level == Level.NATIONAL:
        return _("National stage: {stage}").format(stage=section_name(reached.stage_name))
    if level in (Level.REGION_WINNER, Level.WENT_ON_FROM_REGION):
        numeral = reached.region.numeral
        labels = {
            (Level.REGION_WINNER, Basis.RULING): _("Won Region {numeral} (by ruling)"),
            (Level.REGION_WINNER, Basis.INFERRED): _("Won Region {numeral} (inferred)"),
            (Level.WENT_ON_FROM_REGION, Basis.INFERRED): _("Went on from Region {numeral} (inferred)"),
            (Level.WENT_ON_FROM_REGION, Basis.RULING): _("Went on from Region {numeral} (by ruling)"),
        }
        default = _("Won Region {numeral}") if level == Level.REGION_WINNER else _("Went on from Region {numeral}")
        return labels.get((level, reached.basis), default).format(numeral=numeral)
    if level == Level.REGIONAL:
        return _("Regional stage")
    return _("Departmental qualifier")


def group_finish(view, row):
    """A team's finish in one group, for its season row: "2nd in Final group stage (National Stage), promoted"."""
    where = place_label(view.group.region if view.group.region_id else None)
    if row is None or not view.table.recorded:
        return _("{group} ({where}): results not recorded").format(group=section_name(view.group.name), where=where)
    values = {"position": finish(row), "group": section_name(view.group.name), "where": where}
    if row.mark == "promoted":
        return _("{position} in {group} ({where}), promoted").format(**values)
    if row.mark == "advances":
        return _("{position} in {group} ({where}), went through").format(**values)
    return _("{position} in {group} ({where})").format(**values)


def tie_line(team, result, champion_id):
    """A team's tie, for its history: "won, 3-2 on aggregate", "lost, by ruling of the F.P.F.", "won ...: champions"."""
    if result.winner is None:
        return _("result not recorded")
    how = tie_summary(result.outcome, neutral=True)
    if result.winner.pk != team.pk:
        return _("lost, {how}").format(how=how)
    final = result.tie.round.round_kind == "final" and result.tie.round.region_id is None
    if final and champion_id == team.pk:
        return _("won, {how}: champions").format(how=how)
    return _("won, {how}").format(how=how)


def contradiction_sentence(stored, computed_winner):
    """What an editor reads when a stored progression and the results disagree."""
    values = {"team": stored.team, "basis": Basis(stored.basis).label}
    if computed_winner is not None:
        values["winner"] = computed_winner
        return _("{team} is recorded as going on ({basis}), but the results give the tie to {winner}.").format(**values)
    return _("{team} is recorded as going on ({basis}), but the group's table does not put it through.").format(
        **values
    )
