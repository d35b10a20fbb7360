"""Plain factories for made-up competition rows, shared by fixtures and by tests that build many of them."""

from tournaments.models import Match, MatchStatus


def create_match(group, home, away, home_score, away_score, status=MatchStatus.PLAYED, **fields):
    """A match of ``group`` between two of its teams, played unless ``status`` says otherwise."""
    return Match.objects.create(
        season=group.season,
        region=group.region,
        group=group,
        home_team=home,
        away_team=away,
        home_score=home_score,
        away_score=away_score,
        status=status,
        **fields,
    )
