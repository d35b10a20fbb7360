"""Reads for the public pages, each with the joins it needs so a page costs a fixed number of queries.

- seasons: the season list, a season's overview and its podium (champion, runner-up, promoted);
- progression: who went on from each stage and on what basis, and how far a team went (``how_far``);
- stages: a region's or the national stage's groups, rounds, ties, matches and rulings, ready to render;
- teams: the team directory, a team's history, a department's qualifiers and search.
"""

from .progression import Podium, how_far
from .seasons import season_facts, season_overview, seasons_for_list
from .stages import national_stage, region_page, regional_overview
from .teams import department_history, search_teams, team_history, teams_for_directory

__all__ = [
    "Podium",
    "department_history",
    "how_far",
    "national_stage",
    "region_page",
    "regional_overview",
    "search_teams",
    "season_facts",
    "season_overview",
    "seasons_for_list",
    "team_history",
    "teams_for_directory",
]
