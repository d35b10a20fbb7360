"""Table exports that are safe to open in a spreadsheet.

A cell such as `=HYPERLINK("http://evil", "Sport Huancayo")` in a CSV runs as a formula when a journalist opens
the file in Excel or LibreOffice (CSV/formula injection). Every exported text cell that a spreadsheet would read as
a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, which spreadsheets
show as plain text. Numbers stay numbers, also when a column renders them as text: a goal difference of "-3" is
data, not a formula, and a journalist's spreadsheet must still be able to add it up.

The CSV starts with a UTF-8 byte-order mark: without it Excel on Windows reads the file as Windows-1252 and shows
"AtlÃ©tico" for "Atlético" (LibreOffice and Python's "utf-8-sig" read the mark and drop it). The .xlsx (through
tablib and openpyxl) gets the same neutralised cells, so a formula typed as a team name stays text there too.

Wire it on a django-tables2 export view with `export_class = SafeTableExport` next to `ExportMixin`.
"""

import re

from django_tables2.export import TableExport
from tablib import Dataset

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def neutralise(value):
    """The value a spreadsheet will show as text, never evaluate.

    >>> neutralise("=1+1")
    "'=1+1"
    >>> neutralise("-3")
    '-3'
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeTableExport(TableExport):
    """django-tables2's TableExport with every cell (headers included) neutralised, and a CSV Excel reads as UTF-8."""

    PAGE_FORMATS = (TableExport.CSV, TableExport.XLSX)

    def content_type(self):
        return "text/csv; charset=utf-8" if self.format == self.CSV else super().content_type()

    def response(self, filename=None):
        """The download; a CSV starts with the byte-order mark (``export()`` itself stays plain text)."""
        response = super().response(filename=filename)
        if self.format == self.CSV:
            response.content = "\ufeff".encode() + response.content
        return response

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        return Dataset(
            *(tuple(neutralise(cell) for cell in row) for row in dataset),
            headers=[neutralise(str(header)) for header in dataset.headers or []],
            title=dataset.title,
        )
