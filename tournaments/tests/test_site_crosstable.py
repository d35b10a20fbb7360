"""Every round-robin group has a results grid: home teams down, away teams across, the score in each cell."""

import re

import pytest

from tournaments.models import Group, Match, Team

from .page_helpers import page, section, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def grid(client, url, anchor):
    html = section(page(client, url), f"{anchor}-results")
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        home = text(re.search(r'<th scope="row"[^>]*>(.*?)</th>', row, re.S).group(1))
        cells = [text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        rows.append((home, cells))
    return html, rows


def test_the_2008_final_group_grid_matches_its_fixtures(client):
    html, rows = grid(client, "/seasons/2008/national/", "final-group-stage")
    assert "Final group stage: home teams down, away teams across" in text(html)
    # Standings order down and across; the team against itself is an empty, marked cell.
    assert rows == [
        ("1 Sport Huancayo", ["no match", "0–1", "2–0", "2–0"]),
        ("2 CNI", ["", "no match", "", ""]),
        ("3 Atlético Torino", ["", "1–1", "no match", "2–1"]),
        ("4 Cobresol", ["", "2–2", "", "no match"]),
    ]
    across = re.findall(r'<th scope="col" class="away" title="([^"]+)"', html)
    assert across == ["Sport Huancayo", "CNI", "Atlético Torino", "Cobresol"]
    # Each score links to its match box.
    for anchor in re.findall(r'<a href="#(match-\d+)">', html):
        assert f'id="{anchor}"' in page(client, "/seasons/2008/national/")


def test_a_lost_score_is_marked_not_recorded_and_a_match_without_a_home_side_is_counted_apart(client):
    group = Group.objects.get(season__year=2008, name="Final group stage")
    cni, huancayo = Team.objects.get(name="CNI"), Team.objects.get(name="Sport Huancayo")
    Match.objects.create(season=group.season, group=group, home_team=cni, away_team=huancayo, round_number=4)
    Match.objects.create(
        season=group.season, group=group, home_team=cni, away_team=huancayo, round_number=5, sides_known=False
    )
    html, rows = grid(client, "/seasons/2008/national/", "final-group-stage")
    assert rows[1][1][0] == "n/r"
    assert 'title="score not recorded"' in html
    assert "1 match whose home side is not recorded is listed under the fixtures only." in text(html)


def test_a_group_with_no_matches_has_no_grid(client):
    body = page(client, "/seasons/2008/regional/v/")
    assert "-results" not in body
