"""A guard for a Django admin bug that hostile input reaches: a 500 from the autocomplete widget.

An admin add page takes initial values from its query string (`/admin/tournaments/qualifier/add/?department=3`).
Django's AutocompleteSelect then looks the values up with `pk__in=[...]` without checking them, so
`?department=abc` raises ValueError (a 30-digit number, OverflowError) and the editor gets a server error instead
of an empty field. The URL fuzz test found it. `install()` (called from the app's ready()) makes the widget
ignore values that are not valid keys, for every admin with autocomplete_fields, whoever writes it; remove it once
Django checks the values itself.
"""

from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError

_original_optgroups = AutocompleteMixin.optgroups


def _valid_keys(widget, values):
    remote = widget.field.remote_field
    target = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
    valid = []
    for value in values:
        try:
            # The validators include the database's integer range: 10**30 is not a key either.
            target.run_validators(target.to_python(value))
        except (ValidationError, TypeError, ValueError):
            continue
        valid.append(value)
    return valid


def _optgroups(self, name, value, attr=None):
    return _original_optgroups(self, name, _valid_keys(self, value), attr)


def install():
    AutocompleteMixin.optgroups = _optgroups
