"""Project-wide pytest fixtures."""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tournaments.shipped import shipped_fixture_paths


def pytest_configure(config):
    # The production hasher is slow on purpose (about 0.2 s a hash) and the tests create an editor account for
    # nearly every admin test. Only the test process swaps it: the settings module keeps the strong default.
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage needs `collectstatic` first; tests render pages without collecting.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def load_shipped_seasons():
    """Load the shipped seasons, first putting back the departments a transactional test may have flushed.

    Browser and backup tests run in real transactions, and Django empties every table after them, the rows the
    data migrations created included; the seasons refer to departments by slug, so those must exist first.
    """
    from tournaments.departments import create_departments
    from tournaments.models import Department

    create_departments(Department)
    call_command("loaddata", *shipped_fixture_paths(), verbosity=0)


def _reads_shared_archive(item, fixturenames):
    """Whether the test asks for the shipped seasons and runs in pytest-django's rolled-back transaction.

    Transactional tests (the marker's transaction or reset_sequences, transactional_db, live_server: the rule
    pytest-django's _django_db_helper applies) commit and flush, so they cannot nest inside the shared archive.
    """
    from pytest_django.fixtures import validate_django_db

    if "shipped_seasons" not in fixturenames or {"transactional_db", "live_server"} & set(fixturenames):
        return False
    marker = item.get_closest_marker("django_db")
    if marker:
        transaction, reset_sequences, *_ = validate_django_db(marker)
        return not (transaction or reset_sequences)
    return True


class _SharedArchive:
    """The shipped seasons loaded once into the test database, in an open transaction that tests nest inside.

    Loading them costs 0.15 s and hundreds of tests read them. A test that asks for ``shipped_seasons`` runs in its
    own savepoint inside this transaction (pytest-django's ordinary per-test rollback), so its writes are its own
    and vanish with it. Before any other test the transaction is rolled back, so those tests find the database
    without the archive, as before; transactional tests (which commit and flush) load the seasons themselves.
    """

    def __init__(self):
        self._atomic = None
        self._connection = None
        self._blocker = None

    @property
    def loaded(self):
        return self._atomic is not None

    def load(self, request):
        from django.db import transaction

        if self.loaded and transaction.get_connection() is self._connection:
            return
        self.drop()
        if self._blocker is None:
            self._blocker = request.getfixturevalue("django_db_blocker")
            # Runs before django_db_setup's teardown destroys the test database (finalizers run last-in first).
            request.session.addfinalizer(self.drop)
        with self._blocker.unblock():
            self._atomic = transaction.atomic()
            self._atomic.__enter__()
            self._connection = transaction.get_connection()
            try:
                load_shipped_seasons()
            except BaseException:
                self.drop()  # so that the next test does not take a half-loaded archive for the real one
                raise

    def drop(self):
        if not self.loaded:
            return
        from django.db import DEFAULT_DB_ALIAS, connections

        atomic, self._atomic = self._atomic, None
        # Close the transaction on the connection that opened it: while Playwright's event loop runs (the browser
        # tests), the same alias gives another connection object.
        current = connections[DEFAULT_DB_ALIAS]
        connections[DEFAULT_DB_ALIAS] = self._connection
        try:
            with self._blocker.unblock():
                self._connection.set_rollback(True)
                atomic.__exit__(None, None, None)
        finally:
            connections[DEFAULT_DB_ALIAS] = current


_shared_archive = _SharedArchive()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before any of the test's fixtures, session-scoped ones included (a live server, a browser), are set up. Tests
    # that never touch the database leave the archive as it is, for the next test that reads it.
    names = item.fixturenames
    uses_database = {"_django_db_helper", "live_server"} & set(names) or item.get_closest_marker("django_db")
    if uses_database and not _reads_shared_archive(item, names):
        _shared_archive.drop()


@pytest.hookimpl(tryfirst=True)
def pytest_fixture_setup(fixturedef, request):
    # _django_db_helper opens each test's transaction; the archive must be in place before it does. Its own
    # dependencies (the test database) are set up by now.
    if fixturedef.argname == "_django_db_helper":
        if _reads_shared_archive(request.node, request.fixturenames):
            _shared_archive.load(request)
        else:
            _shared_archive.drop()


@pytest.fixture
def shipped_seasons(db):
    """The 1998 and 2008 seasons exactly as the site ships them; a test's writes to them are rolled back after it."""
    if not _shared_archive.loaded:
        # A transactional test (or one that asked for this fixture late): nothing to nest in, so load for real.
        load_shipped_seasons()


@pytest.fixture
def editor(db):
    """A staff account in the Editors group (created by migration 0003), as `create_editor` makes it."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("editora", password="correct-horse-9", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def admin_form_data():
    """The POST data an editor's browser would send back for an admin add/change page, as it was rendered."""
    from django.forms import CheckboxInput, MultiWidget

    def field_data(form):
        data = {}
        for bound in form:
            value = bound.value()
            widget = bound.field.widget
            if isinstance(widget, MultiWidget):
                values = value if isinstance(value, list) and len(value) == len(widget.widgets) else None
                for index, part in enumerate(values or widget.decompress(value)):
                    data[f"{bound.html_name}_{index}"] = "" if part is None else part
            elif isinstance(widget, CheckboxInput):
                if value:
                    data[bound.html_name] = "on"
            else:
                data[bound.html_name] = (
                    "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else value)
                )
        return data

    def build(response):
        data = field_data(response.context["adminform"].form)
        for inline in response.context["inline_admin_formsets"]:
            formset = inline.formset
            data.update(field_data(formset.management_form))
            for form in formset.forms:
                data.update(field_data(form))
        return data

    return build


@pytest.fixture(autouse=True)
def _empty_page_cache(settings):
    # Tests roll back without signals, so a page cached by one test must not be served to the next. Without a
    # CACHE_URL the tests use process memory; CI's Redis run keeps the configured cache and empties it.
    if not os.environ.get("CACHE_URL"):
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}}
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    # Transactional tests flush the database, and the flush recreates the content types under new numbers; a cache
    # kept from before would give the next test another model's content type (its admin log and History then
    # point at the wrong rows).
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
