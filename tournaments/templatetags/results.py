"""Template filters that put results into words through ``presentation.results`` (one sentence per string)."""

from django import template
from django.utils.html import format_html

from ..presentation import results

register = template.Library()


@register.filter
def signed(number):
    """ "+3" or "−3", with a true minus sign."""
    return results.signed(number)


@register.filter
def tie_summary(outcome):
    """How a tie was decided: "3-2 on aggregate after extra time"."""
    return results.tie_summary(outcome)


@register.simple_tag
def winner_line(tie):
    """The sentence under a decided tie (``tie`` a page's tie result: ``.tie``, ``.winner``, ``.outcome``) naming
    its winner in bold with a link, as one translated sentence (``presentation.results.winner_line``)."""
    outcome, teams = tie.outcome, tie.tie
    winner = format_html('<strong><a href="{}">{}</a></strong>', tie.winner.get_absolute_url(), tie.winner.name)
    aggregate = None
    if outcome.two_legged and outcome.aggregate:
        aggregate = (teams.team_a.name, outcome.aggregate[0], teams.team_b.name, outcome.aggregate[1])
    return results.winner_line(outcome, winner, final=teams.round.round_kind == "final", aggregate=aggregate)
