"""The admin's article import: upload, read the dry-run report, confirm."""

from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from tournaments.admin import article_import
from tournaments.caching import archive_version
from tournaments.management.commands.build_fixtures import SEEDS
from tournaments.models import Match, Qualifier, Season
from tournaments.services.season_import import MAX_ARTICLE_BYTES

pytestmark = pytest.mark.django_db

URL = "/admin/tournaments/season/import/"
ARTICLE = (Path(__file__).parent / "articles" / "season_1983.txt").read_bytes()


def upload(client, content=ARTICLE, name="season_1983.txt"):
    return client.post(URL, {"article": SimpleUploadedFile(name, content, content_type="text/plain")})


def test_the_season_list_links_to_the_import(admin_client):
    body = admin_client.get("/admin/tournaments/season/").content.decode()
    assert f'href="{URL}"' in body and "Import from an article" in body


def test_preview_shows_the_dry_run_and_writes_nothing_then_confirm_imports(admin_client):
    # 29 rows: the 27 the article lists, and the two progressions it implies (its national finalists came through
    # their regions: services/progression.py).
    preview = upload(admin_client)
    body = preview.content.decode()
    assert preview.status_code == 200
    assert "Copa Perú 1983: dry run, nothing written" in body
    assert "+ 1983 · National stage · Final · Aurora v Deportivo Junín (leg 1, 4 Dec)" in body
    assert not Season.objects.exists()
    confirmed = admin_client.post(
        URL, {"confirm": "1", "filename": "season_1983.txt", "text": ARTICLE.decode("utf-8")}, follow=True
    )
    assert confirmed.redirect_chain[-1][0] == "/admin/tournaments/season/"
    assert (
        "Imported season_1983.txt into Copa Perú 1983: 29 rows added, 0 rows changed, 0 rows removed."
        in confirmed.content.decode()
    )
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


SEED_2008 = (SEEDS / "000_577157f910dad3a1.txt").read_bytes()


def confirm(client, content, name, **extra):
    data = {"confirm": "1", "filename": name, "text": content.decode("utf-8"), **extra}
    return client.post(URL, data, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_preview_and_the_message_say_what_changed_in_an_editors_words(admin_client, shipped_seasons):
    edited = SEED_2008.replace("Atlético Torino 1-1 CNI".encode(), "Atlético Torino 2-1 CNI".encode())
    version = archive_version()
    body = upload(admin_client, edited, "2008.txt").content.decode()
    line = "2008 · National stage · Final group stage · Atlético Torino v CNI (11 Dec): score 1–1 → 2–1"
    assert f"~ {line}" in body
    assert "home_score" not in body and "Match:" not in body
    assert archive_version() == version, "a preview leaves the public pages' cache alone"
    done = confirm(admin_client, edited, "2008.txt")
    assert messages_of(done) == [
        "Imported 2008.txt into Copa Perú 2008: 0 rows added, 1 row changed, 0 rows removed.",
        line,
    ]


def test_an_import_is_one_revision_by_the_editor_naming_the_article(admin_client, shipped_seasons):
    edited = SEED_2008.replace("Atlético Torino 1-1 CNI".encode(), "Atlético Torino 2-1 CNI".encode())
    confirm(admin_client, edited, "2008.txt")
    match = Match.objects.get(season__year=2008, home_team__name="Atlético Torino", away_team__name="CNI")
    latest = Version.objects.get_for_object(match).first().revision
    assert (latest.user.username, latest.get_comment()) == ("admin", "Imported from the article 2008.txt.")
    history = admin_client.get(f"/admin/tournaments/match/{match.pk}/history/").content.decode()
    assert "Imported from the article 2008.txt." in history
    assert "As it was before the import of 2008.txt." in history


def test_removing_rows_needs_its_own_confirmation(admin_client, shipped_seasons):
    one_line = "= 2008 Copa Perú =\n".encode()
    preview = upload(admin_client, one_line, "2008.txt").content.decode()
    assert "This article would remove 5 stages, 8 regions, 25 region departments, 55 departmental qualifiers" in preview
    assert 'name="allow_removals"' in preview
    refused = confirm(admin_client, one_line, "2008.txt")
    assert "This import removes rows: tick the box to confirm that they should go." in refused.content.decode()
    assert Qualifier.objects.filter(season__year=2008).count() == 55
    done = confirm(admin_client, one_line, "2008.txt", allow_removals="on")
    # 113 rows of the article, the six progressions the seed states or implies (services/progression.py) and the
    # eight citations of its Sources section (four sources, each also cited for the champion).
    assert messages_of(done)[0].endswith("0 rows added, 1 row changed, 127 rows removed.")
    assert not Qualifier.objects.filter(season__year=2008).exists()


def test_every_mistake_of_an_upload_is_listed(admin_client):
    bad = ARTICLE.replace(b"Aurora 1-0 Deportivo", b"Aurora 1-x Deportivo").replace(b"1983-10-02", b"1984-10-02")
    body = upload(admin_client, bad, "bad.txt").content.decode()
    assert body.index("bad.txt:32: match: The date 1984-10-02 is outside the 1983 season.") < body.index(
        "bad.txt:42: the score &#x27;1-x&#x27; is not two numbers"
    )
    assert not Season.objects.exists()


def test_articles_too_large_or_too_long_for_a_web_request_are_sent_to_the_command(admin_client):
    too_large = b"= 1983 Copa Per\xc3\xba =\n" + b"x" * MAX_ARTICLE_BYTES
    body = upload(admin_client, too_large, "big.txt").content.decode()
    assert "The article is 2.0 MB; articles above 2 MB are refused." in body
    matches = "".join(f"1983-{1 + n // 28:02d}-{1 + n % 28:02d}\nAurora v Deportivo Junín\n" for n in range(300))
    long_article = f"= 1983 Copa Perú =\n==National Stage==\n===Final group===\n{matches}".encode()
    with mock.patch.object(article_import, "MAX_WEB_MATCH_LINES", 299):  # the real limit is 3,000
        body = upload(admin_client, long_article, "long.txt").content.decode()
    assert "This article has 300 match lines: an import of more than 299 takes too long for a web page." in body
    assert "manage.py import_season long.txt --dry-run" in body
    assert not Season.objects.exists()
