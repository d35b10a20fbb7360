"""Every mistake an editor can type gets a sentence where it was typed, never a 500 (issue 5)."""

import datetime as dt
from html import escape

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from tournaments.models import Department, Group, Match, MatchStatus, Qualifier, Region, Season, Team, Tie

pytestmark = pytest.mark.usefixtures("shipped_seasons")


@pytest.fixture
def post_change(editor_client, admin_form_data):
    """Submit an admin change (or add) page as rendered, with the editor's changes, and return the response."""

    def post(url, **changes):
        data = admin_form_data(editor_client.get(url))
        data.update({key: "" if value is None else value for key, value in changes.items()})
        return editor_client.post(url, data)

    return post


def match_url(match):
    return f"/admin/tournaments/match/{match.pk}/change/"


def final_group_match(home="Sport Huancayo", away="CNI"):
    return Match.objects.get(season__year=2008, home_team__name=home, away_team__name=away)


def regional_final_leg_2():
    return Match.objects.get(tie__round__region__number=4, season__year=2008, leg=2)


def field_errors(response, field):
    assert response.status_code == 200, "the form is shown again with its errors"
    return response.context["adminform"].form.errors.get(field, [])


def shown(response, message):
    return escape(message) in response.content.decode()


def test_a_team_playing_itself_is_named(post_change):
    leg = regional_final_leg_2()
    union_huaral = Team.objects.get(name="Unión Huaral")
    response = post_change(match_url(leg), away_team=union_huaral.pk)
    assert field_errors(response, "away_team") == ["Unión Huaral cannot play itself."]
    assert shown(response, "Unión Huaral cannot play itself.")
    assert not shown(response, "A team cannot play itself."), "the generic constraint message is not repeated"


def test_a_negative_score_is_refused_at_the_field(post_change):
    response = post_change(match_url(final_group_match()), home_score=-1)
    assert field_errors(response, "home_score") == ["A score cannot be negative."]
    assert final_group_match().home_score == 0


def test_a_match_marked_not_played_cannot_have_a_score(post_change):
    response = post_change(match_url(final_group_match()), status=MatchStatus.NOT_PLAYED)
    assert field_errors(response, "home_score") == ["A match marked 'Not played' cannot have a score."]
    assert shown(response, "A match marked 'Not played' cannot have a score.")


def test_penalties_need_level_scores_in_a_single_match(post_change):
    response = post_change(match_url(final_group_match()), home_penalties=4, away_penalties=3)
    assert field_errors(response, "home_penalties") == ["Penalties are only taken when the scores are level."]


def test_penalties_in_a_second_leg_need_a_level_aggregate(post_change):
    tie = Tie.objects.get(round__region__number=4, round__season__year=2008)
    Match.objects.create(
        season=tie.round.season, tie=tie, leg=1, home_team=tie.team_b, away_team=tie.team_a, home_score=2, away_score=0
    )
    leg = regional_final_leg_2()
    response = post_change(
        match_url(leg), status=MatchStatus.PLAYED, home_score=1, away_score=0, home_penalties=4, away_penalties=2
    )
    assert field_errors(response, "home_penalties") == [
        "Penalties are only taken when the scores are level. The aggregate is 1-2."
    ]
    response = post_change(
        match_url(leg), status=MatchStatus.PLAYED, home_score=2, away_score=0, home_penalties=4, away_penalties=2
    )
    assert response.status_code == 302, "2-2 on aggregate: the shoot-out is accepted"


def test_a_team_not_in_the_group_is_named(post_change):
    alianza = Team.objects.create(name="Alianza Lima")
    response = post_change(match_url(final_group_match()), home_team=alianza.pk)
    assert field_errors(response, "home_team") == ["Alianza Lima is not in Final group stage."]


def test_a_team_not_in_the_tie_is_named(post_change):
    sport_huancayo = Team.objects.get(name="Sport Huancayo")
    response = post_change(match_url(regional_final_leg_2()), home_team=sport_huancayo.pk)
    assert field_errors(response, "home_team") == [
        "Sport Huancayo is not in this tie (Unión Huaral v Íntimo Cable Visión)."
    ]


def test_a_team_not_from_the_region_is_named(editor_client, admin_form_data):
    season = Season.objects.get(year=2008)
    region_iv = Region.objects.get(season=season, number=4)
    url = "/admin/tournaments/match/add/"
    data = admin_form_data(editor_client.get(url))
    data.update(
        season=season.pk,
        region=region_iv.pk,
        home_team=Team.objects.get(name="Sport Huancayo").pk,
        away_team=Team.objects.get(name="Unión Huaral").pk,
        status=MatchStatus.SCHEDULED,
    )
    response = editor_client.post(url, data)
    assert field_errors(response, "home_team") == [
        "Sport Huancayo is not in Region IV: it did not qualify from Callao or Lima."
    ]
    assert not Match.objects.filter(region=region_iv, home_team__name="Sport Huancayo").exists()


def test_a_date_outside_the_season_is_refused(post_change):
    response = post_change(match_url(final_group_match()), date="2009-01-05")
    assert field_errors(response, "date") == ["The date 2009-01-05 is outside the 2008 season."]


def test_a_second_leg_before_the_first_is_refused_in_the_match_form(post_change):
    tie = Tie.objects.get(round__region__number=4, round__season__year=2008)
    Match.objects.create(
        season=tie.round.season, tie=tie, leg=1, date=dt.date(2008, 5, 10), home_team=tie.team_b, away_team=tie.team_a
    )
    response = post_change(match_url(regional_final_leg_2()), date="2008-05-03")
    assert field_errors(response, "date") == [
        "The second leg (3 May 2008) cannot be before the first leg (10 May 2008)."
    ]


def test_a_second_leg_before_the_first_is_refused_when_both_legs_are_typed_together(editor_client, admin_form_data):
    tie = Tie.objects.get(round__region__number=4, round__season__year=2008)
    url = f"/admin/tournaments/tie/{tie.pk}/change/"
    data = admin_form_data(editor_client.get(url))
    data.update(
        {
            "matches-0-date": "2008-05-03",  # the stored second leg
            "matches-TOTAL_FORMS": "2",
            "matches-1-leg": "1",
            "matches-1-date": "2008-05-10",
            "matches-1-home_team": tie.team_b_id,
            "matches-1-away_team": tie.team_a_id,
            "matches-1-status": MatchStatus.SCHEDULED,
            "matches-1-sides_known": "on",
            "matches-1-seen_version": "1",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert shown(response, "The second leg (3 May 2008) cannot be before the first leg (10 May 2008).")
    assert tie.matches.count() == 1


def test_a_team_cannot_qualify_twice_in_a_season(editor_client, admin_form_data):
    url = "/admin/tournaments/qualifier/add/"
    data = admin_form_data(editor_client.get(url))
    data.update(
        season=Season.objects.get(year=2008).pk,
        department=Department.objects.get(name="Lima").pk,
        team=Team.objects.get(name="Sport Huancayo").pk,
    )
    response = editor_client.post(url, data)
    assert field_errors(response, "team") == ["Sport Huancayo has already qualified in 2008."]
    assert Qualifier.objects.filter(season__year=2008, team__name="Sport Huancayo").count() == 1


def test_a_group_match_inline_shows_the_rule_for_a_field_it_does_not_show(editor_client, admin_form_data):
    """The group's match rows have no penalties column, yet the 'not played' rule still reaches the editor."""
    group = Group.objects.get(season__year=2008, name="Final group stage")
    url = f"/admin/tournaments/group/{group.pk}/change/"
    data = admin_form_data(editor_client.get(url))
    data["matches-0-status"] = MatchStatus.NOT_PLAYED
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert shown(response, "A match marked 'Not played' cannot have a score.")


def test_a_team_and_its_matches_can_be_added_to_a_group_in_one_save(editor_client, admin_form_data):
    group = Group.objects.get(season__year=2008, name="Final group stage")
    extra = Team.objects.create(name="Alianza Lima")
    url = f"/admin/tournaments/group/{group.pk}/change/"
    data = admin_form_data(editor_client.get(url))
    data.update(
        {
            "entries-TOTAL_FORMS": "5",
            "entries-4-team": extra.pk,
            "entries-4-order": "4",
            "matches-TOTAL_FORMS": "7",
            "matches-6-round_number": "3",
            "matches-6-date": "2008-12-11",
            "matches-6-home_team": extra.pk,
            "matches-6-away_team": Team.objects.get(name="CNI").pk,
            "matches-6-status": MatchStatus.SCHEDULED,
            "matches-6-seen_version": "1",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert group.matches.filter(home_team=extra).exists()


def test_tiebreakers_are_chosen_in_order_and_repeats_are_refused(post_change):
    group = Group.objects.get(season__year=2008, name="Final group stage")
    url = f"/admin/tournaments/group/{group.pk}/change/"
    response = post_change(url, tiebreakers_0="points", tiebreakers_1="head_to_head", tiebreakers_2="head_to_head")
    assert field_errors(response, "tiebreakers") == ["Tiebreaker 'head_to_head' is listed twice"]
    response = post_change(url, tiebreakers_0="points", tiebreakers_1="fair_play", tiebreakers_2="")
    assert field_errors(response, "tiebreakers") == ["Unknown tiebreaker 'fair_play'"]
    response = post_change(url, tiebreakers_0="points", tiebreakers_1="head_to_head", tiebreakers_2="goal_difference")
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.tiebreakers == ["points", "head_to_head", "goal_difference"]


def test_the_tiebreaker_boxes_offer_the_registry_in_order(editor_client):
    group = Group.objects.get(season__year=2008, name="Final group stage")
    body = editor_client.get(f"/admin/tournaments/group/{group.pk}/change/").content.decode()
    assert body.count('name="tiebreakers_') == 7
    first_box = body.split('name="tiebreakers_0"')[1].split("</select>")[0]
    labels = ["Points", "Goal difference", "Goals scored", "Matches won", "Head-to-head results"]
    positions = [first_box.index(label) for label in labels]
    assert positions == sorted(positions)
    assert '<option value="points" selected>' in first_box


def test_every_shipped_row_passes_the_editors_rules():
    """The rules must never refuse the seasons as the seed articles give them."""
    for model in apps.get_app_config("tournaments").get_models():
        for obj in model.objects.all():
            obj.full_clean()


def test_a_season_not_held_takes_no_qualifier_stage_region_or_match_and_a_held_one_cannot_become_not_held(
    editor_client, admin_form_data, post_change
):
    not_held = Season.objects.get(year=1990)
    assert not_held.status == "not_held"
    url = "/admin/tournaments/qualifier/add/"
    data = admin_form_data(editor_client.get(url))
    data.update(
        season=not_held.pk,
        department=Department.objects.get(name="Lima").pk,
        team=Team.objects.get(name="Sport Huancayo").pk,
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    sentence = (
        "The 1990 season was not held: it has no departmental qualifiers, regions, stages or matches. Change the "
        "season's status first if it was held."
    )
    assert shown(response, sentence)
    for row in (Region(season=not_held, number=1), Group(season=not_held, name="Group A")):
        with pytest.raises(ValidationError) as raised:
            row.clean()
        assert raised.value.messages == [sentence]
    assert not Qualifier.objects.filter(season=not_held).exists()

    held = Season.objects.get(year=2008)
    response = post_change(f"/admin/tournaments/season/{held.pk}/change/", status="not_held", champion=None)
    assert response.status_code == 200
    assert shown(response, "This season has stages, qualifiers, regions or matches, so it was held")
    held.refresh_from_db()
    assert held.status == "final"
