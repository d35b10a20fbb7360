"""import_season: each construct of the article format on its own small article, re-imports, dry runs, errors."""

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.management import call_command

from tournaments.models import (
    Group,
    KnockoutRound,
    Match,
    MatchStatus,
    Note,
    NoteKind,
    PointsAdjustment,
    Qualifier,
    Region,
    Season,
    Team,
    TeamChange,
)
from tournaments.services.article_parser import ArticleError
from tournaments.services.season_import import import_season
from tournaments.services.season_rows import season_dump

pytestmark = pytest.mark.django_db

HEADER = """\
= 1990 Copa Perú =

Infobox
- Competition: Copa Perú
- Season: 1990
- Winners: Unión Huaral
- Prevseason: 1989
- Nextseason: 1991

"""


def article(body):
    return HEADER + textwrap.dedent(body)


def run(body, **options):
    return import_season(article(body), "test.txt", **options)


REGION_IV = """\
    ==Departmental Stage==
    | Department | Team | Location |
    | Lima | Unión Huaral | Huaral |
    | Defensor Lima | | |
    | Callao | Atlético Chalaco | Callao |

    ==Regional Stage==
    ===Region IV===
    Region IV includes qualified teams from Lima and Callao region.

"""


def test_title_infobox_intro_stage_dates_and_see_also():
    report = run(
        """\
        The 1990 Copa Perú. The District Stage (Etapa Distrital) started on March 3.

        The National Stage (Etapa Nacional) started on November.

        ==See also==
        - 1990 Torneo Descentralizado
        """
    )
    season = Season.objects.get(year=1990)
    assert season.champion.name == "Unión Huaral"
    assert season.summary.startswith("The 1990 Copa Perú.") and "\n\n" in season.summary
    assert season.see_also == "1990 Torneo Descentralizado"
    assert [(s.kind, s.start_display) for s in season.stages.order_by("pk")] == [
        ("district", "3 March 1990"),
        ("national", "November 1990"),
    ]
    assert report.new_teams == ["Unión Huaral"]


def test_infobox_years_that_do_not_follow_on_are_a_warning():
    report = import_season(HEADER.replace("Nextseason: 1991", "Nextseason: 1992"), "x.txt")
    assert report.warnings == ["x.txt:8: Nextseason is 1992, expected 1991"]


def test_departmental_rows_continue_the_department_above_and_keep_lost_locations_empty():
    run(
        """\
        ==Departmental Stage==
        | Department | Team | Location |
        | Ucayali | La Loretana | Ucayali |
        | San Martín de Porres | Ucayali | |
        | San Martín | Hospital Rural | San Martín |

        | Department | Team |
        | Lambayeque | Deportivo Pomalca |
        | Universidad Señor de Sipán | Chiclayo |
        """
    )
    rows = Qualifier.objects.order_by("order").values_list("department__name", "team__name", "location", "order")
    assert list(rows) == [
        ("Ucayali", "La Loretana", "Ucayali", 1),
        ("Ucayali", "San Martín de Porres", "Ucayali", 2),
        ("San Martín", "Hospital Rural", "San Martín", 3),
        ("Lambayeque", "Deportivo Pomalca", "", 4),
        ("Lambayeque", "Universidad Señor de Sipán", "Chiclayo", 5),
    ]


def test_teams_are_matched_ignoring_accents_and_case_and_new_ones_are_listed():
    Team.objects.create(name="Unión Huaral")
    report = run(REGION_IV.replace("| Lima | Unión Huaral |", "| Lima | union HUARAL |"))
    assert Team.objects.filter(search_name="union huaral").count() == 1
    assert Qualifier.objects.get(department__name="Lima", order=1).team.name == "Unión Huaral"
    assert report.new_teams == ["Defensor Lima", "Atlético Chalaco"]
    assert "New teams (check the spelling): Defensor Lima, Atlético Chalaco" in report.lines()


def test_flattened_team_changes_are_split_on_known_names_then_on_club_words_and_reported():
    Team.objects.create(name="José Gálvez")
    report = run(
        """\
        ==Team changes==
        | Promoted to 1990 Primera División | Relegated from 1989 Segunda División |
        | Deportivo Unión Comercio | Atlético Torino Jose Galvez San Agustín Unión Supe |
        """
    )
    changes = {}
    for change in TeamChange.objects.select_related("team").order_by("direction", "order"):
        changes.setdefault(change.heading, []).append(change.team.name)
    assert changes == {
        "Promoted to 1990 Primera División": ["Deportivo Unión Comercio"],
        "Relegated from 1989 Segunda División": ["Atlético Torino", "José Gálvez", "San Agustín", "Unión Supe"],
    }
    assert report.splits == [
        "line 12: 'Atlético Torino Jose Galvez San Agustín Unión Supe' -> "
        "Atlético Torino | José Gálvez | San Agustín | Unión Supe"
    ]


def test_a_team_changes_table_with_one_team_per_row_is_read_as_written():
    run(
        """\
        ==Team changes==
        | Relegated from 1989 Primera División |
        | Sport Boys Unión Callao |
        | Deportivo Municipal |
        """
    )
    assert list(TeamChange.objects.order_by("order").values_list("team__name", flat=True)) == [
        "Sport Boys Unión Callao",
        "Deportivo Municipal",
    ]


def test_region_sentence_gives_departments_in_order_and_the_rest_describes_the_region():
    run(
        """\
        ==Regional Stage==
        ===Region VIII===
        Region VIII includes qualified teams from Apurimac, Cusco, Madre de Dios and Puno region. This region played \
as a knockout cup system. Two teams qualified from this stage.
        """
    )
    region = Region.objects.get(number=8)
    assert [m.department.name for m in region.memberships.all()] == ["Apurímac", "Cusco", "Madre de Dios", "Puno"]
    assert region.description == "This region played as a knockout cup system. Two teams qualified from this stage."
    assert (region.format, region.places_advancing) == ("knockout", 2)


def test_a_region_whose_finalists_qualified_sends_two_teams_on():
    run(
        """\
        ==Regional Stage==
        ===Region IV===
        Region IV includes qualified teams from Lima and Callao region. This region played as a knockout cup \
system and the finalists qualified.
        """
    )
    region = Region.objects.get(number=4)
    assert (region.format, region.places_advancing) == ("knockout", 2)


def test_headings_become_groups_rounds_tiebreakers_and_matchdays():
    run(
        REGION_IV
        + """\
        ====Group A====
        =====Round 1=====
        1990-06-01
        Unión Huaral 2-1 Defensor Lima

        =====Round 2=====
        Defensor Lima v Unión Huaral

        =====Playoff=====

        |}

        ====Tiebreaker====

        |}

        ==National Stage==
        ===Final group stage===

        |}

        ===Quarterfinals===
        Unión Huaral 1-0 Atlético Chalaco

        ===Semifinals===

        |-
        |}
        """
    )
    group = Group.objects.get(name="Group A")
    assert (group.region.number, group.results_recorded, group.order) == (4, True, 1)
    matches = list(
        group.matches.order_by("round_number").values_list("round_number", "date", "home_score", "away_score")
    )
    assert matches == [(1, dt.date(1990, 6, 1), 2, 1), (2, None, None, None)], "unknown score stays unknown"
    playoff = KnockoutRound.objects.get(name="Playoff")
    assert (playoff.kind, playoff.group, playoff.results_recorded) == ("tiebreaker", group, False)
    standalone = KnockoutRound.objects.get(name="Tiebreaker")
    assert (standalone.kind, standalone.group, standalone.region.number) == ("tiebreaker", None, 4)
    national = Group.objects.get(name="Final group stage")
    assert (national.stage, national.region, national.results_recorded) == ("national", None, False)
    quarterfinal = KnockoutRound.objects.get(name="Quarterfinals")
    assert (quarterfinal.kind, quarterfinal.results_recorded, quarterfinal.ties.get().legs) == ("knockout", True, 1)
    assert KnockoutRound.objects.get(name="Semifinals").results_recorded is False


def test_notes_attach_to_the_section_they_stand_in():
    run(
        REGION_IV
        + """\
        Note: About the region.

        ====Group A====
        - About the group.

        =====Tiebreaker=====
        - About the playoff.

        ==National Stage==
        - About the national stage.
        """
    )
    where = {
        note.text: (note.region_id and note.region.number, str(note.group or ""), str(note.knockout_round or ""))
        for note in Note.objects.all()
    }
    assert where == {
        "About the region.": (4, "", ""),
        "About the group.": (4, "Group A – Region IV 1990", ""),
        "About the playoff.": (4, "", "Tiebreaker – Region IV 1990"),
        "About the national stage.": (None, "", ""),
    }
    assert Note.objects.get(text="About the region.").style == "paragraph"
    assert Note.objects.get(text="About the group.").style == "bullet"


def test_rulings_create_the_matches_ties_and_points_they_describe():
    run(
        REGION_IV
        + """\
        Note: After a complaint, Defensor Lima received 3 pts from its match against Unión Huaral.

        Note: Atlético Chalaco and Unión Huaral agreed to not play their match.

        ====Regional Final====

        |}

        - The 2nd leg between Atlético Chalaco and Unión Huaral was suspended by the FPF. Huaral qualified.
        """
    )
    adjustment = PointsAdjustment.objects.get()
    assert (adjustment.team.name, adjustment.points, adjustment.note.kind) == ("Defensor Lima", 3, "points_awarded")
    not_played = Match.objects.get(status=MatchStatus.NOT_PLAYED)
    assert (not_played.home_team.name, not_played.away_team.name, not_played.sides_known) == (
        "Atlético Chalaco",
        "Unión Huaral",
        False,
    )
    suspended = Match.objects.get(status=MatchStatus.SUSPENDED)
    assert (suspended.leg, suspended.tie.team_a.name, suspended.tie.team_b.name) == (
        2,
        "Atlético Chalaco",
        "Unión Huaral",
    )
    ruling = suspended.notes.get()
    assert (ruling.kind, ruling.decided_by, ruling.favoured_team.name) == (NoteKind.SUSPENDED, "FPF", "Unión Huaral")
    assert ruling.decision == "Second leg suspended; Unión Huaral went through"


def test_importing_twice_changes_nothing_the_second_time():
    body = (Path(__file__).parent / "articles" / "season_1983.txt").read_text(encoding="utf-8")
    import_season(body, "1983.txt")
    first = season_dump(1983)
    again = import_season(body, "1983.txt")
    assert season_dump(1983) == first
    assert not again.has_changes and "No changes." in again.lines()
    assert "No changes." in import_season(body, "1983.txt", dry_run=True).lines()


def test_dry_run_reports_a_changed_score_with_both_values_and_writes_nothing():
    body = (Path(__file__).parent / "articles" / "season_1975.txt").read_text(encoding="utf-8")
    import_season(body, "1975.txt")
    match = Match.objects.get(home_team__name="Unión Huaral", away_team__name="Defensor Lima")
    before = season_dump(1975)
    edited = body.replace("Unión Huaral 2-0 Defensor Lima", "Unión Huaral 3-0 Defensor Lima")
    edited = edited.replace("Octavio Espinoza 1-1 Juventud Chancay\n", "")
    report = import_season(edited, "1975.txt", dry_run=True)
    assert season_dump(1975) == before
    lines = report.lines()
    assert lines[0] == "Copa Perú 1975: dry run, nothing written"
    assert "  ~ 1975 · Region IV · Group A · Unión Huaral v Defensor Lima: score 2–0 → 3–0" in lines
    assert "  - 1975 · Region IV · Group B · Octavio Espinoza v Juventud Chancay" in lines
    import_season(edited, "1975.txt", allow_removals=True)
    match.refresh_from_db()
    assert (match.home_score, match.version) == (3, 2), "updated in place, and an open admin form is now stale"
    assert not Match.objects.filter(home_team__name="Octavio Espinoza").exists()


def test_a_re_import_keeps_what_editors_set_that_the_article_cannot_say():
    body = (Path(__file__).parent / "articles" / "season_1975.txt").read_text(encoding="utf-8")
    import_season(body, "1975.txt")
    Season.objects.filter(year=1975).update(points_for_win=2)
    Group.objects.filter(name="Group A").update(tiebreakers=["points", "head_to_head"])
    assert not import_season(body, "1975.txt").has_changes
    assert Season.objects.get(year=1975).points_for_win == 2
    assert Group.objects.get(name="Group A").tiebreakers == ["points", "head_to_head"]


def test_a_re_import_keeps_an_editors_translation_of_a_note():
    """The article holds the note in the source's words; its Spanish translation is entered in the admin only."""
    body = (Path(__file__).resolve().parents[2] / "seeds" / "000_577157f910dad3a1.txt").read_text(encoding="utf-8")
    import_season(body, "2008.txt")
    note = Note.objects.filter(season__year=2008).first()
    Note.objects.filter(pk=note.pk).update(translation="El segundo partido fue suspendido.")
    assert not import_season(body, "2008.txt").has_changes
    assert Note.objects.get(pk=note.pk).translation == "El segundo partido fue suspendido."


BAD_ARTICLES = [
    (
        "==Departmental Stage==\n| Department | Team |\n| Huaral | Unión Huaral |\n",
        12,
        "a team row before any department",
    ),
    (
        "==Regional Stage==\n===Region IV===\nRegion IV includes qualified teams from Lima and Chalaco region.\n",
        12,
        "unknown department 'Chalaco'",
    ),
    ("==National Stage==\n===Final===\nCNI 2-x Aurora\n", 12, "the score '2-x' is not two numbers"),
    ("==National Stage==\n===Final===\n2008-13-07\nCNI 1-0 Aurora\n", 12, "'2008-13-07' is not a date"),
    ("==National Stage==\nCNI 2-1 Aurora\n", 11, "a match line outside any group or round"),
    ("==National Stage==\n===Final===\nCNI 2-1 CNI\n", 12, "CNI cannot play itself"),
    ("==Top scorers==\n", 10, "unknown section 'Top scorers'"),
]


@pytest.mark.parametrize("body, line, reason", BAD_ARTICLES)
def test_bad_input_is_refused_with_file_line_and_reason_and_nothing_is_written(body, line, reason):
    with pytest.raises(ArticleError) as refused:
        import_season(HEADER + body, "bad.txt")
    assert str(refused.value).startswith(f"bad.txt:{line}: ")
    assert reason in refused.value.reason
    assert not Season.objects.exists() and not Team.objects.exists()


def test_a_model_rule_is_reported_at_its_line():
    body = "==Departmental Stage==\n| Department | Team |\n| Lima | Unión Huaral |\n| Callao | Unión Huaral |\n"
    with pytest.raises(ArticleError) as refused:
        import_season(HEADER + body, "twice.txt")
    assert str(refused.value) == "twice.txt:13: departmental qualifier: This team has already qualified this season."
    assert not Season.objects.exists()


def test_the_command_prints_the_report_and_refuses_bad_input(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(HEADER, encoding="utf-8")
    call_command("import_season", str(good), "--dry-run")
    assert "Copa Perú 1990: dry run, nothing written" in capsys.readouterr().out
    assert not Season.objects.exists()
    call_command("import_season", str(good))
    assert Season.objects.filter(year=1990).exists()


def test_the_command_exits_non_zero_with_path_line_and_reason_on_stderr(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(HEADER + "==Departmental Stage==\n| Huaral | Unión Huaral |\n", encoding="utf-8")
    # Its own migrated database: the importer checks every line against the stored archive, so it needs one.
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}", "CACHE_URL": "locmem://"}
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=root, env=environment, check=True)
    done = subprocess.run(
        [sys.executable, "manage.py", "import_season", str(bad)],
        cwd=root,
        capture_output=True,
        text=True,
        env=environment,
    )
    assert done.returncode == 1
    assert (
        done.stderr.strip() == f"{bad}:11: a team row before any department: 'Huaral' is not one of Peru's departments"
    )
    assert "Traceback" not in done.stderr
