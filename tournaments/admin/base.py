"""What every editors' admin page shares.

- django-reversion's VersionAdmin records each save (with its inlines) as one revision with who and when, lists
  them under "History" and lets an editor restore one;
- search ignores accents and dots, through the folded names that Team keeps ("intimo" finds Íntimo Cable Visión);
- a match saved over a colleague's newer edit is refused with a message instead of a server error.
"""

from django.contrib import admin, messages
from django.db.models import Q
from django.http import HttpResponseRedirect
from reversion.admin import VersionAdmin

from ..forms import EditorModelForm
from ..models.fixtures import StaleMatchError
from ..text import fold


class EditorAdmin(VersionAdmin):
    form = EditorModelForm
    history_latest_first = True
    # Lookups on folded text (Team.search_name); the typed words are folded the same way before matching.
    folded_search_fields = ()

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        words = fold(search_term).split()
        if not (words and self.folded_search_fields):
            return results, may_have_duplicates
        folded = Q()
        for word in words:
            folded &= Q(*(Q(**{f"{field}__contains": word}) for field in self.folded_search_fields), _connector=Q.OR)
        return results | queryset.filter(folded), True

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except StaleMatchError as error:
            return self._refuse_stale_save(request, error)

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except StaleMatchError as error:
            return self._refuse_stale_save(request, error)

    def _refuse_stale_save(self, request, error):
        # Only reached when two saves race past the form's own check; the transaction was rolled back.
        self.message_user(request, str(error), messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())


class EditorTabularInline(admin.TabularInline):
    form = EditorModelForm
    extra = 0
