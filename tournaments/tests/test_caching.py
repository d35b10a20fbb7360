"""The public-page cache: a correction shows on the next request, repeat visits get a 304, editors bypass it."""

import pytest
from django.contrib.auth.models import User

from tournaments.models import Match, Note, Season

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def body(response):
    return response.content.decode()


def test_second_request_is_served_from_the_cache_without_queries(client, django_assert_num_queries):
    first = client.get("/seasons/2008/")
    with django_assert_num_queries(0):
        second = client.get("/seasons/2008/")
    assert second.status_code == 200
    assert body(second) == body(first)


def test_a_corrected_match_shows_on_the_next_request(client):
    assert "Sport Huancayo" in body(client.get("/seasons/2008/"))
    # A write that bypasses signals is invisible: proof that the page really came from the cache...
    Season.objects.filter(year=2008).update(summary="Corrected by the editors.")
    assert "Corrected by the editors." not in body(client.get("/seasons/2008/"))
    # ...until any save in the archive, here a score correction, replaces the archive version.
    match = Match.objects.filter(season__year=2008, home_score__isnull=False).first()
    match.home_score += 1
    match.save()
    assert "Corrected by the editors." in body(client.get("/seasons/2008/"))


def test_a_deleted_note_disappears_on_the_next_request(client):
    note = Note.objects.create(season=Season.objects.get(year=1998), text="A season-level note to delete.")
    assert note.text in body(client.get("/seasons/1998/"))
    note.delete()
    assert note.text not in body(client.get("/seasons/1998/"))


def test_repeat_visit_with_the_etag_gets_304_until_the_archive_changes(client):
    first = client.get("/seasons/1998/")
    etag = first["ETag"]
    assert first["Cache-Control"] == "max-age=0, must-revalidate"
    repeat = client.get("/seasons/1998/", headers={"if-none-match": etag})
    assert repeat.status_code == 304
    assert repeat["ETag"] == etag
    assert repeat.content == b""

    season = Season.objects.get(year=1998)
    season.summary = "Corrected."
    season.save()
    after_change = client.get("/seasons/1998/", headers={"if-none-match": etag})
    assert after_change.status_code == 200
    assert after_change["ETag"] != etag
    assert "Corrected." in body(after_change)


def test_cached_pages_keep_the_security_headers(client):
    client.get("/")
    cached = client.get("/")
    assert cached["X-Content-Type-Options"] == "nosniff"
    assert cached["X-Frame-Options"] == "DENY"
    assert "object-src 'none'" in cached["Content-Security-Policy"]


def test_each_language_is_cached_apart(client):
    english = client.get("/", headers={"accept-language": "en"})
    spanish = client.get("/", headers={"accept-language": "es"})
    assert english["ETag"] != spanish["ETag"]
    assert "Accept-Language" in english["Vary"]


def test_logged_in_editors_always_see_a_fresh_page(client):
    client.get("/seasons/2008/")
    Season.objects.filter(year=2008).update(summary="Seen by the editor at once.")
    editor = User.objects.create_user("editor", password="a long editor password")
    client.force_login(editor)
    response = client.get("/seasons/2008/")
    assert "Seen by the editor at once." in body(response)
    assert "ETag" not in response


def test_not_found_pages_are_not_cached(client):
    missing = client.get("/seasons/1966/")
    assert missing.status_code == 404
    assert "ETag" not in missing
    Season.objects.filter(year=1998).update(year=1966)  # no signal: only an uncached page can show it
    assert client.get("/seasons/1966/").status_code == 200


def test_the_admin_is_never_cached(client):
    client.get("/admin/login/")
    assert "ETag" not in client.get("/admin/login/")


def test_a_page_cached_yesterday_is_rendered_again_with_todays_retrieved_date(client, monkeypatch):
    import datetime as dt

    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: dt.date(2026, 11, 26))
    first = client.get("/seasons/2008/national/")
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: dt.date(2026, 11, 27))
    next_day = client.get("/seasons/2008/national/", headers={"if-none-match": first["ETag"]})
    assert next_day.status_code == 200
    assert next_day["ETag"] != first["ETag"]
