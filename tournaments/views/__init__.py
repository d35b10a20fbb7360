"""Public pages. Views stay thin: reads live in selectors, football rules in rules/ (via selectors/outcomes.py)."""

from .seasons import DepartmentalView, HomeView, SeasonDetailView, SeasonListView
from .stages import NationalView, RegionalView, RegionDetailView
from .teams import DepartmentDetailView, SearchView, TeamDetailView, TeamListView

__all__ = [
    "DepartmentDetailView",
    "DepartmentalView",
    "HomeView",
    "NationalView",
    "RegionDetailView",
    "RegionalView",
    "SearchView",
    "SeasonDetailView",
    "SeasonListView",
    "TeamDetailView",
    "TeamListView",
]
