"""The synthetic archive's finals are finals: its seasons keep their runner-up (issue 10, case 13)."""

import pytest
from django.core.management import call_command

from tournaments.models import KnockoutRound, RoundKind, Season

from .page_helpers import page, section, table_rows


@pytest.mark.django_db
def test_generated_seasons_mark_their_finals_and_show_a_runner_up(client):
    call_command("generate_history", seasons=1, verbosity=0)
    season = Season.objects.get()
    assert KnockoutRound.objects.get(season=season, region=None, name="Final").round_kind == RoundKind.FINAL
    rows = table_rows(section(page(client, "/seasons/"), "seasons"))
    assert rows[0][2] not in ("", "not recorded")
