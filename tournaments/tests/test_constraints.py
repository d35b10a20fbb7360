"""The database itself refuses rows that break the competition's invariants (not only the forms)."""

import pytest
from django.db import IntegrityError, transaction

from tournaments.models import (
    Department,
    Group,
    KnockoutRound,
    Match,
    MatchStatus,
    Note,
    PointsAdjustment,
    Qualifier,
    Region,
    RegionDepartment,
    Season,
    Stage,
    TeamChange,
    Tie,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(teams):
    return teams[0]


@pytest.fixture
def away(teams):
    return teams[1]


def assert_refused(model, **fields):
    """Creating the row raises IntegrityError and leaves no row behind."""
    before = model.objects.count()
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**fields)
    assert model.objects.count() == before


def test_team_never_plays_itself(season, home):
    assert_refused(Match, season=season, home_team=home, away_team=home, home_score=1, away_score=0)


def test_scores_are_never_negative(season, home, away):
    assert_refused(Match, season=season, home_team=home, away_team=away, home_score=-1, away_score=0)


def test_penalties_are_never_negative(season, home, away):
    assert_refused(
        Match,
        season=season,
        home_team=home,
        away_team=away,
        home_score=1,
        away_score=1,
        home_penalties=-3,
        away_penalties=4,
    )


def test_a_half_known_score_is_refused(season, home, away):
    assert_refused(Match, season=season, home_team=home, away_team=away, home_score=2, away_score=None)


def test_a_match_not_played_has_no_score(season, home, away):
    assert_refused(
        Match,
        season=season,
        home_team=home,
        away_team=away,
        status=MatchStatus.NOT_PLAYED,
        home_score=0,
        away_score=0,
    )


def test_unknown_score_is_stored_as_unknown_not_zero(season, home, away):
    match = Match.objects.create(season=season, home_team=home, away_team=away)
    match.refresh_from_db()
    assert match.home_score is None and match.away_score is None
    assert match.score_display == "v"


def test_a_match_is_in_a_group_or_a_tie_not_both(season, region, home, away):
    group = Group.objects.create(season=season, region=region, name="Group A")
    knockout = KnockoutRound.objects.create(season=season, region=region, name="Final")
    tie = Tie.objects.create(round=knockout, team_a=home, team_b=away)
    assert_refused(Match, season=season, group=group, tie=tie, home_team=home, away_team=away)


def test_a_leg_belongs_to_a_tie(season, home, away):
    assert_refused(Match, season=season, leg=1, home_team=home, away_team=away)


def test_a_team_is_never_drawn_against_itself(season, region, home):
    knockout = KnockoutRound.objects.create(season=season, region=region, name="Final")
    assert_refused(Tie, round=knockout, team_a=home, team_b=home)


def test_a_team_qualifies_at_most_once_per_season(season, home):
    lima = Department.objects.get(name="Lima")
    callao = Department.objects.get(name="Callao")
    Qualifier.objects.create(season=season, department=lima, team=home)
    assert_refused(Qualifier, season=season, department=callao, team=home)


def test_region_numeral_is_unique_in_its_season(season, region):
    assert_refused(Region, season=season, number=region.number)
    # The same numeral in another season is fine: regions are redrawn every year.
    Region.objects.create(season=Season.objects.create(year=season.year + 1), number=region.number)


def test_a_department_is_in_one_region_per_season(season, region):
    lima = Department.objects.get(name="Lima")
    other = Region.objects.create(season=season, number=2)
    RegionDepartment.objects.create(region=region, department=lima)
    assert_refused(RegionDepartment, region=other, department=lima)


def test_a_regional_group_needs_its_region(season):
    assert_refused(Group, season=season, stage="regional", name="Group A")


def test_group_names_are_unique_within_a_region(season, region):
    Group.objects.create(season=season, region=region, name="Group A")
    assert_refused(Group, season=season, region=region, name="Group A")


def test_only_tiebreakers_settle_a_group(season, region):
    group = Group.objects.create(season=season, region=region, name="Group A")
    assert_refused(KnockoutRound, season=season, region=region, group=group, kind="knockout", name="Final")


def test_season_year_is_unique_and_plausible(season):
    assert_refused(Season, year=season.year)
    assert_refused(Season, year=1066)


def test_a_win_is_worth_more_than_a_draw():
    assert_refused(Season, year=2040, points_for_win=1, points_for_draw=1)


def test_a_stage_appears_once_per_season_with_a_real_date(season):
    Stage.objects.create(season=season, kind="national", start_month=11, start_day=8)
    assert_refused(Stage, season=season, kind="national")
    assert_refused(Stage, season=season, kind="regional", start_month=13)
    assert_refused(Stage, season=season, kind="district", start_day=3)


def test_a_points_adjustment_changes_something_and_says_why(season, home):
    assert_refused(PointsAdjustment, season=season, team=home, points=0, reason="Nothing")
    assert_refused(PointsAdjustment, season=season, team=home, points=3, reason="")


def test_a_team_change_is_recorded_once(season, home):
    TeamChange.objects.create(season=season, team=home, direction="relegated", division="primera", division_year=2029)
    assert_refused(TeamChange, season=season, team=home, direction="relegated", division="segunda", division_year=2029)


def test_a_note_has_text(season):
    assert_refused(Note, season=season, text="")
