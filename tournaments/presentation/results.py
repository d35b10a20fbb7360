"""Results in words: tie summaries, points adjustments, the standings legend and why level teams are ordered.

Each sentence is one translatable string with named placeholders, built from the data the rules return
(``TieOutcome``'s method and numbers, ``StandingsRow.decided_by``, a table row's mark). Templates reach these through
the ``copaperu`` template library; exports call them directly.
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from ..rules.standings import LOTS, SHARED, TIEBREAKERS

# U+2212, the minus sign typography uses in tables: "−3", not the hyphen of "-3".
MINUS = "\u2212"


def signed(number):
    """A points change as a table prints it: "+3", "−3" (a true minus sign), "0".

    >>> signed(-3), signed(4)
    ('−3', '+4')
    """
    if number > 0:
        return f"+{number}"
    if number < 0:
        return f"{MINUS}{-number}"
    return "0"


# The legend under a table, by mark: (letter, meaning). The letter means no mark relies on colour alone.
MARK_LEGEND = {
    "promoted": (
        pgettext_lazy("qualification mark: promoted", "P"),
        pgettext_lazy("qualification legend: the team was promoted", "Promoted"),
    ),
    "advances": (
        pgettext_lazy("qualification mark: went through", "Q"),
        gettext_lazy("Went through to the next round"),
    ),
    "undecided": ("=", gettext_lazy("Level at the cut-off; the sources do not say how the tie was settled")),
    "withdrawn": (pgettext_lazy("qualification mark: withdrew", "W"), gettext_lazy("Withdrew; no position")),
}


def tie_summary(outcome, *, neutral=False):
    """How a tie was decided: "3-2 on aggregate after extra time", "1-1, won 5-3 on penalties".

    ``outcome`` is a ``rules.knockout.TieOutcome``; the sentence is built from its method and numbers only. It is
    written from the winner's side ("won 5-3 on penalties") for a line that names the winner; ``neutral=True``
    gives the wording that also fits a loser's line ("lost, 1-1, 5-3 on penalties").
    """
    method = outcome.method
    if method == "undecided":
        return _("result not recorded") if outcome.aggregate is None else _("undecided")
    if method == "ruling":
        return _("by ruling of the %(authority)s") % {"authority": outcome.authority}
    values = {"winner": outcome.winner_goals, "loser": outcome.loser_goals}
    if method == "penalties":
        values.update(won=outcome.penalties[0], lost=outcome.penalties[1])
        text = _penalties_sentence(outcome, neutral)
    elif method == "away_goals":
        if outcome.after_extra_time:
            text = _("%(winner)s-%(loser)s on aggregate after extra time, won on away goals")
        else:
            text = _("%(winner)s-%(loser)s on aggregate, won on away goals")
    elif outcome.two_legged:
        if outcome.after_extra_time:
            text = _("%(winner)s-%(loser)s on aggregate after extra time")
        else:
            text = _("%(winner)s-%(loser)s on aggregate")
    elif outcome.after_extra_time:
        text = _("%(winner)s-%(loser)s after extra time")
    else:
        text = _("%(winner)s-%(loser)s")
    return text % values


def _penalties_sentence(outcome, neutral):
    if neutral:
        if outcome.two_legged and outcome.after_extra_time:
            return _("%(winner)s-%(loser)s on aggregate after extra time, %(won)s-%(lost)s on penalties")
        if outcome.two_legged:
            return _("%(winner)s-%(loser)s on aggregate, %(won)s-%(lost)s on penalties")
        if outcome.after_extra_time:
            return _("%(winner)s-%(loser)s after extra time, %(won)s-%(lost)s on penalties")
        return _("%(winner)s-%(loser)s, %(won)s-%(lost)s on penalties")
    if outcome.two_legged and outcome.after_extra_time:
        return _("%(winner)s-%(loser)s on aggregate after extra time, won %(won)s-%(lost)s on penalties")
    if outcome.two_legged:
        return _("%(winner)s-%(loser)s on aggregate, won %(won)s-%(lost)s on penalties")
    if outcome.after_extra_time:
        return _("%(winner)s-%(loser)s after extra time, won %(won)s-%(lost)s on penalties")
    return _("%(winner)s-%(loser)s, won %(won)s-%(lost)s on penalties")


def _method_key(outcome):
    """How a decided tie was won, as a key of ``_WINNER_LINES``: the method, the legs and extra time."""
    extra = "_aet" if outcome.after_extra_time else ""
    if outcome.method == "ruling":
        return "ruling"
    if outcome.method == "penalties":
        return ("penalties_aggregate" if outcome.two_legged else "penalties") + extra
    if outcome.method == "away_goals":
        return "away_goals" + extra
    return ("aggregate" if outcome.two_legged else "single") + extra


# The line under a decided tie, by (is it a final?, _method_key): one whole sentence each, so that a translation can
# put the verb, the score and the method in its own order. %(winner)s is the winner's linked name.
_WINNER_LINES = {
    (True, "ruling"): gettext_lazy("%(winner)s won the final, by ruling of the %(authority)s"),
    (False, "ruling"): gettext_lazy("%(winner)s went through, by ruling of the %(authority)s"),
    (True, "penalties_aggregate_aet"): gettext_lazy(
        "%(winner)s won the final, %(scored)s-%(conceded)s on aggregate after extra time, "
        "won %(won)s-%(lost)s on penalties"
    ),
    (False, "penalties_aggregate_aet"): gettext_lazy(
        "%(winner)s went through, %(scored)s-%(conceded)s on aggregate after extra time, "
        "won %(won)s-%(lost)s on penalties"
    ),
    (True, "penalties_aggregate"): gettext_lazy(
        "%(winner)s won the final, %(scored)s-%(conceded)s on aggregate, won %(won)s-%(lost)s on penalties"
    ),
    (False, "penalties_aggregate"): gettext_lazy(
        "%(winner)s went through, %(scored)s-%(conceded)s on aggregate, won %(won)s-%(lost)s on penalties"
    ),
    (True, "penalties_aet"): gettext_lazy(
        "%(winner)s won the final, %(scored)s-%(conceded)s after extra time, won %(won)s-%(lost)s on penalties"
    ),
    (False, "penalties_aet"): gettext_lazy(
        "%(winner)s went through, %(scored)s-%(conceded)s after extra time, won %(won)s-%(lost)s on penalties"
    ),
    (True, "penalties"): gettext_lazy(
        "%(winner)s won the final, %(scored)s-%(conceded)s, won %(won)s-%(lost)s on penalties"
    ),
    (False, "penalties"): gettext_lazy(
        "%(winner)s went through, %(scored)s-%(conceded)s, won %(won)s-%(lost)s on penalties"
    ),
    (True, "away_goals_aet"): gettext_lazy(
        "%(winner)s won the final, %(scored)s-%(conceded)s on aggregate after extra time, won on away goals"
    ),
    (False, "away_goals_aet"): gettext_lazy(
        "%(winner)s went through, %(scored)s-%(conceded)s on aggregate after extra time, won on away goals"
    ),
    (True, "away_goals"): gettext_lazy(
        "%(winner)s won the final, %(scored)s-%(conceded)s on aggregate, won on away goals"
    ),
    (False, "away_goals"): gettext_lazy(
        "%(winner)s went through, %(scored)s-%(conceded)s on aggregate, won on away goals"
    ),
    (True, "aggregate_aet"): gettext_lazy(
        "%(winner)s won the final, %(scored)s-%(conceded)s on aggregate after extra time"
    ),
    (False, "aggregate_aet"): gettext_lazy(
        "%(winner)s went through, %(scored)s-%(conceded)s on aggregate after extra time"
    ),
    (True, "aggregate"): gettext_lazy("%(winner)s won the final, %(scored)s-%(conceded)s on aggregate"),
    (False, "aggregate"): gettext_lazy("%(winner)s went through, %(scored)s-%(conceded)s on aggregate"),
    (True, "single_aet"): gettext_lazy("%(winner)s won the final, %(scored)s-%(conceded)s after extra time"),
    (False, "single_aet"): gettext_lazy("%(winner)s went through, %(scored)s-%(conceded)s after extra time"),
    (True, "single"): gettext_lazy("%(winner)s won the final, %(scored)s-%(conceded)s"),
    (False, "single"): gettext_lazy("%(winner)s went through, %(scored)s-%(conceded)s"),
}


def winner_line(outcome, winner, *, final, aggregate=None):
    """The sentence under a decided tie that names its winner: "I.M.I. won the final, by ruling of the F.P.F.",
    "Bella Esperanza went through, 3-2 on aggregate (aggregate Bella Esperanza 3, Tecnológico 2)".

    ``outcome`` is a ``rules.knockout.TieOutcome`` with a winner, ``winner`` the winner's name as HTML (escaped
    here unless already safe), ``final`` whether the tie is a final, ``aggregate`` ``(team_a, goals_a, team_b,
    goals_b)`` for the parenthesis a two-legged tie gives, or None. Returns safe HTML.
    """
    values = {
        "winner": conditional_escape(winner),
        "authority": conditional_escape(outcome.authority or ""),
        "scored": outcome.winner_goals,
        "conceded": outcome.loser_goals,
    }
    if outcome.penalties:
        values.update(won=outcome.penalties[0], lost=outcome.penalties[1])
    line = str(_WINNER_LINES[(final, _method_key(outcome))]) % values
    if aggregate:
        team_a, goals_a, team_b, goals_b = aggregate
        line += " " + _("(aggregate %(team_a)s %(goals_a)s, %(team_b)s %(goals_b)s)") % {
            "team_a": conditional_escape(team_a),
            "goals_a": goals_a,
            "team_b": conditional_escape(team_b),
            "goals_b": goals_b,
        }
    return mark_safe(line)


# Why a team sits below the level team above it, by the tiebreaker code that separated them.
_AHEAD_ON = {
    "goal_difference": gettext_lazy("%(above)s ahead of %(below)s on goal difference"),
    "goals_for": gettext_lazy("%(above)s ahead of %(below)s on goals scored"),
    "wins": gettext_lazy("%(above)s ahead of %(below)s on matches won"),
    "goals_against": gettext_lazy("%(above)s ahead of %(below)s on goals conceded"),
    "head_to_head": gettext_lazy("%(above)s ahead of %(below)s on head-to-head"),
    "playoff": gettext_lazy("%(above)s ahead of %(below)s by playoff"),
    LOTS: gettext_lazy("%(above)s ahead of %(below)s by drawing of lots"),
}


# The engine's tiebreakers (rules/standings.py TIEBREAKERS, plain Python) as editors read them in a form; a code
# added to the registry later shows the registry's English label until it is listed here.
TIEBREAKER_LABELS = {
    "points": gettext_lazy("Points"),
    "goal_difference": gettext_lazy("Goal difference"),
    "goals_for": gettext_lazy("Goals scored"),
    "wins": gettext_lazy("Matches won"),
    "goals_against": gettext_lazy("Goals conceded (fewer is better)"),
    "head_to_head": gettext_lazy("Head-to-head results"),
    "playoff": gettext_lazy("Playoff (or drawing of lots)"),
}


def tiebreaker_choices():
    """``[(code, label)]`` of the engine's tiebreakers in registry order, labelled in the active language."""
    return [(code, TIEBREAKER_LABELS.get(code, tiebreaker.label)) for code, tiebreaker in TIEBREAKERS.items()]


def tiebreak_reason(above, below, decided_by):
    """Why ``below`` (a team name) is under ``above`` although level on points, or "" when points separated them.

    ``decided_by`` is ``StandingsRow.decided_by``: a tiebreaker code ("playoff" when a recorded playoff result
    decided it), ``LOTS`` when a recorded drawing of lots did, or ``SHARED`` when nothing did.
    """
    if decided_by == SHARED:
        return _("%(above)s and %(below)s level on every criterion: shared position") % {
            "above": above,
            "below": below,
        }
    if decided_by in _AHEAD_ON:
        return str(_AHEAD_ON[decided_by]) % {"above": above, "below": below}
    if decided_by in TIEBREAKERS and decided_by != "points":
        # A code added to the registry later still gets a sentence, naming the registry's label as it is written
        # (lower-casing a label mid-sentence would break a translated or proper-noun label).
        return _("%(above)s ahead of %(below)s on a tiebreaker: %(rule)s") % {
            "above": above,
            "below": below,
            "rule": TIEBREAKER_LABELS.get(decided_by, TIEBREAKERS[decided_by].label),
        }
    return ""
