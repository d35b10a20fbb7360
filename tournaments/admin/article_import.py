"""The admin's "Import an article" page: upload, read the dry-run report, confirm.

Wired through ``SeasonAdmin.get_urls()`` and wrapped in ``admin_view``, so only staff with permission to add
and change seasons reach it. The uploaded text travels with the confirmation, so what is
imported is exactly what was previewed.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..models import Season
from ..services.article_parser import ArticleError
from ..services.season_import import import_season


class ArticleUploadForm(forms.Form):
    article = forms.FileField(
        label=_("Article"), help_text=_("A season written in the seed format, as a UTF-8 .txt file.")
    )

    def clean_article(self):
        upload = self.cleaned_data["article"]
        try:
            return upload.name, upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from error


class ConfirmForm(forms.Form):
    filename = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(widget=forms.HiddenInput, strip=False)


def import_season_view(request):
    if not (request.user.has_perm("tournaments.add_season") and request.user.has_perm("tournaments.change_season")):
        raise PermissionDenied
    context = {**admin.site.each_context(request), "title": _("Import a season from an article"), "opts": Season._meta}
    upload, confirm, report = ArticleUploadForm(), None, None
    if request.method == "POST" and "confirm" in request.POST:
        confirm = ConfirmForm(request.POST)
        if confirm.is_valid():
            try:
                report = import_season(confirm.cleaned_data["text"], confirm.cleaned_data["filename"])
            except ArticleError as error:
                # The database changed between preview and confirm in a way the article no longer fits.
                upload.add_error(None, str(error))
            else:
                messages.success(request, _("Imported: ") + "; ".join(report.lines()[:2]))
                return redirect(reverse("admin:tournaments_season_changelist"))
    elif request.method == "POST":
        upload = ArticleUploadForm(request.POST, request.FILES)
        if upload.is_valid():
            filename, text = upload.cleaned_data["article"]
            try:
                report = import_season(text, filename, dry_run=True)
            except ArticleError as error:
                upload.add_error("article", str(error))
            else:
                confirm = ConfirmForm(initial={"filename": filename, "text": text})
    context.update(upload=upload, confirm=confirm, report=report)
    return TemplateResponse(request, "admin/tournaments/import_season/form.html", context)
