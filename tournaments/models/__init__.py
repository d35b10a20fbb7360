"""The Copa Perú domain model, split by responsibility.

- places: departments and teams, which outlive any one season;
- seasons: a season, its stages, team changes, regions and departmental qualifiers;
- fixtures: round-robin groups, knockout rounds and ties, and matches;
- rulings: notes and federation rulings, and points awarded or docked;
- progression: who went on from each tie, group, region and the national stage, and on what basis;
- sources: the publications facts come from, what each supports, disputed facts and teams' other names.
"""

from ..rules.match_status import MatchStatus
from .competition import Group, GroupTeam, KnockoutRound, Match, RoundKind, Tie, round_kind_from_name
from .places import Department, Team
from .progression import Progression
from .rulings import Note, NoteKind, PointsAdjustment
from .seasons import Qualifier, Region, RegionDepartment, Season, Stage, StageKind, TeamChange
from .sources import CITED_THINGS, Citation, FactVersion, SeasonFact, Source, TeamAlias

__all__ = [
    "CITED_THINGS",
    "Citation",
    "FactVersion",
    "SeasonFact",
    "Source",
    "TeamAlias",
    "Department",
    "Group",
    "GroupTeam",
    "KnockoutRound",
    "Match",
    "MatchStatus",
    "Note",
    "NoteKind",
    "PointsAdjustment",
    "Progression",
    "Qualifier",
    "Region",
    "RegionDepartment",
    "RoundKind",
    "Season",
    "Stage",
    "StageKind",
    "Team",
    "TeamChange",
    "Tie",
    "round_kind_from_name",
]
