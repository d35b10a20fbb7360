"""Template filters that put results into words through ``presentation.results`` (one sentence per string)."""

from django import template

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
