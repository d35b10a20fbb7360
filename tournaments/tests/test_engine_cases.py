"""Football cases beyond the seeds (issue 10), each seen as a reader sees it: the region page, its table, its CSV.

Every expected value is worked out by hand from the rules in the comment beside it.
"""

import pytest
from django.core.exceptions import ValidationError

from tournaments.models import (
    Department,
    Group,
    GroupTeam,
    KnockoutRound,
    Match,
    Note,
    NoteKind,
    PointsAdjustment,
    Qualifier,
    Region,
    Season,
    Team,
    Tie,
)
from tournaments.rules.standings import Result, standings
from tournaments.tests.factories import create_match
from tournaments.tests.page_helpers import csv_rows, page, section, table_rows, text

pytestmark = pytest.mark.django_db

REGION_URL = "/seasons/2031/regional/v/"


@pytest.fixture
def region():
    season = Season.objects.create(year=2031)
    return Region.objects.create(season=season, number=5)


def group_of(region, names, **options):
    group = Group.objects.create(season=region.season, region=region, name="Group A", **options)
    teams = [Team.objects.get_or_create(name=name)[0] for name in names]
    for order, team in enumerate(teams):
        GroupTeam.objects.create(group=group, team=team, order=order)
    return group, {team.name: team for team in teams}


play = create_match


def standings_rows(client, anchor="group-a"):
    return table_rows(section(page(client, REGION_URL), anchor))


def names_and_points(rows):
    # Columns: #, Team, P, W, D, L, GF, GA, GD, Pts, Qualification.
    return [(row[1], row[9]) for row in rows]


# --- 1. a points adjustment in a recorded group -------------------------------------------------------------


def test_points_docked_in_a_recorded_group_show_beside_the_team_with_the_note_as_footnote(client, region):
    group, t = group_of(region, ["A", "B", "C"])
    play(group, t["A"], t["B"], 2, 0)
    play(group, t["B"], t["C"], 1, 1)
    play(group, t["C"], t["A"], 0, 1)
    PointsAdjustment.objects.create(
        season=region.season,
        region=region,
        group=group,
        team=t["B"],
        points=-3,
        reason="B were docked 3 points for fielding an ineligible player",
    )
    body = page(client, REGION_URL)
    # A: two wins = 6. C: one draw = 1. B: one draw = 1, docked 3 = -2.
    assert names_and_points(table_rows(section(body, "group-a"))) == [("A", "6"), ("C", "1"), ("B", "−2 (−3)")]
    assert "B: −3 points. B were docked 3 points for fielding an ineligible player" in text(section(body, "group-a"))
    csv = csv_rows(client.get(REGION_URL, {"_export": "csv", "table": "group-a"}))
    points = csv[0].index("Pts")
    assert [(row[1], row[points]) for row in csv[1:]] == [("A", "6"), ("C", "1"), ("B", "-2")]


# --- 7. tiebreaker playoffs as a step ladder ------------------------------------------------------------------


def step_ladder(region, listing):
    """A, B and C level on everything (three 1-1 draws); playoffs B 1-0 C, then A 2-1 B, listed in ``listing``."""
    group, t = group_of(region, ["A", "B", "C"], places_advancing=1, tiebreakers=["points", "goal_difference"])
    play(group, t["A"], t["B"], 1, 1)
    play(group, t["B"], t["C"], 1, 1)
    play(group, t["C"], t["A"], 1, 1)
    playoff = KnockoutRound.objects.create(
        season=region.season, region=region, group=group, kind=KnockoutRound.Kind.TIEBREAKER, name="Playoff"
    )
    games = {"B-C": (t["B"], t["C"], 1, 0), "A-B": (t["A"], t["B"], 2, 1)}
    for order, key in enumerate(listing):
        home, away, home_score, away_score = games[key]
        tie = Tie.objects.create(round=playoff, team_a=home, team_b=away, legs=1, order=order)
        Match.objects.create(
            season=region.season,
            region=region,
            tie=tie,
            leg=1,
            home_team=home,
            away_team=away,
            home_score=home_score,
            away_score=away_score,
        )


@pytest.mark.parametrize("listing", [["B-C", "A-B"], ["A-B", "B-C"]])
def test_a_step_ladder_playoff_ranks_its_last_winner_first_whatever_the_listing_order(client, region, listing):
    step_ladder(region, listing)
    rows = standings_rows(client)
    # B beat C, then A beat B: A above B above C. One place goes on: A alone.
    assert [(row[0], row[1], row[10]) for row in rows] == [
        ("1", "A", "Q Went through to the next round"),
        ("2", "B", ""),
        ("3", "C", ""),
    ]


def test_the_engine_ranks_playoff_pairs_not_their_listing():
    results = [Result("A", "B", 1, 1), Result("B", "C", 1, 1), Result("C", "A", 1, 1)]
    for pairs in ([("B", "C"), ("A", "B")], [("A", "B"), ("B", "C")]):
        rows = standings(["C", "B", "A"], results, playoff_results=pairs)
        assert [(row.position, row.team) for row in rows] == [(1, "A"), (2, "B"), (3, "C")]


# --- 8. extra time ----------------------------------------------------------------------------------------------


def regional_final(region, first_leg, second_leg):
    """Atlético Uno v Bravo Dos over two legs; the second, at Bravo Dos, went to extra time."""
    a, b = Team.objects.create(name="Atlético Uno"), Team.objects.create(name="Bravo Dos")
    final = KnockoutRound.objects.create(season=region.season, region=region, name="Regional Final")
    tie = Tie.objects.create(round=final, team_a=a, team_b=b, legs=2)
    common = {"season": region.season, "region": region, "tie": tie}
    Match.objects.create(**common, leg=1, home_team=a, away_team=b, home_score=first_leg[0], away_score=first_leg[1])
    Match.objects.create(
        **common,
        leg=2,
        home_team=b,
        away_team=a,
        home_score=second_leg[0],
        away_score=second_leg[1],
        after_extra_time=True,
    )
    return tie, b


def test_a_second_leg_won_after_extra_time_says_so_on_the_match_line_the_tie_and_the_team_page(client, region):
    tie, bravo = regional_final(region, (1, 0), (2, 0))
    tie_text = text(section(page(client, REGION_URL), tie.anchor))
    # Leg 2 went 2-0 after extra time: 2-1 to Bravo Dos on aggregate.
    assert "Bravo Dos 2–0 a.e.t. Atlético Uno" in tie_text
    assert (
        "Bravo Dos went through, 2-1 on aggregate after extra time (aggregate Atlético Uno 1, Bravo Dos 2)" in tie_text
    )
    team_text = text(section(page(client, f"/teams/{bravo.slug}/"), "matches"))
    assert "2–0 a.e.t." in team_text and "2-1 on aggregate after extra time" in team_text
    overview = csv_rows(client.get("/seasons/2031/regional/", {"_export": "csv"}))
    assert "Bravo Dos (won the Regional Final, 2-1 on aggregate after extra time)" in overview[1]


def test_a_shootout_after_extra_time_is_told_as_one_sentence(client, region):
    tie, _ = regional_final(region, (1, 0), (1, 0))
    Match.objects.filter(tie=tie, leg=2).update(home_penalties=5, away_penalties=3)
    # 1-1 on aggregate after extra time in leg 2, then Bravo Dos won the shoot-out 5-3.
    tie_text = text(section(page(client, REGION_URL), tie.anchor))
    assert "Bravo Dos went through, 1-1 on aggregate after extra time, won 5-3 on penalties" in tie_text


def test_a_tie_won_on_away_goals_after_extra_time_says_both(client, region):
    Season.objects.filter(pk=region.season.pk).update(away_goals_rule=True)
    tie, _ = regional_final(region, (1, 0), (2, 1))
    # 2-2 on aggregate; Atlético Uno scored once away, Bravo Dos never: Atlético Uno through on away goals.
    tie_text = text(section(page(client, REGION_URL), tie.anchor))
    assert "Atlético Uno went through, 2-2 on aggregate after extra time, won on away goals" in tie_text


# --- 10. a team that withdrew -----------------------------------------------------------------------------------


def test_a_withdrawn_team_is_listed_at_the_foot_with_its_annulled_matches_not_counted(client, region):
    group, t = group_of(region, ["A", "B", "Z"], places_advancing=1)
    play(group, t["A"], t["B"], 1, 1)
    play(group, t["Z"], t["A"], 2, 0)
    play(group, t["B"], t["Z"], 0, 3)
    GroupTeam.objects.filter(group=group, team=t["Z"]).update(withdrawal=GroupTeam.Withdrawal.ANNULLED)
    Note.objects.create(
        season=region.season,
        region=region,
        group=group,
        kind=NoteKind.WITHDRAWN,
        text="Z withdrew during the group; all its results were annulled",
    )
    body = section(page(client, REGION_URL), "group-a")
    # Counted: only A 1-1 B, so A and B 1 point each, level on everything; Z (6 points on the pitch) is struck out.
    assert [(row[0], row[1], row[2], row[9]) for row in table_rows(body)] == [
        ("1=", "A", "1", "1"),
        ("1=", "B", "1", "1"),
        ("—", "Z", "0", "0"),
    ]
    assert "W Withdrew; no position" in text(body)
    assert text(body).count("Annulled: not counted in the table") == 2
    assert "Z withdrew during the group; all its results were annulled" in text(body)


def test_a_withdrawn_team_whose_results_stand_still_gives_its_opponents_their_points():
    results = [Result("A", "B", 1, 1), Result("Z", "A", 2, 0), Result("B", "Z", 0, 3)]
    rows = standings(["A", "B", "Z"], results, withdrawn={"Z": "results_stand"})
    # A: 1 pt, goals 1-3. B: 1 pt, goals 1-4. Z keeps its 6 points but no place.
    assert [(row.team, row.position, row.points, row.withdrawn) for row in rows] == [
        ("A", 1, 1, False),
        ("B", 2, 1, False),
        ("Z", 0, 6, True),
    ]


# --- 11. penalties in a round robin -----------------------------------------------------------------------------


def test_penalties_on_a_group_match_are_refused_unless_the_group_records_shootouts(region):
    group, t = group_of(region, ["Sport Huancayo", "CNI"])
    match = Match(
        season=region.season,
        region=region,
        group=group,
        home_team=t["Sport Huancayo"],
        away_team=t["CNI"],
        home_score=1,
        away_score=1,
        home_penalties=4,
        away_penalties=3,
    )
    with pytest.raises(ValidationError) as refused:
        match.full_clean()
    assert refused.value.message_dict["home_penalties"] == [
        "Group A is played as a round robin, where a drawn match stays a draw: penalties are only recorded when "
        "the group's rules had a shoot-out (tick that on the group first)."
    ]
    group.shootouts = True
    group.save()
    match.group = Group.objects.get(pk=group.pk)
    match.full_clean()


# --- 14. which rule separated level teams -----------------------------------------------------------------------


def test_every_table_says_which_rule_separated_level_teams_and_the_csv_too(client, region):
    group, t = group_of(
        region,
        ["Tayca Chilcal", "Amenaza Verde", "Otro", "Cuarto"],
        tiebreakers=["points", "head_to_head", "goal_difference"],
    )
    # Tayca and Amenaza: 6 pts each; Amenaza has the better goal difference (+6 v +2) but lost to Tayca.
    play(group, t["Tayca Chilcal"], t["Amenaza Verde"], 1, 0)
    play(group, t["Amenaza Verde"], t["Otro"], 5, 0)
    play(group, t["Tayca Chilcal"], t["Cuarto"], 1, 0)
    play(group, t["Amenaza Verde"], t["Cuarto"], 2, 0)
    play(group, t["Otro"], t["Cuarto"], 0, 0)
    # Otro and Cuarto: 1 pt each and 0-0 with each other, so head-to-head leaves them level; goal difference
    # then puts Cuarto (-3) above Otro (-5).
    body = section(page(client, REGION_URL), "group-a")
    assert [row[1] for row in table_rows(body)] == ["Tayca Chilcal", "Amenaza Verde", "Cuarto", "Otro"]
    assert "Tayca Chilcal ahead of Amenaza Verde on head-to-head." in text(body)
    assert "Cuarto ahead of Otro on goal difference." in text(body)
    # Amenaza (6 pts) is above Cuarto (1 pt) on points: no note for a gap in points.
    assert "Amenaza Verde ahead of Cuarto" not in text(body)
    csv = csv_rows(client.get(REGION_URL, {"_export": "csv", "table": "group-a"}))
    column = csv[0].index("Order of level teams")
    assert [row[column] for row in csv[1:]] == [
        "",
        "Tayca Chilcal ahead of Amenaza Verde on head-to-head",
        "",
        "Cuarto ahead of Otro on goal difference",
    ]


def test_teams_level_on_every_criterion_are_said_to_share_their_position(client, region):
    group, t = group_of(region, ["Unión Grauína", "UTC"])
    play(group, t["UTC"], t["Unión Grauína"], 1, 1)
    body = section(page(client, REGION_URL), "group-a")
    # Level on everything: a shared position, listed in Spanish order (Unión before UTC).
    assert [row[:2] for row in table_rows(body)] == [["1=", "Unión Grauína"], ["1=", "UTC"]]
    assert "Unión Grauína and UTC level on every criterion: shared position." in text(body)


# --- 12. Spanish order of names ---------------------------------------------------------------------------------

SPANISH_ORDER = [
    "Carlos A. Mannucci",
    "CNI",
    "Íntimo Cable Visión",
    "Ñañez",
    "Óscar Benavides",
    "Unión Grauína",
    "UTC",
    "Wanka",
]


def test_every_list_of_teams_is_in_spanish_order(client, region):
    # Created in reverse so that neither insertion order nor the database's collation can pass for the rule:
    # accents and case ignored, the dot of "A." ignored, ñ after n.
    teams = [Team.objects.create(name=name) for name in reversed(SPANISH_ORDER)]
    department = Department.objects.get(slug="lima")
    for order, team in enumerate(teams):
        Qualifier.objects.create(season=region.season, department=department, team=team, order=order)
    directory = [row[0] for row in table_rows(section(page(client, "/teams/"), "teams"))]
    assert directory == SPANISH_ORDER
    by_team = table_rows(section(page(client, "/seasons/2031/departmental/?sort=team"), "qualifiers"))
    assert [row[1] for row in by_team] == SPANISH_ORDER
    found = text(section(page(client, "/search/?q=n"), "content"))
    positions = [found.index(name) for name in SPANISH_ORDER if name in found]
    assert positions == sorted(positions) and len(positions) >= 6


def test_a_withdrawn_teams_page_says_it_withdrew_not_a_made_up_place(client, region):
    group, t = group_of(region, ["A", "B", "Z"])
    play(group, t["A"], t["Z"], 1, 0)
    GroupTeam.objects.filter(group=group, team=t["Z"]).update(withdrawal=GroupTeam.Withdrawal.ANNULLED)
    seasons = table_rows(section(page(client, f"/teams/{t['Z'].slug}/"), "seasons"))
    assert "Withdrew; no position in Group A (Region V)" in seasons[0][4]
