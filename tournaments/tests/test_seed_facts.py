"""The shipped 1998 and 2008 seasons hold the seed articles' facts, checked one by one."""

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from tournaments.departments import DEPARTMENT_NAMES
from tournaments.models import (
    Department,
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
)

pytestmark = pytest.mark.usefixtures("shipped_seasons")

SEEDS = Path(settings.SEED_ARTICLES_DIR)


def qualifier_rows(year):
    return list(
        Qualifier.objects.filter(season__year=year)
        .order_by("order")
        .values_list("department__name", "team__name", "location")
    )


def test_the_seed_articles_are_where_the_settings_say():
    found = sorted(path.name for path in SEEDS.glob("*.txt"))
    assert found == ["000_577157f910dad3a1.txt", "001_7dd81c4de0932814.txt"], (
        f"The seed articles are not in {SEEDS}: keep the repository beside shared/ or set COPAPERU_SEEDS_DIR."
    )


def test_there_are_25_departments_including_callao():
    assert Department.objects.count() == 25
    assert sorted(Department.objects.values_list("name", flat=True)) == sorted(DEPARTMENT_NAMES)
    assert Department.objects.filter(name="Callao").exists()


@pytest.mark.parametrize("year, qualifiers", [(2008, 55), (1998, 29)])
def test_qualifier_counts_cover_all_25_departments(year, qualifiers):
    rows = qualifier_rows(year)
    assert len(rows) == qualifiers
    assert len({department for department, _, _ in rows}) == 25


def test_2008_qualifiers_per_department():
    per_department = Counter(department for department, _, _ in qualifier_rows(2008))
    assert per_department["Lima"] == 5
    assert per_department["Callao"] == 3
    assert per_department["Puno"] == 3
    assert all(count == 2 for name, count in per_department.items() if name not in {"Lima", "Callao", "Puno"})


def test_flattened_rows_keep_their_department_and_lost_locations_stay_empty():
    rows = {team: (department, location) for department, team, location in qualifier_rows(2008)}
    assert rows["Higos Urco"] == ("Amazonas", "Chachapoyas")
    assert rows["Íntimo Cable Visión"] == ("Lima", "")
    assert rows["Deportivo Pomalca"] == ("Lambayeque", "")
    assert rows["Óscar Benavides"] == ("Lima", "Ate - Vitarte")
    # A location that is also a department's name is still a location.
    assert rows["Atlético Huracán"] == ("Moquegua", "Moquegua")
    rows_1998 = {team: (department, location) for department, team, location in qualifier_rows(1998)}
    # A team named like a department (San Martín) is not the department.
    assert rows_1998["San Martín de Porres"] == ("Ucayali", "Ucayali")
    assert rows_1998["Hospital Rural"] == ("San Martín", "San Martín")
    assert rows_1998["I.M.I."] == ("Piura", "Talara")


@pytest.mark.parametrize("path_name, year", [("000_577157f910dad3a1.txt", 2008), ("001_7dd81c4de0932814.txt", 1998)])
def test_every_qualifier_row_of_the_seed_is_in_the_data(path_name, year):
    """Read the seed's table rows independently and compare them with the stored qualifiers."""
    text = (SEEDS / path_name).read_text(encoding="utf-8")
    section = text.split("==Departmental Stage==")[1].split("==Regional Stage==")[0]
    stored = {(team, location) for _, team, location in qualifier_rows(year)}
    departments = {name.casefold() for name in DEPARTMENT_NAMES}
    seen = 0
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if not cells or cells[0] == "Department":
            continue
        if cells[0].casefold() in departments:
            cells = cells[1:]
        team, location = cells[0], (cells[1] if len(cells) > 1 else "")
        assert (team, location) in stored
        seen += 1
    assert seen == len(stored)


REGIONS = {
    2008: {
        1: ["Amazonas", "Lambayeque", "Tumbes", "Piura"],
        2: ["Ancash", "Cajamarca", "La Libertad", "San Martín"],
        3: ["Loreto", "Ucayali"],
        4: ["Lima", "Callao"],
        5: ["Junín", "Pasco", "Huánuco"],
        6: ["Ayacucho", "Huancavelica", "Ica"],
        7: ["Arequipa", "Moquegua", "Tacna"],
        8: ["Apurímac", "Cusco", "Madre de Dios", "Puno"],
    },
    1998: {
        1: ["Amazonas", "Lambayeque", "Tumbes", "Piura"],
        2: ["Ancash", "Cajamarca", "La Libertad"],
        3: ["Loreto", "San Martín", "Ucayali"],
        4: ["Callao", "Ica", "Lima"],
        5: ["Huánuco", "Junín", "Pasco"],
        6: ["Apurímac", "Ayacucho", "Huancavelica"],
        7: ["Cusco", "Madre de Dios", "Puno"],
        8: ["Arequipa", "Moquegua", "Tacna"],
    },
}


@pytest.mark.parametrize("year", [2008, 1998])
def test_each_regions_departments(year):
    stored = {
        region.number: [m.department.name for m in region.memberships.select_related("department")]
        for region in Region.objects.filter(season__year=year)
    }
    assert stored == REGIONS[year]


def test_regions_that_say_how_many_teams_went_on():
    places = dict(Region.objects.filter(season__year=2008).values_list("number", "places_advancing"))
    # Region IV: "the finalists qualified"; Region VI: "Two teams qualified from this stage."; the rest by the
    # Regional Stage's own first line: "Each region had two teams qualify for the next stage."
    assert places == {1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2}
    assert Region.objects.get(season__year=2008, number=4).format == Region.Format.KNOCKOUT


def test_san_martin_moves_region_between_seasons():
    assert Region.objects.get(season__year=2008, departments__name="San Martín").numeral == "II"
    assert Region.objects.get(season__year=1998, departments__name="San Martín").numeral == "III"


def test_champions():
    assert Season.objects.get(year=2008).champion.name == "Sport Huancayo"
    assert Season.objects.get(year=1998).champion.name == "I.M.I."


def sections(year):
    """Every group and knockout round as (region numeral or 'national', name, results recorded)."""
    rows = []
    for section in [*Group.objects.filter(season__year=year), *KnockoutRound.objects.filter(season__year=year)]:
        where = section.region.numeral if section.region_id else "national"
        rows.append((where, section.name, section.results_recorded))
    return sorted(rows)


def test_2008_groups_rounds_and_lost_results():
    assert sections(2008) == sorted(
        [
            ("IV", "Regional Final", False),
            ("V", "Group A", False),
            ("V", "Tiebreakers", False),
            ("V", "Group B", False),
            ("V", "Tiebreaker", False),
            ("VII", "Regional Final", False),
            ("national", "Final group stage", True),
        ]
    )


def test_1998_groups_rounds_and_lost_results():
    assert sections(1998) == sorted(
        [
            ("I", "Group A", False),
            ("I", "Playoff", False),
            ("I", "Final Group", False),
            ("I", "Tiebreaker", False),
            *[(numeral, "Tiebreaker", False) for numeral in ["II", "III", "IV", "VI", "VII"]],
            ("national", "Quarterfinals", False),
            ("national", "Semifinals", False),
            ("national", "Final", False),
        ]
    )


def test_tiebreakers_settle_the_group_they_stand_under():
    playoff = KnockoutRound.objects.get(season__year=1998, region__number=1, name="Playoff")
    assert playoff.kind == KnockoutRound.Kind.TIEBREAKER and playoff.group.name == "Group A"
    tiebreakers = KnockoutRound.objects.get(season__year=2008, name="Tiebreakers")
    assert tiebreakers.group.name == "Group A" and tiebreakers.region.numeral == "V"


def test_2008_final_group_matches_with_dates():
    matches = Match.objects.filter(group__season__year=2008, group__name="Final group stage").with_teams()
    stored = sorted(
        (m.round_number, m.date, m.home_team.name, m.home_score, m.away_score, m.away_team.name) for m in matches
    )
    assert stored == sorted(
        [
            (1, dt.date(2008, 12, 7), "Sport Huancayo", 0, 1, "CNI"),
            (1, dt.date(2008, 12, 7), "Atlético Torino", 2, 1, "Cobresol"),
            (2, dt.date(2008, 12, 9), "Sport Huancayo", 2, 0, "Atlético Torino"),
            (2, dt.date(2008, 12, 9), "Cobresol", 2, 2, "CNI"),
            (3, dt.date(2008, 12, 11), "Sport Huancayo", 2, 0, "Cobresol"),
            (3, dt.date(2008, 12, 11), "Atlético Torino", 1, 1, "CNI"),
        ]
    )
    assert all(m.status == MatchStatus.PLAYED for m in matches)


def test_2008_region_iv_suspended_second_leg_put_cable_vision_through():
    leg = Match.objects.get(season__year=2008, tie__round__region__number=4)
    assert leg.leg == 2
    assert leg.status == MatchStatus.SUSPENDED
    assert {leg.home_team.name, leg.away_team.name} == {"Unión Huaral", "Íntimo Cable Visión"}
    assert leg.home_score is None and leg.away_score is None
    ruling = leg.notes.get()
    assert ruling.kind == NoteKind.SUSPENDED and ruling.decided_by == "FPF"
    assert ruling.favoured_team.name == "Íntimo Cable Visión"
    assert ruling.tie == leg.tie
    assert "suspended by the FPF" in ruling.text


def test_1998_final_abandoned_after_81_minutes_with_declared_result_and_shootout():
    leg = Match.objects.get(season__year=1998, tie__round__name="Final")
    assert leg.status == MatchStatus.ABANDONED
    assert leg.minute_stopped == 81
    assert {leg.home_team.name, leg.away_team.name} == {"I.M.I.", "Coronel Bolognesi"}
    penalties = {leg.home_team.name: leg.home_penalties, leg.away_team.name: leg.away_penalties}
    assert penalties == {"I.M.I.": 2, "Coronel Bolognesi": 0}
    ruling = leg.notes.get()
    assert ruling.kind == NoteKind.ABANDONED
    assert ruling.favoured_team.name == "I.M.I."
    assert "declared the match ended by 3-1" in ruling.text
    assert "3-1" in ruling.decision and "2-0" in ruling.decision


def test_1998_region_v_points_awarded_to_cultural_hidro():
    adjustment = PointsAdjustment.objects.get(season__year=1998)
    assert (adjustment.team.name, adjustment.points, adjustment.region.numeral) == ("Cultural Hidro", 3, "V")
    assert adjustment.note.kind == NoteKind.POINTS_AWARDED
    assert "Señor de Puelles (8 pts)" in adjustment.note.text


def test_1998_region_viii_senati_v_penarol_not_played_by_agreement():
    match = Match.objects.get(season__year=1998, region__number=8)
    assert {match.home_team.name, match.away_team.name} == {"Senati", "Peñarol"}
    assert match.status == MatchStatus.NOT_PLAYED
    assert match.home_score is None
    assert match.notes.get().kind == NoteKind.NOT_PLAYED


def test_1998_team_changes():
    season = Season.objects.get(year=1998)
    changes = {}
    for change in season.team_changes.select_related("team"):
        changes.setdefault(change.heading, []).append(change.team.name)
    assert changes == {
        "Promoted to 1998 Primera División": ["Juan Aurich"],
        "Relegated from 1997 Primera División": ["Atlético Torino", "José Gálvez", "La Loretana"],
        "Relegated from 1997 Segunda División": ["San Agustín", "Unión Supe", "Defensor Lima", "Ciclista Lima"],
    }


def test_stage_dates_keep_their_precision():
    stages = {
        (stage.season.year, stage.kind): stage.start_display
        for stage in Season.objects.get(year=2008).stages.select_related("season")
    }
    assert stages[(2008, "district")] == "1 February 2008"
    assert stages[(2008, "departmental")] == "16 July 2008"
    assert stages[(2008, "national")] == "8 November 2008"
    assert stages[(2008, "regional")] == ""
    national_1998 = Season.objects.get(year=1998).stages.get(kind="national")
    assert national_1998.start_display == "November 1998"


def test_teams_recur_across_seasons_and_bracketed_names_are_distinct():
    for name in ["CNI", "Deportivo Garcilaso", "Atlético Torino", "Deportivo Pomalca", "Alfonso Ugarte"]:
        years = set(Qualifier.objects.filter(team__name=name).values_list("season__year", flat=True))
        assert years == {1998, 2008}, name
    municipal = Team.objects.filter(name__startswith="Deportivo Municipal (")
    assert municipal.count() == 5


def test_every_note_of_the_seeds_is_stored_verbatim():
    texts = list(Note.objects.values_list("text", flat=True))
    for path in SEEDS.glob("*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            note = re.match(r"^(?:- |Note: )(.*)$", line)
            if note and not line.startswith(
                (
                    "- Competition",
                    "- Season",
                    "- Winners",
                    "- Confidence",
                    "- Prevseason",
                    "- Nextseason",
                )
            ):
                if "Torneo Descentralizado" in line or "Segunda División" in line:
                    continue  # "See also" links, stored on the season.
                assert note.group(1) in texts
