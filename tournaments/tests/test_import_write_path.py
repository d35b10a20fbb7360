"""The article import through `manage.py import_season`: the admin's rules, every mistake at once, corrections in
place, History, removals only when asked, the public cache and the database's write lock."""

import io
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from reversion.models import Version

from tournaments import caching
from tournaments.management.commands.build_fixtures import SEEDS
from tournaments.models import Match, Note, Qualifier, Season, Team
from tournaments.services.season_import import MAX_ARTICLE_BYTES
from tournaments.services.season_rows import season_dump

pytestmark = pytest.mark.django_db

SEED_2008 = (SEEDS / "000_577157f910dad3a1.txt").read_text(encoding="utf-8")


def run(tmp_path, text, *options, name="season.txt"):
    """(exit code, stdout, stderr) of the command on `text` written to a file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_season", str(path), *options, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = exit.code
    except CommandError as error:
        code = 1
        err.write(str(error))
    return code, out.getvalue(), err.getvalue(), str(path)


def torino_cni():
    return Match.objects.get(season__year=2008, home_team__name="Atlético Torino", away_team__name="CNI")


def test_a_match_dated_outside_its_season_is_refused_with_the_admins_sentence(tmp_path, shipped_seasons):
    before = season_dump(2008)
    edited = SEED_2008.replace("2008-12-11\nAtlético Torino 1-1 CNI", "2009-12-11\nAtlético Torino 1-1 CNI")
    code, out, err, path = run(tmp_path, edited)
    assert code == 1
    assert err.strip() == f"{path}:151: match: The date 2009-12-11 is outside the 2008 season."
    assert season_dump(2008) == before


def test_every_mistake_is_reported_at_once_in_line_order_and_nothing_is_written(tmp_path, shipped_seasons):
    before = season_dump(2008)
    lines = SEED_2008.splitlines()
    assert lines[64] == "| Piura | Atlético Torino |"
    lines[64] = "| Piura | Wanka |"  # line 65: Wanka qualified already, for Junín
    assert lines[140] == "Sport Huancayo 2-0 Atlético Torino"
    lines[140] = "Sport Huancayo 2-x Atlético Torino"  # line 141: not a score
    assert lines[142] == "2008-12-09"
    lines[142] = "2009-12-09"  # line 143: a date in the next season, for the match on line 144
    assert lines[147] == "Sport Huancayo 2-0 Cobresol"
    lines[147] = "Cobresol 2-0 Cobresol"  # line 148: a team playing itself
    code, out, err, path = run(tmp_path, "\n".join(lines) + "\n")
    assert code == 1
    assert err.strip().splitlines() == [
        f"{path}:65: departmental qualifier: Wanka has already qualified in 2008.",
        f"{path}:141: the score '2-x' is not two numbers (expected e.g. 'Home 2-1 Away')",
        f"{path}:144: match: The date 2009-12-09 is outside the 2008 season.",
        f"{path}:148: Cobresol cannot play itself",
    ]
    assert season_dump(2008) == before


def test_a_repeated_match_line_is_refused_with_its_line_number(tmp_path, shipped_seasons):
    edited = SEED_2008.replace(
        "2008-12-11\nAtlético Torino 1-1 CNI\n",
        "2008-12-11\nAtlético Torino 1-1 CNI\n2008-12-11\nCNI 1-1 Atlético Torino\n",
    )
    code, out, err, path = run(tmp_path, edited)
    assert code == 1
    assert err.strip() == (
        f"{path}:153: the match CNI v Atlético Torino is already on line 151, in the same round and on the same day: "
        "remove one of the two lines"
    )
    assert (
        Match.objects.filter(season__year=2008, home_team__name="CNI", away_team__name="Atlético Torino").count() == 0
    )


def test_corrections_are_imported_in_place_and_kept_in_history(tmp_path, shipped_seasons):
    wanka = Qualifier.objects.get(season__year=2008, team__name="Wanka")
    match = torino_cni()
    edited = SEED_2008.replace("| Junín | Wanka | Huancayo |", "| Junín | Wanka | El Tambo |")
    edited = edited.replace("2008-12-11\nAtlético Torino 1-1 CNI", "2008-12-12\nAtlético Torino 2-1 CNI")
    code, out, err, path = run(tmp_path, edited, name="2008-corrected.txt")
    assert (code, err) == (0, "")
    assert "2 rows changed:" in out
    wanka_now, match_now = Qualifier.objects.get(pk=wanka.pk), Match.objects.get(pk=match.pk)
    assert wanka_now.location == "El Tambo"
    assert (str(match_now.date), match_now.home_score, match_now.away_score) == ("2008-12-12", 2, 1)
    assert match_now.version == match.version + 1, "an admin form opened before the import is now stale"

    history = list(Version.objects.get_for_object(match_now).select_related("revision"))  # newest first
    assert [version.revision.get_comment() for version in history] == [
        "Imported from the article 2008-corrected.txt by import_season command.",
        "As it was before the import of 2008-corrected.txt.",
    ]
    after, before = (version.field_dict for version in history)
    assert (before["home_score"], str(before["date"])) == (1, "2008-12-11")
    assert (after["home_score"], str(after["date"])) == (2, "2008-12-12")
    assert Version.objects.get_for_object(wanka_now).first().field_dict["location"] == "El Tambo"


def test_a_renamed_team_is_a_rename_candidate_not_a_new_club_and_a_vanished_one(tmp_path, shipped_seasons):
    renamed = SEED_2008.replace("| Junín | Wanka | Huancayo |", "| Junín | Deportivo Wanka | Huancayo |")
    code, out, err, path = run(tmp_path, renamed, "--dry-run")
    assert code == 0
    assert "Possible rename: Deportivo Wanka (line 44) takes the place of Wanka" in out
    assert "would be removed" not in out and "New teams" not in out
    assert "  ~ 2008 · Departmental stage · Junín · Wanka: team Wanka → Deportivo Wanka" in out
    code, out, err, path = run(tmp_path, renamed)
    assert Qualifier.objects.get(season__year=2008, department__name="Junín", order=wanka_order()).team.name == (
        "Deportivo Wanka"
    )


def wanka_order():
    return Qualifier.objects.get(season__year=2008, team__name__endswith="Wanka").order


def test_an_article_that_removes_rows_is_refused_without_allow_removals(tmp_path, shipped_seasons):
    before = season_dump(2008)
    code, out, err, path = run(tmp_path, "= 2008 Copa Perú =\n")
    assert code == 1
    assert err.startswith(f"{path}: This article would remove ")
    assert "55 departmental qualifiers" in err and "7 matches, 1 note or ruling, 6 progressions and 8 citations." in err
    assert err.strip().endswith("run again with --allow-removals to import them.")
    assert season_dump(2008) == before


def test_allowed_removals_are_one_revision_that_recover_deleted_brings_back(tmp_path, shipped_seasons, admin_client):
    before = season_dump(2008)
    code, out, err, path = run(tmp_path, "= 2008 Copa Perú =\n", "--allow-removals")
    assert code == 0 and "This import removed 5 stages, 8 regions, " in out
    assert not Qualifier.objects.filter(season__year=2008).exists()
    deleted = Version.objects.get_deleted(Match)
    assert deleted.count() == 7
    assert len({version.revision_id for version in deleted}) == 1
    recover = admin_client.get(f"/admin/tournaments/match/recover/{deleted.first().pk}/")
    assert recover.status_code == 200
    admin_client.post(f"/admin/tournaments/match/recover/{deleted.first().pk}/", {**form_data(recover)})
    assert season_dump(2008) == before


def form_data(response):
    """The recover form's fields as the page fills them in (reversion pre-fills them from the version)."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is not None:
            data[name] = value.pk if hasattr(value, "pk") else value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        data.update({f"{management.prefix}-{key}": value for key, value in management.initial.items()})
    return data


def test_an_article_above_the_size_limit_is_refused(tmp_path):
    big = "= 2008 Copa Perú =\n" + "x" * MAX_ARTICLE_BYTES
    code, out, err, path = run(tmp_path, big)
    assert code == 1
    assert err == f"{path}: The article is 2.0 MB; articles above 2 MB are refused. Write one season per article."
    assert not Season.objects.exists()


def test_one_committed_import_invalidates_the_public_cache_once_and_a_dry_run_never(tmp_path, shipped_seasons):
    edited = SEED_2008.replace("Atlético Torino 1-1 CNI", "Atlético Torino 2-1 CNI")
    version = caching.archive_version()
    with mock.patch.object(caching, "bump_archive_version", wraps=caching.bump_archive_version) as bumps:
        run(tmp_path, edited, "--dry-run")
        assert bumps.call_count == 0 and caching.archive_version() == version
        run(tmp_path, edited)
        assert bumps.call_count == 1
    assert caching.archive_version() != version
    assert torino_cni().home_score == 2


def test_a_dry_run_only_reads(tmp_path, shipped_seasons):
    """No write statement and no transaction: on SQLite a transaction would take the write lock (BEGIN IMMEDIATE)
    and every other editor's save would wait for the dry run to end."""
    edited = SEED_2008.replace("Atlético Torino 1-1 CNI", "Atlético Torino 2-1 CNI").replace(
        "| Junín | Wanka |", "| Junín | Wanka Nuevo |"
    )
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql.split(None, 1)[0].upper())
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        code, out, err, path = run(tmp_path, edited, "--dry-run")
    assert code == 0 and "score 1–1 → 2–1" in out
    assert statements and set(statements) == {"SELECT"}
    assert not Team.objects.filter(name="Wanka Nuevo").exists()


def test_the_importer_reads_hostile_lines_as_text(tmp_path):
    """The lines that made the old patterns take minutes (bench/import_bench.py times them) parse as they should."""
    from tournaments.services.article_parser import ArticleError, parse_article

    article = parse_article("= 1990 Copa Perú =\n" + "=" * 2500 + "a\n", "hostile.txt")
    assert article.year == 1990 and article.summary == ["=" * 2500 + "a"]
    with pytest.raises(ArticleError) as refused:
        parse_article("= 1990 Copa Perú =\n==National Stage==\n===Final===\n" + "1" * 200_000 + "\n", "digits.txt")
    assert refused.value.line == 4 and "is not a match line" in refused.value.reason


def test_a_reworded_note_and_a_new_team_order_update_their_rows_in_place(tmp_path, shipped_seasons):
    note = Note.objects.get(season__year=2008, text__startswith="The 2nd leg between Unión Huaral")
    reworded = SEED_2008.replace("with the crowd in the first game.", "with the crowd in the first leg.")
    lines = reworded.splitlines()
    first, second = lines.index("| Junín | Wanka | Huancayo |"), lines.index("| Sport Huancayo | Huancayo | |")
    lines[first], lines[second] = "| Junín | Sport Huancayo | Huancayo |", "| Wanka | Huancayo | |"
    code, out, err, path = run(tmp_path, "\n".join(lines) + "\n")
    assert (code, err) == (0, ""), err
    assert "would be removed" not in out and "removed:" not in out
    assert Note.objects.get(pk=note.pk).text.endswith(
        "with the crowd in the first leg. Cable Visión qualified for the next round"
    )
    orders = dict(
        Qualifier.objects.filter(season__year=2008, department__name="Junín").values_list("team__name", "order")
    )
    assert orders["Sport Huancayo"] < orders["Wanka"]
