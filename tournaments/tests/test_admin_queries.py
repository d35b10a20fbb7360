"""Every admin page an editor uses costs at most 25 queries, on the shipped archive and on a grown one.

Before: a season's change page made a query per qualifier row (its season) and two per row's autocomplete boxes
(168 queries at 60 seasons), a group's page 82. The render times are measured by bench/admin_bench.py.
"""

from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from tournaments import models

MAX_QUERIES = 25


def editor_pages(year):
    """(name, url) of every page an editor uses, on the fullest group, round, region and tie of that season."""
    season = models.Season.objects.get(year=year)
    group = models.Group.objects.filter(season=season).annotate(n=Count("matches")).order_by("-n", "pk")[0]
    knockout = models.KnockoutRound.objects.filter(season=season).annotate(n=Count("ties")).order_by("-n", "pk")[0]
    region = models.Region.objects.filter(season=season).annotate(n=Count("memberships")).order_by("-n", "pk")[0]
    objects = {
        "season": season,
        "region": region,
        "group": group,
        "knockoutround": knockout,
        "tie": knockout.ties.order_by("pk")[0],
        "match": group.matches.order_by("pk")[0],
        "note": models.Note.objects.filter(season=season).order_by("-match", "-tie", "pk")[0],
        "qualifier": season.qualifiers.order_by("pk")[0],
        "team": group.teams.order_by("pk")[0],
    }
    pages = []
    for name, obj in objects.items():
        pages.append((f"{name} list", reverse(f"admin:tournaments_{name}_changelist")))
        pages.append((name, reverse(f"admin:tournaments_{name}_change", args=[obj.pk])))
    pages.append(("group results grid", reverse("admin:tournaments_group_results", args=[group.pk])))
    pages.append(("round results grid", reverse("admin:tournaments_knockoutround_results", args=[knockout.pk])))
    return pages


def query_counts(client, pages, django_assert_max_num_queries):
    counts = {}
    for name, url in pages:
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(captured)
    return counts


def test_editors_pages_cost_a_fixed_number_of_queries_however_large_the_archive(
    shipped_seasons, editor_client, django_assert_max_num_queries
):
    small = query_counts(editor_client, editor_pages(2008), django_assert_max_num_queries)
    call_command("generate_history", "--seasons", "3", verbosity=0)
    grown = query_counts(editor_client, editor_pages(1960), django_assert_max_num_queries)
    # A synthetic season has 25 qualifiers, 16 regional groups and full results: far more rows than 2008's pages.
    assert {name: count for name, count in grown.items() if count > small[name] + 1} == {}


def test_autocomplete_boxes_still_name_their_team_without_the_query(shipped_seasons, editor_client):
    season = models.Season.objects.get(year=2008)
    body = editor_client.get(reverse("admin:tournaments_season_change", args=[season.pk])).content.decode()
    for qualifier in season.qualifiers.select_related("team", "department"):
        assert f'<option value="{qualifier.team_id}" selected>{qualifier.team.name}</option>' in body.replace(
            "&#x27;", "'"
        )


def test_a_season_with_55_qualifiers_shows_every_qualifier_row_with_its_boxes(shipped_seasons, editor_client):
    """The page bench/admin_bench.py times (editors' widgets written by EditorFormRenderer): each row still has
    its department and team named in their autocomplete boxes with the "+" to add one, its location and order."""
    season = models.Season.objects.create(year=1966)  # before the shipped roll of champions (1967-2025)
    departments = list(models.Department.objects.order_by("name"))
    for number in range(55):
        team = models.Team.objects.create(name=f"Deportivo Número {number} & Cía", slug=f"deportivo-{number}")
        department = departments[number % len(departments)]
        models.Qualifier.objects.create(
            season=season, department=department, team=team, location=f"Pueblo {number}", order=number
        )
    body = editor_client.get(reverse("admin:tournaments_season_change", args=[season.pk])).content.decode()
    rows = season.qualifiers.select_related("team", "department").order_by("department__name", "order")
    assert len(rows) == 55
    for index, qualifier in enumerate(rows):
        prefix = f"qualifiers-{index}"
        assert f'<option value="{qualifier.department_id}" selected>{qualifier.department.name}</option>' in body
        assert (
            f'<option value="{qualifier.team_id}" selected>{qualifier.team.name.replace("&", "&amp;")}</option>' in body
        )
        assert f'name="{prefix}-location" value="Pueblo {qualifier.order}"' in body
        assert f'name="{prefix}-order" value="{qualifier.order}"' in body
        assert f'<input type="hidden" name="{prefix}-id" value="{qualifier.pk}" id="id_{prefix}-id">' in body
        for box in ("department", "team"):
            assert f'id="add_id_{prefix}-{box}"' in body
    assert 'name="qualifiers-TOTAL_FORMS" value="55"' in body


def test_sources_citations_versions_and_other_names_cost_no_query_per_row(
    shipped_seasons, editor_client, django_assert_max_num_queries
):
    """The season page's citation and version inlines, a team's other names and the source and citation lists name
    each row's source without a query of their own (a version's several sources included)."""
    season = models.Season.objects.get(year=2008)
    region = season.regions.order_by("pk")[0]
    pages = [
        ("season", reverse("admin:tournaments_season_change", args=[season.pk])),
        ("team", reverse("admin:tournaments_team_change", args=[season.champion_id])),
        ("region", reverse("admin:tournaments_region_change", args=[region.pk])),
        ("source list", reverse("admin:tournaments_source_changelist")),
        ("citation list", reverse("admin:tournaments_citation_changelist")),
    ]

    def add_rows(first, last):
        for number in range(first, last):
            source = models.Source.objects.create(publisher=f"Publisher {number}", title="Copa Perú")
            models.Citation.objects.create(source=source, season=season, order=number)
            models.Citation.objects.create(source=source, season=season, fact="champion", order=number)
            models.Citation.objects.create(source=source, season=season, region=region, order=number)
            models.Citation.objects.create(source=source, season=season, stage=season.stages.first(), order=number)
            models.TeamAlias.objects.create(team=season.champion, name=f"Alias {number}", source=source)
            version = models.FactVersion.objects.create(season=season, fact="champion", name=f"Version {number}")
            version.sources.add(*models.Source.objects.all()[:3])

    add_rows(0, 1)
    query_counts(editor_client, pages, django_assert_max_num_queries)  # what the first request caches
    one = query_counts(editor_client, pages, django_assert_max_num_queries)
    add_rows(1, 12)
    many = query_counts(editor_client, pages, django_assert_max_num_queries)
    assert many == one
