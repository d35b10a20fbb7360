"""Public pages. Views stay thin: reads live in selectors, football rules in rules/ (via selectors/outcomes.py)."""

from .departments import DepartmentListView
from .search import SearchView
from .seasons import DepartmentalView, HomeView, SeasonDetailView, SeasonListView
from .stages import NationalView, RegionalView, RegionDetailView
from .teams import DepartmentDetailView, TeamDetailView, TeamListView

__all__ = [
    "DepartmentDetailView",
    "DepartmentListView",
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
