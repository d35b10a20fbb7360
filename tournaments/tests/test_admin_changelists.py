"""The editors' lists: accent-insensitive search, filters, quick score entry, batch actions, view on site."""

import pytest
from django.contrib import admin
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import include, path

from tournaments.models import Group, KnockoutRound, Match, MatchStatus, Qualifier, Season, Team, Tie

pytestmark = pytest.mark.usefixtures("shipped_seasons")


def _public_page(request, **kwargs):
    return HttpResponse()


# The public pages are built on another branch; these stand in for them so "View on site" can be followed here.
urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "",
        include(
            (
                [
                    path("seasons/<int:year>/", _public_page, name="season-detail"),
                    path("seasons/<int:year>/national/", _public_page, name="season-national"),
                    path("seasons/<int:year>/departmental/", _public_page, name="season-departmental"),
                    path("seasons/<int:year>/regional/<str:numeral>/", _public_page, name="region-detail"),
                ],
                "tournaments",
            )
        ),
    ),
]


def listed(response):
    return [str(obj) for obj in response.context["cl"].result_list]


def test_match_search_ignores_accents_and_dots(editor_client):
    assert listed(editor_client.get("/admin/tournaments/match/?q=union huaral")) == [
        "Unión Huaral v Íntimo Cable Visión"
    ]
    assert listed(editor_client.get("/admin/tournaments/match/?q=intimo")) == ["Unión Huaral v Íntimo Cable Visión"]
    assert listed(editor_client.get("/admin/tournaments/match/?q=imi")) == ["I.M.I. v Coronel Bolognesi"]


def test_team_autocomplete_finds_a_team_typed_without_accents(editor_client):
    response = editor_client.get(
        "/admin/autocomplete/",
        {"term": "oscar benavides", "app_label": "tournaments", "model_name": "match", "field_name": "home_team"},
    )
    assert [result["text"] for result in response.json()["results"]] == ["Óscar Benavides"]


def test_qualifiers_filter_by_season_and_region_and_search_by_team(editor_client):
    season = Season.objects.get(year=2008)
    response = editor_client.get(f"/admin/tournaments/qualifier/?season__id__exact={season.pk}&region=4")
    teams = sorted(qualifier.team.name for qualifier in response.context["cl"].result_list)
    assert teams == sorted(
        Qualifier.objects.filter(season=season, department__name__in=["Lima", "Callao"]).values_list(
            "team__name", flat=True
        )
    )
    assert len(teams) == 8
    found = editor_client.get("/admin/tournaments/qualifier/?q=cable vision").context["cl"].result_list
    assert [qualifier.team.name for qualifier in found] == ["Íntimo Cable Visión"]


def test_matches_filter_by_stage_region_and_status(editor_client):
    national = listed(editor_client.get("/admin/tournaments/match/?stage=national&season__id__exact=1"))
    assert len(national) == 6 and all("Cable" not in row for row in national)
    region_iv = Match.objects.get(home_team__name="Unión Huaral").region
    assert listed(editor_client.get(f"/admin/tournaments/match/?region__id__exact={region_iv.pk}")) == [
        "Unión Huaral v Íntimo Cable Visión"
    ]
    assert listed(editor_client.get("/admin/tournaments/match/?status__exact=not_played")) == ["Senati v Peñarol"]


def test_the_match_list_costs_the_same_queries_for_many_matches(editor_client):
    def queries_for_the_list():
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get("/admin/tournaments/match/").status_code == 200
        # Savepoints come from the audit trail's transaction, not from reading rows.
        return [query["sql"] for query in captured.captured_queries if "SAVEPOINT" not in query["sql"]]

    # Session, user, two permission reads, season and region filters, two counts, the page of matches.
    assert len(queries_for_the_list()) == 9
    season = Season.objects.get(year=2008)
    teams = list(Team.objects.all()[:20])
    for index in range(0, 20, 2):
        Match.objects.create(season=season, home_team=teams[index], away_team=teams[index + 1])
    assert len(queries_for_the_list()) == 9


def test_quick_score_entry_on_the_match_list(editor_client):
    url = "/admin/tournaments/match/?q=huancayo cni"
    response = editor_client.get(url)
    formset = response.context["cl"].formset
    assert [form.instance.pk for form in formset.forms] == [
        Match.objects.get(home_team__name="Sport Huancayo", away_team__name="CNI").pk
    ]
    data = {"_save": "Save"}
    for form in [formset.management_form, *formset.forms]:
        for bound in form:
            data[bound.html_name] = "" if bound.value() is None else bound.value()
    data.update({"form-0-home_score": 3, "form-0-away_score": 1})
    response = editor_client.post(url, data, follow=True)
    assert "1 match was changed successfully." in response.content.decode()
    match = Match.objects.get(home_team__name="Sport Huancayo", away_team__name="CNI")
    assert (match.home_score, match.away_score, match.version) == (3, 1, 2)


def test_marking_matches_not_played_keeps_recorded_scores(editor_client):
    played = list(Match.objects.filter(season__year=2008, group__name="Final group stage")[:2])
    unknown = Match.objects.create(
        season=Season.objects.get(year=2008),
        group=Group.objects.get(name="Final group stage"),
        home_team=Team.objects.get(name="CNI"),
        away_team=Team.objects.get(name="Cobresol"),
    )
    response = editor_client.post(
        "/admin/tournaments/match/",
        {"action": "mark_not_played", "_selected_action": [unknown.pk, *(match.pk for match in played)]},
        follow=True,
    )
    body = response.content.decode()
    assert "1 match marked as not played." in body
    assert "2 matches have a score and were left as they are: clear their scores first." in body
    unknown.refresh_from_db()
    assert unknown.status == MatchStatus.NOT_PLAYED
    assert all(
        match.status == MatchStatus.PLAYED and match.score_known
        for match in Match.objects.filter(pk__in=[m.pk for m in played])
    )


def test_marking_rounds_as_results_not_recorded_counts_in_the_plural(editor_client):
    rounds = KnockoutRound.objects.filter(season__year=1998, stage="national")
    KnockoutRound.objects.filter(pk__in=rounds).update(results_recorded=True)
    response = editor_client.post(
        "/admin/tournaments/knockoutround/",
        {"action": "mark_results_not_recorded", "_selected_action": [r.pk for r in rounds]},
        follow=True,
    )
    assert "3 knockout rounds marked as results not recorded." in response.content.decode()
    assert not KnockoutRound.objects.filter(pk__in=rounds, results_recorded=True).exists()


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    "target, url",
    [
        (lambda: Group.objects.get(name="Final group stage"), "/seasons/2008/national/#final-group-stage"),
        (
            lambda: Match.objects.get(home_team__name="Sport Huancayo", away_team__name="CNI"),
            "/seasons/2008/national/#match-{pk}",
        ),
        (lambda: Tie.objects.get(round__season__year=2008), "/seasons/2008/regional/iv/#tie-{pk}"),
        (lambda: Qualifier.objects.get(team__name="CNI", season__year=2008), "/seasons/2008/departmental/#qualifiers"),
        (lambda: KnockoutRound.objects.get(name="Tiebreakers"), "/seasons/2008/regional/v/#group-a-tiebreakers"),
    ],
)
def test_view_on_site_opens_the_public_page_at_the_table(editor_client, target, url):
    obj = target()
    opts = obj._meta
    page = editor_client.get(f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/").content.decode()
    link = page.split('class="viewsitelink"')[0].rsplit('href="', 1)[1].split('"')[0]
    response = editor_client.get(link)
    assert response.status_code == 302
    assert response["Location"].removeprefix("http://testserver") == url.format(pk=obj.pk)
