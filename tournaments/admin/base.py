"""What every editors' admin page shares.

- django-reversion's VersionAdmin records each save (with its inlines) as one revision with who and when, lists
  them under "History" and lets an editor restore one;
- search ignores accents and dots, through the folded names that Team keeps ("intimo" finds Íntimo Cable Visión);
- a match saved over a colleague's newer edit is refused with a message instead of a server error.
"""

from contextlib import contextmanager

import reversion
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion.admin import VersionAdmin
from reversion.models import Version

from ..forms import (
    CalendarDateInput,
    EditorInlineFormSet,
    EditorModelForm,
    KnownObjectAutocomplete,
    KnownObjectsAutocomplete,
    restoring_a_version,
)
from ..models import Region
from ..models.competition import StaleMatchError
from ..text import fold
from .history import change_message

# What boxes naming a region, group, knockout round, tie or match show (their __str__ walks these), for the pages
# that point at one of them (a note, a citation), loaded with the row.
WHERE_RELATED = [
    "region__season",
    "group__season",
    "group__region",
    "knockout_round__season",
    "knockout_round__region",
    "tie__team_a",
    "tie__team_b",
    "tie__round__season",
    "tie__round__region",
    "match__home_team",
    "match__away_team",
]

# Every date in the archive is a calendar day (see CalendarDateInput): no time-zone shortcut or warning.
DATE_WIDGETS = {models.DateField: {"widget": CalendarDateInput}}


@contextmanager
def _restoring():
    token = restoring_a_version.set(True)
    try:
        yield
    finally:
        restoring_a_version.reset(token)


class KnownObjectAutocompletes:
    """Autocomplete boxes that name an already loaded object without a query (see KnownObjectAutocomplete).

    An inline's ``related`` names what to load with its rows (select_related), so its boxes find it loaded; a
    many-to-many box finds its objects when the rows prefetch them.
    """

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.select_related(*self.related) if getattr(self, "related", ()) else queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownObjectAutocomplete(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownObjectsAutocomplete(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class EditorChangeList(ChangeList):
    """Django's changelist, with a malformed filter value (`?region__id__exact=abc`, `1.5`, `'`) treated as the
    bad lookup it is: the editor lands on the unfiltered list with Django's "?e=1" notice instead of a 500.

    Django does this for the lookups it builds itself and for FieldListFilter, but not for SimpleListFilter
    subclasses, whose queryset() meets the raw value; catching it here covers every filter of every editors'
    admin, including ones written later.
    """

    def get_queryset(self, request, exclude_parameters=None):
        try:
            return super().get_queryset(request, exclude_parameters)
        except (ValueError, TypeError, ValidationError) as error:
            raise IncorrectLookupParameters(error) from error


class EditorAdmin(KnownObjectAutocompletes, VersionAdmin):
    form = EditorModelForm
    formfield_overrides = DATE_WIDGETS
    history_latest_first = True

    class Media:
        css = {"all": ["css/admin-editors.css"]}

    # Lookups on folded text (Team.search_name); the typed words are folded the same way before matching.
    folded_search_fields = ()

    def get_changelist(self, request, **kwargs):
        return EditorChangeList

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        words = fold(search_term).split()
        if not (words and self.folded_search_fields):
            return results, may_have_duplicates
        folded = Q()
        for word in words:
            folded &= Q(*(Q(**{f"{field}__contains": word}) for field in self.folded_search_fields), _connector=Q.OR)
        return results | queryset.filter(folded), True

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            self._keep_state_before_first_edit(request, [unquote(object_id)])
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST":
            edited = [value for key, value in request.POST.items() if key.startswith("form-") and key.endswith("-id")]
            self._keep_state_before_first_edit(request, edited + request.POST.getlist(ACTION_CHECKBOX_NAME))
        try:
            return super().changelist_view(request, extra_context)
        except StaleMatchError as error:
            return self._refuse_stale_save(request, error)

    def construct_change_message(self, request, form, formsets, add=False):
        return change_message(form, formsets, add)

    def log_change(self, request, obj, message):
        """One revision per admin save; when it changed several rows (the quick-score list), its comment names
        each row's changes, not only the last row's."""
        entry = super().log_change(request, obj, message)
        logged = request.__dict__.setdefault("_changes_logged", [])
        logged.append(_("%(object)s: %(changes)s") % {"object": obj, "changes": entry.get_change_message()})
        if len(logged) > 1 and reversion.is_active():
            reversion.set_comment("\n".join(logged))
        return entry

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # A refused save has already copied the typed values onto obj; the title and breadcrumbs name the object as
        # it is stored, not as the refused form would have made it.
        if change and request.method == "POST" and obj is not None and obj.pk is not None:
            stored = self.get_object(request, str(obj.pk))
            if stored is not None:
                context.update(subtitle=str(stored), original=stored)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _keep_state_before_first_edit(self, request, pks):
        """Record how rows looked before their first admin edit (the shipped seasons were loaded, not entered here),
        so "History" can restore them too."""
        pks = [str(pk) for pk in pks if str(pk).isdigit()]
        if not pks:
            return
        known = set(
            Version.objects.get_for_model(self.model).filter(object_id__in=pks).values_list("object_id", flat=True)
        )
        first_edits = self.model._default_manager.filter(pk__in=set(pks) - known)
        if not first_edits:
            return
        with reversion.create_revision():
            reversion.set_comment(_("As it was before the first change in the admin."))
            for obj in first_edits:
                reversion.add_to_revision(obj)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        try:
            with _restoring():
                return super().revision_view(request, object_id, version_id, extra_context)
        except (IntegrityError, ValidationError):
            return self._refuse_restore(request, "history", [object_id])

    def recover_view(self, request, version_id, extra_context=None):
        try:
            with _restoring():
                return super().recover_view(request, version_id, extra_context)
        except (IntegrityError, ValidationError):
            return self._refuse_restore(request, "recoverlist", [])

    def _refuse_restore(self, request, page, args):
        """A stored version the database no longer takes (a row it refers to is gone, or another row now holds one
        of its unique values): reversion's own transaction has rolled the attempt back, so say so on the page."""
        self.message_user(
            request,
            _(
                "This version could not be restored, because it no longer fits the rest of the archive: a row it "
                "refers to was deleted since, or another row now has one of its unique values. Nothing was changed; "
                "recover the deleted rows first (Recover deleted …), or make the change by hand."
            ),
            messages.ERROR,
        )
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=args))

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except StaleMatchError as error:
            return self._refuse_stale_save(request, error)

    def _refuse_stale_save(self, request, error):
        # Only reached when two saves race past the form's own check; the transaction was rolled back.
        self.message_user(request, str(error), messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())


class EditorInline(KnownObjectAutocompletes):
    """What the editors' tabular and stacked inlines share.

    An inline row's team or department box keeps its "+" (a new club while entering a season) but not the pencil,
    cross and eye: on a season's qualifier rows those were a link each per box and a tenth of the page's time.
    """

    form = EditorModelForm
    formset = EditorInlineFormSet
    # The rows' related objects that their autocomplete boxes and names show, loaded with the rows.
    related = ()
    formfield_overrides = DATE_WIDGETS
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget.can_change_related = widget.can_delete_related = widget.can_view_related = False
        return formfield


class EditorTabularInline(EditorInline, admin.TabularInline):
    pass


class EditorStackedInline(EditorInline, admin.StackedInline):
    pass


def region_filter(path="region"):
    """A list filter on a season's region, listed as "Region IV (2008)" without a query per region."""

    class RegionFilter(admin.SimpleListFilter):
        title = gettext_lazy("region")
        parameter_name = f"{path}__id__exact"

        def lookups(self, request, model_admin):
            regions = Region.objects.select_related("season").order_by("-season__year", "number")
            return [(str(region.pk), str(region)) for region in regions]

        def queryset(self, request, queryset):
            return queryset.filter(**{f"{path}_id": self.value()}) if self.value() else queryset

    return RegionFilter
