"""Static files as deployed: hashed names cached for a year, compressed, with the security headers."""

import json

import pytest
from django.core.management import call_command


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return json.loads((settings.STATIC_ROOT / "staticfiles.json").read_text())["paths"]


def test_hashed_files_are_cached_for_a_year_and_immutable(client, collected):
    response = client.get(f"/static/{collected['css/site.css']}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"


def test_unhashed_names_are_cached_for_an_hour_only(client, collected):
    assert client.get("/static/css/site.css")["Cache-Control"] == "max-age=3600, public"


def test_static_files_are_served_compressed(client, collected):
    response = client.get(f"/static/{collected['css/site.css']}", headers={"accept-encoding": "gzip, br"})
    assert response["Content-Encoding"] in ("gzip", "br")


def test_static_files_carry_the_security_headers(client, collected):
    response = client.get(f"/static/{collected['css/site.css']}")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "object-src 'none'" in response["Content-Security-Policy"]
