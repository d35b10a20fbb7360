"""The admin's article import: upload, read the dry-run report, confirm."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from tournaments.models import Match, Season

pytestmark = pytest.mark.django_db

URL = "/admin/tournaments/season/import/"
ARTICLE = (Path(__file__).parent / "articles" / "season_1983.txt").read_bytes()


def upload(client, content=ARTICLE, name="season_1983.txt"):
    return client.post(URL, {"article": SimpleUploadedFile(name, content, content_type="text/plain")})


def test_the_season_list_links_to_the_import(admin_client):
    body = admin_client.get("/admin/tournaments/season/").content.decode()
    assert f'href="{URL}"' in body and "Import from an article" in body


def test_preview_shows_the_dry_run_and_writes_nothing_then_confirm_imports(admin_client):
    preview = upload(admin_client)
    body = preview.content.decode()
    assert preview.status_code == 200
    assert "Copa Perú 1983: dry run, nothing written" in body
    assert "+ Match: National Stage / Final / Aurora / Deportivo Junín" in body
    assert not Season.objects.exists()
    confirmed = admin_client.post(
        URL, {"confirm": "1", "filename": "season_1983.txt", "text": ARTICLE.decode("utf-8")}, follow=True
    )
    assert confirmed.redirect_chain[-1][0] == "/admin/tournaments/season/"
    assert "Imported: Copa Perú 1983: imported" in confirmed.content.decode()
    assert Match.objects.filter(season__year=1983).count() == 8


def test_a_bad_article_shows_file_line_and_reason_in_the_form(admin_client):
    bad = ARTICLE.replace(b"Aurora 1-0 Deportivo", b"Aurora 1-x Deportivo")
    response = upload(admin_client, bad, "bad.txt")
    assert response.status_code == 200
    assert "bad.txt:42: the score &#x27;1-x&#x27; is not two numbers" in response.content.decode()
    assert not Season.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_politely(admin_client):
    response = upload(admin_client, "= 1983 Copa Perú =".encode("latin-1"))
    assert "The file is not UTF-8 text." in response.content.decode()


def test_only_staff_who_may_add_seasons_can_import(client):
    assert client.get(URL).status_code == 302, "anonymous users are sent to the login page"
    User.objects.create_user("clerk", password="pw", is_staff=True)
    client.login(username="clerk", password="pw")
    assert client.get(URL).status_code == 403
