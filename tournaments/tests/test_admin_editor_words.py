"""The admin in a football editor's words: its titles, calendar dates, the note form, History and refused saves."""

import re

import pytest
from reversion.models import Version

from tournaments.models import Group, Match, Note, Region, Tie

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def sport_huancayo_v_cni():
    return Match.objects.get(season__year=2008, home_team__name="Sport Huancayo", away_team__name="CNI")


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def test_the_admin_is_titled_for_the_archive(editor_client):
    response = editor_client.get("/admin/")
    body = response.content.decode()
    assert "Django administration" not in body and "Django site admin" not in body
    assert "Copa Perú archive: editors" in body
    assert title(response) == "Seasons, results and rulings | Copa Perú editors"


@pytest.mark.parametrize(
    "url",
    [
        lambda: f"/admin/tournaments/match/{sport_huancayo_v_cni().pk}/change/",
        lambda: f"/admin/tournaments/group/{Group.objects.get(season__year=2008, name='Final group stage').pk}/change/",
        lambda: (
            f"/admin/tournaments/tie/{Tie.objects.get(round__season__year=2008, round__region__number=4).pk}/change/"
        ),
    ],
    ids=["match", "group", "tie"],
)
def test_match_dates_are_calendar_days_without_a_time_zone_warning(editor_client, url):
    body = editor_client.get(url()).content.decode()
    date_inputs = re.findall(r'<input[^>]*name="[^"]*date"[^>]*>', body)
    assert date_inputs and all('type="date"' in tag and "vDateField" not in tag for tag in date_inputs)
    # DateTimeShortcuts.js is what writes "You are 5 hours ahead of server time" under every date box.
    assert "DateTimeShortcuts.js" not in body


def test_a_match_date_typed_in_the_date_box_is_saved(editor_client, admin_form_data):
    match = sport_huancayo_v_cni()
    url = f"/admin/tournaments/match/{match.pk}/change/"
    data = admin_form_data(editor_client.get(url))
    data["date"] = "2008-12-08"
    assert editor_client.post(url, data).status_code == 302
    assert sport_huancayo_v_cni().date.isoformat() == "2008-12-08"


def test_the_note_form_asks_once_what_the_note_concerns(editor_client, admin_form_data):
    response = editor_client.get("/admin/tournaments/note/add/")
    body = response.content.decode()
    assert "What this note concerns" in body
    assert "Choose the one thing the note is about" in body
    assert "Printed as" in body and "Style" not in re.sub(r"<[^>]+>", " ", body)

    match = Match.objects.get(season__year=1998, tie__isnull=False, leg=2, tie__round__name="Final")
    data = admin_form_data(response)
    data.update(kind="note", text="Played behind closed doors.", match=match.pk, season="")
    assert editor_client.post("/admin/tournaments/note/add/", data).status_code == 302
    note = Note.objects.get(text="Played behind closed doors.")
    assert (note.season, note.region, note.knockout_round, note.tie, note.match) == (
        match.season,
        match.region,
        match.tie.round,
        match.tie,
        match,
    )


def test_a_note_on_a_match_in_another_region_is_refused_on_the_region_field(editor_client, admin_form_data):
    match = sport_huancayo_v_cni()  # national stage: in no region
    region = Region.objects.get(season__year=2008, number=4)
    data = admin_form_data(editor_client.get("/admin/tournaments/note/add/"))
    data.update(kind="note", text="Misplaced.", match=match.pk, region=region.pk)
    response = editor_client.post("/admin/tournaments/note/add/", data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["region"] == [
        f"{match} is not in Region IV (2008): leave this empty, it is filled in from what you chose."
    ]
    assert not Note.objects.filter(text="Misplaced.").exists()
    body = editor_client.get("/admin/tournaments/note/add/").content.decode()
    assert "Choose the season, or the region" not in body


def test_a_note_needs_something_it_concerns(editor_client, admin_form_data):
    data = admin_form_data(editor_client.get("/admin/tournaments/note/add/"))
    data.update(kind="note", text="About nothing.")
    response = editor_client.post("/admin/tournaments/note/add/", data)
    assert response.context["adminform"].form.errors["season"] == [
        "Choose the season, or the region, group, round, tie or match in it."
    ]


def test_history_names_old_and_new_values_of_a_match_row_saved_with_its_group(editor_client, admin_form_data):
    group = Group.objects.get(season__year=2008, name="Final group stage")
    url = f"/admin/tournaments/group/{group.pk}/change/"
    data = admin_form_data(editor_client.get(url))
    pk = sport_huancayo_v_cni().pk
    prefix = next(k for k, v in data.items() if k.startswith("matches-") and k.endswith("-id") and v == pk)[:-3]
    data.update({f"{prefix}-home_score": 2, f"{prefix}-status": "awarded", "places_promoted": 3})
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    comment = Version.objects.get_for_object(group).order_by("-pk")[0].revision.get_comment()
    assert comment == (
        "Teams promoted: 2 → 3. Match “Sport Huancayo 2-1 CNI”: Home score: 0 → 2; Status: Played → Awarded."
    )
    history = editor_client.get(f"/admin/tournaments/group/{group.pk}/history/").content.decode()
    assert "Home score: 0 → 2; Status: Played → Awarded." in history


def test_history_of_a_quick_score_save_names_each_match_changed(editor_client):
    url = "/admin/tournaments/match/?q=cni"
    response = editor_client.get(url)
    formset = response.context["cl"].formset
    data = {"_save": "Save"}
    for form in [formset.management_form, *formset.forms]:
        for bound in form:
            data[bound.html_name] = "" if bound.value() is None else bound.value()
    rows = {form.instance.pk: form.prefix for form in formset.forms}
    first, second = (
        sport_huancayo_v_cni(),
        (
            Match.objects.filter(season__year=2008, group__name="Final group stage", away_team__name="CNI")
            .exclude(pk=sport_huancayo_v_cni().pk)
            .first()
        ),
    )
    data.update({f"{rows[first.pk]}-home_score": 3, f"{rows[second.pk]}-away_score": 4})
    assert editor_client.post(url, data).status_code == 302
    for match in (first, second):
        revision = Version.objects.get_for_object(match).order_by("-pk")[0].revision
        assert revision.user.username == "editora"
        assert revision.get_comment().splitlines() == [
            f"{Match.objects.get(pk=first.pk)}: Home score: 0 → 3.",
            f"{Match.objects.get(pk=second.pk)}: Away score: {second.away_score} → 4.",
        ]


def test_after_a_refused_save_the_page_names_the_match_as_stored(editor_client, admin_form_data):
    match = sport_huancayo_v_cni()
    url = f"/admin/tournaments/match/{match.pk}/change/"
    data = admin_form_data(editor_client.get(url))
    data["away_team"] = match.home_team_id
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert title(response).startswith("Error: Sport Huancayo 0-1 CNI | Change match")
    body = response.content.decode()
    assert "Sport Huancayo 0-1 Sport Huancayo" not in body
    assert "Sport Huancayo cannot play itself." in body


def test_a_batch_action_leaves_a_revision_saying_what_was_done(editor_client):
    senati = Match.objects.get(season__year=1998, home_team__name="Senati")
    senati.status = "scheduled"
    senati.save()
    editor_client.post("/admin/tournaments/match/", {"action": "mark_not_played", "_selected_action": [senati.pk]})
    revision = Version.objects.get_for_object(senati).order_by("-pk")[0].revision
    assert revision.user.username == "editora"
    assert revision.get_comment() == "Marked as not played with the match list's action."
    history = editor_client.get(f"/admin/tournaments/match/{senati.pk}/history/").content.decode()
    assert "Marked as not played with the match list&#x27;s action." in history
