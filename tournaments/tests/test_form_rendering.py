"""The editors' form renderer writes exactly what Django's widget templates write, character for character.

EditorFormRenderer (tournaments/form_rendering.py) replaces the templates that a season page's qualifier rows
repeat hundreds of times; these tests render the same widgets through it and through Django's own renderer.
"""

import itertools
from datetime import date

import pytest
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminIntegerFieldWidget, AdminTextInputWidget, RelatedFieldWidgetWrapper
from django.forms.renderers import DjangoTemplates
from django.utils import translation

from tournaments import models
from tournaments.form_rendering import EditorFormRenderer
from tournaments.forms import CalendarDateInput, KnownObjectAutocomplete

DJANGO, EDITORS = DjangoTemplates(), EditorFormRenderer()


def both(widget, name, value, attrs=None):
    return widget.render(name, value, attrs, renderer=EDITORS), widget.render(name, value, attrs, renderer=DJANGO)


@pytest.mark.parametrize(
    ("widget", "value"),
    [
        (AdminTextInputWidget(attrs={"maxlength": 100, "aria-describedby": "x_helptext"}), 'El "Tambo" <Junín> & co'),
        (AdminTextInputWidget(), None),
        (AdminIntegerFieldWidget(attrs={"min": 0}), 3),
        (forms.HiddenInput(), 235),
        (forms.HiddenInput(), None),
        (forms.CheckboxInput(), True),
        (forms.CheckboxInput(), False),
        (forms.CheckboxInput(attrs={"disabled": False, "required": True}), ""),
        (CalendarDateInput(), "2008-12-07"),
        (forms.EmailInput(), "editor@example.org"),
        (forms.URLInput(), "https://example.org/?a=1&b=2"),
        (forms.PasswordInput(render_value=True), "s3cr<t"),
        (forms.Select(choices=[("", "---------"), (1, "Lima & <Callao>"), (2, "Cusco")]), 1),
        (forms.Select(choices=[("Sierra", [(1, "Cusco"), (2, "Puno")]), ("Costa", [(3, "Lima")]), (4, "Loreto")]), 2),
        (forms.Select(choices=[(1, 12500), (2, date(2008, 12, 7)), (3, 2.5)]), 2),
        (forms.SelectMultiple(choices=[(1, "Cusco"), (2, "Puno")]), [1, 2]),
    ],
)
def test_inputs_and_selects_are_written_as_the_templates_write_them(widget, value):
    ours, django = both(widget, "qualifiers-0-field", value, {"id": "id_qualifiers-0-field"})
    assert ours == django


@pytest.mark.django_db
def test_an_autocomplete_box_naming_its_team_is_written_as_the_template_writes_it():
    team = models.Team.objects.create(name="Sport Águila <1>", slug="sport-aguila")
    field = models.Qualifier._meta.get_field("team")
    widget = KnownObjectAutocomplete(field, admin.site)
    widget.choices = forms.ModelChoiceField(models.Team.objects.all()).choices
    widget.known_objects = {str(team.pk): team}
    ours, django = both(widget, "qualifiers-0-team", team.pk, {"id": "id_qualifiers-0-team"})
    assert f'<option value="{team.pk}" selected>Sport Águila &lt;1&gt;</option>' in ours
    assert ours == django


@pytest.mark.django_db
@pytest.mark.parametrize("flags", list(itertools.product([False, True], repeat=4)))
def test_the_related_object_links_are_written_as_the_template_writes_them(flags):
    add, change, delete, view = flags
    field = models.Qualifier._meta.get_field("team")  # PROTECT: Django keeps the delete link
    inner = forms.Select(choices=[("", "---------"), (1, "Cusco")])
    wrapper = RelatedFieldWidgetWrapper(inner, field.remote_field, admin.site, add, change, delete, view)
    ours, django = both(wrapper, "qualifiers-0-team", 1, {"id": "id_qualifiers-0-team"})
    assert ours == django


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_links_titles_use_the_admins_translations(language):
    field = models.Qualifier._meta.get_field("department")
    wrapper = RelatedFieldWidgetWrapper(forms.Select(), field.remote_field, admin.site, True, True, True, True)
    with translation.override(language):
        ours, django = both(wrapper, "department", None)
    assert ours == django
    assert ('title="Añadir otro ' in ours) == (language == "es")


@pytest.mark.django_db
def test_a_hidden_box_in_the_wrapper_has_no_links_as_in_the_template():
    field = models.Qualifier._meta.get_field("team")
    wrapper = RelatedFieldWidgetWrapper(forms.HiddenInput(), field.remote_field, admin.site, True, True, True, True)
    assert both(wrapper, "team", 1)[0] == both(wrapper, "team", 1)[1]
