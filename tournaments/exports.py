"""Table exports that are safe to open in a spreadsheet.

A cell such as `=HYPERLINK("http://evil", "Sport Huancayo")` in a CSV runs as a formula when a journalist opens
the file in Excel or LibreOffice (CSV/formula injection). Every exported text cell that a spreadsheet would read as
a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, which spreadsheets
show as plain text. Numbers stay numbers, also when a column renders them as text: a goal difference of "-3" is
data, not a formula, and a journalist's spreadsheet must still be able to add it up.

The CSV starts with a UTF-8 byte-order mark: without it Excel on Windows reads the file as Windows-1252 and shows
"AtlÃ©tico" for "Atlético" (LibreOffice and Python's "utf-8-sig" read the mark and drop it). The .xlsx (through
tablib and openpyxl) gets the same neutralised cells, so a formula typed as a team name stays text there too.

A season's table carries its sources: each row's footnote numbers in a Sources column (tables.SourcesColumn), and
the numbered sources themselves (selectors.sources) after the table in a CSV, on a second sheet "Sources" in an
.xlsx, with the same numbers as the season's pages.

Wire it on a django-tables2 export view with `export_class = SafeTableExport` next to `ExportMixin`.
"""

import re

from django.utils.translation import gettext as _
from django_tables2.export import TableExport
from tablib import Databook, Dataset

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

    def __init__(self, export_format, table, exclude_columns=None, dataset_kwargs=None, sources=()):
        """``sources``: the season's [selectors.sources.NumberedSource], listed after the table (none: no list)."""
        super().__init__(export_format, table, exclude_columns, dataset_kwargs)
        self.sources = sources_dataset(sources) if sources else None

    def export(self):
        if self.sources is None:
            return super().export()
        if self.format == self.CSV:
            # A blank row, then the numbered list under its own header row: a spreadsheet opens both as plain rows.
            return self.dataset.export("csv") + "\r\n" + self.sources.export("csv")
        return Databook([self.dataset, self.sources]).export(self.format)

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


def sources_dataset(entries):
    """The numbered sources as a table: number, publisher, title, address, licence, language (its code) and date
    accessed (ISO 8601, so a spreadsheet sorts it); an unrecorded language or date reads "not recorded" (every cell
    neutralised)."""
    headers = [_("Source"), _("Publisher"), _("Title"), _("Address"), _("Licence"), _("Language"), _("Date accessed")]
    rows = [
        (
            entry.number,
            *(neutralise(value) for value in (source.publisher, source.title, source.url, source.licence)),
            neutralise(source.language) or _("not recorded"),
            source.accessed.isoformat() if source.accessed else _("not recorded"),
        )
        for entry in entries
        for source in [entry.source]
    ]
    return Dataset(*rows, headers=[str(header) for header in headers], title=str(_("Sources")))
