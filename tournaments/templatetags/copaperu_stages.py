"""Template filters for the stage and progression sentences (tournaments/presentation/stages.py)."""

from django import template

from ..presentation import sections, stages

register = template.Library()


@register.filter
def region_label(numeral):
    """ "IV" -> "Region IV"."""
    return stages.region_label(numeral)


@register.filter
def section_name(name):
    """ "Group A" -> "Grupo A" on a Spanish page (tournaments/presentation/sections.py)."""
    return sections.section_name(name)


@register.filter
def progression_reason(progression):
    """Why a team went on: "1st in Group A", 'the source says: "the finalists qualified"'."""
    return stages.progression_reason(progression)


@register.filter
def page_table(page_tables, anchor):
    """The page's PageTable with this anchor, or None: how a group's section finds its standings table."""
    return page_tables.get(anchor) if page_tables else None
