"""Tests for deciding knockout ties: every method, rulings and bad input."""

import doctest

import pytest

from tournaments.rules import knockout as knockout_module
from tournaments.rules.knockout import Leg, TieOutcome, decide_tie


def test_single_match_is_won_on_the_score_with_the_winner_first():
    outcome = decide_tie("CNI", "Cobresol", [Leg("Cobresol", "CNI", 2, 1)])
    assert outcome == TieOutcome("Cobresol", "CNI", "single_match", "2-1", (1, 2))


def test_two_legs_are_won_on_aggregate_whichever_team_was_at_home_first():
    legs = [Leg("B", "A", 2, 0), Leg("A", "B", 3, 0)]
    assert decide_tie("A", "B", legs) == TieOutcome("A", "B", "aggregate", "3-2 on aggregate", (3, 2))


def test_away_goals_decide_a_level_aggregate_when_the_rule_is_on():
    legs = [Leg("A", "B", 2, 2), Leg("B", "A", 1, 1)]
    outcome = decide_tie("A", "B", legs, away_goals_rule=True)
    assert outcome == TieOutcome("B", "A", "away_goals", "3-3 on aggregate, won on away goals", (3, 3))


def test_away_goals_are_ignored_by_default_as_in_most_copa_peru_seasons():
    legs = [Leg("A", "B", 2, 2), Leg("B", "A", 1, 1)]
    outcome = decide_tie("A", "B", legs)
    assert outcome == TieOutcome(None, None, "undecided", "undecided", (3, 3))


def test_away_goals_rule_does_not_apply_to_a_single_match():
    outcome = decide_tie("A", "B", [Leg("A", "B", 1, 1, home_penalties=2, away_penalties=4)], away_goals_rule=True)
    assert (outcome.winner, outcome.method) == ("B", "penalties")


def test_single_match_won_in_extra_time():
    outcome = decide_tie("A", "B", [Leg("A", "B", 1, 2, after_extra_time=True)])
    assert outcome == TieOutcome("B", "A", "extra_time", "2-1 after extra time", (1, 2))


def test_second_leg_extra_time_decides_the_aggregate():
    legs = [Leg("A", "B", 1, 0), Leg("B", "A", 2, 0, after_extra_time=True)]
    outcome = decide_tie("A", "B", legs)
    assert outcome == TieOutcome("B", "A", "extra_time", "2-1 on aggregate after extra time", (1, 2))


def test_penalties_in_the_last_leg_decide_a_level_aggregate():
    legs = [Leg("A", "B", 1, 0), Leg("B", "A", 1, 0, home_penalties=5, away_penalties=3)]
    outcome = decide_tie("A", "B", legs)
    assert outcome == TieOutcome("B", "A", "penalties", "1-1 on aggregate, 5-3 on penalties", (1, 1))


def test_penalties_after_extra_time_in_a_single_match():
    leg = Leg("A", "B", 2, 2, home_penalties=4, away_penalties=2, after_extra_time=True)
    outcome = decide_tie("B", "A", [leg])
    assert outcome == TieOutcome("A", "B", "penalties", "2-2 after extra time, 4-2 on penalties", (2, 2))


def test_only_the_last_legs_shoot_out_counts():
    legs = [Leg("A", "B", 1, 1, home_penalties=5, away_penalties=4), Leg("B", "A", 0, 0)]
    assert decide_tie("A", "B", legs).method == "undecided"


def test_a_recorded_shoot_out_does_not_override_goals():
    legs = [Leg("A", "B", 0, 1, home_penalties=5, away_penalties=4)]
    assert (decide_tie("A", "B", legs).winner, decide_tie("A", "B", legs).method) == ("B", "single_match")


def test_ruling_overrides_the_result_on_the_pitch():
    # e.g. A fielded an ineligible player and the federation handed the tie to B.
    legs = [Leg("A", "B", 3, 0), Leg("B", "A", 0, 1)]
    outcome = decide_tie("A", "B", legs, ruling_winner="B")
    assert outcome == TieOutcome("B", "A", "ruling", "by ruling of the FPF", (4, 0))


def test_ruling_names_its_authority_and_needs_no_score():
    legs = [Leg("A", "B", None, None)]
    outcome = decide_tie("A", "B", legs, ruling_winner="A", ruling_authority="Liga Departamental de Lima")
    assert outcome == TieOutcome("A", "B", "ruling", "by ruling of the Liga Departamental de Lima", None)


def test_walkover_with_no_legs_at_all_is_decided_by_ruling():
    assert decide_tie("A", "B", [], ruling_winner="B").winner == "B"


def test_unknown_score_leaves_the_tie_undecided_without_an_aggregate():
    legs = [Leg("A", "B", 2, 0), Leg("B", "A", 1, None)]
    assert decide_tie("A", "B", legs) == TieOutcome(None, None, "undecided", "result not recorded", None)


def test_tie_without_legs_is_not_recorded():
    assert decide_tie("A", "B", []) == TieOutcome(None, None, "undecided", "result not recorded", None)


def test_leg_naming_a_team_outside_the_tie_is_refused():
    with pytest.raises(ValueError, match="names 'C', who is not in this tie"):
        decide_tie("A", "B", [Leg("A", "B", 1, 0), Leg("C", "A", 0, 0)])


def test_ruling_for_a_team_outside_the_tie_is_refused():
    with pytest.raises(ValueError, match="Ruling winner 'C'"):
        decide_tie("A", "B", [Leg("A", "B", 1, 0)], ruling_winner="C")


def test_tie_of_a_team_against_itself_is_refused():
    with pytest.raises(ValueError, match="cannot meet itself"):
        decide_tie("A", "A", [])


def test_leg_of_a_team_against_itself_is_refused():
    with pytest.raises(ValueError, match="cannot play itself"):
        Leg("A", "A", 1, 0)


def test_level_shoot_out_is_refused():
    with pytest.raises(ValueError, match="cannot end level"):
        Leg("A", "B", 1, 1, home_penalties=4, away_penalties=4)


def test_negative_score_is_refused():
    with pytest.raises(ValueError, match="negative"):
        Leg("A", "B", -1, 0)


def test_docstring_examples_hold():
    outcome = doctest.testmod(knockout_module)
    assert outcome.attempted > 0
    assert outcome.failed == 0
