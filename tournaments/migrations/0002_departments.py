"""Create Peru's 25 departments (Callao included)."""

from django.db import migrations

from tournaments import departments


def create_departments(apps, schema_editor):
    departments.create_departments(apps.get_model("tournaments", "Department"))


def remove_departments(apps, schema_editor):
    apps.get_model("tournaments", "Department").objects.filter(name__in=departments.DEPARTMENT_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [("tournaments", "0001_initial")]

    operations = [migrations.RunPython(create_departments, remove_departments)]
