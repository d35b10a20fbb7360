"""CSV exports open in a spreadsheet as text, never as formulas."""

import csv
import io

import django_tables2 as tables
import pytest

from tournaments.exports import SafeTableExport, neutralise


class StandingsTable(tables.Table):
    team = tables.Column()
    goal_difference = tables.Column(verbose_name="GD")
    note = tables.Column()


ROWS = [
    {"team": '=HYPERLINK("http://evil.example","Sport Huancayo")', "goal_difference": -3, "note": "@SUM(A1:A9)"},
    {"team": "+51 Club", "goal_difference": 4, "note": "-2 points after a complaint"},
    {"team": "\tTabbed", "goal_difference": 0, "note": "\rReturned"},
    {"team": "Sport Huancayo", "goal_difference": 7, "note": "Champion; 3-1 in the final"},
]


def exported_rows(export_format="csv"):
    content = SafeTableExport(export_format, StandingsTable(ROWS)).export()
    return list(csv.reader(io.StringIO(content), delimiter="\t" if export_format == "tsv" else ","))


@pytest.mark.parametrize("export_format", ["csv", "tsv"])
def test_cells_a_spreadsheet_would_evaluate_are_exported_as_text(export_format):
    header, *rows = exported_rows(export_format)
    assert header == ["Team", "GD", "Note"]
    assert rows[0] == ['\'=HYPERLINK("http://evil.example","Sport Huancayo")', "-3", "'@SUM(A1:A9)"]
    assert rows[1] == ["'+51 Club", "4", "'-2 points after a complaint"]
    assert rows[2][0] == "'\tTabbed" and rows[2][2] == "'\rReturned"


def test_ordinary_cells_and_numbers_are_untouched():
    rows = exported_rows()[1:]
    assert rows[3] == ["Sport Huancayo", "7", "Champion; 3-1 in the final"]
    assert neutralise(-3) == -3 and neutralise(None) is None
    assert neutralise("-3") == "-3" and neutralise("+2") == "+2"
    assert neutralise("-3+cmd|' /C calc'!A0") == "'-3+cmd|' /C calc'!A0"


def test_a_formula_in_a_column_heading_is_neutralised_too():
    class HostileHeading(tables.Table):
        team = tables.Column(verbose_name="=cmd|' /C calc'!A0")

    header = SafeTableExport("csv", HostileHeading([{"team": "CNI"}])).export().splitlines()[0]
    assert header.startswith("\"'=cmd") or header.startswith("'=cmd")
