"""Headers every response carries, and a Content-Security-Policy the pages actually satisfy."""

import re

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.usefixtures("shipped_seasons")

PUBLIC_PAGES = ["/", "/seasons/2008/", "/seasons/1998/", "/seasons/1850/"]
# A <script> with a src, or a JSON data block (which browsers never execute), is fine under script-src 'self'.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"", re.IGNORECASE)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_responses_carry_the_security_headers(client, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = directives(response)
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_need_no_inline_script_or_style(client, url):
    html = client.get(url).content.decode()
    assert not INLINE_SCRIPT.findall(html)
    assert not INLINE_STYLE.findall(html)


def test_admin_login_and_change_form_load_within_their_policy(client):
    login = client.get("/admin/login/")
    assert login.status_code == 200
    admin = User.objects.create_superuser("chief", password="a long chief password")
    client.force_login(admin)
    change_form = client.get("/admin/tournaments/season/")
    assert change_form.status_code == 200
    season_form = client.get(f"/admin/tournaments/season/{_season_pk()}/change/")
    assert season_form.status_code == 200
    for response in (login, change_form, season_form):
        html = response.content.decode()
        policy = directives(response)
        assert policy["object-src"] == ["'none'"]
        # The admin's scripts are all files: no inline script would run under this policy.
        assert not INLINE_SCRIPT.findall(html), INLINE_SCRIPT.findall(html)
        assert policy["script-src"] == ["'self'"]
        # Its style attributes are the only allowance, and only under /admin/.
        if INLINE_STYLE.search(html):
            assert "'unsafe-inline'" in policy["style-src"]


def _season_pk():
    from tournaments.models import Season

    return Season.objects.get(year=2008).pk
