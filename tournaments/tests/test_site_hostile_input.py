"""Hostile input the fuzzer found on the merged pages, pinned so it stays fixed."""

import pytest

from tournaments.models import Department, Qualifier, Season, Team

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("per_page", ["-1", "0", "abc", "99999999999999999999", "1e3"])
def test_bad_page_sizes_fall_back_to_the_default(client, per_page):
    Team.objects.create(name="Sport Huancayo")
    response = client.get("/teams/", {"per_page": per_page})
    assert response.status_code == 200
    assert "Sport Huancayo" in response.content.decode()


@pytest.mark.usefixtures("shipped_seasons")
def test_a_region_filter_that_is_not_a_number_is_refused_in_the_admin(admin_client):
    response = admin_client.get("/admin/tournaments/qualifier/", {"region": "abc"}, follow=True)
    # Django's admin answers an invalid lookup with the list page (or a ?e=1 reload), never a 500.
    assert response.status_code == 200
    assert "Select departmental qualifier to change" in response.content.decode()


def test_the_csv_export_neutralises_a_team_name_a_spreadsheet_would_run(client):
    season = Season.objects.create(year=2031)
    team = Team.objects.create(name='=HYPERLINK("http://example.org","Sport")')
    Qualifier.objects.create(season=season, department=Department.objects.get(name="Lima"), team=team)
    csv = client.get("/seasons/2031/departmental/", {"_export": "csv"}).content.decode()
    assert "'=HYPERLINK" in csv
    assert "\n=HYPERLINK" not in csv and ",=HYPERLINK" not in csv
