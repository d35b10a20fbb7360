"""The first public pages: the season list and a season's facts."""

import pytest

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def test_home_lists_both_shipped_seasons_with_champions(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "2008" in body and "Sport Huancayo" in body
    assert "1998" in body and "I.M.I." in body
    assert body.index("2008") < body.index("1998"), "latest season first"


def test_season_2008_names_its_champion_and_stage_dates(client):
    body = client.get("/seasons/2008/").content.decode()
    assert "Sport Huancayo" in body
    assert "8 November 2008" in body


def test_season_1998_names_champion_team_changes(client):
    body = client.get("/seasons/1998/").content.decode()
    assert "I.M.I." in body
    assert "Juan Aurich" in body
    assert "Relegated from 1997 Segunda División" in body


def test_unknown_season_is_a_404(client):
    assert client.get("/seasons/1850/").status_code == 404
    assert client.get("/seasons/abcd/").status_code == 404


def test_season_page_query_count_is_fixed(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get("/seasons/1998/").status_code == 200
