"""Leaderboards: the class and assignment boards students see, and the projector view that polls itself.

The projector's board fragment is what a thousand open pages poll, so it is cheap: an ETag from the
classroom's `board_version` (see quizzes.board_cache) answers `304 Not Modified` when nothing changed, and
the rendered HTML is kept in the shared cache under that version, so a change reaches every worker at once.
"""

from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from quizzes import selectors
from quizzes.models import Assignment, Classroom, Enrollment
from quizzes.views import HtmxHttpRequest, login_required, wants_fragment
from quizzes.views.board_poll import classroom_for_board, poll_etag, poll_headers, unchanged_poll

BOARD_CACHE_SECONDS = 60 * 60


@require_GET
def classroom_board(request: HtmxHttpRequest, classroom_id: int) -> HttpResponse:
    if wants_fragment(request):  # an open page's poll: 304 without the session when the board is unchanged
        unchanged = unchanged_poll(request, classroom_id, _if_none_match(request))
        if unchanged is not None:
            return unchanged
    return _classroom_board(request, classroom_id)


@login_required
def _classroom_board(request: HtmxHttpRequest, classroom_id: int) -> HttpResponse:
    # One query for the class and both permission facts: this runs on the first poll of every open page.
    classroom = classroom_for_board(classroom_id, request.user.pk)
    if classroom is None or not (
        _teaches(request, classroom) or (classroom.is_enrolled and classroom.shows_board)
    ):
        raise Http404("No leaderboard here.")
    # A student's open page polls this by HTMX: answer 304 while the board version is unchanged.
    version = classroom.board_version  # read with the permission checks
    etag = poll_etag(request, classroom.pk, classroom.board_size, version)
    if wants_fragment(request) and etag in _if_none_match(request):
        return poll_headers(HttpResponseNotModified(), etag)
    board_html = _cached_board(
        classroom,
        f"class:{classroom.pk}",
        lambda: selectors.classroom_leaderboard(classroom=classroom, limit=classroom.board_size),
        version=version,
    )
    if wants_fragment(request):
        return poll_headers(HttpResponse(board_html), etag)
    poll_url = reverse("classroom_board", args=[classroom.pk])
    context = {
        "classroom": classroom,
        "title": classroom.name,
        "board_html": board_html,
        "poll_url": poll_url,
    }
    response = render(request, "quizzes/board.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_GET
def assignment_board(request: HtmxHttpRequest, assignment_id: int) -> HttpResponse:
    assignment = get_object_or_404(Assignment.objects.select_related("classroom"), pk=assignment_id)
    classroom = assignment.classroom
    if not (_teaches(request, classroom) or (assignment.show_leaderboard and _enrolled(request, classroom))):
        raise Http404("No leaderboard here.")
    board_html = _cached_board(
        classroom,
        f"assignment:{assignment.pk}",
        lambda: selectors.assignment_leaderboard(assignment=assignment, limit=classroom.board_size),
    )
    context = {
        "classroom": classroom,
        "assignment": assignment,
        "title": assignment.title,
        "board_html": board_html,
    }
    return render(request, "quizzes/board.html", context)


@require_GET
def projector_by_token(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """The read-only link a classroom computer opens without signing in; 404 once revoked or rotated."""
    classroom = get_object_or_404(Classroom, board_token=token)
    return _projector(request, classroom, poll_url=reverse("board", args=[token]))


@login_required
@require_GET
def projector_for_teacher(request: HtmxHttpRequest, classroom_id: int) -> HttpResponse:
    classroom = get_object_or_404(Classroom, pk=classroom_id)
    if not _teaches(request, classroom):
        raise Http404("No leaderboard here.")
    return _projector(request, classroom, poll_url=reverse("projector_for_teacher", args=[classroom.pk]))


def _projector(request: HtmxHttpRequest, classroom: Classroom, *, poll_url: str) -> HttpResponse:
    version = classroom.board_version
    etag = f'"board-{classroom.pk}-{classroom.board_size}-{version}"'
    fragment = wants_fragment(request)
    if fragment and etag in _if_none_match(request):
        response: HttpResponse = HttpResponseNotModified()
    else:
        board_html = _board_html(classroom, version, poll_url)
        if fragment:
            response = HttpResponse(board_html)
        else:
            context = {"classroom": classroom, "board_html": board_html, "poll_url": poll_url}
            response = render(request, "quizzes/projector.html", context)
    if fragment:
        response["ETag"] = etag
    # Browsers may keep the fragment but must ask again each time; the answer is usually a 304.
    patch_cache_control(response, no_cache=True, private=True)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _board_html(classroom: Classroom, version: str, poll_url: str) -> str:
    return _cached_board(
        classroom,
        f"projector:{poll_url}",
        lambda: selectors.classroom_leaderboard(classroom=classroom, limit=classroom.board_size),
        version=version,
        poll_url=poll_url,
    )


def _cached_board(classroom: Classroom, kind: str, rows, *, version: str = "", poll_url: str = "") -> str:
    """The board's HTML from the shared cache, keyed by the class's board version (which moves on commit of
    any answer or finish, so a stale board is never served); `rows` is only called on a miss."""
    version = version or classroom.board_version
    key = f"board-html:{kind}:{classroom.board_size}:{version}"
    html = cache.get(key)
    if html is None:
        # A class-wide board's percentage is of every point set so far: "Accuracy" read as if a quiz not
        # yet taken did not count (7 of 13 right showed as 23 %).
        class_wide = not kind.startswith("assignment:")
        context = {"classroom": classroom, "rows": rows(), "poll_url": poll_url, "class_wide": class_wide}
        html = render_to_string("quizzes/projector.html#board", context)
        cache.set(key, html, BOARD_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own autoescaped render  # nosec B308, B703


def _if_none_match(request: HtmxHttpRequest) -> set[str]:
    header = request.headers.get("If-None-Match", "")
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def _teaches(request: HtmxHttpRequest, classroom: Classroom) -> bool:
    return request.user.is_superuser or classroom.teacher_id == request.user.pk


def _enrolled(request: HtmxHttpRequest, classroom: Classroom) -> bool:
    return Enrollment.objects.filter(classroom=classroom, student_id=request.user.pk).exists()
