"""The site in two languages: Spanish pages under /es/, English ones unchanged and always English, each linking to
the other; the notice offering Spanish; the sitemap's alternates; a cache and an ETag per language; the admin in the
editor's language; Spanish dates, 404 and 500 pages; a note's translation."""

import re
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tournaments.models import Note, Season
from tournaments.views.errors import server_error

from .page_helpers import page, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")

SPANISH = {
    "/": "/es/",
    "/seasons/": "/es/temporadas/",
    "/seasons/2008/": "/es/temporadas/2008/",
    "/seasons/2008/departmental/": "/es/temporadas/2008/departamental/",
    "/seasons/2008/regional/": "/es/temporadas/2008/regional/",
    "/seasons/2008/regional/iv/": "/es/temporadas/2008/regional/iv/",
    "/seasons/2008/national/": "/es/temporadas/2008/nacional/",
    "/teams/": "/es/equipos/",
    "/teams/sport-huancayo/": "/es/equipos/sport-huancayo/",
    "/departments/": "/es/departamentos/",
    "/departments/junin/": "/es/departamentos/junin/",
    "/search/?q=garcilaso": "/es/buscar/?q=garcilaso",
}
SPANISH_BROWSER = {"accept-language": "es-PE,es;q=0.9,en;q=0.8"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def html_lang(body):
    return re.search(r"<html lang=\"([^\"]+)\"", body).group(1)


def alternates(body):
    """{hreflang: href} of the page's <link rel="alternate"> tags."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body))


def switch_link(body):
    """(href, hreflang, lang, words) of the header's language switch."""
    nav = re.search(r'<nav class="language-switch"[^>]*>(.*?)</nav>', body, re.S).group(1)
    link = re.search(r'<a href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)">([^<]+)</a>', nav)
    return link.group(1).replace("&amp;", "&"), link.group(2), link.group(3), link.group(4)


@pytest.mark.parametrize(("english", "spanish"), SPANISH.items())
def test_spanish_pages_answer_in_spanish_at_their_spanish_addresses(client, english, spanish):
    body = page(client, spanish)
    assert html_lang(body) == "es"
    assert '<meta property="og:locale" content="es">' in body
    assert switch_link(body) == (english, "en", "en", "English")


@pytest.mark.parametrize("english", SPANISH)
def test_english_addresses_stay_english_whatever_the_browser_or_cookie_says(english):
    client = Client()
    client.cookies["django_language"] = "es"
    response = client.get(english, headers=SPANISH_BROWSER)
    assert response.status_code == 200
    body = response.content.decode()
    assert html_lang(body) == "en"
    assert response["Content-Language"] == "en"
    assert switch_link(body) == (SPANISH[english], "es", "es", "Español")


def test_reverse_inside_a_spanish_request_gives_the_spanish_address(client):
    with translation.override("es"):
        assert reverse("tournaments:region-detail", args=[2008, "iv"]) == "/es/temporadas/2008/regional/iv/"
        assert reverse("tournaments:search") == "/es/buscar/"
    body = page(client, "/es/temporadas/2008/")
    assert 'href="/es/temporadas/2008/nacional/"' in body
    assert 'href="/seasons/2008/national/"' not in body


def test_a_browser_preferring_spanish_is_offered_the_spanish_page_not_sent_to_it(client):
    response = client.get("/seasons/2008/national/?x=1", headers=SPANISH_BROWSER)
    assert response.status_code == 200
    notice = re.search(r'<aside class="language-notice" lang="es"[^>]*>(.*?)</aside>', response.content.decode(), re.S)
    assert text(notice.group(1)) == "Esta página también está en español. Leerla en español"
    assert 'href="/es/temporadas/2008/nacional/"' in notice.group(1)
    assert "Accept-Language" in response["Vary"]
    # An English browser, a crawler (no header) and a Spanish page carry no notice.
    for url, headers in [("/seasons/2008/national/", {"accept-language": "en-GB,es;q=0.5"}), ("/", {})]:
        assert "language-notice" not in page_with(client, url, headers)
    assert "language-notice" not in page_with(client, "/es/temporadas/2008/nacional/", SPANISH_BROWSER)


def page_with(client, url, headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def test_the_switch_keeps_the_page_and_its_query_both_ways(client):
    english = "/seasons/2008/departmental/?department=lima&sort=team"
    spanish = "/es/temporadas/2008/departamental/?department=lima&sort=team"
    assert switch_link(page(client, english))[0] == spanish
    assert switch_link(page(client, spanish))[0] == english


def sitemap_entries(client):
    """[(location, {hreflang: href})] of /sitemap.xml."""
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return [
        (
            url.find("s:loc", SITEMAP).text,
            {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP)},
        )
        for url in root.findall("s:url", SITEMAP)
    ]


def test_the_sitemap_lists_both_languages_with_alternates_and_x_default(client):
    entries = dict(sitemap_entries(client))
    national = {
        "en": "http://testserver/seasons/2008/national/",
        "es": "http://testserver/es/temporadas/2008/nacional/",
        "x-default": "http://testserver/seasons/2008/national/",
    }
    assert entries["http://testserver/seasons/2008/national/"] == national
    assert entries["http://testserver/es/temporadas/2008/nacional/"] == national
    assert client.get("/es/sitemap.xml").status_code == 404


def test_every_page_in_the_sitemap_names_both_versions_and_they_name_each_other(client):
    entries = sitemap_entries(client)
    assert len(entries) > 40
    for location, versions in entries:
        body = page(client, location.removeprefix("http://testserver"))
        assert alternates(body) == versions, location
        assert html_lang(body) == ("es" if "/es/" in location else "en"), location
        other = versions["en" if "/es/" in location else "es"]
        assert alternates(page(client, other.removeprefix("http://testserver")))[html_lang(body)] == location


def test_each_language_has_its_own_cached_page_and_etag_and_a_save_clears_both(client, django_assert_num_queries):
    urls = {"en": "/seasons/1998/", "en+notice": "/seasons/1998/", "es": "/es/temporadas/1998/"}
    headers = {"en": {"accept-language": "en"}, "en+notice": SPANISH_BROWSER, "es": SPANISH_BROWSER}
    first = {variant: client.get(url, headers=headers[variant]) for variant, url in urls.items()}
    assert len({response["ETag"] for response in first.values()}) == 3
    assert len({response.content for response in first.values()}) == 3
    assert "Accept-Language" not in first["es"].get("Vary", "")
    with django_assert_num_queries(0):
        for variant, url in urls.items():
            again = client.get(url, headers=headers[variant])
            assert again.content == first[variant].content
            revalidated = client.get(url, headers={**headers[variant], "if-none-match": first[variant]["ETag"]})
            assert revalidated.status_code == 304

    season = Season.objects.get(year=1998)
    season.summary = "Corregido por los editores."
    season.save()
    for variant, url in urls.items():
        after = client.get(url, headers={**headers[variant], "if-none-match": first[variant]["ETag"]})
        assert after.status_code == 200, variant
        assert "Corregido por los editores." in after.content.decode(), variant


def test_the_admin_speaks_the_editors_browser_language_while_english_pages_stay_english():
    client = Client()
    client.force_login(User.objects.create_superuser("editora", password="a long editor password"))
    spanish_browser = {"accept-language": "es-PE,es;q=0.9"}
    spanish = client.get("/admin/", headers=spanish_browser).content.decode()
    assert html_lang(spanish) == "es" and "Cerrar sesión" in spanish
    english = client.get("/admin/", headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert "Log out" in english and "Cerrar sesión" not in english
    # The same editor, with the same browser, reading the public English page: English, with the notice.
    public = client.get("/seasons/2008/", headers=spanish_browser)
    assert public["Content-Language"] == "en" and html_lang(public.content.decode()) == "en"
    assert "language-notice" in public.content.decode()


def test_a_missing_spanish_page_answers_a_spanish_404(client):
    body = page(client, "/es/temporadas/2008/regional/ix/", status=404)
    assert html_lang(body) == "es"
    assert "<h1>Página no encontrada</h1>" in body
    assert 'href="/es/temporadas/"' in body and 'action="/es/buscar/"' in body
    # The switch keeps the address (missing in English too); no alternates on a page that is not indexed.
    assert switch_link(body)[0] == "/seasons/2008/regional/ix/"
    assert alternates(body) == {}
    # An address that names no page at all switches to the other language's home page.
    nowhere = page(client, "/es/nowhere/", status=404)
    assert html_lang(nowhere) == "es" and switch_link(nowhere)[0] == "/"


def test_the_500_page_answers_in_the_language_of_the_address():
    spanish = Client().get("/").wsgi_request
    spanish.path_info = "/es/temporadas/2008/"
    body = server_error(spanish).content.decode()
    assert html_lang(body) == "es" and "Algo falló de nuestro lado" in body and 'href="/es/"' in body
    english = Client().get("/").wsgi_request
    body = server_error(english).content.decode()
    assert html_lang(body) == "en" and "Something went wrong on our side" in body and 'href="/"' in body


def test_spanish_pages_write_dates_as_a_peruvian_reader_does(client):
    national = text(page(client, "/es/temporadas/2008/nacional/"))
    assert "7 dic. 2008" in national and "7 Dec 2008" not in national
    assert "7 Dec 2008" in text(page(client, "/seasons/2008/national/"))
    season = text(page(client, "/es/temporadas/2008/"))
    assert "1 de febrero de 2008" in season and "1 February 2008" not in season
    assert "1 February 2008" in text(page(client, "/seasons/2008/"))


def test_a_notes_translation_shows_beside_the_original_on_spanish_pages_only(client):
    note = Note.objects.create(
        season=Season.objects.get(year=1998),
        text="The final was played in Lima.",
        translation="La final se jugó en Lima.",
    )
    spanish = page(client, "/es/temporadas/1998/")
    shown = re.search(rf'id="note-{note.pk}"(.*?)</aside>', spanish, re.S).group(1)
    assert '<q class="note-text">The final was played in Lima.</q>' in shown
    assert text(shown).count("Traducción de los editores: La final se jugó en Lima.") == 1
    assert 'lang="es"' in shown
    english = page(client, "/seasons/1998/")
    assert "The final was played in Lima." in english and "La final se jugó en Lima." not in english
