"""The audit trail: who changed what and when, shown under History, and restoring an earlier version."""

import pytest
from reversion.models import Version

from tournaments.models import Match, Season

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def sport_huancayo_v_cni():
    return Match.objects.get(season__year=2008, home_team__name="Sport Huancayo", away_team__name="CNI")


def change(client, admin_form_data, url, **changes):
    data = admin_form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return response


def test_history_shows_who_changed_a_match_and_what(editor_client, admin_form_data):
    match = sport_huancayo_v_cni()
    change(editor_client, admin_form_data, f"/admin/tournaments/match/{match.pk}/change/", home_score=3)
    body = editor_client.get(f"/admin/tournaments/match/{match.pk}/history/").content.decode()
    assert "editora" in body
    assert "Home score: 0 → 3." in body  # issue 11: the old and new values, not "Changed Home score."
    assert "As it was before the first change in the admin." in body


def test_an_editor_restores_an_earlier_score(editor_client, admin_form_data):
    match = sport_huancayo_v_cni()
    url = f"/admin/tournaments/match/{match.pk}/change/"
    change(editor_client, admin_form_data, url, home_score=3)
    change(editor_client, admin_form_data, url, home_score=4)
    assert sport_huancayo_v_cni().home_score == 4

    versions = Version.objects.get_for_object(match).order_by("pk")
    original = versions.first()
    assert original.field_dict["home_score"] == 0
    revert_url = f"/admin/tournaments/match/{match.pk}/history/{original.pk}/"
    preview = editor_client.get(revert_url)
    assert preview.status_code == 200
    assert preview.context["adminform"].form["home_score"].value() == 0
    assert sport_huancayo_v_cni().home_score == 4, "looking at an old version changes nothing"

    response = editor_client.post(revert_url, admin_form_data(preview))
    assert response.status_code == 302
    restored = sport_huancayo_v_cni()
    assert (restored.home_score, restored.away_score) == (0, 1)
    assert restored.version > 3, "a restore moves the version on, so forms opened before it go stale"
    assert (
        "Reverted to previous version"
        in Version.objects.get_for_object(match).order_by("-pk")[0].revision.get_comment()
    )


def test_a_season_saved_with_its_stages_is_one_revision(editor_client, admin_form_data):
    season = Season.objects.get(year=1998)
    url = f"/admin/tournaments/season/{season.pk}/change/"
    data = admin_form_data(editor_client.get(url))
    stage_row = next(key for key, value in data.items() if key.startswith("stages-") and value == "national")
    data[stage_row.replace("-kind", "-description")] = "The National Stage started in November."
    data["summary"] = "The 1998 season, won by I.M.I."
    assert editor_client.post(url, data).status_code == 302

    revision = Version.objects.get_for_object(season).order_by("-pk")[0].revision
    assert revision.user.username == "editora"
    saved = {(version.content_type.model, version.object_repr) for version in revision.version_set.all()}
    assert ("season", "Copa Perú 1998") in saved
    assert ("stage", "Copa Perú 1998 – National Stage") in saved
    assert sum(1 for model, _ in saved if model == "qualifier") == 29


def test_a_batch_action_is_recorded_with_its_editor(editor_client):
    senati = Match.objects.get(season__year=1998, home_team__name="Senati")
    senati.status = "scheduled"
    senati.save()
    response = editor_client.post(
        "/admin/tournaments/match/", {"action": "mark_not_played", "_selected_action": [senati.pk]}, follow=True
    )
    assert "1 match marked as not played." in response.content.decode()
    latest = Version.objects.get_for_object(senati).order_by("-pk")[0]
    assert latest.revision.user.username == "editora"
    assert latest.field_dict["status"] == "not_played"
