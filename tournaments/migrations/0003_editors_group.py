"""The "Editors" group: add, change and view everything in the archive; delete all but seasons and departments."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
# A season takes everything in it with it when deleted, and departments are Peru's 25: only superusers delete them.
NOT_DELETABLE = {"season", "department"}


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations run; this group needs them now.
    app_config = apps.get_app_config("tournaments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = []
    for model in app_config.get_models():
        name = model._meta.model_name
        actions = ["add", "change", "view"] + ([] if name in NOT_DELETABLE else ["delete"])
        codenames += [f"{action}_{name}" for action in actions]
    editors.permissions.set(Permission.objects.filter(content_type__app_label="tournaments", codename__in=codenames))


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tournaments", "0002_departments"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
