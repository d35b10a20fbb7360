"""Tests for choosing which stored matches count towards a table."""

import doctest
from types import SimpleNamespace

import pytest

from tournaments.rules import match_results as match_results_module
from tournaments.rules.match_results import counting_results
from tournaments.rules.match_status import MatchStatus
from tournaments.rules.standings import Result


def match(status, home_score=None, away_score=None, home=10, away=20, **extra):
    return SimpleNamespace(
        home_team_id=home,
        away_team_id=away,
        home_score=home_score,
        away_score=away_score,
        status=status,
        **extra,
    )


def test_played_match_counts():
    assert counting_results([match(MatchStatus.PLAYED, 2, 1)]) == ([Result(10, 20, 2, 1)], False)


def test_played_match_without_a_score_makes_the_table_incomplete():
    assert counting_results([match(MatchStatus.PLAYED, 2, None)]) == ([], True)


def test_awarded_match_counts_with_the_awarded_score():
    # e.g. a walkover awarded 3-0 to the away side
    assert counting_results([match(MatchStatus.AWARDED, 0, 3)]) == ([Result(10, 20, 0, 3)], False)


def test_awarded_match_without_a_score_makes_the_table_incomplete():
    assert counting_results([match(MatchStatus.AWARDED)]) == ([], True)


def test_abandoned_match_with_a_declared_result_counts():
    assert counting_results([match(MatchStatus.ABANDONED, 1, 1)]) == ([Result(10, 20, 1, 1)], False)


def test_abandoned_match_awaiting_a_declared_result_makes_the_table_incomplete():
    assert counting_results([match(MatchStatus.ABANDONED)]) == ([], True)


def test_scheduled_match_does_not_count_and_makes_the_table_incomplete():
    # Even a score typed in early must not count before the match is marked played.
    assert counting_results([match(MatchStatus.SCHEDULED, 1, 0)]) == ([], True)


def test_suspended_match_does_not_count_and_makes_the_table_incomplete():
    assert counting_results([match(MatchStatus.SUSPENDED, 1, 0)]) == ([], True)


def test_match_not_played_by_agreement_neither_counts_nor_leaves_the_table_incomplete():
    assert counting_results([match(MatchStatus.NOT_PLAYED, 0, 0)]) == ([], False)


def test_unknown_status_is_refused_by_name():
    with pytest.raises(ValueError, match="Unknown match status 'postponed'"):
        counting_results([match("postponed", 1, 0)])


def test_tiebreaker_flag_is_ignored_here_because_the_caller_filters():
    assert counting_results([match(MatchStatus.PLAYED, 1, 0, is_tiebreaker=True)]) == (
        [Result(10, 20, 1, 0)],
        False,
    )


def test_mixed_round_keeps_match_order_and_reports_incomplete():
    matches = [
        match(MatchStatus.PLAYED, 2, 0, home=1, away=2),
        match(MatchStatus.NOT_PLAYED, home=3, away=4),
        match(MatchStatus.AWARDED, 3, 0, home=4, away=1),
        match(MatchStatus.SUSPENDED, 1, 1, home=2, away=3),
    ]
    assert counting_results(matches) == ([Result(1, 2, 2, 0), Result(4, 1, 3, 0)], True)


def test_no_matches_is_a_complete_empty_table():
    assert counting_results(iter([])) == ([], False)


def test_docstring_examples_hold():
    outcome = doctest.testmod(match_results_module)
    assert outcome.attempted > 0
    assert outcome.failed == 0
