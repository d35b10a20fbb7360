"""The results grid: a group's or knockout round's matches on one page, typed and saved together.

Reached from the group and round change pages ("Results grid") and from their list rows; wired through each
ModelAdmin's ``get_urls()`` (``admin:tournaments_group_results`` and ``admin:tournaments_knockoutround_results``) and
wrapped in ``admin_view``, so it needs the admin login and permission to change matches. Each changed row is held to
every rule a match form applies (the models' ``full_clean()`` and every constraint, through ``MatchForm``) and to the
stale-edit guard; an error shows on its own row, and nothing is saved unless every row is right. A save is one
transaction and one django-reversion revision, whose comment names each match's old and new values.
"""

import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms import modelformset_factory
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..forms import CalendarDateInput, MatchForm
from ..models import Match
from ..models.competition import StaleMatchError
from .history import field_changes

GROUP_FIELDS = ["date", "home_score", "away_score", "status", "seen_version"]
KNOCKOUT_FIELDS = ["date", "home_score", "away_score", "after_extra_time", "home_penalties", "away_penalties"]
KNOCKOUT_FIELDS += ["status", "seen_version"]


class ResultRowForm(MatchForm):
    """One match's row: its date, score and status, checked like the match form, and only when it changed."""

    def edited(self):
        """Whether the editor changed anything on this row (the version it was read at does not count)."""
        return any(name != "seen_version" for name in self.changed_data)

    def full_clean(self):
        # A posted row whose id is not one of the grid's matches (a tampered or stale page, or a row added to the
        # form) found no match to edit: it is refused whole, never saved as a new match or checked as a blank one.
        if self.is_bound and self.instance.pk is None:
            self.cleaned_data = {}
            self._errors = forms.utils.ErrorDict(
                {
                    forms.forms.NON_FIELD_ERRORS: self.error_class(
                        [_("This row is not one of the matches shown here: reload the page and type it again.")],
                        error_class="nonfield",
                    )
                }
            )
            return
        # A row left as it was is not saved, so it is neither checked nor held to the stale-edit guard: an old
        # stored row that breaks a newer rule, or a colleague's edit of another match, does not block this save.
        if self.is_bound and not self.edited():
            self._errors, self.cleaned_data = forms.utils.ErrorDict(), {}
            return
        super().full_clean()


class ResultsGridMixin:
    """Adds the results grid to the admin of a model whose matches ``grid_matches(obj)`` returns."""

    grid_fields = GROUP_FIELDS

    def grid_matches(self, obj):
        raise NotImplementedError

    def get_urls(self):
        opts = self.model._meta
        grid = path(
            "<path:object_id>/results/",
            self.admin_site.admin_view(self.results_grid_view),
            name=f"{opts.app_label}_{opts.model_name}_results",
        )
        return [grid, *super().get_urls()]

    @staticmethod
    def grid_url(obj):
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_results", args=[obj.pk])

    @admin.display(description=gettext_lazy("results"))
    def results_link(self, obj):
        return format_html('<a href="{}">{}</a>', self.grid_url(obj), _("Results grid"))

    def results_grid_view(self, request, object_id):
        if not request.user.has_perm("tournaments.change_match"):
            raise PermissionDenied
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404(_("There is no such group or round."))
        queryset = self.grid_matches(obj).select_related("home_team", "away_team")
        # The grid edits the matches it shows and adds none: a post with more rows than that (a forged or huge
        # form-TOTAL_FORMS) is refused by the formset before any row is built. len() also loads the rows once for
        # the formset.
        shown = len(queryset)
        Rows = modelformset_factory(
            Match,
            form=ResultRowForm,
            fields=self.grid_fields,
            extra=0,
            max_num=shown,
            validate_max=True,
            absolute_max=shown,
            widgets={"date": CalendarDateInput},
        )
        if request.method == "POST":
            with transaction.atomic(), reversion.create_revision():
                formset = Rows(request.POST, queryset=queryset)
                if formset.is_valid() and self._save_rows(request, obj, formset):
                    return HttpResponseRedirect(request.get_full_path())
                transaction.set_rollback(True)
        else:
            formset = Rows(queryset=queryset)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": _("Results grid"),
            "subtitle": str(obj),
            "formset": formset,
            "knockout": "after_extra_time" in self.grid_fields,
            "change_url": reverse(f"admin:tournaments_{self.model._meta.model_name}_change", args=[obj.pk]),
        }
        return TemplateResponse(request, "admin/tournaments/results_grid.html", context)

    def _save_rows(self, request, obj, formset):
        """Save the changed rows in the open transaction; False (with a message) when a race made one stale."""
        edited = [form for form in formset.forms if form.edited()]
        if not edited:
            self.message_user(request, _("Nothing was changed."), messages.INFO)
            return True
        reversion.set_user(request.user)
        lines = []
        try:
            for form in edited:
                match = form.save()
                lines.append(f"{match}: " + "; ".join(field_changes(form)) + ".")
        except StaleMatchError as error:
            # Only when two saves race past the forms' own check; the caller rolls everything back.
            form.add_error(None, str(error))
            return False
        reversion.set_comment(_("Results grid for %(where)s:") % {"where": obj} + "\n" + "\n".join(lines))
        count = len(edited)
        self.message_user(
            request,
            ngettext("%(count)d match was saved.", "%(count)d matches were saved.", count) % {"count": count},
            messages.SUCCESS,
        )
        return True
