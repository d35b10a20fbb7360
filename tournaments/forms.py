"""The editors' admin forms: every mistake becomes a sentence on the form, never a 500.

The rules themselves live in the models' ``clean()`` (see ``models/validation.py``); these forms make sure the
admin shows them, together with every database constraint's message, even for fields a form does not show.
"""

from contextvars import ContextVar

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MinValueValidator
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .form_rendering import editor_form_renderer
from .models import Group, Match, Season, Source, Tie
from .models.competition import StaleMatchError, validate_tiebreaker_codes
from .models.validation import leg_order_error
from .presentation.results import tiebreaker_choices
from .rules.standings import TIEBREAKERS
from .text import fold

SCORE_FIELDS = ("home_score", "away_score", "home_penalties", "away_penalties")

# Set while an editor restores a version from History. Restoring is a deliberate choice of the whole old state
# (and the state it replaces stays in History), and django-reversion's preview shows the old version number, so
# the stale-edit check does not apply to it.
restoring_a_version = ContextVar("restoring_a_version", default=False)


class CalendarDateInput(forms.DateInput):
    """A calendar date in the browser's own date picker (``<input type="date">``).

    Django's AdminDateWidget loads DateTimeShortcuts.js, which puts "You are N hours ahead of server time" under
    every date box whenever the editor's clock is in another time zone than TIME_ZONE. A match is played on a day,
    not at an instant, so that warning means nothing here; the native picker has no such script.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class KnownObjectAutocomplete(AutocompleteSelect):
    """An autocomplete box that names its selected object without a query when the form already holds it.

    Django's AutocompleteSelect looks its selected value up with one query per box, so a season page with 60
    qualifiers (team and department each) cost 120 queries. EditorModelForm hands each box the related object its
    instance already carries (the admins' querysets select_related them) as ``known_objects``.
    """

    known_objects = None

    def render(self, name, value, attrs=None, renderer=None):
        # The admin's related-object wrapper renders its box without passing on the form's renderer.
        return super().render(name, value, attrs, renderer or editor_form_renderer)

    def optgroups(self, name, value, attr=None):
        known = self.known_objects or {}
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if not selected or not selected <= known.keys():
            return super().optgroups(name, value, attr)
        blank = not (self.is_required or self.allow_multiple_selected)
        options = [self.create_option(name, "", "", False, 0)] if blank else []
        # In the order the objects were loaded (the model's ordering), as Django's own query lists them.
        for key, obj in known.items():
            if key in selected:
                label = self.choices.field.label_from_instance(obj)
                options.append(self.create_option(name, obj.pk, label, True, len(options)))
        return [(None, options, 0)]


class KnownObjectsAutocomplete(KnownObjectAutocomplete, AutocompleteSelectMultiple):
    """The same for a many-to-many box (a version's sources), given the objects its row prefetched."""


class EditorModelForm(forms.ModelForm):
    """A ModelForm that shows every model error and every constraint's message on the form.

    Its widgets are written by EditorFormRenderer: the same HTML as Django's templates, at a fraction of the cost
    on pages that repeat a row's boxes dozens of times (a season's qualifiers).
    """

    default_renderer = editor_form_renderer

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._hand_known_objects_to_autocompletes()
        for name in SCORE_FIELDS:
            if name in self.fields:
                field = self.fields[name]
                field.validators = [v for v in field.validators if not isinstance(v, MinValueValidator)]
                field.validators.append(MinValueValidator(0, message=_("A score cannot be negative.")))
                field.widget.attrs["min"] = 0

    def _hand_known_objects_to_autocompletes(self):
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the admin's related-object wrapper
            if not isinstance(widget, KnownObjectAutocomplete) or self.instance is None:
                continue
            model_field = self.instance._meta.get_field(name)
            if model_field.many_to_many:
                prefetched = getattr(self.instance, "_prefetched_objects_cache", {})
                if name in prefetched:
                    widget.known_objects = {str(obj.pk): obj for obj in prefetched[name]}
            elif model_field.is_cached(self.instance) and (obj := getattr(self.instance, name)) is not None:
                widget.known_objects = {str(obj.pk): obj}

    def _update_errors(self, errors):
        # clean() may name a field this form does not show (a match's region in a group's inline); Django would
        # raise ValueError for it, so such messages go on top of the form instead.
        if hasattr(errors, "error_dict"):
            remapped = {}
            for field, messages in errors.error_dict.items():
                key = field if field in self.fields else NON_FIELD_ERRORS
                remapped.setdefault(key, []).extend(messages)
            errors = ValidationError(remapped)
        super()._update_errors(errors)

    def _post_clean(self):
        super()._post_clean()
        # The model form skips constraints on fields it does not show; the database would not, so check them all
        # (except those whose fields already carry an error) and show their messages rather than a 500.
        failed = {name for name in self.errors if name != NON_FIELD_ERRORS}
        try:
            self.instance.validate_constraints(exclude=failed)
        except ValidationError as error:
            shown = set(self.non_field_errors())
            for message in error.messages:
                if message not in shown:
                    self.add_error(None, message)
                    shown.add(message)


class MatchForm(EditorModelForm):
    """A match form that refuses to save over a colleague's newer edit (optimistic locking on Match.version)."""

    # Not called "version": Django refuses a model form field named after a non-editable model field.
    seen_version = forms.IntegerField(label=_("Version seen"), widget=forms.HiddenInput, required=False)
    # Where the "someone else changed it" message goes; the changelist only shows errors beside fields.
    stale_error_field = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None or restoring_a_version.get():
            return cleaned_data
        # Locked until the admin's transaction ends, so nobody can slip in between this check and the save.
        current = (
            Match.objects.select_for_update().filter(pk=self.instance.pk).values_list("version", flat=True).first()
        )
        if current is None or cleaned_data.get("seen_version") != current:
            self.add_error(self.stale_error_field, str(StaleMatchError.message))
        return cleaned_data


class ChangelistMatchForm(MatchForm):
    # Its score boxes are narrowed by static/css/admin-editors.css (the CSP blocks style attributes).
    stale_error_field = "status"


class TiebreakersWidget(forms.MultiWidget):
    """One select box per place in the order, so the rules read top to bottom as the regulations list them."""

    # In the app's templates: form widgets render with Django's form renderer, which does not read templates/.
    template_name = "tournaments/widgets/tiebreakers.html"

    def __init__(self, attrs=None):
        choices = [("", "—")] + tiebreaker_choices()
        super().__init__([forms.Select(choices=choices) for _ in TIEBREAKERS], attrs)

    def decompress(self, value):
        codes = list(value or [])
        return codes + [""] * (len(self.widgets) - len(codes))


class TiebreakersField(forms.MultiValueField):
    """The ordered tiebreaker codes; unknown or repeated codes get the engine's own message."""

    widget = TiebreakersWidget

    def __init__(self, **kwargs):
        # Plain text subfields: the registry, not the select's choices, decides what is valid and says why.
        fields = [forms.CharField(required=False) for _ in TIEBREAKERS]
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        codes = [code for code in data_list if code]
        validate_tiebreaker_codes(codes)
        return codes


class GroupForm(EditorModelForm):
    tiebreakers = TiebreakersField(
        label=_("Tiebreakers"),
        help_text=Group._meta.get_field("tiebreakers").help_text,
    )


class EditorInlineFormSet(BaseInlineFormSet):
    """An inline formset whose rows know their parent object, already loaded, instead of querying it per row."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # Django sets only the parent's id on each row; a row's __str__ (a qualifier's "(Lima, 2008)") would
        # otherwise fetch the same season once per row.
        if self.instance.pk is not None and getattr(form.instance, self.fk.attname) == self.instance.pk:
            setattr(form.instance, self.fk.name, self.instance)
        return form


class GroupTeamFormSet(EditorInlineFormSet):
    def clean(self):
        super().clean()
        # The match inline validates after this one: let it check teams against the list as it will be saved.
        kept = [
            form.cleaned_data["team"].pk
            for form in self.forms
            if form.cleaned_data.get("team") and not form.cleaned_data.get("DELETE")
        ]
        self.instance.pending_team_ids = set(kept)


class TieLegsFormSet(EditorInlineFormSet):
    def clean(self):
        super().clean()
        # Both legs may be edited at once, so compare the dates typed rather than the ones stored.
        dates = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", {})
            if data.get("leg") in (1, 2) and data.get("date") and not data.get("DELETE"):
                dates[data["leg"]] = (form, data["date"])
        if 1 in dates and 2 in dates and (message := leg_order_error(dates[1][1], dates[2][1])):
            form = dates[2][0]
            if message not in form.errors.get("date", []):
                form.add_error("date", message)


class NoteForm(EditorModelForm):
    """A note asks once what it concerns: the most specific thing chosen decides, and the wider ones follow from it.

    The pages hang a note beside its most specific target (match, tie, round, group, region, else the season) and
    find it through its season and region, so those are filled in from the target rather than typed again.
    """

    TARGETS = ("match", "tie", "knockout_round", "group", "region")

    class Meta:
        labels = {"knockout_round": _("Knockout round"), "style": _("Printed as"), "order": _("Place among notes")}
        help_texts = {
            "style": _('How the page prints it under its table: a bullet, or a paragraph that starts "Note:".'),
            "order": _("Its place among the notes beside the same table: 0 comes first."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "season" in self.fields:
            self.fields["season"].required = False

    def clean(self):
        cleaned_data = super().clean()
        target = next((name for name in self.TARGETS if cleaned_data.get(name)), None)
        wider = self._wider_than(target, cleaned_data[target]) if target else {}
        for name, value in wider.items():
            typed = cleaned_data.get(name)
            if typed and typed != value:
                self.add_error(
                    name,
                    _("%(target)s is not in %(typed)s: leave this empty, it is filled in from what you chose.")
                    % {"target": cleaned_data[target], "typed": typed},
                )
            elif name in self.fields:
                cleaned_data[name] = value
        if not cleaned_data.get("season") and "season" not in self.errors:
            self.add_error("season", _("Choose the season, or the region, group, round, tie or match in it."))
        return cleaned_data

    @staticmethod
    def _wider_than(target, obj):
        """What contains obj: {"season": ..., "region": ..., "group"/"knockout_round": ..., "tie": ...}."""
        if target == "match":
            parent = obj.tie.round if obj.tie_id else obj.group
            wider = {"tie": obj.tie, "group": obj.group, "knockout_round": obj.tie.round if obj.tie_id else None}
            return {**wider, "region": obj.region, "season": obj.season if parent is None else parent.season}
        if target == "tie":
            return {"knockout_round": obj.round, "region": obj.round.region, "season": obj.round.season}
        if target in ("group", "knockout_round"):
            return {"region": obj.region, "season": obj.season}
        return {"season": obj.season}


def constraint_message(model, name):
    """The sentence a model's constraint gives, for a form that says it beside the field the editor chose."""
    return next(c.violation_error_message for c in model._meta.constraints if c.name == name)


class SeasonForm(EditorModelForm):
    """A season whose champion box is refused, with the database constraint's sentence beside it, when its status
    says no champion was decided (not held, or held with no final)."""

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        if cleaned_data.get("champion") and status and status != Season.Status.FINAL:
            self.add_error("champion", constraint_message(Season, "season_champion_needs_final"))
        return cleaned_data


class SourceForm(EditorModelForm):
    """A source, refused when the same publication is already recorded with other accents, case or spacing (the
    exact copy is refused by the database's constraint, with its own sentence)."""

    class Meta:
        help_texts = {
            "licence_url": _("The licence's web address, e.g. https://creativecommons.org/licenses/by-sa/4.0/.")
        }

    def clean(self):
        cleaned_data = super().clean()
        publisher, title = cleaned_data.get("publisher"), cleaned_data.get("title")
        if not (publisher and title):
            return cleaned_data
        url = cleaned_data.get("url", "")
        same_address = Source.objects.filter(url=url).exclude(pk=self.instance.pk)
        key = (fold(publisher), fold(title))
        exact = any((s.publisher, s.title) == (publisher, title) for s in same_address)
        twin = next((s for s in same_address if (fold(s.publisher), fold(s.title)) == key), None)
        if twin is not None and not exact:
            self.add_error(
                "title",
                _("This source is already recorded as “%(source)s”: choose it from the list instead.")
                % {"source": twin},
            )
        return cleaned_data


def season_id_of(thing):
    """The season a citable thing belongs to (a tie through its round); None while it has none."""
    if isinstance(thing, Season):
        return thing.pk
    if isinstance(thing, Tie):
        return thing.round.season_id if thing.round_id else None
    return thing.season_id


class CitationFormSet(EditorInlineFormSet):
    """Citations inline on a thing's page: each belongs to the thing's season, set before it is checked."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.season_id = season_id_of(self.instance)
        return form


class TeamAliasFormSet(EditorInlineFormSet):
    """A team's other names: the same name twice on the page is refused (the database would refuse the second)."""

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            name = getattr(form, "cleaned_data", {}).get("name")
            if not name or form.cleaned_data.get("DELETE"):
                continue
            if fold(name) in seen:
                form.add_error("name", _("%(name)s is written twice here.") % {"name": name})
            seen.add(fold(name))
