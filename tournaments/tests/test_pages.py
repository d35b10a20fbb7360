"""The seeds' facts, each on the page a fan or journalist would look for it."""

import pytest

from tournaments.rules.names import spanish_sort_key

from .page_helpers import csv_table, page, section, table_rows, text, without_box_tools

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def test_home_shows_latest_season_roll_of_champions_and_search(client):
    body = page(client, "/")
    # The roll of champions ships 1967-2025 (seeds/roll); the home page gives every season, latest first.
    assert "Latest season: 2025" in text(section(body, "latest"))
    rows = table_rows(section(body, "champions"))
    # Neither seed names its runner-up in words: 2008's is second in the final group, 1998's lost the final.
    # The roll of champions ships 1967-2025 (seeds/roll), so they are read by year.
    by_year = {row[0]: row for row in rows}
    assert by_year["2008"][:3] == ["2008", "Sport Huancayo", "CNI derived from the results"]
    assert by_year["1998"][:3] == ["1998", "I.M.I.", "Coronel Bolognesi derived from the results"]
    assert rows[0][:3] == ["2025", "Unión Minas", "ANBA Perú"]
    assert 'action="/search/"' in body


def test_season_list_gives_champion_runner_up_promoted_and_completeness(client):
    rows = {row[0]: row for row in table_rows(section(page(client, "/seasons/"), "seasons"))}
    # Season, champion, runner-up (marked when derived), confidence, promoted, data recorded.
    assert rows["2008"][:3] == ["2008", "Sport Huancayo", "CNI derived from the results"]
    assert rows["2008"][4] == "Sport Huancayo, CNI"
    assert rows["2008"][5] == "55 qualifiers; results for 1 of 7 groups and rounds"
    assert rows["1998"][:3] == ["1998", "I.M.I.", "Coronel Bolognesi derived from the results"]
    assert rows["1998"][4] == "I.M.I."
    assert rows["1998"][5] == "29 qualifiers; results for 0 of 12 groups and rounds"


def test_season_2008_infobox_stages_and_links(client):
    body = page(client, "/seasons/2008/")
    infobox = text(section(body, "infobox"))
    assert "Champion Sport Huancayo" in infobox
    assert "Runner-up CNI (2nd in the Final group stage)" in infobox
    assert "Promoted Sport Huancayo, CNI" in infobox
    assert "Previous season 2007 Next season 2009" in infobox  # both shipped with the roll of champions
    assert "Earlier in the archive: 2007 Later in the archive: 2009" in text(section(body, "season-nav"))
    stages = text(section(body, "stages"))
    assert "District Stage: started 1 February 2008" in stages
    assert "National Stage: started 8 November 2008" in stages
    assert "Regional Stage: start date not recorded" in stages
    assert "The two semifinalists as well as the best quarterfinalist" in stages
    for url in ("/seasons/2008/departmental/", "/seasons/2008/regional/", "/seasons/2008/national/"):
        assert f'href="{url}"' in body
    assert "2008 Torneo Descentralizado" in text(section(body, "see-also"))
    assert "started on February 1." in text(section(body, "summary"))


def test_season_1998_runner_up_by_ruling_team_changes_and_next_season_link(client):
    body = page(client, "/seasons/1998/")
    infobox = text(section(body, "infobox"))
    assert "Runner-up Coronel Bolognesi (lost the Final by ruling of the F.P.F.)" in infobox
    assert "Promoted I.M.I." in infobox
    assert "Next season 1999" in infobox and "1999 (not in the archive)" not in infobox
    changes = text(section(body, "team-changes"))
    assert "Promoted to 1998 Primera División Juan Aurich" in changes
    assert "Relegated from 1997 Primera División Atlético Torino, José Gálvez, La Loretana" in changes
    assert "Relegated from 1997 Segunda División San Agustín, Unión Supe, Defensor Lima, Ciclista Lima" in changes


def test_2008_final_group_in_order_with_points_and_promotion_marks(client):
    body = page(client, "/seasons/2008/national/")
    group = section(body, "final-group-stage")
    rows = table_rows(group)
    assert [(row[0], row[1], row[9], row[10]) for row in rows] == [
        ("1", "Sport Huancayo", "6", "P Promoted"),
        ("2", "CNI", "5", "P Promoted"),
        ("3", "Atlético Torino", "4", ""),
        ("4", "Cobresol", "1", ""),
    ]
    assert rows[0][2:9] == ["3", "2", "0", "1", "4", "1", "+3"]
    assert "P Promoted" in text(group.split('class="legend"')[1])
    fixtures = text(without_box_tools(group.split("Fixtures")[1]))
    assert "Round 1 7 Dec 2008 Sport Huancayo 0–1 CNI" in fixtures
    assert "Round 3 11 Dec 2008 Sport Huancayo 2–0 Cobresol 11 Dec 2008 Atlético Torino 1–1 CNI" in fixtures
    assert 'href="/teams/cobresol/"' in group


def test_1998_final_ruling_is_shown_beside_the_abandoned_leg(client):
    body = page(client, "/seasons/1998/national/")
    final = text(section(body, "final"))
    assert "I.M.I. v Coronel Bolognesi (venue not recorded)" in final
    assert "Abandoned after 81'" in final
    assert (
        "The F.P.F. (Peruvian Football Federation) declared the match ended by 3-1; and as it should have been a "
        "penalty shootout, I.M.I. was declared shootout winner by 2-0, and hence 1998 champions." in final
    )
    # A final is won, not gone through; a one-match final has no "Leg 1" and no aggregate.
    assert "I.M.I. won the final, by ruling of the F.P.F." in final
    assert "went through" not in final and "Leg 1" not in final and "aggregate" not in final
    # Issue 10, case 6: the declared result, whose orientation the source does not give, not "score not recorded".
    assert "declared result 3-1 (the source does not say which side scored which)" in final
    for lost in ("quarterfinals", "semifinals"):
        assert "Results not recorded." in text(section(body, lost))


def test_2008_region_iv_suspended_leg_and_who_went_through(client):
    body = page(client, "/seasons/2008/regional/iv/")
    went_through = text(section(body, "went-through"))
    # The source's words, not an invented "won by ruling" (issue 10, case 3).
    assert 'Íntimo Cable Visión (the source says: "Cable Visión qualified for the next round"' in went_through
    # "the finalists qualified": the other finalist went through too.
    assert 'Unión Huaral (the source says: "the finalists qualified")' in went_through
    assert "the finalists qualified" in text(body)
    final = text(section(body, "regional-final"))
    assert "Unión Huaral v Íntimo Cable Visión (venue not recorded)" in final
    assert "Suspended" in final and "score not recorded" in final
    assert "was suspended by the FPF because of some incidents with the crowd in the first game." in final
    assert "1 leg not recorded" in final
    assert "0-0" not in final and "0–0" not in final


def test_groups_whose_results_were_lost_say_so_in_words(client):
    body = page(client, "/seasons/2008/regional/v/")
    for anchor in ("group-a", "group-b", "group-a-tiebreakers", "group-b-tiebreaker"):
        assert "Results not recorded." in text(section(body, anchor))
    assert "<table" not in section(body, "group-a")


def test_1998_region_v_points_ruling_and_region_viii_match_not_played(client):
    region_v = text(section(page(client, "/seasons/1998/regional/v/"), "rulings"))
    assert "Originally Señor de Puelles (8 pts) won the group." in region_v
    assert "Cultural Hidro: +3 points." in region_v
    region_viii = text(section(page(client, "/seasons/1998/regional/viii/"), "other-matches"))
    assert "Senati v Peñarol (venue not recorded)" in region_viii
    assert "Not played" in region_viii and "agreed to not play their match" in region_viii
    assert "score not recorded" not in region_viii


def test_regional_overview_lists_departments_and_who_went_through(client):
    rows = table_rows(section(page(client, "/seasons/2008/regional/"), "regions"))
    assert rows[3][:3] == [
        "Region IV",
        "Lima, Callao",
        'Íntimo Cable Visión (the source says: "Cable Visión qualified for the next round") '
        'Unión Huaral (the source says: "the finalists qualified")',
    ]
    assert rows[5][3] == "2"
    # Issue 10, case 2: Region I is known only from the national stage, and says so.
    assert rows[0][2] == "Atlético Torino (inferred: it played in the national stage)"


@pytest.mark.parametrize("year, count", [(2008, 55), (1998, 29)])
def test_qualifier_counts_through_the_table_and_its_csv(client, year, count):
    body = page(client, f"/seasons/{year}/departmental/")
    assert len(table_rows(section(body, "qualifiers"))) == count
    rows = csv_table(client.get(f"/seasons/{year}/departmental/?_export=csv"))
    assert rows[0] == ["Department", "Team", "Location", "Region", "Sources"]
    assert len(rows) == count + 1


def test_csv_keeps_lost_locations_empty(client):
    rows = {row[1]: row[:4] for row in csv_table(client.get("/seasons/2008/departmental/?_export=csv"))}
    assert rows["Íntimo Cable Visión"] == ["Lima", "Íntimo Cable Visión", "", "IV"]
    assert rows["Unión Huaral"] == ["Lima", "Unión Huaral", "Huaral", "IV"]


def test_filter_by_department_and_by_region(client):
    lima = table_rows(section(page(client, "/seasons/2008/departmental/?department=lima"), "qualifiers"))
    assert [row[1] for row in lima] == [
        "Íntimo Cable Visión",
        "Unión Huaral",
        "Unión Supe",
        "Cooperativa Bolognesi",
        "Óscar Benavides",
    ]
    assert lima[0][2] == "not recorded"
    region_iv = table_rows(section(page(client, "/seasons/2008/departmental/?region=iv"), "qualifiers"))
    assert {row[0] for row in region_iv} == {"Lima", "Callao"} and len(region_iv) == 8
    filtered_csv = csv_table(client.get("/seasons/1998/departmental/?department=piura&_export=csv"))
    assert [row[1] for row in filtered_csv[1:]] == ["Atlético Torino", "I.M.I."]


def test_a_bad_filter_value_is_a_message_beside_the_field(client):
    body = page(client, "/seasons/2008/departmental/?department=atlantis&region=ix")
    assert "Select a valid choice. atlantis is not one of the available choices." in text(body)
    assert "Select a valid choice. ix is not one of the available choices." in text(body)


def test_sorting_by_team_orders_names_as_a_reader_expects(client):
    rows = table_rows(section(page(client, "/seasons/1998/departmental/?sort=team"), "qualifiers"))
    teams = [row[1] for row in rows]
    assert teams == sorted(teams, key=spanish_sort_key)


def test_sorting_by_a_header(client):
    rows = table_rows(section(page(client, "/seasons/1998/departmental/?sort=team"), "qualifiers"))
    teams = [row[1] for row in rows]
    descending = [
        row[1] for row in table_rows(section(page(client, "/seasons/1998/departmental/?sort=-team"), "qualifiers"))
    ]
    assert descending == list(reversed(teams))
    assert page(client, "/seasons/1998/departmental/?sort=nonsense")


def test_standings_export_to_csv_by_anchor(client):
    rows = csv_table(client.get("/seasons/2008/national/?_export=csv&table=final-group-stage"))
    assert rows[0] == ["#", "Team", "P", "W", "D", "L", "GF", "GA", "GD", "Pts", "Qualification", "Sources"]
    assert rows[1][:11] == ["1", "Sport Huancayo", "3", "2", "0", "1", "4", "1", "3", "6", "Promoted"]
    assert client.get("/seasons/2008/national/?_export=csv&table=nowhere").status_code == 404
    assert client.get("/seasons/2008/national/?_export=ods").status_code == 404


def test_every_table_has_an_anchor_link_csv_and_citation(client):
    body = page(client, "/seasons/2008/national/")
    block = section(body, "final-group-stage")
    assert 'href="#final-group-stage"' in block
    assert 'href="?_export=csv&amp;table=final-group-stage"' in block
    citation = text(block.split('class="citation"')[1].split("</p>")[0])
    assert "Copa Perú 2008, National Stage, Final group stage. Copa Perú archive, retrieved" in citation
    assert "http://testserver/seasons/2008/national/#final-group-stage" in citation
    assert "<caption>Final group stage standings</caption>" in block
    assert '<th scope="col"' in block


def test_team_page_gathers_every_season(client):
    body = page(client, "/teams/cni/")
    rows = table_rows(section(body, "seasons"))
    assert [row[:4] for row in rows] == [
        ["2008", "Loreto", "not recorded", "Runner-up (derived from the results)"],
        ["1998", "Loreto", "Iquitos", "Departmental qualifier"],
    ]
    assert rows[0][4] == "2nd in Final group stage (National Stage), promoted"
    assert "Cobresol 2–2 CNI" in text(section(body, "season-2008"))


@pytest.mark.parametrize(
    "slug, year, reached",
    [
        ("sport-huancayo", "2008", "Champion"),
        ("imi", "1998", "Champion"),
        ("coronel-bolognesi", "1998", "Runner-up (derived from the results)"),
        ("union-huaral", "2008", "Went on from Region IV"),
        ("atletico-torino", "1998", "Departmental qualifier"),
    ],
)
def test_how_far_a_team_went(client, slug, year, reached):
    rows = {row[0]: row for row in table_rows(section(page(client, f"/teams/{slug}/"), "seasons"))}
    assert rows[year][3] == reached


def test_team_page_shows_the_ruling_outcome_and_status_in_words(client):
    bolognesi = text(section(page(client, "/teams/coronel-bolognesi/"), "season-1998"))
    assert "Final (National Stage): lost, by ruling of the F.P.F." in bolognesi
    assert "Abandoned after 81'" in bolognesi
    assert "Not played" in text(section(page(client, "/teams/senati/"), "season-1998"))


def test_department_page_lists_its_qualifiers_season_by_season(client):
    rows = table_rows(section(page(client, "/departments/lima/"), "qualifiers"))
    assert [row[:2] for row in rows] == [
        ["2008", "Íntimo Cable Visión"],
        ["2008", "Unión Huaral"],
        ["2008", "Unión Supe"],
        ["2008", "Cooperativa Bolognesi"],
        ["2008", "Óscar Benavides"],
        ["1998", "Deportivo Repcel"],
        ["1998", "Telefunken 20"],
    ]
    assert {row[3] for row in rows} == {"Region IV"}


def test_team_directory_filters_by_department(client):
    rows = table_rows(section(page(client, "/teams/?department=piura"), "teams"))
    assert [row[0] for row in rows] == ["Atlético Torino", "I.M.I.", "Olimpia"]


@pytest.mark.parametrize(
    "query, found", [("union huaral", "Unión Huaral"), ("imi", "I.M.I."), ("SPORT HUANCAYO", "Sport Huancayo")]
)
def test_search_ignores_accents_case_and_dots(client, query, found):
    results = text(section(page(client, f"/search/?q={query}"), "results"))
    assert found in results


def test_search_by_year_cut_long_queries_and_empty_form(client):
    assert 'href="/seasons/2008/"' in section(page(client, "/search/?q=2008"), "results")
    body = page(client, "/search/?q=" + "huaral" * 40 + "%00%1b")
    assert "shortened to its first 100 characters" in text(body)
    assert "results" not in page(client, "/search/?q=").split("<main")[1].split("</main>")[0].split('id="')[1:2][0][:7]
    assert "No team or season matches" in text(page(client, "/search/?q=zzzz"))


def test_every_team_name_in_the_qualifiers_table_links_to_its_page(client):
    body = section(page(client, "/seasons/2008/departmental/"), "qualifiers")
    assert body.count('href="/teams/') == 55
