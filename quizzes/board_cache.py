"""The class board's version: a token in the shared cache that changes on commit of any response or finish.

Views use it as the ETag of leaderboard pages (304 when unchanged) and in the cache key of rendered boards,
so a thousand polling projectors and dashboards cost a cache read each, not a ranking query.
"""

import datetime as dt
import hashlib
import uuid

from django.core.cache import cache
from django.utils import timezone


def _key(classroom_id: int) -> str:
    return f"board-version:{classroom_id}"


def board_version(*, classroom_id: int) -> str:
    key = _key(classroom_id)
    version = cache.get(key)
    if version is None:
        # A fresh random token (not a counter restarting at 0) so an evicted key never repeats an old ETag.
        cache.add(key, uuid.uuid4().hex[:16], timeout=None)
        version = cache.get(key)
    return version


def board_version_bump(*, classroom_id: int) -> None:
    cache.set(_key(classroom_id), uuid.uuid4().hex[:16], timeout=None)


def _student_classrooms_key(student_id: int) -> str:
    return f"student-classrooms:{student_id}"


def student_classrooms_forget(*, student_id: int) -> None:
    """Called on commit when the student joins or leaves a class."""
    cache.delete(_student_classrooms_key(student_id))


def dashboard_version(*, student_id: int, now: dt.datetime | None = None) -> str:
    """ETag material for a student's dashboard: their classes' board versions plus the current minute.

    Every write that changes a dashboard bumps its class's board version (answers, finishing, closing,
    new assignments, overrides, joining); the minute covers quizzes opening or closing by the clock.
    Costs cache reads only, after the first call.
    """
    key = _student_classrooms_key(student_id)
    classroom_ids = cache.get(key)
    if classroom_ids is None:
        from quizzes.models import Enrollment  # here, so this module stays importable without app loading

        classroom_ids = sorted(
            Enrollment.objects.filter(student_id=student_id).values_list("classroom_id", flat=True)
        )
        cache.set(key, classroom_ids, timeout=60 * 60)
    versions = [board_version(classroom_id=cid) for cid in classroom_ids]
    minute = (now or timezone.now()).strftime("%Y%m%d%H%M")
    material = "|".join([str(student_id), minute, *versions])
    return hashlib.sha256(material.encode()).hexdigest()[:20]
