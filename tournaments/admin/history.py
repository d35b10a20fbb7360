"""What History says about a save: each changed field with its old and new value, as an editor reads it.

Django's own change message lists field names only ("Changed Home score."). These sentences name the values
("Home score: 1 → 2.") for the form and every inline row, and are what django-reversion keeps as the
revision's comment, so History shows them beside who saved and when.
"""

import datetime

from django import forms
from django.db import models
from django.utils.choices import flatten_choices
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ..models.validation import long_date


def shown(field, value):
    """A value as the form showed it: a team's name, a status's label, "9 December 2008", "empty", or several
    sources' names, in alphabetical order."""
    if value is None or value == "" or value == []:
        return _("empty")
    if isinstance(field, forms.ModelMultipleChoiceField):
        # The form's initial value is a list of objects; what it cleaned, a queryset.
        return ", ".join(sorted(str(obj) for obj in value))
    if isinstance(field, forms.ModelChoiceField):
        if not isinstance(value, models.Model):
            value = field.queryset.model._base_manager.filter(pk=value).first() or value
        return str(value)
    if isinstance(field, forms.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(field, forms.ChoiceField):
        labels = {str(key): label for key, label in flatten_choices(field.choices)}
        return str(labels.get(str(value), value))
    if isinstance(value, datetime.date):
        return long_date(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


def field_changes(form):
    """["Home score: 1 → 2", ...] for each field the editor changed on this form (hidden bookkeeping left out)."""
    changes = []
    for name in form.changed_data:
        field = form.fields[name]
        if field.widget.is_hidden:
            continue
        label = field.label or name.replace("_", " ").capitalize()
        old, new = shown(field, form.initial.get(name)), shown(field, form.cleaned_data.get(name))
        changes.append(_("%(field)s: %(old)s → %(new)s") % {"field": label, "old": old, "new": new})
    return changes


def change_list(changes):
    """The changes of one form as the History comment lists them: "Home score: 1 → 2; Date: … → …"."""
    return pgettext("separator between the changes of a History comment", "; ").join(changes)


def change_message(form, formsets, add):
    """The sentences for one admin save: the object's own changes, then each inline row added, changed or deleted."""
    sentences = [_("Added.")] if add else []
    if not add and (changes := field_changes(form)):
        # Translators: the History comment's sentence of the object's own changes, "Home score: 1 → 2; Date: … → …."
        sentences.append(_("%(changes)s.") % {"changes": change_list(changes)})
    for formset in formsets or []:
        name = formset.model._meta.verbose_name
        for obj in formset.new_objects:
            sentences.append(_("Added %(name)s “%(object)s”.") % {"name": name, "object": obj})
        deleted = {obj.pk for obj in formset.deleted_objects}
        for row in formset.initial_forms:
            if row.instance.pk in deleted or not row.has_changed() or not (changes := field_changes(row)):
                continue
            sentences.append(
                _("%(name)s “%(object)s”: %(changes)s.")
                % {"name": name.capitalize(), "object": row.instance, "changes": change_list(changes)}
            )
        for obj in formset.deleted_objects:
            sentences.append(_("Deleted %(name)s “%(object)s”.") % {"name": name, "object": obj})
    return " ".join(sentences) or _("No fields changed.")
