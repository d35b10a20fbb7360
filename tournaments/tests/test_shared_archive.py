"""The shipped seasons are loaded once and shared; each test still sees only its own writes (see conftest.py).

Transactional tests load them for real: test_backups and the browser tests rely on that.
"""

import pytest

from tournaments.models import Match, Season, Team

SHIPPED_YEARS = list(range(1967, 2026))  # the roll of champions, 1998 and 2008 from the seed articles


@pytest.mark.usefixtures("shipped_seasons")
def test_a_test_that_writes_into_the_archive_sees_its_writes():
    Season.objects.get(year=1998).delete()
    Team.objects.create(name="Equipo de prueba")
    assert sorted(Season.objects.values_list("year", flat=True)) == [year for year in SHIPPED_YEARS if year != 1998]
    assert Team.objects.filter(name="Equipo de prueba").exists()


@pytest.mark.usefixtures("shipped_seasons")
def test_the_next_test_finds_the_archive_as_shipped():
    assert sorted(Season.objects.values_list("year", flat=True)) == SHIPPED_YEARS
    assert not Team.objects.filter(name="Equipo de prueba").exists()
    assert Match.objects.filter(season__year=1998).count() == 2


@pytest.mark.django_db
def test_a_test_that_did_not_ask_for_the_archive_finds_none():
    assert not Season.objects.exists() and not Team.objects.exists()


@pytest.mark.usefixtures("shipped_seasons")
def test_the_archive_comes_back_after_a_test_without_it():
    assert sorted(Season.objects.values_list("year", flat=True)) == SHIPPED_YEARS
