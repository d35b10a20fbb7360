"""The translators' faults, by kind: one English word that needs two Spanish ones gets a message per meaning
(pgettext contexts), and every sentence is one whole message with placeholders, so that Spanish may reorder it.

Each test reads what a Spanish reader sees and checks the English page is unchanged. Where a glued sentence happened
to read the same in Spanish, the test checks the line is the catalogue's one whole sentence (``whole``), which fails
while the sentence is still glued from fragments (the catalogue then has no such message).
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tournaments.models import (
    Group,
    GroupTeam,
    KnockoutRound,
    Match,
    MatchStatus,
    Progression,
    Region,
    Team,
    TeamChange,
    Tie,
)
from tournaments.presentation import results
from tournaments.rules.knockout import TieOutcome
from tournaments.rules.standings import TIEBREAKERS, Tiebreaker

from .page_helpers import page, section, text
from .test_admin_results_grid import grid_url
from .test_catalogue import COMPILED, compiled_messages

pytestmark = pytest.mark.usefixtures("shipped_seasons")

SPANISH_BROWSER = "es-PE,es;q=0.9,en;q=0.8"


def spanish(url_name, *args):
    with translation.override("es"):
        return reverse(f"tournaments:{url_name}", args=args)


def whole(msgid, **values):
    """The Spanish of one whole sentence of the shipped catalogue, placeholders filled (fails when it is missing)."""
    messages = compiled_messages(COMPILED)
    assert (None, msgid, None) in messages, f"the catalogue has no whole sentence {msgid!r}"
    return messages[(None, msgid, None)] % values if values else messages[(None, msgid, None)]


@pytest.fixture
def spanish_editor(editor_client):
    editor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = SPANISH_BROWSER
    return editor_client


# 1. One English word, two Spanish ones.


def test_the_results_grid_columns_say_local_and_visitante_and_the_breadcrumb_inicio(spanish_editor, editor_client):
    group_url = grid_url(Group.objects.filter(matches__isnull=False).first())
    body = spanish_editor.get(group_url).content.decode()
    headings = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', section(body, "results"))
    assert headings[:5] == ["Fecha n.º", "Local", "Marcador", "Visitante", "Fecha"], headings
    assert text(body).count("Inicio") == 1  # the breadcrumb only
    editor_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    english_body = editor_client.get(group_url).content.decode()
    english = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', section(english_body, "results"))
    assert english[:5] == ["Round", "Home", "Score", "Away", "Date"]


def test_played_is_jugados_over_a_standings_column_and_jugado_as_a_match_status(client):
    national = page(client, spanish("season-national", 2008))
    assert 'title="Jugados"' in national and 'title="Jugado"' not in national
    with translation.override("es"):
        assert str(MatchStatus.PLAYED.label) == "Jugado"
    assert 'title="Played"' in page(client, "/seasons/2008/national/")


def test_promoted_is_a_list_heading_one_teams_outcome_and_a_legend_entry(client):
    infobox = text(section(page(client, spanish("season-detail", 1998)), "infobox"))
    assert "Ascendieron I.M.I." in infobox
    with translation.override("es"):
        assert str(results.MARK_LEGEND["promoted"][1]) == "Ascendió"
        assert str(Progression.Outcome.PROMOTED.label) == "Ascendió"
    assert "Promoted I.M.I." in text(section(page(client, "/seasons/1998/"), "infobox"))


def test_an_empty_related_field_and_empty_sources_in_the_import_report_agree_in_gender():
    from tournaments.services import import_report

    match = Match()
    empty = next(field for field in Match._meta.get_fields() if field.many_to_one and field.null)
    with translation.override("es"):
        assert import_report._shown(match, empty) == "sin asignar"
    with translation.override("en"):
        assert import_report._shown(match, empty) == "none"


# 2. A team change is one sentence per direction.


def test_a_team_change_reads_ascendio_a_la_primera_division_on_the_team_page(client):
    change = TeamChange.objects.filter(direction="promoted").select_related("team").first()
    words = {"year": change.division_year, "division": change.get_division_display()}
    english = text(page(client, change.team.get_absolute_url()))
    assert f"{change.season.year}: Promoted to {change.division_year} Primera División" in english
    with translation.override("es"):
        url = change.team.get_absolute_url()
    assert f"{change.season.year}: Ascendió a la Primera División {change.division_year}" in text(page(client, url))
    assert words["division"] == "Primera División"


# 3. A free-text authority takes no article.


def test_a_ruling_and_a_note_name_their_authority_without_an_article(client):
    spanish_final = text(section(page(client, spanish("season-national", 1998)), "final"))
    assert "por fallo (F.P.F.)" in spanish_final
    assert "de la F.P.F." not in spanish_final and "por la F.P.F." not in spanish_final
    english_final = text(section(page(client, "/seasons/1998/national/"), "final"))
    assert "I.M.I. won the final, by ruling of the F.P.F." in english_final
    assert whole("decided by the %(who)s", who="FPF") == "decisión: FPF"


def test_a_ties_winner_line_is_one_sentence_that_puts_the_score_where_spanish_does(client):
    final = text(section(page(client, spanish("season-national", 1998)), "final"))
    assert "I.M.I. ganó la final por fallo (F.P.F.)" in final
    outcomes = []
    for year in (1998, 2008):
        for url in (spanish("season-national", year), spanish("season-regional", year)):
            outcomes += re.findall(r'<p class="outcome">(.*?)</p>', page(client, url), re.S)
    lines = [text(line) for line in outcomes]
    assert any("ganó la final" in line for line in lines)
    glued = [line for line in lines if re.search(r"(ganó la final|clasificó), ", line)]
    assert not glued, glued
    english = text(section(page(client, "/seasons/1998/national/"), "final"))
    assert "I.M.I. won the final, by ruling of the F.P.F." in english


def test_a_penalty_shoot_out_after_two_legs_reads_as_the_spanish_press_writes_it():
    outcome = TieOutcome(
        "A", "B", "penalties", "", (2, 2), winner_goals=2, loser_goals=2, penalties=(5, 3), two_legged=True
    )
    aggregate = ("Alfa", 2, "Beta", 2)
    with translation.override("es"):
        spanish_line = results.winner_line(outcome, "Alfa", final=False, aggregate=aggregate)
    assert spanish_line == (
        "Alfa clasificó al ganar 5-3 en la tanda de penales, tras el 2-2 en el global (global: Alfa 2, Beta 2)"
    )
    with translation.override("en"):
        english = results.winner_line(outcome, "Alfa", final=False, aggregate=aggregate)
    assert english == "Alfa went through, 2-2 on aggregate, won 5-3 on penalties (aggregate Alfa 2, Beta 2)"


# 4. The citation line is one sentence with its address inside.


def test_the_citation_line_is_one_sentence_with_its_address(client):
    body = page(client, spanish("season-national", 2008))
    line = re.search(r'<p class="citation">(.*?)</p>', body).group(1)
    citation, today, url = re.fullmatch(
        r'<span class="citation-label">Cita:</span> (.*)\. Archivo de la Copa Perú, consultado el (.*?), '
        r'<a href="(.*?)">.*</a>',
        line,
    ).groups()
    msgid = (
        '<span class="citation-label">Cite:</span> %(citation)s. Copa Perú archive, retrieved %(today)s, '
        '<a href="%(url)s">%(url)s</a>'
    )
    assert line == whole(msgid, citation=citation, today=today, url=url)
    english = page(client, "/seasons/2008/national/")
    assert re.search(
        r'<span class="citation-label">Cite:</span> .*\. Copa Perú archive, retrieved .*, <a href="', english
    )


# 5. A stage and its start date are one sentence.


def test_a_stages_start_date_is_one_sentence(client):
    stages = text(section(page(client, spanish("season-detail", 2008)), "stages"))
    assert (
        "Etapa Nacional (inicio: 8 de noviembre de 2008)" in stages or "Etapa Nacional (inicio: 8 nov. 2008)" in stages
    )
    english = text(section(page(client, "/seasons/2008/"), "stages"))
    assert "National Stage: started 8 November 2008" in english


# 6. A tie on a team's page is one sentence.


def test_a_group_playoff_on_a_team_page_is_one_sentence(client, season, group, teams):
    alpha, bravo = teams[:2]
    for team in (alpha, bravo):
        GroupTeam.objects.create(group=group, team=team)
    playoff = KnockoutRound.objects.create(
        season=season, region=group.region, group=group, kind=KnockoutRound.Kind.TIEBREAKER, name="Playoff"
    )
    tie = Tie.objects.create(round=playoff, team_a=alpha, team_b=bravo, legs=1)
    Match.objects.create(
        season=season, region=group.region, tie=tie, leg=1, home_team=alpha, away_team=bravo, home_score=0, away_score=1
    )
    english = text(section(page(client, alpha.get_absolute_url()), "season-2031"))
    assert "Playoff for Group A (Region V): " in english
    with translation.override("es"):
        url = alpha.get_absolute_url()
    spanish_line = text(section(page(client, url), "season-2031"))
    assert "Partido de desempate del Grupo A (Región V): " in spanish_line, spanish_line


# 7. Lists, minutes and tiebreakers.


def test_a_regional_fixtures_departments_are_joined_with_a_spanish_or():
    from tournaments.models.validation import region_team_error

    region = Region.objects.filter(departments__isnull=False).first()
    region.pending_departments = ["Callao", "Lima"]
    outsider = Team(name="Equipo de Afuera", pk=10**6)
    with translation.override("es"):
        message = region_team_error(region, outsider)
    assert "Callao o Lima" in message and " or " not in message
    with translation.override("en"):
        assert "Callao or Lima" in region_team_error(region, outsider)


def test_a_history_comment_is_one_sentence_of_the_catalogue():
    from tournaments.admin.history import change_list

    changes = ["Marcador local: 1 → 2", "Fecha: 7 de diciembre de 2008 → 8 de diciembre de 2008"]
    with translation.override("es"):
        sentence = translation.gettext("%(changes)s.") % {"changes": change_list(changes)}
    assert sentence == whole("%(changes)s.", changes="; ".join(changes))


def test_an_abandoned_match_is_one_sentence_with_its_minute(client):
    with translation.override("es"):
        url = Team.objects.get(slug="coronel-bolognesi").get_absolute_url()
    assert whole("Abandoned after {minute}'").format(minute=81) in text(page(client, url))
    assert "Abandoned after 81'" in text(page(client, "/teams/coronel-bolognesi/"))


def test_a_tiebreaker_the_pages_do_not_list_keeps_its_label_as_written(monkeypatch):
    monkeypatch.setitem(TIEBREAKERS, "fair_play", Tiebreaker("fair_play", "Fair Play", "FP"))
    with translation.override("es"):
        reason = results.tiebreak_reason("A", "B", "fair_play")
    assert reason == "A supera a B por un criterio de desempate: Fair Play"


def test_a_sources_language_is_named_in_the_readers_language(client):
    """1969's second source is Swedish Wikipedia: the Sources section names the language, not its code."""
    assert "Language: Swedish." in client.get("/seasons/1969/").content.decode()
    assert "Idioma: Sueco." in client.get("/es/temporadas/1969/").content.decode()


def test_the_articles_english_text_is_marked_english_on_a_spanish_page(client):
    """A region's description and a ruling's decision are kept as the 2008 article writes them (English): a Spanish
    page marks them lang="en" (and escapes them); the English page is unchanged."""
    spanish = client.get("/es/temporadas/2008/regional/iv/").content.decode()
    english = client.get("/seasons/2008/regional/iv/").content.decode()
    described = "This region played as a knockout cup system and the finalists qualified."
    assert f'<p class="lede"><span lang="en">{described}</span></p>' in spanish
    assert f'<p class="lede">{described}</p>' in english
    assert 'Decisión: <span lang="en">Second leg suspended; Íntimo Cable Visión went through</span>.' in spanish
    assert "Decision: Second leg suspended; Íntimo Cable Visión went through." in english
