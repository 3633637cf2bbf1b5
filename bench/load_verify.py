"""After the load: compare the database with the client's own count (run in its own process, like set-up).

Reads JSON on stdin: {"assignment_id", "accepted": [[attempt_id, question_id, expected_correct], ...],
"unknown": [[attempt_id, question_id], ...]}: `accepted` holds every (attempt, question) the client saw
saved, `unknown` those sent without a reply (their fate is reported, not guessed). Prints one JSON line.
"""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.db.models import Count, F, Q, Sum  # noqa: E402
from django.db.models.functions import Coalesce  # noqa: E402

from quizzes.models import Attempt, Response  # noqa: E402


def verify(assignment_id: int, accepted: list[list], unknown: list[list]) -> dict:
    expected = {(attempt, question): correct for attempt, question, correct in accepted}
    no_reply = {(attempt, question) for attempt, question in unknown} - expected.keys()
    responses = Response.objects.filter(attempt__assignment_id=assignment_id)
    stored = {
        (r["attempt_id"], r["question_id"]): r["is_correct"]
        for r in responses.values("attempt_id", "question_id", "is_correct")
    }
    doubled = responses.values("attempt_id", "question_id").annotate(n=Count("id")).filter(n__gt=1)
    attempts = Attempt.objects.filter(assignment_id=assignment_id).annotate(
        correct_points=Coalesce(Sum("responses__points", filter=Q(responses__is_correct=True)), 0)
    )
    ambiguous_attempts = {attempt for attempt, _question in no_reply}  # a reply never came: score unknown
    expected_correct: dict[int, int] = {}
    for (attempt, _question), correct in expected.items():
        expected_correct[attempt] = expected_correct.get(attempt, 0) + int(correct)
    finished = attempts.filter(finished_at__isnull=False)
    differing = [key for key, correct in expected.items() if key in stored and stored[key] != correct]
    return {
        "accepted": len(expected),
        "stored": responses.count(),
        "lost": len(expected.keys() - stored.keys()),
        "unexpected": len(stored.keys() - expected.keys() - no_reply),
        "sent_without_reply": len(no_reply),
        "stored_without_reply": len(no_reply & stored.keys()),
        "double": sum(row["n"] - 1 for row in doubled),
        "graded_differently": len(differing),
        "graded_differently_sample": [_describe(responses, key, expected[key]) for key in differing[:3]],
        "attempts": attempts.count(),
        "unfinished": attempts.filter(finished_at__isnull=True).count(),
        "score_not_sum": finished.exclude(score=F("correct_points")).count(),
        "score_not_client": sum(
            1 for a in finished if a.pk not in ambiguous_attempts and a.score != expected_correct.get(a.pk, 0)
        ),
        "attempts_with_a_reply_missing": len(ambiguous_attempts),
    }


def _describe(responses, key: tuple[int, int], expected: bool) -> list:
    row = responses.filter(attempt_id=key[0], question_id=key[1])
    return [
        *key,
        expected,
        *row.values_list("question__kind", "given_answer", "choice__text", "is_correct")[0],
    ]


if __name__ == "__main__":
    request = json.load(sys.stdin)
    print(json.dumps(verify(request["assignment_id"], request["accepted"], request["unknown"])))
