"""Finding one's way: the 404 page, canonical region addresses, the departments index and search."""

import pytest

from .page_helpers import page, section, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")


@pytest.mark.parametrize("url", ["/no-such-page/", "/seasons/2008/nothing/", "/teams/no-such-team/x/"])
def test_404_is_written_for_a_fan(client, url):
    body = page(client, url, status=404)
    assert "Resolver404" not in body and "Http404" not in body
    assert "There is no page at this address in the Copa Perú archive." in text(body)
    for link in ('href="/"', 'href="/seasons/"', 'href="/teams/"', 'href="/departments/"', 'action="/search/"'):
        assert link in body


def test_404_keeps_the_views_own_sentence(client):
    body = text(page(client, "/seasons/2008/regional/ix/", status=404))
    assert "Copa Perú 2008 has no Region ix in the archive." in body


@pytest.mark.parametrize(
    "url, target",
    [
        ("/seasons/2008/regional/IV/", "/seasons/2008/regional/iv/"),
        ("/seasons/1998/regional/Viii/", "/seasons/1998/regional/viii/"),
        # The redirect keeps the parameters the page reads, and drops the rest like every cached page does.
        (
            "/seasons/2008/regional/IV/?_export=csv&table=regions",
            "/seasons/2008/regional/iv/?_export=csv&table=regions",
        ),
        ("/seasons/2008/regional/IV/?x=1", "/seasons/2008/regional/iv/"),
    ],
)
def test_an_upper_case_region_numeral_redirects_permanently(client, url, target):
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == target
    assert client.get(target.split("?")[0]).status_code == 200


def test_departments_index_lists_every_department_with_its_qualifiers_and_regions(client):
    body = page(client, "/departments/")
    table = section(body, "departments")
    assert table.count('href="/departments/') == 25
    junin = text(table.split('href="/departments/junin/"', 1)[1].split("</tr>", 1)[0])
    assert junin.startswith(">Junín")
    assert "Region V (2008)" in junin and "Region V (1998)" in junin
    assert 'href="/seasons/2008/regional/v/"' in table


def test_departments_index_counts_qualifiers(client):
    from tournaments.models import Qualifier

    lima = Qualifier.objects.filter(department__slug="lima").count()
    table = section(page(client, "/departments/"), "departments")
    row = table.split('href="/departments/lima/"', 1)[1].split("</tr>", 1)[0]
    assert f'<td class="num">{lima}</td>' in row


def test_the_team_directory_is_one_page_with_an_a_to_z_jump(client):
    from tournaments.models import Team

    for number in range(120):
        Team.objects.create(name=f"Zeta Club {number:03d}")
    body = page(client, "/teams/")
    rows = section(body, "teams").count("<tr") - 1
    assert rows == Team.objects.count() > 200
    assert 'rel="next"' not in body and "?page=2" not in body
    jump = section(body, "teams-az")
    letters = text(jump).split()
    assert letters[:3] == ["A", "B", "C"] and letters[-1] == "Z"
    for letter in letters:
        assert f'href="#letter-{letter.lower()}"' in jump
        assert f'<tr id="letter-{letter.lower()}"' in body
    # "Íntimo Cable Visión" is filed among the I's, not after Z.
    i_rows = body.split('<tr id="letter-i"', 1)[1].split('<tr id="letter-j"', 1)[0]
    assert "Íntimo Cable Visión" in i_rows


def test_the_a_to_z_jump_only_shows_when_sorted_by_name(client):
    assert "az-jump" not in page(client, "/teams/?sort=-season_count")
    assert "az-jump" in page(client, "/teams/?department=lima")


def test_the_departments_index_is_linked_from_every_page_and_the_sitemap(client):
    assert "<loc>http://testserver/departments/</loc>" in page(client, "/sitemap.xml")
    assert 'href="/departments/"' in page(client, "/seasons/")
    crumbs = page(client, "/departments/junin/").split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/departments/"' in crumbs
