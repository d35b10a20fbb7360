"""Two editors on the same match: the second save is refused with a message and the first one's edit stays."""

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import User
from django.test import Client

from tournaments.models import Group, Match
from tournaments.models.competition import StaleMatchError

pytestmark = pytest.mark.usefixtures("shipped_seasons")

STALE = (
    "Someone else changed this match while you were editing it. "
    "Reload the page to see their changes, then make yours again."
)


@pytest.fixture
def second_editor_client(db):
    user = User.objects.create_user("editor-two", password="x", is_staff=True)
    user.groups.add(AuthGroup.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


def sport_huancayo_v_cni():
    return Match.objects.get(season__year=2008, home_team__name="Sport Huancayo", away_team__name="CNI")


def changelist_data(response):
    """The quick-score changelist's formset as the browser would send it back."""
    data = {"_save": "Save"}
    formset = response.context["cl"].formset
    for form in [formset.management_form, *formset.forms]:
        for bound in form:
            value = bound.value()
            data[bound.html_name] = "" if value is None else value
    return data


def test_the_second_of_two_saves_from_the_same_page_is_refused(editor_client, second_editor_client, admin_form_data):
    match = sport_huancayo_v_cni()
    url = f"/admin/tournaments/match/{match.pk}/change/"
    first = admin_form_data(editor_client.get(url))
    second = admin_form_data(second_editor_client.get(url))

    first.update(home_score=3, away_score=1)
    assert editor_client.post(url, first).status_code == 302

    second.update(home_score=0, away_score=2)
    response = second_editor_client.post(url, second)
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [STALE]
    assert "Reload the page to see their changes" in response.content.decode()
    match.refresh_from_db()
    assert (match.home_score, match.away_score, match.version) == (3, 1, 2)


def test_a_stale_match_row_in_a_group_is_refused(editor_client, second_editor_client, admin_form_data):
    group = Group.objects.get(season__year=2008, name="Final group stage")
    url = f"/admin/tournaments/group/{group.pk}/change/"
    first = admin_form_data(editor_client.get(url))
    second = admin_form_data(second_editor_client.get(url))
    pk = sport_huancayo_v_cni().pk
    prefix = next(
        key for key, value in first.items() if key.startswith("matches-") and key.endswith("-id") and value == pk
    )
    prefix = prefix.removesuffix("-id")

    first.update({f"{prefix}-home_score": 3})
    assert editor_client.post(url, first).status_code == 302
    second.update({f"{prefix}-home_score": 5, "name": "Final group"})
    response = second_editor_client.post(url, second)
    assert response.status_code == 200
    assert STALE in response.content.decode().replace("&#x27;", "'")
    assert sport_huancayo_v_cni().home_score == 3
    group.refresh_from_db()
    assert group.name == "Final group stage", "nothing of the refused save is kept"


def test_a_stale_quick_score_on_the_match_list_is_refused(editor_client, second_editor_client):
    url = f"/admin/tournaments/match/?season__id__exact={sport_huancayo_v_cni().season_id}"
    first = changelist_data(editor_client.get(url))
    second = changelist_data(second_editor_client.get(url))
    pk = sport_huancayo_v_cni().pk
    prefix = next(key for key, value in first.items() if key.endswith("-id") and value == pk).removesuffix("-id")

    first.update({f"{prefix}-home_score": 3})
    assert editor_client.post(url, first).status_code == 302
    second.update({f"{prefix}-home_score": 4, f"{prefix}-away_score": 4})
    response = second_editor_client.post(url, second)
    assert response.status_code == 200
    assert STALE in response.content.decode().replace("&#x27;", "'")
    match = sport_huancayo_v_cni()
    assert (match.home_score, match.away_score) == (3, 1)


def test_the_model_refuses_to_save_a_stale_copy():
    mine, theirs = sport_huancayo_v_cni(), sport_huancayo_v_cni()
    theirs.home_score = 3
    theirs.save()
    mine.away_score = 5
    with pytest.raises(StaleMatchError):
        mine.save()
    match = sport_huancayo_v_cni()
    assert (match.home_score, match.away_score, match.version) == (3, 1, 2)
