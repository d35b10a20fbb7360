"""The football rules: plain Python with no database, each rule tested on its own.

- match_status: the statuses a match can have;
- match_results: which matches count towards a table, and as what result;
- standings: a group's table from its results, with the registry of tiebreakers;
- knockout: who won a tie (aggregate, away goals, extra time, penalties, ruling).

``selectors/outcomes.py`` applies them to stored groups and ties.
"""
