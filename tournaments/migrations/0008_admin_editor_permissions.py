"""Editors add, change, view and delete sources, citations, versions of disputed facts and teams' other names.

Migration 0007 created those models after the Editors group was given its permissions (0003), so without this
an editor could not open the Sources page nor save a season page with its citation inlines.
"""

from django.db import migrations

NEW_MODELS = ("source", "citation", "factversion", "teamalias")


def let_editors_keep_sources(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("tournaments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{name}" for name in NEW_MODELS for action in ("add", "change", "view", "delete")]
    permissions = Permission.objects.filter(content_type__app_label="tournaments", codename__in=codenames)
    for editors in Group.objects.filter(name="Editors"):
        editors.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("tournaments", "0007_sources_and_roll")]

    operations = [migrations.RunPython(let_editors_keep_sources, migrations.RunPython.noop)]
