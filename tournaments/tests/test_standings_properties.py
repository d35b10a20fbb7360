"""Property tests: invariants every league table must keep, whatever the results and rules."""

from hypothesis import given
from hypothesis import strategies as st

from tournaments.rules.standings import TIEBREAKERS, Result, standings

GOALS = st.integers(min_value=0, max_value=4)  # low scores make level teams common


@st.composite
def seasons(draw):
    """A group, its results and the season's rules."""
    teams = [f"T{i}" for i in range(draw(st.integers(min_value=1, max_value=8)))]
    results = []
    if len(teams) > 1:
        pairs = st.tuples(st.sampled_from(teams), st.sampled_from(teams)).filter(lambda p: p[0] != p[1])
        for home, away in draw(st.lists(pairs, max_size=30)):
            results.append(Result(home, away, draw(GOALS), draw(GOALS)))
    codes = draw(st.permutations(list(TIEBREAKERS)))
    rules = {
        "points_for_win": draw(st.sampled_from([2, 3])),
        "points_for_draw": 1,
        "tiebreakers": ["points", *[c for c in codes if c != "points"][: draw(st.integers(0, 6))]],
        "adjustments": draw(st.dictionaries(st.sampled_from(teams), st.integers(-6, 6), max_size=3)),
        "tiebreak_decisions": draw(st.lists(st.sampled_from(teams), unique=True, max_size=3)),
    }
    return teams, results, rules


@given(seasons())
def test_goals_scored_equal_goals_conceded_over_the_table(season):
    teams, results, rules = season
    rows = standings(teams, results, **rules)
    assert sum(r.goals_for for r in rows) == sum(r.goals_against for r in rows)
    assert sum(r.goals_for for r in rows) == sum(r.home_goals + r.away_goals for r in results)
    assert sum(r.played for r in rows) == 2 * len(results)


@given(seasons())
def test_points_are_wins_and_draws_plus_the_ruling(season):
    teams, results, rules = season
    for row in standings(teams, results, **rules):
        adjustment = rules["adjustments"].get(row.team, 0)
        assert row.adjustment == adjustment
        assert row.points == row.won * rules["points_for_win"] + row.drawn * rules["points_for_draw"] + adjustment
        assert row.played == row.won + row.drawn + row.lost
        assert row.goal_difference == row.goals_for - row.goals_against


@given(seasons(), st.randoms(use_true_random=False))
def test_table_does_not_depend_on_the_order_of_results_or_teams(season, rng):
    teams, results, rules = season
    shuffled_teams, shuffled_results = teams[:], results[:]
    rng.shuffle(shuffled_teams)
    rng.shuffle(shuffled_results)
    assert standings(shuffled_teams, shuffled_results, **rules) == standings(teams, results, **rules)


@given(seasons())
def test_positions_are_competition_ranked(season):
    teams, results, rules = season
    rows = standings(teams, results, **rules)
    assert sorted(r.team for r in rows) == sorted(teams)
    for index, row in enumerate(rows):
        shares = [other for other in rows if other.position == row.position]
        # A shared position is the place of the first team on it: 1, 1, 3 — never 1, 1, 2.
        assert rows.index(shares[0]) + 1 == row.position
        assert row.tied == (len(shares) > 1)
        if index:
            assert rows[index - 1].position <= row.position


@given(seasons())
def test_table_is_ordered_by_points_first(season):
    teams, results, rules = season
    points = [r.points for r in standings(teams, results, **rules)]
    assert points == sorted(points, reverse=True)
