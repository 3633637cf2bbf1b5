"""Every URL × five roles: who gets in, who is sent to sign in, and who is told the page does not exist.

The test walks the whole URL conf (`get_resolver()`, including every `include`), builds each URL's kwargs from
one shared world by kwarg name, requests it as each role and compares the status with `EXPECTED`. A URL
with no entry in `EXPECTED` fails the test, so nobody adds a page without deciding who may see it.

Admin: Django's generic admin pages (changelist/add/change/delete/history per model, index, login,
password change, autocomplete, jsi18n, view_on_site, app_list) all sit behind `AdminSite.admin_view` and
model permissions, and the row-level scoping is tested in tests/quizzes/test_admin_scoping.py; checking
all ~60 of them here would only re-test Django. So they are skipped, except the key ones listed in
`EXPECTED` (with kwargs in `ADMIN_KWARGS`). Any *custom* admin URL (one added through `get_urls`) is not
generic and must have an entry.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from quizzes.services import attempt_start
from tests.factories import (
    ArticleFactory,
    AssignmentFactory,
    AssignmentQuestionFactory,
    ClassroomFactory,
    EnrollmentFactory,
    UserFactory,
)
from tests.quizzes.teacher_helpers import make_teacher

ROLES = ("anonymous", "student_in", "student_out", "teacher", "other_teacher")
GENERIC_ADMIN = re.compile(
    r"^admin:(index|login|logout|password_change|password_change_done|autocomplete|jsi18n|view_on_site"
    r"|app_list|\w+_(changelist|add|change|delete|history))$"
)
KWARG = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")

# Statuses for anonymous, student in the class, student of another class, the class's teacher, another
# teacher. 302 = sent to sign in (or, in the admin, away from an object that is not theirs); 404 = "no such
# page" for those who must not learn it exists; 405 = wrong method for a signed-in user.
A, SI, SO, T, OT = ROLES


def row(anonymous, student_in, student_out, teacher, other_teacher) -> dict[str, int]:
    return dict(zip(ROLES, (anonymous, student_in, student_out, teacher, other_teacher), strict=True))


EXPECTED: dict[str, dict[str, int]] = {
    #                                       anon student_in student_out teacher other_teacher
    # Admin (key pages only, see the module docstring). Non-staff are sent to the admin sign-in; another
    # teacher's object is "not found" to the admin, which redirects to the index.
    "admin:index": row(302, 302, 302, 200, 200),
    "admin:articles_article_changelist": row(302, 302, 302, 200, 200),
    "admin:articles_article_change": row(302, 302, 302, 200, 302),
    "admin:quizzes_question_change": row(302, 302, 302, 200, 302),
    "admin:quizzes_classroom_change": row(302, 302, 302, 200, 302),
    "admin:quizzes_assignment_change": row(302, 302, 302, 200, 302),
    "admin:quizzes_attempt_changelist": row(302, 302, 302, 200, 200),
    "admin:quizzes_classroom_students": row(302, 302, 302, 200, 404),
    "admin:quizzes_classroom_projector": row(302, 302, 302, 200, 404),
    # Sign-in: signed-in users are sent on; logout (POST) always redirects.
    "login": row(200, 302, 302, 302, 302),
    "logout": row(302, 302, 302, 302, 302),
    # Dashboard; joining is open to any signed-in user (a wrong code is answered with a message).
    "home": row(302, 200, 200, 200, 200),
    "classroom_join": row(302, 302, 302, 302, 302),
    # Taking a quiz: only the student whose attempt it is. Starting as an outsider is refused with a
    # message and a redirect to the dashboard (the service writes nothing).
    "attempt_start": row(302, 302, 302, 302, 302),
    "attempt_take": row(302, 200, 404, 404, 404),
    "attempt_question": row(302, 200, 404, 404, 404),
    "response_submit": row(302, 302, 404, 404, 404),
    "attempt_finish": row(302, 302, 404, 404, 404),
    # Results: the attempt is still open, so its results page sends the student back to the quiz; the
    # assignment's results exist only after a finished attempt.
    "attempt_results": row(302, 302, 404, 404, 404),
    "assignment_results": row(302, 404, 404, 404, 404),
    # Leaderboards: the class (and its teacher) only; the token link is public by design (projector).
    "assignment_board": row(302, 200, 404, 200, 404),
    "classroom_board": row(302, 200, 404, 200, 404),
    "projector_for_teacher": row(302, 404, 404, 200, 404),
    "board": row(200, 200, 200, 200, 200),
    # Article pages: staff only; another teacher's article does not exist for them.
    "article_list": row(302, 404, 404, 200, 200),
    "article_new": row(302, 404, 404, 200, 200),
    "article_detail": row(302, 404, 404, 200, 404),
    "article_generate": row(302, 404, 404, 302, 404),
    "article_ask": row(302, 404, 404, 302, 404),
    "article_restore": row(302, 404, 404, 302, 404),
    # Teacher report and preview: the class's teacher only.
    "teacher_report": row(302, 404, 404, 200, 404),
    "teacher_report_csv": row(302, 404, 404, 200, 404),
    "teacher_preview": row(302, 404, 404, 200, 404),
    "teacher_preview_question": row(302, 404, 404, 200, 404),
    "teacher_preview_answer": row(302, 404, 404, 302, 404),
    "teacher_preview_finish": row(302, 404, 404, 200, 404),
    "teacher_preview_reset": row(302, 404, 404, 302, 404),
    # Close now: its confirmation page (GET); the confirmed post is in GET_AND_POST.
    "teacher_close": row(302, 404, 404, 200, 404),
}
# URLs requested with POST (they refuse GET); the body is built by `post_data`.
POST_URLS: set[str] = {
    "logout",
    "classroom_join",
    "attempt_start",
    "response_submit",
    "attempt_finish",
    "article_generate",
    "article_ask",
    "article_restore",
    "teacher_preview_answer",
    "teacher_preview_reset",
}


def walk(patterns, prefix="", namespace=""):
    """(qualified name, route) for every named URL pattern, recursing into includes."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else (pattern.namespace or namespace)
            )
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern)


def all_url_names() -> dict[str, str]:
    return {name: route for name, route in walk(get_resolver().url_patterns)}


def checked_url_names() -> list[str]:
    names = all_url_names()
    return sorted(name for name in names if name in EXPECTED or not GENERIC_ADMIN.match(name))


@pytest.fixture
def world(db):
    teacher, other_teacher = make_teacher(username="t.main"), make_teacher(username="t.other")
    classroom = ClassroomFactory(teacher=teacher, board_token="projector-token-123")  # noqa: S106
    article = ArticleFactory(owner=teacher, removed=[{"text": "Subscribe now.", "reason": "subscription"}])
    assignment = AssignmentFactory(classroom=classroom, article=article)
    item = AssignmentQuestionFactory(assignment=assignment, position=0)
    student_in = UserFactory(username="s.in")
    EnrollmentFactory(classroom=classroom, student=student_in)
    other_class = ClassroomFactory(teacher=other_teacher)
    student_out = UserFactory(username="s.out")
    EnrollmentFactory(classroom=other_class, student=student_out)
    attempt = attempt_start(assignment=assignment, student=student_in)
    users = {A: None, SI: student_in, SO: student_out, T: teacher, OT: other_teacher}
    kwargs = {
        "attempt_id": attempt.pk,
        "assignment_id": assignment.pk,
        "classroom_id": classroom.pk,
        "article_id": article.pk,
        "question_id": item.question_id,
        "token": classroom.board_token,
        "index": 0,
    }
    return {"users": users, "kwargs": kwargs, "classroom": classroom, "article": article, "item": item}


def admin_kwargs(name: str, world) -> dict:
    objects = {
        "admin:articles_article_change": world["article"],
        "admin:quizzes_question_change": world["item"].question,
        "admin:quizzes_classroom_change": world["classroom"],
        "admin:quizzes_assignment_change": world["item"].assignment,
    }
    return {"object_id": objects[name].pk} if name in objects else {}


def url_for(name: str, route: str, world) -> str:
    wanted = {a or b for a, b in KWARG.findall(route)}
    kwargs = {key: world["kwargs"][key] for key in wanted if key in world["kwargs"]}
    kwargs.update(admin_kwargs(name, world))
    return reverse(name, kwargs=kwargs)


def post_data(name: str, world) -> dict:
    return {
        "response_submit": {"answer_text": "Mosul"},
        "teacher_preview_answer": {"answer_text": "Mosul"},
        "classroom_join": {"join_code": world["classroom"].join_code, "display_name": "Newcomer"},
        "article_ask": {"phrase": "Mosul"},
        "login": {"username": "s.in", "password": "pw"},
        "article_new": {"title": "Pasted", "text": world["article"].text},
        "admin:quizzes_classroom_students": {"names": "Zed Newman"},
        "admin:quizzes_classroom_projector": {"do": "rotate"},
    }.get(name, {})


@pytest.fixture(autouse=True)
def _no_generator(monkeypatch):
    """The permission walk is about who may call the generator, not about generating: keep it instant."""
    from quizzes.models import Question
    from quizzes.services.generation import GenerationResult

    def fake_generate(*, article, limit=20):
        return GenerationResult(created=0, skipped=0, message="0 draft question(s) generated for review.")

    def fake_ask(*, article, start, end):
        return Question.objects.create(article=article, prompt="Which city?", answer="Mosul")

    monkeypatch.setattr("articles.views.questions_generate", fake_generate, raising=False)
    monkeypatch.setattr("articles.views.question_ask", fake_ask, raising=False)


def request_as(client: Client, role: str, name: str, url: str, world):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    if name in POST_URLS:
        return client.post(url, post_data(name, world))
    return client.get(url)


def test_every_url_has_an_expected_entry():
    missing = [name for name in checked_url_names() if name not in EXPECTED]
    assert not missing, f"New URL without an entry in EXPECTED: {missing}"
    stale = [name for name in EXPECTED if name not in all_url_names()]
    assert not stale, f"EXPECTED lists URLs that no longer exist: {stale}"


def status_cases():
    # One case per (URL, role), each on a fresh database: a POST in one case cannot change another's world.
    return [(name, role) for name in checked_url_names() if name in EXPECTED for role in ROLES]


@pytest.mark.django_db
@pytest.mark.parametrize("name,role", status_cases())
def test_url_status_for_role(client, world, name, role):
    url = url_for(name, all_url_names()[name], world)
    response = request_as(client, role, name, url, world)
    assert response.status_code == EXPECTED[name][role], f"{role} {url}"


# Pages that answer GET and also take a POST: (role that posts, status of a successful post).
GET_AND_POST = {
    "login": (A, 302),
    "article_new": (T, 302),
    "admin:quizzes_classroom_students": (T, 200),
    "admin:quizzes_classroom_projector": (T, 200),
    "teacher_close": (T, 302),
}


def csrf_cases():
    """(url name, role, expected status) for each POST endpoint, as a role allowed to use it."""
    cases = [
        (name, role := next(r for r in (T, SI, A) if EXPECTED[name][r] != 404), EXPECTED[name][role])
        for name in sorted(POST_URLS)
        if name in EXPECTED  # a missing entry is reported by test_every_url_has_an_expected_entry
    ]
    return cases + [(name, role, status) for name, (role, status) in GET_AND_POST.items()]


@pytest.mark.django_db
@pytest.mark.parametrize("name,role,status", csrf_cases())
def test_post_endpoints_refuse_without_csrf_token_and_work_with_it(world, name, role, status):
    url = url_for(name, all_url_names()[name], world)
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("login"))  # sets the csrftoken cookie, as any page with a form does
    token = client.cookies["csrftoken"].value
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    assert client.post(url, post_data(name, world)).status_code == 403

    response = client.post(url, {**post_data(name, world), "csrfmiddlewaretoken": token})
    assert response.status_code == status
