"""The admin's "Import an article" page: upload, read the dry-run report, confirm.

Wired through ``SeasonAdmin.get_urls()`` and wrapped in ``admin_view``, so only staff with permission to add
and change seasons reach it. The uploaded text travels with the confirmation, so what is imported is exactly what
was previewed. The preview only reads (it holds no write lock and invalidates no cached page); an import that
would remove rows needs its own tick box; articles too large for a web request are sent to the command.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..models import Season
from ..services.article_parser import ArticleError, parse_article
from ..services.season_import import (
    MAX_ARTICLE_BYTES,
    MAX_WEB_MATCH_LINES,
    RemovalsNotAllowed,
    import_season,
    too_large_sentence,
)

# The rows listed one by one in the message after an import; the counts sentence always gives the whole.
LISTED_CHANGES = 30


class ArticleUploadForm(forms.Form):
    article = forms.FileField(
        label=gettext_lazy("Article"),
        help_text=gettext_lazy("A season written in the seed format, as a UTF-8 .txt file."),
    )

    def refuse(self, sentences):
        """Show `sentences` above the form, bound or not: a confirmation posts no file, so this form is unbound then
        and has no cleaned_data for add_error() to update."""
        if not hasattr(self, "cleaned_data"):
            self.cleaned_data = {}
        self.add_error(None, sentences)

    def clean_article(self):
        upload = self.cleaned_data["article"]
        if upload.size > MAX_ARTICLE_BYTES:
            raise forms.ValidationError(too_large_sentence(upload.size))
        try:
            return upload.name, upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from error


class ConfirmForm(forms.Form):
    filename = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(widget=forms.HiddenInput, strip=False)
    allow_removals = forms.BooleanField(
        required=False, label=gettext_lazy("Yes, remove these rows: the article no longer has them.")
    )


def _too_long_for_the_web(text, filename):
    """The sentence sending an article of more than MAX_WEB_MATCH_LINES match lines to the command, or None.

    Only parses (well under a second for 10,000 lines), so a long article is sent away before the costly checks.
    """
    count = parse_article(text, filename, strict=False).match_line_count()
    if count <= MAX_WEB_MATCH_LINES:
        return None
    return _(
        "This article has %(count)d match lines: an import of more than %(limit)d takes too long for a web page. "
        "Run it on the server instead: manage.py import_season %(file)s --dry-run, then the same without --dry-run."
    ) % {"count": count, "limit": MAX_WEB_MATCH_LINES, "file": filename}


def _preview(text, filename, upload):
    """The dry-run report, or None with the reasons added to the upload form."""
    if too_long := _too_long_for_the_web(text, filename):
        upload.add_error("article", too_long)
        return None
    try:
        return import_season(text, filename, dry_run=True)
    except ArticleError as error:
        upload.add_error("article", error.lines())
        return None


def _announce(request, report):
    """The whole outcome: the counts, then each changed and removed row (the first LISTED_CHANGES of them)."""
    messages.success(request, report.summary())
    listed = [*report.changed, *(_("Removed: %(row)s") % {"row": row} for row in report.removed)]
    for line in listed[:LISTED_CHANGES]:
        messages.info(request, line)
    if len(listed) > LISTED_CHANGES:
        more = len(listed) - LISTED_CHANGES
        messages.info(
            request,
            ngettext(
                "… and %(count)d more row; the season's History lists every row the import wrote.",
                "… and %(count)d more rows; the season's History lists every row the import wrote.",
                more,
            )
            % {"count": more},
        )


def _confirm(request, confirm):
    """(the import's report, None), or (None, the report to show again) with the form's error when removals need
    the tick box.

    Raises ArticleError for any mistake, including the limits a preview applies (a confirmation can be hand-made).
    """
    filename, text = confirm.cleaned_data["filename"], confirm.cleaned_data["text"]
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise ArticleError(filename, 1, too_large_sentence(len(text.encode("utf-8"))))
    if too_long := _too_long_for_the_web(text, filename):
        raise ArticleError(filename, 1, too_long)
    try:
        return import_season(
            text, filename, allow_removals=confirm.cleaned_data["allow_removals"], user=request.user
        ), None
    except RemovalsNotAllowed as refused:
        confirm.add_error("allow_removals", _("This import removes rows: tick the box to confirm that they should go."))
        refused.report.dry_run = True  # nothing was written: the report is shown as what would change
        return None, refused.report


def import_season_view(request):
    if not (request.user.has_perm("tournaments.add_season") and request.user.has_perm("tournaments.change_season")):
        raise PermissionDenied
    context = {**admin.site.each_context(request), "title": _("Import a season from an article"), "opts": Season._meta}
    upload, confirm, report = ArticleUploadForm(), None, None
    if request.method == "POST" and "confirm" in request.POST:
        confirm = ConfirmForm(request.POST)
        if confirm.is_valid():
            try:
                done, report = _confirm(request, confirm)
            except ArticleError as error:
                # A hand-made confirmation, or the database changed between preview and confirm.
                upload.refuse(error.lines())
                confirm = None
            else:
                if done is not None:
                    _announce(request, done)
                    return redirect(reverse("admin:tournaments_season_changelist"))
    elif request.method == "POST":
        upload = ArticleUploadForm(request.POST, request.FILES)
        if upload.is_valid():
            filename, text = upload.cleaned_data["article"]
            report = _preview(text, filename, upload)
            if report is not None:
                confirm = ConfirmForm(initial={"filename": filename, "text": text})
    context.update(upload=upload, confirm=confirm, report=report)
    return TemplateResponse(request, "admin/tournaments/import_season/form.html", context)
