from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class TournamentsConfig(AppConfig):
    name = "tournaments"
    verbose_name = _("Copa Perú")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .admin import safety
        from .caching import archive_changed
        from .models.text_rules import guard_text_fields

        safety.install()
        # No invisible characters in any text of the archive (see models/text_rules.py).
        guard_text_fields(self.get_models())

        # Any change to any of the archive's models invalidates every public page (see caching.py).
        for model in self.get_models():
            post_save.connect(archive_changed, sender=model, dispatch_uid=f"archive-save-{model._meta.label}")
            post_delete.connect(archive_changed, sender=model, dispatch_uid=f"archive-delete-{model._meta.label}")
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(archive_changed, sender=through, dispatch_uid=f"archive-m2m-{through._meta.label}")
