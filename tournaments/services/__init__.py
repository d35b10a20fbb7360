"""Writes that span many models: season articles in and out, backups, and the synthetic archive for scale tests.

- article_parser: article text -> a plain structure with line numbers (no ORM);
- team_names: splitting flattened team cells and finding team names inside notes (no ORM);
- rulings: the keyword classifier that reads a note's ruling (no ORM);
- season_rows: a season's rows keyed by natural identities, for diffs, dumps and tests;
- season_import: the structure -> database, in one transaction, with a dry-run diff;
- season_export: database -> article text;
- fixture_build: the shipped fixtures, built from the seed articles by the importer;
- backups: the whole site to one archive file and back;
- synthetic_archive: invented seasons of real shape for scale tests, clearly marked.
"""

from .article_parser import ArticleError

__all__ = ["ArticleError"]
