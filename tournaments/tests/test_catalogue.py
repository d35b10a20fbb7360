"""The Spanish catalogue is complete and shipped as written: every message translated and none fuzzy, every string
the code marks for translation present (what `makemessages` would find), each translation keeping its msgid's
placeholders, and the committed .mo compiled from the committed .po.

These use GNU gettext (msgfmt, msgen, msgattrib, xgettext), as `makemessages` itself does; scripts/test installs
Debian's `gettext` when it is missing.
"""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
# What makemessages reads: the project's code and templates, not the tests (their strings are not shown to users).
SOURCES = ["copaperu_site", "tournaments", "templates"]
NOT_SOURCES = shutil.ignore_patterns("tests", "__pycache__", "*.pyc")
# %(name)s, %s, %d, %%, and {name} / {0} / {} (python-brace-format).
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]|\{[^{}]*\}")


def gettext_tool(*args, stdin=None):
    """Run a GNU gettext program; its stdout. AssertionError with its stderr when it fails or is missing."""
    if shutil.which(args[0]) is None:
        pytest.fail(f"GNU gettext's {args[0]} is missing: install Debian's gettext (scripts/test does, as root)")
    done = subprocess.run(args, input=stdin, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(args)}: {done.stderr}"
    return done.stdout


def compiled_messages(mo_path):
    """{(msgctxt or None, msgid, plural index or None): msgstr} of a compiled catalogue, without its header."""
    with open(mo_path, "rb") as file:
        catalog = gettext.GNUTranslations(file)._catalog
    messages = {}
    for key, msgstr in catalog.items():
        msgid, index = key if isinstance(key, tuple) else (key, None)
        if msgid == "":
            continue
        context, _, msgid = msgid.rpartition("\x04")
        messages[(context or None, msgid, index)] = msgstr
    return messages


def compile_po(po_text, tmp_path, name, use_fuzzy=False):
    """The messages of a .po text compiled by msgfmt (untranslated ones left out, fuzzy ones too unless asked)."""
    if not po_text.strip():  # msgattrib prints nothing at all when no message matches
        return {}
    mo_path = tmp_path / f"{name}.mo"
    gettext_tool("msgfmt", *(["--use-fuzzy"] if use_fuzzy else []), "-o", str(mo_path), "-", stdin=po_text)
    return compiled_messages(mo_path)


def message_ids(po_text, tmp_path, name):
    """{(msgctxt or None, msgid)} of every live (not obsolete) message in a .po text, translated or not."""
    every_message = gettext_tool("msgen", "-", stdin=po_text) if po_text.strip() else ""
    return {(context, msgid) for context, msgid, _ in compile_po(every_message, tmp_path, name, use_fuzzy=True)}


def described(ids):
    lines = (f"  [{context}] {msgid!r}" if context else f"  {msgid!r}" for context, msgid in sorted(ids, key=str))
    return "\n".join(lines)


def test_every_message_of_the_catalogue_is_translated(tmp_path):
    catalogue = CATALOGUE.read_text(encoding="utf-8")
    untranslated = gettext_tool("msgattrib", "--untranslated", "--no-obsolete", "-", stdin=catalogue)
    missing = message_ids(untranslated, tmp_path, "untranslated")
    assert not missing, f"{len(missing)} messages without a Spanish translation in {CATALOGUE}:\n{described(missing)}"


def test_no_message_of_the_catalogue_is_fuzzy(tmp_path):
    catalogue = CATALOGUE.read_text(encoding="utf-8")
    fuzzy = gettext_tool("msgattrib", "--only-fuzzy", "--no-obsolete", "-", stdin=catalogue)
    doubtful = message_ids(fuzzy, tmp_path, "fuzzy")
    assert not doubtful, f"{len(doubtful)} fuzzy (unchecked) translations in {CATALOGUE}:\n{described(doubtful)}"


def test_the_catalogue_holds_every_string_the_code_marks_for_translation(tmp_path, settings, monkeypatch):
    # makemessages writes into the first `locale` directory above each file it reads, which would be the committed
    # one: it reads a copy of the sources instead, and writes into a locale directory beside that copy.
    for source in SOURCES:
        shutil.copytree(Path(settings.BASE_DIR) / source, tmp_path / source, ignore=NOT_SOURCES)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["es"], verbosity=0)
    found = message_ids((tmp_path / "locale/es/LC_MESSAGES/django.po").read_text(encoding="utf-8"), tmp_path, "found")
    assert len(found) > 10, "makemessages found next to nothing: is it reading the sources?"
    catalogue = message_ids(CATALOGUE.read_text(encoding="utf-8"), tmp_path, "catalogue")
    lacking = found - catalogue
    assert not lacking, (
        f"{len(lacking)} strings marked for translation are not in {CATALOGUE} "
        f"(run `manage.py makemessages -l es` and translate them):\n{described(lacking)}"
    )


def test_every_translation_keeps_its_placeholders(tmp_path):
    # msgfmt checks the messages xgettext flagged python-format / python-brace-format; the loop below checks every
    # singular message, flagged or not (a template's {% blocktranslate %} with a lone %% is not flagged).
    gettext_tool("msgfmt", "--check", "--check-format", "-o", str(tmp_path / "checked.mo"), str(CATALOGUE))
    wrong = []
    for (_context, msgid, index), msgstr in compile_po(CATALOGUE.read_text(encoding="utf-8"), tmp_path, "c").items():
        if index is None and sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
            wrong.append(f"  {msgid!r} -> {msgstr!r}")
    assert not wrong, "translations that lose, add or change a placeholder:\n" + "\n".join(wrong)


def test_the_committed_mo_is_the_committed_po_compiled(tmp_path):
    shipped = compiled_messages(COMPILED)
    compiled = compile_po(CATALOGUE.read_text(encoding="utf-8"), tmp_path, "fresh")
    stale = sorted((key for key in shipped.keys() | compiled.keys() if shipped.get(key) != compiled.get(key)), key=str)
    differ = "\n".join(f"  {key[1]!r}: .mo {shipped.get(key)!r}, .po {compiled.get(key)!r}" for key in stale)
    assert not stale, f"{COMPILED} is not {CATALOGUE} compiled (run `manage.py compilemessages`):\n{differ}"
