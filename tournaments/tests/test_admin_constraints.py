"""Every database constraint reaches the editor as a sentence on the admin form, never as a 500."""

from html import escape

import pytest
from django.apps import apps

from tournaments.models import CITED_THINGS, Citation, FactVersion, Group, Match, Region, Season, Source, Team, Tie

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def season(year=2008):
    return Season.objects.get(year=year).pk


def team(name):
    return Team.objects.get(name=name).pk


def final_group_match():
    return Match.objects.get(season__year=2008, home_team__name="Sport Huancayo", away_team__name="CNI")


def add_row(prefix, **fields):
    """Changes that append one row to an inline (the row's index is the current TOTAL_FORMS)."""

    def apply(data):
        index = int(data[f"{prefix}-TOTAL_FORMS"])
        data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
        data.update({f"{prefix}-{index}-{name}": value for name, value in fields.items()})

    return apply


def wikipedia():
    """A source already recorded (the shipped seasons' fixtures carry none yet)."""
    source, _ = Source.objects.get_or_create(
        publisher="Wikipedia", title="2008 Copa Perú", url="https://en.wikipedia.org/wiki/2008_Copa_Per%C3%BA"
    )
    return source


def thing_of_1998(name):
    """The pk of one citable thing of the 1998 season ("stage", "tie"…), which has one of each."""
    model = Citation._meta.get_field(name).related_model
    season_path = "round__season__year" if name == "tie" else "season__year"
    return model.objects.filter(**{season_path: 1998}).order_by("pk")[0].pk


def citation_add():
    """The citation form for the 1998 season, as the link on its page opens it (its stages and team changes
    listed)."""
    wikipedia()
    return f"/admin/tournaments/citation/add/?season={season(1998)}"


def citation_of_two(first, second):
    return lambda: {"source": wikipedia().pk, first: thing_of_1998(first), second: thing_of_1998(second)}


def fact_version_of_2008():
    """The 2008 season's page, where Sport Ancash is already recorded as one source's version of the champion."""
    version = FactVersion.objects.create(season_id=season(), fact="champion", name="Sport Ancash")
    version.sources.add(wikipedia())
    return f"/admin/tournaments/season/{season()}/change/"


# (constraint name, admin URL, changes to the page as rendered, the sentence the editor must see)
CASES = [
    ("season_year_plausible", lambda: "/admin/tournaments/season/add/", lambda: {"year": 1850},
     "Ensure this value is greater than or equal to 1900."),
    ("season_win_worth_more_than_draw", lambda: "/admin/tournaments/season/add/",
     lambda: {"year": 2031, "points_for_win": 1, "points_for_draw": 1}, "A win must be worth more points than a draw."),
    ("stage_once_per_season", lambda: f"/admin/tournaments/season/{season()}/change/",
     lambda: add_row("stages", kind="national"), "This season already has that stage."),
    ("stage_month_valid", lambda: f"/admin/tournaments/season/{season()}/change/",
     lambda: add_row("stages", kind="regional", start_month=13), "Ensure this value is less than or equal to 12."),
    ("stage_day_needs_month", lambda: "/admin/tournaments/season/add/",
     lambda: lambda data: (data.update(year=2031), add_row("stages", kind="regional", start_day=5)(data)),
     "A start day needs a start month, and must be between 1 and 31."),
    ("team_change_once", lambda: f"/admin/tournaments/season/{season(1998)}/change/",
     lambda: add_row("team_changes", team=team("Juan Aurich"), direction="promoted", division="primera",
                     division_year=1998, order=9),
     "This team change is already recorded for the season."),
    ("region_numeral_unique_in_season", lambda: "/admin/tournaments/region/add/",
     lambda: {"season": season(), "number": 4}, "This season already has a region with that numeral."),
    ("region_number_range", lambda: "/admin/tournaments/region/add/", lambda: {"season": season(), "number": 25},
     "Ensure this value is less than or equal to 20."),
    ("department_in_one_region_per_season",
     lambda: f"/admin/tournaments/region/{Region.objects.get(season__year=2008, number=4).pk}/change/",
     lambda: add_row("memberships", department=apps.get_model("tournaments.Department").objects.get(name="Lima").pk,
                     order=5),
     "Lima is already in Region IV this season."),
    ("team_qualifies_once_per_season", lambda: "/admin/tournaments/qualifier/add/",
     lambda: {"season": season(), "department": apps.get_model("tournaments.Department").objects.get(name="Ica").pk,
              "team": team("CNI")},
     "CNI has already qualified in 2008."),
    ("group_region_matches_stage", lambda: "/admin/tournaments/group/add/",
     lambda: {"season": season(), "stage": "regional", "name": "Group C"},
     "A regional group needs a region; a national group has none."),
    ("group_name_unique_in_region", lambda: "/admin/tournaments/group/add/",
     lambda: {"season": season(), "stage": "regional", "name": "Group A",
              "region": Region.objects.get(season__year=2008, number=5).pk},
     "This region already has a group with that name."),
    ("national_group_name_unique", lambda: "/admin/tournaments/group/add/",
     lambda: {"season": season(), "stage": "national", "name": "Final group stage"},
     "This season&#x27;s national stage already has a group with that name."),
    ("team_once_per_group",
     lambda: f"/admin/tournaments/group/{Group.objects.get(name='Final group stage').pk}/change/",
     lambda: add_row("entries", team=team("CNI"), order=9), "This team is already in the group."),
    ("round_region_matches_stage", lambda: "/admin/tournaments/knockoutround/add/",
     lambda: {"season": season(), "stage": "national", "name": "Semifinals",
              "region": Region.objects.get(season__year=2008, number=4).pk},
     "A regional round needs a region; a national round has none."),
    ("only_tiebreakers_settle_groups", lambda: "/admin/tournaments/knockoutround/add/",
     lambda: {"season": season(), "stage": "national", "name": "Semifinals", "kind": "knockout",
              "group": Group.objects.get(name="Final group stage").pk},
     "Only a tiebreaker playoff settles a group."),
    ("tie_teams_differ", lambda: f"/admin/tournaments/tie/{Tie.objects.get(round__season__year=2008).pk}/change/",
     lambda: {"team_b": team("Unión Huaral")}, "Unión Huaral cannot be drawn against itself."),
    ("tie_one_or_two_legs", lambda: f"/admin/tournaments/tie/{Tie.objects.get(round__season__year=2008).pk}/change/",
     lambda: {"legs": 3}, "Ensure this value is less than or equal to 2."),
    ("match_teams_differ", lambda: f"/admin/tournaments/match/{final_group_match().pk}/change/",
     lambda: {"away_team": team("Sport Huancayo")}, "Sport Huancayo cannot play itself."),
    ("match_score_complete_or_unknown", lambda: f"/admin/tournaments/match/{final_group_match().pk}/change/",
     lambda: {"away_score": ""}, "Enter both scores, or leave both empty when the result is unknown."),
    ("match_penalties_complete_or_none", lambda: f"/admin/tournaments/match/{final_group_match().pk}/change/",
     lambda: {"home_penalties": 3}, "Enter both teams&#x27; penalties, or neither."),
    ("unplayed_match_has_no_score", lambda: f"/admin/tournaments/match/{final_group_match().pk}/change/",
     lambda: {"status": "scheduled"}, "A match marked &#x27;Scheduled&#x27; cannot have a score."),
    ("match_in_group_or_tie", lambda: f"/admin/tournaments/match/{final_group_match().pk}/change/",
     lambda: {"tie": Tie.objects.get(round__season__year=2008).pk},
     "A match belongs to a group or to a tie, not both."),
    ("match_leg_needs_tie", lambda: f"/admin/tournaments/match/{final_group_match().pk}/change/",
     lambda: {"leg": 1}, "Only a tie&#x27;s match has a leg, and it is leg 1 or 2."),
    ("match_minute_stopped_range", lambda: f"/admin/tournaments/match/{final_group_match().pk}/change/",
     lambda: {"minute_stopped": 200}, "Ensure this value is less than or equal to 130."),
    ("note_has_text", lambda: "/admin/tournaments/note/add/", lambda: {"season": season(), "text": ""},
     "This field is required."),
    ("adjustment_not_zero", lambda: "/admin/tournaments/pointsadjustment/add/",
     lambda: {"season": season(), "team": team("CNI"), "points": 0, "reason": "Complaint upheld"},
     "An adjustment awards or docks at least one point."),
    ("adjustment_has_reason", lambda: "/admin/tournaments/pointsadjustment/add/",
     lambda: {"season": season(), "team": team("CNI"), "points": 3, "reason": ""}, "This field is required."),
    ("progression_stored_basis",
     lambda: f"/admin/tournaments/region/{Region.objects.get(season__year=2008, number=2).pk}/change/",
     lambda: add_row("progressions", team=team("CNI"), outcome="went_on", basis="table", order=0),
     "Select a valid choice. table is not one of the available choices."),
    ("season_champion_needs_final", lambda: f"/admin/tournaments/season/{season()}/change/",
     lambda: {"status": "not_held"}, "Only a season whose champion was decided can have a champion."),
    ("source_once", lambda: (wikipedia(), "/admin/tournaments/source/add/")[1],
     lambda: {"publisher": "Wikipedia", "title": "2008 Copa Perú", "url": wikipedia().url},
     "This source is already recorded: choose it from the list instead."),
    ("source_has_publisher_and_title", lambda: "/admin/tournaments/source/add/",
     lambda: {"publisher": "  ", "title": "Copa Perú 2008"}, "This field is required."),
    ("citation_fact_or_thing", citation_add,
     lambda: {"source": wikipedia().pk, "fact": "champion", "match": thing_of_1998("match")},
     "A citation supports either a fact of the season or one thing, not both."),
    *[(f"citation_one_thing_{first}", citation_add, citation_of_two(first, second),
       f"A citation supports one thing: choose only one of {first}, {second}.")
      for first, second in zip(CITED_THINGS, CITED_THINGS[1:], strict=False)],
    ("fact_version_once", fact_version_of_2008,
     lambda: add_row("fact_versions", fact="champion", name="Sport Ancash", sources=[wikipedia().pk], order=1),
     "This version of the fact is already recorded."),
    ("fact_version_has_name", lambda: (wikipedia(), f"/admin/tournaments/season/{season()}/change/")[1],
     lambda: add_row("fact_versions", fact="runner_up", name=" ", sources=[wikipedia().pk], order=1),
     "This field is required."),
]  # fmt: skip


def test_every_constraint_has_a_case_here():
    names = {
        constraint.name
        for model in apps.get_app_config("tournaments").get_models()
        for constraint in model._meta.constraints
    }
    assert names == {name for name, *_ in CASES}


@pytest.mark.parametrize("name, url, changes, message", CASES, ids=[case[0] for case in CASES])
def test_a_constraint_violation_is_a_sentence_on_the_form(editor_client, admin_form_data, name, url, changes, message):
    url = url()
    data = admin_form_data(editor_client.get(url))
    before = {model: model.objects.count() for model in apps.get_app_config("tournaments").get_models()}
    change = changes()
    if callable(change):
        change(data)
    else:
        data.update({key: "" if value is None else value for key, value in change.items()})
    response = editor_client.post(url, data)
    assert response.status_code == 200, "the form comes back with its errors instead of saving"
    body = response.content.decode()
    assert message in body or escape(message) in body
    assert before == {model: model.objects.count() for model in before}, "nothing was saved"
