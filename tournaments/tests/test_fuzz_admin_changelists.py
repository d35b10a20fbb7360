"""Every admin changelist's query parameters, with hostile values: never a 500, never a reflected script.

The parameters are read from each registered admin (its list filters' expected parameters, plus the changelist's
own: search, ordering, page, facets), so a filter added later is fuzzed too. A malformed value gives the list
(or Django's "?e=1" redirect to it), as `tests/test_fuzz_urls.py` requires of the public pages.
"""

import pytest
from django.contrib import admin
from django.contrib.admin.views.main import ALL_VAR, ORDER_VAR, PAGE_VAR, SEARCH_VAR
from django.contrib.auth.models import User
from django.test import RequestFactory

SCRIPT = "<script>alert('fz')</script>"
# Filter values: not a number, not an integer, a quote, out of range, NUL, markup, a list, a bidi control.
HOSTILE = ["abc", "1.5", "'", "9" * 30, "\x00", SCRIPT, "1,2", "\u202e1"]
# The changelist's own parameters (also fuzzed, more broadly, by test_fuzz_urls.py).
CHANGELIST_PARAMETERS = [SEARCH_VAR, ORDER_VAR, PAGE_VAR, ALL_VAR, "_facets", "e"]


def registered_admins():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.fixture
def chief(db):
    return User.objects.create_superuser("chief", password="a long chief password")


def filter_parameters(model_admin, user):
    """The query parameters every list filter of this admin reads, as Django's changelist builds them."""
    request = RequestFactory().get("/")
    request.user = user
    changelist = model_admin.get_changelist_instance(request)
    return sorted({parameter for spec in changelist.filter_specs for parameter in spec.expected_parameters()})


def assert_safe(response, url):
    assert response.status_code < 500, url
    if response.status_code == 302:
        assert "e=1" in response["Location"], url
    assert SCRIPT not in response.content.decode(errors="replace"), url


@pytest.mark.usefixtures("shipped_seasons")
@pytest.mark.parametrize(
    ("model", "model_admin"), registered_admins(), ids=[m._meta.label for m, _ in registered_admins()]
)
def test_every_changelist_parameter_survives_hostile_values(client, chief, model, model_admin):
    client.force_login(chief)
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    parameters = filter_parameters(model_admin, chief)
    for parameter in parameters:
        for value in HOSTILE:
            assert_safe(client.get(url, {parameter: value}), f"{url}?{parameter}={value!r}")
    for parameter in CHANGELIST_PARAMETERS:
        for value in ("abc", SCRIPT):
            assert_safe(client.get(url, {parameter: value}), f"{url}?{parameter}={value!r}")
    # Every filter at once with facets shown, as a crafted link would send them.
    assert_safe(client.get(url, {"_facets": "1", **{parameter: "abc" for parameter in parameters}}), url)


@pytest.mark.usefixtures("shipped_seasons")
@pytest.mark.parametrize("model_name", ["group", "knockoutround", "match", "note", "pointsadjustment"])
@pytest.mark.parametrize("value", ["abc", "1.5", "'"])
def test_a_malformed_region_sends_the_editor_to_the_whole_list_with_a_notice(client, chief, model_name, value):
    client.force_login(chief)
    url = f"/admin/tournaments/{model_name}/"
    response = client.get(url, {"region__id__exact": value}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain and response.redirect_chain[-1][0].endswith("?e=1")


@pytest.mark.usefixtures("shipped_seasons")
def test_a_valid_region_still_filters(client, chief):
    from tournaments.models import Group, Region

    client.force_login(chief)
    region = Region.objects.filter(groups__isnull=False).first()
    page = client.get("/admin/tournaments/group/", {"region__id__exact": region.pk})
    assert page.status_code == 200
    shown = list(page.context["cl"].result_list)
    assert shown and set(shown) == set(Group.objects.filter(region=region))
