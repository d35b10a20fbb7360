"""Made-up competition rows for tests that need a group or a tie of their own, outside the shipped seasons.

One chain: ``season`` (2031, after the archive's years) → ``region`` (Region V) → ``group`` (its Group A), plus four
``teams`` (Alpha, Bravo, Charlie, Delta, entered in no group) and ``make_match`` to record a group match.
"""

import pytest

from tournaments.models import Group, Region, Season, Team

from .factories import create_match


@pytest.fixture
def season(db):
    return Season.objects.create(year=2031)


@pytest.fixture
def region(season):
    return Region.objects.create(season=season, number=5)


@pytest.fixture
def group(season, region):
    return Group.objects.create(season=season, region=region, name="Group A")


@pytest.fixture
def teams(db):
    return [Team.objects.create(name=name) for name in ["Alpha", "Bravo", "Charlie", "Delta"]]


@pytest.fixture
def make_match():
    """``make_match(group, home, away, home_score, away_score, status=PLAYED, **fields)``: a match of the group."""
    return create_match
