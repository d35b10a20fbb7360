"""Editors keep sources right (issue 14): one row per publication chosen by autocomplete, citations inline on the
season and on every citable thing's page, versions of disputed facts, teams' other names, all in History, and a
cited source never deleted."""

from html import escape

import pytest
from django.contrib.auth.models import User
from django.db.models import Max
from reversion.models import Version

from tournaments.models import (
    Citation,
    FactVersion,
    Group,
    KnockoutRound,
    Match,
    Note,
    Qualifier,
    Region,
    Season,
    Source,
    Team,
    TeamAlias,
    Tie,
)

from .test_admin_constraints import add_row

pytestmark = pytest.mark.usefixtures("shipped_seasons")

# Made-up publications that the shipped archive (which cites Wikipedia, RSSSF and others) cannot already hold.
GAZETTE_2008 = "https://gazette.example/copa-peru-2008"


@pytest.fixture
def gazette(db):
    return Source.objects.create(
        publisher="Test Gazette", title="2008 Copa Perú", url=GAZETTE_2008, language="en", licence="CC BY-SA 4.0"
    )


@pytest.fixture
def almanac(db):
    return Source.objects.create(
        publisher="Test Almanac", title="Peru - List of Champions", url="https://almanac.example/"
    )


def season_url(year=2008):
    return f"/admin/tournaments/season/{Season.objects.get(year=year).pk}/change/"


def saved(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, response.context and [
        response.context["adminform"].form.errors,
        *[inline.formset.errors for inline in response.context["inline_admin_formsets"]],
    ]
    return response


def next_source_number(season):
    """The number a season's next general source takes, after those the shipped archive already lists."""
    return (season.citations.aggregate(last=Max("order"))["last"] or 0) + 1


def body(response):
    return response.content.decode()


def has(response, sentence):
    return sentence in body(response) or escape(sentence) in body(response)


# The source list and form


def test_the_source_list_shows_publisher_title_language_licence_and_citations(editor_client, gazette, almanac):
    season = Season.objects.get(year=2008)
    Citation.objects.create(source=gazette, season=season, order=next_source_number(season))
    Citation.objects.create(source=gazette, season=season, fact="champion")
    page = editor_client.get("/admin/tournaments/source/")
    rows = {row.publisher: row for row in page.context["cl"].result_list}
    assert (rows["Test Gazette"].citation_count, rows["Test Almanac"].citation_count) == (2, 0)
    text = body(page)
    for cell in ("2008 Copa Perú", "CC BY-SA 4.0", '<td class="field-language">en</td>', "Citations"):
        assert cell in text
    found = editor_client.get("/admin/tournaments/source/", {"q": "almanac.example"}).context["cl"].result_list
    assert [source.title for source in found] == ["Peru - List of Champions"]
    change_page = body(editor_client.get(f"/admin/tournaments/source/{gazette.pk}/change/"))
    listed = f"/admin/tournaments/citation/?source__id__exact={gazette.pk}"
    assert f'<a href="{listed}">2 citations</a>' in change_page
    assert len(editor_client.get(listed).context["cl"].result_list) == 2


def test_the_source_form_explains_each_field(editor_client):
    page = editor_client.get("/admin/tournaments/source/add/")
    for help_text in (
        'Who published it: "RSSSF", "Wikipedia", "El Comercio".',
        "The title as the publication gives it.",
        "Its web address; leave empty when none is recorded.",
        'The language it is written in, as a code: "es", "en", "de"; empty when not recorded.',
        'Its licence when known, e.g. "CC BY-SA 4.0".',
        "The licence's web address, e.g. https://creativecommons.org/licenses/by-sa/4.0/.",
        "When an editor read it; empty when not recorded.",
    ):
        assert has(page, help_text), help_text


def test_a_second_copy_of_a_source_written_differently_is_refused(editor_client, admin_form_data, gazette):
    recorded = Source.objects.count()
    url = "/admin/tournaments/source/add/"
    data = admin_form_data(editor_client.get(url))
    data.update(publisher="test gazette", title="2008 Copa Peru", url=GAZETTE_2008)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert has(response, "This source is already recorded as “Test Gazette: 2008 Copa Perú”: choose it from the list")
    assert Source.objects.count() == recorded
    assert Source.objects.filter(url=GAZETTE_2008).count() == 1


def test_sources_are_offered_by_autocomplete_wherever_one_is_chosen(editor_client, gazette, almanac):
    season = season_url()
    for url, box in [
        (season, 'name="citations-__prefix__-source"'),
        (season, 'name="citations-2-__prefix__-source"'),
        (season, 'name="fact_versions-__prefix__-sources"'),
        (f"/admin/tournaments/team/{Team.objects.get(name='CNI').pk}/change/", 'name="aliases-__prefix__-source"'),
        ("/admin/tournaments/citation/add/", 'name="source"'),
    ]:
        text = body(editor_client.get(url))
        tag = text[text.rindex("<select", 0, text.index(box)) : text.index(">", text.index(box))]
        assert "admin-autocomplete" in tag, (url, box)
    for field in ("source", "sources"):
        model = {"source": "citation", "sources": "factversion"}[field]
        answer = editor_client.get(
            "/admin/autocomplete/",
            {"app_label": "tournaments", "model_name": model, "field_name": field, "term": "gazette"},
        ).json()
        assert [item["text"] for item in answer["results"]] == ["Test Gazette: 2008 Copa Perú"]


def test_a_cited_source_cannot_be_deleted_and_says_why(editor_client, gazette, almanac):
    recorded = Source.objects.count()
    season = Season.objects.get(year=2008)
    Citation.objects.create(source=gazette, season=season, order=next_source_number(season))
    version = FactVersion.objects.create(season=Season.objects.get(year=1998), fact="champion", name="IMI")
    version.sources.add(almanac)
    for source in (gazette, almanac):
        url = f"/admin/tournaments/source/{source.pk}/delete/"
        page = editor_client.get(url)
        assert page.status_code == 200
        assert "would require deleting the following protected related objects" in body(page)
        assert editor_client.post(url, {"post": "yes"}).status_code == 200
    assert "1998 Champion: IMI" in body(page)
    bulk = editor_client.post(
        "/admin/tournaments/source/", {"action": "delete_selected", "_selected_action": [gazette.pk], "post": "yes"}
    )
    assert "would require deleting the following protected related objects" in body(bulk)
    assert Source.objects.count() == recorded
    assert Source.objects.filter(pk__in=[gazette.pk, almanac.pk]).count() == 2
    assert list(version.sources.all()) == [almanac]
    uncited = Source.objects.create(publisher="El Comercio", title="Copa Perú")
    assert editor_client.post(f"/admin/tournaments/source/{uncited.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Source.objects.filter(pk=uncited.pk).exists()


# Citations on the season's page and on each thing's page


def test_the_season_page_edits_its_sources_and_the_sources_of_its_facts(
    editor_client, admin_form_data, gazette, almanac
):
    url = season_url()
    season = Season.objects.get(year=2008)
    shipped = season.citations.count()
    page = editor_client.get(url)
    shipped_general, shipped_facts = [
        [form.instance for form in inline.formset.initial_forms] for inline in page.context["inline_admin_formsets"][:2]
    ]
    data = admin_form_data(page)
    add_row("citations", source=gazette.pk, detail="", order=next_source_number(season))(data)
    add_row("citations-2", fact="champion", source=almanac.pk, detail="page 3", order=0)(data)
    saved(editor_client, url, data)
    assert season.citations.count() == shipped + 2
    added = season.citations.filter(source__in=[gazette, almanac])
    assert {(c.source.publisher, c.cited_name, c.fact, c.detail) for c in added} == {
        ("Test Gazette", "season", "", ""),
        ("Test Almanac", "fact", "champion", "page 3"),
    }
    page = editor_client.get(url)
    general, facts = [inline.formset for inline in page.context["inline_admin_formsets"][:2]]
    assert [form.instance.source for form in general.initial_forms if form.instance not in shipped_general] == [gazette]
    assert [form.instance.source for form in facts.initial_forms if form.instance not in shipped_facts] == [almanac]
    assert (len(general.initial_forms), len(facts.initial_forms)) == (
        len(shipped_general) + 1,
        len(shipped_facts) + 1,
    )
    comment = Version.objects.get_for_object(season).order_by("-pk")[0].revision.get_comment()
    assert "Added citation “Test Gazette: 2008 Copa Perú → Copa Perú 2008”." in comment
    assert "Added citation “Test Almanac: Peru - List of Champions → Champion”." in comment
    assert "Every citation of this season" in body(page)


def test_a_fact_citation_needs_its_fact(editor_client, admin_form_data, gazette):
    shipped = Citation.objects.count()
    url = season_url()
    data = admin_form_data(editor_client.get(url))
    add_row("citations-2", fact="", source=gazette.pk, detail="", order=0)(data)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][1].formset.errors
    assert errors[-1] == {"fact": ["This field is required."]}  # the added row, after the shipped ones
    assert Citation.objects.count() == shipped
    assert not Citation.objects.filter(source=gazette).exists()


def citable_things():
    """(admin name, the thing) for every citable thing that has its own page, from the 1998 season."""
    return [
        ("region", Region.objects.filter(season__year=1998).first()),
        ("group", Group.objects.filter(season__year=1998).first()),
        ("knockoutround", KnockoutRound.objects.filter(season__year=1998).first()),
        ("tie", Tie.objects.filter(round__season__year=1998).first()),
        ("match", Match.objects.filter(season__year=1998).first()),
        ("note", Note.objects.filter(season__year=1998).first()),
        ("qualifier", Qualifier.objects.filter(season__year=1998).first()),
    ]


@pytest.mark.parametrize("admin_name", ["region", "group", "knockoutround", "tie", "match", "note", "qualifier"])
def test_each_citable_things_page_cites_its_sources(editor_client, admin_form_data, gazette, admin_name):
    thing = dict(citable_things())[admin_name]
    url = f"/admin/tournaments/{admin_name}/{thing.pk}/change/"
    page = editor_client.get(url)
    data = admin_form_data(page)
    add_row("citations", source=gazette.pk, detail="the table", order=0)(data)
    saved(editor_client, url, data)
    citation = Citation.objects.get(source=gazette)
    field = "knockout_round" if admin_name == "knockoutround" else admin_name
    assert (getattr(citation, field), citation.season.year, citation.detail) == (thing, 1998, "the table")
    again = editor_client.get(url)
    assert f'<option value="{gazette.pk}" selected>Test Gazette: 2008 Copa Perú</option>' in body(again)


def test_a_citation_of_another_seasons_thing_or_of_two_things_is_refused(editor_client, admin_form_data, gazette):
    url = f"/admin/tournaments/citation/add/?season={Season.objects.get(year=2008).pk}"
    data = admin_form_data(editor_client.get(url))
    data.update(source=gazette.pk, match=Match.objects.filter(season__year=1998).first().pk)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["match"] == ["This belongs to another season."]
    assert not Citation.objects.filter(source=gazette).exists()


def test_a_stage_is_cited_from_the_citation_page_the_season_links_to(editor_client, admin_form_data, gazette):
    season = Season.objects.get(year=1998)
    text = body(editor_client.get(season_url(1998)))
    add = f"/admin/tournaments/citation/add/?season={season.pk}"
    assert f'href="{add}"' in text
    page = editor_client.get(add)
    stages = list(page.context["adminform"].form.fields["stage"].queryset)
    assert stages and all(stage.season_id == season.pk for stage in stages)
    data = admin_form_data(page)
    data.update(source=gazette.pk, stage=stages[0].pk, detail="the national stage's table")
    saved(editor_client, add, data)
    assert Citation.objects.get(source=gazette).stage == stages[0]
    listed = editor_client.get(f"/admin/tournaments/citation/?season__id__exact={season.pk}")
    assert f"{stages[0]}" in body(listed)


@pytest.mark.parametrize("query", ["season=abc", f"season={10**30}", "season=-1", "source=abc", f"source={10**30}"])
def test_a_hostile_citation_link_opens_an_empty_form(editor_client, query):
    page = editor_client.get(f"/admin/tournaments/citation/add/?{query}")
    assert page.status_code == 200
    assert list(page.context["adminform"].form.fields["stage"].queryset) == []


def test_a_stale_match_save_keeps_its_new_citation_out(editor_client, admin_form_data, gazette):
    match = Match.objects.filter(season__year=1998).first()
    url = f"/admin/tournaments/match/{match.pk}/change/"
    data = admin_form_data(editor_client.get(url))
    match.save()  # a colleague's save in between
    add_row("citations", source=gazette.pk, detail="", order=0)(data)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Someone else changed this match while you were editing it." in body(response)
    assert not Citation.objects.filter(source=gazette).exists()


# Disputed facts, status and confidence


def test_the_season_form_has_status_and_confidence_and_refuses_a_champion_without_a_final(
    editor_client, admin_form_data
):
    url = season_url()
    page = editor_client.get(url)
    assert "Champion and how sure the sources are" in body(page)
    data = admin_form_data(page)
    data.update(status="no_final")
    response = editor_client.post(url, data)
    assert response.context["adminform"].form.errors["champion"] == [
        "Only a season whose champion was decided can have a champion."
    ]
    data.update(champion="", confidence="disputed")
    saved(editor_client, url, data)
    season = Season.objects.get(year=2008)
    assert (season.status, season.confidence, season.champion) == ("no_final", "disputed", None)


def test_versions_of_a_disputed_champion_are_edited_on_the_season_page(
    editor_client, admin_form_data, gazette, almanac
):
    url = season_url(1998)
    data = admin_form_data(editor_client.get(url))
    imi = Season.objects.get(year=1998).champion
    add_row("fact_versions", fact="champion", name="I.M.I.", team=imi.pk, sources=[gazette.pk], detail="", order=0)(
        data
    )
    saved(editor_client, url, data)
    version = FactVersion.objects.get(season__year=1998, sources=gazette)
    assert (version.team, list(version.sources.all())) == (imi, [gazette])

    data = admin_form_data(editor_client.get(url))
    row = next(
        key
        for key, value in data.items()
        if key.startswith("fact_versions-") and key.endswith("-id") and str(value) == str(version.pk)
    )
    assert data[row.replace("-id", "-name")] == "I.M.I."
    data[row.replace("-id", "-sources")] = [gazette.pk, almanac.pk]
    saved(editor_client, url, data)
    assert set(version.sources.all()) == {gazette, almanac}
    comment = Version.objects.get_for_object(Season.objects.get(year=1998)).order_by("-pk")[0].revision.get_comment()
    assert (
        "Version of a disputed fact “1998 Champion: I.M.I.”: Sources: Test Gazette: 2008 Copa Perú → "
        "Test Almanac: Peru - List of Champions, Test Gazette: 2008 Copa Perú." in comment
    )


# Teams' other names


def team_url(name):
    return f"/admin/tournaments/team/{Team.objects.get(name=name).pk}/change/"


def test_a_team_page_records_its_other_names(editor_client, admin_form_data, gazette):
    url = team_url("Sport Ancash")
    data = admin_form_data(editor_client.get(url))
    add_row("aliases", name="Sport Áncash de Huaraz", source=gazette.pk)(data)
    saved(editor_client, url, data)
    alias = TeamAlias.objects.get(source=gazette)
    assert (alias.team.name, alias.search_name, alias.source) == ("Sport Ancash", "sport ancash de huaraz", gazette)
    comment = Version.objects.get_for_object(alias.team).order_by("-pk")[0].revision.get_comment()
    assert "Added other name “Sport Áncash de Huaraz (Sport Ancash)”." in comment


def test_an_other_name_that_is_another_teams_name_is_refused(editor_client, admin_form_data):
    shipped = TeamAlias.objects.count()
    url = team_url("Sport Ancash")
    data = admin_form_data(editor_client.get(url))
    add_row("aliases", name="c.n.i.", source="")(data)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert has(response, "c.n.i. is the name of another team, CNI.")
    assert TeamAlias.objects.count() == shipped
    assert not TeamAlias.objects.filter(team__name="Sport Ancash").exists()


def test_an_other_name_written_twice_or_already_anothers_is_refused(editor_client, admin_form_data):
    shipped = TeamAlias.objects.count()
    TeamAlias.objects.create(team=Team.objects.get(name="CNI"), name="Colegio Nacional Iquitos")
    url = team_url("Sport Ancash")
    data = admin_form_data(editor_client.get(url))
    add_row("aliases", name="Ancash Sport", source="")(data)
    add_row("aliases", name="ANCASH SPORT", source="")(data)
    add_row("aliases", name="Colegio Nacional Iquitos", source="")(data)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert has(response, "ANCASH SPORT is written twice here.")
    assert has(response, "Colegio Nacional Iquitos is already another name of CNI.")
    assert TeamAlias.objects.count() == shipped + 1
    assert not TeamAlias.objects.filter(team__name="Sport Ancash").exists()


def test_a_team_cannot_take_another_teams_other_name(editor_client, admin_form_data):
    TeamAlias.objects.create(team=Team.objects.get(name="CNI"), name="Colegio Nacional Iquitos")
    url = team_url("Sport Ancash")
    data = admin_form_data(editor_client.get(url))
    data["name"] = "Colegio Nacional Iquitos"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name"] == [
        "Colegio Nacional Iquitos is another name of CNI: use that team, or tell the two apart."
    ]
    assert Team.objects.filter(name="Sport Ancash").exists()


# What a season's delete would remove


def test_a_seasons_delete_page_lists_its_citations_and_versions(client, gazette):
    season = Season.objects.get(year=2008)
    shipped = (season.citations.count(), season.fact_versions.count())
    Citation.objects.create(source=gazette, season=season, order=next_source_number(season))
    version = FactVersion.objects.create(season=season, fact="runner_up", name="Sport Ancash")
    version.sources.add(gazette)
    client.force_login(User.objects.create_superuser("jefa", password="x"))
    text = body(client.get(f"/admin/tournaments/season/{season.pk}/delete/"))
    assert f"Citations: {shipped[0] + 1}" in text
    assert f"Versions of disputed facts: {shipped[1] + 1}" in text
    assert "2008 Runner-up: Sport Ancash" in text


def test_a_citation_removed_on_the_season_page_comes_back_from_history(editor_client, admin_form_data, gazette):
    season = Season.objects.get(year=2008)
    number = next_source_number(season)
    citation = Citation.objects.create(source=gazette, season=season, order=number)
    shipped = Citation.objects.count() - 1
    url = season_url()
    data = admin_form_data(editor_client.get(url))
    row = next(
        key
        for key, value in data.items()
        if key.startswith("citations-") and key.endswith("-id") and str(value) == str(citation.pk)
    )
    data[row.replace("-id", "-DELETE")] = "on"
    saved(editor_client, url, data)
    assert not Citation.objects.filter(source=gazette).exists()
    assert Citation.objects.count() == shipped
    versions = Version.objects.get_for_object(season).order_by("pk")
    assert "Deleted citation “Test Gazette: 2008 Copa Perú → Copa Perú 2008”." in versions.last().revision.get_comment()

    before = versions.first()  # "As it was before the first change in the admin", with its citations
    revert_url = f"/admin/tournaments/season/{season.pk}/history/{before.pk}/"
    response = editor_client.post(revert_url, admin_form_data(editor_client.get(revert_url)))
    assert response.status_code == 302
    assert [(citation.source, citation.order) for citation in Citation.objects.filter(source=gazette)] == [
        (gazette, number)
    ]
    assert Citation.objects.count() == shipped + 1


def test_an_other_name_the_importer_would_refuse_is_refused_here_too(editor_client, admin_form_data):
    """The admin applies the importer's rules, so an other name saved here survives export and re-import: not the
    club's own name, no "=" (the article format's separator), no look-alike letters of another script."""
    url, stored = team_url("Sport Ancash"), TeamAlias.objects.count()
    data = admin_form_data(editor_client.get(url))
    add_row("aliases", name="SPORT ÁNCASH", source="")(data)
    add_row("aliases", name="Ancash = Huaraz", source="")(data)
    add_row("aliases", name="Sport Аncash de Huaraz", source="")(data)  # a Cyrillic А
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert has(response, "'SPORT ÁNCASH' is the team's own name, not another name.")
    assert has(response, "An other name cannot hold “=”: articles write other names as “- Other name = Team”.")
    assert has(response, "(U+0410 CYRILLIC CAPITAL LETTER A), which is not a Latin letter")
    assert TeamAlias.objects.count() == stored


def test_a_team_name_mixing_latin_with_look_alike_letters_is_refused_but_accents_are_not(
    editor_client, admin_form_data
):
    url = team_url("Sport Ancash")
    data = admin_form_data(editor_client.get(url))
    data["name"] = "Sport Аncash"  # a Cyrillic А
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "which is not a Latin letter" in response.context["adminform"].form.errors["name"][0]
    data["name"] = "Sport Áncash Ñuñoa Müller"
    assert editor_client.post(url, data).status_code == 302
    assert Team.objects.filter(name="Sport Áncash Ñuñoa Müller").exists()
