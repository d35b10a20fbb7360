"""The results grid: a group's or round's matches typed on one page and saved together, or not at all."""

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import User
from django.test import Client
from reversion.models import Version

from tournaments.models import Group, KnockoutRound, Match

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def final_group():
    return Group.objects.get(season__year=2008, name="Final group stage")


def grid_url(obj):
    return f"/admin/tournaments/{obj._meta.model_name}/{obj.pk}/results/"


def grid_data(response):
    """The grid's POST data as the browser sends it back, and each match's form prefix."""
    formset = response.context["formset"]
    data, rows = {}, {}
    for form in [formset.management_form, *formset.forms]:
        for bound in form:
            value = bound.value()
            if bound.field.widget.input_type == "checkbox":
                if value:
                    data[bound.html_name] = "on"
                continue
            text = value.isoformat() if hasattr(value, "isoformat") else value
            data[bound.html_name] = "" if value is None else text
    for form in formset.forms:
        rows[form.instance.pk] = form.prefix
    return data, rows


def row_errors(response, match):
    body = response.content.decode().replace("&#x27;", "'")
    start = body.find(f'id="match-{match.pk}-errors"')
    return body[start : body.find("</tr>", start)] if start >= 0 else ""


def test_the_grid_is_linked_from_the_group_page_and_list(editor_client):
    group = final_group()
    assert grid_url(group) in editor_client.get(f"/admin/tournaments/group/{group.pk}/change/").content.decode()
    assert grid_url(group) in editor_client.get("/admin/tournaments/group/").content.decode()
    knockout = KnockoutRound.objects.filter(season__year=2008).first()
    change_page = editor_client.get(f"/admin/tournaments/knockoutround/{knockout.pk}/change/").content.decode()
    assert grid_url(knockout) in change_page
    response = editor_client.get(grid_url(group))
    assert [form.instance for form in response.context["formset"].forms] == list(
        group.matches.order_by("round_number", "date", "order", "pk")
    )


def test_an_editor_saves_several_results_at_once_as_one_revision(editor_client):
    group = final_group()
    response = editor_client.get(grid_url(group))
    data, rows = grid_data(response)
    first, second = list(group.matches.order_by("pk")[:2])
    data.update({f"{rows[first.pk]}-home_score": 5, f"{rows[second.pk]}-date": "2008-12-10"})
    response = editor_client.post(grid_url(group), data, follow=True)
    assert "2 matches were saved." in response.content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.home_score == 5 and second.date.isoformat() == "2008-12-10"
    revisions = {Version.objects.get_for_object(match).order_by("-pk")[0].revision for match in (first, second)}
    assert len(revisions) == 1
    revision = revisions.pop()
    assert revision.user.username == "editora"
    comment = revision.get_comment()
    assert comment.startswith(f"Results grid for {group}:")
    assert f"{first}: Home score: " in comment and "→ 5." in comment
    assert "Date: " in comment and "→ 10 December 2008." in comment


def test_a_wrong_row_shows_its_error_on_that_row_and_nothing_is_saved(editor_client):
    group = final_group()
    response = editor_client.get(grid_url(group))
    data, rows = grid_data(response)
    good, dated, unplayed = list(group.matches.order_by("pk")[:3])
    data.update(
        {
            f"{rows[good.pk]}-home_score": 7,
            f"{rows[dated.pk]}-date": "2009-12-07",
            f"{rows[unplayed.pk]}-status": "not_played",
        }
    )
    response = editor_client.post(grid_url(group), data)
    assert response.status_code == 200
    assert "Please correct the errors below; nothing was saved." in response.content.decode()
    assert row_errors(response, good) == ""
    assert "The date 2009-12-07 is outside the 2008 season." in row_errors(response, dated)
    assert "A match marked 'Not played' cannot have a score." in row_errors(response, unplayed)
    good.refresh_from_db()
    assert good.home_score != 7, "nothing is saved while any row is wrong"
    assert not Version.objects.get_for_object(good).exists()


def test_a_row_a_colleague_changed_meanwhile_is_refused_on_its_row(editor_client):
    group = final_group()
    data, rows = grid_data(editor_client.get(grid_url(group)))
    mine, theirs = list(group.matches.order_by("pk")[:2])
    colleague = User.objects.create_user("editor-two", password="x", is_staff=True)
    colleague.groups.add(AuthGroup.objects.get(name="Editors"))
    other = Client()
    other.force_login(colleague)
    other_data, other_rows = grid_data(other.get(grid_url(group)))
    other_data[f"{other_rows[theirs.pk]}-away_score"] = 9
    assert other.post(grid_url(group), other_data).status_code == 302

    data.update({f"{rows[mine.pk]}-home_score": 6, f"{rows[theirs.pk]}-home_score": 6})
    response = editor_client.post(grid_url(group), data)
    assert response.status_code == 200
    assert "Someone else changed this match while you were editing it." in row_errors(response, theirs)
    assert row_errors(response, mine) == ""
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.home_score != 6 and (theirs.home_score, theirs.away_score) != (6, 9)
    assert theirs.away_score == 9


def test_a_row_left_alone_is_not_checked_or_saved(editor_client):
    group = final_group()
    data, rows = grid_data(editor_client.get(grid_url(group)))
    untouched, edited = list(group.matches.order_by("pk")[:2])
    # A colleague's change to another match does not block this save.
    Match.objects.get(pk=untouched.pk).save()
    data[f"{rows[edited.pk]}-away_score"] = 8
    assert editor_client.post(grid_url(group), data).status_code == 302
    edited.refresh_from_db()
    assert edited.away_score == 8
    assert not Version.objects.get_for_object(untouched).exists()


def test_a_round_grid_takes_extra_time_and_penalties(editor_client):
    knockout = KnockoutRound.objects.get(season__year=2008, region__number=4)
    response = editor_client.get(grid_url(knockout))
    data, rows = grid_data(response)
    assert "-home_penalties" in "".join(data)
    second_leg = Match.objects.get(tie__round=knockout, leg=2)
    data.update({f"{rows[second_leg.pk]}-home_penalties": 4, f"{rows[second_leg.pk]}-away_penalties": 4})
    response = editor_client.post(grid_url(knockout), data)
    assert "A penalty shoot-out cannot end level." in row_errors(response, second_leg)


def test_the_grid_needs_an_editor(client):
    response = client.get(grid_url(final_group()))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
