"""Hostile articles and look-alike teams, through the real entry points: the command and the admin upload page."""

import io
import textwrap
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tournaments.models import Match, Note, PointsAdjustment, Team

pytestmark = pytest.mark.django_db

SEED_2008 = Path(__file__).resolve().parents[2] / "seeds" / "000_577157f910dad3a1.txt"
HEADER = """\
= 1990 Copa Perú =

Infobox
- Competition: Copa Perú
- Season: 1990
- Prevseason: 1989
- Nextseason: 1991

"""
GROUP = """\
==Regional Stage==
===Region IV===
Region IV includes qualified teams from Lima and Callao region.

====Group A====
Unión Huaral 2-0 Defensor Lima
Defensor Lima 1-1 Atlético Chalaco
"""


def command(tmp_path, text, *options):
    """(exit status, stdout, stderr) of manage.py import_season on `text`."""
    path = tmp_path / "hostile.txt"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_season", str(path), *options, stdout=out, stderr=err)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, out.getvalue(), err.getvalue().replace(str(path), "PATH")


def article(body):
    return HEADER + textwrap.dedent(body)


# ----- 1. look-alike teams -----
@pytest.mark.parametrize("look_alike", ["wanka", "ｗａｎｋａ", "WANKA", "Wánka"])
def test_the_admin_refuses_a_team_that_folds_to_an_existing_name(admin_client, look_alike):
    Team.objects.create(name="Wanka")
    response = admin_client.post(reverse("admin:tournaments_team_add"), {"name": look_alike, "slug": ""})
    assert response.status_code == 200
    assert "Wanka" in response.context["adminform"].form.errors["name"][0]
    assert Team.objects.count() == 1


def test_reimporting_the_seed_keeps_results_with_the_team_of_the_exact_name(tmp_path):
    call_command("import_season", str(SEED_2008), stdout=io.StringIO())
    # A look-alike saved behind the admin's back (e.g. by an old version): the import must not move results to it.
    # Sorted after the real team, so that "the last one read wins" would pick it.
    look_alike = Team(name="SPORT HUANCAYO", slug="sport-huancayo-x", search_name="sport huancayo", sort_name="~")
    Team.objects.bulk_create([look_alike])
    call_command("import_season", str(SEED_2008), stdout=io.StringIO())
    assert not Match.objects.filter(home_team__name="SPORT HUANCAYO").exists()
    assert Match.objects.filter(home_team__name="Sport Huancayo").exists()


def test_two_look_alikes_and_no_exact_name_are_reported_not_guessed(tmp_path):
    Team.objects.bulk_create(
        [
            Team(name="UNION HUARAL", slug="uh-1", search_name="union huaral"),
            Team(name="Union Huaral", slug="uh-2", search_name="union huaral"),
        ]
    )
    status, _out, err = command(tmp_path, article(GROUP))
    assert status == 1
    assert "PATH:14:" in err and "UNION HUARAL" in err and "Union Huaral" in err
    assert not Match.objects.exists()


# ----- 2, 3. a ruling that names a team the place does not have -----
@pytest.mark.parametrize(
    "note",
    [
        "Note: Unión Huaral did not play its match against Sport Huancayo, who were awarded a 3-0 win by the FPF.",
        "Note: CNI were docked 3 points for fielding an ineligible player.",
        "Note: Nobody Town were docked 3 points.",
    ],
)
def test_a_ruling_naming_a_team_outside_the_group_stays_a_plain_note(tmp_path, note):
    other = "\n====Group B====\nSport Huancayo 1-0 CNI\n"
    status, out, err = command(tmp_path, article(GROUP + note + "\n" + other))
    assert status == 0, err
    stored = Note.objects.get()
    assert stored.text == note.removeprefix("Note: ") and stored.kind == "note" and stored.decision == ""
    assert not PointsAdjustment.objects.exists()
    assert Match.objects.count() == 3 and not Match.objects.exclude(status="played").exists()
    assert "hostile.txt:16:" in out and "plain note" in out


# ----- 4. absurd numbers -----
@pytest.mark.parametrize(
    "line",
    [
        "Unión Huaral " + "9" * 100_000 + "-" + "1" * 100_000 + " Defensor Lima",
        "Unión Huaral 100-0 Defensor Lima",
        "Unión Huaral 1-1 Defensor Lima (a.e.t., " + "4" * 5000 + "-3 pen.)",
        "Note: Defensor Lima were docked " + "3" * 5000 + " points.",
    ],
)
def test_numbers_beyond_any_football_score_are_refused_with_their_line(tmp_path, line):
    status, _out, err = command(tmp_path, article(GROUP + line + "\n"))
    assert status == 1
    assert err.startswith("PATH:16:") and "Traceback" not in err
    assert not Match.objects.exists()


def test_an_absurd_score_uploaded_in_the_admin_is_a_sentence_not_a_500(admin_client):
    text = article(GROUP + "Unión Huaral " + "9" * 100_000 + "-1 Defensor Lima\n")
    upload = SimpleUploadedFile("big.txt", text.encode("utf-8"))
    response = admin_client.post(reverse("admin:tournaments_season_import"), {"article": upload})
    assert response.status_code == 200
    assert "big.txt:16:" in response.content.decode()


# ----- 6, 7. the confirmation -----
@pytest.mark.parametrize("text", ["x" * (2_300_000), "no title here\n", HEADER + GROUP + "Wanka 1-0\n"])
def test_a_failing_confirmation_shows_the_form_with_the_sentence(admin_client, text):
    response = admin_client.post(
        reverse("admin:tournaments_season_import"), {"confirm": "1", "filename": "hand.txt", "text": text}
    )
    assert response.status_code == 200
    assert "hand.txt:" in response.content.decode()


def test_a_large_accented_article_can_be_confirmed(admin_client):
    filler = "\n".join(["Ñandú áéíóú ñañú. " * 72] * 950)
    text = article(filler + "\n\n" + GROUP)
    assert 1_150_000 < len(text.encode("utf-8")) < 2 * 1024 * 1024
    # Posted as the browser posts the preview's hidden field: URL-encoded, each accented letter six bytes.
    body = urlencode({"confirm": "1", "filename": "long.txt", "text": text})
    assert len(body) > 2.5 * 1024 * 1024
    response = admin_client.post(
        reverse("admin:tournaments_season_import"), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    assert Match.objects.count() == 2


# ----- 9. team names the admin would refuse -----
@pytest.mark.parametrize(
    "line", ["A " * 100 + "1-0 Defensor Lima", "Unión Huaral 1-0 CNI (a.e.t., a.e.t., " + "x" * 100 + ")"]
)
def test_a_new_team_name_beyond_the_admins_rules_is_refused_on_its_line(tmp_path, line):
    status, _out, err = command(tmp_path, article(GROUP + line + "\n"))
    assert status == 1
    assert "PATH:16:" in err and "100" in err
    assert not Team.objects.exists()


# ----- 12. small things -----
def test_a_byte_order_mark_is_not_a_missing_title(tmp_path, admin_client):
    text = "\ufeff" + article(GROUP)
    status, _out, err = command(tmp_path, text, "--dry-run")
    assert status == 0, err
    upload = SimpleUploadedFile("bom.txt", text.encode("utf-8"))
    response = admin_client.post(reverse("admin:tournaments_season_import"), {"article": upload})
    assert "no title" not in response.content.decode()
    assert response.context["report"] is not None


def test_an_impossible_stage_date_is_reported_on_the_line_that_writes_it(tmp_path):
    text = article("Some words.\n\nThe District Stage started on February 30.\n\n" + GROUP)
    status, _out, err = command(tmp_path, text)
    assert status == 1
    assert err.startswith("PATH:11:"), err


def test_the_preview_describes_progression_rows_as_an_editor_reads_them(admin_client):
    upload = SimpleUploadedFile("2008.txt", SEED_2008.read_bytes())
    response = admin_client.post(reverse("admin:tournaments_season_import"), {"article": upload})
    created = response.context["report"].created
    assert "2008" not in created
    went_on = [row for row in created if "Went on to the next stage" in row]
    assert went_on and all(row.startswith("2008 · ") and "(" in row for row in went_on)
