"""Time ``standings()`` on a full 20-team double round robin (380 matches).

Scores are pseudo-random but fixed by a seed and skewed towards draws and low
scores, so several teams finish level on points and head-to-head mini-leagues are
really computed.  Run from the repository root:

    python bench/standings_bench.py [repeats]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tournaments.rules.standings import Result, standings

TEAMS = [f"Club {n:02d}" for n in range(1, 21)]
TIEBREAKERS = ["points", "head_to_head", "goal_difference", "goals_for"]
# Any fixed seed would do; this one leaves six groups level on points, two of them three-way.
SEED = 1967
DRAW_RATE = 0.35  # amateur football draws a lot, and draws are what leave teams level


def double_round_robin(seed: int = SEED) -> list[Result]:
    rng = random.Random(seed)
    goals = [0, 0, 1, 1, 1, 2, 2, 3]
    results = []
    for home in TEAMS:
        for away in TEAMS:
            if home == away:
                continue
            home_goals = rng.choice(goals)
            away_goals = home_goals if rng.random() < DRAW_RATE else rng.choice(goals)
            results.append(Result(home, away, home_goals, away_goals))
    return results


def main(repeats: int = 2000) -> None:
    results = double_round_robin()
    rows = standings(TEAMS, results, tiebreakers=TIEBREAKERS)
    level = sorted(n for n in Counter(r.points for r in rows).values() if n > 1)
    print(f"{len(results)} results, {len(rows)} teams; sizes of groups level on points: {level}")

    for _ in range(50):  # warm-up
        standings(TEAMS, results, tiebreakers=TIEBREAKERS)
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        standings(TEAMS, results, tiebreakers=TIEBREAKERS)
        timings.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(f"standings() x{repeats}: median {statistics.median(timings):.3f} ms, p95 {p95:.3f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
