"""Every field label of the archive's admin forms is in Spanish for an editor who prefers Spanish: each add and change
form of every model the admin registers, inlines included, is read in both languages and no label may be the same
in both (a field without a translated verbose_name shows its English name, "Home team", in the Spanish admin) unless
the word is the same in Spanish."""

import re
from html import unescape

import pytest
from django.contrib import admin

pytestmark = pytest.mark.usefixtures("shipped_seasons")

# Labels that are the same word in both languages.
SAME_IN_SPANISH = {"URL", "Slug", "Final"}

# <label for="id_home_team">Home team:</label>, and a tabular inline's column heading <th class="column-team ...">.
LABEL = re.compile(r'<label[^>]*\bfor="id_([\w-]+)"[^>]*>(.*?)</label>', re.S)
COLUMN = re.compile(r'<th class="column-([\w-]+)[^"]*"[^>]*>(.*?)</th>', re.S)


def labels(html):
    """{field id: label text} of an admin form page (inline row numbers folded: notes-0-kind -> notes-kind)."""
    found = {}
    for pattern in (LABEL, COLUMN):
        for field_id, label in pattern.findall(html):
            words = " ".join(unescape(re.sub(r"<[^>]+>", " ", label)).split()).rstrip(":")
            found[re.sub(r"-(\d+|__prefix__)-", "-", field_id)] = words
    return found


def form_addresses():
    """The add form and one change form of every model of the app that the admin registers."""
    for model in admin.site._registry:
        if model._meta.app_label != "tournaments":
            continue
        base = f"/admin/tournaments/{model._meta.model_name}/"
        yield f"{base}add/"
        first = model.objects.order_by("pk").first()
        if first is not None:
            yield f"{base}{first.pk}/change/"


def test_every_field_label_of_every_admin_form_is_in_spanish(editor_client):
    untranslated = []
    addresses = list(form_addresses())
    assert len(addresses) > 20
    for address in addresses:
        english = editor_client.get(address, HTTP_ACCEPT_LANGUAGE="en")
        spanish = editor_client.get(address, HTTP_ACCEPT_LANGUAGE="es-PE,es;q=0.9")
        if english.status_code == 403:  # a form the editors may not open (deleting is not reached here)
            continue
        assert english.status_code == spanish.status_code == 200, address
        assert '<html lang="es"' in spanish.content.decode()
        english_labels, spanish_labels = labels(english.content.decode()), labels(spanish.content.decode())
        assert english_labels, f"{address}: no labels found"
        for field_id, english_label in english_labels.items():
            same = spanish_labels.get(field_id) == english_label
            if same and english_label and english_label not in SAME_IN_SPANISH:
                untranslated.append(f"{address} {field_id}: {english_label!r}")
    assert not untranslated, "English labels in the Spanish admin:\n" + "\n".join(sorted(set(untranslated)))
