"""Reads for the public pages, each with the joins it needs so a page costs a fixed number of queries.

- seasons: the season list, a season's overview and its podium (champion, runner-up, promoted);
- progression: who went on from each stage and on what basis, and how far a team went (``how_far``);
- stages: a region's or the national stage's groups, rounds, ties, matches and rulings, ready to render;
- teams: the team directory, a team's history and a department's qualifiers;
- departments: the departments index;
- search: search over seasons, teams, departments and locations.
"""

from .progression import Podium, how_far
from .search import search
from .seasons import disputed_facts, fact_sources, season_facts, season_overview, seasons_for_list
from .stages import national_stage, region_page, regional_overview
from .teams import Honours, department_history, team_aliases, team_history, team_honours, teams_for_directory

__all__ = [
    "Honours",
    "Podium",
    "department_history",
    "disputed_facts",
    "fact_sources",
    "how_far",
    "national_stage",
    "region_page",
    "regional_overview",
    "search",
    "season_facts",
    "season_overview",
    "seasons_for_list",
    "team_aliases",
    "team_history",
    "team_honours",
    "teams_for_directory",
]
