"""One rule for when an assignment is open, shared by the dashboard, the teacher's overview and starting."""

import datetime as dt

import pytest

from quizzes.models import assignment_phase

OPENS = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
CLOSES = OPENS + dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("now", "closes_at", "phase"),
    [
        (OPENS - dt.timedelta(seconds=1), CLOSES, "upcoming"),
        (OPENS, CLOSES, "open"),  # the opening minute belongs to the quiz
        (CLOSES - dt.timedelta(seconds=1), CLOSES, "open"),
        (CLOSES, CLOSES, "closed"),  # an answer at the closing time is too late, as response_submit says
        (OPENS + dt.timedelta(days=400), None, "open"),  # no closing time: open for good
    ],
)
def test_open_from_the_opening_time_until_the_closing_time(now, closes_at, phase):
    assert assignment_phase(opens_at=OPENS, closes_at=closes_at, now=now) == phase
