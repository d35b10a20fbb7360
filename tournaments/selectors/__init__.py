"""Reads for the public pages, each with the joins it needs so a page costs a fixed number of queries.

- seasons: the season list, a season's overview and the facts derived for its infobox (runner-up, promoted);
- stages: a region's or the national stage's groups, rounds, ties, matches and rulings, ready to render;
- teams: the team directory, a team's history and a department's qualifiers;
- departments: the departments index;
- search: search over seasons, teams, departments and locations.
"""

from .search import search
from .seasons import SeasonFacts, season_facts, season_overview, seasons_for_list
from .stages import national_stage, region_page, regional_overview
from .teams import department_history, team_history, teams_for_directory

__all__ = [
    "SeasonFacts",
    "department_history",
    "national_stage",
    "region_page",
    "regional_overview",
    "search",
    "season_facts",
    "season_overview",
    "seasons_for_list",
    "team_history",
    "teams_for_directory",
]
