"""Create Peru's 25 departments (Callao included)."""

from django.db import migrations

from tournaments.departments import DEPARTMENT_NAMES
from tournaments.text import slug_for


def create_departments(apps, schema_editor):
    Department = apps.get_model("tournaments", "Department")
    for name in DEPARTMENT_NAMES:
        Department.objects.get_or_create(name=name, defaults={"slug": slug_for(name)})


def remove_departments(apps, schema_editor):
    apps.get_model("tournaments", "Department").objects.filter(name__in=DEPARTMENT_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [("tournaments", "0001_initial")]

    operations = [migrations.RunPython(create_departments, remove_departments)]
