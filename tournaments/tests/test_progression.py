"""Who went on, and how far each team went, as the seeds say it (issue 10, cases 2-6 and 13).

Each test reads what a fan reads on the page; the right values are worked out from the seed articles by hand.
"""

import pytest

from tournaments.models import KnockoutRound, Match, Progression, RoundKind, Season, Team

from .page_helpers import page, section, table_rows, text

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def reached(client, slug):
    """{year: "How far it went"} from a team's season table."""
    return {row[0]: row[3] for row in table_rows(section(page(client, f"/teams/{slug}/"), "seasons"))}


def test_2008_overview_names_who_went_on_from_each_region_where_known(client):
    # Case 2: the article says each region sent two teams; the national final group shows who came from
    # Regions I, III, V and VII; Region IV's text says its finalists qualified.
    rows = {row[0]: row for row in table_rows(section(page(client, "/seasons/2008/regional/"), "regions"))}
    inferred = "(inferred: it played in the national stage)"
    assert rows["Region I"][2] == f"Atlético Torino {inferred}"
    assert rows["Region III"][2] == f"CNI {inferred}"
    assert rows["Region V"][2] == f"Sport Huancayo {inferred}"
    assert rows["Region VII"][2] == f"Cobresol {inferred}"
    assert "Íntimo Cable Visión" in rows["Region IV"][2] and "Unión Huaral" in rows["Region IV"][2]
    for region in ("Region II", "Region VI", "Region VIII"):
        assert rows[region][2] == "not recorded"
    assert {row[3] for row in rows.values()} == {"2"}


def test_inferred_progression_is_labelled_on_the_region_page(client):
    went_through = text(section(page(client, "/seasons/2008/regional/i/"), "went-through"))
    assert went_through == "Who went through Atlético Torino (inferred: it played in the national stage)"


def test_2008_region_iv_says_what_the_source_says_and_invents_no_ruling(client):
    # Case 3: the FPF suspended the second leg and Cable Visión qualified; both finalists qualified.
    body = text(page(client, "/seasons/2008/regional/iv/"))
    assert "by ruling" not in body
    went_through = text(section(page(client, "/seasons/2008/regional/iv/"), "went-through"))
    assert 'Íntimo Cable Visión (the source says: "Cable Visión qualified for the next round" [note])' in went_through
    assert 'Unión Huaral (the source says: "the finalists qualified")' in went_through
    final = text(section(page(client, "/seasons/2008/regional/iv/"), "regional-final"))
    assert "Winner not recorded." in final
    huaral = text(page(client, "/teams/union-huaral/"))
    assert "by ruling" not in huaral
    assert "Regional Final (Region IV): result not recorded" in huaral


def test_team_histories_say_how_far_each_team_went(client):
    # Case 4.
    assert reached(client, "cultural-hidro") == {"1998": "Won Region V (by ruling)"}
    assert reached(client, "cni")["2008"] == "Runner-up (derived from the results)"
    assert reached(client, "imi") == {"1998": "Champion"}
    assert reached(client, "atletico-torino") == {
        "2008": "National stage: Final group stage",
        "1998": "Departmental qualifier",
        # The roll of champions (seeds/roll): Torino's five titles.
        **{year: "Champion" for year in ("1970", "1975", "1977", "1982", "1994")},
    }
    imi = text(section(page(client, "/teams/imi/"), "season-1998"))
    assert "Final (National Stage): won, by ruling of the F.P.F.: champions" in imi
    assert "went through" not in imi


def test_a_club_only_in_the_team_changes_has_no_campaign_row(client):
    # Ciclista Lima: relegated from the 1997 Segunda División, in no other season (Juan Aurich, promoted in 1998,
    # is now a champion of the roll, 1997 and 2007).
    body = page(client, "/teams/ciclista-lima/")
    assert 'id="seasons"' not in body
    assert "1998: Relegated from 1997 Segunda División" in text(section(body, "team-changes"))
    assert "Matches and ties" not in text(body)


def test_no_empty_matches_and_ties_heading(client):
    # Agricobank San Lorenzo qualified in 2008 and has no recorded match or tie.
    body = page(client, "/teams/agricobank-san-lorenzo/")
    assert reached(client, "agricobank-san-lorenzo") == {"2008": "Departmental qualifier"}
    assert "Matches and ties" not in text(body)


def test_1998_region_v_names_the_ruling_that_gave_hidro_first_place(client):
    # Case 5: no "the sources do not say" above the ruling that says who finished first.
    body = page(client, "/seasons/1998/regional/v/")
    went_through = text(section(body, "went-through"))
    assert "do not say" not in went_through
    assert went_through == (
        "Who went through Cultural Hidro (first place by ruling: Cultural Hidro awarded 3 points from its match "
        "against Señor de Puelles [note])"
    )
    note = Progression.objects.get(team__name="Cultural Hidro").note
    assert f'href="#note-{note.pk}"' in section(body, "went-through")
    assert f'id="note-{note.pk}"' in body


def test_1998_final_shows_the_declared_result_beside_the_shoot_out(client):
    # Case 6: the F.P.F. declared 3-1 without saying which side scored 3.
    final = text(section(page(client, "/seasons/1998/national/"), "final"))
    assert (
        "I.M.I. v Coronel Bolognesi (venue not recorded) penalties: I.M.I. 2, Coronel Bolognesi 0 "
        "declared result 3-1 (the source does not say which side scored which)" in final
    )
    leg = text(section(page(client, "/seasons/1998/national/"), f"match-{Match.objects.get(minute_stopped=81).pk}"))
    assert "score not recorded" not in leg


def test_the_final_is_found_by_what_the_round_is_not_by_its_name(client):
    # Case 13: an editor who renames the final keeps the runner-up; a round named "Final" that is not one does not.
    final = KnockoutRound.objects.get(season__year=1998, name="Final")
    assert final.round_kind == RoundKind.FINAL
    final.name = "Gran final"
    final.save()
    infobox = text(section(page(client, "/seasons/1998/"), "infobox"))
    assert "Runner-up Coronel Bolognesi (lost the Gran final by ruling of the F.P.F.)" in infobox
    assert reached(client, "coronel-bolognesi")["1998"] == "Runner-up (derived from the results)"
    final.round_kind = RoundKind.SEMIFINAL
    final.save()
    assert "Runner-up not recorded" in text(section(page(client, "/seasons/1998/"), "infobox"))


def test_the_importer_reads_the_round_kind_from_the_heading():
    kinds = dict(KnockoutRound.objects.filter(season__year=1998).values_list("name", "round_kind"))
    assert kinds["Final"] == RoundKind.FINAL
    assert kinds["Semifinals"] == RoundKind.SEMIFINAL
    assert kinds["Quarterfinals"] == RoundKind.QUARTERFINAL
    assert kinds["Playoff"] == RoundKind.PLAYOFF
    assert KnockoutRound.objects.get(season__year=2008, region__number=4).round_kind == RoundKind.FINAL


def test_runner_up_the_source_does_not_name_is_marked_derived(client):
    infobox = text(section(page(client, "/seasons/2008/"), "infobox"))
    assert (
        "Runner-up CNI (2nd in the Final group stage) derived from the results: the source does not name the "
        "runner-up" in infobox
    )


def test_a_runner_up_the_source_names_is_shown_as_stated(client):
    season = Season.objects.get(year=2008)
    Progression.objects.create(
        season=season,
        team=Team.objects.get(name="CNI"),
        outcome=Progression.Outcome.RUNNER_UP,
        basis=Progression.Basis.STATED,
        source_words="CNI finished runner-up",
    )
    infobox = text(section(page(client, "/seasons/2008/"), "infobox"))
    assert 'Runner-up CNI (the source says: "CNI finished runner-up")' in infobox
    assert "derived from the results" not in infobox
    assert reached(client, "cni")["2008"] == "Runner-up"


def test_computed_progression_follows_the_results(client):
    # Reversing the 2008 final group's results moves who is promoted, with nothing else to update: Cobresol 7 pts,
    # Atlético Torino 4, Sport Huancayo 3, CNI 2.
    for match in Match.objects.filter(season__year=2008, group__name="Final group stage"):
        match.home_score, match.away_score = match.away_score, match.home_score
        match.save()
    infobox = text(section(page(client, "/seasons/2008/"), "infobox"))
    assert "Promoted Cobresol, Atlético Torino" in infobox
    assert "Runner-up Atlético Torino (2nd in the Final group stage)" in infobox
    assert reached(client, "cni")["2008"] == "National stage: Final group stage"


def add_on_region_admin(editor_client, admin_form_data, number, team, **fields):
    """POST the 2008 region's change page as rendered, with one more progression row; returns the response."""
    url = f"/admin/tournaments/region/{Season.objects.get(year=2008).regions.get(number=number).pk}/change/"
    response = editor_client.get(url)
    assert 'name="progressions-TOTAL_FORMS"' in response.content.decode()
    data = admin_form_data(response)
    total = int(data["progressions-TOTAL_FORMS"])
    data["progressions-TOTAL_FORMS"] = str(total + 1)
    fields = {"team": Team.objects.get(name=team).pk, "outcome": "went_on", "order": 0, **fields}
    data.update({f"progressions-{total}-{name}": value for name, value in fields.items()})
    return editor_client.post(url, data)


def test_an_editor_enters_a_statement_on_the_region_and_the_page_shows_it(editor_client, admin_form_data, client):
    words = {"basis": "stated", "source_words": "Mannucci qualified"}
    saved = add_on_region_admin(editor_client, admin_form_data, 2, "Carlos A. Mannucci", **words)
    assert saved.status_code == 302, saved.content.decode()[:3000]
    stored = Progression.objects.get(team__name="Carlos A. Mannucci")
    assert (stored.season.year, stored.region.number) == (2008, 2)
    went_through = text(section(page(client, "/seasons/2008/regional/ii/"), "went-through"))
    assert went_through == 'Who went through Carlos A. Mannucci (the source says: "Mannucci qualified")'


def test_a_statement_without_the_source_words_is_refused_with_a_sentence(editor_client, admin_form_data):
    response = add_on_region_admin(editor_client, admin_form_data, 2, "Carlos A. Mannucci", basis="stated")
    assert response.status_code == 200
    assert "Quote the source&#x27;s words, or link the note that says so." in response.content.decode()
    assert not Progression.objects.filter(team__name="Carlos A. Mannucci").exists()


def test_the_same_progression_twice_is_refused_with_a_sentence(editor_client, admin_form_data):
    response = add_on_region_admin(editor_client, admin_form_data, 4, "Unión Huaral", basis="inferred")
    assert response.status_code == 200
    assert "This team&#x27;s progression is already recorded here." in response.content.decode()
    assert Progression.objects.filter(season__year=2008, team__name="Unión Huaral").count() == 1


def test_an_entered_statement_survives_export_and_import():
    from tournaments.services.season_export import export_season
    from tournaments.services.season_import import import_season

    season = Season.objects.get(year=2008)
    team = Team.objects.get(name="Carlos A. Mannucci")
    Progression.objects.create(
        season=season, region=season.regions.get(number=2), team=team, source_words="Mannucci qualified"
    )
    article = export_season(2008)
    assert "Region II includes qualified teams from Ancash, Cajamarca, La Libertad and San Martín region. " in article
    assert "region. Mannucci qualified.\n" in article
    season.delete()
    import_season(article)
    stored = Progression.objects.get(team=team)
    assert (stored.region.number, stored.basis, stored.source_words) == (2, "stated", "Mannucci qualified")
    assert export_season(2008) == article, "the export is stable"
