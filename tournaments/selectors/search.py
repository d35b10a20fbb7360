"""Search over seasons, teams, departments and locations, ignoring accents, case and dots ("junin" finds Junín).

Teams are matched in the database on their stored folded name; the 25 departments and the qualifiers' locations
are folded in Python (the databases we run on have no portable accent-insensitive comparison), each in one query.
"""

import re
from dataclasses import dataclass, field

from ..models import Department, Qualifier, Season, Team
from ..text import fold

SEARCH_MAX_LENGTH = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_query(text):
    """What a searcher typed, without control characters and cut to a sane length."""
    return " ".join(_CONTROL.sub(" ", text or "").split())[:SEARCH_MAX_LENGTH]


@dataclass
class LocationHit:
    """A town as the qualifiers' tables spell it, in one department, with the teams that came from it."""

    name: str
    department_name: str
    department_slug: str
    teams: dict = field(default_factory=dict)  # team slug -> (team name, [years, latest first])


@dataclass
class SearchResults:
    """Hits grouped by kind: ``seasons`` and ``departments`` are model lists, ``teams`` a queryset to paginate,
    ``locations`` LocationHit objects by name."""

    seasons: list
    teams: object
    departments: list
    locations: list


def _locations(folded):
    rows = (
        Qualifier.objects.exclude(location="")
        .order_by("location", "-season__year", "team__name")
        .values_list("location", "department__name", "department__slug", "team__name", "team__slug", "season__year")
    )
    hits = {}
    for location, department_name, department_slug, team_name, team_slug, year in rows:
        if folded in fold(location):
            hit = hits.setdefault((location, department_slug), LocationHit(location, department_name, department_slug))
            hit.teams.setdefault(team_slug, (team_name, []))[1].append(year)
    return list(hits.values())


def search(query):
    """SearchResults for a cleaned query; four queries at most (and one more to count a page of teams)."""
    folded = fold(query)
    years = [int(year) for year in re.findall(r"\b\d{4}\b", query)]
    seasons = list(Season.objects.filter(year__in=years).order_by("-year")) if years else []
    departments = [department for department in Department.objects.all() if folded in fold(department.name)]
    return SearchResults(
        seasons=seasons,
        teams=Team.objects.matching(query).order_by("sort_name"),
        departments=departments,
        locations=_locations(folded),
    )
