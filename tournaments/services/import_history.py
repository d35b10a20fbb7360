"""Record an import in History (django-reversion) in bulk: one Revision, its Versions written with bulk_create.

`reversion.add_to_revision()` serializes each row on its own, reads each registered follow (a group's matches)
back from the database, and copies its growing list of versions on every call, which made History cost more than
the import itself on a large article (bench/import_bench.py). The importer has every row of the season in memory,
so here the rows and their registered follows are gathered from memory, serialized one model at a time, and saved
as reversion itself saves them: the same Revision and Version rows, with the same serialized format and fields,
so History, "Recover deleted" and reverting work on them unchanged.
"""

import json
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import router
from django.utils import timezone
from reversion import is_registered
from reversion.models import Revision, Version
from reversion.revisions import _get_options  # the registration options reversion keeps for each model


def _with_follows(rows, season_rows):
    """`rows` and, recursively, the rows their registrations follow, found among `season_rows` (no queries).

    Rows of a model not registered with reversion (not edited in the admin, so without History) are left out."""
    children = defaultdict(list)  # (model, foreign key attname, parent pk) -> rows
    for obj in season_rows:
        for field in obj._meta.concrete_fields:
            if field.is_relation and field.many_to_one:
                children[(type(obj), field.attname, getattr(obj, field.attname))].append(obj)
    gathered, queue = {}, list(rows)
    while queue:
        obj = queue.pop()
        key = (type(obj), obj.pk)
        if obj.pk is None or key in gathered or not is_registered(type(obj)):
            continue
        gathered[key] = obj
        for name in _get_options(type(obj)).follow:
            relation = obj._meta.get_field(name)
            queue += children[(relation.related_model, relation.field.attname, obj.pk)]
    return list(gathered.values())


def save_revision(rows, season_rows, *, comment, user=None):
    """One revision holding `rows` (saved rows of registered models) and what their registrations follow.

    `season_rows` is every row of the season in the state being recorded, where the follows are looked up.
    Returns the Revision.
    """
    revision = Revision.objects.create(date_created=timezone.now(), user=user, comment=comment)
    by_model = defaultdict(list)
    for obj in _with_follows(rows, season_rows):
        by_model[type(obj)].append(obj)
    versions = []
    for model, objects in by_model.items():
        options = _get_options(model)
        content_type = ContentType.objects.get_for_model(model)
        database = router.db_for_write(model)
        serialized = serializers.serialize(
            options.format, objects, fields=options.fields, use_natural_foreign_keys=options.use_natural_foreign_keys
        )
        items = json.loads(serialized) if options.format == "json" else [None] * len(objects)
        for obj, item in zip(objects, items, strict=True):
            if item is not None:
                data = json.dumps([item])
            else:
                data = serializers.serialize(options.format, (obj,), fields=options.fields)
            versions.append(
                Version(
                    revision=revision,
                    content_type=content_type,
                    object_id=str(getattr(obj, options.object_id_field)),
                    db=database,
                    format=options.format,
                    serialized_data=data,
                    object_repr=str(obj),
                )
            )
    Version.objects.bulk_create(versions, batch_size=500)
    return revision
